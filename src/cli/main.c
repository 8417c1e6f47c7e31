#include <stdio.h>
int main(void) { puts("iacgrade"); return 0; }
