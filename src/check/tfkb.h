/* Lookups in tf.kb shared by the checks on the Terraform vocabulary (HCL,
 * CDKTF; docs/kb-tf.md has the key conventions): "aws_s3_bucket.acl",
 * "aws_backup_plan.rule.lifecycle", "data.aws_ami.owners". */
#ifndef IG_CHECK_TFKB_H
#define IG_CHECK_TFKB_H
#include "check/check.h"

/* Depth cap for walks of nested blocks and config objects. */
#define IG_TFKB_MAX_DEPTH 32

/* A read-only attribute: computed, and neither optional nor required. */
bool ig_tfkb_read_only(const ig_kb_entry *e);

/* "did you mean" text: up to 3 names under parent closest to name that code
 * can set (read-only attributes and aliases left out), in the task arena;
 * NULL when none is close. */
const char *ig_tfkb_suggest(ig_check_ctx *c, const ig_kb *kb, const char *parent, const char *name);

/* The closest resource types (data sources when data is true) to type. */
const char *ig_tfkb_suggest_type(ig_check_ctx *c, const ig_kb *kb, const char *type, bool data);

/* Where a nested block named `name` does belong in the type `top` (its
 * parent's key, the first in key order), or NULL when the type has no block
 * of that name at all. */
const char *ig_tfkb_block_home(ig_check_ctx *c, const ig_kb *kb, const char *top, const char *name);

/* The note of an entry only in the previous major ("was removed in AWS
 * provider 6.x (present in 5.100.0)", read after the name), or NULL. */
const char *ig_tfkb_removed(const ig_kb *kb, const ig_kb_entry *e);
/* "AWS provider 6.25.0 or 5.100.0": the indexed versions, for messages. */
const char *ig_tfkb_versions(ig_check_ctx *c, const ig_kb *kb);
/* The highest AWS provider major the configuration's
 * `required_providers` pin admits (its own file first, then the other HCL
 * files of its response), or -1 when nothing caps it (src/check/tfpin.c). */
int ig_tfpin_max_major(ig_check_ctx *c);

/* The major of a tf.kb provider fact ("provider", "provider_previous"), or -1. */
int ig_tfkb_major(const ig_kb *kb, const char *fact);
#endif
