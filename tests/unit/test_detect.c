/* Detection: platform and language per file and per response, resources with
 * their logical names, lines and services, and service-name folding. The code
 * samples live in tests/fixtures/detect/ (one per platform-language). */
#include "harness.h"
#include "detect/detect.h"
#include "syntax/imports.h"
#include "util/file.h"
#include <stdlib.h>
#include <string.h>

/* tests/fixtures/detect/NAME, found from this file's own path so the tests
 * run from the repository root. */
static const char *fixture_path(ig_arena *a, const char *name)
{
	const char *me = __FILE__, *unit = strstr(me, "unit/test_detect.c");
	size_t n = unit ? (size_t)(unit - me) : 0;
	return ig_arena_printf(a, "%.*sfixtures/detect/%s", (int)n, me, name);
}

static ig_file *file_of_text(ig_arena *a, const char *path, const char *text, size_t len)
{
	ig_file *f = ig_arena_alloc(a, sizeof *f);
	f->path = path;
	f->lang = ig_lang_from_path(path);
	f->text = text;
	f->len = len;
	ig_detect_file(a, f); /* parses itself: f->parse.tree is NULL */
	return f;
}

static ig_file *fixture(ig_arena *a, const char *name)
{
	ig_text t;
	const char *path = fixture_path(a, name);
	if (ig_file_read(a, path, IG_FILE_CAP, &t) != IG_READ_OK) {
		fprintf(stderr, "  cannot read %s\n", path);
		return file_of_text(a, name, "", 0);
	}
	return file_of_text(a, name, t.data, t.len);
}

static ig_file *text_file(ig_arena *a, const char *path, const char *text)
{
	return file_of_text(a, path, text, strlen(text));
}

static const ig_resource *find_res(const ig_file *f, const char *name)
{
	for (size_t i = 0; i < f->n_resources; i++)
		if (f->resources[i].name && strcmp(f->resources[i].name, name) == 0) return &f->resources[i];
	return NULL;
}

#define CHECK_PLAT(f, plat, lang) do { CHECK_STR(ig_platform_name((f)->platform), plat); \
	if ((f)->platform != IG_PLAT_UNKNOWN) CHECK_STR(ig_lang_name((f)->platform_lang), lang); } while (0)

#define CHECK_RES(f, nm_, ty_, ln_, sv_) do { const ig_resource *r_ = find_res(f, nm_); \
	CHECK(r_ != NULL); if (r_) { CHECK_STR(r_->native_type, ty_); CHECK_INT(r_->line, ln_); \
	CHECK_STR(r_->service, sv_); } } while (0)

/* ---- one file per platform-language ---- */

TEST(detect_cdk_ts)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdk-ts.ts");
	CHECK_PLAT(f, "cdk", "ts");
	CHECK_INT(f->n_resources, 5);
	CHECK_RES(f, "DataBucket", "aws-s3.Bucket", 12, "S3");
	CHECK_RES(f, "MainVpc", "aws_ec2.Vpc", 13, "VPC");   /* EC2 networking is reported as VPC */
	CHECK_RES(f, "Host", "aws_ec2.Instance", 14, "EC2");
	CHECK_RES(f, "Logs", "aws_logs.LogGroup", 15, "Logs");
	CHECK_RES(f, "Handler", "aws-lambda.Function", 16, "Lambda"); /* named import */
	CHECK(find_res(f, "InComment") == NULL);
	CHECK(find_res(f, "InString") == NULL);
	CHECK(find_res(f, "BucketName") == NULL); /* CfnOutput: the framework, not a resource */
	ig_arena_free(&a);
}

TEST(detect_cdk_js)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdk-js.js");
	CHECK_PLAT(f, "cdk", "js");
	CHECK_INT(f->n_resources, 2);
	CHECK_RES(f, "WorkQueue", "aws-sqs.Queue", 9, "SQS");
	CHECK_RES(f, "Alerts", "aws_sns.Topic", 10, "SNS");
	ig_arena_free(&a);
}

TEST(detect_cdk_py)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdk-py.py");
	CHECK_PLAT(f, "cdk", "py");
	CHECK_INT(f->n_resources, 3); /* dynamodb.Attribute(name=...) is a struct */
	CHECK_RES(f, "DataBucket", "aws_s3.Bucket", 13, "S3");
	CHECK_RES(f, "Orders", "aws_dynamodb.Table", 14, "DynamoDB");
	CHECK_RES(f, "WebSg", "aws_ec2.SecurityGroup", 19, "VPC");
	CHECK(find_res(f, "InComment") == NULL);
	ig_arena_free(&a);
}

