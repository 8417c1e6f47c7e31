/* CloudFormation adapter: a template (JSON or YAML) into the model. YAML
 * short forms are read as their long forms before anything else looks at
 * them (`!Ref X` is {"Ref": "X"}, `!GetAtt A.B` is {"Fn::GetAtt": "A.B"}), so
 * both spellings give one model by construction. */
#include "model/model_int.h"
#include "syntax/yamlval.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <stdio.h>
#include <string.h>

typedef struct cfn_ctx {
	ig_model *m;
	const ig_file *f;
	int file_id;
	const ig_jval *params;     /* Parameters section */
	const ig_jval *resources;  /* Resources section */
} cfn_ctx;

/* !Ref and !Condition keep their name; any other !Name is Fn::Name (as the
 * CloudFormation docs define the short forms). */
static ig_jval *cfn__tag(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	(void)ctx;
	const char *name = tag[0] == '!' ? tag + 1 : tag;
	if (!*name) return v;
	return ig_json_obj1(a, strcmp(name, "Ref") == 0 || strcmp(name, "Condition") == 0 ? name : ig_arena_printf(a, "Fn::%s", name), v);
}

static unsigned cfn__last_line(const ig_jval *v, int depth)
{
	if (!v || depth > IG_JSON_MAX_DEPTH) return 0;
	unsigned l = v->line;
	for (size_t i = 0; i < v->n && (v->type == IG_JARR || v->type == IG_JOBJ); i++) {
		unsigned x = cfn__last_line(v->items[i], depth + 1);
		if (x > l) l = x;
	}
	return l;
}

static ig_model_span cfn__span(cfn_ctx *c, const ig_jval *v)
{
	return mdl_span(c->file_id, c->f->path, v ? v->line : 0, v ? cfn__last_line(v, 0) : 0);
}

static bool cfn__is_param(cfn_ctx *c, const char *name)
{
	return c->params && c->params->type == IG_JOBJ && ig_json_get(c->params, name);
}

/* A reference by name: a resource, a parameter or a pseudo parameter. */
static ig_model_value *cfn__ref(cfn_ctx *c, const ig_jval *at, const char *name, const char *attr, const char *written)
{
	ig_model *m = c->m;
	ig_model_value *v = mdl_val(m, IG_MV_REF, cfn__span(c, at));
	v->text = ig_arena_strdup(&m->arena, written);
	v->ref_name = ig_arena_strdup(&m->arena, name);
	v->ref_attr = attr ? ig_arena_strdup(&m->arena, attr) : NULL;
	if (ig_starts_with(name, "AWS::")) v->ref_target = IG_REF_PSEUDO;
	else if (!attr && cfn__is_param(c, name)) {
		v->ref_target = IG_REF_PARAMETER;
		v->uses_env_suffix = mdl_text_has_env_suffix(name);
		/* a parameter with a scalar default is that default; its name stays in ref_name */
		const ig_jval *p = ig_json_get(c->params, name), *def = p && p->type == IG_JOBJ ? ig_json_get(p, "Default") : NULL;
		if (def && (def->type == IG_JSTR || def->type == IG_JNUM || def->type == IG_JBOOL)) {
			v->kind = def->type == IG_JSTR ? IG_MV_STRING : def->type == IG_JNUM ? IG_MV_NUMBER : IG_MV_BOOL;
			v->text = ig_arena_strdup(&m->arena, def->str ? def->str : "");
			v->num = def->num;
			v->b = def->b;
		}
	} else v->ref_target = IG_REF_RESOURCE; /* resolved, or marked unknown, by mdl_finish */
	return v;
}

/* Whether a Fn::Sub template names the environment suffix in one of its ${} parts. */
static bool cfn__sub_env(const char *s)
{
	for (const char *p = s; (p = strstr(p, "${")) != NULL; p += 2) {
		const char *e = strchr(p, '}');
		if (!e) break;
		char buf[128];
		size_t n = (size_t)(e - p - 2) < sizeof buf - 1 ? (size_t)(e - p - 2) : sizeof buf - 1;
		memcpy(buf, p + 2, n);
		buf[n] = 0;
		if (mdl_text_has_env_suffix(buf)) return true;
	}
	return false;
}

