/* The CDK checks' messages and fixes on tests/fixtures/check/cdk/ (the
 * fixture driver tests/check/run proves which lines get which rule; these
 * prove what the findings say): THIRTY_DAYS suggests ONE_MONTH, VER_15_4
 * carries the data's deprecation message, in every CDK language. */
#include "harness.h"
#include "analyze/analyze.h"
#include "check/check.h"
#include "task/load.h"
#include "util/file.h"
#include <string.h>

static const char *cdk_fixture(ig_arena *a, const char *name)
{
	const char *me = __FILE__, *unit = strstr(me, "unit/test_check_cdk.c");
	size_t n = unit ? (size_t)(unit - me) : 0;
	return ig_arena_printf(a, "%.*sfixtures/check/cdk/%s", (int)n, me, name);
}

/* Check one file as `iacgrade check` does; false when it cannot be read. */
static bool check_file(ig_task *t, ig_response *r, const char *path, const char *text)
{
	ig_file *f = IG_PUSH(&t->arena, r->files, r->n_files, r->cap_files);
	f->path = path;
	f->lang = ig_lang_from_path(path);
	if (text) {
		f->text = text;
		f->len = strlen(text);
	} else {
		ig_text body;
		if (ig_file_read(&t->arena, path, IG_CODE_CAP, &body) != IG_READ_OK) return false;
		f->text = body.data;
		f->len = body.len;
	}
	ig_analyze_file(t, r, f, true);
	return true;
}

static const ig_finding *with(const ig_task *t, const char *rule, const char *in_message)
{
	for (size_t i = 0; i < t->n_findings; i++)
		if (strcmp(t->findings[i].rule, rule) == 0 && strstr(t->findings[i].message, in_message)) return &t->findings[i];
	return NULL;
}

TEST(check_cdk_messages_every_language)
{
	IG_NEED_KB("cdk");
	static const char *const files[] = {"stack.ts", "stack.mjs", "stack.py", "stack.go", "TapStack.java"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		ig_task t;
		ig_task_init(&t);
		ig_response r = {.name = "file", .source = "check", .present = true};
		bool read = check_file(&t, &r, cdk_fixture(&t.arena, files[i]), NULL);
		CHECK(read);
		bool js = strstr(files[i], ".mjs") != NULL;
		const ig_finding *thirty = with(&t, js ? "cdk.js-undefined" : "cdk.unknown-member", "THIRTY_DAYS");
		CHECK(thirty != NULL);
		if (thirty) {
			CHECK(thirty->category == (js ? 'B' : 'A'));
			CHECK(thirty->fix && strstr(thirty->fix, "ONE_MONTH"));
		}
		const ig_finding *ver = with(&t, "cdk.deprecated", "AuroraPostgresEngineVersion.VER_15_4");
		CHECK(ver && ver->category == 'B' && strstr(ver->message, "no longer supported by Amazon RDS"));
		const ig_finding *ip = with(&t, "cdk.deprecated", "instanceProps");
		CHECK(ip && ip->fix && strstr(ip->fix, "writer and readers"));
		if (!thirty || !ver || !ip) fprintf(stderr, "  in %s\n", files[i]);
		ig_task_free(&t);
	}
}

/* A required prop left out: named with its type, spelled as the language
 * gives it, with what it does to the build. */
