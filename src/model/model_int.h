/* Shared by the model's own files: constructors the adapters fill the model
 * with, and the adapters' entry points. Not for use outside src/model/. */
#ifndef IG_MODEL_INT_H
#define IG_MODEL_INT_H
#include "model/model.h"
#include "kb/kb.h"

ig_model *mdl_new(void);
ig_model_value *mdl_val(ig_model *m, ig_model_vkind kind, ig_model_span span);
ig_model_value *mdl_str(ig_model *m, const char *s, ig_model_span span);
ig_model_value *mdl_unresolved(ig_model *m, const char *text, ig_model_span span);
/* Append to a list, map (key) or call's arguments. */
void mdl_push_item(ig_model *m, ig_model_value *coll, const char *key, ig_model_value *item);
ig_model_resource *mdl_resource(ig_model *m, const char *type_written, const char *type, ig_model_span span);
/* Add a top-level property; a key given twice becomes a list of both. */
void mdl_prop(ig_model *m, ig_model_resource *r, const char *key, ig_model_value *v);
ig_model_named *mdl_named(ig_model *m, ig_model_named **items, size_t *n, size_t *cap, const char *name,
			  ig_model_value *v, ig_model_span span);
void mdl_region(ig_model *m, const char *region);
bool mdl_text_has_env_suffix(const char *s);
/* key and want[0..wn) equal once both are folded (case, '_', '-', ' '). */
bool mdl_folded_eq(const char *key, const char *want, size_t wn);
const char *mdl_service_of(const ig_model_resource *r);
/* Name index, references resolved, attachments merged, edges, suffix facts. */
void mdl_finish(ig_model *m);

/* Adapters: add what one file holds. */
/* The tree of f: the analysis' when it still holds it (a reference), else a
 * parse of its own. Release with ig_parse_release. */
bool mdl_parse(ig_parse *p, ig_arena *tmp, const ig_file *f, ig_lang lang);
/* f still holds the tree its analysis read (its detection facts are of this tree) */
bool mdl_same_tree(const ig_file *f);
void mdl_cfn_file(ig_model *m, const ig_file *f, int file_id);
void mdl_tf_file(ig_model *m, const ig_file *f, int file_id);
/* Terraform variables and locals of a file, read before any resource. */
void mdl_tf_symbols(ig_model *m, const ig_file *f, int file_id);
/* "aws_s3_bucket_versioning" -> "VersioningConfiguration", parent type in *parent_type. */
const char *mdl_tf_attachment(const char *tf_type, const char **parent_type);
/* CDK module spellings ("aws-s3", "awss3", "s3") -> jsii submodule ("aws_s3"). */
const char *mdl_cdk_module(const char *written, char *buf, size_t n);
void mdl_code_file(ig_model *m, const ig_file *f, int file_id);
/* Top-level constants of a program file into m->constants, read before any resource. */
void mdl_code_symbols(ig_model *m, const ig_file *f, int file_id);

/* Canonical types (model_canon.c). */
/* tf_type must live as long as the model (it is kept in r->tf_type). */
void mdl_canon_tf(ig_model_resource *r, const char *tf_type);
void mdl_canon_cdk(ig_model *m, ig_model_resource *r, const char *module, const char *cls);
/* Props a CDK resource leaves out, filled from the jsii @default texts (model_defaults.c). */
void mdl_cdk_defaults(ig_model *m, ig_model_resource *r, const char *module, const char *cls);
void mdl_canon_cdktf(ig_model_resource *r, const char *cls);
/* false when module.cls is not a Pulumi resource class (an Args input type). */
bool mdl_canon_pulumi(ig_model_resource *r, const char *module, const char *cls);
/* Terraform attachments folded into their parents (model_attach.c). */
void mdl_merge_attachments(ig_model *m);
/* An inline Terraform block rewritten to the shape of its attachment resource,
 * under the CloudFormation property name; false when no table row covers it. */
bool mdl_tf_inline(ig_model *m, ig_model_resource *r, const char *block, ig_model_value *v);

static inline ig_model_span mdl_span(int file_id, const char *path, unsigned line, unsigned end)
{
	ig_model_span s = {file_id, path, line, end ? end : line};
	return s;
}
#endif
