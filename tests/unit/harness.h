/* Minimal unit-test harness: TEST(name) { ... } registers itself; CHECK and
 * CHECK_STR record failures with file:line and keep going. The runner
 * (tests/unit/main.c) prints one line per failure and "N passed, N failed". */
#ifndef IG_HARNESS_H
#define IG_HARNESS_H
#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef void (*ig_test_fn)(int *failed);
struct ig_kb;
/* Open a table of the build under test ($BUILD, default build): "kb/cfn.kb",
 * "test-fixture.kb". Returns 0, or -1 after printing why. */
int ig_test_kb_open(struct ig_kb *kb, const char *file);
/* For a test that runs the checks through the default tables ($IACGRADE_KB, else kb/ beside the
 * binary): 0 when the named sources ("cdk", "cfn", "tf", "pulumi") are loaded, else -1 after
 * printing which are missing. Such a test fails when this fails: a check with no table reports
 * nothing, so a test asserting the absence of findings would pass on no data. */
int ig_test_need_kb(const char *sources);
#define IG_NEED_KB(sources) do { if (ig_test_need_kb(sources)) { \
	fprintf(stderr, "  %s:%d: needs the %s table(s)\n", __FILE__, __LINE__, sources); (*ig_failed_)++; return; } } while (0)
void ig_test_register(const char *name, const char *file, ig_test_fn fn);
/* The registered tests: a list that grows (ig_test_register adds to the runner's own). */
typedef struct { const char *name, *file; ig_test_fn fn; } ig_test_entry;
typedef struct { ig_test_entry *items; size_t n, cap; } ig_test_list;
void ig_test_list_add(ig_test_list *l, const char *name, const char *file, ig_test_fn fn);

#define TEST(name) \
	static void test_##name(int *ig_failed_); \
	__attribute__((constructor)) static void reg_##name(void) { ig_test_register(#name, __FILE__, test_##name); } \
	static void test_##name(int *ig_failed_)

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); (*ig_failed_)++; } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (!((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))) { \
	fprintf(stderr, "  %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	(*ig_failed_)++; } } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { fprintf(stderr, "  %s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
	(*ig_failed_)++; } } while (0)
#endif
