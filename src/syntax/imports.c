/* Import statements of TypeScript/JavaScript, Python, Go and Java. */
#include "syntax/imports.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdint.h>
#include <string.h>

typedef struct {
	ig_arena *a;
	const ig_parse *p;
	ig_imports *out;
	/* the grammar's symbols of the import nodes (0: none), compared per node
	 * instead of the type names */
	TSSymbol sym[2];
} imports_scan;

static const char *imports__text(imports_scan *s, TSNode n) { return ig_node_text(s->a, s->p, n); }

static void imports__add(imports_scan *s, const char *alias, const char *path, const char *member, TSNode at)
{
	if (!path) return;
	ig_import *im = IG_PUSH(s->a, s->out->items, s->out->n, s->out->cap);
	*im = (ig_import){alias, path, member, ig_node_line(at)};
}

/* import rds = require('aws-cdk-lib/aws-rds') */
static bool imports__ts_require(imports_scan *s, TSNode n)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++) {
		TSNode c = ts_node_named_child(n, i);
		if (strcmp(ts_node_type(c), "import_require_clause") != 0) continue;
		TSNode src = ig_node_field(c, "source");
		if (ts_node_is_null(src) || !ts_node_named_child_count(c)) return true;
		TSNode name = ts_node_named_child(c, 0);
		if (strcmp(ts_node_type(name), "identifier") == 0)
			imports__add(s, imports__text(s, name), ig_node_text_unquoted(s->a, s->p, src), NULL, c);
		return true;
	}
	return false;
}

static void imports__ts(imports_scan *s, TSNode n)
{
	if (imports__ts_require(s, n)) return;
	TSNode src = ig_node_field(n, "source");
	if (ts_node_is_null(src)) return;
	const char *path = ig_node_text_unquoted(s->a, s->p, src);
	size_t before = s->out->n;
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (strcmp(ts_node_type(c), "import_clause") != 0) continue;
		uint32_t k = ts_node_named_child_count(c);
		for (uint32_t j = 0; j < k; j++) {
			TSNode d = ts_node_named_child(c, j);
			const char *t = ts_node_type(d);
			if (strcmp(t, "identifier") == 0) {
				imports__add(s, imports__text(s, d), path, NULL, d);
			} else if (strcmp(t, "namespace_import") == 0 && ts_node_named_child_count(d)) {
				imports__add(s, imports__text(s, ts_node_named_child(d, 0)), path, NULL, d);
			} else if (strcmp(t, "named_imports") == 0) {
				uint32_t m = ts_node_named_child_count(d);
				for (uint32_t q = 0; q < m; q++) {
					TSNode spec = ts_node_named_child(d, q);
					TSNode name = ig_node_field(spec, "name"), alias = ig_node_field(spec, "alias");
					if (ts_node_is_null(name)) continue;
					const char *nm = ig_node_text_unquoted(s->a, s->p, name);
					imports__add(s, ts_node_is_null(alias) ? nm : imports__text(s, alias), path, nm, spec);
				}
			}
		}
	}
	if (s->out->n == before) imports__add(s, NULL, path, NULL, n); /* import 'side-effect' */
}

/* const s3 = require('aws-cdk-lib/aws-s3'); const { aws_s3: s3 } = require('aws-cdk-lib') */
static void imports__require(imports_scan *s, TSNode decl)
{
	TSNode name = ig_node_field(decl, "name"), value = ig_node_field(decl, "value");
	if (ts_node_is_null(name) || ts_node_is_null(value) || strcmp(ts_node_type(value), "call_expression") != 0) return;
	TSNode fn = ig_node_field(value, "function"), args = ig_node_field(value, "arguments");
	if (ts_node_is_null(fn) || !ig_node_text_eq(s->p, fn, "require") || ts_node_is_null(args) ||
	    !ts_node_named_child_count(args))
		return;
	TSNode arg = ts_node_named_child(args, 0);
	if (strcmp(ts_node_type(arg), "string") != 0) return;
	const char *path = ig_node_text_unquoted(s->a, s->p, arg);
	if (strcmp(ts_node_type(name), "identifier") == 0) {
		imports__add(s, imports__text(s, name), path, NULL, decl);
		return;
	}
	size_t before = s->out->n;
	uint32_t cnt = ts_node_named_child_count(name);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(name, i);
		const char *t = ts_node_type(c);
		if (strcmp(t, "shorthand_property_identifier_pattern") == 0) {
			const char *nm = imports__text(s, c);
			imports__add(s, nm, path, nm, c);
		} else if (strcmp(t, "pair_pattern") == 0) {
			TSNode k = ig_node_field(c, "key"), v = ig_node_field(c, "value");
			if (!ts_node_is_null(k) && !ts_node_is_null(v)) imports__add(s, imports__text(s, v), path, imports__text(s, k), c);
		}
	}
	if (s->out->n == before) imports__add(s, NULL, path, NULL, decl);
}

