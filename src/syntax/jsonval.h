/* A small JSON value tree built from a tree-sitter-json parse. Tolerant by
 * construction: tree-sitter recovers from trailing commas and similar slips,
 * and whatever it could not place is reported as a syntax error with a line. */
#ifndef IG_JSONVAL_H
#define IG_JSONVAL_H
#include <stdbool.h>
#include <stddef.h>
#include "syntax/syntax.h"

typedef enum { IG_JNULL, IG_JBOOL, IG_JNUM, IG_JSTR, IG_JARR, IG_JOBJ, IG_JDEEP } ig_jtype;

typedef struct ig_jval ig_jval;
struct ig_jval {
	ig_jtype type;
	unsigned line;          /* 1-based */
	bool b;
	double num;
	const char *str;        /* IG_JSTR: unescaped, NUL-terminated; IG_JNUM: the literal */
	const char **keys;      /* IG_JOBJ: keys[i] names items[i] */
	ig_jval **items;        /* IG_JARR / IG_JOBJ */
	size_t n;
};

/* Values nested deeper than this become IG_JDEEP (not walked): hostile input
 * must not exhaust the stack. */
#define IG_JSON_MAX_DEPTH 64

/* Build the value of a parsed JSON document (p->lang == IG_LANG_JSON). Returns
 * NULL when the document holds no value at all. */
ig_jval *ig_json_value(ig_arena *a, const ig_parse *p);
const ig_jval *ig_json_get(const ig_jval *obj, const char *key);
/* An object of one member {key: v} on v's line: how a YAML tag reads as a
 * value (`!Ref x` is {"Ref": x}). */
ig_jval *ig_json_obj1(ig_arena *a, const char *key, ig_jval *v);
const char *ig_jtype_name(ig_jtype t);
#endif
