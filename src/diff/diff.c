#include "diff/diff.h"
#include "diff/myers.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Above this many edits inside one unit the search stops and the rest of the
 * unit is taken as replaced: a bound on time for unrelated code. */
#define DIFF_MAX_COST 4000
/* Units (and files) renamed are paired by content when this share of their
 * distinct tokens is common (Jaccard index). */
#define DIFF_SIMILAR 0.5

const char *ig_fix_kind_name(ig_fix_kind k)
{
	static const char *names[] = {"resource-added", "resource-removed", "resource-changed", "resource-retyped",
				      "code-added", "code-removed", "code-changed", "imports-changed",
				      "truncated-answer", "no-code"};
	return k < IG_FIX_KIND_COUNT ? names[k] : "code-changed";
}

const char *ig_ignore_reason_name(ig_ignore_reason r)
{
	static const char *names[] = {"formatting", "comment", "import-order", "reordered", "equivalent-spelling",
				      "rename", "test"};
	return r < IG_IGN_COUNT ? names[r] : "formatting";
}

/* token states */
enum { T_MATCHED = 0, T_CHANGED = 1, T_SPELLING = 2, T_RENAMED = 4 };

typedef struct {
	const ig_file *f;
	const ig_tokens *t;
	uint64_t *h;        /* compared hashes (renames applied on the model side) */
	uint8_t *state;
	int32_t *fix;       /* per token: the fix it belongs to, -1 none */
	int32_t *mate;      /* per token: the matched token on the other side, -1 none */
	int32_t *pair;      /* per unit: the paired unit on the other side, -1 none */
	size_t *own_at, *own; /* tokens of each unit (its own, not its children's): own[own_at[u] .. own_at[u+1]) */
} side;

typedef struct {
	ig_arena *a;
	ig_diff *d;
	side s[2];          /* [0] model, [1] ideal */
} pair_ctx;

static size_t side_ntok(const side *s) { return s->t ? s->t->n : 0; }
static size_t side_nunits(const side *s) { return s->t ? s->t->n_units : 0; }

static void side_init(ig_arena *a, side *s, const ig_file *f)
{
	s->f = f;
	s->t = f ? f->tokens : NULL;
	size_t n = side_ntok(s), nu = side_nunits(s);
	s->h = ig_arena_alloc(a, (n + 1) * sizeof *s->h);
	s->state = ig_arena_alloc(a, n + 1);
	s->fix = ig_arena_alloc(a, (n + 1) * sizeof *s->fix);
	s->mate = ig_arena_alloc(a, (n + 1) * sizeof *s->mate);
	s->pair = ig_arena_alloc(a, (nu + 1) * sizeof *s->pair);
	s->own_at = ig_arena_alloc(a, (nu + 2) * sizeof *s->own_at);
	s->own = ig_arena_alloc(a, (n + 1) * sizeof *s->own);
	for (size_t i = 0; i < n; i++) s->h[i] = s->t->tok[i].hash, s->fix[i] = -1, s->mate[i] = -1;
	for (size_t u = 0; u < nu; u++) s->pair[u] = -1;
	for (size_t i = 0; i < n; i++) s->own_at[s->t->tok[i].unit + 1]++;
	for (size_t u = 0; u < nu; u++) s->own_at[u + 1] += s->own_at[u];
	size_t *fill = ig_arena_alloc(a, (nu + 1) * sizeof *fill);
	for (size_t i = 0; i < n; i++) {
		uint32_t u = s->t->tok[i].unit;
		s->own[s->own_at[u] + fill[u]++] = i;
	}
}

/* ---- unit pairing ---- */

static bool unit_same_key(const ig_unit *x, const ig_unit *y)
{
	return x->kind == y->kind && x->ordinal == y->ordinal && strcmp(x->name, y->name) == 0;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* Distinct hashes of a unit's tokens, sorted (malloc'd). */
static size_t unit_bag(const side *s, size_t u, uint64_t **out)
{
	size_t n = s->own_at[u + 1] - s->own_at[u], k = 0;
	uint64_t *v = ig_xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) v[i] = s->h[s->own[s->own_at[u] + i]];
	if (n) qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i]) v[k++] = v[i];
	*out = v;
	return k;
}

static double bag_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, common = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) common++, i++, j++;
		else if (a[i] < b[j]) i++;
		else j++;
	}
	size_t all = na + nb - common;
	return all ? (double)common / (double)all : 1.0;
}