TEST(detect_cdk_go)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdk-go.go");
	CHECK_PLAT(f, "cdk", "go");
	CHECK_INT(f->n_resources, 2);
	CHECK_RES(f, "DataBucket", "awss3.Bucket", 14, "S3");
	CHECK_RES(f, "Alerts", "awssns.Topic", 17, "SNS"); /* aliased import */
	ig_arena_free(&a);
}

TEST(detect_cdk_java)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdk-java.java");
	CHECK_PLAT(f, "cdk", "java");
	CHECK_INT(f->n_resources, 3);
	CHECK_RES(f, "DataKey", "kms.Key", 13, "KMS");        /* wildcard import, builder */
	CHECK_RES(f, "DataBucket", "s3.Bucket", 14, "S3");   /* Bucket.Builder.create */
	CHECK_RES(f, "LogsBucket", "s3.Bucket", 17, "S3");   /* new Bucket(this, ...) */
	ig_arena_free(&a);
}

TEST(detect_cdktf_ts)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdktf-ts.ts");
	CHECK_PLAT(f, "cdktf", "ts");
	CHECK_INT(f->n_resources, 3); /* AwsProvider and TerraformOutput are not resources */
	CHECK_RES(f, "data_bucket", "s3-bucket/S3Bucket", 13, "S3");
	CHECK_RES(f, "app_logs", "cloudwatch-log-group/CloudwatchLogGroup", 14, "Logs");
	CHECK_RES(f, "main_vpc", "vpc/Vpc", 15, "VPC");
	ig_arena_free(&a);
}

TEST(detect_cdktf_py)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdktf-py.py");
	CHECK_PLAT(f, "cdktf", "py");
	CHECK_INT(f->n_resources, 2);
	CHECK_RES(f, "data_bucket", "s3_bucket/S3Bucket", 13, "S3");
	CHECK_RES(f, "orders", "dynamodb_table/DynamodbTable", 14, "DynamoDB");
	ig_arena_free(&a);
}

TEST(detect_cdktf_go)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdktf-go.go");
	CHECK_PLAT(f, "cdktf", "go");
	CHECK_INT(f->n_resources, 3);
	CHECK_RES(f, "alerts", "aws_sns_topic", 18, "SNS"); /* AddOverride("resource.aws_sns_topic.alerts") */
	CHECK_RES(f, "data_bucket", "s3bucket/S3Bucket", 16, "S3");
	CHECK_RES(f, "jobs", "sqsqueue/SqsQueue", 17, "SQS");
	ig_arena_free(&a);
}

TEST(detect_cdktf_java)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cdktf-java.java");
	CHECK_PLAT(f, "cdktf", "java");
	CHECK_INT(f->n_resources, 2); /* AwsProvider.Builder is the provider */
	CHECK_RES(f, "data_bucket", "s3_bucket/S3Bucket", 15, "S3");
	CHECK_RES(f, "data_key", "kms_key/KmsKey", 16, "KMS");
	ig_arena_free(&a);
}

TEST(detect_pulumi_ts)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "pulumi-ts.ts");
	CHECK_PLAT(f, "pulumi", "ts");
	CHECK_INT(f->n_resources, 6); /* pulumi.Config is not a resource */
	CHECK_RES(f, "crosswalk-vpc", "ec2.Vpc", 13, "VPC"); /* @pulumi/awsx */
	CHECK_RES(f, "data-bucket", "s3.Bucket", 6, "S3");
	CHECK_RES(f, "main-vpc", "ec2.Vpc", 7, "VPC");
	CHECK_RES(f, "lambda-role", "iam.Role", 8, "IAM");
	CHECK_RES(f, "handler", "lambda.Function", 9, "Lambda");
	CHECK_RES(f, "app-logs", "cloudwatch.LogGroup", 10, "Logs");
	ig_arena_free(&a);
}

TEST(detect_pulumi_py)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "pulumi-py.py");
	CHECK_PLAT(f, "pulumi", "py");
	CHECK_INT(f->n_resources, 3);
	CHECK_RES(f, "data-bucket", "s3.Bucket", 6, "S3");
	CHECK_RES(f, "orders", "dynamodb.Table", 7, "DynamoDB"); /* from pulumi_aws import dynamodb */
	CHECK_RES(f, "web-sg", "ec2.SecurityGroup", 8, "VPC");
	ig_arena_free(&a);
}