static ig_model_value *cfn__value(cfn_ctx *c, const ig_jval *j, int depth);

/* A Fn::Sub template whose every ${Name} is a parameter with a scalar
 * default, substituted; NULL when a part is anything else (a resource, an
 * attribute, a pseudo parameter). ${!Literal} is written as ${Literal}. */
static const char *cfn__sub_params(cfn_ctx *c, const char *s)
{
	ig_buf b = {0};
	const char *out = NULL;
	for (const char *p = s; *p;) {
		const char *open = strstr(p, "${");
		if (!open) {
			ig_buf_puts(&b, p);
			break;
		}
		ig_buf_put(&b, p, (size_t)(open - p));
		const char *close = strchr(open, '}');
		if (!close) goto done;
		if (open[2] == '!') {
			ig_buf_puts(&b, "${");
			ig_buf_put(&b, open + 3, (size_t)(close - open - 2));
			p = close + 1;
			continue;
		}
		char name[128];
		size_t n = (size_t)(close - open - 2);
		if (n >= sizeof name) goto done;
		memcpy(name, open + 2, n);
		name[n] = 0;
		const ig_jval *par = c->params && c->params->type == IG_JOBJ ? ig_json_get(c->params, name) : NULL;
		const ig_jval *def = par && par->type == IG_JOBJ ? ig_json_get(par, "Default") : NULL;
		if (!def || (def->type != IG_JSTR && def->type != IG_JNUM)) goto done;
		ig_buf_puts(&b, def->str ? def->str : "");
		p = close + 1;
	}
	out = ig_arena_strdup(&c->m->arena, b.len ? ig_buf_cstr(&b) : "");
done:
	ig_buf_free(&b);
	return out;
}

static ig_model_value *cfn__intrinsic(cfn_ctx *c, const ig_jval *j, const char *fn, const ig_jval *arg, int depth)
{
	ig_model *m = c->m;
	if (strcmp(fn, "Ref") == 0 && arg->type == IG_JSTR) return cfn__ref(c, j, arg->str, NULL, ig_arena_printf(&m->arena, "Ref %s", arg->str));
	if (strcmp(fn, "Fn::GetAtt") == 0) {
		const char *res = NULL, *attr = NULL;
		if (arg->type == IG_JSTR) {
			const char *dot = strchr(arg->str, '.');
			if (dot) {
				res = ig_arena_strndup(&m->arena, arg->str, (size_t)(dot - arg->str));
				attr = dot + 1;
			}
		} else if (arg->type == IG_JARR && arg->n == 2 && arg->items[0]->type == IG_JSTR && arg->items[1]->type == IG_JSTR) {
			res = arg->items[0]->str;
			attr = arg->items[1]->str;
		}
		if (res) return cfn__ref(c, j, res, attr, ig_arena_printf(&m->arena, "GetAtt %s.%s", res, attr));
	}
	if (strcmp(fn, "Fn::Sub") == 0) {
		const ig_jval *tmpl = arg->type == IG_JARR && arg->n >= 1 ? arg->items[0] : arg;
		if (tmpl->type == IG_JSTR) {
			if (!strstr(tmpl->str, "${")) return mdl_str(m, tmpl->str, cfn__span(c, j));
			if (arg->type != IG_JARR) {
				const char *known = cfn__sub_params(c, tmpl->str);
				if (known) {
					ig_model_value *v = mdl_str(m, known, cfn__span(c, j));
					v->uses_env_suffix = cfn__sub_env(tmpl->str);
					return v;
				}
			}
			/* parts that are parameters, resources or pseudo parameters stay unknown: the string is
			 * the template as written, and the suffix fact is kept */
			ig_model_value *v = mdl_val(m, IG_MV_CALL, cfn__span(c, j));
			v->text = "Fn::Sub";
			mdl_push_item(m, v, NULL, mdl_str(m, tmpl->str, cfn__span(c, tmpl)));
			if (arg->type == IG_JARR && arg->n >= 2) mdl_push_item(m, v, NULL, cfn__value(c, arg->items[1], depth + 1));
			v->uses_env_suffix = cfn__sub_env(tmpl->str);
			return v;
		}
	}
	ig_model_value *v = mdl_val(m, IG_MV_CALL, cfn__span(c, j));
	v->text = ig_arena_strdup(&m->arena, fn);
	if (arg->type == IG_JARR)
		for (size_t i = 0; i < arg->n; i++) mdl_push_item(m, v, NULL, cfn__value(c, arg->items[i], depth + 1));
	else mdl_push_item(m, v, NULL, cfn__value(c, arg, depth + 1));
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i] && (v->items[i]->uses_env_suffix || (v->items[i]->kind == IG_MV_REF && v->items[i]->uses_env_suffix)))
			v->uses_env_suffix = true;
	return v;
}

