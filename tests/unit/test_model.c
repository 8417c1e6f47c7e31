/* The IaC model: invariance (one meaning, one model, whatever the spelling),
 * canonical types, references and edges, defaults from data only, and
 * unknown values that never compare equal. Models are built from code given
 * here as text, through the same entry point the CLI uses. */
#include "harness.h"
#include "detect/detect.h"
#include "model/model.h"
#include <string.h>

static ig_model *model_of(ig_arena *a, const char *path, const char *text)
{
	ig_response *r = ig_arena_alloc(a, sizeof *r);
	ig_file *f = IG_PUSH(a, r->files, r->n_files, r->cap_files);
	f->path = path;
	f->lang = ig_lang_from_path(path);
	f->text = text;
	f->len = strlen(text);
	ig_detect_file(a, f);
	ig_detect_response(r, IG_LANG_UNKNOWN);
	return ig_model_build_response(r);
}

/* Two files as one response. */
static ig_model *model_of2(ig_arena *a, const char *p1, const char *t1, const char *p2, const char *t2)
{
	ig_response *r = ig_arena_alloc(a, sizeof *r);
	const char *paths[2] = {p1, p2}, *texts[2] = {t1, t2};
	for (int i = 0; i < 2; i++) {
		ig_file *f = IG_PUSH(a, r->files, r->n_files, r->cap_files);
		f->path = paths[i];
		f->lang = ig_lang_from_path(paths[i]);
		f->text = texts[i];
		f->len = strlen(texts[i]);
		ig_detect_file(a, f);
	}
	ig_detect_response(r, IG_LANG_UNKNOWN);
	return ig_model_build_response(r);
}

static const ig_model_resource *res(const ig_model *m, const char *name)
{
	return ig_model_find(m, name);
}

TEST(model_tf_inline_block_and_attachment_resource_give_one_model)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *inl = model_of(&a, "main.tf",
				 "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n  versioning {\n    enabled = true\n  }\n"
				 "  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n"
				 "        sse_algorithm = \"aws:kms\"\n      }\n    }\n  }\n}\n");
	ig_model *sep = model_of(&a, "main.tf",
				 "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n"
				 "resource \"aws_s3_bucket_versioning\" \"v\" {\n  bucket = aws_s3_bucket.b.id\n"
				 "  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n"
				 "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"e\" {\n  bucket = aws_s3_bucket.b.bucket\n"
				 "  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n");
	const ig_model_resource *b1 = res(inl, "aws_s3_bucket.b"), *b2 = res(sep, "aws_s3_bucket.b");
	CHECK(b1 && b2);
	if (b1 && b2) {
		CHECK_INT(b1->n_props, b2->n_props);
		const char *props[] = {"bucket", "VersioningConfiguration", "BucketEncryption"};
		for (size_t i = 0; i < 3; i++) {
			const ig_model_value *x = ig_model_prop_get(b1, props[i]), *y = ig_model_prop_get(b2, props[i]);
			CHECK(x && y && ig_model_value_eq(x, y));
		}
		const ig_model_value *st = ig_model_prop_get(b2, "VersioningConfiguration.versioning_configuration.status");
		CHECK(st && st->kind == IG_MV_STRING && strcmp(st->text, "Enabled") == 0);
		CHECK_INT(b2->n_merged, 2);
	}
	const ig_model_resource *v = res(sep, "aws_s3_bucket_versioning.v");
	CHECK(v && b2 && v->merged_into == b2->index);
	/* a change is still a change: Suspended is not Enabled */
	ig_model *off = model_of(&a, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  versioning {\n    enabled = false\n  }\n}\n");
	const ig_model_resource *b3 = res(off, "aws_s3_bucket.b");
	CHECK(b3 && b2 && !ig_model_value_eq(ig_model_prop_get(b3, "VersioningConfiguration"), ig_model_prop_get(b2, "VersioningConfiguration")));
	ig_model_free(inl);
	ig_model_free(sep);
	ig_model_free(off);
	ig_arena_free(&a);
}

