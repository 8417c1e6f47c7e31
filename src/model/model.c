/* The model's own bookkeeping: creation, value constructors shared by the
 * adapters, the finishing pass (name index, references, attachments, edges)
 * and the lookups of model.h. The adapters (model_cfn.c, model_tf.c,
 * model_code.c) only fill resources and values. */
#include "model/model_int.h"
#include "detect/detect.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

ig_model *mdl_new(void)
{
	ig_model *m = ig_xmalloc(sizeof *m);
	memset(m, 0, sizeof *m);
	ig_arena_init(&m->arena);
	ig_strmap_init(&m->by_name, &m->arena);
	ig_strmap_init(&m->constants, &m->arena);
	return m;
}

void ig_model_free(ig_model *m)
{
	if (!m) return;
	ig_arena_free(&m->arena);
	free(m);
}

const char *ig_model_fold(ig_arena *a, const char *key, size_t n)
{
	char *o = ig_arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)key[i];
		if (c == '_' || c == '-' || c == ' ') continue;
		o[k++] = (char)tolower(c);
	}
	o[k] = 0;
	return o;
}

ig_model_value *mdl_val(ig_model *m, ig_model_vkind kind, ig_model_span span)
{
	ig_model_value *v = ig_arena_alloc(&m->arena, sizeof *v);
	v->kind = kind;
	v->prov = kind == IG_MV_UNRESOLVED ? IG_PROV_UNRESOLVED : IG_PROV_EXPLICIT;
	v->span = span;
	v->ref_index = -1;
	return v;
}

ig_model_value *mdl_str(ig_model *m, const char *s, ig_model_span span)
{
	ig_model_value *v = mdl_val(m, IG_MV_STRING, span);
	v->text = ig_arena_strdup(&m->arena, s ? s : "");
	v->uses_env_suffix = mdl_text_has_env_suffix(v->text);
	return v;
}

ig_model_value *mdl_unresolved(ig_model *m, const char *text, ig_model_span span)
{
	ig_model_value *v = mdl_val(m, IG_MV_UNRESOLVED, span);
	v->text = ig_arena_strdup(&m->arena, text ? text : "");
	v->uses_env_suffix = mdl_text_has_env_suffix(v->text);
	return v;
}

void mdl_push_item(ig_model *m, ig_model_value *coll, const char *key, ig_model_value *item)
{
	/* items grow by doubling; n is a power of two boundary check */
	size_t n = coll->n;
	if ((n & (n - 1)) == 0) {
		size_t cap = n ? n * 2 : 4;
		ig_model_value **ni = ig_arena_alloc(&m->arena, cap * sizeof *ni);
		if (n) memcpy(ni, coll->items, n * sizeof *ni);
		coll->items = ni;
		if (coll->kind == IG_MV_MAP) {
			const char **nk = ig_arena_alloc(&m->arena, cap * sizeof *nk);
			if (n) memcpy(nk, coll->keys, n * sizeof *nk);
			coll->keys = nk;
		}
	}
	coll->items[n] = item;
	if (coll->kind == IG_MV_MAP) coll->keys[n] = ig_arena_strdup(&m->arena, key ? key : "");
	coll->n = n + 1;
	if (item && item->uses_env_suffix && (coll->kind == IG_MV_CALL)) coll->uses_env_suffix = true;
}

ig_model_resource *mdl_resource(ig_model *m, const char *type_written, const char *type, ig_model_span span)
{
	ig_model_resource *r = IG_PUSH(&m->arena, m->resources, m->n_resources, m->cap_resources);
	r->index = (int)(m->n_resources - 1);
	r->type_written = ig_arena_strdup(&m->arena, type_written ? type_written : "");
	r->type = ig_arena_strdup(&m->arena, type ? type : r->type_written);
	r->merged_into = -1;
	r->count = 1;
	r->span = span;
	return r;
}

