#include "diff/tokens.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const char *ig_unit_kind_name(ig_unit_kind k)
{
	static const char *names[] = {"top", "class", "function", "resource", "section", "imports"};
	return k <= IG_UNIT_IMPORTS ? names[k] : "top";
}

uint64_t ig_tokens_hash(const char *s, size_t n) { return ig_hash(s, n); }

uint64_t ig_tokens_mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdull;
}

ig_tokens *ig_tokens_new(ig_arena *a, const ig_file *f)
{
	ig_tokens *t = ig_arena_alloc(a, sizeof *t);
	unsigned lines = 1;
	for (size_t i = 0; i < f->len; i++) lines += f->text[i] == '\n';
	t->n_lines = lines;
	t->comment_line = ig_arena_alloc(a, lines + 2);
	ig_tokens_unit(a, t, IG_UNIT_TOP, "", NULL, 1, lines, 0);
	return t;
}

uint32_t ig_tokens_unit(ig_arena *a, ig_tokens *t, ig_unit_kind kind, const char *name, const char *type,
			unsigned line, unsigned end_line, uint32_t parent)
{
	uint32_t ordinal = 0;
	for (size_t i = 0; i < t->n_units; i++)
		if (t->units[i].kind == kind && strcmp(t->units[i].name, name) == 0) ordinal++;
	ig_unit *u = IG_PUSH(a, t->units, t->n_units, t->cap_units);
	*u = (ig_unit){.kind = kind, .name = name, .type = type, .line = line, .end_line = end_line, .parent = parent, .ordinal = ordinal};
	return (uint32_t)(t->n_units - 1);
}

ig_token *ig_tokens_push(ig_arena *a, ig_tokens *t, uint64_t hash, uint64_t raw, unsigned line, unsigned end_line,
			 uint32_t unit)
{
	ig_token *k = IG_PUSH(a, t->tok, t->n, t->cap);
	*k = (ig_token){.hash = hash, .raw = raw, .line = line, .end_line = end_line, .unit = unit};
	return k;
}

ig_tokens *ig_tokens_build(ig_arena *a, const ig_file *f)
{
	if (f->skipped || !f->parse.tree) return NULL;
	if (f->lang == IG_LANG_JSON || f->lang == IG_LANG_YAML) {
		ig_tokens *t = ig_tokens_from_data(a, f);
		if (t) return t;
	}
	return ig_tokens_from_tree(a, f);
}

/* ---- code: the leaves of the parse tree ---- */

/* What a node type means to the diff, per language, looked up by symbol. */
enum {
	K_NONE = 0,
	K_COMMENT,    /* skipped; its lines noted */
	K_IMPORT,     /* one token for the whole statement */
	K_CLASS,      /* a class-like unit */
	K_FUNCTION,   /* a function-like unit */
	K_SECTION,    /* a unit named by its declared name (Go type declarations) */
	K_CONTAINER,  /* its named children are statements */
	K_NUMBER,     /* compared by value */
	K_DECLARATOR, /* variable_declarator: a function unit when it holds a function */
	K_HCL_BLOCK,  /* a Terraform block: resource, data, module, or a section */
	K_TEXT,       /* compared as one token (string contents with escapes inside) */
};

typedef struct {
	const char *type;
	unsigned char kind;
} node_kind;

static const node_kind kinds_ts[] = {
	{"comment", K_COMMENT}, {"import_statement", K_IMPORT},
	{"class_declaration", K_CLASS}, {"abstract_class_declaration", K_CLASS}, {"interface_declaration", K_CLASS},
	{"enum_declaration", K_CLASS}, {"type_alias_declaration", K_CLASS},
	{"function_declaration", K_FUNCTION}, {"generator_function_declaration", K_FUNCTION},
	{"method_definition", K_FUNCTION}, {"variable_declarator", K_DECLARATOR},
	{"program", K_CONTAINER}, {"statement_block", K_CONTAINER}, {"class_body", K_CONTAINER},
	{"export_statement", K_CONTAINER}, {"number", K_NUMBER}, {NULL, 0}};