static void imports__py(imports_scan *s, TSNode n, bool from)
{
	const char *module = NULL;
	TSNode mod_node = {0};
	if (from) {
		mod_node = ig_node_field(n, "module_name");
		if (ts_node_is_null(mod_node)) return;
		module = imports__text(s, mod_node);
	}
	size_t before = s->out->n;
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (from && ts_node_eq(c, mod_node)) continue;
		const char *t = ts_node_type(c);
		const char *name = NULL, *alias = NULL;
		if (strcmp(t, "dotted_name") == 0) {
			name = imports__text(s, c);
		} else if (strcmp(t, "aliased_import") == 0) {
			TSNode nm = ig_node_field(c, "name"), al = ig_node_field(c, "alias");
			if (ts_node_is_null(nm) || ts_node_is_null(al)) continue;
			name = imports__text(s, nm);
			alias = imports__text(s, al);
		} else {
			continue;
		}
		/* `import aws_cdk.aws_s3 as s3` binds s3; `import pulumi_aws` binds pulumi_aws */
		if (from) imports__add(s, alias ? alias : name, module, name, c);
		else imports__add(s, alias ? alias : name, name, NULL, c);
	}
	if (from && s->out->n == before) imports__add(s, NULL, module, NULL, n); /* from m import * */
}

static void imports__go(imports_scan *s, TSNode spec)
{
	TSNode path_n = ig_node_field(spec, "path"), name_n = ig_node_field(spec, "name");
	if (ts_node_is_null(path_n)) return;
	const char *path = ig_node_text_unquoted(s->a, s->p, path_n);
	const char *alias;
	if (!ts_node_is_null(name_n)) {
		alias = imports__text(s, name_n);
	} else {
		/* the package name is the last element, skipping a major-version suffix */
		const char *end = path + strlen(path), *slash = strrchr(path, '/');
		const char *last = slash ? slash + 1 : path;
		if (last[0] == 'v' && isdigit((unsigned char)last[1]) && slash && slash > path) {
			end = slash;
			const char *prev = slash - 1;
			while (prev > path && *prev != '/') prev--;
			last = *prev == '/' ? prev + 1 : prev;
		}
		alias = ig_arena_strndup(s->a, last, (size_t)(end - last));
	}
	imports__add(s, alias, path, NULL, spec);
}

static void imports__java(imports_scan *s, TSNode n)
{
	uint32_t cnt = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < cnt; i++) {
		TSNode c = ts_node_named_child(n, i);
		if (strcmp(ts_node_type(c), "scoped_identifier") != 0) continue;
		const char *full = imports__text(s, c);
		const char *dot = strrchr(full, '.');
		bool wildcard = false;
		for (uint32_t j = i + 1; j < cnt; j++) wildcard |= strcmp(ts_node_type(ts_node_named_child(n, j)), "asterisk") == 0;
		if (wildcard) imports__add(s, "*", full, NULL, c);
		else if (dot) imports__add(s, dot + 1, ig_arena_strndup(s->a, full, (size_t)(dot - full)), dot + 1, c);
	}
}

static void imports__visit(imports_scan *s, TSNode n)
{
	TSSymbol sym = ts_node_symbol(n);
	if (sym != s->sym[0] && sym != s->sym[1]) return;
	switch (s->p->lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS:
		if (sym == s->sym[0]) imports__ts(s, n);
		else imports__require(s, n);
		break;
	case IG_LANG_PY: imports__py(s, n, sym == s->sym[1]); break;
	case IG_LANG_GO: imports__go(s, n); break;
	case IG_LANG_JAVA: imports__java(s, n); break;
	default: break;
	}
}

/* The symbol of a named node type in the tree's grammar; 0 (never a node's)
 * when the grammar has none. */
static TSSymbol imports__symbol(const TSTree *tree, const char *name)
{
	return ts_language_symbol_for_name(ts_tree_language(tree), name, (uint32_t)strlen(name), true);
}

/* Every import in the subtree of n; import nodes are not descended. */
static void imports__walk(imports_scan *s, TSNode n)
{
	TSTreeCursor c = ts_tree_cursor_new(n);
	for (;;) {
		size_t before = s->out->n;
		imports__visit(s, ts_tree_cursor_current_node(&c));
		bool was_import = s->out->n != before;
		if (!was_import && ts_tree_cursor_goto_first_child(&c)) continue;
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return; }
		}
	}
}

