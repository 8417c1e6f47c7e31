/* Task folders as users have them: each file's role (lib/ code, bin/ entry,
 * project files, tests), project files as evidence, the app in bin/ beside a
 * pipeline, an analysis script its tests import, template twins, and
 * metadata.json kept in lib/. */
#include "harness.h"
#include "analyze/analyze.h"
#include "detect/detect.h"
#include "diff/diff.h"
#include "task/load.h"
#include "task/role.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Write dir/rel, making its folders. */
static void put(const char *dir, const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') { *p = 0; mkdir(path, 0755); *p = '/'; }
	FILE *f = fopen(path, "w");
	if (!f) return;
	fputs(text, f);
	fclose(f);
}

static bool new_task(char *buf, size_t n)
{
	snprintf(buf, n, "/tmp/iacgrade-layout-XXXXXX");
	return mkdtemp(buf) != NULL;
}

static void remove_task(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
}

static const ig_file *file_of(const ig_response *r, const char *path)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (strcmp(r->files[i].path, path) == 0) return &r->files[i];
	return NULL;
}

static bool has_service(const ig_response *r, const char *s)
{
	for (size_t i = 0; i < r->n_services; i++)
		if (strcmp(r->services[i], s) == 0) return true;
	return false;
}

static const char *const CDK_STACK =
	"import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n"
	"export class TapStack extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n"
	"    super(scope, id);\n    new s3.Bucket(this, 'Data');\n  }\n}\n";
static const char *const CDK_ENTRY =
	"import * as cdk from 'aws-cdk-lib';\nimport { TapStack } from '../lib/tap-stack';\n"
	"const app = new cdk.App();\nnew TapStack(app, 'TapStackdev', { env: { region: 'us-east-1' } });\n";
static const char *const PIPELINE =
	"on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
	"    steps:\n      - run: npx cdk deploy\n";

TEST(layout_role_of_path)
{
	CHECK_INT(ig_role_of_path("lib/tap-stack.ts", IG_LANG_TS), IG_ROLE_IAC);
	CHECK_INT(ig_role_of_path("bin/tap.ts", IG_LANG_TS), IG_ROLE_ENTRY);
	CHECK_INT(ig_role_of_path("tap.py", IG_LANG_PY), IG_ROLE_ENTRY);
	CHECK_INT(ig_role_of_path("lib/tap.py", IG_LANG_PY), IG_ROLE_IAC);
	CHECK_INT(ig_role_of_path("cdk.json", IG_LANG_JSON), IG_ROLE_PROJECT);
	CHECK_INT(ig_role_of_path("lib/Pulumi.yaml", IG_LANG_YAML), IG_ROLE_PROJECT);
	CHECK_INT(ig_role_of_path("test/tap-stack.unit.test.ts", IG_LANG_TS), IG_ROLE_TEST);
	CHECK_INT(ig_role_of_path("tests/unit/test_tap_stack.py", IG_LANG_PY), IG_ROLE_TEST);
	CHECK_INT(ig_role_of_path("lib/tap_stack_test.go", IG_LANG_GO), IG_ROLE_TEST);
	CHECK_INT(ig_role_of_path("lib/README.md", IG_LANG_MARKDOWN), IG_ROLE_DOC);
	CHECK_INT(ig_role_of_path(NULL, IG_LANG_TS), IG_ROLE_IAC);
	CHECK_STR(ig_role_name(IG_ROLE_PROJECT), "project");
}

