/* Knowledge base: compact tables converted at build time from the pinned AWS
 * data packages (scripts/kb/, docs/knowledge-base.md), loaded once, shared
 * read-only by every thread.
 *
 * One file per source (build/kb/cdk.kb, cfn.kb, tf.kb, pulumi.kb, facts.kb), all in
 * the same format, written by scripts/kb/kbfile.js:
 *
 *   header   "IGKB0001", u32 n_entries, u32 strings_size, u32 source, u32 reserved
 *   entries  n_entries x ig_kb_entry, sorted by key (byte order, strcmp)
 *   strings  NUL-terminated strings; offset 0 is the empty string
 *
 * All integers little-endian u32. A key is a hierarchical name whose
 * segments are joined by '.', so the direct children of "P" are the keys
 * "P.<name>" with no further '.' in <name>, found by one binary search.
 * Each source documents its key conventions in docs/knowledge-base.md, e.g.
 *   cdk.kb  "aws_rds.AuroraPostgresEngineVersion.VER_15_4" (jsii names, TypeScript spelling)
 *   cfn.kb  "AWS::Logs::LogGroup.RetentionInDays"
 *   tf.kb   "aws_s3_bucket.acl", "aws_backup_plan.rule.lifecycle"
 *
 * The file is mapped read-only once (pages are read as lookups touch them); entries and strings are used
 * in place, never copied. */
#ifndef IG_KB_H
#define IG_KB_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Entry kinds. Keep in the same order as KINDS in scripts/kb/kbfile.js. */
typedef enum ig_kb_kind {
	IG_KB_NONE = 0,
	/* CDK (jsii) */
	IG_KB_MODULE,          /* submodule: aux = language names "ts=aws-cdk-lib/aws-rds\npy=aws_cdk.aws_rds\ngo=awsrds\n
				  gopath=github.com/...\njava=...", extra = names only TypeScript exports ('\n') */
	IG_KB_CLASS,           /* extra = bases and interfaces (jsii fqns without the assembly, '\n'),
				  aux = initializer parameters "name:type\n" ("props?:aws_rds.DatabaseClusterProps"),
				  type = the CloudFormation type of an L1 class ("AWS::RDS::DBCluster") */
	IG_KB_INTERFACE,       /* behavioural interface: extra = bases */
	IG_KB_STRUCT,          /* data type (props): extra = bases */
	IG_KB_ENUM,
	IG_KB_ENUM_MEMBER,     /* extra = the member's numeric value when the package has one ("30") */
	IG_KB_PROPERTY,        /* instance property or struct field: type; flags OPTIONAL */
	IG_KB_STATIC_PROPERTY, /* type */
	IG_KB_METHOD,          /* type = return type, aux = parameters as for IG_KB_CLASS */
	IG_KB_STATIC_METHOD,
	/* CloudFormation */
	IG_KB_CFN_RESOURCE,    /* "AWS::S3::Bucket" */
	IG_KB_CFN_PROPERTY,    /* "AWS::S3::Bucket.BucketName": type, flags REQUIRED, extra = allowed values '\n' */
	IG_KB_CFN_ATTRIBUTE,   /* for Fn::GetAtt: "AWS::RDS::DBCluster@Endpoint.Address", type */
	IG_KB_CFN_TYPE,        /* a property type (a nested structure): "AWS::S3::Bucket/BucketEncryption" */
	/* Terraform AWS provider (HCL, CDKTF, Pulumi) */
	IG_KB_TF_RESOURCE,     /* "aws_s3_bucket" */
	IG_KB_TF_DATA,         /* data source */
	IG_KB_TF_ARGUMENT,     /* argument: type, flags REQUIRED / COMPUTED */
	IG_KB_TF_BLOCK,        /* nested block: its arguments are its children */
	/* Any source */
	IG_KB_ALIAS,           /* another name of an entry: type = the key it names (in the same file) */
	IG_KB_FACT,            /* a hand-written fact (data/kb/NAME.tsv): extra = value, aux = source URL */
	IG_KB_KIND_COUNT
} ig_kb_kind;

/* Entry flags (bits). Keep in step with FLAGS in scripts/kb/kbfile.js. */
enum {
	IG_KB_DEPRECATED = 1u << 0, /* note = the data's deprecation message */
	IG_KB_OPTIONAL   = 1u << 1,
	IG_KB_REQUIRED   = 1u << 2,
	IG_KB_STATIC     = 1u << 3,
	IG_KB_ABSTRACT   = 1u << 4,
	IG_KB_REMOVED    = 1u << 5, /* only in an older indexed version: note = "was removed in ..." */
	IG_KB_COMPUTED   = 1u << 6, /* read-only attribute, cannot be set */
	IG_KB_CONST      = 1u << 7,
};

typedef struct ig_kb_entry {
	uint32_t key;       /* string offsets into the file's string pool */
	uint32_t kindflags; /* kind in the low 8 bits, flags above */
	uint32_t type;
	uint32_t note;
	uint32_t extra;
	uint32_t aux;
} ig_kb_entry;

typedef struct ig_kb {
	char *data;               /* the whole file, mapped read-only */
	size_t size;
	const ig_kb_entry *entries;
	uint32_t n_entries;
	const char *strings;
	uint32_t strings_size;
	const char *source;       /* "aws-cdk-lib@2.276.0" */
	const char *path;
} ig_kb;