typedef struct {
	uint64_t *v;
	size_t n;
} bag;

static void pair_units(pair_ctx *c)
{
	side *m = &c->s[0], *i = &c->s[1];
	size_t nm = side_nunits(m), ni = side_nunits(i);
	if (nm && ni) m->pair[0] = 0, i->pair[0] = 0; /* the top levels */
	for (size_t u = 1; u < nm; u++)
		for (size_t v = 1; v < ni; v++)
			if (i->pair[v] < 0 && unit_same_key(&m->t->units[u], &i->t->units[v])) {
				m->pair[u] = (int32_t)v, i->pair[v] = (int32_t)u;
				break;
			}
	/* renamed units: same kind, most similar content first */
	size_t left_m = 0, left_i = 0;
	for (size_t u = 1; u < nm; u++) left_m += m->pair[u] < 0;
	for (size_t v = 1; v < ni; v++) left_i += i->pair[v] < 0;
	if (!left_m || !left_i) return;
	bag *bm = ig_xmalloc(nm * sizeof *bm), *bi = ig_xmalloc(ni * sizeof *bi);
	for (size_t u = 0; u < nm; u++) bm[u].n = m->pair[u] < 0 ? unit_bag(m, u, &bm[u].v) : 0, bm[u].v = m->pair[u] < 0 ? bm[u].v : NULL;
	for (size_t v = 0; v < ni; v++) bi[v].n = i->pair[v] < 0 ? unit_bag(i, v, &bi[v].v) : 0, bi[v].v = i->pair[v] < 0 ? bi[v].v : NULL;
	for (;;) {
		double best = DIFF_SIMILAR;
		size_t bu = 0, bv = 0;
		for (size_t u = 1; u < nm; u++) {
			if (m->pair[u] >= 0) continue;
			for (size_t v = 1; v < ni; v++) {
				if (i->pair[v] >= 0 || i->t->units[v].kind != m->t->units[u].kind) continue;
				double j = bag_jaccard(bm[u].v, bm[u].n, bi[v].v, bi[v].n);
				if (j > best) best = j, bu = u, bv = v;
			}
		}
		if (!bu) break;
		m->pair[bu] = (int32_t)bv, i->pair[bv] = (int32_t)bu;
	}
	for (size_t u = 0; u < nm; u++) free(bm[u].v);
	for (size_t v = 0; v < ni; v++) free(bi[v].v);
	free(bm);
	free(bi);
}

/* ---- token matching ---- */

typedef struct {
	uint64_t from, to;
} rename_pair;

typedef struct {
	rename_pair *v;
	size_t n, cap;
} rename_list;

static void match_imports(pair_ctx *c, size_t u, size_t v)
{
	side *m = &c->s[0], *i = &c->s[1];
	size_t na = m->own_at[u + 1] - m->own_at[u], nb = i->own_at[v + 1] - i->own_at[v];
	const size_t *oa = m->own + m->own_at[u], *ob = i->own + i->own_at[v];
	/* a set: each import of one side takes one equal import of the other */
	uint8_t *used = ig_xmalloc(nb + 1);
	memset(used, 0, nb + 1);
	for (size_t x = 0; x < na; x++) {
		m->state[oa[x]] = T_CHANGED;
		for (size_t y = 0; y < nb; y++)
			if (!used[y] && i->h[ob[y]] == m->h[oa[x]]) { used[y] = 1, m->state[oa[x]] = T_MATCHED; break; }
	}
	for (size_t y = 0; y < nb; y++) i->state[ob[y]] = used[y] ? T_MATCHED : T_CHANGED;
	free(used);
}

/* Diff one unit pair (or a unit against nothing); collect identifier-for-
 * identifier replacements, the candidates for a rename. */
