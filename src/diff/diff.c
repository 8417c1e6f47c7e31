#include "diff/diff.h"
#include "util/myers.h"
#include "task/role.h"
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
				      "rename", "test", "superseded"};
	return r < IG_IGN_COUNT ? names[r] : "formatting";
}

/* token states */
enum { T_MATCHED = 0, T_CHANGED = 1, T_SPELLING = 2, T_RENAMED = 4, T_SUPERSEDED = 8 };

/* One side of the comparison: the code files of a response, their tokens and
 * units laid end to end (a unit's tokens stay in its file), so units pair
 * across files: a resource the ideal moved to another file is the same one. */
typedef struct {
	const ig_file **files;
	size_t n_files;
	int32_t *fpair;       /* per file: the paired file on the other side, -1 none */
	size_t *tok_at, *unit_at; /* per file: its first token and unit (n_files + 1 entries) */
	size_t n, nu;
	const ig_token **tok;
	uint32_t *tfile;      /* per token: its file */
	const ig_unit **unit;
	uint32_t *ufile;      /* per unit: its file */
	uint64_t *h;          /* compared hashes (renames applied on the model side) */
	uint8_t *state;
	int32_t *fix;         /* per token: the fix it belongs to, -1 none */
	int32_t *mate;        /* per token: the matched token on the other side, -1 none */
	int32_t *pair;        /* per unit: the paired unit on the other side, -1 none */
	uint8_t *superseded;  /* per unit: a later turn (or a later block) gives it again: not compared */
	size_t *own_at, *own; /* tokens of each unit (its own, not its children's): own[own_at[u] .. own_at[u+1]) */
} side;

typedef struct {
	ig_arena *a;
	ig_diff *d;
	side s[2];            /* [0] model, [1] ideal */
	size_t saved[IG_IGN_COUNT][2]; /* the app's ignored lines, kept while the tests are accounted */
} pair_ctx;

static const ig_file *tok_file(const side *s, size_t t) { return s->files[s->tfile[t]]; }
static const ig_file *unit_file(const side *s, size_t u) { return s->files[s->ufile[u]]; }

/* What the diff compares: the deployed app's code (iac and entry files), not
 * its tests, project files or a converted twin of a template. */
static bool has_code(const ig_file *f)
{
	return f->tokens != NULL && ig_role_app_file(f);
}

/* The tests, compared as a group of their own: reported, never fixes for the score. */
static bool is_test_code(const ig_file *f) { return f->tokens != NULL && f->role == IG_ROLE_TEST; }

static bool unit_pairable(const ig_unit *u) { return u->kind != IG_UNIT_TOP && u->kind != IG_UNIT_IMPORTS; }

/* The files of each turn replace those before (SCORING.md), and a later turn
 * often gives one resource or function again as a snippet of its own: the
 * last one given is the answer. An earlier one of the same kind and name is
 * superseded, with what it holds, and is not compared. */
static void side_supersede(ig_arena *a, side *s)
{
	s->superseded = ig_arena_alloc(a, s->nu + 1);
	for (size_t u = 0; u < s->nu; u++) {
		const ig_unit *x = s->unit[u];
		size_t first = s->unit_at[s->ufile[u]];
		if (x->parent && s->superseded[first + x->parent]) { s->superseded[u] = 1; continue; }
		if (!unit_pairable(x) || !*x->name) continue;
		int turn = unit_file(s, u)->turn;
		for (size_t w = s->unit_at[s->ufile[u] + 1]; w < s->nu; w++) /* later files only */
			if (s->unit[w]->kind == x->kind && unit_file(s, w)->turn >= turn && strcmp(s->unit[w]->name, x->name) == 0) {
				s->superseded[u] = 1;
				break;
			}
	}
}

