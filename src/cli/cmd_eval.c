/* iacgrade eval ROOT...: accuracy of platform, language and service detection
 * against metadata.json. metadata.json is read here only to measure. */
#include "cli/cli.h"
#include "cli/progress.h"
#include "cli/review.h"
#include "detect/detect.h"
#include "task/find.h"
#include "task/load.h"
#include "util/buf.h"
#include "util/pool.h"
#include "util/strmap.h"
#include "util/strutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EVAL_MAX_SVC 64
#define EVAL_MAX_GROUPS 64

typedef struct {
	bool loaded, has_meta;
	int half;                 /* 0 tune (even hash of the folder name), 1 held out */
	char group[48];           /* declared platform-language */
	bool plat_ok, lang_ok;
	char detected[48];
	int n_declared, n_detected, n_match, n_unfolded;
	char *missed;             /* tune half only: "spelling -> folded" lines not found (malloc'd) */
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
		snprintf(row->group, sizeof row->group, "%s-%s", ig_platform_name(m->platform), ig_lang_name(m->language));
		snprintf(row->detected, sizeof row->detected, "%s-%s", ig_platform_name(t.platform), ig_lang_name(t.lang));
		row->plat_ok = m->platform == t.platform;
		row->lang_ok = eval__lang_eq(m->language, t.lang);
		if (m->n_aws_services) eval__services(row, &t);
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

typedef struct { char name[48]; int n, plat, both; long declared, matched, detected; } eval_group;

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

static void eval__print(const eval_row *rows, size_t n, bool misses, const ig_task_list *list)
{
	eval_group g[EVAL_MAX_GROUPS];
	int ng = 0, total = 0, plat = 0, both = 0;
	long svc[2][4] = {{0}}; /* per half: declared, detected, matched, unfolded */
	int svc_tasks[2] = {0};
	for (size_t i = 0; i < n; i++) {
		const eval_row *r = &rows[i];
		if (!r->loaded || !r->has_meta) continue;
		int k = 0;
		while (k < ng && strcmp(g[k].name, r->group) != 0) k++;
		if (k == ng && ng < EVAL_MAX_GROUPS) { memset(&g[ng], 0, sizeof g[ng]); snprintf(g[ng].name, sizeof g[ng].name, "%s", r->group); ng++; }
		if (k < ng) {
			g[k].n++;
			g[k].plat += r->plat_ok;
			g[k].both += r->plat_ok && r->lang_ok;
			g[k].declared += r->n_declared;
			g[k].matched += r->n_match;
			g[k].detected += r->n_declared ? r->n_detected : 0;
		}
		total++;
		plat += r->plat_ok;
		both += r->plat_ok && r->lang_ok;
		if (misses && !(r->plat_ok && r->lang_ok))
			ig_cli_printf_text("miss %s declared %s detected %s\n", list->dirs[i], r->group, r->detected);
		if (r->n_declared || r->n_unfolded) {
			svc_tasks[r->half]++;
			svc[r->half][0] += r->n_declared;
			svc[r->half][1] += r->n_detected;
			svc[r->half][2] += r->n_match;
			svc[r->half][3] += r->n_unfolded;
		}
	}
	/* largest groups first */
	for (int i = 0; i < ng; i++)
		for (int j = i + 1; j < ng; j++)
			if (g[j].n > g[i].n || (g[j].n == g[i].n && strcmp(g[j].name, g[i].name) < 0)) {
				eval_group tmp = g[i]; g[i] = g[j]; g[j] = tmp;
			}
	printf("platform+language detection against metadata.json (%d tasks with metadata)\n\n", total);
	printf("  %-16s %6s %10s %10s %8s %15s\n", "declared", "tasks", "platform", "both", "both %", "service recall");
	for (int i = 0; i < ng; i++)
		printf("  %-16s %6d %10d %10d %7.1f%% %15.3f\n", g[i].name, g[i].n, g[i].plat, g[i].both, 100.0 * g[i].both / g[i].n,
		       g[i].declared ? (double)g[i].matched / g[i].declared : 0.0);
	printf("  %-16s %6d %10d %10d %7.1f%%\n\n", "overall", total, plat, both, total ? 100.0 * both / total : 0);
	printf("services of the ideal against metadata aws_services (folded)\n\n");
	printf("  %-9s %6s %9s %9s %8s %10s %10s\n", "half", "tasks", "declared", "matched", "recall", "precision", "unfolded");
	const char *names[2] = {"tune", "held-out"};
	for (int h = 0; h < 2; h++)
		printf("  %-9s %6d %9ld %9ld %8.3f %10.3f %10ld\n", names[h], svc_tasks[h], svc[h][0], svc[h][2],
		       svc[h][0] ? (double)svc[h][2] / svc[h][0] : 0, svc[h][1] ? (double)svc[h][2] / svc[h][1] : 0, svc[h][3]);
	printf("\n  recall = declared services found in the ideal's resources / declared services that fold to a\n"
	       "  known service; precision = found / detected (metadata lists are often partial, so precision\n"
	       "  is indicative); unfolded = spellings the alias table does not know. Halves: a task is in the\n"
	       "  tune half when the FNV-1a hash of its folder name is even; aliases were written from that half.\n");
}

int ig_cmd_eval(int argc, char **argv)
{
	int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	bool misses = false, quiet = false, service_misses = false;
	ig_arena a;
	ig_arena_init(&a);
	ig_task_list list = {0};
	size_t n_roots = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) {
			puts("usage: iacgrade eval ROOT... [-j N] [--misses] [--quiet]\n\n"
			     "Reviews every task under the roots and measures detection against metadata.json:\n"
			     "platform+language (both right) per declared platform-language and overall, and the AWS\n"
			     "services of the ideal against metadata aws_services after alias folding, with recall and\n"
			     "precision for the tune half and the held-out half. Detection itself never reads\n"
			     "metadata.json; only this command does, to measure.\n\n"
			     "options:\n  -j N       worker threads (default: the number of cores)\n"
			     "  --misses   list every task whose platform or language was missed\n"
			     "  --service-misses  count declared services not found in the ideal (tune half only)\n"
			     "  --quiet    no progress on stderr\n\n"
			     "example:\n  iacgrade eval ../shared/corpus/dev -j 2");
			ig_arena_free(&a);
			return IG_EXIT_OK;
		}
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
	if (service_misses) eval__print_service_misses(c.rows, list.n);
	else eval__print(c.rows, list.n, misses, &list);
	for (size_t i = 0; i < list.n; i++) free(c.rows[i].missed);
	free(c.rows);
	int rc = list.n_bad ? IG_EXIT_INPUT : IG_EXIT_OK;
	ig_arena_free(&a);
	return rc;
}