static const node_kind kinds_py[] = {
	{"comment", K_COMMENT}, {"import_statement", K_IMPORT}, {"import_from_statement", K_IMPORT},
	{"future_import_statement", K_IMPORT}, {"class_definition", K_CLASS}, {"function_definition", K_FUNCTION},
	{"module", K_CONTAINER}, {"block", K_CONTAINER}, {"integer", K_NUMBER}, {"float", K_NUMBER},
	{"string_content", K_TEXT}, {NULL, 0}};
static const node_kind kinds_go[] = {
	{"comment", K_COMMENT}, {"import_spec", K_IMPORT}, {"function_declaration", K_FUNCTION},
	{"method_declaration", K_FUNCTION}, {"type_declaration", K_SECTION}, {"source_file", K_CONTAINER},
	{"block", K_CONTAINER}, {"statement_list", K_CONTAINER}, {"int_literal", K_NUMBER},
	{"float_literal", K_NUMBER}, {"interpreted_string_literal", K_TEXT}, {NULL, 0}};
static const node_kind kinds_java[] = {
	{"line_comment", K_COMMENT}, {"block_comment", K_COMMENT}, {"import_declaration", K_IMPORT},
	{"class_declaration", K_CLASS}, {"interface_declaration", K_CLASS}, {"enum_declaration", K_CLASS},
	{"record_declaration", K_CLASS}, {"method_declaration", K_FUNCTION}, {"constructor_declaration", K_FUNCTION},
	{"program", K_CONTAINER}, {"block", K_CONTAINER}, {"class_body", K_CONTAINER},
	{"constructor_body", K_CONTAINER}, {"decimal_integer_literal", K_NUMBER},
	{"decimal_floating_point_literal", K_NUMBER}, {NULL, 0}};
static const node_kind kinds_hcl[] = {
	{"comment", K_COMMENT}, {"block", K_HCL_BLOCK}, {"body", K_CONTAINER}, {"numeric_lit", K_NUMBER},
	{NULL, 0}};
static const node_kind kinds_data[] = {{"comment", K_COMMENT}, {"number", K_NUMBER}, {NULL, 0}};

static const node_kind *tree__table(ig_lang l)
{
	switch (l) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS: return kinds_ts;
	case IG_LANG_PY: return kinds_py;
	case IG_LANG_GO: return kinds_go;
	case IG_LANG_JAVA: return kinds_java;
	case IG_LANG_HCL: return kinds_hcl;
	default: return kinds_data;
	}
}

/* Node types that bind names (tree__declared reads them). */
static bool tree__is_declaration(const char *type)
{
	return strcmp(type, "variable_declarator") == 0 || strcmp(type, "assignment") == 0 ||
	       strcmp(type, "required_parameter") == 0 || strcmp(type, "optional_parameter") == 0 ||
	       strcmp(type, "short_var_declaration") == 0 || strcmp(type, "var_spec") == 0 ||
	       strcmp(type, "const_spec") == 0 || strcmp(type, "parameter_declaration") == 0 ||
	       strcmp(type, "formal_parameter") == 0 || strcmp(type, "function_declaration") == 0 ||
	       strcmp(type, "function_definition") == 0 || strcmp(type, "class_declaration") == 0 ||
	       strcmp(type, "class_definition") == 0 || strcmp(type, "method_declaration") == 0 ||
	       strcmp(type, "for_in_statement") == 0 || strcmp(type, "for_statement") == 0;
}

/* A symbol's byte: its kind, and flags of what else the walk asks of it. */
enum { K_MASK = 0x3f, F_DECLARES = 0x40, F_IDENT = 0x80 };

/* Symbol -> kind, built once per language for the process (symbols are few;
 * comparing type names on every node would cost more than the walk). */
static unsigned char *g_kinds[IG_LANG_COUNT];
static uint32_t g_n_symbols[IG_LANG_COUNT];
static pthread_mutex_t g_kinds_lock = PTHREAD_MUTEX_INITIALIZER;