TEST(model_cfn_short_and_long_intrinsics_give_one_model)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *y = model_of(&a, "t.yml",
			       "Parameters:\n  EnvironmentSuffix:\n    Type: String\n    Default: dev\n"
			       "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n"
			       "      BucketName: !Sub 'logs-${EnvironmentSuffix}'\n"
			       "  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n"
			       "      Environment:\n        Variables:\n          B: !Ref Bucket\n          J: !Join ['-', [!Ref EnvironmentSuffix, x]]\n"
			       "  Role:\n    Type: AWS::IAM::Role\n"
			       "Outputs:\n  O:\n    Value: !GetAtt [Bucket, Arn]\n");
	ig_model *j = model_of(&a, "t.json",
			       "{\"Parameters\": {\"EnvironmentSuffix\": {\"Type\": \"String\", \"Default\": \"dev\"}},\n"
			       " \"Resources\": {\n"
			       "  \"Bucket\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Fn::Sub\": \"logs-${EnvironmentSuffix}\"}}},\n"
			       "  \"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Role\": {\"Fn::GetAtt\": [\"Role\", \"Arn\"]},\n"
			       "    \"Environment\": {\"Variables\": {\"B\": {\"Ref\": \"Bucket\"}, \"J\": {\"Fn::Join\": [\"-\", [{\"Ref\": \"EnvironmentSuffix\"}, \"x\"]]}}}}},\n"
			       "  \"Role\": {\"Type\": \"AWS::IAM::Role\"}},\n"
			       " \"Outputs\": {\"O\": {\"Value\": {\"Fn::GetAtt\": \"Bucket.Arn\"}}}}\n");
	CHECK_INT(y->n_resources, 3);
	CHECK_INT(j->n_resources, 3);
	for (size_t i = 0; i < y->n_resources && i < j->n_resources; i++) {
		const ig_model_resource *ry = &y->resources[i], *rj = &j->resources[i];
		CHECK_STR(ry->name, rj->name);
		CHECK_STR(ry->canonical, rj->canonical);
		CHECK_INT(ry->n_props, rj->n_props);
		for (size_t k = 0; k < ry->n_props && k < rj->n_props; k++)
			CHECK(ig_model_value_eq(ry->props[k].value, rj->props[k].value));
	}
	CHECK(y->n_outputs == 1 && j->n_outputs == 1 && ig_model_value_eq(y->outputs[0].value, j->outputs[0].value));
	/* references resolve to resources, and make edges */
	const ig_model_value *role = ig_model_prop_get(res(y, "Fn"), "Role");
	CHECK(role && role->kind == IG_MV_REF && role->ref_index == res(y, "Role")->index);
	CHECK_STR(role ? role->ref_attr : NULL, "Arn");
	CHECK_INT(y->n_edges, 2);
	CHECK(y->n_edges && y->edges[0].cross_service);
	/* a parameter's default fills the template, and the suffix is known to be used */
	const ig_model_value *bn = ig_model_prop_get(res(y, "Bucket"), "BucketName");
	CHECK(bn && bn->uses_env_suffix && bn->kind == IG_MV_STRING && strcmp(bn->text, "logs-dev") == 0);
	/* a part the model cannot know keeps the template, never a guess */
	ig_model *u = model_of(&a, "u.yml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
					   "      BucketName: !Sub '${AWS::StackName}-${EnvironmentSuffix}'\n");
	const ig_model_value *un = ig_model_prop_get(res(u, "B"), "BucketName");
	CHECK(un && un->kind == IG_MV_CALL && un->uses_env_suffix);
	ig_model_free(u);
	ig_model_free(y);
	ig_model_free(j);
	ig_arena_free(&a);
}

