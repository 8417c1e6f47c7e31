/* A code resource's fix, property by property: the IaC model of each side
 * (src/model) says which properties were added, removed or changed, each with
 * the lines that write it on both sides. Templates have theirs from the
 * value tree already (diff.c). */
#include "diff/diff.h"
#include "model/model.h"
#include <stdlib.h>
#include <string.h>

static const ig_model_prop *details__prop(const ig_model_resource *r, const char *folded)
{
	for (size_t i = 0; i < r->n_props; i++)
		if (strcmp(r->props[i].folded, folded) == 0) return &r->props[i];
	return NULL;
}

/* Written in the code (not a default the model filled from data). */
static bool details__written(const ig_model_prop *p) { return p && p->value && p->value->prov != IG_PROV_DEFAULT; }

static bool details__same(const ig_model_value *a, const ig_model_value *b)
{
	if (ig_model_value_eq(a, b)) return true;
	/* unknown on both sides, written the same: not a change the model can see */
	return a->kind == IG_MV_UNRESOLVED && b->kind == IG_MV_UNRESOLVED && a->text && b->text && strcmp(a->text, b->text) == 0;
}

static void details__place(ig_fix_place *p, const ig_response *r, const ig_model_value *v)
{
	if (!v || v->span.file_id < 0 || (size_t)v->span.file_id >= r->n_files || !v->span.line) return;
	p->file = &r->files[v->span.file_id];
	p->line = v->span.line;
	p->end_line = v->span.end_line >= v->span.line ? v->span.end_line : v->span.line;
}

static void details__add(ig_arena *a, ig_fix *x, const ig_model_prop *pm, const ig_model_prop *pi,
			 const ig_response *model, const ig_response *ideal)
{
	ig_fix_detail *d = IG_PUSH(a, x->details, x->n_details, x->cap_details);
	d->path = ig_arena_strdup(a, (pi ? pi : pm)->key); /* the models are freed after the review */
	details__place(&d->model, model, pm ? pm->value : NULL);
	details__place(&d->ideal, ideal, pi ? pi->value : NULL);
	if (d->model.file) d->old_text = ig_diff_lines_text(a, d->model.file, d->model.line, d->model.end_line);
	if (d->ideal.file) d->new_text = ig_diff_lines_text(a, d->ideal.file, d->ideal.line, d->ideal.end_line);
}

void ig_diff_model_details(ig_arena *a, ig_diff *d, const ig_response *model, const ig_response *ideal,
			   const ig_model *mm, const ig_model *mi)
{
	if (!mm || !mi) return;
	for (size_t k = 0; k < d->n_fixes; k++) {
		ig_fix *x = &d->fixes[k];
		if (x->unit != IG_UNIT_RESOURCE || x->n_details || !x->model_name || !x->ideal_name) continue;
		if ((x->model.file && x->model.file->tokens && x->model.file->tokens->data) ||
		    (x->ideal.file && x->ideal.file->tokens && x->ideal.file->tokens->data))
			continue; /* a template's details come from its value tree */
		const ig_model_resource *rm = ig_model_find(mm, x->model_name), *ri = ig_model_find(mi, x->ideal_name);
		if (!rm || !ri) continue;
		for (size_t i = 0; i < ri->n_props; i++) {
			const ig_model_prop *pi = &ri->props[i], *pm = details__prop(rm, pi->folded);
			if (!details__written(pi)) continue;
			if (!details__written(pm)) details__add(a, x, NULL, pi, model, ideal);
			else if (!details__same(pm->value, pi->value)) details__add(a, x, pm, pi, model, ideal);
		}
		for (size_t i = 0; i < rm->n_props; i++) {
			const ig_model_prop *pm = &rm->props[i];
			if (details__written(pm) && !details__written(details__prop(ri, pm->folded))) details__add(a, x, pm, NULL, model, ideal);
		}
	}
}

/* Every property and meta-argument the same, by meaning. */
static bool equiv__same_resource(const ig_model_resource *a, const ig_model_resource *b)
{
	if (a->n_props != b->n_props || a->count != b->count) return false;
	if ((a->condition || b->condition) && (!a->condition || !b->condition || strcmp(a->condition, b->condition) != 0))
		return false;
	for (size_t i = 0; i < a->n_props; i++) {
		const ig_model_prop *pb = details__prop(b, a->props[i].folded);
		if (!pb || !details__same(a->props[i].value, pb->value)) return false;
	}
	return true;
}

/* The attachment resource a fix adds or removes was folded into parent. */
static bool equiv__attachment_of(const ig_fix *y, const ig_model *m, const char *name, const ig_model_resource *parent)
{
	if (!name || y->unit != IG_UNIT_RESOURCE) return false;
	const ig_model_resource *r = ig_model_find(m, name);
	return r && r->merged_into == parent->index;
}

void ig_diff_model_equivalent(ig_diff *d, const ig_model *mm, const ig_model *mi)
{
	if (!mm || !mi || !d->n_fixes) return;
	bool *drop = ig_xmalloc(d->n_fixes * sizeof *drop);
	memset(drop, 0, d->n_fixes * sizeof *drop);
	for (size_t k = 0; k < d->n_fixes; k++) {
		const ig_fix *x = &d->fixes[k];
		if (x->kind != IG_FIX_RESOURCE_CHANGED || x->unit != IG_UNIT_RESOURCE || !x->model_name || !x->ideal_name) continue;
		const ig_model_resource *rm = ig_model_find(mm, x->model_name), *ri = ig_model_find(mi, x->ideal_name);
		if (!rm || !ri || !ig_model_resource_live(rm) || !ig_model_resource_live(ri)) continue;
		/* only where a setting moved between inline and an attachment: resource
		 * options the model does not hold (dependsOn, lifecycle) may be what
		 * changed otherwise, and the token diff stands */
		if (rm->n_merged == ri->n_merged) continue;
		if (!equiv__same_resource(rm, ri)) continue;
		drop[k] = true;
		for (size_t j = 0; j < d->n_fixes; j++) {
			const ig_fix *y = &d->fixes[j];
			if ((y->kind == IG_FIX_RESOURCE_ADDED && equiv__attachment_of(y, mi, y->ideal_name, ri)) ||
			    (y->kind == IG_FIX_RESOURCE_REMOVED && equiv__attachment_of(y, mm, y->model_name, rm)))
				drop[j] = true;
		}
	}
	size_t kept = 0;
	for (size_t k = 0; k < d->n_fixes; k++) {
		if (!drop[k]) {
			d->fixes[kept++] = d->fixes[k];
			continue;
		}
		d->ignored_lines[IG_IGN_SPELLING][0] += d->fixes[k].model_lines;
		d->ignored_lines[IG_IGN_SPELLING][1] += d->fixes[k].ideal_lines;
	}
	d->n_fixes = kept;
	free(drop);
}
