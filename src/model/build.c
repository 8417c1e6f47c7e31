/* Building a model: each file of a response goes to the adapter of its
 * family, then one finishing pass resolves names across all of them. */
#include "model/model_int.h"
#include "task/role.h"
#include <string.h>

bool mdl_same_tree(const ig_file *f)
{
	return f->parse.tree && f->parse.lang == f->lang && f->parse.src == f->text;
}

bool mdl_parse(ig_parse *p, ig_arena *tmp, const ig_file *f, ig_lang lang)
{
	if (lang == f->lang && mdl_same_tree(f)) {
		*p = f->parse;
		p->tree = ts_tree_copy(f->parse.tree); /* shared with the analysis: a copy is a reference */
		return true;
	}
	return ig_syntax_parse(p, tmp, lang, f->text, f->len) == 0 && p->tree;
}

/* The adapter for a file: the detected platform when analysis set it, else
 * the file's language (a template is JSON or YAML, Terraform is HCL). */
static void build__file(ig_model *m, const ig_file *f, int file_id)
{
	if (!f || f->skipped || !f->text) return;
	switch (f->lang) {
	case IG_LANG_JSON:
	case IG_LANG_YAML:
		if (f->platform == IG_PLAT_UNKNOWN || f->platform == IG_PLAT_CFN) mdl_cfn_file(m, f, file_id);
		break;
	case IG_LANG_HCL: mdl_tf_file(m, f, file_id); break;
	case IG_LANG_TS:
	case IG_LANG_TSX:
	case IG_LANG_JS:
	case IG_LANG_PY:
	case IG_LANG_GO:
	case IG_LANG_JAVA: mdl_code_file(m, f, file_id); break;
	default: break;
	}
}

ig_model *ig_model_build_file(const ig_file *f, int file_id)
{
	ig_model *m = mdl_new();
	if (f) {
		m->platform = f->platform;
		m->lang = f->platform_lang ? f->platform_lang : f->lang;
	}
	if (f && !f->skipped && f->lang == IG_LANG_HCL) mdl_tf_symbols(m, f, file_id);
	build__file(m, f, file_id);
	mdl_finish(m);
	return m;
}

/* The app's code: a response's tests, project files, documents and the
 * converted twin of a template create none of the stack's resources. */
static bool build__app_file(const ig_file *f)
{
	return !f->skipped && ig_role_app_file(f);
}

ig_model *ig_model_build_response(const ig_response *r)
{
	ig_model *m = mdl_new();
	if (r) {
		m->platform = r->platform;
		m->lang = r->lang;
		/* Terraform variables and locals, and the constants of program files, of every file first:
		 * resources in main.tf read variables.tf, a stack reads the constants of config.ts */
		for (size_t i = 0; i < r->n_files; i++)
			if (!build__app_file(&r->files[i])) continue;
			else if (r->files[i].lang == IG_LANG_HCL) mdl_tf_symbols(m, &r->files[i], (int)i);
			else if (r->n_files > 1) mdl_code_symbols(m, &r->files[i], (int)i);
		for (size_t i = 0; i < r->n_files; i++)
			if (build__app_file(&r->files[i])) build__file(m, &r->files[i], (int)i);
	}
	mdl_finish(m);
	return m;
}
