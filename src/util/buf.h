/* Growable byte buffer on the heap, for building output text. */
#ifndef IG_BUF_H
#define IG_BUF_H
#include <stdarg.h>
#include <stdbool.h>
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

/* Text meant for a terminal or a markdown file, with every control that could
 * move the cursor, recolour or reorder it made visible: C0 controls but TAB and
 * LF as \xHH, DEL as \x7f, C1 controls and the bidirectional overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) as \uHHHH. Input is UTF-8 (the file
 * reader already replaced invalid sequences). */
void ig_buf_put_text(ig_buf *b, const char *s, size_t n);
void ig_buf_vprintf_text(ig_buf *b, const char *fmt, va_list ap);
void ig_buf_printf_text(ig_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text as XML 1.0 character data (attr false) or an attribute value in double quotes (attr true):
 * the controls made visible as ig_buf_put_text does (XML 1.0 cannot carry most C0 controls at all),
 * a byte that is not UTF-8 as U+FFFD and U+FFFE, U+FFFF as \uHHHH (not XML characters either), & < > as
 * entities, and in an attribute " too, and TAB and LF as character references (a parser would turn
 * them into spaces). The input need not be valid UTF-8: paths from the command line are not checked. */
void ig_buf_put_xml(ig_buf *b, const char *s, size_t n, bool attr);
#endif
