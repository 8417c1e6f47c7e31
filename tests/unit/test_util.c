#include "harness.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/jsonw.h"
#include "util/strmap.h"
#include "util/strutil.h"
#include "syntax/syntax.h"

TEST(jsonw_nesting_and_escapes)
{
	ig_buf b = {0};
	ig_jsonw w;
	ig_jsonw_init(&w, &b, false);
	ig_jsonw_obj(&w);
	ig_jsonw_kstr(&w, "a", "x\"y\n\x01");
	ig_jsonw_key(&w, "l");
	ig_jsonw_arr(&w);
	ig_jsonw_int(&w, 1);
	ig_jsonw_null(&w);
	ig_jsonw_arr_end(&w);
	ig_jsonw_kline(&w, "md_line", 0);
	ig_jsonw_key(&w, "e");
	ig_jsonw_obj(&w);
	ig_jsonw_obj_end(&w);
	ig_jsonw_obj_end(&w);
	CHECK_STR(ig_buf_cstr(&b), "{\"a\":\"x\\\"y\\n\\u0001\",\"l\":[1,null],\"md_line\":null,\"e\":{}}");
	ig_buf_free(&b);
}

TEST(json_and_xml_escape_bytes_that_are_not_utf8)
{
	ig_buf b = {0};
	/* UTF-8 kept, a stray byte and a cut sequence replaced: JSON text is UTF-8 */
	ig_json_escape(&b, "\xc3\xa9\xff-\xe2\x82", 6);
	CHECK_STR(ig_buf_cstr(&b), "\"\xc3\xa9\\ufffd-\\ufffd\\ufffd\"");
	ig_buf_reset(&b);
	/* XML 1.0: markup escaped, controls visible, U+FFFE out, a stray byte U+FFFD; TAB and LF kept
	 * in text, character references in an attribute */
	const char s[] = "a<b>&\"c'\x1b[1m\t\n\xc2\x9b\xef\xbf\xbe\xff";
	ig_buf_put_xml(&b, s, sizeof s - 1, false);
	CHECK_STR(ig_buf_cstr(&b), "a&lt;b&gt;&amp;\"c'\\x1b[1m\t\n\\u009b\\ufffe\xef\xbf\xbd");
	ig_buf_reset(&b);
	ig_buf_put_xml(&b, s, sizeof s - 1, true);
	CHECK_STR(ig_buf_cstr(&b), "a&lt;b&gt;&amp;&quot;c'\\x1b[1m&#9;&#10;\\u009b\\ufffe\xef\xbf\xbd");
	ig_buf_free(&b);
}

TEST(sanitize_nul_and_bad_utf8)
{
	char s[] = "ok\nline2 \xff\xfe\n\0x\n\xc3\xa9";
	ig_text t = {.data = s, .len = sizeof s - 1};
	ig_text_sanitize(&t);
	CHECK(t.bad_utf8);
	CHECK(t.had_nul);
	CHECK_INT(t.first_bad_line, 2);
	CHECK_STR(t.data, "ok\nline2 ??\n x\n\xc3\xa9");
}

TEST(file_read_missing_and_cap)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_text t;
	CHECK_INT(ig_file_read(&a, "/nonexistent/iacgrade/x", 100, &t), IG_READ_MISSING);
	CHECK_INT(ig_file_read(&a, "/", 100, &t), IG_READ_ERROR);
	CHECK_INT(ig_file_read(&a, "Makefile", 10, &t), IG_READ_TOO_BIG);
	CHECK_INT(ig_file_read(&a, "Makefile", IG_FILE_CAP, &t), IG_READ_OK);
	CHECK(t.len > 10);
	ig_arena_free(&a);
}

TEST(strmap_put_get_grow)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_strmap m;
	ig_strmap_init(&m, &a);
	for (int i = 0; i < 1000; i++) {
		char *k = ig_arena_printf(&a, "k%d", i);
		ig_strmap_put(&m, k, strlen(k), (void *)(long)(i + 1));
	}
	CHECK_INT((long)ig_strmap_get(&m, "k0", 2), 1);
	CHECK_INT((long)ig_strmap_get(&m, "k999", 4), 1000);
	CHECK(ig_strmap_get(&m, "k1000", 5) == NULL);
	CHECK_INT(m.count, 1000);
	ig_arena_free(&a);
}