static void side_init(ig_arena *a, side *s, const ig_response *r, bool tests)
{
	s->files = ig_arena_alloc(a, (r->n_files + 1) * sizeof *s->files);
	for (size_t i = 0; i < r->n_files; i++)
		if (tests ? is_test_code(&r->files[i]) : has_code(&r->files[i])) s->files[s->n_files++] = &r->files[i];
	s->fpair = ig_arena_alloc(a, (s->n_files + 1) * sizeof *s->fpair);
	s->tok_at = ig_arena_alloc(a, (s->n_files + 1) * sizeof *s->tok_at);
	s->unit_at = ig_arena_alloc(a, (s->n_files + 1) * sizeof *s->unit_at);
	for (size_t i = 0; i < s->n_files; i++) {
		s->fpair[i] = -1;
		s->tok_at[i + 1] = s->tok_at[i] + s->files[i]->tokens->n;
		s->unit_at[i + 1] = s->unit_at[i] + s->files[i]->tokens->n_units;
	}
	size_t n = s->n = s->tok_at[s->n_files], nu = s->nu = s->unit_at[s->n_files];
	s->tok = ig_arena_alloc(a, (n + 1) * sizeof *s->tok);
	s->tfile = ig_arena_alloc(a, (n + 1) * sizeof *s->tfile);
	s->unit = ig_arena_alloc(a, (nu + 1) * sizeof *s->unit);
	s->ufile = ig_arena_alloc(a, (nu + 1) * sizeof *s->ufile);
	s->h = ig_arena_alloc(a, (n + 1) * sizeof *s->h);
	s->state = ig_arena_alloc(a, n + 1);
	s->fix = ig_arena_alloc(a, (n + 1) * sizeof *s->fix);
	s->mate = ig_arena_alloc(a, (n + 1) * sizeof *s->mate);
	s->pair = ig_arena_alloc(a, (nu + 1) * sizeof *s->pair);
	s->own_at = ig_arena_alloc(a, (nu + 2) * sizeof *s->own_at);
	s->own = ig_arena_alloc(a, (n + 1) * sizeof *s->own);
	for (size_t f = 0; f < s->n_files; f++) {
		const ig_tokens *t = s->files[f]->tokens;
		for (size_t i = 0; i < t->n; i++) s->tok[s->tok_at[f] + i] = &t->tok[i], s->tfile[s->tok_at[f] + i] = (uint32_t)f;
		for (size_t u = 0; u < t->n_units; u++)
			s->unit[s->unit_at[f] + u] = &t->units[u], s->ufile[s->unit_at[f] + u] = (uint32_t)f;
	}
	for (size_t i = 0; i < n; i++) s->h[i] = s->tok[i]->hash, s->fix[i] = -1, s->mate[i] = -1;
	for (size_t u = 0; u < nu; u++) s->pair[u] = -1;
	for (size_t i = 0; i < n; i++) s->own_at[s->unit_at[s->tfile[i]] + s->tok[i]->unit + 1]++;
	for (size_t u = 0; u < nu; u++) s->own_at[u + 1] += s->own_at[u];
	size_t *fill = ig_arena_alloc(a, (nu + 1) * sizeof *fill);
	for (size_t i = 0; i < n; i++) {
		size_t u = s->unit_at[s->tfile[i]] + s->tok[i]->unit;
		s->own[s->own_at[u] + fill[u]++] = i;
	}
	side_supersede(a, s);
}

/* ---- unit pairing ---- */

static bool unit_same_key(const ig_unit *x, const ig_unit *y)
{
	return x->kind == y->kind && x->ordinal == y->ordinal && strcmp(x->name, y->name) == 0;
}

/* Distinct hashes of a unit's tokens, sorted (malloc'd). */
static size_t unit_bag(const side *s, size_t u, uint64_t **out)
{
	size_t n = s->own_at[u + 1] - s->own_at[u], k = 0;
	uint64_t *v = ig_xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) v[i] = s->h[s->own[s->own_at[u] + i]];
	if (n) qsort(v, n, sizeof *v, ig_hash_cmp);
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

static void pair_set(side *m, side *i, size_t u, size_t v) { m->pair[u] = (int32_t)v, i->pair[v] = (int32_t)u; }

/* Units pair in rounds, each deterministic and one-to-one: the top levels and
 * imports of paired files; the same kind and name in paired files; the same
 * kind and name anywhere (a resource moved to another file); then, among what
 * is left, the same kind with the most similar content (a renamed resource or
 * function, or the top level of a file renamed beyond recognition). */
static void pair_units(pair_ctx *c)
{
	side *m = &c->s[0], *i = &c->s[1];
	size_t nm = m->nu, ni = i->nu;
	for (size_t f = 0; f < m->n_files; f++) {
		if (m->fpair[f] < 0) continue;
		size_t g = (size_t)m->fpair[f];
		pair_set(m, i, m->unit_at[f], i->unit_at[g]);
		for (size_t u = m->unit_at[f] + 1; u < m->unit_at[f + 1]; u++)
			for (size_t v = i->unit_at[g] + 1; v < i->unit_at[g + 1]; v++)
				if (i->pair[v] < 0 && !m->superseded[u] && !i->superseded[v] && (m->unit[u]->kind == IG_UNIT_IMPORTS ? i->unit[v]->kind == IG_UNIT_IMPORTS
											 : unit_same_key(m->unit[u], i->unit[v]))) {
					pair_set(m, i, u, v);
					break;
				}
	}
	for (size_t u = 0; u < nm; u++) {
		if (m->pair[u] >= 0 || m->superseded[u] || !unit_pairable(m->unit[u])) continue;
		for (size_t v = 0; v < ni; v++)
			if (i->pair[v] < 0 && !i->superseded[v] && i->unit[v]->kind == m->unit[u]->kind && strcmp(i->unit[v]->name, m->unit[u]->name) == 0) {
				pair_set(m, i, u, v);
				break;
			}
	}
	size_t left_m = 0, left_i = 0;
	for (size_t u = 0; u < nm; u++) left_m += m->pair[u] < 0;
	for (size_t v = 0; v < ni; v++) left_i += i->pair[v] < 0;
	if (!left_m || !left_i) return;
	bag *bm = ig_xmalloc((nm + 1) * sizeof *bm), *bi = ig_xmalloc((ni + 1) * sizeof *bi);
	for (size_t u = 0; u < nm; u++) bm[u].v = NULL, bm[u].n = m->pair[u] < 0 && !m->superseded[u] ? unit_bag(m, u, &bm[u].v) : 0;
	for (size_t v = 0; v < ni; v++) bi[v].v = NULL, bi[v].n = i->pair[v] < 0 && !i->superseded[v] ? unit_bag(i, v, &bi[v].v) : 0;
	for (;;) {
		double best = DIFF_SIMILAR;
		size_t bu = 0, bv = 0;
		bool found = false;
		for (size_t u = 0; u < nm; u++) {
			if (m->pair[u] >= 0 || !bm[u].n) continue;
			for (size_t v = 0; v < ni; v++) {
				if (i->pair[v] >= 0 || i->unit[v]->kind != m->unit[u]->kind || !bi[v].n) continue;
				double j = bag_jaccard(bm[u].v, bm[u].n, bi[v].v, bi[v].n);
				if (j > best) best = j, bu = u, bv = v, found = true;
			}
		}
		if (!found) break;
		pair_set(m, i, bu, bv);
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
			if (!used[y] && i->h[ob[y]] == m->h[oa[x]]) {
				used[y] = 1, m->state[oa[x]] = T_MATCHED;
				m->mate[oa[x]] = (int32_t)ob[y], i->mate[ob[y]] = (int32_t)oa[x];
				break;
			}
	}
	for (size_t y = 0; y < nb; y++) i->state[ob[y]] = used[y] ? T_MATCHED : T_CHANGED;
	free(used);
}

