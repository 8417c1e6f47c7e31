#include "harness.h"
#include "util/myers.h"
#include <stdbool.h>
#include <stdlib.h>

/* Length of the longest common subsequence by dynamic programming: the
 * reference the linear-space search must agree with. */
static size_t lcs_len(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t *row = calloc(nb + 1, sizeof *row), *prev = calloc(nb + 1, sizeof *prev);
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++)
			row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
		size_t *t = prev; prev = row; row = t;
	}
	size_t n = prev[nb];
	free(row);
	free(prev);
	return n;
}

/* Both forms: the plain search, and the one that sets aside the items of one
 * side only (large alphabets give many of them). */
TEST(myers_matches_are_a_longest_common_subsequence)
{
	unsigned seed = 12345;
	for (int round = 0; round < 800; round++) {
		bool discarding = round >= 400;
		uint64_t a[60], b[60];
		seed = seed * 1103515245u + 12345u;
		size_t na = (seed >> 8) % 60, nb;
		seed = seed * 1103515245u + 12345u;
		nb = (seed >> 8) % 60;
		unsigned alpha = round % 2 ? 2 + round % 6 : 10 + round % 50; /* small alphabets: many equal items */
		for (size_t i = 0; i < na; i++) { seed = seed * 1103515245u + 12345u; a[i] = (seed >> 10) % alpha; }
		for (size_t i = 0; i < nb; i++) { seed = seed * 1103515245u + 12345u; b[i] = (seed >> 10) % alpha; }
		ig_match *m = NULL;
		size_t n = discarding ? ig_myers_discarding(a, na, b, nb, 1000, &m) : ig_myers(a, na, b, nb, 1000, &m);
		size_t total = 0, ai = 0, bi = 0;
		int ok = 1;
		for (size_t k = 0; k < n; k++) {
			if (m[k].a_at < ai || m[k].b_at < bi || m[k].n == 0) ok = 0;
			for (size_t t = 0; t < m[k].n; t++)
				if (m[k].a_at + t >= na || m[k].b_at + t >= nb || a[m[k].a_at + t] != b[m[k].b_at + t]) ok = 0;
			ai = m[k].a_at + m[k].n, bi = m[k].b_at + m[k].n, total += m[k].n;
		}
		CHECK(ok);
		CHECK_INT(total, lcs_len(a, na, b, nb));
		free(m);
		if (!ok) break;
	}
}

TEST(myers_bounded_cost_replaces_whole)
{
	uint64_t a[] = {1, 2, 3, 4, 5, 6, 7, 8}, b[] = {1, 9, 9, 9, 9, 9, 9, 8};
	ig_match *m = NULL;
	size_t n = ig_myers(a, 8, b, 8, 2, &m), total = 0;
	for (size_t k = 0; k < n; k++) total += m[k].n;
	CHECK_INT(total, 2); /* the common first and last items, nothing searched between */
	free(m);
}

/* ---- the diff over real parses ---- */
#include "detect/detect.h"
#include "diff/diff.h"
#include "diff/tokens.h"
#include "syntax/syntax.h"
#include "util/arena.h"

/* One answer of one file, parsed, its resources detected, its tokens built
 * (what the analysis does before it frees the tree). */
static void diff_answer(ig_arena *a, ig_response *r, ig_file *f, const char *path, const char *text)
{
	memset(f, 0, sizeof *f);
	f->path = path;
	f->lang = ig_lang_from_path(path);
	f->text = text;
	f->len = strlen(text);
	ig_syntax_parse(&f->parse, a, f->lang, f->text, f->len);
	ig_detect_file(a, f);
	f->tokens = ig_tokens_build(a, f);
	ig_parse_release(&f->parse);
	*r = (ig_response){.name = "t", .source = path, .present = true, .files = f, .n_files = 1};
}

static size_t diff_count(const char *path, const char *before, const char *after, ig_diff *out, ig_arena *a)
{
	static ig_file fa, fb;
	ig_response ra, rb;
	diff_answer(a, &ra, &fa, path, before);
	diff_answer(a, &rb, &fb, path, after);
	ig_diff_responses(a, &ra, &rb, out);
	return out->n_fixes;
}

static size_t ignored_total(const ig_diff *d, int side)
{
	size_t n = 0;
	for (int r = 0; r < IG_IGN_COUNT; r++) n += d->ignored_lines[r][side];
	return n;
}

