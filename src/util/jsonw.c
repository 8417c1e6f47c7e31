#include "util/jsonw.h"
#include "util/file.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

void ig_jsonw_init(ig_jsonw *w, ig_buf *out, bool pretty)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->pretty = pretty;
	w->first[0] = true;
}

static void jsonw__indent(ig_jsonw *w)
{
	if (!w->pretty) return;
	ig_buf_putc(w->out, '\n');
	for (int i = 0; i < w->depth; i++) ig_buf_puts(w->out, "  ");
}

/* Called before any value or key: writes the separator. */
static void jsonw__value_start(ig_jsonw *w)
{
	if (w->after_key) { w->after_key = false; return; }
	if (w->depth > 0) {
		if (!w->first[w->depth]) ig_buf_putc(w->out, ',');
		jsonw__indent(w);
	}
	w->first[w->depth] = false;
}

static void jsonw__open(ig_jsonw *w, char c)
{
	jsonw__value_start(w);
	ig_buf_putc(w->out, c);
	if (w->depth < IG_JSONW_DEPTH - 1) w->depth++;
	w->first[w->depth] = true;
}

static void jsonw__close(ig_jsonw *w, char c)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0) w->depth--;
	if (!empty) jsonw__indent(w);
	ig_buf_putc(w->out, c);
}

void ig_jsonw_obj(ig_jsonw *w) { jsonw__open(w, '{'); }
void ig_jsonw_obj_end(ig_jsonw *w) { jsonw__close(w, '}'); }
void ig_jsonw_arr(ig_jsonw *w) { jsonw__open(w, '['); }
void ig_jsonw_arr_end(ig_jsonw *w) { jsonw__close(w, ']'); }

void ig_json_escape(ig_buf *b, const char *s, size_t n)
{
	ig_buf_putc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char tmp[8];
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (c < 0x20 || c == 0x7f) { snprintf(tmp, sizeof tmp, "\\u%04x", c); esc = tmp; }
			else if (c >= 0x80) {
				/* JSON is UTF-8: a byte that is not (a path from the command line or a folder
				 * listing; file contents were already replaced) becomes U+FFFD */
				size_t k = ig_utf8_seq((const unsigned char *)s + i, n - i);
				if (!k) esc = "\\ufffd";
				else { run += k; i += k - 1; continue; }
			}
		}
		if (esc) {
			ig_buf_put(b, s + i - run, run);
			run = 0;
			ig_buf_puts(b, esc);
		} else {
			run++;
		}
	}
	ig_buf_put(b, s + n - run, run);
	ig_buf_putc(b, '"');
}

void ig_jsonw_key(ig_jsonw *w, const char *key)
{
	jsonw__value_start(w);
	ig_json_escape(w->out, key, strlen(key));
	ig_buf_puts(w->out, w->pretty ? ": " : ":");
	w->after_key = true;
}

void ig_jsonw_strn(ig_jsonw *w, const char *s, size_t n)
{
	jsonw__value_start(w);
	ig_json_escape(w->out, s, n);
}

void ig_jsonw_str(ig_jsonw *w, const char *s)
{
	if (!s) { ig_jsonw_null(w); return; }
	ig_jsonw_strn(w, s, strlen(s));
}

void ig_jsonw_int(ig_jsonw *w, long long v) { jsonw__value_start(w); ig_buf_printf(w->out, "%lld", v); }

void ig_jsonw_num(ig_jsonw *w, double v)
{
	jsonw__value_start(w);
	if (!isfinite(v)) ig_buf_puts(w->out, "null");
	else if (v == (double)(long long)v && fabs(v) < 1e15) ig_buf_printf(w->out, "%lld", (long long)v);
	else ig_buf_printf(w->out, "%.6g", v);
}

void ig_jsonw_bool(ig_jsonw *w, bool v) { jsonw__value_start(w); ig_buf_puts(w->out, v ? "true" : "false"); }
void ig_jsonw_null(ig_jsonw *w) { jsonw__value_start(w); ig_buf_puts(w->out, "null"); }
void ig_jsonw_kstr(ig_jsonw *w, const char *k, const char *s) { ig_jsonw_key(w, k); ig_jsonw_str(w, s); }
void ig_jsonw_kint(ig_jsonw *w, const char *k, long long v) { ig_jsonw_key(w, k); ig_jsonw_int(w, v); }
void ig_jsonw_kbool(ig_jsonw *w, const char *k, bool v) { ig_jsonw_key(w, k); ig_jsonw_bool(w, v); }
void ig_jsonw_kline(ig_jsonw *w, const char *k, long long v)
{
	ig_jsonw_key(w, k);
	if (v > 0) ig_jsonw_int(w, v); else ig_jsonw_null(w);
}