/* Whether an import can sit below the top level: a `require` call anywhere
 * (JavaScript), an indented import statement (Python: in a function, an if,
 * a try). Go and Java import at the top only. */
static bool imports__nested(const ig_parse *p)
{
	switch (p->lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS: return ig_memstr(p->src, p->len, "require") != NULL;
	case IG_LANG_PY:
		for (size_t i = 0; i < p->len; i++) {
			if (i && p->src[i - 1] != '\n') continue;
			size_t j = i;
			while (j < p->len && (p->src[j] == ' ' || p->src[j] == '\t')) j++;
			if (j > i && j < p->len && (strncmp(p->src + j, "import", 6) == 0 || strncmp(p->src + j, "from", 4) == 0))
				return true;
		}
		return false;
	default: return false;
	}
}

/* Imports may sit anywhere a statement can (Python inside functions, require
 * in a block): the whole tree is visited when the text says they may, else
 * the top-level statements (and Go's import declarations). */
void ig_imports_collect(ig_arena *a, const ig_parse *p, ig_imports *out)
{
	out->items = NULL;
	out->n = out->cap = 0;
	if (!p->tree) return;
	switch (p->lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS: case IG_LANG_PY: case IG_LANG_GO: case IG_LANG_JAVA: break;
	default: return;
	}
	imports_scan s = {a, p, out, {0, 0}};
	static const char *const names[][2] = {
		[IG_LANG_TS] = {"import_statement", "variable_declarator"},
		[IG_LANG_TSX] = {"import_statement", "variable_declarator"},
		[IG_LANG_JS] = {"import_statement", "variable_declarator"},
		[IG_LANG_PY] = {"import_statement", "import_from_statement"},
		[IG_LANG_GO] = {"import_spec", NULL},
		[IG_LANG_JAVA] = {"import_declaration", NULL},
	};
	for (int k = 0; k < 2; k++)
		if (names[p->lang][k]) s.sym[k] = imports__symbol(p->tree, names[p->lang][k]);
	TSNode root = ts_tree_root_node(p->tree);
	/* a syntax error can wrap top-level statements in an ERROR node */
	if (ts_node_has_error(root) || imports__nested(p)) {
		imports__walk(&s, root);
		return;
	}
	TSSymbol go_decl = p->lang == IG_LANG_GO ? imports__symbol(p->tree, "import_declaration") : 0;
	TSTreeCursor c = ts_tree_cursor_new(root);
	if (ts_tree_cursor_goto_first_child(&c)) do {
		TSNode n = ts_tree_cursor_current_node(&c);
		if (go_decl && ts_node_symbol(n) == go_decl) imports__walk(&s, n);
		else imports__visit(&s, n);
	} while (ts_tree_cursor_goto_next_sibling(&c));
	ts_tree_cursor_delete(&c);
}

const ig_import *ig_imports_find(const ig_imports *im, const char *alias)
{
	for (size_t i = im->n; i-- > 0;)
		if (im->items[i].alias && strcmp(im->items[i].alias, alias) == 0) return &im->items[i];
	return NULL;
}

int ig_node_chain(ig_arena *a, const ig_parse *p, TSNode n, const char **parts, int max)
{
	/* iterative: walk down the object side, then fill the parts from the end */
	TSNode stack[32];
	int depth = 0;
	for (;;) {
		if (depth >= max || depth >= 32) return 0;
		const char *t = ts_node_type(n);
		if (strcmp(t, "identifier") == 0 || strcmp(t, "type_identifier") == 0 || strcmp(t, "package_identifier") == 0) {
			stack[depth++] = n;
			break;
		}
		TSNode obj = {0}, prop = {0};
		if (strcmp(t, "member_expression") == 0 || strcmp(t, "nested_identifier") == 0) {
			obj = ig_node_field(n, "object");
			prop = ig_node_field(n, "property");
		}
		else if (strcmp(t, "attribute") == 0) { obj = ig_node_field(n, "object"); prop = ig_node_field(n, "attribute"); }
		else if (strcmp(t, "selector_expression") == 0) { obj = ig_node_field(n, "operand"); prop = ig_node_field(n, "field"); }
		else if (strcmp(t, "field_access") == 0 || strcmp(t, "scoped_type_identifier") == 0 ||
			 strcmp(t, "qualified_type") == 0 || strcmp(t, "nested_type_identifier") == 0) {
			if (!ts_node_named_child_count(n)) return 0;
			obj = ts_node_named_child(n, 0);
			prop = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
		} else return 0;
		if (ts_node_is_null(obj) || ts_node_is_null(prop) || ts_node_eq(obj, prop)) return 0;
		stack[depth++] = prop;
		n = obj;
	}
	for (int i = 0; i < depth; i++) parts[i] = ig_node_text(a, p, stack[depth - 1 - i]);
	return depth;
}

