#include "check/cdk.h"
void cdk_walk_go(cdk *k) { (void)k; }