TEST(check_cdk_missing_required_every_language)
{
	IG_NEED_KB("cdk");
	static const struct {
		const char *file, *fix, *effect;
	} cases[] = {
		{"required.ts", "add code: ... (aws_lambda.Code)", "does not compile"},
		{"required.py", "add code=... (aws_lambda.Code)", "TypeError"},
		{"required.go", "add Code: ... (aws_lambda.Code)", "panics"},
		{"Required.java", "add .code(...) (aws_lambda.Code)", "NullPointerException"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ig_task t;
		ig_task_init(&t);
		ig_response r = {.name = "file", .source = "check", .present = true};
		CHECK(check_file(&t, &r, cdk_fixture(&t.arena, cases[i].file), NULL));
		const ig_finding *f = with(&t, "cdk.missing-required-prop", "aws_lambda.FunctionProps requires ");
		CHECK(f && f->category == 'A' && strstr(f->message, cases[i].effect));
		CHECK(f && f->fix && strcmp(f->fix, cases[i].fix) == 0);
		if (!f) fprintf(stderr, "  in %s\n", cases[i].file);
		ig_task_free(&t);
	}
}

TEST(check_cdk_unknown_is_not_wrong)
{
	IG_NEED_KB("cdk");
	ig_task t;
	ig_task_init(&t);
	ig_response r = {.name = "file", .source = "check", .present = true};
	/* an untyped value, a spread, a computed key, another library, CDK v1 */
	check_file(&t, &r, "a.ts",
		   "import * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as other from 'other-lib';\n"
		   "export function f(scope: any, x: any, extra: object) {\n"
		   "  new s3.Bucket(scope, 'B', { ...extra, ['com' + 'puted']: 1, versioned: true });\n"
		   "  x.anything.goes(); other.Bucket.THIRTY_DAYS; s3.Bucket.fromBucketName(scope, 'b', 'n').bucketArn;\n}\n");
	check_file(&t, &r, "v1.py",
		   "from aws_cdk import core\nfrom aws_cdk import aws_logs as logs\n"
		   "logs.RetentionDays.THIRTY_DAYS\n");
	size_t cdk = 0;
	for (size_t i = 0; i < t.n_findings; i++) {
		if (strncmp(t.findings[i].rule, "cdk.", 4) != 0) continue;
		cdk++;
		fprintf(stderr, "  unexpected: %s %s\n", t.findings[i].rule, t.findings[i].message);
	}
	CHECK_INT(cdk, 0);
	/* and the checks ran: the same name in CDK v2 is reported */
	check_file(&t, &r, "v2.py", "from aws_cdk import aws_logs as logs\nlogs.RetentionDays.THIRTY_DAYS\n");
	CHECK(with(&t, "cdk.unknown-member", "THIRTY_DAYS") != NULL);
	ig_task_free(&t);
}

TEST(check_cdk_bad_input_does_not_crash)
{
	IG_NEED_KB("cdk");
	ig_task t;
	ig_task_init(&t);
	ig_response r = {.name = "file", .source = "check", .present = true};
	/* cut off mid-name, unbalanced, deeply nested */
	check_file(&t, &r, "cut.ts", "import * as logs from 'aws-cdk-lib/aws-logs';\nconst r = logs.RetentionDays.");
	char deep[20000];
	size_t n = (size_t)snprintf(deep, sizeof deep, "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'b', ");
	for (int i = 0; i < 3000 && n + 16 < sizeof deep; i++) n += (size_t)snprintf(deep + n, sizeof deep - n, "{ a: ");
	deep[n] = 0;
	check_file(&t, &r, "deep.ts", deep);
	check_file(&t, &r, "deep.py", "import aws_cdk.aws_s3 as s3\ns3.Bucket(self, 'b', " "x=(((((((((((((((((((((((((((((");
	/* a builder chain of 2,000 calls: followed as far as the depth cap, no crash */
	static char chain[80000];
	size_t m = (size_t)snprintf(chain, sizeof chain,
				    "import software.amazon.awscdk.services.s3.*;\nclass A { void f() { Bucket.Builder.create(this, \"b\")");
	for (int i = 0; i < 2000 && m + 32 < sizeof chain; i++) m += (size_t)snprintf(chain + m, sizeof chain - m, ".versioned(true)");
	snprintf(chain + m, sizeof chain - m, ".build(); } }\n");
	check_file(&t, &r, "Deep.java", chain);
	/* dicts and struct literals nested past the depth caps */
	static char dict[40000], lit[60000];
	size_t d = (size_t)snprintf(dict, sizeof dict,
				    "from aws_cdk import aws_cloudfront as cf\ncf.ResponseHeadersPolicy(self, 'p', security_headers_behavior=");
	for (int i = 0; i < 3000 && d + 16 < sizeof dict; i++) d += (size_t)snprintf(dict + d, sizeof dict - d, "{'frame_options': ");
	check_file(&t, &r, "dict.py", dict);
	size_t l = (size_t)snprintf(lit, sizeof lit,
				    "package p\nimport \"github.com/aws/aws-cdk-go/awscdk/v2/awsecs\"\nfunc f() {\nawsecs.NewFargateService(s, nil, ");
	for (int i = 0; i < 3000 && l + 32 < sizeof lit; i++) l += (size_t)snprintf(lit + l, sizeof lit - l, "&awsecs.FargateServiceProps{Cluster: ");
	check_file(&t, &r, "deep.go", lit);
	CHECK(with(&t, "cdk.unknown-member", "RetentionDays.") == NULL); /* the cut-off name is a syntax error, not a member */
	ig_task_free(&t);
}