TEST(layout_command_and_project_languages)
{
	CHECK_INT(ig_detect_command_lang("npx ts-node --prefer-ts-exts bin/tap.ts"), IG_LANG_TS);
	CHECK_INT(ig_detect_command_lang("python3 tap.py"), IG_LANG_PY);
	CHECK_INT(ig_detect_command_lang("go mod download && go run tap.go"), IG_LANG_GO);
	CHECK_INT(ig_detect_command_lang("mvn -e -q compile exec:java"), IG_LANG_JAVA);
	CHECK_INT(ig_detect_command_lang("node bin/tap.mjs"), IG_LANG_JS);
	CHECK_INT(ig_detect_command_lang("dotnet run"), IG_LANG_UNKNOWN);

	static const struct { const char *path, *text; ig_platform p; ig_lang l; } cases[] = {
		{"cdk.json", "{\"app\": \"python3 app.py\"}", IG_PLAT_CDK, IG_LANG_PY},
		{"cdktf.json", "{\"language\": \"go\", \"app\": \"go run main.go\"}", IG_PLAT_CDKTF, IG_LANG_GO},
		{"Pulumi.yaml", "name: tap\nruntime:\n  name: nodejs\nmain: bin/tap.js\n", IG_PLAT_PULUMI, IG_LANG_JS},
		{"Pulumi.yaml", "name: tap\nruntime: python\n", IG_PLAT_PULUMI, IG_LANG_PY},
		{"Pulumi.yaml", "name: tap\nruntime: nodejs\n", IG_PLAT_PULUMI, IG_LANG_UNKNOWN},
		{"cdk.json", "{\"context\": {}}", IG_PLAT_UNKNOWN, IG_LANG_UNKNOWN},
		{"cdk.json", "[1, 2", IG_PLAT_UNKNOWN, IG_LANG_UNKNOWN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		ig_arena a;
		ig_arena_init(&a);
		ig_file f = {.path = cases[i].path, .lang = ig_lang_from_path(cases[i].path), .text = cases[i].text,
			     .len = strlen(cases[i].text), .role = IG_ROLE_PROJECT};
		ig_detect_file(&a, &f);
		CHECK_INT(f.platform, cases[i].p);
		CHECK_INT(f.platform_lang, cases[i].l);
		CHECK_INT(f.n_resources, 0);
		ig_arena_free(&a);
	}
}

TEST(layout_task_folder_roles_and_evidence)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	/* metadata.json in lib/ only; a Python stack beside a TypeScript draft */
	put(dir, "lib/metadata.json", "{\"platform\": \"cdk\", \"language\": \"py\", \"aws_services\": [\"S3\"]}");
	put(dir, "lib/PROMPT.md", "Create a bucket.\n");
	/* the model's answer has a test: the ideal's are read whole, to be compared with it */
	put(dir, "lib/MODEL_RESPONSE.md", "## File: lib/tap_stack.py\n```python\nx = 1\n```\n"
					  "## File: tests/unit/test_tap_stack.py\n```python\nimport pytest\ndef test_x():\n    assert 1\n```\n");
	put(dir, "lib/tap_stack.py",
	    "from aws_cdk import Stack, aws_s3 as s3\nclass TapStack(Stack):\n"
	    "    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        s3.Bucket(self, 'Data')\n");
	put(dir, "lib/draft-stack.ts", CDK_STACK);
	put(dir, "lib/draft-more.ts",
	    "import * as sqs from 'aws-cdk-lib/aws-sqs';\nimport * as sns from 'aws-cdk-lib/aws-sns';\n"
	    "export function more(s: any) { new sqs.Queue(s, 'A'); new sqs.Queue(s, 'B'); new sns.Topic(s, 'C'); }\n");
	put(dir, "tap.py", "import aws_cdk as cdk\nfrom lib.tap_stack import TapStack\napp = cdk.App()\n"
			   "TapStack(app, 'TapStackdev')\napp.synth()\n");
	put(dir, "cdk.json", "{\"app\": \"python3 tap.py\"}");
	/* a test that builds resources of its own: they are not the app's */
	put(dir, "tests/unit/test_tap_stack.py",
	    "import pytest\nfrom aws_cdk import Stack, aws_dynamodb as ddb\nfrom lib.tap_stack import TapStack\n"
	    "def test_stack():\n    s = Stack()\n    ddb.Table(s, 'T')\n");
	put(dir, "package.json", "{}");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	CHECK_STR(t.meta.path, "lib/metadata.json");
	CHECK(t.meta.parsed);
	CHECK_INT(t.meta.platform, IG_PLAT_CDK);
	CHECK(file_of(&t.ideal, "lib/metadata.json") == NULL);
	CHECK(file_of(&t.ideal, "package.json") == NULL);
	const ig_file *entry = file_of(&t.ideal, "tap.py"), *proj = file_of(&t.ideal, "cdk.json");
	const ig_file *test = file_of(&t.ideal, "tests/unit/test_tap_stack.py");
	CHECK(entry && entry->role == IG_ROLE_ENTRY && strcmp(entry->path_source, "task") == 0);
	CHECK(proj && proj->role == IG_ROLE_PROJECT);
	CHECK(test && test->role == IG_ROLE_TEST);
	ig_analyze_task(&t);
	/* cdk.json runs the Python app: the TypeScript draft, with more
	 * resources, is not it */
	CHECK_INT(t.platform, IG_PLAT_CDK);
	CHECK_INT(t.lang, IG_LANG_PY);
	test = file_of(&t.ideal, "tests/unit/test_tap_stack.py");
	CHECK(test && test->platform == IG_PLAT_CDK && test->n_resources == 1 && !test->imports_only);
	CHECK(has_service(&t.ideal, "S3"));
	CHECK(!has_service(&t.ideal, "DynamoDB"));
	ig_task_free(&t);
	/* a model's answer without a test: the ideal's test is read for its imports
	 * (the head that holds them) and listed as one added test file */
	put(dir, "lib/MODEL_RESPONSE.md", "## File: lib/tap_stack.py\n```python\nx = 1\n```\n");
	ig_task_init(&t);
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	test = file_of(&t.ideal, "tests/unit/test_tap_stack.py");
	CHECK(test && test->imports_only && test->platform == IG_PLAT_CDK && test->n_resources == 0 && test->imports.n == 4);
	CHECK_INT(t.lang, IG_LANG_PY);
	size_t added = 0;
	for (size_t k = 0; t.diff && k < t.diff->n_fixes; k++) {
		const ig_fix *fx = &t.diff->fixes[k];
		if (fx->test && fx->ideal.file == test) {
			added++;
			CHECK(fx->kind == IG_FIX_CODE_ADDED && fx->ideal.line == 1 && fx->ideal.end_line == 6);
		}
	}
	CHECK_INT((long long)added, 1);
	ig_task_free(&t);
	remove_task(dir);
}

