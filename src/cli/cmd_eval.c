/* iacgrade eval ROOT...: accuracy of platform, language and service detection
 * against metadata.json, the distribution of the review's own score, and its
 * agreement with metadata.json training_quality. Compared here only, to
 * measure: detection never reads metadata.json, and the review (detection,
 * fixes, score) never uses training_quality. */
#include "cli/cli.h"
#include "cli/progress.h"
#include "cli/review.h"
#include "detect/detect.h"
#include "task/find.h"
#include "task/load.h"
#include "util/buf.h"
#include "util/jsonw.h"
#include "util/pool.h"
#include "util/strmap.h"
#include "util/strutil.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EVAL_MAX_SVC 64
#define EVAL_MAX_GROUPS 64
#define EVAL_MAX_SCORE 10
#define EVAL_APPROVED 8   /* the score's approval line, docs/scoring.md */

/* score.status: complete, or why not (the diff's notes, src/diff/diff.c) */
enum { EVAL_ST_COMPLETE, EVAL_ST_NO_MODEL, EVAL_ST_MODEL_NO_CODE, EVAL_ST_NO_IDEAL, EVAL_ST_IDEAL_NO_CODE, EVAL_ST_OTHER, EVAL_N_ST };
static const struct { const char *reason, *key, *head; } eval__st[EVAL_N_ST] = {
	{NULL, "complete", "complete"},
	{"no model answer", "no_model_answer", "no-model"},
	{"the model's answer holds no code", "model_no_code", "no-code"},
	{"no ideal answer", "no_ideal_answer", "no-ideal"},
	{"the ideal holds no code", "ideal_no_code", "ideal-nc"},
	{NULL, "other", "other"},
};
static const char *const eval__half_name[2] = {"tune", "held-out"};
static const char *const eval__half_key[2] = {"tune", "held_out"};

typedef struct {
	bool loaded, has_meta;
	int half;                 /* 0 tune (even hash of the folder name), 1 held out */
	char group[48];           /* declared platform-language */
	bool plat_ok, lang_ok;
	char detected[48];
	int n_declared, n_detected, n_match, n_unfolded;
	char *missed;             /* tune half only: "spelling -> folded" lines not found (malloc'd) */
	int status;               /* EVAL_ST_*: score.status and its reason */
	int score;                /* score.value, when complete */
	bool has_label;           /* metadata.json training_quality usable */
	double label;
} eval_row;

typedef struct {
	const ig_task_list *list;
	eval_row *rows;
	ig_progress progress;
} eval_ctx;

static const char *eval__base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

int ig_eval_half(const char *dir)
{
	const char *b = eval__base(dir);
	return (int)(ig_hash(b, strlen(b)) & 1);
}

static bool eval__lang_eq(ig_lang a, ig_lang b)
{
	if (a == IG_LANG_TSX) a = IG_LANG_TS;
	if (b == IG_LANG_TSX) b = IG_LANG_TS;
	return a == b;
}

static int eval__status(const ig_score *s)
{
	if (s->complete) return s->value >= 0 && s->value <= EVAL_MAX_SCORE ? EVAL_ST_COMPLETE : EVAL_ST_OTHER;
	for (int k = 1; k < EVAL_ST_OTHER; k++)
		if (s->status_reason && strcmp(s->status_reason, eval__st[k].reason) == 0) return k;
	return EVAL_ST_OTHER;
}

static void eval__services(eval_row *row, const ig_task *t)
{
	const char *declared[EVAL_MAX_SVC];
	int nd = 0;
	ig_buf missed = {0};
	for (size_t i = 0; i < t->meta.n_aws_services; i++) {
		const char *s = t->meta.aws_services[i];
		const char *c = ig_service_fold(s, strlen(s));
		bool found = false;
		for (size_t j = 0; c && j < t->ideal.n_services; j++) found |= strcmp(c, t->ideal.services[j]) == 0;
		/* only the tune half is ever listed: the held-out half stays unseen */
		if (!found && row->half == 0) ig_buf_printf(&missed, "%s -> %s\n", s, c ? c : "(unfolded)");
		if (!c) { row->n_unfolded++; continue; }
		bool dup = false;
		for (int k = 0; k < nd; k++) dup |= strcmp(declared[k], c) == 0;
		if (!dup && nd < EVAL_MAX_SVC) declared[nd++] = c;
	}
	row->n_declared = nd;
	row->n_detected = (int)t->ideal.n_services;
	for (int k = 0; k < nd; k++)
		for (size_t j = 0; j < t->ideal.n_services; j++)
			if (strcmp(declared[k], t->ideal.services[j]) == 0) { row->n_match++; break; }
	row->missed = missed.data;
}

