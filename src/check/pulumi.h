/* The Pulumi checks (docs/rules/pulumi.md) against build/kb/pulumi.kb, on
 * the shared config walker (check/tfcfg.h). pulumi.c finds what a call
 * names through the imports and checks resource constructors; pulumi_fn.c
 * checks the data-source functions. */
#ifndef IG_CHECK_PULUMI_H
#define IG_CHECK_PULUMI_H
#include "check/tfcfg.h"

typedef struct pulumi_scan {
	ig_check_ctx *c;
	const ig_kb *kb;
} pulumi_scan;

/* The input type a member holds, when pulumi.kb has it (a type it lacks is unknown). */
const char *pulumi_nested(ig_tfcfg *t, const ig_kb_entry *e);
/* aws.s3.BucketVersioningArgs(...) builds the input type input.s3.BucketVersioning,
 * Java's GetAmiArgs.builder() the arguments of the function ec2.getAmi. */
bool pulumi_struct_call(ig_tfcfg *t, const char *name, const char *key);
/* The rule for an argument the resource or function does not have: in
 * JavaScript the generated code copies only the names it knows (the
 * program runs, the setting is lost), so pulumi.js-undefined (B). */
const char *pulumi_rule_unknown(const ig_check_ctx *c);
/* The Java class of a package's functions (pulumi-java's codegen:
 * functionsClassName() is the title-cased module and "Functions":
 * Ec2Functions in com.pulumi.aws.ec2, AwsFunctions in com.pulumi.aws). */
bool pulumi_functions_class(const char *path, const char *cls);
/* A call that is not a resource constructor: checked when it is a
 * data-source function. seq holds the k names after the package root
 * (module, then the function or Java's functions class and function),
 * path the package the import names. */
void pulumi_function_call(pulumi_scan *s, const ig_tfcfg_call *call, const char **seq, int k, const char *path);
/* The names after the package root that a chain of names (parts, n) means
 * through the file's imports (module, then class, function or enum, then
 * member), in seq; *path is the package the import names. Returns how many,
 * or -1 when no import of @pulumi/aws names it. */
int pulumi_resolve(pulumi_scan *s, const char **parts, int n, const char **seq, int max, const char **path);
/* TypeScript and JavaScript: enum members (aws.lambda.Runtime.NodeJS20dX,
 * aws.iam.ManagedPolicy.X, aws.Region.USEast1) the enum has, and their deprecations. */
void pulumi_enum_members(pulumi_scan *s);
#endif
