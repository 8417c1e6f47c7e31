/* YAML to the JSON value tree (yamlval.h). */
#include "syntax/yamlval.h"
#include "util/buf.h"
#include "util/strmap.h"
#include <stdlib.h>
#include <string.h>

/* An alias shares its anchor's value, so the tree the checks walk can be far
 * larger than the document: ten levels of `&aN [*aM, *aM, *aM]` name 3^10
 * copies ("billion laughs"). Past this many nodes added by aliases, an alias
 * is not known (IG_JDEEP). A real template's anchors add a few hundred. */
#define YAML_MAX_ALIASED 100000

typedef struct {
	ig_jval *v;
	size_t size; /* nodes of the value as walked, its aliases expanded */
} yaml_anchor;

typedef struct {
	ig_arena *a;
	const ig_parse *p;
	ig_yaml_tag_fn tag;
	void *ctx;
	ig_strmap anchors; /* anchor name -> yaml_anchor */
	size_t size;       /* nodes made so far, aliases counting their anchor's size */
	size_t aliased;    /* of which added by aliases */
} yaml_build;

static ig_jval *yamlval__new(yaml_build *b, ig_jtype type, unsigned line)
{
	b->size++;
	ig_jval *v = ig_arena_alloc(b->a, sizeof *v);
	v->type = type;
	v->line = line;
	return v;
}

static bool yamlval__is(TSNode n, const char *type) { return strcmp(ts_node_type(n), type) == 0; }

static void yamlval__put_utf8(ig_buf *out, unsigned long cp)
{
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = '?';
	if (cp < 0x80) ig_buf_putc(out, (char)cp);
	else if (cp < 0x800) {
		ig_buf_putc(out, (char)(0xC0 | cp >> 6));
		ig_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		ig_buf_putc(out, (char)(0xE0 | cp >> 12));
		ig_buf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		ig_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else {
		ig_buf_putc(out, (char)(0xF0 | cp >> 18));
		ig_buf_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
		ig_buf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		ig_buf_putc(out, (char)(0x80 | (cp & 0x3F)));
	}
}

/* One escape of a double-quoted scalar at s[i] == '\\'; returns the index of
 * its last character. */
static size_t yamlval__escape(ig_buf *out, const char *s, size_t i, size_t n)
{
	if (i + 1 >= n) return i;
	char c = s[++i];
	size_t hex = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
	if (hex) {
		char digits[9] = {0};
		size_t k = 0;
		while (k < hex && i + 1 < n) digits[k++] = s[++i];
		yamlval__put_utf8(out, strtoul(digits, NULL, 16));
		return i;
	}
	static const char from[] = "0abtnvfre \"/\\N_LP\t", to[] = "\0\a\b\t\n\v\f\r\x1b \"/\\\n \n\n\t";
	const char *at = memchr(from, c, sizeof from - 1);
	if (at) {
		char r = to[at - from];
		if (r) ig_buf_putc(out, r);
		else ig_buf_putc(out, ' ');
	} else {
		ig_buf_putc(out, c);
	}
	return i;
}

/* The text of a flow scalar (plain, single- or double-quoted, without the
 * quotes) with YAML line folding: a line break and the spaces around it are one
 * space, an empty line is a newline. An escaped line break in a double-quoted
 * scalar joins the lines. */
static const char *yamlval__fold(yaml_build *b, const char *s, size_t n, char quote)
{
	ig_buf out = {0};
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (quote == '"' && c == '\\') {
			if (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
				i++;
				if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i++;
				while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t')) i++;
				continue;
			}
			i = yamlval__escape(&out, s, i, n);
			continue;
		}
		if (quote == '\'' && c == '\'' && i + 1 < n && s[i + 1] == '\'') {
			ig_buf_putc(&out, '\'');
			i++;
			continue;
		}
		if (c == '\n' || c == '\r') {
			/* trailing spaces of the line go; count the empty lines that follow */
			while (out.len && (out.data[out.len - 1] == ' ' || out.data[out.len - 1] == '\t')) out.len--;
			size_t breaks = 0;
			while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' ' || s[i] == '\t')) {
				if (s[i] == '\n') breaks++;
				i++;
			}
			i--;
			if (breaks <= 1) ig_buf_putc(&out, ' ');
			else for (size_t k = 1; k < breaks; k++) ig_buf_putc(&out, '\n');
			continue;
		}
		ig_buf_putc(&out, c);
	}
	const char *r = ig_arena_strndup(b->a, out.data ? out.data : "", out.len);
	ig_buf_free(&out);
	return r;
}

/* A block scalar (`|` literal, `>` folded, with chomping `-`/`+`): the
 * content lines with their common indentation removed. */
