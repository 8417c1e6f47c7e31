/* JSON and YAML documents as token streams of their values: keys sorted, so
 * reordering and re-indenting are no change; block and flow YAML give the same
 * value; CloudFormation's short forms (`!Ref X`, `!GetAtt A.B`) are read as the
 * long ones ({"Ref": "X"}, {"Fn::GetAtt": ["A", "B"]}); a number and the
 * string of that number are one scalar, as CloudFormation reads them. */
#include "diff/tokens.h"
#include "syntax/jsonval.h"
#include "syntax/yamlval.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ig_jval *data__tag(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	(void)ctx;
	const char *name = tag[0] == '!' ? tag + 1 : tag;
	if (!*name || strchr(name, ':')) return v; /* `!!str`, a tool's own tags: the value as written */
	return ig_json_obj1(a, strcmp(name, "Ref") == 0 || strcmp(name, "Condition") == 0 ? name
											: ig_arena_printf(a, "Fn::%s", name), v);
}

typedef struct {
	ig_arena *a;
	const ig_file *f;
	ig_tokens *t;
	uint64_t open_obj, close_obj, open_arr, close_arr;
} data_walk;

static unsigned data__end_line(const ig_jval *v, int depth)
{
	unsigned end = v->line;
	if ((v->type == IG_JOBJ || v->type == IG_JARR) && depth < IG_JSON_MAX_DEPTH)
		for (size_t i = 0; i < v->n; i++) {
			unsigned e = data__end_line(v->items[i], depth + 1);
			if (e > end) end = e;
		}
	return end;
}

static uint64_t data__scalar_hash(const ig_jval *v)
{
	char buf[48];
	switch (v->type) {
	case IG_JNULL: return ig_tokens_hash("null", 4);
	case IG_JBOOL: return v->b ? ig_tokens_hash("true", 4) : ig_tokens_hash("false", 5);
	case IG_JNUM: {
		int n = snprintf(buf, sizeof buf, "%.17g", v->num);
		return ig_tokens_hash(buf, (size_t)n);
	}
	case IG_JSTR: {
		/* "5" and 5 are one value to CloudFormation; "5.0" stays a string */
		char *end;
		double d = strtod(v->str, &end);
		if (*v->str && *end == 0 && end != v->str) {
			int n = snprintf(buf, sizeof buf, "%.17g", d);
			if ((size_t)n == strlen(v->str) && memcmp(buf, v->str, (size_t)n) == 0)
				return ig_tokens_hash(buf, (size_t)n);
		}
		return ig_tokens_hash(v->str, strlen(v->str));
	}
	default: return ig_tokens_hash("...", 3);
	}
}

/* The indexes of an object's members in key order (stable: a duplicate key
 * keeps its place after its twin). */
static size_t *data__sorted(ig_arena *a, const ig_jval *v)
{
	size_t *order = ig_arena_alloc(a, (v->n + 1) * sizeof *order);
	for (size_t i = 0; i < v->n; i++) order[i] = i;
	for (size_t i = 1; i < v->n; i++) /* insertion sort: objects are small */
		for (size_t j = i; j > 0 && strcmp(v->keys[order[j - 1]], v->keys[order[j]]) > 0; j--) {
			size_t tmp = order[j]; order[j] = order[j - 1]; order[j - 1] = tmp;
		}
	return order;
}

static void data__emit(data_walk *w, const ig_jval *v, uint32_t unit, const char *path, int depth);

/* {"Fn::GetAtt": "A.B"} is {"Fn::GetAtt": ["A", "B"]}. */
static const ig_jval *data__getatt(data_walk *w, const ig_jval *v)
{
	if (v->type != IG_JSTR || !strchr(v->str, '.')) return v;
	const char *dot = strchr(v->str, '.');
	ig_jval *arr = ig_arena_alloc(w->a, sizeof *arr), *a0 = ig_arena_alloc(w->a, sizeof *a0),
		*a1 = ig_arena_alloc(w->a, sizeof *a1);
	*a0 = (ig_jval){.type = IG_JSTR, .line = v->line, .str = ig_arena_strndup(w->a, v->str, (size_t)(dot - v->str))};
	*a1 = (ig_jval){.type = IG_JSTR, .line = v->line, .str = ig_arena_strdup(w->a, dot + 1)};
	arr->type = IG_JARR, arr->line = v->line, arr->n = 2;
	arr->items = ig_arena_alloc(w->a, 2 * sizeof *arr->items);
	arr->items[0] = a0, arr->items[1] = a1;
	return arr;
}

