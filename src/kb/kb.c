/* Knowledge-base files: read once, checked, searched in place. */
#include "kb/kb.h"
#include "util/arena.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KB_HEADER 24u

static uint32_t kb__u32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
}

/* The table is mapped, not read: a lookup touches only the pages it needs,
 * so the 12 MB CDK index costs a few page faults instead of a 12 MB copy. */
int ig_kb_open(ig_kb *kb, const char *path, char *err, size_t errlen)
{
	memset(kb, 0, sizeof *kb);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (off_t)KB_HEADER) {
		snprintf(err, errlen, "%s: not a knowledge-base file (too short)", path);
		close(fd);
		return -1;
	}
	size_t size = (size_t)st.st_size;
	char *data = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED) {
		snprintf(err, errlen, "%s: cannot map: %s", path, strerror(errno));
		return -1;
	}
	uint32_t n = kb__u32(data + 8), ssize = kb__u32(data + 12), src = kb__u32(data + 16);
	/* The file is ours, but a truncated or stale one must not be read past its end. */
	uint64_t need = (uint64_t)KB_HEADER + (uint64_t)n * sizeof(ig_kb_entry) + ssize;
	if (memcmp(data, "IGKB0001", 8) != 0 || need != (uint64_t)size || ssize == 0 || src >= ssize) {
		snprintf(err, errlen, "%s: not a knowledge-base file of this version (rebuild with make)", path);
		munmap(data, size);
		return -1;
	}
	kb->data = data;
	kb->size = size;
	kb->entries = (const ig_kb_entry *)(data + KB_HEADER);
	kb->n_entries = n;
	kb->strings = data + KB_HEADER + (size_t)n * sizeof(ig_kb_entry);
	kb->strings_size = ssize;
	if (kb->strings[ssize - 1] != 0) {
		snprintf(err, errlen, "%s: string pool is not terminated", path);
		ig_kb_close(kb);
		return -1;
	}
	for (uint32_t i = 0; i < n; i++) {
		const ig_kb_entry *e = &kb->entries[i];
		if (e->key >= ssize || e->type >= ssize || e->note >= ssize || e->extra >= ssize || e->aux >= ssize ||
		    ig_kb_kind_of(e) >= IG_KB_KIND_COUNT) {
			snprintf(err, errlen, "%s: entry %u is corrupt", path, i);
			ig_kb_close(kb);
			return -1;
		}
	}
	kb->source = kb->strings + src;
	kb->path = path;
	return 0;
}

void ig_kb_close(ig_kb *kb)
{
	if (kb->data) munmap(kb->data, kb->size);
	memset(kb, 0, sizeof *kb);
}

const char *ig_kb_str(const ig_kb *kb, uint32_t off)
{
	return off < kb->strings_size ? kb->strings + off : "";
}

const char *ig_kb_name(const ig_kb *kb, const ig_kb_entry *e)
{
	const char *k = ig_kb_key(kb, e), *dot = strrchr(k, '.');
	return dot ? dot + 1 : k;
}

const char *ig_kb_kind_name(ig_kb_kind k)
{
	static const char *const names[IG_KB_KIND_COUNT] = {
		"none", "module", "class", "interface", "struct", "enum", "enum member", "property",
		"static property", "method", "static method", "CloudFormation resource type",
		"CloudFormation property", "CloudFormation attribute", "CloudFormation property type",
		"Terraform resource", "Terraform data source", "Terraform argument", "Terraform block", "alias", "fact"};
	return (unsigned)k < IG_KB_KIND_COUNT ? names[k] : "?";
}

/* Byte-order comparison of a NUL-terminated key with key[0..n). */
static int kb__cmp(const char *k, const char *key, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char a = (unsigned char)k[i], b = (unsigned char)key[i];
		if (a != b) return a < b ? -1 : 1; /* a NUL in k sorts first */
	}
	return k[n] ? 1 : 0;
}

