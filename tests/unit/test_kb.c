/* The knowledge-base reader on a small file written by scripts/kb/kbfile.js. */
#include "harness.h"
#include "kb/kb.h"
#include <stdio.h>
#include <stdlib.h>

static int kb_open_fixture(ig_kb *kb) { return ig_test_kb_open(kb, "test-fixture.kb"); }

TEST(kb_find_and_flags)
{
	ig_kb kb;
	if (kb_open_fixture(&kb)) { CHECK(!"fixture opens"); return; }
	CHECK_STR(kb.source, "fixture@1.0.0");
	const ig_kb_entry *e = ig_kb_find(&kb, "mod.Version.VER_1_2", 19);
	CHECK(e != NULL);
	if (e) {
		CHECK_INT(ig_kb_kind_of(e), IG_KB_STATIC_PROPERTY);
		CHECK(ig_kb_has(e, IG_KB_DEPRECATED));
		CHECK(!ig_kb_has(e, IG_KB_OPTIONAL));
		CHECK_STR(ig_kb_str(&kb, e->note), "no longer supported");
		CHECK_STR(ig_kb_name(&kb, e), "VER_1_2");
	}
	CHECK(ig_kb_find(&kb, "mod.Version.VER_1", 17) == NULL);  /* a prefix is not a key */
	CHECK(ig_kb_find(&kb, "mod.Versio", 10) == NULL);
	CHECK(ig_kb_find(&kb, "zzz", 3) == NULL);
	CHECK(ig_kb_find(&kb, "Top", 3) != NULL);                 /* a top-level key */
	const ig_kb_entry *props = ig_kb_find(&kb, "mod.Props", 9);
	CHECK(props && ig_kb_has(props, IG_KB_ABSTRACT));           /* the second add merged */
	const ig_kb_entry *mod = ig_kb_find(&kb, "mod", 3);
	CHECK(mod && ig_kb_kind_of(mod) == IG_KB_MODULE);
	CHECK_STR(mod ? ig_kb_str(&kb, mod->aux) : NULL, "py=pkg.mod\ngo=pkgmod");
	ig_kb_close(&kb);
}

static bool count_child(const ig_kb_entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
	return true;
}

TEST(kb_children_folded_closest)
{
	ig_kb kb;
	if (kb_open_fixture(&kb)) { CHECK(!"fixture opens"); return; }
	int n = 0;
	ig_kb_each_child(&kb, "mod.Days", count_child, &n);
	CHECK_INT(n, 4);
	n = 0;
	ig_kb_each_child(&kb, "mod.Props", count_child, &n);
	CHECK_INT(n, 1); /* the grandchild is not a child */
	n = 0;
	ig_kb_each_child(&kb, "mod", count_child, &n);
	CHECK_INT(n, 4); /* Days, Old, Props, Version; not "mod/other" */
	CHECK(ig_kb_child(&kb, "mod.Days", "ONE_WEEK") != NULL);
	const ig_kb_entry *f = ig_kb_child_folded(&kb, "mod.Props", "vpc_subnets");
	CHECK_STR(f ? ig_kb_name(&kb, f) : NULL, "vpcSubnets");
	CHECK(ig_kb_child_folded(&kb, "mod.Props", "VpcSubnets") == f);
	CHECK(ig_kb_child_folded(&kb, "mod.Props", "vpc") == NULL);
	const ig_kb_entry *near[4];
	size_t k = ig_kb_closest(&kb, "mod.Days", "XYZZY_QUUX_FROB", near, 4);
	CHECK_INT(k, 0); /* nothing near: no guess rather than a bad one */
	k = ig_kb_closest(&kb, "mod.Days", "ONE_MNTH", near, 4);
	CHECK(k >= 1);
	CHECK_STR(k ? ig_kb_name(&kb, near[0]) : NULL, "ONE_MONTH");
	k = ig_kb_closest(&kb, "mod.Days", "TWO_MONTH", near, 1);
	CHECK_INT(k, 1);
	CHECK_STR(k ? ig_kb_name(&kb, near[0]) : NULL, "TWO_MONTHS");
	const ig_kb_entry *alias = ig_kb_find(&kb, "mod.Old", 7);
	const ig_kb_entry *target = alias ? ig_kb_resolve(&kb, alias) : NULL;
	CHECK_STR(target ? ig_kb_key(&kb, target) : NULL, "mod.Version");
	ig_kb_close(&kb);
}

/* A parent key of any length finds its children (a 1,024-byte buffer once made them absent). */
TEST(kb_child_of_a_long_key)
{
	ig_kb kb;
	if (kb_open_fixture(&kb)) { CHECK(!"fixture opens"); return; }
	char parent[1600];
	snprintf(parent, sizeof parent, "Long%01500d", 0);
	memset(parent + 4, 'x', 1500);
	CHECK(ig_kb_find(&kb, parent, strlen(parent)) != NULL);
	const ig_kb_entry *m = ig_kb_child(&kb, parent, "member");
	CHECK_STR(m ? ig_kb_name(&kb, m) : NULL, "member");
	CHECK(ig_kb_child(&kb, parent, "absent") == NULL);
	int n = 0;
	ig_kb_each_child(&kb, parent, count_child, &n);
	CHECK_INT(n, 1);
	ig_kb_close(&kb);
}

TEST(kb_rejects_bad_files)
{
	char err[512];
	ig_kb kb;
	CHECK(ig_kb_open(&kb, "/nonexistent/x.kb", err, sizeof err) == -1);
	CHECK(strstr(err, "/nonexistent/x.kb") != NULL);
	const char *tmp = "/tmp/iacgrade-unit-bad.kb";
	FILE *fp = fopen(tmp, "wb");
	if (!fp) return;
	fputs("IGKB0001 this is not a real table, only its magic", fp);
	fclose(fp);
	CHECK(ig_kb_open(&kb, tmp, err, sizeof err) == -1);
	CHECK(strstr(err, "not a knowledge-base file") != NULL);
	remove(tmp);
}
