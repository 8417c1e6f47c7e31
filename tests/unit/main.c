/* Runs every registered unit test; an optional argument filters by name. */
#include "harness.h"
#include "kb/kb.h"
#include <stdlib.h>

int ig_test_kb_open(struct ig_kb *kb, const char *file)
{
	const char *build = getenv("BUILD");
	char path[512], err[768];
	snprintf(path, sizeof path, "%s/%s", build && *build ? build : "build", file);
	int rc = ig_kb_open(kb, path, err, sizeof err);
	if (rc) fprintf(stderr, "  %s\n", err);
	return rc;
}

typedef struct { const char *name, *file; ig_test_fn fn; } test_entry;
static test_entry tests[1024];
static int n_tests;

void ig_test_register(const char *name, const char *file, ig_test_fn fn)
{
	if (n_tests < (int)(sizeof tests / sizeof *tests)) tests[n_tests++] = (test_entry){name, file, fn};
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int i = 0; i < n_tests; i++) {
		if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
		int f = 0;
		tests[i].fn(&f);
		if (f) { failed++; fprintf(stderr, "FAIL %s (%s)\n", tests[i].name, tests[i].file); }
		else passed++;
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
