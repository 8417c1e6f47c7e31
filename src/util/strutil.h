/* Small string helpers over (pointer, length) slices. */
#ifndef IG_STRUTIL_H
#define IG_STRUTIL_H
#include <stdbool.h>
#include <stddef.h>
#include "util/arena.h"

typedef struct ig_slice { const char *p; size_t n; } ig_slice;

bool ig_starts_with(const char *s, const char *prefix);
bool ig_ends_with(const char *s, const char *suffix);
bool ig_slice_eq(ig_slice s, const char *lit);
bool ig_slice_ieq(ig_slice s, const char *lit);
ig_slice ig_slice_trim(ig_slice s);
/* Lowercase copy with only [a-z0-9] kept ("Amazon S3" -> "amazons3"). */
char *ig_fold_alnum(ig_arena *a, const char *s, size_t n);
/* The same into out (n + 1 bytes at least), for tables kept for the process. */
char *ig_fold_alnum_into(char *out, const char *s, size_t n);
char *ig_lower(ig_arena *a, const char *s, size_t n);
/* Case-insensitive search of needle in s[0..n). */
const char *ig_memcasestr(const char *s, size_t n, const char *needle);
const char *ig_memstr(const char *s, size_t n, const char *needle);
/* The lines of a text as an editor numbers them: a last newline ends the
 * last line (it opens no empty one); 0 for an empty text. */
size_t ig_text_lines(const char *s, size_t n);
/* FNV-1a hash. */
unsigned long long ig_hash(const char *s, size_t n);
#endif