/* Diff one unit pair (or a unit against nothing); collect identifier-for-
 * identifier replacements, the candidates for a rename. */
static void match_units(pair_ctx *c, size_t u, int32_t v, rename_list *cand)
{
	side *m = &c->s[0], *i = &c->s[1];
	size_t na = m->own_at[u + 1] - m->own_at[u];
	const size_t *oa = m->own + m->own_at[u];
	for (size_t x = 0; x < na; x++) m->state[oa[x]] = T_CHANGED, m->mate[oa[x]] = -1;
	if (v < 0) return;
	size_t nb = i->own_at[(size_t)v + 1] - i->own_at[(size_t)v];
	const size_t *ob = i->own + i->own_at[(size_t)v];
	for (size_t y = 0; y < nb; y++) i->state[ob[y]] = T_CHANGED, i->mate[ob[y]] = -1;
	if (m->unit[u]->kind == IG_UNIT_IMPORTS) { match_imports(c, u, (size_t)v); return; }
	uint64_t *ha = ig_xmalloc((na + 1) * sizeof *ha), *hb = ig_xmalloc((nb + 1) * sizeof *hb);
	for (size_t x = 0; x < na; x++) ha[x] = m->h[oa[x]];
	for (size_t y = 0; y < nb; y++) hb[y] = i->h[ob[y]];
	ig_match *mm = NULL;
	size_t nm = ig_myers_discarding(ha, na, hb, nb, DIFF_MAX_COST, &mm);
	size_t pa = 0, pb = 0;
	for (size_t k = 0; k <= nm; k++) {
		size_t ea = k < nm ? mm[k].a_at : na, eb = k < nm ? mm[k].b_at : nb;
		/* the gap before this run: one identifier for one identifier may be a rename */
		if (cand && ea - pa == 1 && eb - pb == 1 && (m->tok[oa[pa]]->flags & IG_TOKF_IDENT) &&
		    (i->tok[ob[pb]]->flags & IG_TOKF_IDENT)) {
			rename_pair *r = IG_PUSH(c->a, cand->v, cand->n, cand->cap);
			r->from = ha[pa], r->to = hb[pb];
		}
		if (k == nm) break;
		for (size_t t = 0; t < mm[k].n; t++) {
			size_t x = oa[mm[k].a_at + t], y = ob[mm[k].b_at + t];
			uint8_t st = m->tok[x]->raw != i->tok[y]->raw ? T_SPELLING : T_MATCHED;
			if (m->h[x] != m->tok[x]->hash) st |= T_RENAMED;
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
	for (size_t u = 0; u < m->nu; u++) match_units(c, u, m->pair[u], cand);
	for (size_t v = 0; v < i->nu; v++)
		if (i->pair[v] < 0)
			for (size_t y = i->own_at[v]; y < i->own_at[v + 1]; y++) i->state[i->own[y]] = T_CHANGED, i->mate[i->own[y]] = -1;
	for (int sd = 0; sd < 2; sd++)
		for (size_t u = 0; u < c->s[sd].nu; u++)
			if (c->s[sd].superseded[u])
				for (size_t k = c->s[sd].own_at[u]; k < c->s[sd].own_at[u + 1]; k++) c->s[sd].state[c->s[sd].own[k]] = T_SUPERSEDED;
}

static size_t count_hash(const side *s, uint64_t h)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) n += s->h[i] == h;
	return n;
}

static bool declared(const side *s, uint64_t h)
{
	for (size_t f = 0; f < s->n_files; f++) {
		const ig_tokens *t = s->files[f]->tokens;
		for (size_t i = 0; i < t->n_declared; i++)
			if (t->declared[i] == h) return true;
	}
	return false;
}