TEST(detect_pulumi_go)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "pulumi-go.go");
	CHECK_PLAT(f, "pulumi", "go");
	CHECK_INT(f->n_resources, 2);
	CHECK_RES(f, "data-bucket", "s3.Bucket", 12, "S3");
	CHECK_RES(f, "jobs", "sqs.Queue", 16, "SQS");
	ig_arena_free(&a);
}

TEST(detect_pulumi_java)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "pulumi-java.java");
	CHECK_PLAT(f, "pulumi", "java");
	CHECK_INT(f->n_resources, 2);
	CHECK_RES(f, "data-bucket", "s3.Bucket", 12, "S3");
	CHECK_RES(f, "alerts", "sns.Topic", 13, "SNS");
	ig_arena_free(&a);
}

TEST(detect_cfn_yaml)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cfn-yaml.yml");
	CHECK_PLAT(f, "cfn", "yaml");
	CHECK_INT(f->n_resources, 5); /* "Type: AWS::SQS::Queue" in a string and a comment do not count */
	CHECK_RES(f, "DataBucket", "AWS::S3::Bucket", 7, "S3");
	CHECK_RES(f, "MainVpc", "AWS::EC2::VPC", 11, "VPC");
	CHECK_RES(f, "NatEip", "AWS::EC2::EIP", 15, "VPC");
	CHECK_RES(f, "AppFunction", "AWS::Lambda::Function", 17, "Lambda");
	CHECK_RES(f, "AppRole", "AWS::IAM::Role", 21, "IAM");
	ig_arena_free(&a);
}

TEST(detect_cfn_json)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "cfn-json.json");
	CHECK_PLAT(f, "cfn", "json");
	CHECK_INT(f->n_resources, 3);
	CHECK_RES(f, "Table", "AWS::DynamoDB::Table", 5, "DynamoDB");
	CHECK_RES(f, "Subnet", "AWS::EC2::Subnet", 9, "VPC");
	CHECK_RES(f, "Key", "AWS::KMS::Key", 13, "KMS");
	ig_arena_free(&a);
}

TEST(detect_tf_hcl)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "tf-hcl.tf");
	CHECK_PLAT(f, "tf", "hcl");
	/* data sources, non-AWS resources, modules and the commented block are not resources */
	CHECK_INT(f->n_resources, 4);
	CHECK_RES(f, "data", "aws_s3_bucket", 18, "S3");
	CHECK_RES(f, "app", "aws_cloudwatch_log_group", 22, "Logs");
	CHECK_RES(f, "main", "aws_nat_gateway", 26, "VPC");
	CHECK_RES(f, "web", "aws_lb", 31, "ElasticLoadBalancingV2");
	CHECK(find_res(f, "current") == NULL);
	CHECK(find_res(f, "in_comment") == NULL);
	ig_arena_free(&a);
}

TEST(detect_cicd_yaml)
{
	ig_arena a; ig_arena_init(&a);
	const char *names[] = {"cicd-github.yml", "cicd-gitlab.yml", "cicd-buildspec.yml"};
	for (int i = 0; i < 3; i++) {
		ig_file *f = fixture(&a, names[i]);
		CHECK_PLAT(f, "cicd", "yaml");
		CHECK_INT(f->n_resources, 0);
	}
	/* Google Cloud Build: steps beside substitutions */
	ig_file *g = text_file(&a, "cloudbuild.yaml", "substitutions:\n  _ENV: dev\nsteps:\n  - name: gcr.io/x\n    args: [a]\n");
	CHECK_PLAT(g, "cicd", "yaml");
	/* a syntax error early in a workflow must not hide it */
	ig_file *e = text_file(&a, "ci.yml", "name: x\non:\n  push:\n    branches: [main]\n bad: indent\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
	CHECK_PLAT(e, "cicd", "yaml");
	/* services a pipeline uses: AWS CLI calls and AWS's actions, not comments or prose */
	ig_file *u = text_file(&a, "deploy.yml", "on: push\njobs:\n  d:\n    steps:\n"
				 "      - uses: aws-actions/amazon-ecr-login@v2\n"
				 "      # - run: aws sqs purge-queue\n"
				 "      - run: |\n          echo start\n          aws ecs update-service --cluster c\n"
				 "          aws s3 cp a s3://b\n          aws --version\n"
				 "      - name: say aws is great\n");
	CHECK_PLAT(u, "cicd", "yaml");
	CHECK_INT(u->n_resources, 3);
	if (u->n_resources == 3) {
		CHECK_STR(u->resources[0].service, "ECR");
		CHECK_INT(u->resources[0].line, 5);
		CHECK_STR(u->resources[1].native_type, "awscli:ecs");
		CHECK_INT(u->resources[1].line, 9);
		CHECK_STR(u->resources[2].service, "S3");
	}
	/* plain configuration is no pipeline */
	ig_file *c = text_file(&a, "config.yml", "name: app\nversion: 2\nsettings:\n  steps: 3\n");
	CHECK_PLAT(c, "unknown", "");
	ig_arena_free(&a);
}

TEST(detect_analysis_py)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "analysis-py.py");
	CHECK_PLAT(f, "analysis", "py");
	/* boto3.client(variable) in the wrapper names nothing; the wrapper's calls do */
	CHECK_INT(f->n_resources, 4);
	if (f->n_resources == 4) {
		CHECK_STR(f->resources[0].native_type, "boto3:s3");
		CHECK_INT(f->resources[0].line, 13);
		CHECK_STR(f->resources[0].service, "S3");
		CHECK_STR(f->resources[1].service, "EC2");             /* boto3.resource */
		CHECK_STR(f->resources[2].service, "Logs");            /* _make_client("logs") */
		CHECK_STR(f->resources[3].service, "CloudWatch");      /* service_name= */
	}
	/* a Lambda handler that uses boto3 is neither IaC nor an analysis script */
	ig_file *h = fixture(&a, "lambda-handler.py");
	CHECK_PLAT(h, "unknown", "");
	ig_arena_free(&a);
}