TEST(model_constant_template_and_spread_resolve_to_one_literal)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of(&a, "stack.ts",
			       "import * as cdk from 'aws-cdk-lib';\n"
			       "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
			       "const NAME = 'app-prod';\n"
			       "const env = 'prod';\n"
			       "const base = { bucketName: 'app-' + env, versioned: false };\n"
			       "export class S extends cdk.Stack {\n"
			       "  constructor(scope: any, id: string) {\n"
			       "    super(scope, id);\n"
			       "    new s3.Bucket(this, 'A', { bucketName: NAME });\n"
			       "    new s3.Bucket(this, 'B', { bucketName: `app-${env}` });\n"
			       "    new s3.Bucket(this, 'C', { ...base, versioned: true });\n"
			       "  }\n}\n");
	const ig_model_value *x = ig_model_prop_get(res(m, "A"), "bucketName"), *y = ig_model_prop_get(res(m, "B"), "bucketName"),
			     *z = ig_model_prop_get(res(m, "C"), "bucketName");
	CHECK(x && x->kind == IG_MV_STRING && strcmp(x->text, "app-prod") == 0);
	CHECK(x && y && ig_model_value_eq(x, y));
	CHECK(x && z && ig_model_value_eq(x, z));
	/* a key written after a spread replaces the spread one */
	const ig_model_value *v = ig_model_prop_get(res(m, "C"), "versioned");
	CHECK(v && v->kind == IG_MV_BOOL && v->b && v->prov == IG_PROV_EXPLICIT);
	ig_model_free(m);
	ig_arena_free(&a);
}

TEST(model_cdk_types_levels_references_and_defaults)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of(&a, "stack.ts",
			       "import * as cdk from 'aws-cdk-lib';\n"
			       "import { aws_s3 as storage } from 'aws-cdk-lib';\n"
			       "import * as lambda from 'aws-cdk-lib/aws-lambda';\n"
			       "import * as rds from 'aws-cdk-lib/aws-rds';\n"
			       "export class S extends cdk.Stack {\n"
			       "  constructor(scope: any, id: string, props: any) {\n"
			       "    super(scope, id);\n"
			       "    const bucket = new storage.Bucket(this, 'Logs', { encryption: storage.BucketEncryption.S3_MANAGED });\n"
			       "    new lambda.Function(this, 'Fn', { environment: { B: bucket.bucketArn }, functionName: `pay-${props.environmentSuffix}` });\n"
			       "    new storage.CfnBucket(this, 'L1', {});\n"
			       "    new rds.DatabaseInstance(this, 'Db', props.db);\n"
			       "  }\n}\n");
	const ig_model_resource *b = res(m, "Logs"), *fn = res(m, "Fn"), *l1 = res(m, "L1"), *db = res(m, "Db");
	CHECK(b && fn && l1 && db);
	if (!b || !fn || !l1 || !db) goto out;
	CHECK_STR(b->type, "aws_s3.Bucket"); /* the import alias resolved */
	CHECK_STR(b->canonical, "AWS::S3::Bucket");
	CHECK_INT(b->level, IG_LEVEL_L2);
	CHECK_STR(l1->canonical, "AWS::S3::Bucket");
	CHECK_INT(l1->level, IG_LEVEL_L1);
	CHECK_STR(db->canonical, "AWS::RDS::DBInstance"); /* the jsii @resource tag: no CfnDatabaseInstance */
	CHECK_INT(db->canonical_src, IG_CANON_JSII_RESOURCE);
	const ig_model_value *e = ig_model_prop_get(b, "encryption");
	CHECK(e && e->kind == IG_MV_CALL && e->member && strcmp(e->text, "aws_s3.BucketEncryption.S3_MANAGED") == 0);
	const ig_model_value *ref = ig_model_prop_get(fn, "environment.B");
	CHECK(ref && ref->kind == IG_MV_REF && ref->ref_index == b->index);
	CHECK_STR(ref ? ref->ref_attr : NULL, "bucketArn");
	CHECK(m->n_edges == 1 && m->edges[0].from == fn->index && m->edges[0].to == b->index && m->edges[0].cross_service);
	const ig_model_value *fname = ig_model_prop_get(fn, "functionName");
	CHECK(fname && fname->kind == IG_MV_UNRESOLVED && fname->uses_env_suffix);
	/* a prop left out takes the jsii's @default, a written one is explicit */
	const ig_model_value *ssl = ig_model_prop_get(b, "enforceSSL");
	CHECK(ssl && ssl->prov == IG_PROV_DEFAULT && ssl->kind == IG_MV_BOOL && !ssl->b && ssl->default_source);
	/* a default the data states in words is kept as words: not a value to compare */
	const ig_model_value *ver = ig_model_prop_get(b, "versioned");
	CHECK(ver && ver->prov == IG_PROV_DEFAULT && ver->kind == IG_MV_UNRESOLVED && strstr(ver->text, "object lock"));
	CHECK(e && e->prov == IG_PROV_EXPLICIT);
	/* props the model could not read: no defaults guessed */
	CHECK(ig_model_prop_get(db, "multiAz") == NULL);