static int cmp_rename(const void *x, const void *y)
{
	const rename_pair *a = x, *b = y;
	if (a->from != b->from) return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

/* A name the model declared and the ideal renamed everywhere (every use of
 * one is a use of the other, neither occurs on the other side) changes
 * nothing: read the model's name as the ideal's and match again. */
static bool apply_renames(pair_ctx *c, rename_list *cand)
{
	side *m = &c->s[0], *i = &c->s[1];
	bool any = false;
	qsort(cand->v, cand->n, sizeof *cand->v, cmp_rename);
	for (size_t k = 0; k < cand->n; k++) {
		uint64_t x = cand->v[k].from, y = cand->v[k].to;
		if (x == y || (k && cand->v[k - 1].from == x && cand->v[k - 1].to == y)) continue;
		bool consistent = true;
		for (size_t j = 0; j < cand->n && consistent; j++)
			if ((cand->v[j].from == x) != (cand->v[j].to == y)) consistent = false;
		if (!consistent || !declared(m, x) || !declared(i, y)) continue;
		size_t nx = count_hash(m, x);
		if (!nx || nx != count_hash(i, y) || count_hash(i, x) || count_hash(m, y)) continue;
		for (size_t t = 0; t < m->n; t++)
			if (m->h[t] == x) m->h[t] = y;
		any = true;
	}
	return any;
}

/* ---- fixes ---- */

static void place_widen(ig_fix_place *p, const ig_file *f, unsigned l0, unsigned l1)
{
	if (!p->file) { p->file = f, p->line = l0, p->end_line = l1; return; }
	if (p->file != f) return; /* a fix's place stays in one file: its first */
	if (l0 < p->line) p->line = l0;
	if (l1 > p->end_line) p->end_line = l1;
}

static int32_t fix_new(pair_ctx *c, ig_fix_kind kind, ig_unit_kind unit)
{
	ig_fix *f = IG_PUSH(c->a, c->d->fixes, c->d->n_fixes, c->d->cap_fixes);
	f->kind = kind;
	f->unit = unit;
	return (int32_t)(c->d->n_fixes - 1);
}

/* The changed tokens of side sd in unit u (those of file `only` past line
 * `after`, when only >= 0) join fix fx. */
static size_t assign_unit(pair_ctx *c, int sd, size_t u, int32_t fx, int only, unsigned after)
{
	side *s = &c->s[sd];
	size_t n = 0;
	ig_fix *f = &c->d->fixes[fx];
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++) {
		size_t t = s->own[k];
		if (!(s->state[t] & T_CHANGED) || s->fix[t] >= 0) continue;
		if (only >= 0 && ((int)s->tfile[t] != only || s->tok[t]->line <= after)) continue;
		s->fix[t] = fx;
		place_widen(sd ? &f->ideal : &f->model, tok_file(s, t), s->tok[t]->line, s->tok[t]->end_line);
		n++;
	}
	if (sd) f->ideal_tokens += n;
	else f->model_tokens += n;
	return n;
}

static bool unit_has_changes(const side *s, size_t u)
{
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++)
		if ((s->state[s->own[k]] & T_CHANGED) && s->fix[s->own[k]] < 0) return true;
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

const char *ig_diff_lines_text(ig_arena *a, const ig_file *f, unsigned l0, unsigned l1)
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
	if (f->unit != IG_UNIT_RESOURCE || f->kind == IG_FIX_RESOURCE_ADDED || f->kind == IG_FIX_RESOURCE_REMOVED) return;
	for (int sd = 0; sd < 2; sd++) {
		side *s = &c->s[sd];
		for (size_t t = 0; t < s->n; t++) {
			if (s->fix[t] != fx || !tok_file(s, t)->tokens->data) continue;
			const char *p = detail_path(s->tok[t]);
			if (!p || !*p) continue;
			size_t n = path_prefix_len(p);
			ig_fix_detail *dt = NULL;
			for (size_t k = 0; k < f->n_details && !dt; k++)
				if (strlen(f->details[k].path) == n && strncmp(f->details[k].path, p, n) == 0) dt = &f->details[k];
			if (!dt) {
				dt = IG_PUSH(c->a, f->details, f->n_details, f->cap_details);
				dt->path = ig_arena_strndup(c->a, p, n);
			}
			place_widen(sd ? &dt->ideal : &dt->model, tok_file(s, t), s->tok[t]->line, s->tok[t]->end_line);
		}
	}
	for (size_t k = 0; k < f->n_details; k++) {
		ig_fix_detail *dt = &f->details[k];
		if (dt->model.file) dt->old_text = ig_diff_lines_text(c->a, dt->model.file, dt->model.line, dt->model.end_line);
		if (dt->ideal.file) dt->new_text = ig_diff_lines_text(c->a, dt->ideal.file, dt->ideal.line, dt->ideal.end_line);
	}
}

/* Where a change made only on side `from` (unit u) goes on the other side:
 * the line of the matched token just before the first change, else the
 * other side's unit's first line. */
static void anchor(pair_ctx *c, int from, size_t u, int32_t fx, size_t other_u)
{
	side *s = &c->s[from], *o = &c->s[!from];
	ig_fix *f = &c->d->fixes[fx];
	ig_fix_place *p = from ? &f->model : &f->ideal;
	const ig_file *file = unit_file(o, other_u);
	unsigned line = o->unit[other_u]->line;
	int32_t last_mate = -1;
	for (size_t k = s->own_at[u]; k < s->own_at[u + 1]; k++) {
		size_t t = s->own[k];
		if (s->fix[t] == fx) break;
		if (s->mate[t] >= 0) last_mate = s->mate[t];
	}
	if (last_mate >= 0) line = o->tok[last_mate]->end_line, file = tok_file(o, (size_t)last_mate);
	place_widen(p, file, line, line);
	p->anchor = true;
}

static unsigned last_matched_line(const side *s, size_t file)
{
	unsigned l = 0;
	for (size_t t = s->tok_at[file]; t < s->tok_at[file + 1]; t++)
		if (!(s->state[t] & T_CHANGED) && s->tok[t]->line > l) l = s->tok[t]->line;
	return l;
}

