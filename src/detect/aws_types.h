/* Tables generated at build time from @aws-cdk/aws-service-spec
 * (scripts/gen/aws-types.js): every CloudFormation resource type, sorted, and
 * every service's short name (CDK module name) with its namespace. */
#ifndef IG_AWS_TYPES_H
#define IG_AWS_TYPES_H

typedef struct ig_aws_service {
	const char *short_name;   /* "s3", "elasticloadbalancingv2" */
	const char *ns;           /* "S3", "ElasticLoadBalancingV2" */
} ig_aws_service;

extern const char *const ig_cfn_types[];
extern const unsigned ig_cfn_types_count;
extern const ig_aws_service ig_aws_services[];   /* sorted by short_name */
extern const unsigned ig_aws_services_count;

/* Hand data from the TSV files in data/services/ (each row's source URL is in the file). */
typedef struct ig_kv { const char *key, *value; } ig_kv;
extern const ig_kv ig_svc_networking[];     /* folded EC2 resource names reported as VPC */
extern const unsigned ig_svc_networking_count;
extern const ig_kv ig_svc_tf_prefixes[];    /* Terraform type prefix -> namespace */
extern const unsigned ig_svc_tf_prefixes_count;
extern const ig_kv ig_svc_aliases[];        /* folded metadata spelling -> canonical service */
extern const unsigned ig_svc_aliases_count;
#endif