static void match_units(pair_ctx *c, size_t u, int32_t v, rename_list *cand)
{
	side *m = &c->s[0], *i = &c->s[1];
	if (v >= 0 && m->t->units[u].kind == IG_UNIT_IMPORTS) { match_imports(c, u, (size_t)v); return; }
	size_t na = m->own_at[u + 1] - m->own_at[u];
	const size_t *oa = m->own + m->own_at[u];
	for (size_t x = 0; x < na; x++) m->state[oa[x]] = T_CHANGED, m->mate[oa[x]] = -1;
	if (v < 0) return;
	size_t nb = i->own_at[(size_t)v + 1] - i->own_at[(size_t)v];
	const size_t *ob = i->own + i->own_at[(size_t)v];
	for (size_t y = 0; y < nb; y++) i->state[ob[y]] = T_CHANGED, i->mate[ob[y]] = -1;
	uint64_t *ha = ig_xmalloc((na + 1) * sizeof *ha), *hb = ig_xmalloc((nb + 1) * sizeof *hb);
	for (size_t x = 0; x < na; x++) ha[x] = m->h[oa[x]];
	for (size_t y = 0; y < nb; y++) hb[y] = i->h[ob[y]];
	ig_match *mm = NULL;
	size_t nm = ig_myers(ha, na, hb, nb, DIFF_MAX_COST, &mm);
	size_t pa = 0, pb = 0;
	for (size_t k = 0; k <= nm; k++) {
		size_t ea = k < nm ? mm[k].a_at : na, eb = k < nm ? mm[k].b_at : nb;
		/* the gap before this run: one identifier for one identifier may be a rename */
		if (cand && ea - pa == 1 && eb - pb == 1 && (m->t->tok[oa[pa]].flags & IG_TOKF_IDENT) &&
		    (i->t->tok[ob[pb]].flags & IG_TOKF_IDENT)) {
			rename_pair *r = IG_PUSH(c->a, cand->v, cand->n, cand->cap);
			r->from = ha[pa], r->to = hb[pb];
		}
		if (k == nm) break;
		for (size_t t = 0; t < mm[k].n; t++) {
			size_t x = oa[mm[k].a_at + t], y = ob[mm[k].b_at + t];
			uint8_t st = m->t->tok[x].raw != i->t->tok[y].raw ? T_SPELLING : T_MATCHED;
			if (m->h[x] != m->t->tok[x].hash) st |= T_RENAMED;
			m->state[x] = st, i->state[y] = st;
			m->mate[x] = (int32_t)y, i->mate[y] = (int32_t)x;
		}
		pa = mm[k].a_at + mm[k].n, pb = mm[k].b_at + mm[k].n;
	}
	free(mm);
	free(ha);
	free(hb);
}

static void match_all(pair_ctx *c, rename_list *cand)
{
	side *m = &c->s[0], *i = &c->s[1];
	for (size_t u = 0; u < side_nunits(m); u++) match_units(c, u, m->pair[u], cand);
	for (size_t v = 0; v < side_nunits(i); v++)
		if (i->pair[v] < 0)
			for (size_t y = i->own_at[v]; y < i->own_at[v + 1]; y++) i->state[i->own[y]] = T_CHANGED;
}

static size_t count_hash(const side *s, uint64_t h)
{
	size_t n = 0;
	for (size_t i = 0; i < side_ntok(s); i++) n += s->h[i] == h;
	return n;
}

static bool declared(const side *s, uint64_t h)
{
	for (size_t i = 0; s->t && i < s->t->n_declared; i++)
		if (s->t->declared[i] == h) return true;
	return false;
}

/* A name the model declared and the ideal renamed everywhere (every use of
 * one is a use of the other, neither occurs on the other side) changes
 * nothing: read the model's name as the ideal's and match again. */
static bool apply_renames(pair_ctx *c, const rename_list *cand)
{
	side *m = &c->s[0], *i = &c->s[1];
	bool any = false;
	for (size_t k = 0; k < cand->n; k++) {
		uint64_t x = cand->v[k].from, y = cand->v[k].to;
		if (x == y) continue;
		bool consistent = true;
		for (size_t j = 0; j < cand->n; j++)
			if ((cand->v[j].from == x) != (cand->v[j].to == y)) consistent = false;
		if (!consistent || !declared(m, x) || !declared(i, y)) continue;
		size_t nx = count_hash(m, x);
		if (!nx || nx != count_hash(i, y) || count_hash(i, x) || count_hash(m, y)) continue;
		for (size_t t = 0; t < side_ntok(m); t++)
			if (m->h[t] == x) m->h[t] = y;
		any = true;
	}
	return any;
}

/* ---- fixes ---- */

static void place_widen(ig_fix_place *p, const ig_file *f, unsigned l0, unsigned l1)
{
	if (!p->file) { p->file = f, p->line = l0, p->end_line = l1; return; }
	if (l0 < p->line) p->line = l0;
	if (l1 > p->end_line) p->end_line = l1;
}