static void data__emit_obj(data_walk *w, const ig_jval *v, uint32_t unit, const char *path, int depth)
{
	unsigned end = data__end_line(v, depth);
	ig_tokens_push(w->a, w->t, w->open_obj, w->open_obj, v->line, v->line, unit)->path = path;
	size_t *order = data__sorted(w->a, v);
	for (size_t i = 0; i < v->n; i++) {
		const char *key = v->keys[order[i]];
		const ig_jval *item = v->items[order[i]];
		const char *sub = path && *path ? ig_arena_printf(w->a, "%s.%s", path, key) : key;
		ig_tokens_push(w->a, w->t, ig_tokens_mix(ig_tokens_hash(key, strlen(key)), 7), ig_tokens_hash(key, strlen(key)),
			       item->line, item->line, unit)->path = sub;
		if (strcmp(key, "Fn::GetAtt") == 0) item = data__getatt(w, item);
		data__emit(w, item, unit, sub, depth + 1);
	}
	ig_tokens_push(w->a, w->t, w->close_obj, w->close_obj, end, end, unit)->path = path;
}

static void data__emit(data_walk *w, const ig_jval *v, uint32_t unit, const char *path, int depth)
{
	if (v->type == IG_JOBJ && depth < IG_JSON_MAX_DEPTH) {
		data__emit_obj(w, v, unit, path, depth);
	} else if (v->type == IG_JARR && depth < IG_JSON_MAX_DEPTH) {
		unsigned end = data__end_line(v, depth);
		ig_tokens_push(w->a, w->t, w->open_arr, w->open_arr, v->line, v->line, unit)->path = path;
		for (size_t i = 0; i < v->n; i++)
			data__emit(w, v->items[i], unit, ig_arena_printf(w->a, "%s[%zu]", path ? path : "", i), depth + 1);
		ig_tokens_push(w->a, w->t, w->close_arr, w->close_arr, end, end, unit)->path = path;
	} else {
		uint64_t h = data__scalar_hash(v);
		ig_tokens_push(w->a, w->t, h, h, v->line, v->line, unit)->path = path;
	}
}

/* The line an entry's key is on: its value's line, or the line above when
 * that line is the key alone (a block map in YAML: `Bucket:` then its body). */