static const char *yamlval__block(yaml_build *b, const char *s, size_t n)
{
	bool folded = n && s[0] == '>';
	char chomp = 0;
	for (size_t i = 1; i < n && s[i] != '\n' && s[i] != ' ' && s[i] != '#'; i++)
		if (s[i] == '-' || s[i] == '+') chomp = s[i];
	const char *p = memchr(s, '\n', n), *end = s + n;
	if (!p) return "";
	p++;
	/* indentation of the first non-empty line */
	size_t indent = 0;
	for (const char *q = p; q < end;) {
		size_t sp = 0;
		while (q + sp < end && q[sp] == ' ') sp++;
		if (q + sp < end && q[sp] != '\n' && q[sp] != '\r') { indent = sp; break; }
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		if (!nl) break;
		q = nl + 1;
	}
	ig_buf out = {0};
	bool prev_text = false, prev_more = false;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		size_t len = (size_t)(eol - p);
		if (len && p[len - 1] == '\r') len--;
		size_t skip = 0;
		while (skip < indent && skip < len && p[skip] == ' ') skip++;
		const char *text = p + skip;
		size_t tlen = len - skip;
		bool blank = tlen == 0, more = tlen && (text[0] == ' ' || text[0] == '\t');
		/* folded: lines of one paragraph join with a space */
		if (folded && prev_text && !blank && !more && !prev_more && out.len && out.data[out.len - 1] == '\n')
			out.data[out.len - 1] = ' ';
		ig_buf_put(&out, text, tlen);
		ig_buf_putc(&out, '\n');
		prev_text = !blank;
		prev_more = more;
		p = nl ? nl + 1 : end;
	}
	size_t len = out.len;
	if (chomp != '+') {
		while (len && out.data[len - 1] == '\n') len--;
		if (chomp != '-' && len < out.len) len++; /* clip: one final newline */
	}
	const char *r = ig_arena_strndup(b->a, out.data ? out.data : "", len);
	ig_buf_free(&out);
	return r;
}

static ig_jval *yamlval__node(yaml_build *b, TSNode n, int depth);

static ig_jval *yamlval__scalar(yaml_build *b, TSNode n)
{
	const char *src = b->p->src;
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	unsigned line = ig_node_line(n);
	if (yamlval__is(n, "plain_scalar")) {
		TSNode c = ts_node_named_child(n, 0);
		const char *t = ts_node_is_null(c) ? "string_scalar" : ts_node_type(c);
		if (strcmp(t, "integer_scalar") == 0 || strcmp(t, "float_scalar") == 0) {
			ig_jval *v = yamlval__new(b, IG_JNUM, line);
			v->str = ig_arena_strndup(b->a, src + s, e - s);
			v->num = strtod(v->str, NULL);
			return v;
		}
		if (strcmp(t, "boolean_scalar") == 0) {
			ig_jval *v = yamlval__new(b, IG_JBOOL, line);
			v->b = src[s] == 't' || src[s] == 'T';
			return v;
		}
		if (strcmp(t, "null_scalar") == 0) return yamlval__new(b, IG_JNULL, line);
		ig_jval *v = yamlval__new(b, IG_JSTR, line);
		v->str = yamlval__fold(b, src + s, e - s, 0);
		return v;
	}
	ig_jval *v = yamlval__new(b, IG_JSTR, line);
	if (yamlval__is(n, "block_scalar")) {
		v->line = line + 1;
		v->str = yamlval__block(b, src + s, e - s);
		return v;
	}
	char q = src[s];
	size_t from = s + 1, to = e;
	if (to > from && src[to - 1] == q) to--; /* a cut-off scalar lacks its closing quote */
	v->str = yamlval__fold(b, src + from, to - from, q);
	return v;
}

/* "!!str 31" is the string "31"; other YAML-standard tags keep the value. */
static ig_jval *yamlval__std_tag(yaml_build *b, const char *tag, TSNode content, ig_jval *v)
{
	if (strcmp(tag, "!!str") != 0 || v->type == IG_JSTR || ts_node_is_null(content)) return v;
	if (v->type == IG_JOBJ || v->type == IG_JARR || v->type == IG_JDEEP) return v;
	ig_jval *s = yamlval__new(b, IG_JSTR, v->line);
	s->str = ig_node_text(b->a, b->p, content);
	return s;
}