static ig_fix *fix_new(pair_ctx *c, ig_fix_kind kind, ig_unit_kind unit)
{
	ig_fix *f = IG_PUSH(c->a, c->d->fixes, c->d->n_fixes, c->d->cap_fixes);
	f->kind = kind;
	f->unit = unit;
	return f;
}

/* Every changed token of side s in unit u joins fix `fx`. */
static size_t assign_unit(pair_ctx *c, int sd, size_t u, int32_t fx, unsigned after_line)
{
	side *s = &c->s[sd];
	size_t n = 0;
	ig_fix *f = &c->d->fixes[fx];
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++) {
		size_t t = s->own[k];
		if (!(s->state[t] & T_CHANGED) || s->fix[t] >= 0 || s->t->tok[t].line <= after_line) continue;
		s->fix[t] = fx;
		place_widen(sd ? &f->ideal : &f->model, s->f, s->t->tok[t].line, s->t->tok[t].end_line);
		n++;
	}
	if (sd) f->ideal_tokens += n;
	else f->model_tokens += n;
	return n;
}

static bool unit_has_changes(const side *s, size_t u)
{
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++)
		if (s->state[s->own[k]] & T_CHANGED) return true;
	return false;
}

static ig_fix_kind kind_for(const ig_unit *um, const ig_unit *ui)
{
	const ig_unit *u = um ? um : ui;
	if (u->kind == IG_UNIT_IMPORTS) return IG_FIX_IMPORTS_CHANGED;
	if (u->kind == IG_UNIT_RESOURCE) {
		if (!um) return IG_FIX_RESOURCE_ADDED;
		if (!ui) return IG_FIX_RESOURCE_REMOVED;
		if (um->type && ui->type && strcmp(um->type, ui->type) != 0) return IG_FIX_RESOURCE_RETYPED;
		return IG_FIX_RESOURCE_CHANGED;
	}
	if (!um) return IG_FIX_CODE_ADDED;
	if (!ui) return IG_FIX_CODE_REMOVED;
	return IG_FIX_CODE_CHANGED;
}

/* The lines of a file [l0, l1], trimmed and shortened, for a detail. */
static const char *lines_text(ig_arena *a, const ig_file *f, unsigned l0, unsigned l1)
{
	const char *s = f->text, *end = f->text + f->len;
	for (unsigned l = 1; l < l0 && s < end; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		s = nl ? nl + 1 : end;
	}
	const char *e = s;
	for (unsigned l = l0; l <= l1 && e < end; l++) {
		const char *nl = memchr(e, '\n', (size_t)(end - e));
		e = nl ? nl + 1 : end;
	}
	while (s < e && isspace((unsigned char)*s)) s++;
	while (e > s && isspace((unsigned char)e[-1])) e--;
	size_t n = (size_t)(e - s);
	if (n > 400) return ig_arena_printf(a, "%.*s ...", 400, s);
	return ig_arena_strndup(a, s, n);
}

/* A template's details: one per property (or other key) of the resource that
 * changed, "Properties.BucketEncryption". */
static const char *detail_path(const ig_token *k)
{
	if (!k->path) return NULL;
	const char *p = k->path;
	const char *dot = strchr(p, '.'); /* "Resources." */
	if (!dot) return p;
	dot = strchr(dot + 1, '.'); /* past the resource's name */
	if (!dot) return "";
	return dot + 1;
}

static size_t path_prefix_len(const char *p)
{
	/* Properties.X (two segments), else the first segment */
	const char *d1 = strpbrk(p, ".[");
	if (!d1) return strlen(p);
	if (strncmp(p, "Properties", (size_t)(d1 - p)) != 0 || *d1 != '.') return (size_t)(d1 - p);
	const char *d2 = strpbrk(d1 + 1, ".[");
	return d2 ? (size_t)(d2 - p) : strlen(p);
}

