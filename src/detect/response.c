/* A response's platform and language: a vote of its files. Files written
 * with an IaC framework or template decide; a pipeline or an analysis script
 * decides only when there is no IaC at all (a CDK project may ship a Lambda
 * handler that imports boto3, or a workflow file). Each file weighs one plus
 * its resources, so the main stack outweighs a helper that only imports.
 * A tie between languages (a template kept as both TapStack.yml and a
 * converted TapStack.json) goes to the hint: the language of the documented
 * answer. */
#include "detect/detect.h"
#include <ctype.h>
#include <string.h>

/* Extra weight of a conventional entry point (tap-stack.ts, tap_stack.py,
 * TapStack.json, bin/tap.ts, main.tf, index.ts, __main__.py, Main.java): the
 * file a project is built from outweighs a helper or a converted copy. */
#define RESP_ENTRY_BONUS 5
/* Weight of a project file (cdk.json, cdktf.json, Pulumi.yaml): as much as an
 * entry point, since it names the app the CLI builds. */
#define RESP_PROJECT_WEIGHT 5
/* Test files that must import an analysis script before it outweighs the IaC
 * beside it: one test file of a helper script is common in IaC tasks. */
#define RESP_MIN_TESTS 2

static bool resp__is_entry(const char *path)
{
	if (!path) return false;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	char f[32];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof f; i++)
		if (isalnum((unsigned char)base[i])) f[k++] = (char)tolower((unsigned char)base[i]);
	f[k] = 0;
	static const char *const names[] = {"tapstack", "tap", "main", "index", NULL};
	for (int i = 0; names[i]; i++)
		if (strcmp(f, names[i]) == 0) return true;
	return false;
}

/* The stem of a path or module path: "lib/tap-stack.ts" and "../lib/tap-stack"
 * give "tap-stack", "lib.analyse" and "analyse.py" give "analyse". */
static void resp__stem(const char *p, bool module, char *out, size_t cap)
{
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	const char *end = base + strlen(base);
	if (module) {
		const char *dot = strrchr(base, '.');
		if (dot) base = dot + 1; /* Python's lib.analyse */
	} else {
		const char *dot = strrchr(base, '.');
		if (dot && dot > base) end = dot;
	}
	size_t n = (size_t)(end - base);
	if (n >= cap) n = cap - 1;
	memcpy(out, base, n);
	out[n] = 0;
}

/* How many test files import code of each platform: the tests exercise the
 * deliverable (an analysis script's tests import it: `from analyse import
 * ...`; a stack's tests import the stack). */
static void resp__tested(const ig_response *r, size_t tested[IG_PLAT_COUNT])
{
	memset(tested, 0, IG_PLAT_COUNT * sizeof *tested);
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *t = &r->files[i];
		if (t->role != IG_ROLE_TEST) continue;
		bool hit[IG_PLAT_COUNT] = {false};
		for (size_t k = 0; k < t->imports.n; k++) {
			if (!t->imports.items[k].path) continue;
			char want[128];
			resp__stem(t->imports.items[k].path, true, want, sizeof want);
			for (size_t j = 0; j < r->n_files; j++) {
				const ig_file *f = &r->files[j];
				if (f->role != IG_ROLE_IAC || f->platform == IG_PLAT_UNKNOWN) continue;
				char stem[128];
				resp__stem(f->path, false, stem, sizeof stem);
				if (strcmp(stem, want) == 0) hit[f->platform] = true;
			}
		}
		for (int p = 0; p < IG_PLAT_COUNT; p++) tested[p] += hit[p];
	}
}

static bool resp__is_iac(ig_platform p)
{
	return p == IG_PLAT_CDK || p == IG_PLAT_CDKTF || p == IG_PLAT_PULUMI || p == IG_PLAT_CFN || p == IG_PLAT_TF;
}