/* Whether a line (leading blanks skipped) starts an import of lang, or, in
 * JavaScript, calls `require(`. */
static bool imports__line_imports(ig_lang lang, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) s++, n--;
	bool word_import = n > 6 && strncmp(s, "import", 6) == 0 && !isalnum((unsigned char)s[6]) && s[6] != '_';
	switch (lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS:
		if (word_import) return true;
		for (const char *p = s; (p = ig_memstr(p, n - (size_t)(p - s), "require")) != NULL; p += 7) {
			const char *q = p + 7;
			while (q < s + n && (*q == ' ' || *q == '\t')) q++;
			if (q < s + n && *q == '(' && (p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.'))) return true;
		}
		return false;
	case IG_LANG_PY: return word_import || (n > 5 && strncmp(s, "from", 4) == 0 && (s[4] == ' ' || s[4] == '\t'));
	case IG_LANG_GO: case IG_LANG_JAVA: return word_import;
	default: return false;
	}
}

/* Just enough of a lexer to know where code is: comments, strings, and the
 * strings and comments that span lines (a Python docstring, a JavaScript
 * template, a Go raw string, a block comment), where `import` is text. */
typedef struct {
	ig_lang lang;
	char open;  /* inside a construct that spans lines: '*' block comment, '`' template or raw string, '\'' or '"' a
		       Python triple-quoted string; 0 in code */
} head_lexer;

/* Advance over one line; returns the change of bracket depth in its code. */
static int head__line(head_lexer *lx, const char *s, size_t n)
{
	bool py = lx->lang == IG_LANG_PY;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (lx->open == '*') {
			if (ch == '*' && i + 1 < n && s[i + 1] == '/') lx->open = 0, i++;
			continue;
		}
		if (lx->open == '`') {
			if (ch == '\\' && lx->lang != IG_LANG_GO) i++;
			else if (ch == '`') lx->open = 0;
			continue;
		}
		if (lx->open) { /* Python triple quote */
			if (ch == '\\') i++;
			else if (ch == lx->open && i + 2 < n && s[i + 1] == ch && s[i + 2] == ch) lx->open = 0, i += 2;
			continue;
		}
		if (py ? ch == '#' : ch == '/' && i + 1 < n && s[i + 1] == '/') return depth;
		if (!py && ch == '/' && i + 1 < n && s[i + 1] == '*') { lx->open = '*', i++; continue; }
		if (!py && ch == '`' && lx->lang != IG_LANG_JAVA) { lx->open = '`'; continue; }
		if (ch == '"' || ch == '\'') {
			if (py && i + 2 < n && s[i + 1] == ch && s[i + 2] == ch) { lx->open = ch, i += 2; continue; }
			for (i++; i < n && s[i] != ch; i++)
				if (s[i] == '\\') i++;
			continue;
		}
		if (ch == '(' || ch == '{' || ch == '[') depth++;
		else if (ch == ')' || ch == '}' || ch == ']') depth--;
	}
	return depth;
}

size_t ig_imports_head_len(ig_lang lang, const char *text, size_t len)
{
	switch (lang) {
	case IG_LANG_TS: case IG_LANG_TSX: case IG_LANG_JS: case IG_LANG_PY: case IG_LANG_GO: case IG_LANG_JAVA: break;
	default: return len;
	}
	head_lexer lx = {lang, 0};
	size_t last = SIZE_MAX; /* start of the last line of code that imports */
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (!lx.open && imports__line_imports(lang, text + i, e - i)) last = i;
		head__line(&lx, text + i, e - i);
		i = e + 1;
	}
	if (last == SIZE_MAX) return 0;
	/* the statement goes on while its brackets or strings are open (`import {` ... `} from 'x'`, Go's `import (`) */
	lx.open = 0;
	int depth = 0, lines = 0;
	for (size_t i = last; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		depth += head__line(&lx, text + i, e - i);
		if (depth <= 0 && !lx.open) return e < len ? e + 1 : len;
		if (++lines > 200) return len;
		i = e + 1;
	}
	return len;
}