static char *eval__work(size_t i, void *ctx)
{
	eval_ctx *c = ctx;
	eval_row *row = &c->rows[i];
	const char *dir = c->list->dirs[i];
	row->half = ig_eval_half(dir);
	ig_task t;
	const char *err;
	if (ig_cli_review(&t, dir, &err) == 0) {
		row->loaded = true;
		const ig_metadata *m = &t.meta;
		row->has_meta = m->parsed && m->platform != IG_PLAT_UNKNOWN;
		if (row->has_meta) snprintf(row->group, sizeof row->group, "%s-%s", ig_platform_name(m->platform), ig_lang_name(m->language));
		else snprintf(row->group, sizeof row->group, "undeclared");
		snprintf(row->detected, sizeof row->detected, "%s-%s", ig_platform_name(t.platform), ig_lang_name(t.lang));
		row->plat_ok = m->platform == t.platform;
		row->lang_ok = eval__lang_eq(m->language, t.lang);
		if (m->n_aws_services) eval__services(row, &t);
		row->status = eval__status(&t.score);
		row->score = t.score.value;
		row->has_label = m->has_training_quality;
		row->label = m->training_quality;
	}
	ig_task_free(&t);
	return NULL;
}

static void eval__emit(size_t i, char *r, void *ctx)
{
	(void)i;
	free(r);
	ig_progress_step(&((eval_ctx *)ctx)->progress);
}

/* The review's score and its agreement with training_quality, for one half of one group (or of all). */
typedef struct {
	int n, status[EVAL_N_ST], hist[EVAL_MAX_SCORE + 1];
	int both, agree, conf[2][2]; /* tasks with a complete score and a label; conf[score >= 8][label >= 8] */
	double abs_sum, diff_sum;
} eval_scores;

typedef struct {
	char name[48];
	int n, plat, both; long declared, matched, detected; /* detection: tasks with metadata */
	eval_scores s[2];                                     /* per half: every reviewed task */
} eval_group;

typedef struct {
	eval_group g[EVAL_MAX_GROUPS];
	int ng, total, plat, both, reviewed;
	long svc[2][4]; /* per half: declared, detected, matched, unfolded */
	int svc_tasks[2];
	eval_scores all[2];
} eval_tally;

static void eval__print_service_misses(const eval_row *rows, size_t n)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_strmap counts;
	ig_strmap_init(&counts, &a);
	const char **keys = NULL;
	size_t nk = 0, ck = 0;
	for (size_t i = 0; i < n; i++) {
		for (const char *p = rows[i].missed; p && *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			long c = (long)ig_strmap_get(&counts, p, len);
			if (!c) *IG_PUSH(&a, keys, nk, ck) = ig_arena_strndup(&a, p, len);
			const char *k = c ? p : keys[nk - 1];
			ig_strmap_put(&counts, c ? ig_arena_strndup(&a, p, len) : k, len, (void *)(c + 1));
			p += len + (nl ? 1 : 0);
		}
	}
	printf("declared services not found in the ideal, tune half only (count, spelling -> folded):\n");
	for (size_t i = 0; i < nk; i++) ig_cli_printf_text("%6ld  %s\n", (long)ig_strmap_get(&counts, keys[i], strlen(keys[i])), keys[i]);
	ig_arena_free(&a);
}

static void eval__add_score(eval_scores *s, const eval_row *r)
{
	s->n++;
	s->status[r->status]++;
	if (r->status != EVAL_ST_COMPLETE) return;
	s->hist[r->score]++;
	if (!r->has_label) return;
	double d = r->score - r->label;
	bool tool = r->score >= EVAL_APPROVED, label = r->label >= EVAL_APPROVED;
	s->both++;
	s->abs_sum += fabs(d);
	s->diff_sum += d;
	s->agree += tool == label;
	s->conf[tool][label]++;
}

