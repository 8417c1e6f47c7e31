/* The prompt reader: walks a prompt line by line, leaves code blocks out,
 * cleans markdown emphasis, example ARNs and URLs from each line, splits it
 * into clauses, marks hedged and example clauses, and hands each clause to the
 * phrase readers of every kind (kinds.c, services.c). */
#include "req/internal.h"
#include "util/strutil.h"
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const req__kind_names[IG_REQ_KIND_COUNT] = {
	"region", "multi_region", "az_count", "count", "service", "forbidden", "tag", "destroyable",
	"encryption_at_rest", "kms_cmk", "tls", "log_retention", "backup_retention", "rotation",
	"instance_class", "engine", "cidr", "env_suffix", "platform", "language",
};

const char *ig_req_kind_name(ig_req_kind k)
{
	return (unsigned)k < IG_REQ_KIND_COUNT ? req__kind_names[k] : "unknown";
}

const char *ig_req_status_name(ig_req_status s)
{
	return s == IG_REQ_MET ? "met" : s == IG_REQ_NOT_MET ? "not_met" : "unknown";
}

static bool req__same(const char *x, const char *y)
{
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

void req_add(req_ctx *c, ig_req_kind kind, const char *value, const char *detail)
{
	if (!value || !*value) return;
	for (size_t i = 0; i < c->set->n; i++) {
		ig_req *r = &c->set->items[i];
		if (r->kind != kind || strcmp(r->value, value) != 0) continue;
		/* a role or tag value stated later completes the first mention */
		if (!r->detail && detail) r->detail = ig_arena_strdup(c->a, detail);
		if (req__same(r->detail, detail) || !detail) return;
		if (kind != IG_REQ_REGION) return;
	}
	ig_req *r = IG_PUSH(c->a, c->set->items, c->set->n, c->set->cap);
	r->kind = kind;
	r->value = ig_arena_strdup(c->a, value);
	r->detail = detail ? ig_arena_strdup(c->a, detail) : NULL;
	r->file = c->file;
	r->line = c->line;
	r->quote = c->quote;
}

static pthread_mutex_t req__re_lock = PTHREAD_MUTEX_INITIALIZER;

regex_t *req_re(regex_t *slot, int *done, const char *pattern)
{
	/* compiled once for the process; after that no lock is taken */
	if (__atomic_load_n(done, __ATOMIC_ACQUIRE)) return slot;
	pthread_mutex_lock(&req__re_lock);
	if (!*done) {
		int rc = regcomp(slot, pattern, REG_EXTENDED | REG_ICASE);
		if (rc) {
			char msg[256];
			regerror(rc, slot, msg, sizeof msg);
			fprintf(stderr, "iacgrade: internal error: requirement pattern %s: %s\n", pattern, msg);
			abort();
		}
		__atomic_store_n(done, 1, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&req__re_lock);
	return slot;
}

int req_match(regex_t *re, const char *s, size_t from, regmatch_t *m, size_t nm)
{
	if (regexec(re, s + from, nm, m, from ? REG_NOTBOL : 0) != 0) return -1;
	for (size_t i = 0; i < nm; i++)
		if (m[i].rm_so >= 0) m[i].rm_so += (regoff_t)from, m[i].rm_eo += (regoff_t)from;
	return 0;
}

int req_find(req_rx *rx, const char *s, size_t from, regmatch_t *m, size_t nm)
{
	if (rx->needles) {
		const char *text = s + from, *w = rx->needles;
		size_t len = strlen(text);
		bool any = false;
		while (*w && !any) {
			const char *bar = strchr(w, '|');
			size_t wl = bar ? (size_t)(bar - w) : strlen(w);
			char word[32];
			if (wl >= sizeof word) return req_match(req_re(&rx->re, &rx->done, rx->pattern), s, from, m, nm);
			memcpy(word, w, wl);
			word[wl] = 0;
			any = ig_memcasestr(text, len, word) != NULL;
			w += wl + (bar != NULL);
		}
		if (!any) return -1;
	}
	return req_match(req_re(&rx->re, &rx->done, rx->pattern), s, from, m, nm);
}

int req_number(const char *s, size_t n)
{
	static const char *const words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
					    "eight", "nine", "ten", "eleven", "twelve", NULL};
	if (n && isdigit((unsigned char)s[0])) {
		long v = 0;
		for (size_t i = 0; i < n && isdigit((unsigned char)s[i]); i++)
			if ((v = v * 10 + (s[i] - '0')) > 100000) return -1;
		return (int)v;
	}
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && strncasecmp(words[i], s, n) == 0) return i;
	if (n == 6 && strncasecmp(s, "single", 6) == 0) return 1;
	if (n == 6 && strncasecmp(s, "double", 6) == 0) return 2;
	return -1;
}

