/* Platform and language detection from the code itself (never from prose,
 * metadata.json or folder names), resources and AWS services used. */
#ifndef IG_DETECT_H
#define IG_DETECT_H
#include "task/types.h"

/* Sets f->platform and f->platform_lang from f's code (imports of aws-cdk-lib /
 * aws_cdk / awscdk, cdktf, @pulumi/aws / pulumi_aws / pulumi-aws sdk, template
 * markers, resource "aws_..." blocks, pipelines, analysis scripts). Uses
 * f->parse.tree when present. */
void ig_detect_file(ig_file *f);

/* Sets r->platform and r->lang from its files (weighted vote). */
void ig_detect_response(ig_response *r);

/* Fills f->resources (native type, logical name, canonical service, line). */
void ig_resources_extract(ig_arena *a, ig_file *f);

/* Sets r->services: the sorted unique canonical services of r's resources. */
void ig_services_collect(ig_arena *a, ig_response *r);

/* Fold a spelling from metadata aws_services ("Amazon S3", "s3", "S3 Bucket",
 * "ALB", "AWS::S3::Bucket") to the canonical service name, or NULL. */
const char *ig_service_fold(const char *spelling, size_t n);
#endif