/* The median of the complete scores, read off their histogram; -1 when there is none. */
static double eval__median(const eval_scores *s)
{
	int n = s->status[EVAL_ST_COMPLETE], lo = -1, hi = -1;
	if (!n) return -1;
	for (int v = 0, seen = 0; v <= EVAL_MAX_SCORE; v++) {
		seen += s->hist[v];
		if (lo < 0 && seen > (n - 1) / 2) lo = v;
		if (hi < 0 && seen > n / 2) hi = v;
	}
	return (lo + hi) / 2.0;
}

static void eval__tally(eval_tally *t, const eval_row *rows, size_t n)
{
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < n; i++) {
		const eval_row *r = &rows[i];
		if (!r->loaded) continue;
		t->reviewed++;
		int k = 0;
		while (k < t->ng && strcmp(t->g[k].name, r->group) != 0) k++;
		if (k == t->ng && t->ng < EVAL_MAX_GROUPS) snprintf(t->g[t->ng++].name, sizeof t->g[0].name, "%s", r->group);
		eval_group *g = k < t->ng ? &t->g[k] : NULL;
		eval__add_score(&t->all[r->half], r);
		if (g) eval__add_score(&g->s[r->half], r);
		if (!r->has_meta) continue;
		if (g) {
			g->n++;
			g->plat += r->plat_ok;
			g->both += r->plat_ok && r->lang_ok;
			g->declared += r->n_declared;
			g->matched += r->n_match;
			g->detected += r->n_declared ? r->n_detected : 0;
		}
		t->total++;
		t->plat += r->plat_ok;
		t->both += r->plat_ok && r->lang_ok;
		if (r->n_declared || r->n_unfolded) {
			t->svc_tasks[r->half]++;
			t->svc[r->half][0] += r->n_declared;
			t->svc[r->half][1] += r->n_detected;
			t->svc[r->half][2] += r->n_match;
			t->svc[r->half][3] += r->n_unfolded;
		}
	}
	/* largest groups first (tasks with metadata; the undeclared last) */
	for (int i = 0; i < t->ng; i++)
		for (int j = i + 1; j < t->ng; j++)
			if (t->g[j].n > t->g[i].n || (t->g[j].n == t->g[i].n && strcmp(t->g[j].name, t->g[i].name) < 0)) {
				eval_group tmp = t->g[i]; t->g[i] = t->g[j]; t->g[j] = tmp;
			}
}

static double eval__ratio(double num, double den) { return den ? num / den : 0; }

static void eval__print_detection(const eval_tally *t)
{
	printf("platform+language detection against metadata.json (%d tasks with metadata)\n\n", t->total);
	printf("  %-16s %6s %10s %10s %8s %15s\n", "declared", "tasks", "platform", "both", "both %", "service recall");
	for (int i = 0; i < t->ng; i++) {
		const eval_group *g = &t->g[i];
		if (!g->n) continue;
		printf("  %-16s %6d %10d %10d %7.1f%% %15.3f\n", g->name, g->n, g->plat, g->both, 100.0 * g->both / g->n,
		       eval__ratio(g->matched, g->declared));
	}
	printf("  %-16s %6d %10d %10d %7.1f%%\n\n", "overall", t->total, t->plat, t->both, 100 * eval__ratio(t->both, t->total));
	printf("services of the ideal against metadata aws_services (folded)\n\n");
	printf("  %-9s %6s %9s %9s %8s %10s %10s\n", "half", "tasks", "declared", "matched", "recall", "precision", "unfolded");
	for (int h = 0; h < 2; h++)
		printf("  %-9s %6d %9ld %9ld %8.3f %10.3f %10ld\n", eval__half_name[h], t->svc_tasks[h], t->svc[h][0], t->svc[h][2],
		       eval__ratio(t->svc[h][2], t->svc[h][0]), eval__ratio(t->svc[h][2], t->svc[h][1]), t->svc[h][3]);
	printf("\n  recall = declared services found in the ideal's resources / declared services that fold to a\n"
	       "  known service; precision = found / detected (metadata lists are often partial, so precision\n"
	       "  is indicative); unfolded = spellings the alias table does not know. Halves: a task is in the\n"
	       "  tune half when the FNV-1a hash of its folder name is even; aliases were written from that half.\n");
}