/* Outputs, parameters, variables added or removed together are one fix per
 * section ("Outputs", "variable"), not one per entry. */
static const char *section_of(ig_arena *a, const char *name)
{
	const char *dot = strchr(name, '.');
	return dot ? ig_arena_strndup(a, name, (size_t)(dot - name)) : name;
}

/* The imports of a file only one side has belong with that file's top level:
 * the fix already made for it, or -1. */
static int32_t file_top_fix(const side *s, size_t u)
{
	size_t f = s->ufile[u], top = s->unit_at[f];
	if (s->unit[u]->kind != IG_UNIT_IMPORTS || s->fpair[f] >= 0) return -1;
	for (size_t k = s->own_at[top]; k < s->own_at[top + 1]; k++)
		if (s->fix[s->own[k]] >= 0) return s->fix[s->own[k]];
	return -1;
}

/* The fix for entries of section `sec` only side sd has (added in the ideal,
 * removed from the model): made once, then shared. */
static int32_t section_fix(pair_ctx *c, int sd, const char *sec)
{
	ig_fix_kind kind = sd ? IG_FIX_CODE_ADDED : IG_FIX_CODE_REMOVED;
	for (size_t k = 0; k < c->d->n_fixes; k++) {
		const ig_fix *x = &c->d->fixes[k];
		const char *name = sd ? x->ideal_name : x->model_name;
		if (x->kind == kind && x->unit == IG_UNIT_SECTION && name && strcmp(name, sec) == 0) return (int32_t)k;
	}
	int32_t fx = fix_new(c, kind, IG_UNIT_SECTION);
	if (sd) c->d->fixes[fx].ideal_name = sec;
	else c->d->fixes[fx].model_name = sec;
	return fx;
}

static void make_fixes(pair_ctx *c)
{
	side *m = &c->s[0], *i = &c->s[1];
	/* a model file cut off and completed in the ideal: what lies past the
	 * last line both share is one fix, not one per unit the cut removed */
	for (size_t f = 0; f < m->n_files; f++) {
		if (!m->files[f]->truncated || m->fpair[f] < 0) continue;
		size_t g = (size_t)m->fpair[f];
		unsigned cut_m = last_matched_line(m, f), cut_i = last_matched_line(i, g);
		int32_t fx = fix_new(c, IG_FIX_TRUNCATED_ANSWER, IG_UNIT_TOP);
		c->d->fixes[fx].model_name = m->files[f]->path, c->d->fixes[fx].ideal_name = i->files[g]->path;
		size_t n = 0;
		for (size_t u = 0; u < m->nu; u++) n += assign_unit(c, 0, u, fx, (int)f, cut_m);
		for (size_t v = 0; v < i->nu; v++) n += assign_unit(c, 1, v, fx, (int)g, cut_i);
		if (!n) c->d->n_fixes--;
	}
	for (size_t u = 0; u < m->nu; u++) {
		int32_t v = m->pair[u];
		if (!unit_has_changes(m, u) && !(v >= 0 && unit_has_changes(i, (size_t)v))) continue;
		const ig_unit *um = m->unit[u], *ui = v >= 0 ? i->unit[v] : NULL;
		int32_t fx = v < 0 ? file_top_fix(m, u) : -1;
		if (fx >= 0) { assign_unit(c, 0, u, fx, -1, 0); continue; }
		if (!ui && um->kind == IG_UNIT_SECTION) { /* removed: one fix per section */
			assign_unit(c, 0, u, section_fix(c, 0, section_of(c->a, um->name)), -1, 0);
			continue;
		}
		fx = fix_new(c, kind_for(um, ui), um->kind);
		ig_fix *f = &c->d->fixes[fx];
		f->model_name = um->name, f->model_type = um->type, f->service = um->service;
		if (ui) f->ideal_name = ui->name, f->ideal_type = ui->type, f->service = ui->service ? ui->service : um->service;
		size_t n = assign_unit(c, 0, u, fx, -1, 0) + (v >= 0 ? assign_unit(c, 1, (size_t)v, fx, -1, 0) : 0);
		if (!n) { c->d->n_fixes--; continue; }
		f = &c->d->fixes[fx];
		/* a side with nothing changed shows where the change goes */
		if (!f->model.file) anchor(c, 1, (size_t)v, fx, u);
		if (ui && !f->ideal.file) anchor(c, 0, u, fx, (size_t)v);
		fix_details(c, fx);
	}
	for (size_t v = 0; v < i->nu; v++) {
		if (i->pair[v] >= 0 || !unit_has_changes(i, v)) continue;
		const ig_unit *ui = i->unit[v];
		int32_t fx = file_top_fix(i, v);
		if (fx >= 0) { assign_unit(c, 1, v, fx, -1, 0); continue; }
		if (ui->kind == IG_UNIT_SECTION) { /* added: one fix per section */
			assign_unit(c, 1, v, section_fix(c, 1, section_of(c->a, ui->name)), -1, 0);
			continue;
		}
		fx = fix_new(c, kind_for(NULL, ui), ui->kind);
		c->d->fixes[fx].ideal_name = ui->name, c->d->fixes[fx].ideal_type = ui->type, c->d->fixes[fx].service = ui->service;
		if (!assign_unit(c, 1, v, fx, -1, 0)) { c->d->n_fixes--; continue; }
		fix_details(c, fx);
	}
}

/* ---- every changed line accounted for ---- */

