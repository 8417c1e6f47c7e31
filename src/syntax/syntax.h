/* tree-sitter wrapper: one parser per language per thread, parse with error
 * collection, and node helpers. Syntax errors never stop a parse: they come
 * back as a list of positions and the tree is still usable. */
#ifndef IG_SYNTAX_H
#define IG_SYNTAX_H
#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>
#include "syntax/lang.h"
#include "util/arena.h"

typedef struct ig_parse_error {
	unsigned line, col;     /* 1-based */
	bool missing;           /* a MISSING node (expected token absent) rather than ERROR */
	const char *what;       /* for missing nodes: the expected token; else NULL */
	bool at_end;            /* the error region runs to the end of the code: it ends before it
	                           is complete (cut off), and line/col are where it stops */
} ig_parse_error;

typedef struct ig_parse {
	TSTree *tree;           /* NULL when the language is not parsed */
	ig_lang lang;
	const char *src;
	size_t len;
	ig_parse_error *errors; /* arena-allocated, at most IG_PARSE_MAX_ERRORS kept */
	size_t n_errors;        /* errors kept */
	size_t n_errors_total;  /* errors found */
	unsigned cut_line;      /* YAML the grammar cannot hold: the first line not parsed (an error), 0 if none */
} ig_parse;

#define IG_PARSE_MAX_ERRORS 20

const TSLanguage *ig_syntax_language(ig_lang l);
/* Parse src with the thread's parser for lang. Returns 0, or -1 when the
 * language has no grammar (out->tree stays NULL). */
int ig_syntax_parse(ig_parse *out, ig_arena *a, ig_lang lang, const char *src, size_t len);
/* The same, for a text much like the one `like` parsed (the ideal's version
 * of a model's file): tree-sitter re-reads only the lines that differ
 * (syntax/edit.h), and the tree is the one a whole parse gives. like may be
 * NULL, of another language or too different: then it is a whole parse. */
int ig_syntax_parse_like(ig_parse *out, ig_arena *a, ig_lang lang, const char *src, size_t len, const ig_parse *like);
void ig_parse_release(ig_parse *p);
/* Free this thread's parsers (call at thread exit). */
void ig_syntax_thread_cleanup(void);

/* Node helpers */
static inline unsigned ig_node_line(TSNode n) { return ts_node_start_point(n).row + 1; }
const char *ig_node_text(ig_arena *a, const ig_parse *p, TSNode n);
/* The node's text without surrounding quotes or backticks ("'x'" -> "x"). */
const char *ig_node_text_unquoted(ig_arena *a, const ig_parse *p, TSNode n);
bool ig_node_text_eq(const ig_parse *p, TSNode n, const char *lit);
TSNode ig_node_field(TSNode n, const char *field);
#endif