out:
	ig_model_free(m);
	ig_arena_free(&a);
}

TEST(model_python_keywords_fold_to_typescript_props)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *py = model_of(&a, "stack.py",
				"from aws_cdk import Stack, aws_s3 as s3\n"
				"PREFIX = 'app'\n"
				"class S(Stack):\n"
				"    def __init__(self, scope, id, environment_suffix='dev'):\n"
				"        super().__init__(scope, id)\n"
				"        extra = {'versioned': True}\n"
				"        s3.Bucket(self, 'Logs', bucket_name=f'{PREFIX}-logs', encryption=s3.BucketEncryption.S3_MANAGED, **extra)\n");
	ig_model *ts = model_of(&a, "stack.ts",
				"import * as s3 from 'aws-cdk-lib/aws-s3';\n"
				"new s3.Bucket(this, 'Logs', { bucketName: 'app-logs', encryption: s3.BucketEncryption.S3_MANAGED, versioned: true });\n");
	const ig_model_resource *p = res(py, "Logs"), *t = res(ts, "Logs");
	CHECK(p && t);
	if (p && t) {
		CHECK_STR(p->type, t->type);
		const char *props[] = {"bucket_name", "encryption", "versioned"};
		for (size_t i = 0; i < 3; i++) CHECK(ig_model_value_eq(ig_model_prop_get(p, props[i]), ig_model_prop_get(t, props[i])));
	}
	ig_model_free(py);
	ig_model_free(ts);
	ig_arena_free(&a);
}

TEST(model_terraform_variables_locals_and_files_resolve_across_the_response)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of2(&a, "main.tf",
				"provider \"aws\" {\n  region = var.region\n}\n"
				"provider \"aws\" {\n  alias = \"west\"\n  region = \"us-west-2\"\n}\n"
				"resource \"aws_s3_bucket\" \"b\" {\n  count = 2\n  bucket = \"${local.prefix}-logs\"\n}\n"
				"resource \"aws_lambda_function\" \"f\" {\n  function_name = var.name\n  environment {\n"
				"    variables = { B = aws_s3_bucket.b[0].arn }\n  }\n}\n",
				"variables.tf",
				"variable \"region\" {\n  default = \"eu-west-1\"\n}\nvariable \"environment_suffix\" {\n  type = string\n  default = \"dev\"\n}\n"
				"variable \"name\" {\n  type = string\n}\n"
				"locals {\n  prefix = \"app-${var.environment_suffix}\"\n}\n");
	const ig_model_resource *b = res(m, "aws_s3_bucket.b"), *f = res(m, "aws_lambda_function.f");
	CHECK(b && f);
	if (b && f) {
		const ig_model_value *n = ig_model_prop_get(b, "bucket");
		CHECK(n && n->kind == IG_MV_STRING && strcmp(n->text, "app-dev-logs") == 0 && n->uses_env_suffix);
		CHECK(b->name_uses_env_suffix);
		CHECK_INT(b->count, 2);
		/* a variable without a default stays a reference to it, never a guess */
		const ig_model_value *fnn = ig_model_prop_get(f, "function_name");
		CHECK(fnn && fnn->kind == IG_MV_REF && fnn->ref_target == IG_REF_PARAMETER);
		CHECK(m->n_edges == 1 && m->edges[0].to == b->index);
	}
	CHECK_INT(m->n_providers, 2);
	CHECK_INT(m->n_regions, 2);
	ig_model_free(m);
	ig_arena_free(&a);
}

