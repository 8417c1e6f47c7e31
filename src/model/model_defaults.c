/* Defaults of CDK props left out, from the jsii `@default` texts only
 * (cdk.kb "@default:<module>:<Struct>:<prop>", scripts/kb/cdk.js). A text
 * that is exactly a literal ("true", "false", "30", also after the jsii's
 * usual "- " lead: "- false") becomes that value; any
 * other text ("- no encryption", "false (unless object lock is enabled, then
 * true)") is kept as written with kind unresolved: the data describes the
 * default but does not give a value the model could compare. Either way the
 * provenance is IG_PROV_DEFAULT and default_source names the entry. */
#include "model/model_int.h"
#include "util/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct defaults_ctx {
	ig_model *m;
	ig_model_resource *r;
	const ig_kb *kb;
	const char *owner; /* the struct key ("aws_s3.BucketProps") */
} defaults_ctx;

static ig_model_value *defaults__value(ig_model *m, const char *text, ig_model_span span)
{
	ig_model_value *v;
	/* the jsii's own convention writes "- false" for a default of false */
	if (text[0] == '-' && text[1] == ' ') text += 2;
	char *end = NULL;
	double num = strtod(text, &end);
	if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
		v = mdl_val(m, IG_MV_BOOL, span);
		v->b = text[0] == 't';
	} else if (*text && end && !*end) {
		v = mdl_val(m, IG_MV_NUMBER, span);
		v->num = num;
		v->text = ig_arena_strdup(&m->arena, text);
	} else {
		v = mdl_unresolved(m, text, span);
	}
	v->prov = IG_PROV_DEFAULT;
	return v;
}

static bool defaults__visit(const ig_kb_entry *e, void *vctx)
{
	defaults_ctx *c = vctx;
	if (ig_kb_kind_of(e) != IG_KB_PROPERTY) return true;
	const char *name = ig_kb_name(c->kb, e);
	for (size_t i = 0; i < c->r->n_props; i++)
		if (mdl_folded_eq(c->r->props[i].key, name, strlen(name))) return true; /* written */
	char key[512];
	int n = snprintf(key, sizeof key, "@default:%s:%s", c->owner, name);
	for (int i = 0; i < n; i++)
		if (key[i] == '.') key[i] = ':';
	const ig_kb_entry *d = ig_kb_find(c->kb, key, (size_t)n);
	if (!d) return true;
	ig_model_value *v = defaults__value(c->m, ig_kb_str(c->kb, d->extra), c->r->span);
	v->default_source = ig_arena_printf(&c->m->arena, "jsii:%s.%s", c->owner, name);
	mdl_prop(c->m, c->r, name, v);
	return true;
}

void mdl_cdk_defaults(ig_model *m, ig_model_resource *r, const char *module, const char *cls)
{
	const ig_kb *kb = &ig_kbset_default()->cdk;
	if (!kb->n_entries) return;
	char key[256];
	snprintf(key, sizeof key, "%s.%s", module, cls);
	const ig_kb_entry *e = ig_kb_find(kb, key, strlen(key));
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) return;
	/* the props parameter of the initializer: "props?:aws_s3.BucketProps" */
	const char *aux = ig_kb_str(kb, e->aux), *p = strstr(aux, "props");
	if (!p || !(p = strchr(p, ':'))) return;
	p++;
	size_t n = strcspn(p, "\n");
	char sk[256];
	snprintf(sk, sizeof sk, "%.*s", (int)(n < sizeof sk ? n : sizeof sk - 1), p);
	const ig_kb_entry *st = ig_kb_find(kb, sk, strlen(sk));
	if (!st) return;
	const ig_kb_entry *chain[IG_KB_MAX_BASES];
	bool complete;
	size_t nc = ig_kb_bases(kb, st, chain, IG_KB_MAX_BASES, &complete);
	for (size_t i = 0; i < nc; i++) {
		if (ig_kb_kind_of(chain[i]) != IG_KB_STRUCT) continue;
		defaults_ctx c = {m, r, kb, ig_kb_key(kb, chain[i])};
		ig_kb_each_child(kb, c.owner, defaults__visit, &c);
	}
}