/* Each pair must compare equal: no fix, and every changed line accounted
 * for under a reason. */
static void check_no_fix(int *ig_failed_, const char *path, const char *before, const char *after)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_diff d;
	size_t n = diff_count(path, before, after, &d, &a);
	if (n) fprintf(stderr, "  %s: %zu fix(es), first %s %s\n", path, n, ig_fix_kind_name(d.fixes[0].kind),
		       d.fixes[0].ideal_name ? d.fixes[0].ideal_name : "");
	CHECK_INT(n, 0);
	CHECK_INT(ignored_total(&d, 0), d.changed_lines[0]);
	CHECK_INT(ignored_total(&d, 1), d.changed_lines[1]);
	ig_arena_free(&a);
}

TEST(diff_typescript_style_is_not_a_change)
{
	check_no_fix(ig_failed_, "lib/stack.ts",
		     "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
		     "import * as cdk from 'aws-cdk-lib';\n"
		     "export class S extends cdk.Stack {\n"
		     "  constructor(scope: any, id: string) {\n"
		     "    super(scope, id);\n"
		     "    const bucket = new s3.Bucket(this, 'Data', { versioned: true, });\n"
		     "    new cdk.CfnOutput(this, 'Name', { value: bucket.bucketName });\n"
		     "  }\n"
		     "}\n",
		     "import * as cdk from \"aws-cdk-lib\"\n"
		     "import * as s3 from \"aws-cdk-lib/aws-s3\"\n"
		     "\n"
		     "// the stack\n"
		     "export class S extends cdk.Stack {\n"
		     "  constructor(scope: any, id: string) {\n"
		     "    super(scope, id)\n"
		     "    /* data */\n"
		     "    const data = new s3.Bucket(this, \"Data\", {\n"
		     "      versioned: true\n"
		     "    })\n"
		     "    new cdk.CfnOutput(this, \"Name\", { value: data.bucketName })\n"
		     "  }\n"
		     "}\n");
}

TEST(diff_python_go_java_hcl_comments_and_order)
{
	check_no_fix(ig_failed_, "stack.py",
		     "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n\nbucket = s3.Bucket(self, 'B', versioned=True,)\n",
		     "from aws_cdk import aws_s3 as s3\nimport aws_cdk as cdk\n# a comment\nbucket = s3.Bucket(self, \"B\",\n    versioned=True)\n");
	check_no_fix(ig_failed_, "main.go",
		     "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(os.Args)\n}\n",
		     "package main\n\n// entry\nimport (\n\t\"os\"\n\t\"fmt\"\n)\n\nfunc main() {\n\t// print\n\tfmt.Println(os.Args)\n}\n");
	check_no_fix(ig_failed_, "Main.java",
		     "import a.B;\nimport a.C;\nclass M {\n  void f() { B.g(C.h()); }\n}\n",
		     "import a.C;\nimport a.B;\n// doc\nclass M {\n  /* body */\n  void f() {\n    B.g(C.h());\n  }\n}\n");
	check_no_fix(ig_failed_, "main.tf",
		     "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\nresource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n",
		     "# queue first\nresource \"aws_sqs_queue\" \"q\" {\n  name   = \"q\"\n}\n\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\" # name\n}\n");
}

TEST(diff_templates_reindented_reordered_short_forms)
{
	check_no_fix(ig_failed_, "t.json",
		     "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Ref\": \"N\"},"
		     " \"Tags\": [{\"Key\": \"a\", \"Value\": \"1\"}]}}, \"Q\": {\"Type\": \"AWS::SQS::Queue\"}},"
		     " \"Parameters\": {\"N\": {\"Type\": \"String\"}}}\n",
		     "{\n  \"Parameters\": {\n    \"N\": {\n      \"Type\": \"String\"\n    }\n  },\n  \"Resources\": {\n"
		     "    \"Q\": {\n      \"Type\": \"AWS::SQS::Queue\"\n    },\n    \"B\": {\n      \"Properties\": {\n"
		     "        \"Tags\": [\n          {\n            \"Value\": \"1\",\n            \"Key\": \"a\"\n          }\n        ],\n"
		     "        \"BucketName\": {\n          \"Ref\": \"N\"\n        }\n      },\n      \"Type\": \"AWS::S3::Bucket\"\n    }\n  }\n}\n");
	check_no_fix(ig_failed_, "t.yaml",
		     "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref N\n      Arn: !GetAtt Q.Arn\n"
		     "      Tags:\n        - Key: a\n          Value: '1'\n  Q:\n    Type: AWS::SQS::Queue\n",
		     "Resources:\n  Q: {Type: AWS::SQS::Queue}\n  B:\n    Type: \"AWS::S3::Bucket\"\n    Properties:\n"
		     "      # the name\n      BucketName:\n        Ref: N\n      Arn:\n        Fn::GetAtt: [Q, Arn]\n      Tags: [{Key: a, Value: 1}]\n");
}