TEST(detect_resources_extract_only)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *f = fixture(&a, "tf-hcl.tf");
	f->platform = IG_PLAT_UNKNOWN;
	f->n_resources = 0;
	ig_resources_extract(&a, f);
	CHECK_INT(f->n_resources, 4);
	CHECK(f->platform == IG_PLAT_UNKNOWN);
	ig_arena_free(&a);
}

/* ---- bad input never crashes and never invents a platform ---- */

TEST(detect_bad_input)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *e = text_file(&a, "empty.ts", "");
	CHECK_PLAT(e, "unknown", "");
	CHECK_INT(e->n_resources, 0);
	static const char nul[] = "import * as s3 from 'aws-cdk-lib/aws-s3';\n\0\0new s3.Bucket(this, 'B');\n";
	ig_file *n = file_of_text(&a, "nul.ts", nul, sizeof nul - 1);
	CHECK_PLAT(n, "cdk", "ts");
	ig_file *t = text_file(&a, "cut.py", "from aws_cdk import aws_s3 as s3\ns3.Bucket(self, \"A\")\ns3.Bucket(self, \"B\", versioned=");
	CHECK_PLAT(t, "cdk", "py");
	CHECK_INT(t->n_resources, 1);
	ig_file *y = text_file(&a, "cut.yml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  Q:\n    Type: AWS::SQS::Qu");
	CHECK_PLAT(y, "cfn", "yaml");
	/* a bad line high in a template must not hide its resources */
	ig_file *b = text_file(&a, "bad.yml", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: broken: here\n"
				 "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  # Q:\n  #  Type: AWS::SNS::Topic\n"
				 "  Q:\n    Properties:\n      X: 1\n    Type: \"AWS::SQS::Queue\" # queue\nOutputs:\n  O:\n    Value: 1\n");
	CHECK_PLAT(b, "cfn", "yaml");
	CHECK_INT(b->n_resources, 2);
	CHECK_RES(b, "B", "AWS::S3::Bucket", 4, "S3");
	CHECK_RES(b, "Q", "AWS::SQS::Queue", 8, "SQS");
	ig_file *j = text_file(&a, "wrong.json", "{\"Resources\": [1, 2], \"AWSTemplateFormatVersion\": 7");
	CHECK_INT(j->n_resources, 0);
	ig_file *md = text_file(&a, "README.md", "# new s3.Bucket(this, 'X')");
	CHECK_PLAT(md, "unknown", "");
	ig_file *bin = text_file(&a, "x.ts", "\xff\xfe\x01import \xc3");
	CHECK_PLAT(bin, "unknown", "");
	ig_arena_free(&a);
}

/* ---- the response verdict ---- */

static ig_response response_of(ig_arena *a, ig_file **files, size_t n)
{
	ig_response r = {.name = "ideal", .source = "lib/", .present = true};
	for (size_t i = 0; i < n; i++) *IG_PUSH(a, r.files, r.n_files, r.cap_files) = *files[i];
	return r;
}