/* Markdown emphasis and code spans go; example ARNs and URLs become spaces
 * (a region inside them is not a requirement statement). */
static char *req__clean(ig_arena *a, const char *s, size_t n)
{
	char *out = ig_arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if ((n - i >= 4 && strncasecmp(s + i, "arn:", 4) == 0) ||
		    (n - i >= 7 && strncasecmp(s + i, "http://", 7) == 0) ||
		    (n - i >= 8 && strncasecmp(s + i, "https://", 8) == 0) ||
		    (n - i >= 4 && strncasecmp(s + i, "s3://", 5) == 0)) {
			while (i < n && !isspace((unsigned char)s[i]) && s[i] != ')' && s[i] != '`' && s[i] != '"') i++;
			out[k++] = ' ';
			i--;
			continue;
		}
		char ch = s[i];
		/* a code span that is an expression (`region ∈ {us-east-1, ...}`) is a sample */
		if (ch == '`' && !(i + 1 < n && s[i + 1] == '`')) {
			const char *close = memchr(s + i + 1, '`', n - i - 1);
			if (close) {
				size_t sl = (size_t)(close - (s + i + 1));
				const char *span = s + i + 1;
				bool expr = memchr(span, '{', sl) || memchr(span, '[', sl) || memchr(span, '|', sl) ||
					    ig_memstr(span, sl, "\xe2\x88\x88") || ig_memstr(span, sl, " == ") || ig_memstr(span, sl, "!=");
				if (expr) {
					out[k++] = ' ';
					i += sl + 1;
					continue;
				}
			}
		}
		if (ch == '`' || ch == '*' || (ch == '_' && i + 1 < n && s[i + 1] == '_')) {
			if (ch == '_') i++;
			continue;
		}
		/* a region in a host name (s3.us-east-1.amazonaws.com) is an example too */
		if (ch == '\0') ch = ' ';
		out[k++] = ch;
	}
	out[k] = 0;
	return out;
}

static bool req__word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t wl = strlen(w);
	if (i + wl > len || strncasecmp(s + i, w, wl) != 0) return false;
	if (i > 0 && isalnum((unsigned char)s[i - 1])) return false;
	return i + wl == len || !isalnum((unsigned char)s[i + wl]);
}

static bool req__has_word(const char *s, size_t len, const char *const *words)
{
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && isalnum((unsigned char)s[i - 1])) continue; /* a word starts here or nowhere */
		int first = tolower((unsigned char)s[i]);
		for (int k = 0; words[k]; k++)
			if (words[k][0] == first && req__word_at(s, len, i, words[k])) return true;
	}
	return false;
}

/* Hedges make a statement no requirement; example markers make the literals
 * that follow examples. */
static const char *const req__hedges[] = {"probably", "maybe", "perhaps", "possibly", "might", "not sure",
					  "i think", "i guess", "optionally", "if needed",
					  "if necessary", "if applicable", "or similar", "if using", "if used",
					  "if you use", "unless", "(optional", "is optional", "are optional", "optional but",
					  "if desired", "if you prefer", "if possible", "nice to have", "would require",
					  "would need", "in the future", NULL};
