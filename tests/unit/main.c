/* Runs every registered unit test; an optional argument filters by name; -v names each test
 * that passes ("ok NAME"), for tests/unit/no-kb. */
#include "harness.h"
#include "kb/kb.h"
#include <stddef.h>
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

int ig_test_need_kb(const char *sources)
{
	const ig_kbset *set = ig_kbset_default();
	static const struct { const char *name; size_t off; } all[] = {
		{"cdk", offsetof(ig_kbset, cdk)}, {"cfn", offsetof(ig_kbset, cfn)},
		{"tf", offsetof(ig_kbset, tf)}, {"pulumi", offsetof(ig_kbset, pulumi)},
	};
	int rc = 0;
	for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
		if (!strstr(sources, all[i].name)) continue;
		const ig_kb *kb = (const ig_kb *)((const char *)set + all[i].off);
		if (kb->n_entries) continue;
		const char *why = ig_kbset_default_error();
		fprintf(stderr, "  the %s table is not loaded: %s\n", all[i].name, why ? why : "no entries");
		rc = -1;
	}
	return rc;
}

void ig_test_list_add(ig_test_list *l, const char *name, const char *file, ig_test_fn fn)
{
	/* grows: a fixed table once dropped every test past its size without a word */
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		ig_test_entry *e = realloc(l->items, cap * sizeof *e);
		if (!e) { fprintf(stderr, "unit: out of memory registering %s (%s)\n", name, file); exit(2); }
		l->items = e;
		l->cap = cap;
	}
	l->items[l->n++] = (ig_test_entry){name, file, fn};
}

static ig_test_list tests;

void ig_test_register(const char *name, const char *file, ig_test_fn fn) { ig_test_list_add(&tests, name, file, fn); }

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	bool verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	if (verbose) argc--, argv++;
	for (size_t i = 0; i < tests.n; i++) {
		const ig_test_entry *t = &tests.items[i];
		if (argc > 1 && !strstr(t->name, argv[1])) continue;
		int f = 0;
		t->fn(&f);
		if (f) { failed++; fprintf(stderr, "FAIL %s (%s)\n", t->name, t->file); }
		else {
			passed++;
			if (verbose) printf("ok %s\n", t->name);
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
