/* Code extraction from a response's markdown, by a line scanner.
 * Answers nest fences in ways CommonMark does not (```markdown blocks holding
 * ```ts blocks, fences longer than three backticks, tildes, indented fences,
 * a final fence never closed), so this is not a CommonMark parser. */
#ifndef IG_MD_H
#define IG_MD_H
#include <stdbool.h>
#include <stddef.h>
#include "syntax/lang.h"
#include "util/arena.h"

typedef struct ig_md_block {
	const char *info;        /* the whole info string, trimmed ("ts title=x.ts"), "" if none */
	ig_lang lang;            /* from the info string's first word, else from the path */
	const char *path;        /* file the block belongs to, NULL if none found */
	const char *path_source; /* "heading", "bold", "label", "prose", "comment", "info", NULL */
	const char *code;        /* block content (without the fences), NUL-terminated */
	size_t code_len;
	unsigned fence_line;     /* 1-based line of the opening fence */
	unsigned md_line;        /* 1-based line of the first code line */
	bool closed;             /* false: the fence ran to the end of the file */
	bool in_reasoning;       /* inside a "Reasoning Trace" section (draft, not the answer) */
	bool nested;             /* found inside an outer ```markdown / ```md block */
	bool example;            /* nested in a markdown block that names a file (a README): an example, not a file */
} ig_md_block;

typedef struct ig_md_doc {
	ig_md_block *blocks;
	size_t n_blocks, cap_blocks;
	bool truncated;          /* ends inside an unclosed fence */
	bool has_reasoning;      /* has a reasoning-trace section */
	unsigned answer_line;    /* line of the "### Answer" heading, 0 if none */
} ig_md_doc;

/* Scan md[0..len) (NUL-terminated). Never fails: odd input gives fewer blocks. */
void ig_md_extract(ig_arena *a, const char *md, size_t len, ig_md_doc *out);

/* True when a block is answer code worth treating as a file: not in the
 * reasoning trace, and either named or in a code language (not a shell
 * session, plain text or a directory tree). */
bool ig_md_block_is_code(const ig_md_block *b);
/* A file a response gives: the block that wins for its path. */
typedef struct ig_md_file {
	const ig_md_block *block;
	const char *path;        /* the block's path without "./" or a leading '/', or "block-N.EXT" when unnamed */
	ig_lang lang;            /* the block's language, else its path's */
} ig_md_file;

/* Called for each block that names a file given before: kept is the file as
 * it stands, again the new block; kept_earlier says which one stays. */
typedef void (*ig_md_repeat_fn)(void *ctx, const ig_md_file *kept, const ig_md_block *again, bool kept_earlier);

/* The files of a response, in the order their paths first appear: every block
 * ig_md_block_is_code accepts. When several blocks name the same file the last
 * complete one wins (a truncated repeat does not replace a complete earlier
 * block); repeat (may be NULL) hears of each. Returns the number of files. */
size_t ig_md_files(ig_arena *a, const ig_md_doc *doc, ig_md_file **out, ig_md_repeat_fn repeat, void *ctx);
#endif