/* Read a kb file. Returns 0, or -1 with a message in err. */
int ig_kb_open(ig_kb *kb, const char *path, char *err, size_t errlen);
void ig_kb_close(ig_kb *kb);

static inline ig_kb_kind ig_kb_kind_of(const ig_kb_entry *e) { return (ig_kb_kind)(e->kindflags & 0xffu); }
static inline uint32_t ig_kb_flags(const ig_kb_entry *e) { return e->kindflags >> 8; }
static inline bool ig_kb_has(const ig_kb_entry *e, uint32_t flag) { return (ig_kb_flags(e) & flag) != 0; }
const char *ig_kb_str(const ig_kb *kb, uint32_t off);
static inline const char *ig_kb_key(const ig_kb *kb, const ig_kb_entry *e) { return ig_kb_str(kb, e->key); }
/* The last segment of the entry's key ("VER_15_4"). */
const char *ig_kb_name(const ig_kb *kb, const ig_kb_entry *e);
const char *ig_kb_kind_name(ig_kb_kind k);

/* Exact lookup of a key (n bytes). NULL when absent. */
const ig_kb_entry *ig_kb_find(const ig_kb *kb, const char *key, size_t n);
/* Lookup "parent.name". */
const ig_kb_entry *ig_kb_child(const ig_kb *kb, const char *parent, const char *name);
/* Lookup a direct child of parent whose name matches `name` ignoring case and
 * every character but letters and digits: "vpc_subnets", "VpcSubnets" and
 * "vpcSubnets" are one name. An exact match wins over a folded one. */
const ig_kb_entry *ig_kb_child_folded(const ig_kb *kb, const char *parent, const char *name);

/* The direct children of parent: calls fn for each, in key order, until fn
 * returns false. Returns the number visited. The children of "" are the
 * top-level keys (no '.'). */
size_t ig_kb_each_child(const ig_kb *kb, const char *parent, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx);

/* Up to max direct children of parent closest to name (edit distance on the
 * folded names, ties in key order), for "did you mean". Returns how many. */
size_t ig_kb_closest(const ig_kb *kb, const char *parent, const char *name, const ig_kb_entry **out, size_t max);
/* The same over the children of several parents at once (a type and its
 * bases), ranked together. */
size_t ig_kb_closest_among(const ig_kb *kb, const char *const *parents, size_t n_parents, const char *name,
			   const ig_kb_entry **out, size_t max);
/* The same over every entry of one kind whose key has no '.' (top-level names:
 * CloudFormation types, Terraform resource types). */
size_t ig_kb_closest_top(const ig_kb *kb, ig_kb_kind kind, const char *name, const ig_kb_entry **out, size_t max);

/* Every entry whose key starts with prefix (any depth): calls fn in key order
 * until it returns false. Returns the number visited. For keys whose last
 * part holds dots of its own (cfn.kb attributes "AWS::RDS::DBCluster@Endpoint.Address"). */
size_t ig_kb_each_prefix(const ig_kb *kb, const char *prefix, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx);
/* Every entry whose key ends with "." + name (aws_logs.RetentionDays for
 * RetentionDays): calls fn in key order until it returns false. A scan of the
 * whole table, for answers to a name given without its parents (error paths
 * and queries, never per node). Returns the number visited. */
size_t ig_kb_each_suffix(const ig_kb *kb, const char *name, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx);
/* Up to max of the n names closest to name, ranked as ig_kb_closest ranks kb
 * names (for names that are not kb entries: a template's own logical names).
 * Writes their indexes to out; returns how many. */
size_t ig_kb_closest_in(const char *name, const char *const *names, size_t n, size_t *out, size_t max);

/* A CDK type (class, interface, struct) and every type it extends or
 * implements, breadth first, each once: `extra` lists the bases. Writes at most
 * max to out, t first; returns how many. *complete is false when a base is not
 * indexed (outside aws-cdk-lib and constructs) or max was reached. Any other
 * kind of entry is its own chain. */
#define IG_KB_MAX_BASES 48 /* more than any CDK type has */
size_t ig_kb_bases(const ig_kb *kb, const ig_kb_entry *t, const ig_kb_entry **out, size_t max, bool *complete);

/* Follow IG_KB_ALIAS entries (at most a few hops) to the entry they name. */
const ig_kb_entry *ig_kb_resolve(const ig_kb *kb, const ig_kb_entry *e);

/* The loaded sources, shared read-only by all threads. A source whose file is
 * missing is left zeroed (n_entries 0): its checks are skipped. */
typedef struct ig_kbset {
	ig_kb cdk, cfn, tf, pulumi, facts;
	const char *dir;
} ig_kbset;

/* Load every source from dir (NULL: $IACGRADE_KB, else the kb/ folder beside
 * the executable). Returns the number of sources loaded; messages about the
 * missing ones are written to err. */
int ig_kbset_load(ig_kbset *set, const char *dir, char *err, size_t errlen);
void ig_kbset_free(ig_kbset *set);
/* The process-wide set, loaded on first use (thread-safe); never NULL. */
const ig_kbset *ig_kbset_default(void);
/* Why sources of the default set are missing, or NULL when all loaded. */
const char *ig_kbset_default_error(void);
#endif