/* First entry whose key is >= key[0..n) in byte order. */
static uint32_t kb__lower_bound(const ig_kb *kb, const char *key, size_t n)
{
	uint32_t lo = 0, hi = kb->n_entries;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (kb__cmp(ig_kb_key(kb, &kb->entries[mid]), key, n) < 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const ig_kb_entry *ig_kb_find(const ig_kb *kb, const char *key, size_t n)
{
	if (!kb->n_entries) return NULL;
	uint32_t i = kb__lower_bound(kb, key, n);
	if (i >= kb->n_entries) return NULL;
	return kb__cmp(ig_kb_key(kb, &kb->entries[i]), key, n) == 0 ? &kb->entries[i] : NULL;
}

/* "parent" "sep" "name" in buf when it fits, else in a heap block the caller frees: keys have no
 * length limit (a fixed buffer made a long key's children silently absent). */
static char *kb__join(char *buf, size_t cap, const char *parent, const char *sep, const char *name, size_t *len)
{
	size_t p = strlen(parent), s = strlen(sep), n = strlen(name);
	*len = p + s + n;
	char *out = *len < cap ? buf : ig_xmalloc(*len + 1);
	memcpy(out, parent, p);
	memcpy(out + p, sep, s);
	memcpy(out + p + s, name, n + 1);
	return out;
}

const ig_kb_entry *ig_kb_child(const ig_kb *kb, const char *parent, const char *name)
{
	char buf[256];
	size_t n;
	char *key = kb__join(buf, sizeof buf, parent, ".", name, &n);
	const ig_kb_entry *e = ig_kb_find(kb, key, n);
	if (key != buf) free(key);
	return e;
}

/* The range [lo, hi) of keys that start with "parent."; the whole table for
 * "" (whose children are the top-level keys). */
static void kb__child_range(const ig_kb *kb, const char *parent, uint32_t *lo, uint32_t *hi)
{
	char buf[256];
	*lo = *hi = 0;
	if (!*parent) {
		*hi = kb->n_entries;
		return;
	}
	if (!kb->n_entries) return;
	size_t n;
	char *key = kb__join(buf, sizeof buf, parent, ".", "", &n);
	*lo = kb__lower_bound(kb, key, n);
	/* '.' + 1 is '/': every key with the prefix sorts below "parent/" */
	key[n - 1] = '/';
	*hi = kb__lower_bound(kb, key, n);
	if (key != buf) free(key);
}

size_t ig_kb_each_child(const ig_kb *kb, const char *parent, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx)
{
	uint32_t lo, hi;
	kb__child_range(kb, parent, &lo, &hi);
	size_t plen = *parent ? strlen(parent) + 1 : 0, visited = 0;
	for (uint32_t i = lo; i < hi; i++) {
		const ig_kb_entry *e = &kb->entries[i];
		if (strchr(ig_kb_key(kb, e) + plen, '.')) continue; /* a grandchild */
		visited++;
		if (!fn(e, ctx)) break;
	}
	return visited;
}

static size_t kb__fold(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z') out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out[n++] = c;
	}
	out[n] = 0;
	return n;
}

typedef struct {
	const ig_kb *kb;
	char want[256];
	const ig_kb_entry *found;
} kb_fold_ctx;

static bool kb__fold_visit(const ig_kb_entry *e, void *vctx)
{
	kb_fold_ctx *c = vctx;
	char got[256];
	kb__fold(ig_kb_name(c->kb, e), got, sizeof got);
	if (strcmp(got, c->want) != 0) return true;
	c->found = e;
	return false;
}

const ig_kb_entry *ig_kb_child_folded(const ig_kb *kb, const char *parent, const char *name)
{
	const ig_kb_entry *e = ig_kb_child(kb, parent, name);
	if (e) return e;
	kb_fold_ctx c = {.kb = kb};
	if (!kb__fold(name, c.want, sizeof c.want)) return NULL;
	ig_kb_each_child(kb, parent, kb__fold_visit, &c);
	return c.found;
}

/* Levenshtein distance of two short strings, capped at 64 characters each. */
static unsigned kb__distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64) la = 64;
	if (lb > 64) lb = 64;
	unsigned row[65];
	for (size_t j = 0; j <= lb; j++) row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best) best = up + 1;
			if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The words of a name, folded and joined by spaces: camelCase, snake_case,
 * PascalCase and UPPER_CASE break alike ("kmsKeyId", "kms_key_id" and
 * "KmsKeyId" are "kms key id"; an acronym ends before a capitalised word). */