static void fix_details(pair_ctx *c, int32_t fx)
{
	ig_fix *f = &c->d->fixes[fx];
	for (int sd = 0; sd < 2; sd++) {
		side *s = &c->s[sd];
		if (!s->t || !s->t->data) continue;
		for (size_t t = 0; t < side_ntok(s); t++) {
			if (s->fix[t] != fx) continue;
			const char *p = detail_path(&s->t->tok[t]);
			if (!p) continue;
			size_t n = path_prefix_len(p);
			ig_fix_detail *dt = NULL;
			for (size_t k = 0; k < f->n_details && !dt; k++)
				if (strlen(f->details[k].path) == n && strncmp(f->details[k].path, p, n) == 0) dt = &f->details[k];
			if (!dt) {
				dt = IG_PUSH(c->a, f->details, f->n_details, f->cap_details);
				dt->path = ig_arena_strndup(c->a, p, n);
			}
			place_widen(sd ? &dt->ideal : &dt->model, s->f, s->t->tok[t].line, s->t->tok[t].end_line);
		}
	}
	for (size_t k = 0; k < f->n_details; k++) {
		ig_fix_detail *dt = &f->details[k];
		if (dt->model.file) dt->old_text = lines_text(c->a, dt->model.file, dt->model.line, dt->model.end_line);
		if (dt->ideal.file) dt->new_text = lines_text(c->a, dt->ideal.file, dt->ideal.line, dt->ideal.end_line);
	}
}

/* Where a change made only on side `from` (unit u) goes on the other side:
 * the line of the matched token just before the first change, else the
 * other side's unit's first line. */
static void anchor(pair_ctx *c, int from, size_t u, int32_t fx, const ig_unit *other_unit)
{
	side *s = &c->s[from], *o = &c->s[!from];
	ig_fix *f = &c->d->fixes[fx];
	ig_fix_place *p = from ? &f->model : &f->ideal;
	unsigned line = other_unit->line;
	int32_t last_mate = -1;
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++) {
		size_t t = s->own[k];
		if (s->fix[t] == fx) break;
		if (s->mate[t] >= 0) last_mate = s->mate[t];
	}
	if (last_mate >= 0) line = o->t->tok[last_mate].end_line;
	place_widen(p, o->f, line, line);
	p->anchor = true;
}

static unsigned last_matched_line(const side *s)
{
	unsigned l = 0;
	for (size_t t = 0; t < side_ntok(s); t++)
		if (!(s->state[t] & T_CHANGED) && s->t->tok[t].line > l) l = s->t->tok[t].line;
	return l;
}

static void make_fixes(pair_ctx *c)
{
	side *m = &c->s[0], *i = &c->s[1];
	/* a model file cut off and completed in the ideal: what lies past the
	 * last line both share is one fix, not one per unit the cut removed */
	unsigned cut[2] = {0, 0};
	int32_t trunc = -1;
	if (m->f && m->f->truncated && i->f) {
		cut[0] = last_matched_line(m), cut[1] = last_matched_line(i);
		trunc = (int32_t)c->d->n_fixes;
		ig_fix *f = fix_new(c, IG_FIX_TRUNCATED_ANSWER, IG_UNIT_TOP);
		f->model_name = m->f->path, f->ideal_name = i->f->path;
		for (int sd = 0; sd < 2; sd++)
			for (size_t u = 0; u < side_nunits(&c->s[sd]); u++) assign_unit(c, sd, u, trunc, cut[sd]);
		if (!f->model_tokens && !f->ideal_tokens) c->d->n_fixes--, trunc = -1;
	}
	for (size_t u = 0; u < side_nunits(m); u++) {
		int32_t v = m->pair[u];
		if (!unit_has_changes(m, u) && !(v >= 0 && unit_has_changes(i, (size_t)v))) continue;
		const ig_unit *um = &m->t->units[u], *ui = v >= 0 ? &i->t->units[v] : NULL;
		int32_t fx = (int32_t)c->d->n_fixes;
		ig_fix *f = fix_new(c, kind_for(um, ui), um->kind);
		f->model_name = um->name, f->model_type = um->type;
		if (ui) f->ideal_name = ui->name, f->ideal_type = ui->type;
		size_t n = assign_unit(c, 0, u, fx, 0) + (v >= 0 ? assign_unit(c, 1, (size_t)v, fx, 0) : 0);
		if (!n) { c->d->n_fixes--; continue; } /* all of it went to the cut-off fix */
		f = &c->d->fixes[fx];
		/* a side with nothing changed shows where the change goes */
		if (!f->model.file) anchor(c, 1, (size_t)v, fx, um);
		if (ui && !f->ideal.file) anchor(c, 0, u, fx, ui);
		fix_details(c, fx);
	}
	for (size_t v = 0; v < side_nunits(i); v++) {
		if (i->pair[v] >= 0 || !unit_has_changes(i, v)) continue;
		const ig_unit *ui = &i->t->units[v];
		int32_t fx = (int32_t)c->d->n_fixes;
		ig_fix *f = fix_new(c, kind_for(NULL, ui), ui->kind);
		f->ideal_name = ui->name, f->ideal_type = ui->type;
		if (!assign_unit(c, 1, v, fx, 0)) { c->d->n_fixes--; continue; }
		fix_details(c, fx);
	}
	(void)trunc;
}