enum { L_TOKEN = 1, L_RENAMED = 2, L_SPELLING = 4, L_IMPORT = 8, L_SUPERSEDED = 16 };

/* A line's hash, its end's whitespace aside. */
static uint64_t line_hash(const char *s, size_t n)
{
	while (n && isspace((unsigned char)s[n - 1])) n--;
	return ig_tokens_hash(s, n);
}

/* A file's lines (index 0 is line 1), hashed once for the line accounting:
 * as written (end trimmed), trimmed on both ends (to find a line that
 * moved), and whether the line is blank. */
typedef struct {
	size_t n;
	uint64_t *hash, *trimmed;
	uint8_t *blank;
} file_lines;

static void file_lines_read(const ig_file *f, file_lines *fl)
{
	size_t n = 1;
	for (size_t k = 0; k < f->len; k++) n += f->text[k] == '\n';
	fl->n = n;
	fl->hash = ig_xmalloc(n * sizeof *fl->hash);
	fl->trimmed = ig_xmalloc(n * sizeof *fl->trimmed);
	fl->blank = ig_xmalloc(n);
	const char *s = f->text, *end = f->text + f->len;
	for (size_t l = 0; l < n; l++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		fl->hash[l] = line_hash(s, (size_t)(e - s));
		const char *p = s;
		while (p < e && isspace((unsigned char)*p)) p++;
		fl->blank[l] = p == e;
		fl->trimmed[l] = line_hash(p, (size_t)(e - p));
		s = nl ? nl + 1 : end;
	}
}

static void file_lines_free(file_lines *fl)
{
	free(fl->hash);
	free(fl->trimmed);
	free(fl->blank);
}

/* Every line of every file of a side, trimmed, sorted: was a line moved? */
static size_t side_line_set(const file_lines *lines, size_t n_files, uint64_t **out)
{
	size_t total = 0, k = 0;
	for (size_t f = 0; f < n_files; f++) total += lines[f].n;
	uint64_t *all = ig_xmalloc((total + 1) * sizeof *all);
	for (size_t f = 0; f < n_files; f++) {
		memcpy(all + k, lines[f].trimmed, lines[f].n * sizeof *all);
		k += lines[f].n;
	}
	if (total) qsort(all, total, sizeof *all, ig_hash_cmp);
	*out = all;
	return total;
}

static bool has_hash(const uint64_t *sorted, size_t n, uint64_t h)
{
	return n && bsearch(&h, sorted, n, sizeof *sorted, ig_hash_cmp) != NULL;
}

/* The changed lines of file fi of side sd (against its pair, else all of
 * them): each belongs to the fix of its first changed token, or is counted
 * under the reason it is not a fix. */
static bool syntax_line(const ig_file *f, unsigned line)
{
	for (size_t k = 0; k < f->parse.n_errors; k++)
		if (f->parse.errors[k].line == line) return true;
	return false;
}

/* The fix for the syntax errors of model file fi (one per file), widened to
 * line l; its ideal side is where that line's neighbourhood is in the ideal. */
static int32_t syntax_fix(pair_ctx *c, size_t fi, unsigned l, unsigned ideal_line)
{
	const ig_file *f = c->s[0].files[fi];
	for (size_t k = 0; k < c->d->n_fixes; k++) {
		ig_fix *x = &c->d->fixes[k];
		if (x->kind == IG_FIX_CODE_CHANGED && x->unit == IG_UNIT_TOP && x->model.file == f && x->model_name &&
		    strcmp(x->model_name, "syntax error") == 0) {
			place_widen(&x->model, f, l, l);
			return (int32_t)k;
		}
	}
	int32_t fx = fix_new(c, IG_FIX_CODE_CHANGED, IG_UNIT_TOP);
	ig_fix *x = &c->d->fixes[fx];
	x->model_name = x->ideal_name = "syntax error";
	place_widen(&x->model, f, l, l);
	if (c->s[0].fpair[fi] >= 0) {
		place_widen(&x->ideal, c->s[1].files[c->s[0].fpair[fi]], ideal_line ? ideal_line : 1, ideal_line ? ideal_line : 1);
		x->ideal.anchor = true;
	}
	return fx;
}