void mdl_prop(ig_model *m, ig_model_resource *r, const char *key, ig_model_value *v)
{
	/* A repeated key (a Terraform block written twice) becomes a list. */
	const char *folded = ig_model_fold(&m->arena, key, strlen(key));
	for (size_t i = 0; i < r->n_props; i++) {
		if (strcmp(r->props[i].folded, folded) != 0) continue;
		ig_model_value *old = r->props[i].value;
		if (old->kind != IG_MV_LIST || !old->text || strcmp(old->text, "repeated") != 0) {
			ig_model_value *l = mdl_val(m, IG_MV_LIST, old->span);
			l->text = "repeated";
			mdl_push_item(m, l, NULL, old);
			r->props[i].value = old = l;
		}
		mdl_push_item(m, old, NULL, v);
		return;
	}
	size_t cap = r->n_props;
	if ((cap & (cap - 1)) == 0) {
		size_t nc = cap ? cap * 2 : 8;
		ig_model_prop *np = ig_arena_alloc(&m->arena, nc * sizeof *np);
		if (cap) memcpy(np, r->props, cap * sizeof *np);
		r->props = np;
	}
	ig_model_prop *p = &r->props[r->n_props++];
	p->key = ig_arena_strdup(&m->arena, key);
	p->folded = folded;
	p->value = v;
}

ig_model_named *mdl_named(ig_model *m, ig_model_named **items, size_t *n, size_t *cap, const char *name,
			  ig_model_value *v, ig_model_span span)
{
	ig_model_named *x = ig_arena_grow(&m->arena, (void **)items, n, cap, sizeof **items);
	x->name = ig_arena_strdup(&m->arena, name ? name : "");
	x->value = v;
	x->span = span;
	return x;
}

void mdl_region(ig_model *m, const char *region)
{
	if (!region || !*region) return;
	for (size_t i = 0; i < m->n_regions; i++)
		if (strcmp(m->regions[i], region) == 0) return;
	const char **slot = IG_PUSH(&m->arena, m->regions, m->n_regions, m->cap_regions);
	*slot = ig_arena_strdup(&m->arena, region);
}

/* The environment suffix as the corpus writes it: environmentSuffix,
 * environment_suffix, EnvironmentSuffix, ENVIRONMENT_SUFFIX, envSuffix. */
bool mdl_text_has_env_suffix(const char *s)
{
	if (!s) return false;
	return ig_memcasestr(s, strlen(s), "environmentsuffix") || ig_memcasestr(s, strlen(s), "environment_suffix") ||
	       ig_memcasestr(s, strlen(s), "envsuffix") || ig_memcasestr(s, strlen(s), "env_suffix");
}

/* ---- finishing ---- */

static void mdl__resolve_value(ig_model *m, ig_model_value *v, int depth)
{
	if (!v || depth > 64) return;
	if (v->kind == IG_MV_REF && v->ref_target == IG_REF_RESOURCE && v->ref_index < 0 && v->ref_name) {
		ig_model_resource *t = ig_strmap_get(&m->by_name, v->ref_name, strlen(v->ref_name));
		if (t) v->ref_index = t->index;
		else v->ref_target = IG_REF_UNKNOWN;
	}
	for (size_t i = 0; i < v->n; i++) mdl__resolve_value(m, v->items[i], depth + 1);
}

static void mdl__edges_of(ig_model *m, ig_model_resource *r, const char *prop, const ig_model_value *v, int depth)
{
	if (!v || depth > 64) return;
	if (v->kind == IG_MV_REF && v->ref_target == IG_REF_RESOURCE && v->ref_index >= 0 && v->ref_index != r->index) {
		int to = v->ref_index;
		/* an edge to a merged attachment is an edge to what it was merged into */
		while (m->resources[to].merged_into >= 0) to = m->resources[to].merged_into;
		for (size_t i = 0; i < m->n_edges; i++)
			if (m->edges[i].from == r->index && m->edges[i].to == to && strcmp(m->edges[i].prop, prop) == 0) return;
		if (to == r->index) return;
		ig_model_edge *e = IG_PUSH(&m->arena, m->edges, m->n_edges, m->cap_edges);
		e->from = r->index;
		e->to = to;
		e->prop = prop;
		e->attr = v->ref_attr;
		const char *a = r->service, *b = m->resources[to].service;
		e->cross_service = a && b && strcmp(a, b) != 0;
	}
	for (size_t i = 0; i < v->n; i++) mdl__edges_of(m, r, prop, v->items[i], depth + 1);
}

