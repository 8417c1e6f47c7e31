#include "syntax/jsonval.h"
#include <stdlib.h>
#include <string.h>

const char *ig_jtype_name(ig_jtype t)
{
	static const char *const names[] = {"null", "boolean", "number", "string", "list", "object", "too deeply nested value"};
	return names[t];
}

static void jsonval__put_utf8(char *out, size_t *k, unsigned cp)
{
	if (cp < 0x80) out[(*k)++] = (char)cp;
	else if (cp < 0x800) { out[(*k)++] = (char)(0xC0 | cp >> 6); out[(*k)++] = (char)(0x80 | (cp & 0x3F)); }
	else { out[(*k)++] = (char)(0xE0 | cp >> 12); out[(*k)++] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[(*k)++] = (char)(0x80 | (cp & 0x3F)); }
}

/* Unescape the text between the quotes of a string node. Surrogate pairs are
 * folded to '?': metadata does not need them and they cannot be invalid then. */
static const char *jsonval__unescape(ig_arena *a, const char *s, size_t n)
{
	char *out = ig_arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) { out[k++] = s[i]; continue; }
		char c = s[++i];
		switch (c) {
		case 'n': out[k++] = '\n'; break;
		case 't': out[k++] = '\t'; break;
		case 'r': out[k++] = '\r'; break;
		case 'b': out[k++] = '\b'; break;
		case 'f': out[k++] = '\f'; break;
		case 'u':
			if (i + 4 < n) {
				char hex[5] = {s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0};
				unsigned cp = (unsigned)strtoul(hex, NULL, 16);
				if (cp >= 0xD800 && cp <= 0xDFFF) cp = '?';
				if (cp == 0) cp = ' ';
				jsonval__put_utf8(out, &k, cp);
				i += 4;
			}
			break;
		default: out[k++] = c;
		}
	}
	out[k] = 0;
	return out;
}

static ig_jval *jsonval__build(ig_arena *a, const ig_parse *p, TSNode n, int depth)
{
	const char *type = ts_node_type(n);
	ig_jval *v = ig_arena_alloc(a, sizeof(*v));
	v->line = ig_node_line(n);
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (depth > IG_JSON_MAX_DEPTH) { v->type = IG_JDEEP; return v; }
	if (strcmp(type, "string") == 0) {
		v->type = IG_JSTR;
		/* strip the quotes when both are there (a truncated string lacks the last) */
		size_t from = s + 1, to = e;
		if (to > from && p->src[to - 1] == '"') to--;
		if (from > to) from = to;
		v->str = jsonval__unescape(a, p->src + from, to - from);
	} else if (strcmp(type, "number") == 0) {
		v->type = IG_JNUM;
		v->str = ig_node_text(a, p, n);
		v->num = strtod(v->str, NULL);
	} else if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0) {
		v->type = IG_JBOOL;
		v->b = type[0] == 't';
	} else if (strcmp(type, "object") == 0 || strcmp(type, "array") == 0) {
		bool obj = type[0] == 'o';
		v->type = obj ? IG_JOBJ : IG_JARR;
		uint32_t cnt = ts_node_named_child_count(n);
		v->items = ig_arena_alloc(a, (cnt ? cnt : 1) * sizeof(*v->items));
		if (obj) v->keys = ig_arena_alloc(a, (cnt ? cnt : 1) * sizeof(*v->keys));
		for (uint32_t i = 0; i < cnt; i++) {
			TSNode c = ts_node_named_child(n, i);
			if (ts_node_is_missing(c)) continue; /* inserted by error recovery, e.g. after a trailing comma */
			if (obj) {
				if (strcmp(ts_node_type(c), "pair") != 0) continue;
				TSNode key = ig_node_field(c, "key"), val = ig_node_field(c, "value");
				if (ts_node_is_null(key) || ts_node_is_null(val)) continue;
				ig_jval *kv = jsonval__build(a, p, key, depth + 1);
				if (kv->type != IG_JSTR) continue;
				v->keys[v->n] = kv->str;
				v->items[v->n++] = jsonval__build(a, p, val, depth + 1);
			} else {
				const char *ct = ts_node_type(c);
				if (strcmp(ct, "comment") == 0 || strcmp(ct, "ERROR") == 0) continue;
				v->items[v->n++] = jsonval__build(a, p, c, depth + 1);
			}
		}
	} else {
		v->type = IG_JNULL;
	}
	return v;
}

ig_jval *ig_json_value(ig_arena *a, const ig_parse *p)
{
	if (!p->tree) return NULL;
	TSNode root = ts_tree_root_node(p->tree);
	/* document -> first value child; skip comments and error fragments */
	uint32_t cnt = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(root, i);
		const char *t = ts_node_type(c);
		if (strcmp(t, "comment") == 0) continue;
		if (strcmp(t, "ERROR") == 0) {
			/* a value wrapped in an error (e.g. trailing comma at top level) */
			if (ts_node_named_child_count(c) > 0) {
				TSNode inner = ts_node_named_child(c, 0);
				const char *it = ts_node_type(inner);
				if (strcmp(it, "object") == 0 || strcmp(it, "array") == 0) return jsonval__build(a, p, inner, 0);
			}
			continue;
		}
		return jsonval__build(a, p, c, 0);
	}
	return NULL;
}

ig_jval *ig_json_obj1(ig_arena *a, const char *key, ig_jval *v)
{
	ig_jval *o = ig_arena_alloc(a, sizeof *o);
	o->type = IG_JOBJ;
	o->line = v->line;
	o->keys = ig_arena_alloc(a, sizeof *o->keys);
	o->items = ig_arena_alloc(a, sizeof *o->items);
	o->keys[0] = key;
	o->items[0] = v;
	o->n = 1;
	return o;
}

const ig_jval *ig_json_get(const ig_jval *obj, const char *key)
{
	if (!obj || obj->type != IG_JOBJ) return NULL;
	const ig_jval *found = NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0) found = obj->items[i]; /* last wins, as in JSON.parse */
	return found;
}
