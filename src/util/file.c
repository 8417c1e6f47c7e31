#include "util/file.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

const char *ig_read_status_str(ig_read_status s)
{
	switch (s) {
	case IG_READ_OK: return "ok";
	case IG_READ_MISSING: return "file not found";
	case IG_READ_TOO_BIG: return "file larger than the size cap";
	case IG_READ_ERROR: return "file cannot be read";
	}
	return "unknown";
}

bool ig_path_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool ig_path_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *ig_path_join(ig_arena *a, const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/') dl--;
	return ig_arena_printf(a, "%.*s/%s", (int)dl, dir, name);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
size_t ig_utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80) return 1;
	size_t len;
	unsigned min;
	if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; c &= 0x1F; }
	else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; c &= 0x0F; }
	else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; c &= 0x07; }
	else return 0;
	if (len > n) return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
	return len;
}

void ig_text_sanitize(ig_text *t)
{
	unsigned char *s = (unsigned char *)t->data;
	size_t line = 1;
	for (size_t i = 0; i < t->len;) {
		if (s[i] == '\n') line++;
		if (s[i] == 0) {
			s[i++] = ' ';
			if (!t->had_nul && !t->bad_utf8) t->first_bad_line = line;
			t->had_nul = true;
			continue;
		}
		size_t k = ig_utf8_seq(s + i, t->len - i);
		if (k == 0) {
			if (!t->had_nul && !t->bad_utf8) t->first_bad_line = line;
			t->bad_utf8 = true;
			s[i++] = '?';
			continue;
		}
		i += k;
	}
}

ig_read_status ig_file_read(ig_arena *a, const char *path, size_t cap, ig_text *out)
{
	memset(out, 0, sizeof(*out));
	struct stat st;
	if (stat(path, &st) != 0) return errno == ENOENT || errno == ENOTDIR ? IG_READ_MISSING : IG_READ_ERROR;
	if (!S_ISREG(st.st_mode)) return IG_READ_ERROR;
	out->size_on_disk = (size_t)st.st_size;
	if ((size_t)st.st_size > cap) return IG_READ_TOO_BIG;
	FILE *f = fopen(path, "rb");
	if (!f) return IG_READ_ERROR;
	size_t n = (size_t)st.st_size;
	out->data = ig_arena_alloc(a, n + 1);
	size_t got = fread(out->data, 1, n, f);
	int err = ferror(f);
	fclose(f);
	if (err) return IG_READ_ERROR;
	out->data[got] = 0;
	out->len = got;
	ig_text_sanitize(out);
	return IG_READ_OK;
}

size_t ig_line_of_offset(const char *s, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off && s[i]; i++)
		if (s[i] == '\n') line++;
	return line;
}
