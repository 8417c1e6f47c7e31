/* Whether a response meets a requirement, from what the analysis already
 * knows: the detected platform, language and services, the resources, and
 * literal values in the code text. Everything that needs resolved property
 * values (retention days, encryption settings, counts) stays unknown with a
 * note until the IaC model feeds it: unknown is an answer, a guess is not. */
#include "req/internal.h"
#include "task/role.h"
#include "util/strutil.h"
#include <ctype.h>
#include <string.h>

typedef struct { const ig_file *f; size_t at; } eval_hit;

static ig_req_eval eval__at(ig_arena *a, ig_req_status st, eval_hit h, const char *note)
{
	ig_req_eval e = {.status = st, .note = note};
	if (!h.f) return e;
	unsigned line = 1;
	for (size_t i = 0; i < h.at && i < h.f->len; i++) line += h.f->text[i] == '\n';
	e.file = h.f->path;
	e.line = line;
	e.md_line = h.f->md_line ? h.f->md_line + line - 1 : 0;
	return e;
}

static bool eval__word_edge(const char *text, size_t len, size_t at, size_t n)
{
	bool left = at == 0 || !(isalnum((unsigned char)text[at - 1]) || text[at - 1] == '.');
	bool right = at + n >= len || !(isalnum((unsigned char)text[at + n]));
	return left && right;
}

/* The first occurrence of lit as a whole token in the response's code. */
static eval_hit eval__find(const ig_response *r, const char *lit, bool icase)
{
	size_t n = strlen(lit);
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		if (!f->text) continue; /* tests too: see eval__other_region */
		for (size_t off = 0; off < f->len;) {
			const char *p = icase ? ig_memcasestr(f->text + off, f->len - off, lit) : ig_memstr(f->text + off, f->len - off, lit);
			if (!p) break;
			size_t at = (size_t)(p - f->text);
			if (eval__word_edge(f->text, f->len, at, n)) return (eval_hit){f, at};
			off = at + 1;
		}
	}
	return (eval_hit){NULL, 0};
}

static size_t eval__n_resources(const ig_response *r)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_files; i++)
		if (ig_role_app_file(&r->files[i])) n += r->files[i].n_resources;
	return n;
}

static bool eval__has_code(const ig_response *r)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (r->files[i].len && ig_role_app_file(&r->files[i])) return true;
	return false;
}

static ig_req_eval eval__line(const ig_file *f, unsigned line, ig_req_status st, const char *note)
{
	return (ig_req_eval){st, f->path, line, f->md_line ? f->md_line + line - 1 : 0, note};
}

/* Region literals in the code, by the same pattern the reader uses; line by
 * line, so that only the lines that can hold one reach the regex engine. */
static eval_hit eval__other_region(ig_arena *a, const ig_response *r, const char *want, const char **found)
{
	char line[512];
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		/* tests too: a deployed test names the region the CI deploys to (lib/AWS_REGION), which the
		 * app often leaves to the environment; reading that file is the better evidence (not yet) */
		if (!f->text || !f->len) continue;
		for (size_t at = 0; at < f->len;) {
			const char *nl = memchr(f->text + at, '\n', f->len - at);
			size_t end = nl ? (size_t)(nl - f->text) : f->len, n = end - at;
			/* a longer line is read in pieces that overlap by a region name's length */
			if (n >= sizeof line) end = at + sizeof line - 1, n = sizeof line - 1;
			memcpy(line, f->text + at, n);
			line[n] = 0;
			for (size_t k = 0; k < n; k++)
				if (!line[k]) line[k] = ' ';
			regmatch_t m[1];
			for (size_t from = 0; req_find(req_region_rx(), line, from, m, 1) == 0; from = (size_t)m[0].rm_eo) {
				size_t mn = (size_t)(m[0].rm_eo - m[0].rm_so);
				if (want && strlen(want) == mn && strncasecmp(line + m[0].rm_so, want, mn) == 0) continue;
				*found = ig_arena_strndup(a, line + m[0].rm_so, mn);
				return (eval_hit){f, at + (size_t)m[0].rm_so};
			}
			at = nl && end == (size_t)(nl - f->text) ? end + 1 : end > at + 32 ? end - 32 : end;
		}
	}
	return (eval_hit){NULL, 0};
}

static ig_req_eval eval__service(ig_arena *a, const ig_req *q, const ig_response *r, bool forbid)
{
	size_t nres = eval__n_resources(r);
	const char *want = ig_fold_alnum(a, q->value, strlen(q->value));
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		if (!ig_role_app_file(f)) continue;
		for (size_t j = 0; j < f->n_resources; j++) {
			const ig_resource *res = &f->resources[j];
			bool hit = res->service && strcmp(res->service, q->value) == 0;
			if (!hit && res->native_type) {
				const char *folded = ig_fold_alnum(a, res->native_type, strlen(res->native_type));
				hit = ig_ends_with(folded, want) && strlen(want) >= 6;
			}
			if (hit)
				return eval__line(f, res->line, forbid ? IG_REQ_NOT_MET : IG_REQ_MET,
						  ig_arena_printf(a, "%s %s", res->native_type, res->name ? res->name : ""));
		}
	}
	for (size_t i = 0; i < r->n_services; i++)
		if (strcmp(r->services[i], q->value) == 0)
			return (ig_req_eval){forbid ? IG_REQ_NOT_MET : IG_REQ_MET, NULL, 0, 0,
					     ig_arena_printf(a, "%s is among the response's services", q->value)};
	if (!nres) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no resources were found in the response"};
	return (ig_req_eval){forbid ? IG_REQ_MET : IG_REQ_NOT_MET, NULL, 0, 0,
			     ig_arena_printf(a, "none of the %zu resources found is %s", nres, q->value)};
}

