#include "check/cdk.h"
void cdk_walk_py(cdk *k) { (void)k; }