TEST(diff_planted_property_change_is_one_fix_at_its_lines)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_diff d;
	const char *before =
		"import * as s3 from 'aws-cdk-lib/aws-s3';\n"           /* 1 */
		"export class S {\n"                                      /* 2 */
		"  constructor() {\n"                                     /* 3 */
		"    const b = new s3.Bucket(this, 'Data', {\n"          /* 4 */
		"      versioned: true,\n"                                /* 5 */
		"    });\n"                                               /* 6 */
		"    const q = new s3.Bucket(this, 'Logs', {});\n"       /* 7 */
		"  }\n"
		"}\n";
	const char *after =
		"import * as s3 from 'aws-cdk-lib/aws-s3';\n"
		"export class S {\n"
		"  constructor() {\n"
		"    const b = new s3.Bucket(this, 'Data', {\n"
		"      versioned: false,\n"                               /* 5: the planted change */
		"    });\n"
		"    const q = new s3.Bucket(this, 'Logs', {});\n"
		"  }\n"
		"}\n";
	CHECK_INT(diff_count("lib/s.ts", before, after, &d, &a), 1);
	if (d.n_fixes == 1) {
		const ig_fix *f = &d.fixes[0];
		CHECK_INT(f->kind, IG_FIX_RESOURCE_CHANGED);
		CHECK_STR(f->ideal_name, "Data");
		CHECK_INT(f->model.line, 5);
		CHECK_INT(f->model.end_line, 5);
		CHECK_INT(f->ideal.line, 5);
		CHECK_INT(f->ideal.end_line, 5);
		CHECK_INT(f->model_lines, 1);
		CHECK_INT(f->ideal_lines, 1);
	}
	CHECK_INT(d.changed_lines[0], 1);
	ig_arena_free(&a);
}

TEST(diff_template_property_change_has_its_detail)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_diff d;
	CHECK_INT(diff_count("t.yaml",
			     "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: a\n  Q:\n    Type: AWS::SQS::Queue\n",
			     "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b\n  Q:\n    Type: AWS::SQS::Queue\n",
			     &d, &a), 1);
	if (d.n_fixes == 1 && d.fixes[0].n_details == 1) {
		CHECK_STR(d.fixes[0].details[0].path, "Properties.BucketName");
		CHECK_STR(d.fixes[0].details[0].old_text, "BucketName: a");
		CHECK_STR(d.fixes[0].details[0].new_text, "BucketName: b");
	} else {
		CHECK(d.n_fixes == 1 && d.fixes[0].n_details == 1);
	}
	ig_arena_free(&a);
}

TEST(diff_resource_added_and_no_code)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_diff d;
	CHECK_INT(diff_count("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
			     "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\nresource \"aws_sqs_queue\" \"dlq\" {\n  name = \"d\"\n}\n",
			     &d, &a), 1);
	if (d.n_fixes == 1) {
		CHECK_INT(d.fixes[0].kind, IG_FIX_RESOURCE_ADDED);
		CHECK(d.fixes[0].model.file == NULL);
		CHECK_INT(d.fixes[0].ideal.line, 4);
		CHECK_INT(d.fixes[0].ideal.end_line, 6);
	}
	ig_response empty = {.name = "m", .source = "m.md", .present = true};
	ig_file fb;
	ig_response rb;
	diff_answer(&a, &rb, &fb, "main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n");
	ig_diff_responses(&a, &empty, &rb, &d);
	CHECK_INT(d.n_fixes, 1);
	if (d.n_fixes) CHECK_INT(d.fixes[0].kind, IG_FIX_NO_CODE);
	ig_arena_free(&a);
}

