/* A parse tree carried over to a similar text: the lines two texts share
 * (a model's file and the ideal's version of it, a lib/ file and its copy in
 * IDEAL_RESPONSE.md) are found with Myers's line diff, and the old tree is
 * edited (ts_tree_edit) so that tree-sitter's incremental parse re-reads only
 * the lines that differ. Used by ig_syntax_parse_like. */
#ifndef IG_SYNTAX_EDIT_H
#define IG_SYNTAX_EDIT_H
#include <stddef.h>
#include <tree_sitter/api.h>

/* A copy of `old_tree` (the parse of old[0..old_len)) edited to stand for
 * new[0..new_len), for ts_parser_parse to take as its old tree; the caller
 * deletes it. NULL when the texts share less than half of new's lines (a
 * whole parse is as fast) or are the same. */
TSTree *ig_syntax_edited_copy(const TSTree *old_tree, const char *old, size_t old_len, const char *new_text, size_t new_len);
#endif
