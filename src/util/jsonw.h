/* Streaming JSON writer: keeps track of commas and nesting so callers only say
 * what to write. Output is deterministic (keys in the order written). */
#ifndef IG_JSONW_H
#define IG_JSONW_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"

#define IG_JSONW_DEPTH 64

typedef struct ig_jsonw {
	ig_buf *out;
	bool pretty;
	int depth;
	bool first[IG_JSONW_DEPTH]; /* no element yet at this depth */
	bool after_key;
} ig_jsonw;

void ig_jsonw_init(ig_jsonw *w, ig_buf *out, bool pretty);
void ig_jsonw_obj(ig_jsonw *w);
void ig_jsonw_obj_end(ig_jsonw *w);
void ig_jsonw_arr(ig_jsonw *w);
void ig_jsonw_arr_end(ig_jsonw *w);
void ig_jsonw_key(ig_jsonw *w, const char *key);
void ig_jsonw_str(ig_jsonw *w, const char *s);          /* NULL writes null */
void ig_jsonw_strn(ig_jsonw *w, const char *s, size_t n);
void ig_jsonw_int(ig_jsonw *w, long long v);
void ig_jsonw_num(ig_jsonw *w, double v);
void ig_jsonw_bool(ig_jsonw *w, bool v);
void ig_jsonw_null(ig_jsonw *w);
/* key + value shorthands */
void ig_jsonw_kstr(ig_jsonw *w, const char *key, const char *s);
void ig_jsonw_kint(ig_jsonw *w, const char *key, long long v);
void ig_jsonw_kbool(ig_jsonw *w, const char *key, bool v);
/* an int that is written as null when v <= 0 (1-based lines, "no line") */
void ig_jsonw_kline(ig_jsonw *w, const char *key, long long v);
/* Append s as a JSON string literal (with quotes) to b. */
void ig_json_escape(ig_buf *b, const char *s, size_t n);
#endif
