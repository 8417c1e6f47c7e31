/* Growable byte buffer on the heap, for building output text. */
#ifndef IG_BUF_H
#define IG_BUF_H
#include <stddef.h>

typedef struct ig_buf {
	char *data; /* always NUL-terminated when len > 0 or after ig_buf_cstr */
	size_t len, cap;
} ig_buf;

void ig_buf_free(ig_buf *b);
void ig_buf_reset(ig_buf *b);
void ig_buf_put(ig_buf *b, const void *s, size_t n);
void ig_buf_puts(ig_buf *b, const char *s);
void ig_buf_putc(ig_buf *b, char c);
void ig_buf_printf(ig_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *ig_buf_cstr(ig_buf *b);
#endif
