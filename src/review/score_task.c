/* The score of one task, every step with its evidence (docs/scoring.md):
 * blockers, base 8, the adjustment from the categorised fixes, the complexity
 * of the ideal. */
#include "review/categorise.h"
#include "detect/aws_types.h"
#include "diff/diff.h"
#include "grade/score.h"
#include "model/model.h"
#include "req/req.h"
#include "task/role.h"
#include "util/buf.h"
#include "util/strutil.h"
#include <string.h>

extern const ig_kv ig_review_complexity[];
extern const unsigned ig_review_complexity_count;

static bool lang_match(ig_lang declared, ig_lang detected)
{
	if (declared == IG_LANG_TSX) declared = IG_LANG_TS;
	if (detected == IG_LANG_TSX) detected = IG_LANG_TS;
	return declared == detected;
}

/* Step 1, the platform/language blocker (the services and region blockers
 * need the prompt's requirements). */
static void platform_blocker(ig_task *t)
{
	ig_score *s = &t->score;
	const ig_metadata *m = &t->meta;
	if (m->platform == IG_PLAT_UNKNOWN || t->platform == IG_PLAT_UNKNOWN) return;
	bool plat_ok = m->platform == t->platform;
	bool lang_ok = m->language == IG_LANG_UNKNOWN || t->lang == IG_LANG_UNKNOWN || lang_match(m->language, t->lang);
	if (plat_ok && lang_ok) return;
	s->blocker = 3;
	s->blocker_reason = ig_arena_printf(&t->arena, "metadata says %s+%s, the code is %s+%s", ig_platform_name(m->platform),
					    ig_lang_name(m->language), ig_platform_name(t->platform), ig_lang_name(t->lang));
	ig_task_add_finding(t, IG_RULE_PLATFORM_MISMATCH, 0, IG_SEV_ERROR, "ideal", NULL, 0, 0,
			    "platform/language mismatch: %s (score blocker: %d)", s->blocker_reason, s->blocker);
}

/* The first line of the ideal's code that holds `word` (folded), as evidence. */
static const char *find_word(ig_arena *a, const ig_response *r, const char *word)
{
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		if (!f->tokens || !ig_role_app_file(f)) continue; /* the app's code only */
		const char *s = f->text, *end = f->text + f->len;
		for (unsigned line = 1; s < end; line++) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			const char *e = nl ? nl : end;
			if ((size_t)(e - s) < 4000) {
				const char *folded = ig_fold_alnum(a, s, (size_t)(e - s));
				if (strstr(folded, word)) return ig_arena_printf(a, "%s:%u", f->path, line);
			}
			s = nl ? nl + 1 : end;
		}
	}
	return NULL;
}

/* Step 1, the blockers that rest on the prompt: half or more of the services
 * it requires missing from the ideal (4); the ideal deploying elsewhere than
 * every region the prompt requires (5). Unknown statuses never apply a blocker. */
static void prompt_blockers(ig_task *t)
{
	ig_score *s = &t->score;
	const ig_req_set *rs = t->reqs;
	if (!rs) return;
	size_t services = 0, missing = 0;
	const ig_req *region = NULL;
	bool region_met = false;
	ig_buf miss = {0};
	for (size_t i = 0; i < rs->n; i++) {
		const ig_req *r = &rs->items[i];
		if (r->kind == IG_REQ_SERVICE) {
			services++;
			/* missing: no resource of it, and the ideal's code never names it (a service used
			 * without a resource of its own, ECR images, SSM parameters, is used; so is a
			 * family member: aws_cloudwatch_log_group names CloudWatch) */
			if (r->ideal.status == IG_REQ_NOT_MET && !find_word(&t->arena, &t->ideal, ig_fold_alnum(&t->arena, r->value, strlen(r->value)))) {
				ig_buf_printf(&miss, "%s%s (%s:%u)", missing ? ", " : "", r->value, r->file, r->line);
				missing++;
			}
		} else if (r->kind == IG_REQ_REGION && r->ideal.status == IG_REQ_NOT_MET && !region) {
			region = r;
		} else if (r->kind == IG_REQ_REGION && r->ideal.status == IG_REQ_MET) {
			region_met = true;
		}
	}
	/* several regions with roles (a primary and a DR region): the code that
	 * deploys to one of them does not deploy elsewhere; a region left out is
	 * a fix for the adjustment, not this blocker */
	if (region_met) region = NULL;
	s->services_checked = services > 0;
	s->region_checked = true;
	if (services && missing * 2 >= services && (!s->blocker || s->blocker > 4)) {
		s->blocker = 4;
		s->blocker_reason = ig_arena_printf(&t->arena, "%zu of the %zu services the prompt requires are missing from the ideal: %s",
						    missing, services, ig_buf_cstr(&miss));
	}
	if (region && (!s->blocker || s->blocker > 5)) {
		s->blocker = 5;
		s->blocker_reason = ig_arena_printf(&t->arena, "the prompt requires %s (%s:%u); %s", region->value, region->file,
						    region->line, region->ideal.note ? region->ideal.note : "the ideal deploys elsewhere");
	}
	ig_buf_free(&miss);
}