/* ---- every changed line accounted for ---- */

enum { L_TOKEN = 1, L_RENAMED = 2, L_SPELLING = 4, L_IMPORT = 8 };

static uint64_t line_hash(const char *s, size_t n, bool trim)
{
	while (n && isspace((unsigned char)s[n - 1])) n--;
	if (trim)
		while (n && isspace((unsigned char)*s)) s++, n--;
	return ig_tokens_hash(s, n);
}

/* Hashes of a file's lines (index 0 is line 1); trimmed on both ends when
 * `trim` (to find a line that moved), else only at the end. */
static size_t file_lines(const ig_file *f, bool trim, uint64_t **out, uint8_t **blank)
{
	size_t n = 1;
	for (size_t k = 0; k < f->len; k++) n += f->text[k] == '\n';
	uint64_t *h = ig_xmalloc(n * sizeof *h);
	uint8_t *b = ig_xmalloc(n);
	const char *s = f->text, *end = f->text + f->len;
	for (size_t l = 0; l < n; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		h[l] = line_hash(s, (size_t)(e - s), trim);
		b[l] = 1;
		for (const char *p = s; p < e; p++)
			if (!isspace((unsigned char)*p)) { b[l] = 0; break; }
		s = nl ? nl + 1 : end;
	}
	*out = h;
	if (blank) *blank = b;
	else free(b);
	return n;
}

static bool has_hash(const uint64_t *sorted, size_t n, uint64_t h)
{
	return n && bsearch(&h, sorted, n, sizeof *sorted, cmp_u64) != NULL;
}

static void account_lines(pair_ctx *c)
{
	uint64_t *lh[2] = {NULL, NULL}, *trimmed[2] = {NULL, NULL}, *sorted[2] = {NULL, NULL};
	uint8_t *blank[2] = {NULL, NULL}, *changed[2] = {NULL, NULL};
	size_t nl[2] = {0, 0};
	for (int sd = 0; sd < 2; sd++) {
		if (!c->s[sd].f) continue;
		nl[sd] = file_lines(c->s[sd].f, false, &lh[sd], &blank[sd]);
		file_lines(c->s[sd].f, true, &trimmed[sd], NULL);
		sorted[sd] = ig_xmalloc((nl[sd] + 1) * sizeof *sorted[sd]);
		memcpy(sorted[sd], trimmed[sd], nl[sd] * sizeof *sorted[sd]);
		qsort(sorted[sd], nl[sd], sizeof *sorted[sd], cmp_u64);
		changed[sd] = ig_xmalloc(nl[sd] + 1);
		memset(changed[sd], 1, nl[sd] + 1);
	}
	if (c->s[0].f && c->s[1].f) {
		ig_match *mm = NULL;
		size_t n = ig_myers(lh[0], nl[0], lh[1], nl[1], 20000, &mm);
		for (size_t k = 0; k < n; k++)
			for (size_t t = 0; t < mm[k].n; t++) changed[0][mm[k].a_at + t] = 0, changed[1][mm[k].b_at + t] = 0;
		free(mm);
	}
	for (int sd = 0; sd < 2; sd++) {
		side *s = &c->s[sd];
		if (!s->f) continue;
		int32_t *owner = ig_xmalloc((nl[sd] + 2) * sizeof *owner);
		uint8_t *flags = ig_xmalloc(nl[sd] + 2);
		memset(flags, 0, nl[sd] + 2);
		for (size_t l = 0; l <= nl[sd] + 1; l++) owner[l] = -1;
		for (size_t t = 0; t < side_ntok(s); t++) {
			const ig_token *k = &s->t->tok[t];
			for (unsigned l = k->line; l <= k->end_line && l <= nl[sd]; l++) {
				if (s->fix[t] >= 0 && owner[l] < 0) owner[l] = s->fix[t];
				flags[l] |= L_TOKEN;
				if (s->state[t] & T_RENAMED) flags[l] |= L_RENAMED;
				if (s->state[t] & T_SPELLING) flags[l] |= L_SPELLING;
				if (k->flags & IG_TOKF_IMPORT) flags[l] |= L_IMPORT;
			}
		}
		/* a rename shows on the ideal's lines too: its tokens match renamed ones */
		for (size_t l = 1; l <= nl[sd]; l++) {
			if (!changed[sd][l - 1]) continue;
			c->d->changed_lines[sd]++;
			if (owner[l] >= 0) {
				ig_fix *f = &c->d->fixes[owner[l]];
				if (sd) f->ideal_lines++;
				else f->model_lines++;
				continue;
			}
			ig_ignore_reason r;
			if (blank[sd][l - 1]) r = IG_IGN_FORMATTING;
			else if (s->t && l <= s->t->n_lines && s->t->comment_line[l]) r = IG_IGN_COMMENT;
			else if (flags[l] & L_RENAMED) r = IG_IGN_RENAME;
			else if (flags[l] & L_SPELLING) r = IG_IGN_SPELLING;
			else if (flags[l] & L_IMPORT) r = IG_IGN_IMPORT_ORDER;
			else if ((flags[l] & L_TOKEN) && c->s[!sd].f && has_hash(sorted[!sd], nl[!sd], trimmed[sd][l - 1]))
				r = IG_IGN_REORDERED;
			else r = IG_IGN_FORMATTING;
			c->d->ignored_lines[r][sd]++;
		}
		free(owner);
		free(flags);
	}
	for (int sd = 0; sd < 2; sd++) free(lh[sd]), free(trimmed[sd]), free(sorted[sd]), free(blank[sd]), free(changed[sd]);
}

