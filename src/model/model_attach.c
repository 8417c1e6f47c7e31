/* Terraform attachment resources folded into their parents. Terraform splits
 * some of what CloudFormation keeps as properties into resources of their own
 * (aws_s3_bucket_versioning is the bucket's VersioningConfiguration): tf.kb
 * marks each such type with its parent type and property ("property=" in the
 * type table, docs/kb-tf.md). The attachment's argument that references a
 * resource of the parent type names the parent; its other arguments become
 * that property of the parent.
 *
 * The older inline form of the same setting (versioning {} in aws_s3_bucket)
 * is rewritten to the attachment's shape by the rows of data/kb/facts-model.tsv
 * ("model-inline.<type>.<block>"), so both spellings give one model. */
#include "model/model_int.h"
#include "util/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The argument of an attachment that references its parent, or -1. */
static int attach__parent(ig_model *m, const ig_model_resource *a, const char *parent_type, int *arg)
{
	for (size_t i = 0; i < a->n_props; i++) {
		const ig_model_value *v = a->props[i].value;
		if (v->kind != IG_MV_REF || v->ref_target != IG_REF_RESOURCE || v->ref_index < 0) continue;
		const ig_model_resource *p = &m->resources[v->ref_index];
		if (p->canonical && strcmp(p->canonical, parent_type) == 0 && (!p->tf_type || !mdl_tf_attachment(p->tf_type, NULL))) {
			*arg = (int)i;
			return p->index;
		}
	}
	return -1;
}

void mdl_merge_attachments(ig_model *m)
{
	for (size_t i = 0; i < m->n_resources; i++) {
		ig_model_resource *a = &m->resources[i];
		if (!a->tf_type) continue;
		const char *parent_type = NULL, *prop = mdl_tf_attachment(a->tf_type, &parent_type);
		if (!prop) continue;
		int arg = -1, pi = attach__parent(m, a, parent_type, &arg);
		if (pi < 0) continue;
		ig_model_resource *p = &m->resources[pi];
		ig_model_value *v = mdl_val(m, IG_MV_MAP, a->span);
		for (size_t k = 0; k < a->n_props; k++)
			if ((int)k != arg && strcmp(a->props[k].key, "depends_on") != 0 && strcmp(a->props[k].key, "provider") != 0)
				mdl_push_item(m, v, a->props[k].key, a->props[k].value);
		mdl_prop(m, p, prop, v);
		for (size_t k = 0; k < p->n_props; k++)
			if (p->props[k].value == v || (p->props[k].value->kind == IG_MV_LIST && strcmp(p->props[k].key, prop) == 0))
				p->props[k].from = a->tf_type;
		ig_model_merge *mg = IG_PUSH(&m->arena, p->merged, p->n_merged, p->cap_merged);
		mg->native_type = a->tf_type;
		mg->name = a->name;
		mg->span = a->span;
		mg->source_url = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs";
		a->merged_into = pi;
	}
}

/* ---- inline blocks ---- */

/* One rule of a row: TARGET=SOURCE(v1:w1,v2:w2), TARGET=. or "*". */
static ig_model_value *inline__map_value(ig_model *m, const ig_model_value *v, const char *map, size_t n)
{
	if (!map || !n) return (ig_model_value *)v;
	const char *want = v->kind == IG_MV_BOOL ? (v->b ? "true" : "false") : v->kind == IG_MV_STRING ? v->text : NULL;
	if (!want) return mdl_unresolved(m, v->text ? v->text : "", v->span);
	for (const char *p = map; p < map + n;) {
		const char *comma = memchr(p, ',', (size_t)(map + n - p));
		const char *end = comma ? comma : map + n, *colon = memchr(p, ':', (size_t)(end - p));
		if (colon && (size_t)(colon - p) == strlen(want) && strncmp(p, want, strlen(want)) == 0) {
			ig_model_value *o = mdl_str(m, ig_arena_strndup(&m->arena, colon + 1, (size_t)(end - colon - 1)), v->span);
			return o;
		}
		p = end + 1;
	}
	return mdl_unresolved(m, v->text ? v->text : "", v->span);
}