static const unsigned char *tree__kinds(ig_lang l)
{
	pthread_mutex_lock(&g_kinds_lock);
	if (!g_kinds[l]) {
		const TSLanguage *lang = ig_syntax_language(l);
		uint32_t n = lang ? ts_language_symbol_count(lang) : 0;
		unsigned char *k = ig_xmalloc(n + 1);
		memset(k, 0, n + 1);
		const node_kind *tab = tree__table(l);
		for (uint32_t s = 0; s < n; s++) {
			const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
			for (const node_kind *e = tab; name && e->type; e++)
				if (strcmp(e->type, name) == 0) { k[s] = e->kind; break; }
			if (name && tree__is_declaration(name)) k[s] |= F_DECLARES;
			if (name && strcmp(name, "identifier") == 0) k[s] |= F_IDENT;
		}
		g_n_symbols[l] = n;
		g_kinds[l] = k;
	}
	pthread_mutex_unlock(&g_kinds_lock);
	return g_kinds[l];
}

typedef struct {
	ig_arena *a;
	const ig_file *f;
	ig_tokens *t;
	const unsigned char *kinds;
	uint32_t n_symbols;
	uint32_t imports_unit; /* 0 until the first import */
	uint64_t h_quote, h_semi;
} tree_walk;

static unsigned char tree__symbol(const tree_walk *w, TSNode n)
{
	TSSymbol s = ts_node_symbol(n);
	return s < w->n_symbols ? w->kinds[s] : K_NONE;
}

static unsigned char tree__kind(const tree_walk *w, TSNode n) { return tree__symbol(w, n) & K_MASK; }

static void tree__note_comment(tree_walk *w, TSNode n)
{
	unsigned l0 = ts_node_start_point(n).row + 1, l1 = ts_node_end_point(n).row + 1;
	for (unsigned l = l0; l <= l1 && l <= w->t->n_lines; l++) w->t->comment_line[l] = 1;
}

static bool tree__all_quotes(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && strchr("fFrRbBuU@$", s[i])) i++; /* string prefixes: f"...", r'...', @"..." */
	if (i == n) return false;
	for (; i < n; i++)
		if (s[i] != '"' && s[i] != '\'' && s[i] != '`') return false;
	return true;
}

/* The hash a leaf compares by: quotes are one token whatever their style
 * (the prefix of an f-string stays: it changes meaning), numbers by value. */
static uint64_t tree__leaf_hash(tree_walk *w, unsigned char kind, const char *s, size_t n)
{
	if (kind == K_NUMBER) {
		char tmp[64];
		size_t k = 0;
		for (size_t i = 0; i < n && k + 1 < sizeof tmp; i++)
			if (s[i] != '_') tmp[k++] = s[i];
		tmp[k] = 0;
		char *end;
		double v = strtod(tmp, &end);
		if (end != tmp && *end == 0) {
			char canon[40];
			int m = snprintf(canon, sizeof canon, "#%.17g", v);
			return ig_tokens_hash(canon, (size_t)m);
		}
	}
	if (n && tree__all_quotes(s, n)) {
		size_t i = 0;
		while (i < n && !strchr("\"'`", s[i])) i++;
		/* keep the prefix, one quote for any style and count (''' is ") */
		return ig_tokens_mix(ig_tokens_hash(s, i), w->h_quote);
	}
	return ig_tokens_hash(s, n);
}

static void tree__token(tree_walk *w, TSNode n, unsigned char kind, const char *s, size_t len, uint32_t unit)
{
	if (!len) return;
	if (w->h_semi && len == 1 && s[0] == ';' && (w->f->lang == IG_LANG_TS || w->f->lang == IG_LANG_TSX ||
						      w->f->lang == IG_LANG_JS))
		return; /* automatic semicolon insertion: `;` or not is the same program */
	ig_token *k = ig_tokens_push(w->a, w->t, tree__leaf_hash(w, kind, s, len), ig_tokens_hash(s, len),
				     ts_node_start_point(n).row + 1, ts_node_end_point(n).row + 1, unit);
	if (tree__symbol(w, n) & F_IDENT) k->flags |= IG_TOKF_IDENT;
}

/* Text between children that no child covers (a string's characters around
 * its escapes in some grammars): one token per gap, trimmed. */