static bool mdl__value_env(const ig_model_value *v, int depth)
{
	if (!v || depth > 64) return false;
	if (v->uses_env_suffix) return true;
	for (size_t i = 0; i < v->n; i++)
		if (mdl__value_env(v->items[i], depth + 1)) return true;
	return false;
}

void mdl_finish(ig_model *m)
{
	for (size_t i = 0; i < m->n_resources; i++) {
		ig_model_resource *r = &m->resources[i];
		if (r->name && !ig_strmap_get(&m->by_name, r->name, strlen(r->name)))
			ig_strmap_put(&m->by_name, r->name, strlen(r->name), r);
		if (!r->service) r->service = mdl_service_of(r);
	}
	for (size_t i = 0; i < m->n_resources; i++) {
		ig_model_resource *r = &m->resources[i];
		for (size_t k = 0; k < r->n_props; k++) mdl__resolve_value(m, r->props[k].value, 0);
		mdl__resolve_value(m, r->name_value, 0);
	}
	for (size_t i = 0; i < m->n_outputs; i++) mdl__resolve_value(m, m->outputs[i].value, 0);
	mdl_merge_attachments(m);
	for (size_t i = 0; i < m->n_resources; i++) {
		ig_model_resource *r = &m->resources[i];
		if (r->name_value && mdl__value_env(r->name_value, 0)) r->name_uses_env_suffix = true;
		if (r->name && mdl_text_has_env_suffix(r->name)) r->name_uses_env_suffix = true;
		bool env = r->name_uses_env_suffix;
		for (size_t k = 0; k < r->n_props; k++) {
			if (!env && mdl__value_env(r->props[k].value, 0)) env = true;
			if (ig_model_resource_live(r)) mdl__edges_of(m, r, r->props[k].folded, r->props[k].value, 0);
		}
		if (env) m->uses_env_suffix = true;
	}
	for (size_t i = 0; i < m->n_providers; i++) {
		const ig_model_value *rv = m->providers[i].region;
		if (rv && rv->kind == IG_MV_STRING) mdl_region(m, rv->text);
	}
}

/* The canonical service of a resource from its canonical type when there is
 * one ("AWS::S3::Bucket" -> S3), else from its native type. */
const char *mdl_service_of(const ig_model_resource *r)
{
	if (r->canonical) return ig_service_of_type(IG_PLAT_CFN, NULL, r->canonical);
	return NULL;
}

/* ---- lookups ---- */

const ig_model_resource *ig_model_find(const ig_model *m, const char *name)
{
	if (!m || !name) return NULL;
	return ig_strmap_get(&m->by_name, name, strlen(name));
}

/* key (NUL-terminated) and want[0..wn) equal once both are folded (case, '_', '-', ' '). */
bool mdl_folded_eq(const char *key, const char *want, size_t wn)
{
	size_t j = 0;
	for (const char *p = key;; p++) {
		while (*p == '_' || *p == '-' || *p == ' ') p++;
		while (j < wn && (want[j] == '_' || want[j] == '-' || want[j] == ' ')) j++;
		if (!*p || j >= wn) return !*p && j >= wn;
		if (tolower((unsigned char)*p) != tolower((unsigned char)want[j])) return false;
		j++;
	}
}