static void eval__score_row(const char *name, const eval_scores *s)
{
	printf("  %-16s %6d", name, s->n);
	for (int k = 0; k < EVAL_N_ST; k++) printf(" %8d", s->status[k]);
	double med = eval__median(s);
	if (med < 0) printf(" %7s\n", "-"); else printf(" %7.1f\n", med);
}

static void eval__hist_row(const char *name, const eval_scores *s)
{
	printf("  %-16s", name);
	for (int v = 0; v <= EVAL_MAX_SCORE; v++) printf(" %5d", s->hist[v]);
	printf("\n");
}

static void eval__agree_row(const char *name, const eval_scores *s)
{
	printf("  %-16s %6d %6.2f %+7.2f %6d %7.1f%% %8d %7d %7d %7d\n", name, s->both, eval__ratio(s->abs_sum, s->both),
	       eval__ratio(s->diff_sum, s->both), s->agree, 100 * eval__ratio(s->agree, s->both),
	       s->conf[1][1], s->conf[1][0], s->conf[0][1], s->conf[0][0]);
}

static void eval__print_scores(const eval_tally *t)
{
	for (int h = 0; h < 2; h++) {
		printf("\nscore of the review, %s half (%d tasks reviewed): status and median\n\n", eval__half_name[h], t->all[h].n);
		printf("  %-16s %6s", "declared", "tasks");
		for (int k = 0; k < EVAL_N_ST; k++) printf(" %8s", eval__st[k].head);
		printf(" %7s\n", "median");
		for (int i = 0; i < t->ng; i++)
			if (t->g[i].s[h].n) eval__score_row(t->g[i].name, &t->g[i].s[h]);
		eval__score_row("overall", &t->all[h]);
		printf("\n  %-16s", "complete scores");
		for (int v = 0; v <= EVAL_MAX_SCORE; v++) printf(" %5d", v);
		printf("\n");
		for (int i = 0; i < t->ng; i++)
			if (t->g[i].s[h].n) eval__hist_row(t->g[i].name, &t->g[i].s[h]);
		eval__hist_row("overall", &t->all[h]);
	}
	printf("\n  complete = the score has a value (a blocker's included); not complete, by score.status_reason:\n"
	       "  no-model = no model answer, no-code = the model's answer holds no code, no-ideal = no ideal\n"
	       "  answer, ideal-nc = the ideal holds no code, other = any other reason. median of the complete\n"
	       "  scores; the second table counts them by score (0-10). declared = metadata.json's platform and\n"
	       "  language (undeclared: no usable platform there).\n");
}

static void eval__print_agreement(const eval_tally *t)
{
	printf("\nscore against metadata.json training_quality\n");
	printf("the labels are noisy: these figures are recorded, nothing is tuned to them\n");
	for (int h = 0; h < 2; h++) {
		printf("\n  %s half\n", eval__half_name[h]);
		printf("  %-16s %6s %6s %7s %6s %8s %8s %7s %7s %7s\n", "declared", "both", "MAD", "bias", "agree", "agree %",
		       "yes/yes", "yes/no", "no/yes", "no/no");
		for (int i = 0; i < t->ng; i++)
			if (t->g[i].s[h].both) eval__agree_row(t->g[i].name, &t->g[i].s[h]);
		eval__agree_row("overall", &t->all[h]);
	}
	printf("\n  both = tasks with a complete score and a usable training_quality; MAD = mean |score - label|;\n"
	       "  bias = mean (score - label); agree = tasks where both are >= 8 or both < 8; yes/no columns =\n"
	       "  score >= 8 / label >= 8 (yes/no: the score approves, the label does not).\n");
}

