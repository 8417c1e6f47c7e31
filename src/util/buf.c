#include "util/buf.h"
#include "util/arena.h"
#include "util/file.h"
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

/* Length of the control sequence at s (0 when s does not start with one) and
 * its code point. */
static size_t buf__control_at(const unsigned char *s, size_t n, unsigned *cp)
{
	if ((s[0] < 0x20 && s[0] != '\t' && s[0] != '\n') || s[0] == 0x7f) { *cp = s[0]; return 1; }
	if (n >= 2 && s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f) { *cp = s[1]; return 2; }
	if (n >= 3 && s[0] == 0xe2 && ((s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae) || (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9))) {
		*cp = 0x2000u | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
		return 3;
	}
	return 0;
}

void ig_buf_put_text(ig_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
	while (p < end) {
		unsigned cp;
		size_t k = buf__control_at(p, (size_t)(end - p), &cp);
		if (!k) { p++; continue; }
		ig_buf_put(b, run, (size_t)(p - run));
		if (k == 1) ig_buf_printf(b, "\\x%02x", cp);
		else ig_buf_printf(b, "\\u%04x", cp);
		p += k;
		run = p;
	}
	ig_buf_put(b, run, (size_t)(end - run));
}

void ig_buf_vprintf_text(ig_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n <= 0) return;
	char *s = ig_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	ig_buf_put_text(b, s, (size_t)n);
	free(s);
}

void ig_buf_printf_text(ig_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ig_buf_vprintf_text(b, fmt, ap);
	va_end(ap);
}

void ig_buf_put_xml(ig_buf *b, const char *s, size_t n, bool attr)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
	while (p < end) {
		unsigned cp;
		size_t k = buf__control_at(p, (size_t)(end - p), &cp);
		const char *entity = NULL;
		if (!k) {
			switch (*p) {
			case '&': entity = "&amp;"; break;
			case '<': entity = "&lt;"; break;
			case '>': entity = "&gt;"; break;
			case '"': entity = attr ? "&quot;" : NULL; break;
			case '\t': entity = attr ? "&#9;" : NULL; break;
			case '\n': entity = attr ? "&#10;" : NULL; break;
			default: break;
			}
		}
		size_t u = k || entity ? 0 : ig_utf8_seq(p, (size_t)(end - p));
		bool nonchar = u == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe; /* U+FFFE, U+FFFF */
		if (u && !nonchar) { p += u; continue; }
		ig_buf_put(b, run, (size_t)(p - run));
		if (entity) {
			ig_buf_puts(b, entity);
			p++;
		} else if (nonchar) {
			ig_buf_printf(b, "\\u%04x", 0xffc0u | (p[2] & 0x3fu));
			p += 3;
		} else if (k > 1) { /* a C1 control or a bidirectional override */
			ig_buf_printf(b, "\\u%04x", cp);
			p += k;
		} else if (k) { /* a C0 control or DEL */
			ig_buf_printf(b, "\\x%02x", cp);
			p++;
		} else { /* a byte that is not UTF-8: U+FFFD, as the JSON writer does */
			ig_buf_puts(b, "\xef\xbf\xbd");
			p++;
		}
		run = p;
	}
	ig_buf_put(b, run, (size_t)(end - run));
}
