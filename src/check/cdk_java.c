#include "check/cdk.h"
void cdk_walk_java(cdk *k) { (void)k; }