TEST(layout_app_in_bin_beside_a_pipeline)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	put(dir, "metadata.json", "{\"platform\": \"cdk\", \"language\": \"ts\"}");
	put(dir, "lib/IDEAL_RESPONSE.md", "```yaml\nx: 1\n```\n");
	put(dir, "lib/ci-cd.yml", PIPELINE);
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	CHECK_INT(t.platform, IG_PLAT_CICD); /* only a pipeline */
	ig_task_free(&t);

	put(dir, "bin/tap.ts", CDK_ENTRY);
	put(dir, "cdk.json", "{\"app\": \"npx ts-node --prefer-ts-exts bin/tap.ts\"}");
	ig_task_init(&t);
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	const ig_file *entry = file_of(&t.ideal, "bin/tap.ts");
	CHECK(entry && entry->role == IG_ROLE_ENTRY && entry->platform == IG_PLAT_CDK);
	CHECK_INT(t.platform, IG_PLAT_CDK);
	CHECK_INT(t.lang, IG_LANG_TS);
	ig_task_free(&t);
	remove_task(dir);
}

TEST(layout_analysis_script_its_tests_import)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	put(dir, "lib/PROMPT.md", "Analyse the buckets.\n");
	put(dir, "lib/analyse.py", "import boto3\ndef run():\n    return boto3.client('s3').list_buckets()\n"
				   "if __name__ == '__main__':\n    run()\n");
	put(dir, "lib/main.tf", "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n"
				"resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
	put(dir, "tests/unit/test_analyse.py", "import pytest\nfrom analyse import run\ndef test_run():\n    run\n");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	CHECK_INT(t.platform, IG_PLAT_TF); /* one test file: a helper script beside the IaC */
	ig_task_free(&t);

	put(dir, "tests/test-analysis.py", "from lib.analyse import run\ndef test_again():\n    run\n");
	ig_task_init(&t);
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	CHECK_INT(t.platform, IG_PLAT_ANALYSIS);
	CHECK_INT(t.lang, IG_LANG_PY);
	ig_task_free(&t);
	remove_task(dir);
}

static size_t findings_in(const ig_task *t, const char *file)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n_findings; i++) n += t->findings[i].file && strcmp(t->findings[i].file, file) == 0;
	return n;
}