/* A block_node or flow_node: optional anchor and tag, then the content. */
static ig_jval *yamlval__wrapped(yaml_build *b, TSNode n, int depth)
{
	TSNode content = {0}, anchor = {0}, tag = {0};
	size_t size_before = b->size;
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (yamlval__is(c, "anchor")) anchor = c;
		else if (yamlval__is(c, "tag")) tag = c;
		else if (!yamlval__is(c, "comment") && ts_node_is_null(content)) content = c;
	}
	ig_jval *v = ts_node_is_null(content) ? yamlval__new(b, IG_JNULL, ig_node_line(n)) : yamlval__node(b, content, depth + 1);
	if (!ts_node_is_null(tag)) {
		const char *t = ig_node_text(b->a, b->p, tag);
		if (t[0] == '!' && t[1] == '!') v = yamlval__std_tag(b, t, content, v);
		else if (b->tag) v = b->tag(b->a, t, v, b->ctx);
	}
	if (!ts_node_is_null(anchor)) {
		const char *name = ig_node_text(b->a, b->p, anchor) + 1; /* after '&' */
		yaml_anchor *an = ig_arena_alloc(b->a, sizeof *an);
		*an = (yaml_anchor){v, b->size - size_before};
		ig_strmap_put(&b->anchors, name, strlen(name), an);
	}
	return v;
}

static ig_jval *yamlval__alias(yaml_build *b, TSNode n)
{
	const char *name = ig_node_text(b->a, b->p, n) + 1; /* after '*' */
	const yaml_anchor *target = ig_strmap_get(&b->anchors, name, strlen(name));
	ig_jval *v = yamlval__new(b, IG_JDEEP, ig_node_line(n));
	if (target && b->aliased + target->size <= YAML_MAX_ALIASED) {
		*v = *target->v; /* a copy, so that its line can be the alias's own */
		v->line = ig_node_line(n);
		b->size += target->size;
		b->aliased += target->size;
	}
	return v;
}

/* The key of a pair as a string, or NULL for a key that is not a scalar. */
static const char *yamlval__key(yaml_build *b, TSNode key, int depth)
{
	if (ts_node_is_null(key)) return NULL;
	ig_jval *k = yamlval__node(b, key, depth + 1);
	if (k->type == IG_JSTR || k->type == IG_JNUM) return k->str;
	if (k->type == IG_JBOOL) return k->b ? "true" : "false";
	return NULL;
}

typedef struct {
	const char **keys;
	ig_jval **items;
	size_t n, cap;
} yaml_pairs;

static void yamlval__push(yaml_build *b, yaml_pairs *ps, const char *key, ig_jval *v)
{
	if (ps->n == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 8;
		const char **keys = ig_arena_alloc(b->a, cap * sizeof *keys);
		ig_jval **items = ig_arena_alloc(b->a, cap * sizeof *items);
		if (ps->n) {
			memcpy(keys, ps->keys, ps->n * sizeof *keys);
			memcpy(items, ps->items, ps->n * sizeof *items);
		}
		ps->keys = keys, ps->items = items, ps->cap = cap;
	}
	ps->keys[ps->n] = key;
	ps->items[ps->n++] = v;
}

static bool yamlval__has(const yaml_pairs *ps, const char *key)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->keys[i], key) == 0) return true;
	return false;
}

/* `<<: *base` (or a list of them): the keys of base that the mapping lacks. */
static void yamlval__merge(yaml_build *b, yaml_pairs *ps, const ig_jval *v)
{
	const ig_jval *one[1] = {v};
	const ig_jval *const *list = v->type == IG_JARR ? (const ig_jval *const *)v->items : one;
	size_t n = v->type == IG_JARR ? v->n : 1;
	for (size_t i = 0; i < n; i++) {
		const ig_jval *m = list[i];
		if (m->type != IG_JOBJ) continue;
		for (size_t k = 0; k < m->n; k++)
			if (!yamlval__has(ps, m->keys[k])) yamlval__push(b, ps, m->keys[k], m->items[k]);
	}
}

static void yamlval__pair(yaml_build *b, yaml_pairs *ps, yaml_pairs *merges, TSNode pair, int depth)
{
	TSNode key = ig_node_field(pair, "key"), val = ig_node_field(pair, "value");
	const char *k = yamlval__key(b, key, depth);
	if (!k) return;
	unsigned kline = ts_node_is_null(key) ? ig_node_line(pair) : ig_node_line(key);
	ig_jval *v = ts_node_is_null(val) ? yamlval__new(b, IG_JNULL, kline) : yamlval__node(b, val, depth + 1);
	if ((v->type == IG_JOBJ || v->type == IG_JARR) && v->line > kline) v->line = kline;
	if (strcmp(k, "<<") == 0) yamlval__push(b, merges, k, v);
	else yamlval__push(b, ps, k, v);
}

