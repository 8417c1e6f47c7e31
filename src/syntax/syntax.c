#include "syntax/syntax.h"
#include "syntax/edit.h"
#include <string.h>

/* Grammar entry points, compiled from the pinned npm packages (see Makefile). */
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);
const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_go(void);
const TSLanguage *tree_sitter_java(void);
const TSLanguage *tree_sitter_json(void);
const TSLanguage *tree_sitter_yaml(void);
const TSLanguage *tree_sitter_hcl(void);

const TSLanguage *ig_syntax_language(ig_lang l)
{
	switch (l) {
	case IG_LANG_TS: return tree_sitter_typescript();
	case IG_LANG_TSX: return tree_sitter_tsx();
	case IG_LANG_JS: return tree_sitter_javascript();
	case IG_LANG_PY: return tree_sitter_python();
	case IG_LANG_GO: return tree_sitter_go();
	case IG_LANG_JAVA: return tree_sitter_java();
	case IG_LANG_JSON: return tree_sitter_json();
	case IG_LANG_YAML: return tree_sitter_yaml();
	case IG_LANG_HCL: return tree_sitter_hcl();
	default: return NULL;
	}
}

/* A TSParser is not thread-safe, and creating one per file is wasteful:
 * keep one per language per thread. */
static _Thread_local TSParser *syntax__parsers[IG_LANG_COUNT];

static TSParser *syntax__parser(ig_lang l)
{
	if (!syntax__parsers[l]) {
		TSParser *p = ts_parser_new();
		if (!ts_parser_set_language(p, ig_syntax_language(l))) {
			ts_parser_delete(p);
			return NULL;
		}
		syntax__parsers[l] = p;
	}
	return syntax__parsers[l];
}

void ig_syntax_thread_cleanup(void)
{
	for (int i = 0; i < IG_LANG_COUNT; i++)
		if (syntax__parsers[i]) { ts_parser_delete(syntax__parsers[i]); syntax__parsers[i] = NULL; }
}

/* The end of the code without trailing white space. */
static uint32_t syntax__content_end(const ig_parse *p)
{
	size_t end = p->len;
	while (end && (p->src[end - 1] == ' ' || p->src[end - 1] == '\t' || p->src[end - 1] == '\n' || p->src[end - 1] == '\r')) end--;
	return (uint32_t)end;
}

/* 1-based line and column of the last character before byte `end`. */
static void syntax__point_at(const ig_parse *p, uint32_t end, unsigned *line, unsigned *col)
{
	unsigned l = 1;
	size_t line_start = 0, last = end ? end - 1 : 0;
	for (size_t i = 0; i < last && i < p->len; i++)
		if (p->src[i] == '\n') { l++; line_start = i + 1; }
	*line = l;
	*col = (unsigned)(last - line_start) + 1;
}

static void syntax__collect_errors(ig_parse *p, ig_arena *a)
{
	TSNode root = ts_tree_root_node(p->tree);
	if (!ts_node_has_error(root)) return;
	p->errors = ig_arena_alloc(a, IG_PARSE_MAX_ERRORS * sizeof(*p->errors));
	TSTreeCursor c = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);
		bool descend = ts_node_has_error(n);
		if (ts_node_is_error(n) || ts_node_is_missing(n)) {
			if (p->n_errors < IG_PARSE_MAX_ERRORS) {
				ig_parse_error *e = &p->errors[p->n_errors++];
				TSPoint pt = ts_node_start_point(n);
				e->line = pt.row + 1;
				e->col = pt.column + 1;
				e->missing = ts_node_is_missing(n);
				e->what = e->missing ? ts_node_type(n) : NULL;
				/* An error region that starts early and runs to the end of the
				 * code is code cut off (an unclosed block): the parser could not
				 * say where it went wrong before, the reader wants the end. */
				if (!e->missing && ts_node_end_byte(n) >= syntax__content_end(p) && ts_node_start_byte(n) + 1 < ts_node_end_byte(n)) {
					syntax__point_at(p, syntax__content_end(p), &e->line, &e->col);
					e->at_end = true;
				}
			}
			p->n_errors_total++;
			descend = false; /* one report per error region */
		}
		if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			if (!ts_tree_cursor_goto_parent(&c)) { ts_tree_cursor_delete(&c); return; }
		}
	}
}