static void kb__words(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; s[i] && n + 2 < cap; i++) {
		char c = s[i], p = i ? s[i - 1] : 0, nx = s[i + 1];
		bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z', dig = c >= '0' && c <= '9';
		if (!up && !low && !dig) {
			if (n && out[n - 1] != ' ') out[n++] = ' ';
			continue;
		}
		bool p_low = p >= 'a' && p <= 'z', p_up = p >= 'A' && p <= 'Z', p_dig = p >= '0' && p <= '9';
		bool brk = (up && (p_low || p_dig || (p_up && nx >= 'a' && nx <= 'z'))) || (dig && (p_low || p_up));
		if (brk && n && out[n - 1] != ' ') out[n++] = ' ';
		out[n++] = up ? (char)(c - 'A' + 'a') : c;
	}
	while (n && out[n - 1] == ' ') n--;
	out[n] = 0;
}

/* How many words got has beyond want's, when every word of want is a word
 * of got, in order, and there are one or two more (kmsKeyId within
 * kmsMasterKeyId: 1); 0 otherwise. Edit distance misses these. */
static unsigned kb__words_within(const char *want, const char *got)
{
	size_t extra = 0;
	const char *g = got;
	for (const char *w = want; *w;) {
		size_t wn = strcspn(w, " ");
		for (;;) {
			size_t gn = strcspn(g, " ");
			if (!gn) return 0;
			bool same = gn == wn && strncmp(g, w, wn) == 0;
			g += gn + (g[gn] == ' ');
			if (same) break;
			if (++extra > 2) return 0;
		}
		w += wn + (w[wn] == ' ');
	}
	for (; *g; g += strcspn(g, " ") + (g[strcspn(g, " ")] == ' ')) extra++;
	return extra <= 2 ? (unsigned)extra : 0;
}

/* The max nearest names seen so far, sorted by distance (stable: the order
 * of offering breaks ties). Items are kb entries or caller strings. */
typedef struct {
	const ig_kb *kb;
	char want[256];
	char want_words[300];
	const void *item[16];
	unsigned dist[16];
	size_t max, n;
} kb_near_ctx;

static void kb__near_init(kb_near_ctx *c, const ig_kb *kb, const char *name, size_t max)
{
	memset(c, 0, sizeof *c);
	c->kb = kb;
	c->max = max > 16 ? 16 : max;
	kb__fold(name, c->want, sizeof c->want);
	kb__words(name, c->want_words, sizeof c->want_words);
}

static void kb__near_offer(kb_near_ctx *c, const void *item, const char *name)
{
	char got[256];
	kb__fold(name, got, sizeof got);
	unsigned d = kb__distance(c->want, got);
	/* a name containing the wanted one (or the reverse) is a good guess too */
	if (*c->want && *got && (strstr(got, c->want) || strstr(c->want, got))) d = d > 1 ? d / 2 : d;
	/* so is one with the wanted words and one or two more (kmsKeyId: kmsMasterKeyId),
	 * ranked by how many more */
	if (d > 1 && *c->want_words) {
		char words[300];
		kb__words(name, words, sizeof words);
		unsigned extra = kb__words_within(c->want_words, words);
		if (extra && extra < d) d = extra;
	}
	size_t pos = c->n;
	while (pos > 0 && c->dist[pos - 1] > d) pos--;
	if (pos >= c->max) return;
	size_t last = c->n < c->max ? c->n : c->max - 1;
	for (size_t i = last; i > pos; i--) c->item[i] = c->item[i - 1], c->dist[i] = c->dist[i - 1];
	c->item[pos] = item;
	c->dist[pos] = d;
	if (c->n < c->max) c->n++;
}

static bool kb__near_visit(const ig_kb_entry *e, void *vctx)
{
	kb_near_ctx *c = vctx;
	if (ig_kb_kind_of(e) == IG_KB_ALIAS) return true;
	const char *name = ig_kb_name(c->kb, e);
	/* a member a type and its base both declare is one guess (the first parent's) */
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(ig_kb_name(c->kb, c->item[i]), name) == 0) return true;
	kb__near_offer(c, e, name);
	return true;
}