TEST(model_unresolved_is_never_equal_and_bad_input_does_not_crash)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of(&a, "stack.ts",
			       "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
			       "const a = b; const b = a;\n"
			       "new s3.Bucket(this, 'X', { bucketName: props.name, lifecycleRules: a });\n");
	const ig_model_value *v = ig_model_prop_get(res(m, "X"), "bucketName");
	CHECK(v && v->kind == IG_MV_UNRESOLVED && v->prov == IG_PROV_UNRESOLVED);
	CHECK(v && !ig_model_value_eq(v, v));
	ig_model_free(m);
	/* cut off, NUL bytes, nonsense: a model, perhaps empty, never a crash */
	static const char cut_tf[] = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\n  versioning {";
	static const char cut_yaml[] = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: !Sub [\n";
	static const char nul_json[] = "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bu\0cket\"}}";
	static const char cut_ts[] = "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B', { ...x, bucketName: `a${";
	ig_model *m1 = model_of(&a, "main.tf", cut_tf), *m2 = model_of(&a, "t.yaml", cut_yaml);
	ig_response *r = ig_arena_alloc(&a, sizeof *r);
	ig_file *f = IG_PUSH(&a, r->files, r->n_files, r->cap_files);
	f->path = "t.json";
	f->lang = IG_LANG_JSON;
	f->text = nul_json;
	f->len = sizeof nul_json - 1;
	ig_model *m3 = ig_model_build_response(r), *m4 = model_of(&a, "s.ts", cut_ts);
	CHECK(m1 && m2 && m3 && m4);
	ig_model_free(m1);
	ig_model_free(m2);
	ig_model_free(m3);
	ig_model_free(m4);
	ig_arena_free(&a);
}

TEST(model_loops_with_constant_bounds_count_instances)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of(&a, "stack.ts",
			       "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
			       "const azs = ['a', 'b'];\n"
			       "for (let i = 0; i < 3; i++) { new s3.Bucket(this, `B${i}`); }\n"
			       "azs.forEach((az) => { new s3.Bucket(this, `C${az}`); });\n"
			       "for (const az of azs) { for (let j = 0; j < n; j++) new s3.Bucket(this, 'D'); }\n"
			       "new s3.Bucket(this, 'E');\n");
	CHECK_INT(m->n_resources, 4);
	if (m->n_resources == 4) {
		CHECK_INT(m->resources[0].count, 3);
		CHECK(m->resources[0].name_value && m->resources[0].name_value->kind == IG_MV_UNRESOLVED); /* i is no constant */
		CHECK_INT(m->resources[1].count, 2);
		CHECK_INT(m->resources[2].count, 0); /* n is not known: neither is the product */
		CHECK_INT(m->resources[3].count, 1);
	}
	ig_model *py = model_of(&a, "stack.py",
				"from aws_cdk import aws_s3 as s3\n"
				"for i in range(4):\n    s3.Bucket(self, f'B{i}')\n");
	CHECK(py->n_resources == 1 && py->resources[0].count == 4);
	ig_model_free(m);
	ig_model_free(py);
	ig_arena_free(&a);
}