ig_req_eval ig_req_eval_response(ig_arena *a, const ig_req *q, const ig_response *r)
{
	ig_req_eval unknown_model = {IG_REQ_UNKNOWN, NULL, 0, 0, "needs resolved property values (the IaC model)"};
	if (!r || !r->present) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no such response"};
	if (!eval__has_code(r)) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "the response has no code"};
	eval_hit h;
	const char *other = NULL;
	switch (q->kind) {
	case IG_REQ_REGION:
		if ((h = eval__find(r, q->value, true)).f) return eval__at(a, IG_REQ_MET, h, "the region is in the code");
		if ((h = eval__other_region(a, r, q->value, &other)).f)
			return eval__at(a, IG_REQ_NOT_MET, h, ig_arena_printf(a, "the code names %s, never %s", other, q->value));
		return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no region in the code: it comes from the deployment environment"};
	case IG_REQ_MULTI_REGION: {
		eval_hit first = eval__other_region(a, r, NULL, &other);
		if (!first.f) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no region in the code"};
		const char *second = NULL;
		eval_hit h2 = eval__other_region(a, r, other, &second);
		bool multi = h2.f != NULL;
		bool want = strcmp(q->value, "yes") == 0;
		if (multi) return eval__at(a, want ? IG_REQ_MET : IG_REQ_NOT_MET, h2, ig_arena_printf(a, "the code names %s and %s", other, second));
		return (ig_req_eval){want ? IG_REQ_UNKNOWN : IG_REQ_MET, NULL, 0, 0,
				     ig_arena_printf(a, "the only region literal in the code is %s", other)};
	}
	case IG_REQ_SERVICE: return eval__service(a, q, r, false);
	case IG_REQ_FORBID: return eval__service(a, q, r, true);
	case IG_REQ_TAG:
		if ((h = eval__find(r, q->value, false)).f) return eval__at(a, IG_REQ_MET, h, "the tag key is in the code");
		return (ig_req_eval){IG_REQ_NOT_MET, NULL, 0, 0, ig_arena_printf(a, "the tag key %s appears nowhere in the code", q->value)};
	case IG_REQ_ENV_SUFFIX: {
		static const char *const spell[] = {"environmentSuffix", "environment_suffix", "EnvironmentSuffix", "ENVIRONMENT_SUFFIX", "envSuffix", "env_suffix", NULL};
		for (int i = 0; spell[i]; i++)
			if ((h = eval__find(r, spell[i], false)).f) return eval__at(a, IG_REQ_MET, h, ig_arena_printf(a, "names use %s", spell[i]));
		return (ig_req_eval){IG_REQ_NOT_MET, NULL, 0, 0, "no environment suffix variable in the code"};
	}
	case IG_REQ_DESTROY: {
		static const char *const keep[] = {"RemovalPolicy.RETAIN", "RemovalPolicy.SNAPSHOT", "DeletionPolicy: Retain",
			"\"DeletionPolicy\": \"Retain\"", "prevent_destroy = true", "deletion_protection = true",
			"DeletionProtection: true", "\"DeletionProtection\": true", "deletionProtection: true",
			"deletion_protection=True", "retainOnDelete: true", NULL};
		for (int i = 0; keep[i]; i++)
			if ((h = eval__find(r, keep[i], false)).f) return eval__at(a, IG_REQ_NOT_MET, h, ig_arena_printf(a, "%s keeps a resource", keep[i]));
		return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no retain setting in the code; defaults need the IaC model"};
	}
	case IG_REQ_INSTANCE: case IG_REQ_CIDR:
		if ((h = eval__find(r, q->value, true)).f) return eval__at(a, IG_REQ_MET, h, "the value is in the code");
		return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "the value is not written in the code; it may come from a variable (needs the IaC model)"};
	case IG_REQ_ENGINE: {
		const char *sp = strchr(q->value, ' ');
		if (!sp) return unknown_model;
		if ((h = eval__find(r, sp + 1, false)).f) return eval__at(a, IG_REQ_MET, h, "the engine version is in the code");
		return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "the version is not written in the code (needs the IaC model)"};
	}
	case IG_REQ_PLATFORM: {
		if (r->platform == IG_PLAT_UNKNOWN) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no platform detected"};
		bool ok = strcmp(ig_platform_name(r->platform), q->value) == 0;
		return (ig_req_eval){ok ? IG_REQ_MET : IG_REQ_NOT_MET, NULL, 0, 0,
				     ig_arena_printf(a, "the code is %s", ig_platform_name(r->platform))};
	}
	case IG_REQ_LANGUAGE: {
		if (r->lang == IG_LANG_UNKNOWN) return (ig_req_eval){IG_REQ_UNKNOWN, NULL, 0, 0, "no language detected"};
		const char *l = ig_lang_name(r->lang);
		if (!strcmp(l, "tsx")) l = "ts";
		bool ok = strcmp(l, q->value) == 0;
		return (ig_req_eval){ok ? IG_REQ_MET : IG_REQ_NOT_MET, NULL, 0, 0, ig_arena_printf(a, "the code is %s", l)};
	}
	default:
		return unknown_model;
	}
}