static void tree__gap(tree_walk *w, TSNode n, uint32_t from, uint32_t to, uint32_t unit)
{
	const char *s = w->f->text;
	while (from < to && isspace((unsigned char)s[from])) from++;
	while (to > from && isspace((unsigned char)s[to - 1])) to--;
	if (from < to) tree__token(w, n, K_NONE, s + from, to - from, unit);
}

static const char *tree__name(tree_walk *w, TSNode n)
{
	TSNode name = ig_node_field(n, "name");
	if (ts_node_is_null(name)) return NULL;
	return ig_node_text(w->a, &w->f->parse, name);
}

/* The identifiers a declaration binds: a rename of one of them, made
 * everywhere, changes nothing. */
static void tree__declared(tree_walk *w, TSNode n)
{
	static const char *fields[] = {"name", "left", "pattern", NULL};
	for (int i = 0; fields[i]; i++) {
		TSNode c = ig_node_field(n, fields[i]);
		if (ts_node_is_null(c)) continue;
		uint32_t nc = ts_node_child_count(c);
		for (uint32_t j = 0; j <= nc; j++) { /* the node itself, or its identifiers (a, b = ...) */
			TSNode id = j == 0 ? c : ts_node_child(c, j - 1);
			if (strcmp(ts_node_type(id), "identifier") != 0) continue;
			uint32_t s0 = ts_node_start_byte(id), s1 = ts_node_end_byte(id);
			uint64_t *d = IG_PUSH(w->a, w->t->declared, w->t->n_declared, w->t->cap_declared);
			*d = ig_tokens_hash(w->f->text + s0, s1 - s0);
			if (j == 0) break;
		}
	}
}

static bool tree__is_function_value(TSNode v)
{
	if (ts_node_is_null(v)) return false;
	const char *t = ts_node_type(v);
	return strcmp(t, "arrow_function") == 0 || strcmp(t, "function_expression") == 0 ||
	       strcmp(t, "function") == 0;
}

/* A statement that declares a function (`const f = () => {...}`) is the
 * function's unit, not a resource's, even when the function creates one. */
static bool tree__declares_function(TSNode stmt)
{
	uint32_t nc = ts_node_named_child_count(stmt);
	for (uint32_t i = 0; i < nc; i++) {
		TSNode c = ts_node_named_child(stmt, i);
		if (strcmp(ts_node_type(c), "variable_declarator") == 0 && tree__is_function_value(ig_node_field(c, "value")))
			return true;
	}
	return false;
}

/* The resource a statement creates: one the detector found on its first
 * line or the next (`const b =\n  new s3.Bucket(...)`). A loop or an `if`
 * that holds resources further down is not one: its statements are. */
static const ig_resource *tree__resource_at(const tree_walk *w, unsigned l0, unsigned l1)
{
	for (size_t i = 0; i < w->f->n_resources; i++) {
		unsigned l = w->f->resources[i].line;
		if (l >= l0 && l <= l0 + 1 && l <= l1) return &w->f->resources[i];
	}
	return NULL;
}

/* A Terraform block: `resource "aws_s3_bucket" "logs"` is the resource
 * aws_s3_bucket.logs; `variable "region"` the section variable.region. */
