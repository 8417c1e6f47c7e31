/* A YAML document as the value tree of jsonval.h, so that a checker written
 * for JSON reads YAML too (CloudFormation templates come in both). Built from
 * a tree-sitter-yaml parse: scalars typed by the YAML core schema (31 is a
 * number, "31" and 'x' are strings, true/false booleans, ~ and null null),
 * quoted and block scalars unescaped and folded, anchors and aliases resolved
 * (an alias to an unknown anchor is IG_JDEEP: not known), merge keys (`<<`)
 * merged. Tagged nodes (`!Ref x`) are handed to a callback that may replace
 * the value; without one the tag is dropped.
 *
 * Lines: a mapping or sequence that is the value of a key takes the key's line
 * (that is where a finding about it belongs); a block scalar (`|`, `>`) starts
 * on its first content line, so line + the newlines before a position in the
 * string is that position's line for a literal block. */
#ifndef IG_YAMLVAL_H
#define IG_YAMLVAL_H
#include "syntax/jsonval.h"

/* Replace the value of a node tagged `tag` ("!Ref", "!!str" is handled
 * here and never passed). Return v itself to keep it. */
typedef ig_jval *(*ig_yaml_tag_fn)(ig_arena *a, const char *tag, ig_jval *v, void *ctx);

/* The value of the first document of a parsed YAML file (p->lang ==
 * IG_LANG_YAML), or NULL when there is none. Pairs the parser could only place
 * in an ERROR node near the top are kept in the top mapping. */
ig_jval *ig_yaml_value(ig_arena *a, const ig_parse *p, ig_yaml_tag_fn tag, void *ctx);
#endif
