#include "task/role.h"
#include "util/strutil.h"
#include <string.h>
#include <strings.h>

static const char *role__base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

bool ig_role_is_project_name(const char *base)
{
	return strcmp(base, "cdk.json") == 0 || strcmp(base, "cdktf.json") == 0 || strcmp(base, "Pulumi.yaml") == 0 ||
	       strcmp(base, "Pulumi.yml") == 0;
}

bool ig_role_is_root_entry(const char *base)
{
	static const char *const names[] = {"tap.py", "tap.go", "tap.ts", "tap.js", "app.py", "main.py"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(base, names[i]) == 0) return true;
	return false;
}

/* A folder of tests anywhere on the path ("test/", "tests/unit/", "__tests__/"). */
static bool role__in_test_dir(const char *path)
{
	for (const char *p = path; *p;) {
		const char *slash = strchr(p, '/');
		if (!slash) break;
		size_t n = (size_t)(slash - p);
		if ((n == 4 && strncmp(p, "test", 4) == 0) || (n == 5 && strncmp(p, "tests", 5) == 0) ||
		    (n == 9 && strncmp(p, "__tests__", 9) == 0))
			return true;
		p = slash + 1;
	}
	return false;
}

/* Test files by the naming conventions of jest, pytest, go test and JUnit. */
static bool role__test_name(const char *base)
{
	static const char *const suffixes[] = {".test.ts", ".test.js", ".test.mjs", ".test.tsx", ".spec.ts", ".spec.js",
					       "_test.py", "_test.go", "Test.java", "Tests.java", "IT.java"};
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
		if (ig_ends_with(base, suffixes[i])) return true;
	if (strncmp(base, "test_", 5) == 0 && ig_ends_with(base, ".py")) return true;
	return strcmp(base, "conftest.py") == 0;
}

ig_role ig_role_of_path(const char *path, ig_lang lang)
{
	if (lang == IG_LANG_MARKDOWN || lang == IG_LANG_TEXT) return IG_ROLE_DOC;
	if (!path) return IG_ROLE_IAC;
	if (strncmp(path, "./", 2) == 0) path += 2;
	const char *base = role__base(path);
	if (ig_ends_with(base, ".md")) return IG_ROLE_DOC;
	if (ig_role_is_project_name(base)) return IG_ROLE_PROJECT;
	if (role__in_test_dir(path) || role__test_name(base)) return IG_ROLE_TEST;
	if (strncmp(path, "bin/", 4) == 0) return IG_ROLE_ENTRY;
	if (base == path && ig_role_is_root_entry(base)) return IG_ROLE_ENTRY;
	return IG_ROLE_IAC;
}

bool ig_role_imports_test(const ig_imports *im)
{
	static const char *const prefixes[] = {"@jest/globals", "jest", "vitest", "mocha", "chai", "aws-cdk-lib/assertions",
					       "aws_cdk.assertions", "@aws-cdk/assert", "pytest", "unittest", "moto",
					       "testing", "github.com/stretchr/testify", "org.junit", "software.amazon.awscdk.assertions",
					       "@pulumi/pulumi/runtime/mocks"};
	for (size_t i = 0; i < im->n; i++) {
		const char *p = im->items[i].path;
		if (!p) continue;
		for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
			size_t n = strlen(prefixes[k]);
			if (strncmp(p, prefixes[k], n) == 0 && (p[n] == 0 || p[n] == '/' || p[n] == '.')) return true;
		}
	}
	return false;
}

bool ig_role_app_file(const ig_file *f)
{
	return (f->role == IG_ROLE_IAC || f->role == IG_ROLE_ENTRY) && !f->derived_from;
}