TEST(detect_response_cdk_with_helpers)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *files[] = {
		fixture(&a, "cdk-ts.ts"),
		fixture(&a, "lambda-handler.py"),
		text_file(&a, "lib/lambda/index.py", "import boto3\n\ndef handler(event, context):\n    return 1\n"),
		text_file(&a, "cdk.json", "{\"app\": \"npx ts-node bin/tap.ts\"}"),
		text_file(&a, "package.json", "{\"dependencies\": {\"aws-cdk-lib\": \"2.0.0\"}}"),
		text_file(&a, "bin/tap.ts", "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\n"),
		/* the pipeline that deploys the stack: its `aws ecr` call is tooling */
		text_file(&a, ".github/workflows/deploy.yml", "on: push\njobs:\n  d:\n    steps:\n      - run: aws ecr get-login-password\n"),
	};
	ig_response r = response_of(&a, files, sizeof files / sizeof *files);
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(r.platform), "cdk");
	CHECK_STR(ig_lang_name(r.lang), "ts");
	ig_services_collect(&a, &r);
	/* sorted, unique; boto3 clients of helpers count as services used */
	const char *want[] = {"CloudFormation", "EC2", "Lambda", "Logs", "S3", "SQS", "VPC"};
	CHECK_INT(r.n_services, 7);
	for (size_t i = 0; i < r.n_services && i < 7; i++) CHECK_STR(r.services[i], want[i]);
	ig_arena_free(&a);
}

TEST(detect_response_cfn_twins_and_pipelines)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *yml = fixture(&a, "cfn-yaml.yml"), *json = fixture(&a, "cfn-json.json");
	yml->path = "lib/TapStack.yml";
	json->path = "lib/TapStack.json";
	ig_file *twins[] = {yml, json};
	ig_response r = response_of(&a, twins, 2);
	ig_detect_response(&r, IG_LANG_JSON);
	CHECK_STR(ig_lang_name(r.lang), "json");
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_lang_name(r.lang), "yaml");
	/* a second template beside the entry one is not a twin: the entry decides */
	yml->path = "lib/pipeline.yml";
	ig_file *two[] = {yml, json};
	r = response_of(&a, two, 2);
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(r.platform), "cfn");
	CHECK_STR(ig_lang_name(r.lang), "json");
	/* a pipeline alone is CI/CD */
	ig_file *ci[] = {fixture(&a, "cicd-gitlab.yml")};
	r = response_of(&a, ci, 1);
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(r.platform), "cicd");
	ig_arena_free(&a);
}

TEST(detect_response_analysis_over_empty_terraform)
{
	ig_arena a; ig_arena_init(&a);
	ig_file *tf = text_file(&a, "lib/main.tf", "data \"aws_instances\" \"all\" {}\nlocals {\n  n = 1\n}\n");
	CHECK_PLAT(tf, "tf", "hcl");
	ig_file *files[] = {tf, fixture(&a, "analysis-py.py")};
	ig_response r = response_of(&a, files, 2);
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(r.platform), "analysis");
	CHECK_STR(ig_lang_name(r.lang), "py");
	/* Terraform that declares resources stays the deliverable */
	ig_file *files2[] = {fixture(&a, "tf-hcl.tf"), fixture(&a, "analysis-py.py")};
	r = response_of(&a, files2, 2);
	ig_detect_response(&r, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(r.platform), "tf");
	/* nothing known */
	ig_response none = {.present = true};
	ig_detect_response(&none, IG_LANG_UNKNOWN);
	CHECK_STR(ig_platform_name(none.platform), "unknown");
	ig_services_collect(&a, &none);
	CHECK_INT(none.n_services, 0);
	ig_arena_free(&a);
}

/* ---- services ---- */