static void account_file(pair_ctx *c, int sd, size_t fi, file_lines *const lines[2], const uint64_t *other_lines,
			 size_t n_other)
{
	side *s = &c->s[sd];
	const ig_file *f = s->files[fi];
	const file_lines *fl = &lines[sd][fi];
	const uint64_t *lh = fl->hash, *trimmed = fl->trimmed;
	const uint8_t *blank = fl->blank;
	size_t nl = fl->n;
	uint8_t *changed = ig_xmalloc(nl + 1);
	memset(changed, 1, nl + 1);
	unsigned *other_at = ig_xmalloc((nl + 1) * sizeof *other_at); /* the other file's line matched at or before */
	memset(other_at, 0, (nl + 1) * sizeof *other_at);
	if (s->fpair[fi] >= 0) {
		const file_lines *ol = &lines[!sd][s->fpair[fi]];
		const uint64_t *oh = ol->hash;
		size_t on = ol->n;
		ig_match *mm = NULL;
		size_t n = sd ? ig_myers_discarding(oh, on, lh, nl, 20000, &mm) : ig_myers_discarding(lh, nl, oh, on, 20000, &mm);
		for (size_t k = 0; k < n; k++)
			for (size_t t = 0; t < mm[k].n; t++) {
				size_t here = sd ? mm[k].b_at + t : mm[k].a_at + t, there = sd ? mm[k].a_at + t : mm[k].b_at + t;
				changed[here] = 0;
				other_at[here] = (unsigned)there + 1;
			}
		for (size_t l = 1; l < nl; l++)
			if (!other_at[l]) other_at[l] = other_at[l - 1];
		free(mm);
	}
	int32_t *owner = ig_xmalloc((nl + 2) * sizeof *owner);
	uint8_t *flags = ig_xmalloc(nl + 2);
	memset(flags, 0, nl + 2);
	for (size_t l = 0; l <= nl + 1; l++) owner[l] = -1;
	for (size_t t = s->tok_at[fi]; t < s->tok_at[fi + 1]; t++) {
		const ig_token *k = s->tok[t];
		for (unsigned l = k->line; l <= k->end_line && l <= nl; l++) {
			if (s->fix[t] >= 0 && owner[l] < 0) owner[l] = s->fix[t];
			flags[l] |= L_TOKEN;
			if (s->state[t] & T_RENAMED) flags[l] |= L_RENAMED;
			if (s->state[t] & T_SPELLING) flags[l] |= L_SPELLING;
			if (s->state[t] & T_SUPERSEDED) flags[l] |= L_SUPERSEDED;
			if (k->flags & IG_TOKF_IMPORT) flags[l] |= L_IMPORT;
		}
	}
	const ig_tokens *tk = f->tokens;
	for (size_t l = 1; l <= nl; l++) {
		if (!changed[l - 1]) continue;
		c->d->changed_lines[sd]++;
		if (owner[l] >= 0) {
			ig_fix *fx = &c->d->fixes[owner[l]];
			if (sd) fx->ideal_lines++;
			else fx->model_lines++;
			continue;
		}
		if (!sd && syntax_line(f, (unsigned)l)) {
			/* the model's code did not parse here and the ideal's does: whatever
			 * the tokens say, that line is a fix */
			int32_t fx = syntax_fix(c, fi, (unsigned)l, other_at[l - 1]);
			c->d->fixes[fx].model_lines++;
			continue;
		}
		ig_ignore_reason r;
		if (flags[l] & L_SUPERSEDED) r = IG_IGN_SUPERSEDED;
		else if (blank[l - 1]) r = IG_IGN_FORMATTING;
		else if (l <= tk->n_lines && tk->comment_line[l]) r = IG_IGN_COMMENT;
		else if (flags[l] & L_RENAMED) r = IG_IGN_RENAME;
		else if (flags[l] & L_SPELLING) r = IG_IGN_SPELLING;
		else if (flags[l] & L_IMPORT) r = IG_IGN_IMPORT_ORDER;
		else if ((flags[l] & L_TOKEN) && has_hash(other_lines, n_other, trimmed[l - 1])) r = IG_IGN_REORDERED;
		else r = IG_IGN_FORMATTING;
		c->d->ignored_lines[r][sd]++;
	}
	free(owner);
	free(flags);
	free(other_at);
	free(changed);
}

static void account_lines(pair_ctx *c)
{
	file_lines *lines[2];
	uint64_t *set[2];
	size_t n[2];
	for (int sd = 0; sd < 2; sd++) {
		lines[sd] = ig_xmalloc((c->s[sd].n_files + 1) * sizeof *lines[sd]);
		for (size_t f = 0; f < c->s[sd].n_files; f++) file_lines_read(c->s[sd].files[f], &lines[sd][f]);
		n[sd] = side_line_set(lines[sd], c->s[sd].n_files, &set[sd]);
	}
	for (int sd = 0; sd < 2; sd++)
		for (size_t f = 0; f < c->s[sd].n_files; f++) account_file(c, sd, f, lines, set[!sd], n[!sd]);
	for (int sd = 0; sd < 2; sd++) {
		for (size_t f = 0; f < c->s[sd].n_files; f++) file_lines_free(&lines[sd][f]);
		free(lines[sd]);
		free(set[sd]);
	}
}

/* ---- files ---- */

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static size_t file_bag(const ig_file *f, uint64_t **out)
{
	size_t n = f->tokens->n, k = 0;
	uint64_t *v = ig_xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) v[i] = f->tokens->tok[i].hash;
	if (n) qsort(v, n, sizeof *v, ig_hash_cmp);
	for (size_t i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i]) v[k++] = v[i];
	*out = v;
	return k;
}

/* Files pair by path, then by file name, then by content (a file renamed or
 * moved), each one-to-one. */