/* Only guesses within a third of the name's length (at least 2 edits) help. */
static size_t kb__near_finish(kb_near_ctx *c)
{
	size_t len = strlen(c->want), keep = 0;
	unsigned limit = (unsigned)(len / 3 > 2 ? len / 3 : 2);
	while (keep < c->n && c->dist[keep] <= limit) keep++;
	return keep;
}

static size_t kb__near_entries(kb_near_ctx *c, const ig_kb_entry **out)
{
	size_t n = kb__near_finish(c);
	for (size_t i = 0; i < n; i++) out[i] = c->item[i];
	return n;
}

size_t ig_kb_closest(const ig_kb *kb, const char *parent, const char *name, const ig_kb_entry **out, size_t max)
{
	kb_near_ctx c;
	kb__near_init(&c, kb, name, max);
	if (!c.max) return 0;
	ig_kb_each_child(kb, parent, kb__near_visit, &c);
	return kb__near_entries(&c, out);
}

size_t ig_kb_closest_among(const ig_kb *kb, const char *const *parents, size_t n_parents, const char *name,
			   const ig_kb_entry **out, size_t max)
{
	kb_near_ctx c;
	kb__near_init(&c, kb, name, max);
	if (!c.max) return 0;
	for (size_t i = 0; i < n_parents; i++) ig_kb_each_child(kb, parents[i], kb__near_visit, &c);
	return kb__near_entries(&c, out);
}

size_t ig_kb_closest_top(const ig_kb *kb, ig_kb_kind kind, const char *name, const ig_kb_entry **out, size_t max)
{
	kb_near_ctx c;
	kb__near_init(&c, kb, name, max);
	if (!c.max) return 0;
	for (uint32_t i = 0; i < kb->n_entries; i++) {
		const ig_kb_entry *e = &kb->entries[i];
		if (ig_kb_kind_of(e) != kind || strchr(ig_kb_key(kb, e), '.')) continue;
		kb__near_offer(&c, e, ig_kb_key(kb, e));
	}
	return kb__near_entries(&c, out);
}

size_t ig_kb_closest_in(const char *name, const char *const *names, size_t n, size_t *out, size_t max)
{
	kb_near_ctx c;
	kb__near_init(&c, NULL, name, max);
	if (!c.max) return 0;
	for (size_t i = 0; i < n; i++) kb__near_offer(&c, &names[i], names[i]);
	size_t keep = kb__near_finish(&c);
	for (size_t i = 0; i < keep; i++) out[i] = (size_t)((const char *const *)c.item[i] - names);
	return keep;
}

size_t ig_kb_each_suffix(const ig_kb *kb, const char *name, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx)
{
	size_t n = strlen(name), visited = 0;
	for (uint32_t i = 0; i < kb->n_entries; i++) {
		const ig_kb_entry *e = &kb->entries[i];
		const char *key = ig_kb_key(kb, e);
		size_t len = strlen(key);
		if (len <= n + 1 || key[len - n - 1] != '.' || strcmp(key + len - n, name) != 0) continue;
		visited++;
		if (!fn(e, ctx)) break;
	}
	return visited;
}

size_t ig_kb_each_prefix(const ig_kb *kb, const char *prefix, bool (*fn)(const ig_kb_entry *e, void *ctx), void *ctx)
{
	size_t n = strlen(prefix), visited = 0;
	if (!kb->n_entries) return 0;
	for (uint32_t i = kb__lower_bound(kb, prefix, n); i < kb->n_entries; i++) {
		const ig_kb_entry *e = &kb->entries[i];
		if (strncmp(ig_kb_key(kb, e), prefix, n) != 0) break;
		visited++;
		if (!fn(e, ctx)) break;
	}
	return visited;
}

const ig_kb_entry *ig_kb_resolve(const ig_kb *kb, const ig_kb_entry *e)
{
	for (int hop = 0; e && ig_kb_kind_of(e) == IG_KB_ALIAS && hop < 4; hop++) {
		const char *target = ig_kb_str(kb, e->type);
		e = ig_kb_find(kb, target, strlen(target));
	}
	return e && ig_kb_kind_of(e) == IG_KB_ALIAS ? NULL : e;
}

