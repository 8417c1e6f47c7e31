/* Project files as evidence of the app's platform and language: cdk.json's
 * app command (`npx ts-node bin/tap.ts`, `python3 tap.py`, `go run tap.go`,
 * `mvn -e -q compile exec:java`), cdktf.json's language, Pulumi.yaml's
 * runtime (with `main` telling TypeScript from JavaScript). They are what the
 * CLI runs to synthesise or deploy, so they name the app that is built, not a
 * helper beside it. */
#include "detect/detect.h"
#include "syntax/yamlval.h"
#include "util/strutil.h"
#include <string.h>

static const char *proj__base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static bool proj__word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && strncmp(w, s, n) == 0;
}

static bool proj__word_ends(const char *w, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);
	return n >= m && strncmp(w + n - m, suffix, m) == 0;
}

/* The language a command runs: the first word that names one decides
 * (`npx ts-node --prefer-ts-exts bin/tap.ts`: ts-node); `node x.js` is
 * JavaScript only when no other word names a language. */
ig_lang ig_detect_command_lang(const char *cmd)
{
	bool js = false;
	for (const char *p = cmd; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '"' || *p == '\'') p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '"' && *p != '\'') p++;
		size_t n = (size_t)(p - w);
		if (!n) continue;
		if (proj__word_is(w, n, "ts-node") || proj__word_is(w, n, "tsx") || proj__word_ends(w, n, ".ts"))
			return IG_LANG_TS;
		if (proj__word_is(w, n, "python") || proj__word_is(w, n, "python3") || proj__word_is(w, n, "pipenv") ||
		    proj__word_is(w, n, "poetry") || proj__word_ends(w, n, ".py"))
			return IG_LANG_PY;
		if (proj__word_is(w, n, "go") || proj__word_ends(w, n, ".go")) return IG_LANG_GO;
		if (proj__word_is(w, n, "mvn") || proj__word_is(w, n, "gradle") || proj__word_ends(w, n, "/gradlew") ||
		    proj__word_is(w, n, "java") || proj__word_ends(w, n, ".jar"))
			return IG_LANG_JAVA;
		if (proj__word_is(w, n, "node") || proj__word_ends(w, n, ".js") || proj__word_ends(w, n, ".mjs") ||
		    proj__word_ends(w, n, ".cjs"))
			js = true;
	}
	return js ? IG_LANG_JS : IG_LANG_UNKNOWN;
}

static const char *proj__str(const ig_jval *obj, const char *key)
{
	const ig_jval *v = obj ? ig_json_get(obj, key) : NULL;
	return v && v->type == IG_JSTR ? v->str : NULL;
}

/* Pulumi's runtime: `runtime: python` or `runtime: {name: nodejs, options: ...}`. */
static ig_lang proj__pulumi_lang(const ig_jval *root)
{
	const ig_jval *rt = ig_json_get(root, "runtime");
	const char *name = rt && rt->type == IG_JSTR ? rt->str : proj__str(rt && rt->type == IG_JOBJ ? rt : NULL, "name");
	if (!name) return IG_LANG_UNKNOWN;
	if (strcmp(name, "python") == 0) return IG_LANG_PY;
	if (strcmp(name, "go") == 0) return IG_LANG_GO;
	if (strcmp(name, "java") == 0) return IG_LANG_JAVA;
	if (strcmp(name, "nodejs") != 0) return IG_LANG_UNKNOWN; /* yaml, dotnet */
	/* nodejs runs TypeScript or JavaScript: the main program's extension says which */
	const char *main = proj__str(root, "main");
	if (main && (ig_ends_with(main, ".js") || ig_ends_with(main, ".mjs") || ig_ends_with(main, ".cjs"))) return IG_LANG_JS;
	if (main && ig_ends_with(main, ".ts")) return IG_LANG_TS;
	const ig_jval *opts = rt && rt->type == IG_JOBJ ? ig_json_get(rt, "options") : NULL;
	const ig_jval *ts = opts && opts->type == IG_JOBJ ? ig_json_get(opts, "typescript") : NULL;
	if (ts && ts->type == IG_JBOOL && !ts->b) return IG_LANG_JS;
	return IG_LANG_UNKNOWN;
}

bool ig_detect_project(ig_arena *a, ig_file *f, const ig_parse *p)
{
	const char *base = proj__base(f->path ? f->path : "");
	bool cdk = strcmp(base, "cdk.json") == 0, cdktf = strcmp(base, "cdktf.json") == 0;
	bool pulumi = strcmp(base, "Pulumi.yaml") == 0 || strcmp(base, "Pulumi.yml") == 0;
	if (!cdk && !cdktf && !pulumi) return false;
	ig_jval *root = NULL;
	if ((cdk || cdktf) && f->lang == IG_LANG_JSON) root = ig_json_value(a, p);
	if (pulumi && f->lang == IG_LANG_YAML) root = ig_yaml_value(a, p, NULL, NULL);
	if (!root || root->type != IG_JOBJ) return true; /* a project file that says nothing */
	if (pulumi) {
		/* Pulumi.yaml names the project and its runtime */
		if (!ig_json_get(root, "runtime") && !ig_json_get(root, "name")) return true;
		f->platform = IG_PLAT_PULUMI;
		f->platform_lang = proj__pulumi_lang(root);
		return true;
	}
	const char *app = proj__str(root, "app");
	if (cdktf) {
		const char *lang = proj__str(root, "language");
		if (!lang && !app) return true;
		f->platform = IG_PLAT_CDKTF;
		f->platform_lang = lang ? ig_lang_from_tag(lang, strlen(lang)) : IG_LANG_UNKNOWN;
		if (f->platform_lang == IG_LANG_UNKNOWN && app) f->platform_lang = ig_detect_command_lang(app);
		return true;
	}
	if (!app) return true;
	f->platform = IG_PLAT_CDK;
	f->platform_lang = ig_detect_command_lang(app);
	return true;
}
