/* Reading input files without trusting them: size caps, NUL bytes and invalid
 * UTF-8 are reported, never fatal. */
#ifndef IG_FILE_H
#define IG_FILE_H
#include <stdbool.h>
#include <stddef.h>
#include "util/arena.h"

typedef enum {
	IG_READ_OK = 0,
	IG_READ_MISSING = -1,   /* does not exist */
	IG_READ_TOO_BIG = -2,   /* larger than the cap: not read */
	IG_READ_ERROR = -3,     /* exists but cannot be read (permissions, a directory, I/O) */
} ig_read_status;

typedef struct ig_text {
	char *data;         /* NUL-terminated copy; NUL bytes inside were replaced by spaces */
	size_t len;
	size_t size_on_disk;
	bool had_nul;       /* the file contained NUL bytes */
	bool bad_utf8;      /* the file was not valid UTF-8 (invalid bytes replaced by '?') */
	size_t first_bad_line; /* 1-based line of the first NUL or invalid byte, 0 if none */
} ig_text;

/* Default cap for files we parse (bytes). */
#define IG_FILE_CAP ((size_t)8 << 20)

ig_read_status ig_file_read(ig_arena *a, const char *path, size_t cap, ig_text *out);
const char *ig_read_status_str(ig_read_status s);
bool ig_path_is_dir(const char *path);
bool ig_path_is_file(const char *path);
/* Join two path parts with one '/'. */
char *ig_path_join(ig_arena *a, const char *dir, const char *name);
/* Length of the valid UTF-8 sequence at s (n > 0 bytes left): 1-4, or 0 when it is not one
 * (overlong forms, surrogates and code points past U+10FFFF are not). */
size_t ig_utf8_seq(const unsigned char *s, size_t n);
/* Make text safe: NULs -> ' ', invalid UTF-8 -> '?'. Sets the flags in t. */
void ig_text_sanitize(ig_text *t);
/* Count lines up to byte offset (1-based line of that offset). */
size_t ig_line_of_offset(const char *s, size_t off);
#endif
