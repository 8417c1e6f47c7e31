#include "util/buf.h"
#include "util/arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ig_buf_free(ig_buf *b) { free(b->data); b->data = NULL; b->len = b->cap = 0; }
void ig_buf_reset(ig_buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

static void buf__reserve(ig_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap) return;
	size_t ncap = b->cap ? b->cap : 256;
	while (ncap < b->len + extra + 1) ncap *= 2;
	b->data = ig_xrealloc(b->data, ncap);
	b->cap = ncap;
}

void ig_buf_put(ig_buf *b, const void *s, size_t n)
{
	buf__reserve(b, n);
	if (n) memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void ig_buf_puts(ig_buf *b, const char *s) { ig_buf_put(b, s, strlen(s)); }
void ig_buf_putc(ig_buf *b, char c) { ig_buf_put(b, &c, 1); }

void ig_buf_printf(ig_buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		buf__reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

const char *ig_buf_cstr(ig_buf *b)
{
	buf__reserve(b, 0);
	b->data[b->len] = 0;
	return b->data;
}