/* ---- files ---- */

static bool has_code(const ig_file *f) { return f->tokens != NULL; }

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static void diff_pair(ig_arena *a, ig_diff *d, const ig_file *fm, const ig_file *fi)
{
	pair_ctx c = {.a = a, .d = d};
	side_init(a, &c.s[0], fm);
	side_init(a, &c.s[1], fi);
	if (fm && fi) pair_units(&c);
	rename_list cand = {0};
	match_all(&c, &cand);
	if (cand.n && apply_renames(&c, &cand)) match_all(&c, NULL);
	make_fixes(&c);
	account_lines(&c);
}

static size_t file_bag(const ig_file *f, uint64_t **out)
{
	size_t n = f->tokens->n, k = 0;
	uint64_t *v = ig_xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) v[i] = f->tokens->tok[i].hash;
	if (n) qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i]) v[k++] = v[i];
	*out = v;
	return k;
}

static int fix_order(const void *x, const void *y)
{
	const ig_fix *a = x, *b = y;
	const ig_fix_place *pa = a->ideal.file ? &a->ideal : &a->model, *pb = b->ideal.file ? &b->ideal : &b->model;
	if (a->ideal.file != NULL && b->ideal.file == NULL) return -1;
	if (a->ideal.file == NULL && b->ideal.file != NULL) return 1;
	int c = strcmp(pa->file ? pa->file->path : "", pb->file ? pb->file->path : "");
	if (c) return c;
	if (pa->line != pb->line) return pa->line < pb->line ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void fix_ids(ig_diff *d)
{
	for (size_t k = 0; k < d->n_fixes; k++) {
		ig_fix *f = &d->fixes[k];
		const char *name = f->ideal_name ? f->ideal_name : f->model_name ? f->model_name : "";
		const ig_fix_place *p = f->ideal.file ? &f->ideal : &f->model;
		const char *path = p->file ? p->file->path : "";
		uint64_t h = ig_tokens_mix(ig_tokens_mix(ig_tokens_hash(name, strlen(name)), ig_tokens_hash(path, strlen(path))),
					   (uint64_t)f->kind);
		for (;;) { /* two fixes of one name and file (duplicate units): the next free id */
			snprintf(f->id, sizeof f->id, "F%08x", (unsigned)(h ^ (h >> 32)));
			bool taken = false;
			for (size_t j = 0; j < k && !taken; j++) taken = strcmp(d->fixes[j].id, f->id) == 0;
			if (!taken) break;
			h = ig_tokens_mix(h, 1);
		}
	}
}

void ig_diff_responses(ig_arena *a, const ig_response *model, const ig_response *ideal, ig_diff *out)
{
	memset(out, 0, sizeof *out);
	if (!model || !model->present) { out->note = "no model answer"; return; }
	if (!ideal || !ideal->present) { out->note = "no ideal answer"; return; }
	size_t nm = model->n_files, ni = ideal->n_files, code_m = 0, code_i = 0;
	for (size_t k = 0; k < nm; k++) code_m += has_code(&model->files[k]);
	for (size_t k = 0; k < ni; k++) code_i += has_code(&ideal->files[k]);
	if (!code_i) { out->note = "the ideal holds no code"; return; }
	if (!code_m) {
		out->note = "the model's answer holds no code";
		ig_fix *f = IG_PUSH(a, out->fixes, out->n_fixes, out->cap_fixes);
		f->kind = IG_FIX_NO_CODE;
		f->model_name = model->source;
		fix_ids(out);
		return;
	}
	int32_t *pm = ig_arena_alloc(a, (nm + 1) * sizeof *pm), *pi = ig_arena_alloc(a, (ni + 1) * sizeof *pi);
	for (size_t k = 0; k < nm; k++) pm[k] = -1;
	for (size_t k = 0; k < ni; k++) pi[k] = -1;
	/* by path, then by file name, then by content */
	for (int pass = 0; pass < 2; pass++)
		for (size_t x = 0; x < nm; x++) {
			if (pm[x] >= 0 || !has_code(&model->files[x])) continue;
			for (size_t y = 0; y < ni; y++) {
				if (pi[y] >= 0 || !has_code(&ideal->files[y])) continue;
				const char *p = model->files[x].path, *q = ideal->files[y].path;
				if (pass ? strcmp(base_name(p), base_name(q)) == 0 : strcmp(p, q) == 0) {
					pm[x] = (int32_t)y, pi[y] = (int32_t)x;
					break;
				}
			}
		}
	bag *fb_m = ig_xmalloc((nm + 1) * sizeof *fb_m), *fb_i = ig_xmalloc((ni + 1) * sizeof *fb_i);
	for (size_t x = 0; x < nm; x++) fb_m[x].v = NULL, fb_m[x].n = pm[x] < 0 && has_code(&model->files[x]) ? file_bag(&model->files[x], &fb_m[x].v) : 0;
	for (size_t y = 0; y < ni; y++) fb_i[y].v = NULL, fb_i[y].n = pi[y] < 0 && has_code(&ideal->files[y]) ? file_bag(&ideal->files[y], &fb_i[y].v) : 0;
	for (;;) {
		double best = DIFF_SIMILAR;
		size_t bx = 0, by = 0;
		bool found = false;
		for (size_t x = 0; x < nm; x++) {
			if (pm[x] >= 0 || !has_code(&model->files[x])) continue;
			for (size_t y = 0; y < ni; y++) {
				if (pi[y] >= 0 || !has_code(&ideal->files[y])) continue;
				if (model->files[x].tokens->data != ideal->files[y].tokens->data) continue;
				double j = bag_jaccard(fb_m[x].v, fb_m[x].n, fb_i[y].v, fb_i[y].n);
				if (j > best) best = j, bx = x, by = y, found = true;
			}
		}
		if (!found) break;
		pm[bx] = (int32_t)by, pi[by] = (int32_t)bx;
	}
	for (size_t x = 0; x < nm; x++) free(fb_m[x].v);
	for (size_t y = 0; y < ni; y++) free(fb_i[y].v);
	free(fb_m);
	free(fb_i);
	for (size_t x = 0; x < nm; x++) {
		if (!has_code(&model->files[x])) continue;
		diff_pair(a, out, &model->files[x], pm[x] >= 0 ? &ideal->files[pm[x]] : NULL);
		if (pm[x] >= 0) out->files_paired++;
		else out->files_model_only++;
	}
	for (size_t y = 0; y < ni; y++)
		if (has_code(&ideal->files[y]) && pi[y] < 0) {
			diff_pair(a, out, NULL, &ideal->files[y]);
			out->files_ideal_only++;
		}
	fix_ids(out);
	if (out->n_fixes > 1) qsort(out->fixes, out->n_fixes, sizeof *out->fixes, fix_order);
}