static void pair_files(side *m, side *i)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t x = 0; x < m->n_files; x++) {
			if (m->fpair[x] >= 0) continue;
			for (size_t y = 0; y < i->n_files; y++) {
				if (i->fpair[y] >= 0) continue;
				const char *p = m->files[x]->path, *q = i->files[y]->path;
				if (pass ? strcmp(base_name(p), base_name(q)) == 0 : strcmp(p, q) == 0) {
					m->fpair[x] = (int32_t)y, i->fpair[y] = (int32_t)x;
					break;
				}
			}
		}
	bag *bm = ig_xmalloc((m->n_files + 1) * sizeof *bm), *bi = ig_xmalloc((i->n_files + 1) * sizeof *bi);
	for (size_t x = 0; x < m->n_files; x++) bm[x].v = NULL, bm[x].n = m->fpair[x] < 0 ? file_bag(m->files[x], &bm[x].v) : 0;
	for (size_t y = 0; y < i->n_files; y++) bi[y].v = NULL, bi[y].n = i->fpair[y] < 0 ? file_bag(i->files[y], &bi[y].v) : 0;
	for (;;) {
		double best = DIFF_SIMILAR;
		size_t bx = 0, by = 0;
		bool found = false;
		for (size_t x = 0; x < m->n_files; x++) {
			if (m->fpair[x] >= 0) continue;
			for (size_t y = 0; y < i->n_files; y++) {
				if (i->fpair[y] >= 0 || m->files[x]->tokens->data != i->files[y]->tokens->data) continue;
				double j = bag_jaccard(bm[x].v, bm[x].n, bi[y].v, bi[y].n);
				if (j > best) best = j, bx = x, by = y, found = true;
			}
		}
		if (!found) break;
		m->fpair[bx] = (int32_t)by, i->fpair[by] = (int32_t)bx;
	}
	for (size_t x = 0; x < m->n_files; x++) free(bm[x].v);
	for (size_t y = 0; y < i->n_files; y++) free(bi[y].v);
	free(bm);
	free(bi);
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

/* Pair, match and make the fixes of one group of files (the app, or the tests). */
static void diff_group(pair_ctx *c, bool tests)
{
	ig_diff *out = c->d;
	size_t first = out->n_fixes;
	pair_files(&c->s[0], &c->s[1]);
	if (!tests) {
		for (size_t x = 0; x < c->s[0].n_files; x++) {
			if (c->s[0].fpair[x] >= 0) out->files_paired++;
			else out->files_model_only++;
		}
		for (size_t y = 0; y < c->s[1].n_files; y++) out->files_ideal_only += c->s[1].fpair[y] < 0;
	}
	pair_units(c);
	rename_list cand = {0};
	match_all(c, &cand);
	if (cand.n && apply_renames(c, &cand)) match_all(c, NULL);
	make_fixes(c);
	for (size_t k = first; k < out->n_fixes; k++) out->fixes[k].test = tests;
	if (tests) { /* their lines: counted under `test`, not as fixes */
		size_t before[2] = {out->changed_lines[0], out->changed_lines[1]};
		account_lines(c);
		for (int sd = 0; sd < 2; sd++) out->ignored_lines[IG_IGN_TEST][sd] += out->changed_lines[sd] - before[sd];
		for (size_t k = first; k < out->n_fixes; k++) out->fixes[k].model_lines = out->fixes[k].ideal_lines = 0;
		for (int r = 0; r < IG_IGN_COUNT; r++)
			if (r != IG_IGN_TEST) out->ignored_lines[r][0] = c->saved[r][0], out->ignored_lines[r][1] = c->saved[r][1];
	} else {
		account_lines(c);
	}
}

/* The ideal's tests read for their imports only (ig_file.imports_only: the
 * model's answer has no test): each one added file, every line of it changed
 * and counted under `test`, as an unpaired test file's lines are. */
static void added_test_files(pair_ctx *c, const ig_response *ideal)
{
	for (size_t i = 0; i < ideal->n_files; i++) {
		const ig_file *f = &ideal->files[i];
		if (!f->imports_only || f->role != IG_ROLE_TEST) continue;
		size_t last = ig_text_lines(f->text, f->len);
		/* changed lines as file_lines_read counts them: a last newline opens an empty line */
		size_t lines = last + (!f->len || f->text[f->len - 1] == '\n');
		int32_t fx = fix_new(c, IG_FIX_CODE_ADDED, IG_UNIT_TOP);
		ig_fix *x = &c->d->fixes[fx];
		x->ideal_name = "";
		x->test = true;
		x->ideal = (ig_fix_place){.file = f, .line = 1, .end_line = last ? (unsigned)last : 1};
		c->d->changed_lines[1] += lines;
		c->d->ignored_lines[IG_IGN_TEST][1] += lines;
	}
}

void ig_diff_responses(ig_arena *a, const ig_response *model, const ig_response *ideal, ig_diff *out)
{
	memset(out, 0, sizeof *out);
	if (!model || !model->present) { out->note = "no model answer"; return; }
	if (!ideal || !ideal->present) { out->note = "no ideal answer"; return; }
	pair_ctx c = {.a = a, .d = out};
	side_init(a, &c.s[0], model, false);
	side_init(a, &c.s[1], ideal, false);
	if (!c.s[1].n_files) { out->note = "the ideal holds no code"; return; }
	if (!c.s[0].n_files) {
		out->note = "the model's answer holds no code";
		int32_t fx = fix_new(&c, IG_FIX_NO_CODE, IG_UNIT_TOP);
		out->fixes[fx].model_name = model->source;
		fix_ids(out);
		return;
	}
	diff_group(&c, false);
	pair_ctx t = {.a = a, .d = out};
	side_init(a, &t.s[0], model, true);
	side_init(a, &t.s[1], ideal, true);
	if (t.s[0].n_files || t.s[1].n_files) {
		memcpy(t.saved, out->ignored_lines, sizeof t.saved);
		diff_group(&t, true);
	}
	added_test_files(&t, ideal);
	fix_ids(out);
	if (out->n_fixes > 1) qsort(out->fixes, out->n_fixes, sizeof *out->fixes, fix_order);
}