static uint32_t tree__hcl_block(tree_walk *w, TSNode n, uint32_t parent)
{
	char name[512];
	size_t k = 0;
	const char *kw = NULL, *type = NULL;
	uint32_t nc = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < nc && k < sizeof name - 1; i++) {
		TSNode c = ts_node_named_child(n, i);
		const char *ct = ts_node_type(c);
		if (strcmp(ct, "identifier") != 0 && strcmp(ct, "string_lit") != 0) break;
		const char *text = ig_node_text_unquoted(w->a, &w->f->parse, c);
		if (!kw) { kw = text; continue; }
		if (!type) type = text;
		k += (size_t)snprintf(name + k, sizeof name - k, "%s%s", k ? "." : "", text);
	}
	if (k >= sizeof name) k = sizeof name - 1;
	name[k] = 0;
	unsigned l0 = ts_node_start_point(n).row + 1, l1 = ts_node_end_point(n).row + 1;
	bool res = kw && strcmp(kw, "resource") == 0;
	bool addressed = kw && (strcmp(kw, "data") == 0 || strcmp(kw, "module") == 0);
	/* Terraform's own addresses: aws_s3_bucket.logs, data.aws_iam_policy_document.x, module.vpc */
	const char *full = res ? ig_arena_strdup(w->a, name) : ig_arena_printf(w->a, "%s%s%s", kw ? kw : "", k ? "." : "", name);
	uint32_t u = ig_tokens_unit(w->a, w->t, res || addressed ? IG_UNIT_RESOURCE : IG_UNIT_SECTION, full,
				    res || addressed ? ig_arena_strdup(w->a, res ? type : kw) : NULL, l0, l1, parent);
	for (size_t i = 0; res && i < w->f->n_resources; i++)
		if (w->f->resources[i].line == l0) w->t->units[u].service = w->f->resources[i].service;
	return u;
}

#define TREE_MAX_DEPTH 400

static void tree__walk(tree_walk *w, TSTreeCursor *cur, uint32_t unit, bool statement, int depth);

/* The children in order, with one cursor for the whole walk (indexing a
 * node's children one by one costs the square of their number). */
static void tree__children(tree_walk *w, TSTreeCursor *cur, TSNode n, uint32_t unit, unsigned char kind, int depth)
{
	uint32_t at = ts_node_start_byte(n);
	bool container = kind == K_CONTAINER, any = false;
	if (ts_tree_cursor_goto_first_child(cur)) {
		do {
			TSNode c = ts_tree_cursor_current_node(cur);
			uint32_t s0 = ts_node_start_byte(c);
			if (s0 > at) tree__gap(w, n, at, s0, unit);
			tree__walk(w, cur, unit, container && ts_node_is_named(c), depth + 1);
			if (ts_node_end_byte(c) > at) at = ts_node_end_byte(c);
			any = true;
		} while (ts_tree_cursor_goto_next_sibling(cur));
		ts_tree_cursor_goto_parent(cur);
	}
	uint32_t end = ts_node_end_byte(n);
	if (any && end > at) tree__gap(w, n, at, end, unit);
}

