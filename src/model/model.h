/* The IaC model: one provider-neutral picture of what a response deploys,
 * filled by one adapter per platform family (CloudFormation, Terraform HCL,
 * CDK / CDKTF / Pulumi) and read by everything that compares or judges
 * resources (the model-vs-ideal diff, rules, the score's complexity).
 *
 * What it holds, per response:
 *   - resources: native type as written and resolved, the CloudFormation type
 *     as the shared vocabulary, construct level, logical name, properties,
 *     source span;
 *   - property values as a small tree (string, number, bool, null, list, map,
 *     reference to a resource, call, or unresolved text), each with where it
 *     came from (written, a default from data, or unknown);
 *   - stack facts: providers and regions, default tags, outputs, parameters and
 *     variables, and the edges between resources.
 *
 * Unknown is never false: a value the adapter could not follow is
 * IG_MV_UNRESOLVED with provenance IG_PROV_UNRESOLVED, and readers must treat
 * it as "could be anything". Defaults are filled only from data (jsii
 * `@default` texts, tables with a URL per row), never invented.
 *
 * Memory: a model owns one arena; every string and node in it lives there and
 * goes with ig_model_free. Nothing points into the parse trees, which may be
 * released as soon as the model is built. */
#ifndef IG_MODEL_H
#define IG_MODEL_H
#include <stdbool.h>
#include <stddef.h>
#include "task/types.h"
#include "util/arena.h"
#include "util/strmap.h"

/* Where something is written. file_id is opaque to the model: it is the index
 * of the file in the response the model was built from (ig_response.files), so
 * the caller maps (file_id, line) to the markdown line (ig_file.md_line). */
typedef struct ig_model_span {
	int file_id;            /* index into the source response's files, -1 when none */
	const char *path;       /* that file's path, for messages ("lib/tap-stack.ts") */
	unsigned line;          /* 1-based first line, 0 when unknown */
	unsigned end_line;      /* 1-based last line (== line for one-line things) */
} ig_model_span;

/* Value kinds. */
typedef enum ig_model_vkind {
	IG_MV_UNRESOLVED = 0,   /* not known: `text` holds the expression as written */
	IG_MV_NULL,
	IG_MV_BOOL,
	IG_MV_NUMBER,
	IG_MV_STRING,
	IG_MV_LIST,             /* items[0..n) */
	IG_MV_MAP,              /* keys[i] names items[i]; keys in native spelling */
	IG_MV_REF,              /* reference to a model resource (or a parameter / variable) */
	IG_MV_CALL,             /* a function or intrinsic the model does not evaluate: `text` is its
				   name ("Fn::Join", "cdk.Fn.join", "jsonencode"), items are the arguments */
} ig_model_vkind;

/* Where a value came from. */
typedef enum ig_model_prov {
	IG_PROV_EXPLICIT = 0,   /* written in the code (possibly through constants the model followed) */
	IG_PROV_DEFAULT,        /* filled from data: `default_source` says which (jsii @default, table URL) */
	IG_PROV_UNRESOLVED,     /* the adapter could not follow it: unknown */
} ig_model_prov;

/* What a reference points at. */
typedef enum ig_model_reftarget {
	IG_REF_RESOURCE = 0,    /* resource index `ref_index` in ig_model.resources */
	IG_REF_PARAMETER,       /* CloudFormation parameter / Terraform variable / config: `ref_name` */
	IG_REF_PSEUDO,          /* AWS::Region, AWS::AccountId, data sources, `this.region` ... */
	IG_REF_UNKNOWN,         /* names something the model does not hold */
} ig_model_reftarget;

typedef struct ig_model_value ig_model_value;
struct ig_model_value {
	ig_model_vkind kind;
	ig_model_prov prov;
	ig_model_span span;
	bool b;                 /* IG_MV_BOOL */
	double num;             /* IG_MV_NUMBER */
	/* IG_MV_STRING: the string (resolved when built from constants / templates; a template
	 * with unknown parts keeps "${...}" for them and is IG_MV_UNRESOLVED);
	 * IG_MV_NUMBER: the literal; IG_MV_UNRESOLVED: the expression text; IG_MV_CALL: the name;
	 * IG_MV_REF: the reference as written ("bucket.bucketArn", "!GetAtt B.Arn"). */
	const char *text;
	const char **keys;      /* IG_MV_MAP */
	ig_model_value **items; /* IG_MV_LIST, IG_MV_MAP, IG_MV_CALL arguments */
	size_t n;
	/* IG_MV_REF */
	ig_model_reftarget ref_target;
	int ref_index;          /* resource index for IG_REF_RESOURCE, else -1 */
	const char *ref_name;   /* the logical name / variable referred to */
	const char *ref_attr;   /* attribute ("Arn", "arn", "bucketArn"), NULL for the resource itself (Ref) */
	/* Strings built from a template (`${}`, f-string, Sprintf, Fn::Sub, Fn::Join): true when a
	 * part is the environment suffix (environmentSuffix, environment_suffix, var.environment_suffix,
	 * ${EnvironmentSuffix} ...), known even when the whole string is not. */
	bool uses_env_suffix;
	/* IG_MV_CALL: a static or enum member read rather than called (`s3.BucketEncryption.S3_MANAGED`);
	 * CDK names are qualified by their jsii module ("aws_s3.BucketEncryption.S3_MANAGED",
	 * "RemovalPolicy.DESTROY") whatever the import alias. */
	bool member;
	const char *default_source; /* IG_PROV_DEFAULT: "jsii:aws_s3.BucketProps.versioned" or a URL */
};