static ig_jval *yamlval__mapping(yaml_build *b, TSNode n, int depth)
{
	yaml_pairs ps = {0}, merges = {0};
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (yamlval__is(c, "block_mapping_pair") || yamlval__is(c, "flow_pair")) {
			yamlval__pair(b, &ps, &merges, c, depth);
		} else if (yamlval__is(c, "flow_node")) { /* `{a}`: a key without a value */
			const char *k = yamlval__key(b, c, depth);
			if (k) yamlval__push(b, &ps, k, yamlval__new(b, IG_JNULL, ig_node_line(c)));
		}
	}
	for (size_t i = 0; i < merges.n; i++) yamlval__merge(b, &ps, merges.items[i]);
	ig_jval *v = yamlval__new(b, IG_JOBJ, ig_node_line(n));
	v->keys = ps.keys, v->items = ps.items, v->n = ps.n;
	return v;
}

static ig_jval *yamlval__sequence(yaml_build *b, TSNode n, int depth)
{
	yaml_pairs items = {0}; /* keys unused */
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (yamlval__is(c, "block_sequence_item")) {
			TSNode content = {0};
			uint32_t ic = ts_node_named_child_count(c);
			for (uint32_t k = 0; k < ic && ts_node_is_null(content); k++) {
				TSNode g = ts_node_named_child(c, k);
				if (!yamlval__is(g, "comment")) content = g;
			}
			yamlval__push(b, &items, "", ts_node_is_null(content) ? yamlval__new(b, IG_JNULL, ig_node_line(c))
									     : yamlval__node(b, content, depth + 1));
		} else if (yamlval__is(c, "flow_node")) {
			yamlval__push(b, &items, "", yamlval__node(b, c, depth + 1));
		} else if (yamlval__is(c, "flow_pair")) { /* `[a: b]`: a one-pair mapping */
			yaml_pairs one = {0}, merges = {0};
			yamlval__pair(b, &one, &merges, c, depth);
			ig_jval *m = yamlval__new(b, IG_JOBJ, ig_node_line(c));
			m->keys = one.keys, m->items = one.items, m->n = one.n;
			yamlval__push(b, &items, "", m);
		}
	}
	ig_jval *v = yamlval__new(b, IG_JARR, ig_node_line(n));
	v->items = items.items, v->n = items.n;
	return v;
}

static ig_jval *yamlval__node(yaml_build *b, TSNode n, int depth)
{
	if (depth > IG_JSON_MAX_DEPTH) return yamlval__new(b, IG_JDEEP, ig_node_line(n));
	const char *t = ts_node_type(n);
	if (strcmp(t, "block_node") == 0 || strcmp(t, "flow_node") == 0) return yamlval__wrapped(b, n, depth);
	if (strcmp(t, "block_mapping") == 0 || strcmp(t, "flow_mapping") == 0) return yamlval__mapping(b, n, depth);
	if (strcmp(t, "block_sequence") == 0 || strcmp(t, "flow_sequence") == 0) return yamlval__sequence(b, n, depth);
	if (strcmp(t, "alias") == 0) return yamlval__alias(b, n);
	if (strstr(t, "scalar")) return yamlval__scalar(b, n);
	return yamlval__new(b, IG_JDEEP, ig_node_line(n)); /* ERROR and the like: not known */
}

/* Pairs directly under an ERROR node (a syntax error high in the file), one
 * level of nesting deep, gathered into one mapping. */
static void yamlval__error_pairs(yaml_build *b, yaml_pairs *ps, yaml_pairs *merges, TSNode n, int depth)
{
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (yamlval__is(c, "block_mapping_pair")) yamlval__pair(b, ps, merges, c, 0);
		else if (depth < 2 && (yamlval__is(c, "ERROR") || yamlval__is(c, "block_node") || yamlval__is(c, "block_mapping")))
			yamlval__error_pairs(b, ps, merges, c, depth + 1);
	}
}

ig_jval *ig_yaml_value(ig_arena *a, const ig_parse *p, ig_yaml_tag_fn tag, void *ctx)
{
	if (!p->tree) return NULL;
	yaml_build b = {.a = a, .p = p, .tag = tag, .ctx = ctx};
	ig_strmap_init(&b.anchors, a);
	TSNode root = ts_tree_root_node(p->tree);
	uint32_t cnt = ts_node_named_child_count(root);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode d = ts_node_named_child(root, i);
		if (yamlval__is(d, "ERROR")) {
			yaml_pairs ps = {0}, merges = {0};
			yamlval__error_pairs(&b, &ps, &merges, d, 0);
			if (!ps.n) continue;
			ig_jval *v = yamlval__new(&b, IG_JOBJ, ig_node_line(d));
			v->keys = ps.keys, v->items = ps.items, v->n = ps.n;
			return v;
		}
		if (!yamlval__is(d, "document")) continue;
		uint32_t dc = ts_node_named_child_count(d);
		for (uint32_t k = 0; k < dc; k++) {
			TSNode c = ts_node_named_child(d, k);
			if (yamlval__is(c, "block_node") || yamlval__is(c, "flow_node")) return yamlval__node(&b, c, 0);
		}
	}
	return NULL;
}