/* Step into a map by one folded key; lists are looked through (first item holding the key). */
static const ig_model_value *mdl__step(const ig_model_value *v, const char *seg, size_t n, int depth)
{
	if (!v || depth > 8) return NULL;
	if (v->kind == IG_MV_MAP) {
		for (size_t i = 0; i < v->n; i++)
			if (mdl_folded_eq(v->keys[i], seg, n)) return v->items[i];
		return NULL;
	}
	if (v->kind == IG_MV_LIST) {
		for (size_t i = 0; i < v->n; i++) {
			const ig_model_value *x = mdl__step(v->items[i], seg, n, depth + 1);
			if (x) return x;
		}
	}
	return NULL;
}

const ig_model_value *ig_model_prop_get(const ig_model_resource *r, const char *path)
{
	if (!r || !path) return NULL;
	const char *dot = strchr(path, '.');
	size_t n = dot ? (size_t)(dot - path) : strlen(path);
	const ig_model_value *v = NULL;
	for (size_t i = 0; i < r->n_props && !v; i++)
		if (mdl_folded_eq(r->props[i].key, path, n)) v = r->props[i].value;
	while (v && dot) {
		path = dot + 1;
		dot = strchr(path, '.');
		n = dot ? (size_t)(dot - path) : strlen(path);
		v = mdl__step(v, path, n, 0);
	}
	return v;
}

static bool mdl__eq(const ig_model_value *a, const ig_model_value *b, int depth)
{
	if (!a || !b || depth > 64) return false;
	if (a->kind != b->kind || a->kind == IG_MV_UNRESOLVED) return false;
	switch (a->kind) {
	case IG_MV_NULL: return true;
	case IG_MV_BOOL: return a->b == b->b;
	case IG_MV_NUMBER: return a->num == b->num;
	case IG_MV_STRING: return strcmp(a->text, b->text) == 0;
	case IG_MV_REF:
		if (a->ref_target != b->ref_target) return false;
		if ((a->ref_name == NULL) != (b->ref_name == NULL) || (a->ref_name && strcmp(a->ref_name, b->ref_name) != 0))
			return false;
		if ((a->ref_attr == NULL) != (b->ref_attr == NULL)) return false;
		return !a->ref_attr || mdl_folded_eq(a->ref_attr, b->ref_attr, strlen(b->ref_attr));
	case IG_MV_CALL:
		/* names compared folded: Python's from_inline is TypeScript's fromInline */
		if (a->member != b->member || !mdl_folded_eq(a->text ? a->text : "", b->text ? b->text : "", b->text ? strlen(b->text) : 0))
			return false;
		/* fallthrough */
	case IG_MV_LIST:
		if (a->n != b->n) return false;
		for (size_t i = 0; i < a->n; i++)
			if (!mdl__eq(a->items[i], b->items[i], depth + 1)) return false;
		return true;
	case IG_MV_MAP:
		if (a->n != b->n) return false;
		for (size_t i = 0; i < a->n; i++) {
			const ig_model_value *o = mdl__step(b, a->keys[i], strlen(a->keys[i]), 0);
			if (!o || !mdl__eq(a->items[i], o, depth + 1)) return false;
		}
		return true;
	default: return false;
	}
}

bool ig_model_value_eq(const ig_model_value *a, const ig_model_value *b) { return mdl__eq(a, b, 0); }

const char *ig_model_vkind_name(ig_model_vkind k)
{
	static const char *const names[] = {"unresolved", "null", "bool", "number", "string", "list", "map", "ref", "call"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "unresolved";
}

const char *ig_model_prov_name(ig_model_prov p)
{
	static const char *const names[] = {"explicit", "default", "unresolved"};
	return (unsigned)p < 3 ? names[p] : "unresolved";
}

const char *ig_model_level_name(ig_model_level l)
{
	static const char *const names[] = {"unknown", "L1", "L2", "L3", "provider", "module"};
	return (unsigned)l < 6 ? names[l] : "unknown";
}

const char *ig_model_canon_src_name(ig_model_canon_src s)
{
	static const char *const names[] = {"none", "cfn", "tf.kb", "jsii-resource", "cfn-sibling", "override", "base-class"};
	return (unsigned)s < 7 ? names[s] : "none";
}