/* One property of a resource: its top-level key (nested keys live in the
 * value's maps). `folded` is the key lower-cased with '_' and '-' dropped, so
 * bucketName, bucket_name and BucketName compare equal. */
typedef struct ig_model_prop {
	const char *key;        /* native spelling ("bucketName", "bucket_name", "BucketName") */
	const char *folded;     /* "bucketname" */
	ig_model_value *value;
	const char *from;       /* NULL, or the native type of the attachment resource it was merged
				   from ("aws_s3_bucket_versioning") */
} ig_model_prop;

/* Construct level. */
typedef enum ig_model_level {
	IG_LEVEL_UNKNOWN = 0,
	IG_LEVEL_L1,            /* CloudFormation resource, CDK Cfn* class */
	IG_LEVEL_L2,            /* CDK construct deriving from Resource */
	IG_LEVEL_L3,            /* CDK pattern (aws_ecs_patterns ...) or a construct that is not a Resource */
	IG_LEVEL_PROVIDER,      /* Terraform / CDKTF / Pulumi provider resource */
	IG_LEVEL_MODULE,        /* Terraform module call, user construct class instance */
} ig_model_level;

/* How the canonical type was found (for explanations and figures). */
typedef enum ig_model_canon_src {
	IG_CANON_NONE = 0,      /* no CloudFormation type known */
	IG_CANON_CFN,           /* written as a CloudFormation type / CDK Cfn* class (cdk.kb type) */
	IG_CANON_TF_KB,         /* Terraform type table of tf.kb (docs/kb-tf.md) */
	IG_CANON_JSII_RESOURCE, /* the jsii `@resource` doc tag of a CDK L2 class */
	IG_CANON_CFN_SIBLING,   /* the Cfn<Name> class in the same CDK module */
	IG_CANON_OVERRIDE,      /* a reviewed row of data/kb/facts-model.tsv with its URL: "model-pulumi-tf.*" (the
				   Terraform type of a Pulumi class), "model-canonical.<module>.<Class>" (CDK) */
	IG_CANON_BASE_CLASS,    /* a CDK class's base class maps (NodejsFunction extends lambda.Function) */
} ig_model_canon_src;

/* An attachment resource folded into its parent (Terraform splits what
 * CloudFormation keeps as properties: aws_s3_bucket_versioning -> the bucket's
 * VersioningConfiguration). */
typedef struct ig_model_merge {
	const char *native_type;  /* "aws_s3_bucket_versioning" */
	const char *name;         /* its logical name */
	ig_model_span span;
	const char *source_url;   /* the attachment table row's URL */
} ig_model_merge;

typedef struct ig_model_resource {
	int index;                /* position in ig_model.resources */
	ig_platform platform;     /* family that wrote it (cfn, tf, cdk, cdktf, pulumi) */
	ig_lang lang;
	const char *type_written; /* as written: "s3.Bucket", "aws_s3.Bucket", "aws.s3.Bucket", "AWS::S3::Bucket" */
	const char *type;         /* resolved native type, imports followed: "aws-cdk-lib/aws-s3.Bucket"
				     (CDK, module path in TypeScript spelling), "aws_s3_bucket" (Terraform,
				     CDKTF), "aws.s3.Bucket" (Pulumi), "AWS::S3::Bucket" (CloudFormation) */
	const char *tf_type;      /* the Terraform type of a Terraform, CDKTF or Pulumi resource ("aws_s3_bucket"), else NULL */
	const char *canonical;    /* CloudFormation type, NULL when none is known */
	ig_model_canon_src canonical_src;
	ig_model_level level;
	const char *service;      /* canonical service ("S3"), NULL when unknown */
	const char *name;         /* logical name / construct id / Terraform name, resolved when it could be;
				     NULL when the code gives none */
	ig_model_value *name_value; /* the name as a value (templates keep their parts); may be NULL */
	bool name_uses_env_suffix;
	ig_model_prop *props;
	size_t n_props;
	ig_model_merge *merged;   /* attachments folded into this resource */
	size_t n_merged, cap_merged;
	int merged_into;          /* an attachment folded into another resource: that one's index; else -1.
				     Merged resources stay in the list (for spans) and are skipped by readers
				     that compare resources (ig_model_resource_live). */
	int count;                /* Terraform count / constant loop bound: instances, 1 normally, 0 unknown */
	const char *condition;    /* CloudFormation Condition name, NULL when unconditional */
	ig_model_span span;
} ig_model_resource;