static ig_model_value *cfn__value(cfn_ctx *c, const ig_jval *j, int depth)
{
	ig_model *m = c->m;
	if (!j || depth > IG_JSON_MAX_DEPTH || j->type == IG_JDEEP) return mdl_unresolved(m, "(nested too deeply)", cfn__span(c, j));
	switch (j->type) {
	case IG_JNULL: return mdl_val(m, IG_MV_NULL, cfn__span(c, j));
	case IG_JBOOL: {
		ig_model_value *v = mdl_val(m, IG_MV_BOOL, cfn__span(c, j));
		v->b = j->b;
		return v;
	}
	case IG_JNUM: {
		ig_model_value *v = mdl_val(m, IG_MV_NUMBER, cfn__span(c, j));
		v->num = j->num;
		v->text = ig_arena_strdup(&m->arena, j->str ? j->str : "");
		return v;
	}
	case IG_JSTR: return mdl_str(m, j->str, cfn__span(c, j));
	case IG_JARR: {
		ig_model_value *v = mdl_val(m, IG_MV_LIST, cfn__span(c, j));
		for (size_t i = 0; i < j->n; i++) mdl_push_item(m, v, NULL, cfn__value(c, j->items[i], depth + 1));
		return v;
	}
	case IG_JOBJ:
		if (j->n == 1 && (strcmp(j->keys[0], "Ref") == 0 || ig_starts_with(j->keys[0], "Fn::") || strcmp(j->keys[0], "Condition") == 0))
			return cfn__intrinsic(c, j, j->keys[0], j->items[0], depth);
		{
			ig_model_value *v = mdl_val(m, IG_MV_MAP, cfn__span(c, j));
			for (size_t i = 0; i < j->n; i++) mdl_push_item(m, v, j->keys[i], cfn__value(c, j->items[i], depth + 1));
			return v;
		}
	default: return mdl_unresolved(m, "", cfn__span(c, j));
	}
}

static const char *cfn__str(const ig_jval *obj, const char *key)
{
	const ig_jval *v = obj ? ig_json_get(obj, key) : NULL;
	return v && v->type == IG_JSTR ? v->str : NULL;
}

static void cfn__resource(cfn_ctx *c, const char *name, const ig_jval *body)
{
	ig_model *m = c->m;
	const char *type = cfn__str(body, "Type");
	if (!type || body->type != IG_JOBJ) return;
	ig_model_resource *r = mdl_resource(m, type, type, cfn__span(c, body));
	r->platform = IG_PLAT_CFN;
	r->lang = c->f->lang;
	r->level = IG_LEVEL_L1;
	r->name = ig_arena_strdup(&m->arena, name);
	r->name_value = mdl_str(m, name, r->span);
	const ig_kb *cfn = &ig_kbset_default()->cfn;
	if (ig_starts_with(type, "AWS::") && (!cfn->n_entries || ig_kb_find(cfn, type, strlen(type)))) {
		r->canonical = r->type;
		r->canonical_src = IG_CANON_CFN;
	}
	const char *cond = cfn__str(body, "Condition");
	if (cond) r->condition = ig_arena_strdup(&m->arena, cond);
	const ig_jval *props = ig_json_get(body, "Properties");
	if (props && props->type == IG_JOBJ)
		for (size_t i = 0; i < props->n; i++) mdl_prop(m, r, props->keys[i], cfn__value(c, props->items[i], 1));
	/* DependsOn is an edge the template states outright */
	const ig_jval *dep = ig_json_get(body, "DependsOn");
	if (dep) {
		ig_model_value *v = mdl_val(m, IG_MV_LIST, cfn__span(c, dep));
		if (dep->type == IG_JSTR) mdl_push_item(m, v, NULL, cfn__ref(c, dep, dep->str, NULL, dep->str));
		for (size_t i = 0; dep->type == IG_JARR && i < dep->n; i++)
			if (dep->items[i]->type == IG_JSTR) mdl_push_item(m, v, NULL, cfn__ref(c, dep->items[i], dep->items[i]->str, NULL, dep->items[i]->str));
		mdl_prop(m, r, "DependsOn", v);
	}
}

