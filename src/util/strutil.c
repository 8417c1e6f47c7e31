#include "util/strutil.h"
#include <ctype.h>
#include <string.h>

bool ig_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool ig_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool ig_slice_eq(ig_slice s, const char *lit)
{
	size_t m = strlen(lit);
	return s.n == m && memcmp(s.p, lit, m) == 0;
}

bool ig_slice_ieq(ig_slice s, const char *lit)
{
	size_t m = strlen(lit);
	if (s.n != m) return false;
	for (size_t i = 0; i < m; i++)
		if (tolower((unsigned char)s.p[i]) != tolower((unsigned char)lit[i])) return false;
	return true;
}

ig_slice ig_slice_trim(ig_slice s)
{
	while (s.n && isspace((unsigned char)s.p[0])) { s.p++; s.n--; }
	while (s.n && isspace((unsigned char)s.p[s.n - 1])) s.n--;
	return s;
}

char *ig_fold_alnum_into(char *out, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c)) out[k++] = (char)tolower(c);
	}
	out[k] = 0;
	return out;
}

char *ig_fold_alnum(ig_arena *a, const char *s, size_t n)
{
	return ig_fold_alnum_into(ig_arena_alloc(a, n + 1), s, n);
}

char *ig_lower(ig_arena *a, const char *s, size_t n)
{
	char *out = ig_arena_strndup(a, s, n);
	for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}

/* ASCII case folding (the C locale's tolower, without a call per byte) */
static inline unsigned char strutil__lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

/* The first letter is looked for in both cases with memchr (vectorised in
 * libc), the rest compared at each hit: a byte-by-byte fold of the whole text
 * was a few percent of a review (the prompt reader tries many words per clause). */
const char *ig_memcasestr(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (m == 0) return s;
	if (m > n) return NULL;
	unsigned char lo = strutil__lower((unsigned char)needle[0]);
	unsigned char up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 32) : lo;
	const char *end = s + n - m; /* the last place a match can start */
	const char *next_lo = memchr(s, lo, n - m + 1);
	const char *next_up = up == lo ? NULL : memchr(s, up, n - m + 1);
	while (next_lo || next_up) {
		const char *p = !next_up || (next_lo && next_lo < next_up) ? next_lo : next_up;
		size_t j = 1;
		while (j < m && strutil__lower((unsigned char)p[j]) == strutil__lower((unsigned char)needle[j])) j++;
		if (j == m) return p;
		if (p == next_lo) next_lo = p < end ? memchr(p + 1, lo, (size_t)(end - p)) : NULL;
		else next_up = p < end ? memchr(p + 1, up, (size_t)(end - p)) : NULL;
	}
	return NULL;
}

const char *ig_memstr(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (m == 0) return s;
	if (m > n) return NULL;
	const char *end = s + n - m;
	for (const char *p = s; p <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) + 1);
		if (!p) return NULL;
		if (memcmp(p, needle, m) == 0) return p;
	}
	return NULL;
}

unsigned long long ig_hash(const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
	return h;
}

size_t ig_text_lines(const char *s, size_t n)
{
	size_t lines = 0;
	for (size_t i = 0; i < n; i++) lines += s[i] == '\n';
	return lines + (n && s[n - 1] != '\n');
}
