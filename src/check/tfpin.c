/* The AWS provider version a Terraform configuration pins:
 *
 *   terraform { required_providers { aws = { source = "hashicorp/aws", version = "~> 4.0" } } }
 *
 * read from the file itself, else from the other HCL files of its response
 * (provider.tf usually holds it). A pin whose versions all lie below the
 * oldest indexed major targets a schema tf.kb does not hold: its names are
 * unknown there, not wrong. */
#include "check/tfkb.h"
#include "syntax/syntax.h"
#include "util/strutil.h"
#include <stdlib.h>
#include <string.h>

/* The highest major a version constraint admits, or -1 when it has no upper
 * bound. Terms are comma-separated: "~> 4.0", ">= 3.0, < 5.0", "= 4.67.0". */
static int tfpin__max_major(const char *s)
{
	int best = -1;
	while (*s) {
		while (*s == ' ' || *s == ',') s++;
		char op[3] = {0};
		size_t n = 0;
		while (n < 2 && strchr("~<>=!", *s) && *s) op[n++] = *s++;
		while (*s == ' ') s++;
		if (!(*s >= '0' && *s <= '9')) {
			while (*s && *s != ',') s++;
			continue;
		}
		long part[3] = {0, 0, 0};
		int parts = 0;
		while (parts < 3 && *s >= '0' && *s <= '9') {
			char *end;
			part[parts++] = strtol(s, &end, 10);
			s = end;
			if (*s != '.') break;
			s++;
		}
		while (*s && *s != ',') s++;
		int max = -1;
		if (strcmp(op, "~>") == 0) max = parts >= 2 ? (int)part[0] : -1; /* "~> 4" allows any 4+ */
		else if (strcmp(op, "<") == 0) max = (int)part[0] - (part[1] == 0 && part[2] == 0 ? 1 : 0);
		else if (strcmp(op, "<=") == 0 || strcmp(op, "=") == 0 || op[0] == 0) max = (int)part[0];
		if (max >= 0 && (best < 0 || max < best)) best = max;
	}
	return best;
}

static bool tfpin__is(TSNode n, const char *t) { return strcmp(ts_node_type(n), t) == 0; }

/* The named child of kind `type` holding the identifier `name` first. */
static TSNode tfpin__find(const ig_parse *p, TSNode body, const char *type, const char *name, bool *ok)
{
	*ok = false;
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode n = ts_node_named_child(body, i);
		if (!tfpin__is(n, type) || !ts_node_named_child_count(n)) continue;
		if (!ig_node_text_eq(p, ts_node_named_child(n, 0), name)) continue;
		*ok = true;
		return n;
	}
	return body;
}

static TSNode tfpin__body(TSNode n, bool *ok)
{
	*ok = false;
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
		if (tfpin__is(ts_node_named_child(n, i), "body")) {
			*ok = true;
			return ts_node_named_child(n, i);
		}
	return n;
}

/* The string value of `key = "..."` inside an object expression, or NULL. */
static const char *tfpin__object_string(ig_arena *a, const ig_parse *p, TSNode n, const char *key, int depth)
{
	if (depth > 8) return NULL;
	if (tfpin__is(n, "object_elem")) {
		TSNode k = ig_node_field(n, "key"), v = ig_node_field(n, "val");
		if (ts_node_is_null(k) || ts_node_is_null(v)) return NULL;
		const char *kt = ig_node_text(a, p, k);
		if (strcmp(kt, key) != 0 && strcmp(kt, "\"version\"") != 0) return NULL;
		const char *vt = ig_node_text(a, p, v);
		size_t len = strlen(vt);
		if (len < 2 || vt[0] != '"' || vt[len - 1] != '"') return NULL;
		return ig_arena_strndup(a, vt + 1, len - 2);
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		const char *s = tfpin__object_string(a, p, ts_node_named_child(n, i), key, depth + 1);
		if (s) return s;
	}
	return NULL;
}

/* The aws version constraint of one parsed file, or NULL. */
static const char *tfpin__constraint(ig_arena *a, const ig_parse *p)
{
	TSNode root = ts_tree_root_node(p->tree);
	bool ok;
	TSNode body = tfpin__body(root, &ok);
	if (!ok) return NULL;
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode tb = ts_node_named_child(body, i);
		if (!tfpin__is(tb, "block") || !ig_node_text_eq(p, ts_node_named_child(tb, 0), "terraform")) continue;
		TSNode b1 = tfpin__body(tb, &ok);
		if (!ok) continue;
		TSNode rp = tfpin__find(p, b1, "block", "required_providers", &ok);
		if (!ok) continue;
		TSNode b2 = tfpin__body(rp, &ok);
		if (!ok) continue;
		TSNode aws = tfpin__find(p, b2, "attribute", "aws", &ok);
		if (!ok) continue;
		const char *v = tfpin__object_string(a, p, aws, "version", 0);
		if (v) return v;
	}
	return NULL;
}

/* The response whose files hold f (NULL for plain files of `iacgrade check`). */
static const ig_response *tfpin__response(const ig_task *t, const ig_file *f)
{
	const ig_response *all[] = {&t->model, &t->ideal, &t->ideal_md};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		if (all[i]->n_files && f >= all[i]->files && f < all[i]->files + all[i]->n_files) return all[i];
	for (size_t i = 0; i < t->n_turns; i++)
		if (t->turns[i].n_files && f >= t->turns[i].files && f < t->turns[i].files + t->turns[i].n_files) return &t->turns[i];
	return NULL;
}

int ig_tfpin_max_major(ig_check_ctx *c)
{
	ig_arena *a = &c->task->arena;
	const char *v = tfpin__constraint(a, c->parse);
	const ig_response *r = v ? NULL : tfpin__response(c->task, c->file);
	for (size_t i = 0; r && !v && i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		/* only a file that names required_providers can pin: parse just those */
		if (f == c->file || f->lang != IG_LANG_HCL || f->skipped || !ig_memstr(f->text, f->len, "required_providers"))
			continue;
		if (f->parse.tree && f->parse.lang == IG_LANG_HCL && f->parse.src == f->text) {
			v = tfpin__constraint(a, &f->parse); /* analysed already, its tree kept for the review */
			continue;
		}
		ig_parse p;
		if (ig_syntax_parse(&p, a, IG_LANG_HCL, f->text, f->len) != 0) continue;
		v = tfpin__constraint(a, &p);
		ig_parse_release(&p);
	}
	return v ? tfpin__max_major(v) : -1;
}