static const char *const req__examples[] = {"e.g", "eg", "for example", "for instance", "such as", "like",
					    "example", "sample", "something like", "i.e", NULL};

/* An analysis prompt lists what its script must detect ("Flag ALBs without
 * WAF", "Missing Logging: Buckets with no ..."): the clause starts, or goes on
 * after a "Label:", with a detection verb. */
static bool req__audit(const char *s, size_t n)
{
	static const char *const verbs[] = {"flag", "find", "identify", "detect", "audit", "report", "list", "scan",
					    "check", "skip", "ignore", NULL};
	const char *starts[2] = {s, NULL};
	const char *colon = memchr(s, ':', n);
	if (colon && colon - s < 60) starts[1] = colon + 1;
	for (int k = 0; k < 2 && starts[k]; k++) {
		const char *p = starts[k];
		while (*p && (isspace((unsigned char)*p) || strchr("-*+>|0123456789.)", *p))) p++;
		for (int i = 0; verbs[i]; i++) {
			size_t vl = strlen(verbs[i]);
			if (strncasecmp(p, verbs[i], vl) != 0 || isalnum((unsigned char)p[vl])) continue;
			/* "Audit logs are kept ..." names a thing, not a check */
			const char *next = p + vl;
			while (*next == ' ') next++;
			if (!strcmp(verbs[i], "audit") && (!strncasecmp(next, "log", 3) || !strncasecmp(next, "trail", 5) ||
							   !strncasecmp(next, "record", 6) || !strncasecmp(next, "event", 5)))
				continue;
			return true;
		}
	}
	return false;
}

/* A clause longer than this is read in pieces: prose clauses are far
 * shorter, and the phrase readers are not meant for megabyte lines. */
#define REQ_CLAUSE_MAX 4096

static void req__clause(req_ctx *c, const char *line_text, const char *s, size_t n, const char *heading)
{
	while (n > REQ_CLAUSE_MAX) {
		size_t cut = REQ_CLAUSE_MAX;
		while (cut > REQ_CLAUSE_MAX / 2 && s[cut] != ' ') cut--;
		req__clause(c, line_text, s, cut, heading);
		s += cut, n -= cut;
	}
	while (n && isspace((unsigned char)*s)) s++, n--;
	while (n && isspace((unsigned char)s[n - 1])) n--;
	if (!n) return;
	req_clause cl = {.text = ig_arena_strndup(c->a, s, n), .len = n, .line_text = line_text, .heading = heading};
	cl.hedged = req__has_word(cl.text, n, req__hedges);
	cl.example = req__has_word(cl.text, n, req__examples) || req__has_word(heading, strlen(heading), req__examples);
	cl.audit = req__audit(cl.text, n);
	req_kinds_clause(c, &cl);
	req_services_clause(c, &cl);
}

/* A clause ends at ". ", "; ", "! ", "? " (a dot inside "10.0.0.0/16" or
 * "t3.micro" or "e.g." does not end one). */
static void req__line(req_ctx *c, const char *text, const char *heading)
{
	size_t n = strlen(text), start = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = text[i];
		/* " - " and " — " join clauses in informal prose ("no retain policies - tear it down") */
		bool words_before = false;
		for (size_t b = start; b < i && !words_before && ch == '-'; b++) words_before = isalnum((unsigned char)text[b]);
		if (i > 0 && text[i - 1] == ' ' && i + 1 < n && text[i + 1] == ' ' && ch == '-' && words_before) {
			req__clause(c, text, text + start, i - start, heading);
			start = i + 1;
			continue;
		}
		if ((ch == '.' || ch == ';' || ch == '!' || ch == '?') && (i + 1 == n || text[i + 1] == ' ')) {
			if (ch == '.' && i >= 3 && (strncasecmp(text + i - 3, "e.g", 3) == 0 || strncasecmp(text + i - 3, "i.e", 3) == 0))
				continue;
			req__clause(c, text, text + start, i - start, heading);
			start = i + 1;
		}
	}
	req__clause(c, text, text + start, n - start, heading);
}