TEST(memcasestr_finds_either_case_at_every_place)
{
	const char *s = "Deploy in US-East-1, then us-west-2";
	size_t n = strlen(s);
	CHECK(ig_memcasestr(s, n, "us-east-1") == s + 10);
	CHECK(ig_memcasestr(s, n, "US-WEST-2") == s + 26);
	CHECK(ig_memcasestr(s, n, "deploy") == s);          /* at the start */
	CHECK(ig_memcasestr(s, n, "west-2") == s + 29);     /* at the very end */
	CHECK(ig_memcasestr(s, n - 1, "west-2") == NULL);   /* cut one byte short */
	CHECK(ig_memcasestr(s, n, "-1,") == s + 17);        /* a first byte that is no letter */
	CHECK(ig_memcasestr(s, n, "us-east-2") == NULL);    /* both cases of the first letter tried, none matches */
	CHECK(ig_memcasestr("ab", 2, "abc") == NULL);       /* needle longer than the text */
	CHECK(ig_memcasestr(s, 0, "") == s);
	/* hits in both cases before the match: "uS" and "Us" are false starts */
	const char *t = "uS-x Us-y us-EAST";
	CHECK(ig_memcasestr(t, strlen(t), "us-east") == t + 10);
}

TEST(fold_alnum)
{
	ig_arena a;
	ig_arena_init(&a);
	CHECK_STR(ig_fold_alnum(&a, "Amazon S3 (Simple)", 18), "amazons3simple");
	ig_arena_free(&a);
}

TEST(parse_reports_syntax_errors_and_keeps_going)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_parse p;
	const char *src = "const a = 1;\nconst b = (;\nconst c = 3;\n";
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_TS, src, strlen(src)), 0);
	CHECK(p.tree != NULL);
	CHECK(p.n_errors >= 1);
	if (p.n_errors) CHECK_INT(p.errors[0].line, 2);
	ig_parse_release(&p);
	const char *ok = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n";
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_HCL, ok, strlen(ok)), 0);
	CHECK_INT(p.n_errors, 0);
	ig_parse_release(&p);
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_SHELL, "ls", 2), -1);
	ig_arena_free(&a);
}

TEST(every_grammar_loads)
{
	for (int l = IG_LANG_TS; l <= IG_LANG_HCL; l++) CHECK(ig_syntax_language((ig_lang)l) != NULL);
	CHECK(ig_lang_from_tag("TypeScript", 10) == IG_LANG_TS);
	CHECK(ig_lang_from_path("lib/main.tf") == IG_LANG_HCL);
	CHECK(ig_lang_from_path("lib/TapStack.yml") == IG_LANG_YAML);
}

#include "syntax/jsonval.h"

TEST(json_value_tolerates_trailing_commas)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_parse p;
	const char *src = "{\"a\": [1, \"x\\u00e9\",],\n \"b\": {\"c\": true},\n}";
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_JSON, src, strlen(src)), 0);
	CHECK(p.n_errors >= 1);
	ig_jval *v = ig_json_value(&a, &p);
	CHECK(v && v->type == IG_JOBJ);
	const ig_jval *arr = ig_json_get(v, "a");
	CHECK(arr && arr->type == IG_JARR && arr->n == 2);
	if (arr && arr->n == 2) CHECK_STR(arr->items[1]->str, "x\xc3\xa9");
	const ig_jval *b = ig_json_get(v, "b");
	CHECK(b && ig_json_get(b, "c") && ig_json_get(b, "c")->b);
	CHECK_INT(b ? b->line : 0, 2);
	ig_parse_release(&p);
	ig_arena_free(&a);
}

TEST(json_value_depth_cap)
{
	ig_arena a;
	ig_arena_init(&a);
	size_t n = 20000;
	char *src = ig_arena_alloc(&a, n + 1);
	memset(src, '[', n);
	ig_parse p;
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_JSON, src, n), 0);
	/* nothing but an unclosed nest: no value, one syntax error, no crash */
	CHECK(ig_json_value(&a, &p) == NULL);
	CHECK(p.n_errors >= 1);
	ig_parse_release(&p);
	const char *deep_ok = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]";
	CHECK_INT(ig_syntax_parse(&p, &a, IG_LANG_JSON, deep_ok, strlen(deep_ok)), 0);
	const ig_jval *v = ig_json_value(&a, &p);
	int depth = 0;
	while (v && v->type == IG_JARR && v->n == 1) { v = v->items[0]; depth++; }
	CHECK(v && v->type == IG_JDEEP);
	CHECK_INT(depth, IG_JSON_MAX_DEPTH + 1);
	ig_parse_release(&p);
	ig_arena_free(&a);
}

static void harness__noop(int *failed) { (void)failed; }

/* The runner keeps every test it is given: a fixed table of 1,024 once dropped the rest silently. */
TEST(harness_keeps_every_test)
{
	ig_test_list l = {0};
	char names[3000][12];
	for (int i = 0; i < 3000; i++) {
		snprintf(names[i], sizeof names[i], "t%d", i);
		ig_test_list_add(&l, names[i], __FILE__, harness__noop);
	}
	CHECK_INT(l.n, 3000);
	CHECK_STR(l.n == 3000 ? l.items[2999].name : NULL, "t2999");
	CHECK_STR(l.n > 1024 ? l.items[1024].name : NULL, "t1024");
	free(l.items);
}