void ig_detect_response(ig_response *r, ig_lang hint)
{
	size_t weight[IG_PLAT_COUNT][IG_LANG_COUNT], resources[IG_PLAT_COUNT];
	bool entry[IG_PLAT_COUNT][IG_LANG_COUNT];
	bool app_entry[IG_PLAT_COUNT]; /* an app entry point (bin/tap.ts, tap.py) of the platform */
	/* the language each platform's project files name (IG_LANG_COUNT: several) */
	ig_lang project_lang[IG_PLAT_COUNT];
	memset(weight, 0, sizeof weight);
	memset(entry, 0, sizeof entry);
	memset(resources, 0, sizeof resources);
	memset(app_entry, 0, sizeof app_entry);
	for (int p = 0; p < IG_PLAT_COUNT; p++) project_lang[p] = IG_LANG_UNKNOWN;
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		if (f->platform == IG_PLAT_UNKNOWN) continue;
		/* tests, documents and converted twins are not the app */
		if (f->role == IG_ROLE_TEST || f->role == IG_ROLE_DOC || f->derived_from) continue;
		if (f->role == IG_ROLE_PROJECT) {
			/* to the platform only: the language is the code's, see below */
			weight[f->platform][IG_LANG_UNKNOWN] += RESP_PROJECT_WEIGHT;
			if (f->platform_lang != IG_LANG_UNKNOWN) {
				ig_lang *pl = &project_lang[f->platform];
				*pl = *pl == IG_LANG_UNKNOWN || *pl == f->platform_lang ? f->platform_lang : IG_LANG_COUNT;
			}
			continue;
		}
		app_entry[f->platform] |= f->role == IG_ROLE_ENTRY;
		bool is_entry = f->role == IG_ROLE_ENTRY || resp__is_entry(f->path);
		entry[f->platform][f->platform_lang] |= is_entry;
		weight[f->platform][f->platform_lang] += 1 + f->n_resources + (is_entry ? RESP_ENTRY_BONUS : 0);
		resources[f->platform] += f->n_resources;
	}
	ig_platform best_p = IG_PLAT_UNKNOWN;
	ig_lang best_l = IG_LANG_UNKNOWN;
	size_t best = 0;
	for (int pass = 0; pass < 3 && !best; pass++) {
		for (int p = 1; p < IG_PLAT_COUNT; p++) {
			bool eligible = pass == 0 ? resp__is_iac((ig_platform)p) : pass == 1 ? p == IG_PLAT_CICD : p == IG_PLAT_ANALYSIS;
			if (!eligible) continue;
			size_t total = 0;
			for (int l = 0; l < IG_LANG_COUNT; l++) total += weight[p][l];
			if (total > best) { best = total; best_p = (ig_platform)p; }
		}
		/* A project file names the app the CLI builds: when the project
		 * files name one platform and code of it is there, that is the app,
		 * and other code beside it (a template synthesised from it, a draft
		 * in another framework) is not. */
		if (pass == 0) {
			int named = 0;
			ig_platform app = IG_PLAT_UNKNOWN;
			for (int p = 1; p < IG_PLAT_COUNT; p++)
				if (weight[p][IG_LANG_UNKNOWN] >= RESP_PROJECT_WEIGHT && resp__is_iac((ig_platform)p)) {
					named++;
					app = (ig_platform)p;
				}
			size_t code = 0;
			for (int l = 1; named == 1 && l < IG_LANG_COUNT; l++) code += weight[app][l];
			if (named == 1 && code) {
				best_p = app;
				best = code + weight[app][IG_LANG_UNKNOWN];
			}
		}
		/* IaC that declares nothing (Terraform of only data sources and
		 * locals, say) is not the deliverable when a pipeline or a script is
		 * there: let the later passes decide. An app entry point (bin/tap.ts
		 * creating the stack) is an app even when the stack's own file is
		 * not there: some tasks keep only a pipeline in lib/. */
		if (pass == 0 && best && resources[best_p] == 0 && !app_entry[best_p]) {
			bool other = false;
			for (int l = 0; l < IG_LANG_COUNT; l++)
				other |= weight[IG_PLAT_CICD][l] || weight[IG_PLAT_ANALYSIS][l];
			if (other) { best = 0; best_p = IG_PLAT_UNKNOWN; }
		}
	}
	/* IaC beside an analysis script is often the infrastructure the script
	 * inspects: when more test files import the script than the IaC (and
	 * more than one does), the script is the deliverable. */
	if (resp__is_iac(best_p) && weight[IG_PLAT_ANALYSIS][IG_LANG_PY]) {
		size_t tested[IG_PLAT_COUNT];
		resp__tested(r, tested);
		if (tested[IG_PLAT_ANALYSIS] >= RESP_MIN_TESTS && tested[IG_PLAT_ANALYSIS] > tested[best_p])
			best_p = IG_PLAT_ANALYSIS;
	}
	if (best_p != IG_PLAT_UNKNOWN) {
		size_t top = 0;
		for (int l = 1; l < IG_LANG_COUNT; l++)
			if (weight[best_p][l] > top || (weight[best_p][l] == top && top && l == (int)hint)) {
				top = weight[best_p][l];
				best_l = (ig_lang)l;
			}
	}
	/* A CloudFormation template kept both as YAML and as JSON (TapStack.yml
	 * and TapStack.json: tests load the JSON converted from the YAML) is one
	 * template in two forms: the hint decides, and without one the YAML, the
	 * form people write. When only one form is the entry template (TapStack.json
	 * beside a pipeline stack ci-cd.yml), the other is a second template, not
	 * a twin: the entry decides. */
	if (best_p == IG_PLAT_CFN && weight[best_p][IG_LANG_YAML] && weight[best_p][IG_LANG_JSON]) {
		bool ey = entry[best_p][IG_LANG_YAML], ej = entry[best_p][IG_LANG_JSON];
		if (ey != ej) best_l = ey ? IG_LANG_YAML : IG_LANG_JSON;
		else best_l = hint == IG_LANG_JSON ? IG_LANG_JSON : IG_LANG_YAML;
	}
	/* The project file names the language the app is built in: a stack kept
	 * in a second language beside it (a TypeScript draft in a Python CDK
	 * project) is not the app. It decides only when code of that language is
	 * there. */
	if (best_p != IG_PLAT_UNKNOWN && project_lang[best_p] != IG_LANG_UNKNOWN && project_lang[best_p] != IG_LANG_COUNT &&
	    weight[best_p][project_lang[best_p]])
		best_l = project_lang[best_p];
	r->platform = best_p;
	r->lang = best_l;
}