static void tree__walk(tree_walk *w, TSTreeCursor *cur, uint32_t unit, bool statement, int depth)
{
	TSNode n = ts_tree_cursor_current_node(cur);
	const char *src = w->f->text;
	uint32_t s0 = ts_node_start_byte(n), s1 = ts_node_end_byte(n);
	unsigned char kind = tree__kind(w, n);
	unsigned l0 = ts_node_start_point(n).row + 1, l1 = ts_node_end_point(n).row + 1;
	if (kind == K_COMMENT) { tree__note_comment(w, n); return; }
	if (ts_node_is_missing(n)) return; /* an expected token never written: nothing in the text */
	if (kind == K_IMPORT) {
		/* one token: the statement's words, whitespace, quote style and a final `;` folded */
		uint64_t h = 0x1234;
		uint32_t e1 = s1;
		while (e1 > s0 && (src[e1 - 1] == ';' || isspace((unsigned char)src[e1 - 1]))) e1--;
		for (uint32_t i = s0; i < e1; i++)
			if (!isspace((unsigned char)src[i])) h = ig_tokens_mix(h, (unsigned char)(src[i] == '\'' ? '"' : src[i]));
		if (!w->imports_unit) w->imports_unit = ig_tokens_unit(w->a, w->t, IG_UNIT_IMPORTS, "imports", NULL, l0, l1, 0);
		ig_unit *iu = &w->t->units[w->imports_unit];
		if (l0 < iu->line) iu->line = l0;
		if (l1 > iu->end_line) iu->end_line = l1;
		ig_token *k = ig_tokens_push(w->a, w->t, h, ig_tokens_hash(src + s0, s1 - s0), l0, l1, w->imports_unit);
		k->flags |= IG_TOKF_IMPORT;
		return;
	}
	if (ts_node_child_count(n) == 0 || kind == K_TEXT || depth > TREE_MAX_DEPTH) {
		tree__token(w, n, kind, src + s0, s1 - s0, unit);
		return;
	}
	const char *type = ts_node_type(n);
	if (tree__symbol(w, n) & F_DECLARES) tree__declared(w, n);
	uint32_t inner = unit;
	ig_unit_kind uk = w->t->units[unit].kind;
	const char *pname = unit ? w->t->units[unit].name : NULL;
	if (kind == K_CLASS || kind == K_FUNCTION) {
		const char *name = tree__name(w, n);
		if (!name && kind == K_FUNCTION) name = ts_node_type(n);
		if (kind == K_FUNCTION && strcmp(type, "method_declaration") == 0 && w->f->lang == IG_LANG_GO) {
			TSNode recv = ig_node_field(n, "receiver");
			if (!ts_node_is_null(recv)) pname = ig_node_text(w->a, &w->f->parse, recv);
		}
		if (!name) name = "";
		if (pname && *pname) name = ig_arena_printf(w->a, "%s.%s", pname, name);
		inner = ig_tokens_unit(w->a, w->t, kind == K_CLASS ? IG_UNIT_CLASS : IG_UNIT_FUNCTION, name, NULL, l0, l1, unit);
	} else if (kind == K_SECTION) {
		TSNode spec = ts_node_named_child(n, 0);
		const char *name = ts_node_is_null(spec) ? NULL : tree__name(w, spec);
		inner = ig_tokens_unit(w->a, w->t, IG_UNIT_SECTION, name ? name : "type", NULL, l0, l1, unit);
	} else if (kind == K_DECLARATOR && tree__is_function_value(ig_node_field(n, "value"))) {
		const char *name = tree__name(w, n);
		if (!name) name = "";
		if (pname && *pname && uk != IG_UNIT_RESOURCE) name = ig_arena_printf(w->a, "%s.%s", pname, name);
		inner = ig_tokens_unit(w->a, w->t, IG_UNIT_FUNCTION, name, NULL, l0, l1, unit);
	} else if (kind == K_HCL_BLOCK && unit == 0) {
		inner = tree__hcl_block(w, n, unit);
	} else if (statement && uk != IG_UNIT_RESOURCE && kind != K_CONTAINER && !tree__declares_function(n)) {
		const ig_resource *r = tree__resource_at(w, l0, l1);
		if (r) {
			const char *name = r->name ? r->name : r->native_type;
			inner = ig_tokens_unit(w->a, w->t, IG_UNIT_RESOURCE, ig_arena_strdup(w->a, name ? name : ""),
					       r->native_type, l0, l1, unit);
			w->t->units[inner].service = r->service;
		}
	}
	tree__children(w, cur, n, inner, kind, depth);
}

/* A trailing comma before a closing bracket is style, not code. */
static void tree__drop_trailing_commas(ig_tokens *t)
{
	uint64_t comma = ig_tokens_hash(",", 1), close[3] = {ig_tokens_hash(")", 1), ig_tokens_hash("]", 1),
							     ig_tokens_hash("}", 1)};
	size_t k = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (t->tok[i].raw == comma && i + 1 < t->n &&
		    (t->tok[i + 1].raw == close[0] || t->tok[i + 1].raw == close[1] || t->tok[i + 1].raw == close[2]))
			continue;
		t->tok[k++] = t->tok[i];
	}
	t->n = k;
}

ig_tokens *ig_tokens_from_tree(ig_arena *a, const ig_file *f)
{
	if (!f->parse.tree) return NULL;
	ig_tokens *t = ig_tokens_new(a, f);
	const unsigned char *kinds = tree__kinds(f->lang);
	tree_walk w = {.a = a, .f = f, .t = t, .kinds = kinds, .n_symbols = g_n_symbols[f->lang],
		       .h_quote = ig_tokens_hash("\"", 1), .h_semi = 1};
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(f->parse.tree));
	tree__walk(&w, &cur, 0, false, 0);
	ts_tree_cursor_delete(&cur);
	tree__drop_trailing_commas(t);
	return t;
}