TEST(model_constants_imported_from_another_file_of_the_response)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of2(&a, "lib/config.ts", "export const PREFIX = 'app';\nexport const TAGS = { Team: 'x' };\nfunction f() { const PREFIX = 'no'; }\n",
				"lib/stack.ts",
				"import * as s3 from 'aws-cdk-lib/aws-s3';\nimport { PREFIX, TAGS } from './config';\nimport * as cfg from './config';\n"
				"new s3.Bucket(this, 'B', { bucketName: `${PREFIX}-logs`, tags: TAGS, other: cfg.PREFIX });\n");
	const ig_model_resource *b = res(m, "B");
	const ig_model_value *n = b ? ig_model_prop_get(b, "bucketName") : NULL, *t = b ? ig_model_prop_get(b, "tags.Team") : NULL,
			     *o = b ? ig_model_prop_get(b, "other") : NULL;
	CHECK(n && n->kind == IG_MV_STRING && strcmp(n->text, "app-logs") == 0);
	CHECK(t && t->kind == IG_MV_STRING && strcmp(t->text, "x") == 0);
	CHECK(o && o->kind == IG_MV_STRING && strcmp(o->text, "app") == 0);
	ig_model_free(m);
	ig_arena_free(&a);
}

/* A construct passed straight to another call on its line (`this.alarms.push(new Alarm(...))`) is the
 * construct, with its props; the wrapping call is not. */
TEST(model_construct_wrapped_in_a_call_keeps_its_props)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_model *m = model_of(&a, "mon.ts",
			       "import { Construct } from \"constructs\";\n"
			       "import * as aws from \"@cdktf/provider-aws\";\n"
			       "export class Mon extends Construct {\n"
			       "  public alarms: aws.cloudwatchMetricAlarm.CloudwatchMetricAlarm[] = [];\n"
			       "  constructor(scope: Construct, id: string) {\n"
			       "    super(scope, id);\n"
			       "    this.alarms.push(new aws.cloudwatchMetricAlarm.CloudwatchMetricAlarm(this, \"cpu\", {\n"
			       "      alarmName: \"cpu\",\n"
			       "      comparisonOperator: \"GreaterThanThreshold\",\n"
			       "      evaluationPeriods: 2,\n"
			       "    }));\n"
			       "  }\n"
			       "}\n");
	const ig_model_resource *r = res(m, "cpu");
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(r->n_props, 3);
		const ig_model_value *v = ig_model_prop_get(r, "evaluationPeriods");
		CHECK(v && v->kind == IG_MV_NUMBER && v->num == 2);
	}
	ig_model_free(m);
	ig_arena_free(&a);
}

/* The model is the app's: a test file's constructs (a bucket built to test
 * a helper) and a template's converted twin add no resource. */
TEST(model_of_a_response_reads_its_app_files_only)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_response *r = ig_arena_alloc(&a, sizeof *r);
	const char *paths[3] = {"lib/stack.ts", "test/stack.test.ts", "lib/TapStack.json"};
	const char *texts[3] = {"import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Logs', { versioned: true });\n",
				"import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(stack, 'TestBucket', {});\n",
				"{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}\n"};
	ig_role roles[3] = {IG_ROLE_IAC, IG_ROLE_TEST, IG_ROLE_IAC};
	for (int i = 0; i < 3; i++) {
		ig_file *f = IG_PUSH(&a, r->files, r->n_files, r->cap_files);
		f->path = paths[i];
		f->lang = ig_lang_from_path(paths[i]);
		f->text = texts[i];
		f->len = strlen(texts[i]);
		f->role = roles[i];
		ig_detect_file(&a, f);
	}
	r->files[2].derived_from = "lib/TapStack.yml";
	ig_detect_response(r, IG_LANG_UNKNOWN);
	ig_model *m = ig_model_build_response(r);
	CHECK(res(m, "Logs") != NULL);
	CHECK(res(m, "TestBucket") == NULL);
	CHECK(res(m, "Q") == NULL);
	CHECK_INT(m->n_resources, 1);
	ig_model_free(m);
	r->files[1].role = IG_ROLE_IAC; /* the same code as the app's: its bucket counts */
	r->files[2].derived_from = NULL;
	m = ig_model_build_response(r);
	CHECK(res(m, "TestBucket") != NULL && res(m, "Q") != NULL);
	ig_model_free(m);
	ig_arena_free(&a);
}