TEST(detect_service_of_type)
{
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::S3::Bucket"), "S3");
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::EC2::Instance"), "EC2");
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::EC2::SecurityGroupIngress"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::EC2::RouteTable"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::ElasticLoadBalancingV2::LoadBalancer"), "ElasticLoadBalancingV2");
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "Custom::Thing"), NULL);
	CHECK_STR(ig_service_of_type(IG_PLAT_CFN, NULL, "AWS::"), NULL);
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_cloudwatch_log_group"), "Logs");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_cloudwatch_metric_alarm"), "CloudWatch");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_lb_target_group"), "ElasticLoadBalancingV2");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_db_instance"), "RDS");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_rds_cluster"), "RDS");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_sfn_state_machine"), "StepFunctions");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_iam_role_policy"), "IAM");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_instance"), "EC2");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_subnet"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_vpc_endpoint"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_dynamodb_table"), "DynamoDB");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "random_id"), NULL);
	/* networking by whole words: route53 is not a route, VPC Lattice is not a VPC */
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_route_table_association"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_route53_zone"), "Route53");
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, "aws_vpclattice_service"), "VpcLattice");
	CHECK_STR(ig_service_of_type(IG_PLAT_PULUMI, "route53", "Record"), "Route53");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDKTF, "route53-zone", "Route53Zone"), "Route53");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, "aws_ec2", "Vpc"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, "aws-ec2", "Instance"), "EC2");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, "aws-lambda-nodejs", "NodejsFunction"), "Lambda");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, "awss3", "Bucket"), "S3");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, "aws_s3", "CfnBucket"), "S3");
	CHECK_STR(ig_service_of_type(IG_PLAT_PULUMI, "ec2", "SecurityGroup"), "VPC");
	CHECK_STR(ig_service_of_type(IG_PLAT_PULUMI, "cloudwatch", "LogGroup"), "Logs");
	CHECK_STR(ig_service_of_type(IG_PLAT_PULUMI, "lb", "TargetGroup"), "ElasticLoadBalancingV2");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDKTF, "db-instance", "DbInstance"), "RDS");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDKTF, "sfnstatemachine", "SfnStateMachine"), "StepFunctions");
	CHECK_STR(ig_service_of_type(IG_PLAT_CDK, NULL, "Bucket"), NULL);
	CHECK_STR(ig_service_of_type(IG_PLAT_TF, NULL, NULL), NULL);
}

