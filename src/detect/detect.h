/* Platform and language detection from the code itself (never from prose,
 * metadata.json or folder names), resources and AWS services used. */
#ifndef IG_DETECT_H
#define IG_DETECT_H
#include "task/types.h"

/* Sets f->platform, f->platform_lang and f->resources from f's code, in one
 * walk of its syntax tree: imports of aws-cdk-lib / aws_cdk / awscdk, cdktf,
 * @pulumi/aws / pulumi_aws / the pulumi-aws Go SDK bind local names, and
 * constructor calls through them are resources; CloudFormation templates,
 * Terraform blocks and pipelines are read from their structure. Uses
 * f->parse.tree when present, else parses. */
void ig_detect_file(ig_arena *a, ig_file *f);

/* For a project file (cdk.json, cdktf.json, Pulumi.yaml, by f->path's base
 * name) sets f->platform and f->platform_lang from what it says (cdk.json's
 * app command, cdktf.json's language, Pulumi.yaml's runtime; the language may
 * stay unknown) and returns true; false for any other file. p is f's parse. */
bool ig_detect_project(ig_arena *a, ig_file *f, const ig_parse *p);

/* The language a shell command runs ("npx ts-node bin/tap.ts": ts,
 * "python3 tap.py": py, "go run tap.go": go, "mvn ... exec:java": java). */
ig_lang ig_detect_command_lang(const char *cmd);

/* Sets only f->resources (the same walk; f->platform is left as it was):
 * CloudFormation Resources entries, Terraform `resource "aws_*"` blocks (data
 * sources, modules and other providers' resources are not resources), and
 * construct / resource constructor calls of CDK, CDKTF and Pulumi, each with
 * its native type, logical name or construct id, 1-based line and canonical
 * service. boto3 clients of scripts come out as "boto3:<service>". */
void ig_resources_extract(ig_arena *a, ig_file *f);

/* Sets r->platform and r->lang from its files (weighted vote); a tie between
 * languages goes to `hint` (IG_LANG_UNKNOWN for none). */
void ig_detect_response(ig_response *r, ig_lang hint);

/* Sets r->services: the sorted unique canonical services of r's resources
 * (boto3 clients of scripts included; a pipeline's CLI calls only when the
 * response is a pipeline), plus CloudFormation for templates and CDK apps. */
void ig_services_collect(ig_arena *a, ig_response *r);

/* Fold a spelling from metadata aws_services ("Amazon S3", "s3", "S3 Bucket",
 * "ALB", "AWS::S3::Bucket") to the canonical service name, or NULL. */
const char *ig_service_fold(const char *spelling, size_t n);

/* Canonical service of a native type: platform, module/namespace the class
 * comes from (CDK "aws_s3", Pulumi "s3", CDKTF submodule) and the type or
 * class ("AWS::S3::Bucket", "aws_s3_bucket", "Bucket"). NULL if unknown. */
const char *ig_service_of_type(ig_platform p, const char *module, const char *cls);
#endif