static void eval__print_text(const eval_tally *t, const eval_row *rows, size_t n, bool misses, const ig_task_list *list)
{
	for (size_t i = 0; misses && i < n; i++) {
		const eval_row *r = &rows[i];
		if (r->loaded && r->has_meta && !(r->plat_ok && r->lang_ok))
			ig_cli_printf_text("miss %s declared %s detected %s\n", list->dirs[i], r->group, r->detected);
	}
	eval__print_detection(t);
	eval__print_scores(t);
	eval__print_agreement(t);
}

/* A ratio as a JSON number, null when there is nothing to divide by. */
static void eval__kratio(ig_jsonw *w, const char *key, double num, double den)
{
	ig_jsonw_key(w, key);
	if (den) ig_jsonw_num(w, num / den); else ig_jsonw_null(w);
}

static void eval__json_scores(ig_jsonw *w, const eval_scores *s)
{
	ig_jsonw_kint(w, "tasks", s->n);
	ig_jsonw_key(w, "status");
	ig_jsonw_obj(w);
	for (int k = 0; k < EVAL_N_ST; k++) ig_jsonw_kint(w, eval__st[k].key, s->status[k]);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "histogram");
	ig_jsonw_arr(w);
	for (int v = 0; v <= EVAL_MAX_SCORE; v++) ig_jsonw_int(w, s->hist[v]);
	ig_jsonw_arr_end(w);
	double med = eval__median(s);
	ig_jsonw_key(w, "median");
	if (med < 0) ig_jsonw_null(w); else ig_jsonw_num(w, med);
}

static void eval__json_agreement(ig_jsonw *w, const eval_scores *s)
{
	ig_jsonw_kint(w, "tasks", s->both);
	eval__kratio(w, "mad", s->abs_sum, s->both);
	eval__kratio(w, "bias", s->diff_sum, s->both);
	ig_jsonw_kint(w, "agree", s->agree);
	eval__kratio(w, "agreement", s->agree, s->both);
	ig_jsonw_key(w, "confusion");
	ig_jsonw_obj(w);
	ig_jsonw_kint(w, "score_yes_label_yes", s->conf[1][1]);
	ig_jsonw_kint(w, "score_yes_label_no", s->conf[1][0]);
	ig_jsonw_kint(w, "score_no_label_yes", s->conf[0][1]);
	ig_jsonw_kint(w, "score_no_label_no", s->conf[0][0]);
	ig_jsonw_obj_end(w);
}

/* Per half: the overall figures and a row per group that has tasks (agreement: labelled tasks) in it. */
static void eval__json_halves(ig_jsonw *w, const eval_tally *t, bool agreement)
{
	for (int h = 0; h < 2; h++) {
		ig_jsonw_key(w, eval__half_key[h]);
		ig_jsonw_obj(w);
		ig_jsonw_key(w, "overall");
		ig_jsonw_obj(w);
		if (agreement) eval__json_agreement(w, &t->all[h]); else eval__json_scores(w, &t->all[h]);
		ig_jsonw_obj_end(w);
		ig_jsonw_key(w, "groups");
		ig_jsonw_arr(w);
		for (int i = 0; i < t->ng; i++) {
			const eval_scores *s = &t->g[i].s[h];
			if (!(agreement ? s->both : s->n)) continue;
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "declared", t->g[i].name);
			if (agreement) eval__json_agreement(w, s); else eval__json_scores(w, s);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_arr_end(w);
		ig_jsonw_obj_end(w);
	}
}