TEST(detect_service_fold)
{
	static const char *const cases[][2] = {
		{"S3", "S3"}, {"s3", "S3"}, {"Amazon S3", "S3"}, {"AWS S3", "S3"}, {"S3 Bucket", "S3"},
		{"S3Bucket", "S3"}, {"AWS::S3::Bucket", "S3"}, {"AWS::EC2::Subnet", "VPC"},
		{"Amazon SQS (Standard + DLQ)", "SQS"}, {"AWS Lambda", "Lambda"}, {"lambda", "Lambda"},
		{"DynamoDB", "DynamoDB"}, {"Amazon DynamoDB", "DynamoDB"}, {"dynamodb", "DynamoDB"},
		{"ALB", "ElasticLoadBalancingV2"}, {"Application Load Balancer", "ElasticLoadBalancingV2"},
		{"Elastic Load Balancer", "ElasticLoadBalancingV2"}, {"SSM", "SSM"},
		{"Systems Manager", "SSM"}, {"AWS Systems Manager Parameter Store", "SSM"},
		{"Parameter Store", "SSM"}, {"NAT Gateway", "VPC"}, {"NAT Gateways", "VPC"},
		{"VPC", "VPC"}, {"Amazon VPC", "VPC"}, {"Security Groups", "VPC"}, {"PublicRouteTable", "VPC"},
		{"PublicSubnetA", "VPC"}, {"NatGateway2", "VPC"}, {"Route 53", "Route53"},
		{"Amazon Route 53", "Route53"}, {"CloudWatch", "CloudWatch"}, {"CloudWatch Logs", "Logs"},
		{"AppLogGroup", "Logs"}, {"EventBridge", "Events"}, {"Amazon EventBridge", "Events"},
		{"Step Functions", "StepFunctions"}, {"KMS", "KMS"}, {"AWS Key Management Service", "KMS"},
		{"IAM", "IAM"}, {"InstanceRole", "IAM"}, {"EC2", "EC2"}, {"EC2 Instance", "EC2"},
		{"Target Group", "ElasticLoadBalancingV2"}, {"CloudMap", "ServiceDiscovery"},
		{"API Gateway", "ApiGateway"}, {"Secrets Manager", "SecretsManager"}, {"ECS Fargate", "ECS"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		CHECK_STR(ig_service_fold(cases[i][0], strlen(cases[i][0])), cases[i][1]);
	CHECK_STR(ig_service_fold("", 0), NULL);
	CHECK_STR(ig_service_fold("AWS", 3), NULL);
	CHECK_STR(ig_service_fold("(none)", 6), NULL);
	CHECK_STR(ig_service_fold("AWS::", 5), NULL);
	CHECK_STR(ig_service_fold(NULL, 0), NULL);
	CHECK_STR(ig_service_fold("Amazon S3 and more", 9), "S3"); /* only n bytes are read */
	char big[600];
	memset(big, 'x', sizeof big);
	CHECK_STR(ig_service_fold(big, sizeof big), NULL);
}

/* ---- the head of a file that holds its imports (syntax/imports.h) ---- */

/* The imports of a parse of the head are those of the whole file, and the head
 * ends where expected (at `want`, the text's first line that follows it). */
static void check_head(int *ig_failed_, ig_arena *a, ig_lang lang, const char *text, const char *want)
{
	size_t len = strlen(text), head = ig_imports_head_len(lang, text, len);
	const char *at = want ? strstr(text, want) : text + len;
	CHECK(at != NULL);
	if (at) CHECK_INT((long long)head, (long long)(at - text));
	ig_parse full = {0}, part = {0};
	ig_imports fi, pi;
	CHECK(ig_syntax_parse(&full, a, lang, text, len) == 0 && ig_syntax_parse(&part, a, lang, text, head) == 0);
	ig_imports_collect(a, &full, &fi);
	ig_imports_collect(a, &part, &pi);
	CHECK(fi.n > 0);
	CHECK_INT((long long)pi.n, (long long)fi.n);
	for (size_t k = 0; k < fi.n && k < pi.n; k++) {
		CHECK_STR(pi.items[k].path, fi.items[k].path);
		CHECK_STR(pi.items[k].alias ? pi.items[k].alias : "", fi.items[k].alias ? fi.items[k].alias : "");
		CHECK_INT(pi.items[k].line, fi.items[k].line);
	}
	ig_parse_release(&full);
	ig_parse_release(&part);
}

TEST(imports_head_holds_every_import)
{
	ig_arena a;
	ig_arena_init(&a);
	/* a multi-line import ends at its `from`; `required` and `x.require(` are no require call */
	check_head(ig_failed_, &a, IG_LANG_TS,
		   "import * as cdk from 'aws-cdk-lib';\nimport {\n  Template,\n  Match,\n} from 'aws-cdk-lib/assertions';\n"
		   "describe('s', () => {\n  const required = { a: 1 };\n  test('t', () => { expect(required).toBeDefined(); });\n});\n",
		   "describe(");
	/* a require in a test body: the head reaches it */
	check_head(ig_failed_, &a, IG_LANG_TS,
		   "import { App } from 'aws-cdk-lib';\ndescribe('h', () => {\n  beforeEach(() => {\n"
		   "    const { handler } = require('../lib/lambda/index');\n  });\n  it('x', () => {});\n});\n",
		   "  });\n  it(");
	/* an import in a template literal or a docstring is text, not an import */
	check_head(ig_failed_, &a, IG_LANG_TS,
		   "import * as fs from 'fs';\nconst code = `\nimport json\nimport { x } from 'y';\n`;\ntest('t', () => {});\n",
		   "const code");
	check_head(ig_failed_, &a, IG_LANG_PY,
		   "import unittest\nfrom unittest.mock import (\n    Mock,\n    patch,\n)\n\nclass T(unittest.TestCase):\n"
		   "    def test_a(self):\n        from lib.tap_stack import TapStack\n        code = '''\nimport json\nfrom os import path\n'''\n"
		   "        self.assertTrue(TapStack)\n",
		   "        code = '''");
	/* Go's import block, Java's imports */
	check_head(ig_failed_, &a, IG_LANG_GO,
		   "package main\n\nimport (\n\t\"testing\"\n\t\"github.com/aws/aws-cdk-go/awscdk/v2\"\n)\n\nfunc TestX(t *testing.T) {\n\t_ = awscdk.NewApp(nil)\n}\n",
		   "\nfunc TestX");
	check_head(ig_failed_, &a, IG_LANG_JAVA,
		   "package app;\n\nimport org.junit.jupiter.api.Test;\nimport software.amazon.awscdk.App;\n\npublic class MainTest {\n  @Test\n  void t() { new App(); }\n}\n",
		   "\npublic class");
	/* no import: an empty head; a language without imports: the whole text */
	CHECK_INT((long long)ig_imports_head_len(IG_LANG_TS, "test('x', () => {});\n", 21), 0);
	CHECK_INT((long long)ig_imports_head_len(IG_LANG_YAML, "a: 1\n", 5), 5);
	ig_arena_free(&a);
}

/* ---- a parse that starts from a similar text's tree (syntax/edit.h) ---- */

/* The tree of text parsed like base is the tree of a whole parse: the same
 * nodes, at the same places. */
static void check_like(int *ig_failed_, ig_arena *a, ig_lang lang, const char *base, const char *text)
{
	ig_parse pb = {0}, whole = {0}, like = {0};
	CHECK(ig_syntax_parse(&pb, a, lang, base, strlen(base)) == 0);
	CHECK(ig_syntax_parse(&whole, a, lang, text, strlen(text)) == 0);
	CHECK(ig_syntax_parse_like(&like, a, lang, text, strlen(text), &pb) == 0);
	char *x = ts_node_string(ts_tree_root_node(whole.tree)), *y = ts_node_string(ts_tree_root_node(like.tree));
	CHECK_STR(y, x);
	free(x);
	free(y);
	/* every node's place, in a walk of both trees */
	TSTreeCursor cw = ts_tree_cursor_new(ts_tree_root_node(whole.tree)), cl = ts_tree_cursor_new(ts_tree_root_node(like.tree));
	for (bool more = true; more;) {
		TSNode nw = ts_tree_cursor_current_node(&cw), nl = ts_tree_cursor_current_node(&cl);
		CHECK_INT(ts_node_start_byte(nl), ts_node_start_byte(nw));
		CHECK_INT(ts_node_end_byte(nl), ts_node_end_byte(nw));
		CHECK_INT(ts_node_start_point(nl).row, ts_node_start_point(nw).row);
		CHECK_INT(ts_node_end_point(nl).column, ts_node_end_point(nw).column);
		bool dw = ts_tree_cursor_goto_first_child(&cw), dl = ts_tree_cursor_goto_first_child(&cl);
		CHECK(dw == dl);
		if (dw) continue;
		for (;;) {
			bool sw = ts_tree_cursor_goto_next_sibling(&cw), sl = ts_tree_cursor_goto_next_sibling(&cl);
			CHECK(sw == sl);
			if (sw) break;
			if (!ts_tree_cursor_goto_parent(&cw) || !ts_tree_cursor_goto_parent(&cl)) { more = false; break; }
		}
	}
	ts_tree_cursor_delete(&cw);
	ts_tree_cursor_delete(&cl);
	CHECK_INT((long long)like.n_errors_total, (long long)whole.n_errors_total);
	ig_parse_release(&pb);
	ig_parse_release(&whole);
	ig_parse_release(&like);
}

TEST(syntax_parse_like_a_similar_text_gives_the_whole_parse)
{
	ig_arena a;
	ig_arena_init(&a);
	const char *ts = "import * as s3 from 'aws-cdk-lib/aws-s3';\n\nexport class S extends Stack {\n  constructor() {\n"
			 "    new s3.Bucket(this, 'A', { versioned: true });\n    new s3.Bucket(this, 'B');\n  }\n}\n";
	/* a line changed in the middle, lines added at the start, the end cut (no last newline), a syntax error made */
	check_like(ig_failed_, &a, IG_LANG_TS, ts, "import * as s3 from 'aws-cdk-lib/aws-s3';\n\nexport class S extends Stack {\n  constructor() {\n"
						    "    new s3.Bucket(this, 'A', { versioned: false, enforceSSL: true });\n    new s3.Bucket(this, 'B');\n  }\n}\n");
	check_like(ig_failed_, &a, IG_LANG_TS, ts, "// header\nimport { Stack } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\nexport class S extends Stack {\n"
						    "  constructor() {\n    new s3.Bucket(this, 'A', { versioned: true });\n    new s3.Bucket(this, 'B');\n  }\n}");
	check_like(ig_failed_, &a, IG_LANG_TS, ts, "import * as s3 from 'aws-cdk-lib/aws-s3';\n\nexport class S extends Stack {\n  constructor() {\n"
						    "    new s3.Bucket(this, 'A', { versioned: true ;\n    new s3.Bucket(this, 'B');\n  }\n}\n");
	check_like(ig_failed_, &a, IG_LANG_PY, "import aws_cdk as cdk\n\nclass S(cdk.Stack):\n    def __init__(self):\n        x = 1\n        y = 2\n",
		   "import aws_cdk as cdk\n\nclass S(cdk.Stack):\n    def __init__(self):\n        if True:\n            x = 1\n        y = 2\n");
	check_like(ig_failed_, &a, IG_LANG_YAML, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  Q:\n    Type: AWS::SQS::Queue\n",
		   "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n  Q:\n    Type: AWS::SQS::Queue\n");
	ig_arena_free(&a);
}