static unsigned data__key_line(const data_walk *w, const char *key, unsigned value_line)
{
	if (value_line < 2) return value_line;
	const char *s = w->f->text, *end = s + w->f->len;
	for (unsigned l = 1; l < value_line - 1 && s < end; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		s = nl ? nl + 1 : end;
	}
	while (s < end && (*s == ' ' || *s == '\t')) s++;
	if (s < end && (*s == '"' || *s == '\'')) s++;
	size_t n = strlen(key);
	if ((size_t)(end - s) > n && memcmp(s, key, n) == 0) {
		s += n;
		if (s < end && (*s == '"' || *s == '\'')) s++;
		while (s < end && *s == ' ') s++;
		if (s < end && *s == ':') {
			s++;
			while (s < end && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
			if (s == end || *s == '\n' || *s == '#') return value_line - 1;
		}
	}
	return value_line;
}

/* The units of a template: each resource, each parameter, output, condition,
 * mapping and rule; other documents: each top-level key. */
static void data__document(data_walk *w, const ig_jval *root)
{
	if (root->type != IG_JOBJ) { data__emit(w, root, 0, "", 0); return; }
	bool template = ig_json_get(root, "Resources") != NULL || ig_json_get(root, "AWSTemplateFormatVersion") != NULL;
	ig_tokens_push(w->a, w->t, w->open_obj, w->open_obj, root->line, root->line, 0)->path = "";
	size_t *order = data__sorted(w->a, root);
	for (size_t i = 0; i < root->n; i++) {
		const char *key = root->keys[order[i]];
		const ig_jval *sec = root->items[order[i]];
		ig_tokens_push(w->a, w->t, ig_tokens_mix(ig_tokens_hash(key, strlen(key)), 7), ig_tokens_hash(key, strlen(key)),
			       sec->line, sec->line, 0)->path = key;
		bool split = sec->type == IG_JOBJ && (!template || strcmp(key, "Resources") == 0 ||
						      strcmp(key, "Parameters") == 0 || strcmp(key, "Outputs") == 0 ||
						      strcmp(key, "Conditions") == 0 || strcmp(key, "Mappings") == 0 ||
						      strcmp(key, "Rules") == 0);
		if (!split) {
			uint32_t u = template ? 0 : ig_tokens_unit(w->a, w->t, IG_UNIT_SECTION, key, NULL, sec->line,
								   data__end_line(sec, 0), 0);
			data__emit(w, sec, u, key, 1);
			continue;
		}
		/* one unit per entry: the section's own braces belong to the top level */
		unsigned end = data__end_line(sec, 0);
		ig_tokens_push(w->a, w->t, w->open_obj, w->open_obj, sec->line, sec->line, 0)->path = key;
		size_t *ord = data__sorted(w->a, sec);
		bool resources = strcmp(key, "Resources") == 0;
		for (size_t k = 0; k < sec->n; k++) {
			const char *name = sec->keys[ord[k]];
			const ig_jval *item = sec->items[ord[k]];
			const ig_jval *type = resources && item->type == IG_JOBJ ? ig_json_get(item, "Type") : NULL;
			unsigned l0 = data__key_line(w, name, item->line);
			uint32_t u = ig_tokens_unit(w->a, w->t, resources ? IG_UNIT_RESOURCE : IG_UNIT_SECTION,
						    resources ? name : ig_arena_printf(w->a, "%s.%s", key, name),
						    type && type->type == IG_JSTR ? type->str : NULL, l0,
						    data__end_line(item, 0), 0);
			for (size_t r = 0; resources && r < w->f->n_resources; r++)
				if (w->f->resources[r].name && strcmp(w->f->resources[r].name, name) == 0)
					w->t->units[u].service = w->f->resources[r].service;
			const char *sub = ig_arena_printf(w->a, "%s.%s", key, name);
			ig_tokens_push(w->a, w->t, ig_tokens_mix(ig_tokens_hash(name, strlen(name)), 7),
				       ig_tokens_hash(name, strlen(name)), l0, l0, u)->path = sub;
			data__emit(w, item, u, sub, 2);
		}
		ig_tokens_push(w->a, w->t, w->close_obj, w->close_obj, end, end, 0)->path = key;
	}
	ig_tokens_push(w->a, w->t, w->close_obj, w->close_obj, data__end_line(root, 0), data__end_line(root, 0), 0)->path = "";
}

/* The lines of comments: a cursor walk (indexing children one by one costs
 * the square of their number in a long list), skipped when the text has no
 * comment character at all. */
static void data__comments(ig_tokens *t, const ig_file *f)
{
	if (!memchr(f->text, f->lang == IG_LANG_YAML ? '#' : '/', f->len)) return;
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(f->parse.tree));
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		bool comment = strcmp(ts_node_type(n), "comment") == 0;
		if (comment)
			for (unsigned l = ts_node_start_point(n).row + 1; l <= ts_node_end_point(n).row + 1 && l <= t->n_lines; l++)
				t->comment_line[l] = 1;
		if (!comment && ts_tree_cursor_goto_first_child(&c)) continue;
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return; }
		}
	}
}

ig_tokens *ig_tokens_from_data(ig_arena *a, const ig_file *f)
{
	/* a document with syntax errors still has the value tree-sitter recovered:
	 * compared as a value, as its twin without the error is */
	if (!f->parse.tree) return NULL;
	ig_jval *root = f->lang == IG_LANG_YAML ? ig_yaml_value(a, &f->parse, data__tag, NULL)
						: ig_json_value(a, &f->parse);
	if (!root) return NULL;
	ig_tokens *t = ig_tokens_new(a, f);
	t->data = true;
	data_walk w = {.a = a, .f = f, .t = t, .open_obj = ig_tokens_hash("{", 1), .close_obj = ig_tokens_hash("}", 1),
		       .open_arr = ig_tokens_hash("[", 1), .close_arr = ig_tokens_hash("]", 1)};
	data__document(&w, root);
	data__comments(t, f);
	return t;
}