TEST(layout_template_twins)
{
	static const char *const yml = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n"
				       "    Type: AWS::SNS::Topic\n    Properties:\n      NoSuchProperty: x\n";
	static const char *const json = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Topic\": "
					"{\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"NoSuchProperty\": \"x\"}}}}\n";
	for (int json_doc = 0; json_doc < 2; json_doc++) {
		char dir[64];
		if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
		put(dir, "lib/TapStack.yml", yml);
		put(dir, "lib/TapStack.json", json);
		/* the documented answer's format picks the primary */
		char md[1024];
		snprintf(md, sizeof md, "```%s\n%s```\n", json_doc ? "json" : "yaml", json_doc ? json : yml);
		put(dir, "lib/IDEAL_RESPONSE.md", md);
		ig_task t;
		ig_task_init(&t);
		const char *err;
		CHECK_INT(ig_task_load(&t, dir, &err), 0);
		ig_analyze_task(&t);
		const char *primary = json_doc ? "lib/TapStack.json" : "lib/TapStack.yml";
		const char *derived = json_doc ? "lib/TapStack.yml" : "lib/TapStack.json";
		const ig_file *p = file_of(&t.ideal, primary), *d = file_of(&t.ideal, derived);
		CHECK(p && p->derived_from == NULL);
		CHECK(d && d->derived_from && strcmp(d->derived_from, primary) == 0);
		CHECK(d && d->platform == IG_PLAT_CFN && d->n_resources == 1);
		CHECK(findings_in(&t, primary) > 0); /* the unknown property */
		CHECK_INT(findings_in(&t, derived), 0);
		CHECK_INT(t.lang, json_doc ? IG_LANG_JSON : IG_LANG_YAML);
		ig_task_free(&t);
		remove_task(dir);
	}
}

TEST(layout_unnamed_test_block)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	put(dir, "lib/MODEL_RESPONSE.md",
	    "## File: bin/tap.ts\n```ts\nimport * as cdk from 'aws-cdk-lib';\nnew cdk.App();\n```\n"
	    "```ts\nimport { Template } from 'aws-cdk-lib/assertions';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\n"
	    "test('q', () => { new sqs.Queue(stack, 'Q'); });\n```\n"
	    "## File: lib/tap-stack.ts\n```ts\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B');\n```\n");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	CHECK_INT(t.model.n_files, 3);
	if (t.model.n_files == 3) {
		CHECK_INT(t.model.files[0].role, IG_ROLE_ENTRY);
		CHECK_INT(t.model.files[1].role, IG_ROLE_TEST);
		CHECK_INT(t.model.files[2].role, IG_ROLE_IAC);
	}
	CHECK(has_service(&t.model, "S3"));
	CHECK(!has_service(&t.model, "SQS"));
	ig_task_free(&t);
	remove_task(dir);
}

TEST(layout_identical_file_parsed_once)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	/* the ideal kept the model's stack, a syntax error included */
	static const char *const md = "## File: lib/tap-stack.ts\n```ts\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n"
				      "new s3.Bucket(this, 'B');\nconst x = ;\n```\n";
	put(dir, "lib/MODEL_RESPONSE.md", md);
	put(dir, "lib/IDEAL_RESPONSE.md", md);
	put(dir, "lib/tap-stack.ts", "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B');\n");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	ig_analyze_task(&t);
	CHECK_INT(t.model.n_files, 1);
	CHECK_INT(t.ideal_md.n_files, 1);
	if (t.model.n_files == 1 && t.ideal_md.n_files == 1) {
		const ig_file *m = &t.model.files[0], *d = &t.ideal_md.files[0];
		/* the documented copy shares the model file's facts: not parsed again */
		CHECK(d->resources == m->resources && d->parse.errors == m->parse.errors);
		CHECK_INT(d->n_resources, 1);
		CHECK_INT(d->platform, IG_PLAT_CDK);
		CHECK_INT(d->parse.n_errors_total, m->parse.n_errors_total);
		CHECK(d->parse.n_errors_total > 0);
	}
	/* the syntax error is reported for each response that has it */
	size_t in_model = 0, in_ideal_md = 0;
	for (size_t i = 0; i < t.n_findings; i++) {
		if (strcmp(t.findings[i].rule, "syntax.error") != 0) continue;
		in_model += strcmp(t.findings[i].response, "model") == 0;
		in_ideal_md += strcmp(t.findings[i].response, "ideal_md") == 0;
	}
	CHECK_INT(in_model, 1);
	CHECK_INT(in_ideal_md, 1);
	ig_task_free(&t);
	remove_task(dir);
}