/* tree-sitter-yaml's scanner keeps its indentation stack in the runtime's
 * 1,024-byte state buffer, 4 bytes a level: past about 250 levels it writes
 * beyond the buffer and the runtime aborts the process. A column opens at most
 * two levels (a mapping and a compact sequence), so a line whose content
 * starts deeper than this (after its indentation and `- ` / `? ` indicators) is
 * not handed to the parser: the file is parsed up to that line, where an error
 * is reported. The scanner also counts rows in an int16_t: past 32,768 lines
 * its row comparisons wrap and the whole file fails to parse (an error at 1:1,
 * the structure lost), so a longer file is parsed up to there the same way.
 * Returns the length that is safe to parse. */
#define SYNTAX_YAML_MAX_COLUMN 120
#define SYNTAX_YAML_MAX_ROWS 32768

static size_t syntax__yaml_safe_len(const char *src, size_t len, unsigned *line)
{
	unsigned row = 1;
	for (size_t at = 0; at < len; row++) {
		if (row > SYNTAX_YAML_MAX_ROWS) {
			*line = row;
			return at;
		}
		size_t i = at;
		for (;;) {
			while (i < len && (src[i] == ' ' || src[i] == '\t')) i++;
			bool indicator = i < len && (src[i] == '-' || src[i] == '?') &&
					 (i + 1 >= len || src[i + 1] == ' ' || src[i + 1] == '\t' || src[i + 1] == '\n');
			if (!indicator) break;
			i++;
		}
		if (i - at > SYNTAX_YAML_MAX_COLUMN) {
			*line = row;
			return at;
		}
		const char *nl = memchr(src + i, '\n', len - i);
		at = nl ? (size_t)(nl - src) + 1 : len;
	}
	return len;
}

int ig_syntax_parse(ig_parse *out, ig_arena *a, ig_lang lang, const char *src, size_t len)
{
	return ig_syntax_parse_like(out, a, lang, src, len, NULL);
}

int ig_syntax_parse_like(ig_parse *out, ig_arena *a, ig_lang lang, const char *src, size_t len, const ig_parse *like)
{
	memset(out, 0, sizeof(*out));
	out->lang = lang;
	out->src = src;
	out->len = len;
	if (!ig_lang_parsed(lang)) return -1;
	TSParser *parser = syntax__parser(lang);
	if (!parser) return -1;
	unsigned deep_line = 0;
	size_t parsed = lang == IG_LANG_YAML ? syntax__yaml_safe_len(src, len, &deep_line) : len;
	/* a similar text's tree, of the same language and read whole, edited to this text */
	TSTree *old = like && like->tree && like->lang == lang && !like->cut_line && parsed == len
			      ? ig_syntax_edited_copy(like->tree, like->src, like->len, src, len)
			      : NULL;
	out->tree = ts_parser_parse_string(parser, old, src, (uint32_t)parsed);
	if (old) ts_tree_delete(old);
	if (!out->tree) return -1;
	syntax__collect_errors(out, a);
	if (parsed < len) {
		out->cut_line = deep_line;
		if (!out->errors) out->errors = ig_arena_alloc(a, IG_PARSE_MAX_ERRORS * sizeof(*out->errors));
		if (out->n_errors < IG_PARSE_MAX_ERRORS)
			out->errors[out->n_errors++] = (ig_parse_error){.line = deep_line, .col = 1, .what = NULL};
		out->n_errors_total++;
	}
	return 0;
}

void ig_parse_release(ig_parse *p)
{
	if (p->tree) ts_tree_delete(p->tree);
	p->tree = NULL;
}

const char *ig_node_text(ig_arena *a, const ig_parse *p, TSNode n)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	if (e > p->len) e = (uint32_t)p->len;
	if (s > e) s = e;
	return ig_arena_strndup(a, p->src + s, e - s);
}

bool ig_node_text_eq(const ig_parse *p, TSNode n, const char *lit)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	size_t m = strlen(lit);
	return e <= p->len && e - s == m && memcmp(p->src + s, lit, m) == 0;
}

TSNode ig_node_field(TSNode n, const char *field)
{
	return ts_node_child_by_field_name(n, field, (uint32_t)strlen(field));
}

const char *ig_node_text_unquoted(ig_arena *a, const ig_parse *p, TSNode n)
{
	const char *t = ig_node_text(a, p, n);
	size_t len = strlen(t);
	while (len && (*t == '"' || *t == '\'' || *t == '`')) { t++; len--; }
	while (len && (t[len - 1] == '"' || t[len - 1] == '\'' || t[len - 1] == '`')) len--;
	return ig_arena_strndup(a, t, len);
}