static bool req__fence(const char *s, size_t n, char *fch, size_t *flen)
{
	size_t i = 0;
	while (i < n && i < 4 && s[i] == ' ') i++;
	if (i + 3 > n || (s[i] != '`' && s[i] != '~')) return false;
	size_t k = i;
	while (k < n && s[k] == s[i]) k++;
	if (k - i < 3) return false;
	if (!*fch) { *fch = s[i]; *flen = k - i; return true; }
	if (s[i] != *fch || k - i < *flen) return false;
	while (k < n && isspace((unsigned char)s[k])) k++;
	if (k != n) return false;
	*fch = 0;
	return true;
}

void ig_req_read(ig_arena *a, ig_req_set *s, const char *file, const char *text, size_t len)
{
	req_ctx c = {.a = a, .set = s, .file = file};
	char fch = 0;
	size_t flen = 0;
	const char *heading = "";
	unsigned line = 0;
	for (size_t at = 0; at < len;) {
		const char *eol = memchr(text + at, '\n', len - at);
		size_t n = eol ? (size_t)(eol - (text + at)) : len - at;
		const char *raw = text + at;
		at += n + 1;
		line++;
		if (n && raw[n - 1] == '\r') n--;
		bool in_code = fch != 0;
		if (req__fence(raw, n, &fch, &flen) || in_code) continue;
		char *clean = req__clean(a, raw, n);
		ig_slice t = ig_slice_trim((ig_slice){clean, strlen(clean)});
		if (!t.n) continue;
		c.line = line;
		size_t qn = t.n > 300 ? 300 : t.n;
		/* cut at a character boundary: the quote goes into JSON */
		while (qn < t.n && qn > 0 && ((unsigned char)t.p[qn] & 0xC0) == 0x80) qn--;
		c.quote = ig_arena_strndup(a, t.p, qn);
		if (t.p[0] == '#') {
			heading = c.quote;
			/* a "### Tags" heading opens a list of tags */
			if (ig_memcasestr(t.p, t.n, "tags") && t.n < 40) c.tag_list_until = line + 2, c.tag_list_heading = true;
			else c.tag_list_until = 0;
		}
		req__line(&c, clean, heading);
	}
	/* "postgres" beside "postgres 14.6", TLS "required" beside "1.2": the precise one stays */
	size_t kept = 0;
	for (size_t i = 0; i < s->n; i++) {
		ig_req *r = &s->items[i];
		bool drop = false;
		for (size_t j = 0; j < s->n && !drop; j++) {
			const ig_req *o = &s->items[j];
			if (o == r || o->kind != r->kind) continue;
			if (r->kind == IG_REQ_ENGINE && !strchr(r->value, ' ') && ig_starts_with(o->value, r->value) &&
			    o->value[strlen(r->value)] == ' ')
				drop = true;
			if (r->kind == IG_REQ_TLS && !strcmp(r->value, "required")) drop = true;
		}
		if (!drop) s->items[kept++] = *r;
	}
	s->n = kept;
	if (c.platform) {
		c.line = c.platform_line, c.quote = c.platform_quote;
		req_add(&c, IG_REQ_PLATFORM, c.platform, NULL);
	}
	if (c.language) {
		c.line = c.language_line, c.quote = c.language_quote;
		req_add(&c, IG_REQ_LANGUAGE, c.language, NULL);
	}
}

void ig_req_task(ig_task *t)
{
	ig_req_set *s = ig_arena_alloc(&t->arena, sizeof *s);
	for (size_t i = 0; i < t->n_prompts; i++) ig_req_read(&t->arena, s, t->prompts[i].path, t->prompts[i].text, t->prompts[i].len);
	for (size_t i = 0; i < s->n; i++) {
		ig_req *r = &s->items[i];
		r->model = ig_req_eval_response(&t->arena, r, t->model.present ? &t->model : NULL);
		r->ideal = ig_req_eval_response(&t->arena, r, t->ideal.present ? &t->ideal : NULL);
	}
	t->reqs = s;
}