static bool is_service(const ig_response *r, const char *name)
{
	for (size_t i = 0; i < r->n_services; i++)
		if (strcmp(r->services[i], name) == 0) return true;
	return false;
}

/* A service counts when it is an AWS service namespace of the ideal's
 * resources: CloudFormation itself (outputs, stacks) and scripts' clients do not. */
static bool service_counts(const char *s) { return strcmp(s, "CloudFormation") != 0 && strncmp(s, "boto3:", 6) != 0; }

static void complexity(ig_task *t, ig_complexity_facts *c, const ig_model *m)
{
	ig_score *s = &t->score;
	const ig_response *r = &t->ideal;
	ig_buf names = {0};
	for (size_t i = 0; i < r->n_services; i++)
		if (service_counts(r->services[i])) {
			ig_buf_printf(&names, "%s%s", s->n_services ? ", " : "", r->services[i]);
			s->n_services++;
		}
	s->services = ig_arena_strdup(&t->arena, ig_buf_cstr(&names));
	ig_buf_free(&names);
	c->n_services = s->n_services;
	/* integrated: a resource references one of another service, through the
	 * IaC model's edges (the ideal's app only: its model is built here) */
	for (size_t i = 0; m && i < m->n_edges && !s->integrated.on; i++) {
		const ig_model_edge *e = &m->edges[i];
		if (!e->cross_service || e->from < 0 || e->to < 0) continue;
		const ig_model_resource *a = &m->resources[e->from], *b = &m->resources[e->to];
		s->integrated.on = true;
		s->integrated.evidence = ig_arena_printf(&t->arena, "%s:%u: %s (%s) references %s (%s)", a->span.path ? a->span.path : "?",
							 a->span.line, a->name ? a->name : a->type, a->service ? a->service : "?",
							 b->name ? b->name : b->type, b->service ? b->service : "?");
	}
	if (!s->integrated.on) s->integrated.evidence = "no resource of the ideal references one of another service";

	ig_score_factor *factor[] = {&s->security, &s->high_availability, &s->advanced};
	const char *names_f[] = {"security", "high-availability", "advanced"};
	for (unsigned i = 0; i < ig_review_complexity_count; i++) {
		const char *key = ig_review_complexity[i].key, *which = ig_review_complexity[i].value;
		for (int k = 0; k < 3; k++) {
			if (strcmp(which, names_f[k]) != 0 || factor[k]->on) continue;
			if (strncmp(key, "service:", 8) == 0) {
				if (is_service(r, key + 8)) factor[k]->on = true, factor[k]->evidence = ig_arena_printf(&t->arena, "the ideal uses %s", key + 8);
			} else {
				const char *at = find_word(&t->arena, r, key);
				if (at) factor[k]->on = true, factor[k]->evidence = ig_arena_printf(&t->arena, "%s: %s", at, key);
			}
		}
	}
	c->integrated = s->integrated.on;
	c->security = s->security.on;
	c->high_availability = s->high_availability.on;
	c->advanced = s->advanced.on;
}

void ig_review_score(ig_task *t, const struct ig_model *ideal_model)
{
	ig_score *s = &t->score;
	prompt_blockers(t);
	platform_blocker(t);
	const ig_diff *d = t->diff;
	if (!t->model.present) s->status_reason = "no model answer";
	else if (!d || (d->note && d->n_fixes == 1 && d->fixes[0].kind == IG_FIX_NO_CODE)) s->status_reason = "the model's answer holds no code";
	else if (d->note) s->status_reason = d->note;
	ig_complexity_facts cf = {0};
	complexity(t, &cf, ideal_model);
	if (d)
		for (size_t i = 0; i < d->n_fixes; i++) {
			const ig_fix *x = &d->fixes[i];
			if (!x->counted) { s->n_not_counted++; continue; }
			s->n_a += x->category == 'A', s->n_b += x->category == 'B', s->n_c += x->category == 'C', s->n_d += x->category == 'D';
		}
	ig_score_input in = {.blocker = s->blocker, .fixes = {s->n_a, s->n_b, s->n_c, s->n_d}, .complexity = cf};
	ig_score_breakdown out;
	ig_score_compute(&in, &out);
	s->adjustment = out.adjustment;
	s->adjustment_rule = out.adjustment_rule;
	s->complexity = out.complexity;
	if (s->blocker || !s->status_reason) {
		s->complete = !s->status_reason || s->blocker;
		s->value = out.value;
		s->approved = out.approved;
	}
}
