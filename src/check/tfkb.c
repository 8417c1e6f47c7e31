/* Lookups in tf.kb shared by the Terraform-vocabulary checks. */
#include "check/tfkb.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ig_tfkb_read_only(const ig_kb_entry *e)
{
	return ig_kb_has(e, IG_KB_COMPUTED) && !ig_kb_has(e, IG_KB_OPTIONAL) && !ig_kb_has(e, IG_KB_REQUIRED);
}

/* Keep the names a fix can use: settable, and in the current provider. */
static size_t tfkb__settable(const ig_kb_entry **near, size_t n, size_t max)
{
	size_t keep = 0;
	for (size_t i = 0; i < n && keep < max; i++)
		if (!ig_tfkb_read_only(near[i]) && !ig_kb_has(near[i], IG_KB_REMOVED)) near[keep++] = near[i];
	return keep;
}

const char *ig_tfkb_suggest(ig_check_ctx *c, const ig_kb *kb, const char *parent, const char *name)
{
	const ig_kb_entry *near[12];
	size_t n = ig_kb_closest(kb, parent, name, near, 12);
	return ig_check_suggest(c, kb, near, tfkb__settable(near, n, 3));
}

const char *ig_tfkb_suggest_type(ig_check_ctx *c, const ig_kb *kb, const char *type, bool data)
{
	const ig_kb_entry *near[8];
	size_t n = data ? ig_kb_closest(kb, "data", type, near, 8) : ig_kb_closest_top(kb, IG_KB_TF_RESOURCE, type, near, 8);
	size_t keep = 0;
	for (size_t i = 0; i < n && keep < 3; i++)
		if (!ig_kb_has(near[i], IG_KB_REMOVED)) near[keep++] = near[i];
	return ig_check_suggest(c, kb, near, keep);
}

typedef struct {
	const ig_kb *kb;
	const char *name;
	const ig_kb_entry *found;
	int depth;
} tfkb_home;

static bool tfkb__home_visit(const ig_kb_entry *e, void *vctx)
{
	tfkb_home *h = vctx;
	ig_kb_kind k = ig_kb_kind_of(e);
	if (k != IG_KB_TF_BLOCK && k != IG_KB_TF_ARGUMENT) return true;
	if (k == IG_KB_TF_BLOCK && strcmp(ig_kb_name(h->kb, e), h->name) == 0) {
		h->found = e;
		return false;
	}
	if (h->depth >= IG_TFKB_MAX_DEPTH) return true;
	h->depth++;
	ig_kb_each_child(h->kb, ig_kb_key(h->kb, e), tfkb__home_visit, h);
	h->depth--;
	return h->found == NULL;
}

const char *ig_tfkb_block_home(ig_check_ctx *c, const ig_kb *kb, const char *top, const char *name)
{
	tfkb_home h = {.kb = kb, .name = name};
	ig_kb_each_child(kb, top, tfkb__home_visit, &h);
	if (!h.found) return NULL;
	const char *key = ig_kb_key(kb, h.found);
	const char *dot = strrchr(key, '.');
	return ig_arena_strndup(&c->task->arena, key, (size_t)(dot - key));
}

const char *ig_tfkb_removed(const ig_kb *kb, const ig_kb_entry *e)
{
	return ig_kb_has(e, IG_KB_REMOVED) ? ig_kb_str(kb, e->note) : NULL;
}

const char *ig_tfkb_versions(ig_check_ctx *c, const ig_kb *kb)
{
	const ig_kb_entry *cur = ig_kb_find(kb, "provider", 8), *old = ig_kb_find(kb, "provider_previous", 17);
	if (!cur) return kb->source;
	if (!old) return ig_arena_printf(&c->task->arena, "AWS provider %s", ig_kb_str(kb, cur->extra));
	return ig_arena_printf(&c->task->arena, "AWS provider %s or %s", ig_kb_str(kb, cur->extra), ig_kb_str(kb, old->extra));
}

int ig_tfkb_major(const ig_kb *kb, const char *fact)
{
	const ig_kb_entry *e = ig_kb_find(kb, fact, strlen(fact));
	const char *v = e ? ig_kb_str(kb, e->extra) : "";
	return *v >= '0' && *v <= '9' ? (int)strtol(v, NULL, 10) : -1;
}