/* An inline Terraform block moved to its attachment resource leaves the IaC
 * model the same: no fix, its lines under equivalent-spelling; the same move
 * with the value changed is still a change. */
#include "model/model.h"
static size_t diff_with_models(ig_arena *a, const char *before, const char *after, ig_diff *d)
{
	static ig_file fa, fb;
	ig_response ra, rb;
	diff_answer(a, &ra, &fa, "main.tf", before);
	diff_answer(a, &rb, &fb, "main.tf", after);
	ig_diff_responses(a, &ra, &rb, d);
	ig_model *mm = ig_model_build_response(&ra), *mi = ig_model_build_response(&rb);
	ig_diff_model_details(a, d, &ra, &rb, mm, mi);
	ig_diff_model_equivalent(d, mm, mi);
	ig_model_free(mm);
	ig_model_free(mi);
	return d->n_fixes;
}

TEST(diff_inline_terraform_block_moved_to_its_attachment_is_not_a_change)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_diff d;
	const char *inl = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n  versioning {\n    enabled = true\n  }\n}\n";
	const char *sep = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n\n"
			  "resource \"aws_s3_bucket_versioning\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n"
			  "  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n";
	CHECK_INT(diff_with_models(&a, inl, sep, &d), 0);
	CHECK(d.ignored_lines[IG_IGN_SPELLING][1] > 0);
	CHECK_INT(ignored_total(&d, 0), d.changed_lines[0]);
	CHECK_INT(ignored_total(&d, 1), d.changed_lines[1]);
	CHECK_INT(diff_with_models(&a, sep, inl, &d), 0); /* and back */
	const char *off = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n\n"
			  "resource \"aws_s3_bucket_versioning\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n"
			  "  versioning_configuration {\n    status = \"Suspended\"\n  }\n}\n";
	CHECK(diff_with_models(&a, inl, off, &d) >= 1);
	ig_arena_free(&a);
}

/* ---- categories ---- */
#include "review/categorise.h"
#include "task/load.h"

TEST(review_fix_takes_the_category_of_the_finding_it_removes_and_localstack_is_not_counted)
{
	ig_task t;
	ig_task_init(&t);
	static ig_file fm, fi;
	const char *before = "import * as logs from 'aws-cdk-lib/aws-logs';\n"
			     "export class S {\n  constructor() {\n"
			     "    const g = new logs.LogGroup(this, 'G', { retention: logs.RetentionDays.THIRTY_DAYS });\n"
			     "    const c = new S3Client({ region: 'us-east-1' });\n"
			     "  }\n}\n";
	const char *after = "import * as logs from 'aws-cdk-lib/aws-logs';\n"
			    "export class S {\n  constructor() {\n"
			    "    const g = new logs.LogGroup(this, 'G', { retention: logs.RetentionDays.ONE_MONTH });\n"
			    "    const c = new S3Client({ region: 'us-east-1', forcePathStyle: true });\n"
			    "  }\n}\n";
	diff_answer(&t.arena, &t.model, &fm, "lib/s.ts", before);
	diff_answer(&t.arena, &t.ideal, &fi, "lib/s.ts", after);
	t.model.name = "model", t.ideal.name = "ideal";
	ig_task_add_finding(&t, "cdk.unknown-member", 'A', IG_SEV_ERROR, "model", "lib/s.ts", 4, 0, "no THIRTY_DAYS");
	t.diff = ig_arena_alloc(&t.arena, sizeof *t.diff);
	ig_diff_responses(&t.arena, &t.model, &t.ideal, t.diff);
	ig_review_categorise(&t);
	size_t counted = 0;
	for (size_t i = 0; i < t.diff->n_fixes; i++) {
		const ig_fix *x = &t.diff->fixes[i];
		if (x->model.line == 4) {
			CHECK(x->category == 'A');
			CHECK_INT(x->n_resolves, 1);
			CHECK(x->reason && strstr(x->reason, "cdk.unknown-member"));
		} else {
			CHECK_STR(x->environment, "localstack");
			CHECK(!x->counted);
		}
		counted += x->counted;
	}
	CHECK_INT(t.diff->n_fixes, 2);
	CHECK_INT(counted, 1);
	ig_task_free(&t);
}