static void cfn__template(cfn_ctx *c, const ig_jval *root)
{
	ig_model *m = c->m;
	c->params = ig_json_get(root, "Parameters");
	c->resources = ig_json_get(root, "Resources");
	if (c->params && c->params->type == IG_JOBJ)
		for (size_t i = 0; i < c->params->n; i++) {
			const ig_jval *p = c->params->items[i];
			const ig_jval *def = p->type == IG_JOBJ ? ig_json_get(p, "Default") : NULL;
			ig_model_named *x = mdl_named(m, &m->parameters, &m->n_parameters, &m->cap_parameters, c->params->keys[i],
						      def ? cfn__value(c, def, 1) : NULL, cfn__span(c, p));
			const char *t = cfn__str(p, "Type"), *d = cfn__str(p, "Description");
			if (t) x->type = ig_arena_strdup(&m->arena, t);
			if (d) x->description = ig_arena_strdup(&m->arena, d);
		}
	const char *locals[] = {"Conditions", "Mappings"};
	for (int s = 0; s < 2; s++) {
		const ig_jval *sec = ig_json_get(root, locals[s]);
		for (size_t i = 0; sec && sec->type == IG_JOBJ && i < sec->n; i++)
			mdl_named(m, &m->locals, &m->n_locals, &m->cap_locals, sec->keys[i], cfn__value(c, sec->items[i], 1),
				  cfn__span(c, sec->items[i]));
	}
	if (c->resources && c->resources->type == IG_JOBJ)
		for (size_t i = 0; i < c->resources->n; i++) cfn__resource(c, c->resources->keys[i], c->resources->items[i]);
	const ig_jval *outs = ig_json_get(root, "Outputs");
	for (size_t i = 0; outs && outs->type == IG_JOBJ && i < outs->n; i++) {
		const ig_jval *o = outs->items[i];
		const ig_jval *val = o->type == IG_JOBJ ? ig_json_get(o, "Value") : NULL;
		ig_model_named *x = mdl_named(m, &m->outputs, &m->n_outputs, &m->cap_outputs, outs->keys[i],
					      val ? cfn__value(c, val, 1) : NULL, cfn__span(c, o));
		const char *d = cfn__str(o, "Description");
		if (d) x->description = ig_arena_strdup(&m->arena, d);
	}
}

void mdl_cfn_file(ig_model *m, const ig_file *f, int file_id)
{
	if (!f->text || (f->lang != IG_LANG_JSON && f->lang != IG_LANG_YAML)) return;
	ig_arena tmp;
	ig_arena_init(&tmp);
	ig_parse p = {0};
	if (mdl_parse(&p, &tmp, f, f->lang)) {
		const ig_jval *root = f->lang == IG_LANG_YAML ? ig_yaml_value(&tmp, &p, cfn__tag, NULL) : ig_json_value(&tmp, &p);
		if (root && root->type == IG_JOBJ && ig_json_get(root, "Resources")) {
			cfn_ctx c = {.m = m, .f = f, .file_id = file_id};
			cfn__template(&c, root);
		}
	}
	ig_parse_release(&p);
	ig_arena_free(&tmp);
}