static void eval__json(ig_buf *b, const eval_tally *t, const eval_row *rows, size_t n, bool misses, const ig_task_list *list)
{
	ig_jsonw w;
	ig_jsonw_init(&w, b, true);
	ig_jsonw_obj(&w);
	ig_jsonw_kstr(&w, "schema", "iacgrade.eval");
	ig_jsonw_kint(&w, "version", 1);
	ig_jsonw_kint(&w, "tasks", (long long)n);
	ig_jsonw_kint(&w, "reviewed", t->reviewed);
	ig_jsonw_key(&w, "detection");
	ig_jsonw_obj(&w);
	ig_jsonw_kint(&w, "tasks", t->total);
	ig_jsonw_kint(&w, "platform", t->plat);
	ig_jsonw_kint(&w, "both", t->both);
	ig_jsonw_key(&w, "groups");
	ig_jsonw_arr(&w);
	for (int i = 0; i < t->ng; i++) {
		const eval_group *g = &t->g[i];
		if (!g->n) continue;
		ig_jsonw_obj(&w);
		ig_jsonw_kstr(&w, "declared", g->name);
		ig_jsonw_kint(&w, "tasks", g->n);
		ig_jsonw_kint(&w, "platform", g->plat);
		ig_jsonw_kint(&w, "both", g->both);
		eval__kratio(&w, "service_recall", g->matched, g->declared);
		ig_jsonw_obj_end(&w);
	}
	ig_jsonw_arr_end(&w);
	ig_jsonw_obj_end(&w);
	ig_jsonw_key(&w, "services");
	ig_jsonw_obj(&w);
	for (int h = 0; h < 2; h++) {
		ig_jsonw_key(&w, eval__half_key[h]);
		ig_jsonw_obj(&w);
		ig_jsonw_kint(&w, "tasks", t->svc_tasks[h]);
		ig_jsonw_kint(&w, "declared", t->svc[h][0]);
		ig_jsonw_kint(&w, "detected", t->svc[h][1]);
		ig_jsonw_kint(&w, "matched", t->svc[h][2]);
		ig_jsonw_kint(&w, "unfolded", t->svc[h][3]);
		eval__kratio(&w, "recall", t->svc[h][2], t->svc[h][0]);
		eval__kratio(&w, "precision", t->svc[h][2], t->svc[h][1]);
		ig_jsonw_obj_end(&w);
	}
	ig_jsonw_obj_end(&w);
	ig_jsonw_key(&w, "scores");
	ig_jsonw_obj(&w);
	eval__json_halves(&w, t, false);
	ig_jsonw_obj_end(&w);
	ig_jsonw_key(&w, "agreement");
	ig_jsonw_obj(&w);
	ig_jsonw_kstr(&w, "note", "the training_quality labels are noisy: these figures are recorded, nothing is tuned to them");
	eval__json_halves(&w, t, true);
	ig_jsonw_obj_end(&w);
	ig_jsonw_key(&w, "misses");
	if (!misses) {
		ig_jsonw_null(&w);
	} else {
		ig_jsonw_arr(&w);
		for (size_t i = 0; i < n; i++) {
			const eval_row *r = &rows[i];
			if (!r->loaded || !r->has_meta || (r->plat_ok && r->lang_ok)) continue;
			ig_jsonw_obj(&w);
			ig_jsonw_kstr(&w, "path", list->dirs[i]);
			ig_jsonw_kstr(&w, "declared", r->group);
			ig_jsonw_kstr(&w, "detected", r->detected);
			ig_jsonw_obj_end(&w);
		}
		ig_jsonw_arr_end(&w);
	}
	ig_jsonw_obj_end(&w);
	ig_buf_puts(b, "\n");
}