/* Put v at a dotted path of maps under root, creating the maps. */
static void inline__put(ig_model *m, ig_model_value *root, const char *path, size_t n, ig_model_value *v)
{
	const char *dot = memchr(path, '.', n);
	size_t seg = dot ? (size_t)(dot - path) : n;
	char *key = ig_arena_strndup(&m->arena, path, seg);
	ig_model_value *child = NULL;
	for (size_t i = 0; i < root->n; i++)
		if (strcmp(root->keys[i], key) == 0) child = root->items[i];
	if (!dot) {
		if (!child) mdl_push_item(m, root, key, v);
		return;
	}
	if (!child) {
		child = mdl_val(m, IG_MV_MAP, v->span);
		mdl_push_item(m, root, key, child);
	}
	if (child->kind == IG_MV_MAP) inline__put(m, child, dot + 1, n - seg - 1, v);
}

static const ig_model_value *inline__get(const ig_model_value *map, const char *key, size_t n)
{
	for (size_t i = 0; map->kind == IG_MV_MAP && i < map->n; i++)
		if (mdl_folded_eq(map->keys[i], key, n)) return map->items[i];
	return NULL;
}

bool mdl_tf_inline(ig_model *m, ig_model_resource *r, const char *block, ig_model_value *v)
{
	const ig_kbset *set = ig_kbset_default();
	const ig_kb *facts = &set->facts;
	if (!facts->n_entries || !r->tf_type) return false;
	/* the argument's Terraform name: CDKTF and Pulumi write it in their own case */
	const ig_kb_entry *arg = set->tf.n_entries ? ig_kb_child_folded(&set->tf, r->tf_type, block) : NULL;
	if (arg) block = ig_kb_name(&set->tf, arg);
	char key[256];
	snprintf(key, sizeof key, "model-inline.%s.%s", r->tf_type, block);
	const ig_kb_entry *e = ig_kb_find(facts, key, strlen(key));
	if (!e) return false;
	const char *row = ig_kb_str(facts, e->extra);
	/* first word: the attachment type; the rest: rules */
	size_t tn = strcspn(row, " ");
	char att[128];
	snprintf(att, sizeof att, "%.*s", (int)(tn < sizeof att ? tn : sizeof att - 1), row);
	const char *parent = NULL, *prop = mdl_tf_attachment(att, &parent);
	if (!prop) return false;
	/* a repeated block (two cors_rule {}) is a list: rules apply to maps only, "=." keeps it whole */
	ig_model_value *out = mdl_val(m, IG_MV_MAP, v->span);
	for (const char *p = row + tn; *p;) {
		while (*p == ' ') p++;
		size_t rn = strcspn(p, " ");
		if (!rn) break;
		if (rn == 1 && *p == '*') {
			for (size_t i = 0; v->kind == IG_MV_MAP && i < v->n; i++) mdl_push_item(m, out, v->keys[i], v->items[i]);
		} else {
			const char *eq = memchr(p, '=', rn);
			if (eq) {
				const char *src = eq + 1, *paren = memchr(src, '(', (size_t)(p + rn - src));
				size_t sn = paren ? (size_t)(paren - src) : (size_t)(p + rn - src);
				if (sn == 1 && *src == '.') inline__put(m, out, p, (size_t)(eq - p), v);
				else if (v->kind == IG_MV_MAP) {
					const ig_model_value *x = inline__get(v, src, sn);
					if (x) {
						const char *map = paren ? paren + 1 : NULL;
						size_t mn = paren ? (size_t)(p + rn - map - 1) : 0;
						inline__put(m, out, p, (size_t)(eq - p), inline__map_value(m, x, map, mn));
					}
				}
			}
		}
		p += rn;
	}
	mdl_prop(m, r, prop, out);
	for (size_t k = 0; k < r->n_props; k++)
		if (r->props[k].value == out) r->props[k].from = ig_arena_printf(&m->arena, "%s.%s", r->tf_type, block);
	return true;
}