size_t ig_kb_bases(const ig_kb *kb, const ig_kb_entry *t, const ig_kb_entry **out, size_t max, bool *complete)
{
	*complete = true;
	if (!max) { *complete = false; return 0; }
	size_t n = 0;
	out[n++] = t;
	for (size_t i = 0; i < n; i++) {
		ig_kb_kind kind = ig_kb_kind_of(out[i]);
		if (kind != IG_KB_CLASS && kind != IG_KB_INTERFACE && kind != IG_KB_STRUCT) continue;
		for (const char *p = ig_kb_str(kb, out[i]->extra); *p;) {
			size_t len = strcspn(p, "\n");
			const ig_kb_entry *b = ig_kb_find(kb, p, len);
			bool seen = !b;
			if (!b) *complete = false;
			for (size_t j = 0; j < n && !seen; j++) seen = out[j] == b;
			if (!seen) {
				if (n == max) { *complete = false; return n; }
				out[n++] = b;
			}
			p += len + (p[len] == '\n');
		}
	}
	return n;
}

/* ---- the set ---- */

static const char *kb__default_dir(char *buf, size_t cap)
{
	const char *env = getenv("IACGRADE_KB");
	if (env && *env) return env;
	ssize_t n = readlink("/proc/self/exe", buf, cap - 4);
	if (n <= 0) return "build/kb";
	buf[n] = 0;
	char *slash = strrchr(buf, '/');
	if (!slash) return "build/kb";
	strcpy(slash + 1, "kb");
	return buf;
}

int ig_kbset_load(ig_kbset *set, const char *dir, char *err, size_t errlen)
{
	static char dirbuf[PATH_MAX];
	memset(set, 0, sizeof *set);
	if (!dir) dir = kb__default_dir(dirbuf, sizeof dirbuf);
	set->dir = dir;
	struct { ig_kb *kb; const char *file; } srcs[] = {
		{&set->cdk, "cdk.kb"}, {&set->cfn, "cfn.kb"}, {&set->tf, "tf.kb"}, {&set->pulumi, "pulumi.kb"},
		{&set->facts, "facts.kb"}};
	int loaded = 0;
	size_t used = 0;
	if (errlen) err[0] = 0;
	for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
		char path[PATH_MAX], msg[PATH_MAX + 128];
		int pn = snprintf(path, sizeof path, "%s/%s", dir, srcs[i].file);
		if (pn < 0 || (size_t)pn >= sizeof path) continue;
		if (ig_kb_open(srcs[i].kb, path, msg, sizeof msg) == 0) {
			srcs[i].kb->path = strdup(path);
			loaded++;
		} else if (used + 2 < errlen) {
			int w = snprintf(err + used, errlen - used, "%s%s", used ? "; " : "", msg);
			if (w > 0) used += (size_t)w < errlen - used ? (size_t)w : errlen - used - 1;
		}
	}
	if (!loaded && errlen) /* one clear sentence rather than four */
		snprintf(err, errlen, "no knowledge base in %s (build it with make, or set IACGRADE_KB)", dir);
	return loaded;
}

void ig_kbset_free(ig_kbset *set)
{
	ig_kb *all[] = {&set->cdk, &set->cfn, &set->tf, &set->pulumi, &set->facts};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		free((char *)all[i]->path);
		all[i]->path = NULL;
		ig_kb_close(all[i]);
	}
}

static ig_kbset kb__default;
static char kb__default_err[2048];
static pthread_once_t kb__once = PTHREAD_ONCE_INIT;

static void kb__load_default(void)
{
	ig_kbset_load(&kb__default, NULL, kb__default_err, sizeof kb__default_err);
}

const ig_kbset *ig_kbset_default(void)
{
	pthread_once(&kb__once, kb__load_default);
	return &kb__default;
}

const char *ig_kbset_default_error(void)
{
	ig_kbset_default();
	return kb__default_err[0] ? kb__default_err : NULL;
}