/* A reference from one resource to another, found in a property value. */
typedef struct ig_model_edge {
	int from, to;             /* resource indexes */
	const char *prop;         /* folded top-level property key of `from` holding the reference */
	const char *attr;         /* attribute referred to, NULL for the resource itself */
	bool cross_service;       /* the two resources' services differ (both known) */
} ig_model_edge;

/* A provider configuration (Terraform provider block, CDK env, Pulumi provider). */
typedef struct ig_model_provider {
	const char *name;         /* "aws" */
	const char *alias;        /* NULL for the default provider */
	ig_model_value *region;   /* NULL when not set */
	ig_model_value *default_tags; /* map, NULL when none */
	ig_model_span span;
} ig_model_provider;

/* A named stack-level value: CloudFormation Outputs / Parameters, Terraform
 * output / variable / locals, CDK CfnOutput, Pulumi exports and config. */
typedef struct ig_model_named {
	const char *name;
	ig_model_value *value;    /* outputs: the value; parameters / variables: the default (NULL when none) */
	const char *type;         /* declared type when written ("String", "string"), else NULL */
	const char *description;
	ig_model_span span;
} ig_model_named;

typedef struct ig_model {
	ig_arena arena;           /* owns everything below */
	ig_platform platform;     /* of the response, as detected */
	ig_lang lang;
	ig_model_resource *resources;
	size_t n_resources, cap_resources;
	ig_model_edge *edges;
	size_t n_edges, cap_edges;
	ig_model_provider *providers;
	size_t n_providers, cap_providers;
	ig_model_named *outputs;
	size_t n_outputs, cap_outputs;
	ig_model_named *parameters; /* CloudFormation Parameters, Terraform variables, Pulumi config */
	size_t n_parameters, cap_parameters;
	ig_model_named *locals;     /* Terraform locals, CloudFormation Conditions / Mappings (by name) */
	size_t n_locals, cap_locals;
	ig_model_value *default_tags; /* union of stack-wide tags (CDK Tags.of(app).add, provider default_tags) */
	const char **regions;     /* every region the stack names (provider, env, AWS_REGION), unique */
	size_t n_regions, cap_regions;
	bool uses_env_suffix;     /* some resource name or property uses the environment suffix */
	ig_strmap by_name;        /* logical name -> ig_model_resource* (first one wins) */
	ig_strmap constants;      /* known constants of the response's program files by name (a top-level
				     TypeScript `const`, a Python module assignment) -> ig_model_value*, for
				     names one file imports from another (`import { PREFIX } from './config'`) */
} ig_model;

/* Build the model of a whole response: every file with a parsed tree or with
 * text the adapters can parse, resolved across files (constants, imports of
 * the response's own modules), attachments merged, edges computed. Files of
 * other kinds are skipped. Never fails on bad input: what cannot be read is
 * unresolved. Returns a model the caller frees with ig_model_free. */
ig_model *ig_model_build_response(const ig_response *r);

/* Build the model of one file (file_id is carried into spans, -1 for none). */
ig_model *ig_model_build_file(const ig_file *f, int file_id);

void ig_model_free(ig_model *m);

/* Lookups */
/* The resource of a logical name, or NULL. */
const ig_model_resource *ig_model_find(const ig_model *m, const char *name);
/* A live resource: not an attachment merged into another. */
static inline bool ig_model_resource_live(const ig_model_resource *r) { return r->merged_into < 0; }
/* The property of a resource at a dotted path of keys compared folded
 * ("versioningConfiguration.status"), list items skipped through; NULL when
 * absent. */
const ig_model_value *ig_model_prop_get(const ig_model_resource *r, const char *path);
/* A key folded: lower case, '_' '-' and ' ' dropped. In the arena. */
const char *ig_model_fold(ig_arena *a, const char *key, size_t n);
/* Structural equality of two values (keys compared folded, numbers by value,
 * references by target resource name and attribute). Unresolved values are
 * never equal to anything, themselves included. */
bool ig_model_value_eq(const ig_model_value *a, const ig_model_value *b);

/* Names for output. */
const char *ig_model_vkind_name(ig_model_vkind k);   /* "string", "ref", "unresolved" ... */
const char *ig_model_prov_name(ig_model_prov p);     /* "explicit", "default", "unresolved" */
const char *ig_model_level_name(ig_model_level l);   /* "L1", "L2", "L3", "provider", "module", "unknown" */
const char *ig_model_canon_src_name(ig_model_canon_src s);
#endif