int ig_cmd_eval(int argc, char **argv)
{
	int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	bool misses = false, quiet = false, service_misses = false;
	const char *format = "text";
	ig_arena a;
	ig_arena_init(&a);
	ig_task_list list = {0};
	size_t n_roots = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) {
			puts("usage: iacgrade eval ROOT... [-j N] [--format text|json] [--misses] [--quiet]\n\n"
			     "Reviews every task under the roots (as `batch` does) and measures the review:\n"
			     "- detection against metadata.json: platform+language (both right) per declared\n"
			     "  platform-language and overall, and the AWS services of the ideal against metadata\n"
			     "  aws_services after alias folding, with recall and precision per half;\n"
			     "- the review's own score per half, per declared platform-language and overall:\n"
			     "  score.status (complete, or each reason it is not), the median and a histogram 0-10;\n"
			     "- the score against metadata.json training_quality, per half, per declared\n"
			     "  platform-language and overall: tasks with both values, mean absolute difference,\n"
			     "  agreement on the >= 8 decision and its confusion counts. The labels are noisy:\n"
			     "  recorded, never tuned to.\n"
			     "A task is in the tune half when the FNV-1a hash of its folder name is even, else held\n"
			     "out. Detection never reads metadata.json, and the review (detection, fixes, score)\n"
			     "never uses training_quality; only this command compares with them, to measure.\n\n"
			     "options:\n  -j N       worker threads (default: the number of cores)\n"
			     "  --format F text (default: aligned tables with a legend) or json (one object, keys in\n"
			     "             docs/json-schema.md)\n"
			     "  --misses   list every task whose platform or language was missed\n"
			     "  --service-misses  count declared services not found in the ideal (tune half only;\n"
			     "             text only)\n"
			     "  --quiet    no progress on stderr\n\n"
			     "examples:\n  iacgrade eval ../shared/corpus/dev -j 2\n"
			     "  iacgrade eval examples --format json --quiet > /tmp/eval.json");
			ig_arena_free(&a);
			return IG_EXIT_OK;
		}
		int took = ig_cli_format_arg("eval", argc, argv, &i, &format, "text or json");
		if (took < 0) { ig_arena_free(&a); return IG_EXIT_USAGE; }
		if (took) continue;
		if (strcmp(argv[i], "-j") == 0) {
			if (++i >= argc || ig_cli_parse_jobs("eval", argv[i], &jobs)) { ig_arena_free(&a); return IG_EXIT_USAGE; }
		} else if (strcmp(argv[i], "--misses") == 0) {
			misses = true;
		} else if (strcmp(argv[i], "--service-misses") == 0) {
			service_misses = true;
		} else if (strcmp(argv[i], "--quiet") == 0) {
			quiet = true;
		} else if (argv[i][0] == '-') {
			ig_cli_error("eval", "unknown option '%s' (see iacgrade eval --help)", argv[i]);
			ig_arena_free(&a);
			return IG_EXIT_USAGE;
		} else {
			ig_task_find(&a, argv[i], &list);
			n_roots++;
		}
	}
	if (!n_roots) { ig_cli_error("eval", "name at least one folder of tasks"); ig_arena_free(&a); return IG_EXIT_USAGE; }
	bool json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		ig_cli_error("eval", "unknown format '%s': use text or json", format);
		ig_arena_free(&a);
		return IG_EXIT_USAGE;
	}
	if (json && service_misses) {
		ig_cli_error("eval", "--service-misses writes text only: leave out --format json");
		ig_arena_free(&a);
		return IG_EXIT_USAGE;
	}
	for (size_t i = 0; i < list.n_bad; i++) ig_cli_error("eval", "%s: cannot be read", list.bad_roots[i]);
	if (!list.n) {
		ig_cli_error("eval", "no task found under the folder%s named (a task is a folder with metadata.json, or with lib/ "
			     "holding MODEL_RESPONSE.md, IDEAL_RESPONSE.md or PROMPT.md)", n_roots > 1 ? "s" : "");
		ig_arena_free(&a);
		return IG_EXIT_INPUT;
	}
	eval_ctx c = {.list = &list, .rows = calloc(list.n ? list.n : 1, sizeof(eval_row))};
	if (!c.rows) { ig_arena_free(&a); return IG_EXIT_INPUT; }
	ig_progress_start(&c.progress, "evaluated", list.n, quiet);
	ig_pool_run(list.n, jobs, eval__work, eval__emit, &c);
	ig_progress_end(&c.progress);
	int rc = list.n_bad ? IG_EXIT_INPUT : IG_EXIT_OK;
	if (service_misses) {
		eval__print_service_misses(c.rows, list.n);
	} else {
		eval_tally *t = malloc(sizeof *t);
		if (!t) { rc = IG_EXIT_INPUT; goto done; }
		eval__tally(t, c.rows, list.n);
		if (json) {
			ig_buf b = {0};
			eval__json(&b, t, c.rows, list.n, misses, &list);
			if (ig_cli_emit("eval", NULL, &b, false)) rc = IG_EXIT_INPUT;
			ig_buf_free(&b);
		} else {
			eval__print_text(t, c.rows, list.n, misses, &list);
		}
		free(t);
	}
done:
	for (size_t i = 0; i < list.n; i++) free(c.rows[i].missed);
	free(c.rows);
	ig_arena_free(&a);
	return rc;
}
