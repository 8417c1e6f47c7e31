/* Requirements read from prompt text: the phrasings a person reads one way
 * and a phrase list another (negation, ranges and minimums, regions with
 * roles, hedges, code blocks and example ARNs), and the status of a
 * requirement against a response's code. */
#include "harness.h"
#include "req/req.h"
#include <string.h>

static ig_req_set read_text(ig_arena *a, const char *text)
{
	ig_req_set s = {0};
	ig_req_read(a, &s, "lib/PROMPT.md", text, strlen(text));
	return s;
}

/* The requirement of kind k with value v, or NULL. */
static const ig_req *find(const ig_req_set *s, ig_req_kind k, const char *v)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i].kind == k && strcmp(s->items[i].value, v) == 0) return &s->items[i];
	return NULL;
}

static size_t count_kind(const ig_req_set *s, ig_req_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) n += s->items[i].kind == k;
	return n;
}

TEST(req_region_roles)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a, "# DR\n\nUse us-east-1 for the primary and us-west-2 for DR.\n");
	const ig_req *p = find(&s, IG_REQ_REGION, "us-east-1"), *d = find(&s, IG_REQ_REGION, "us-west-2");
	CHECK(p && d);
	if (p) { CHECK_STR(p->detail, "primary"); CHECK_INT(p->line, 3); CHECK_STR(p->file, "lib/PROMPT.md"); }
	if (d) CHECK_STR(d->detail, "dr");
	CHECK(find(&s, IG_REQ_MULTI_REGION, "yes") != NULL);
	s = read_text(&a, "| Role | Region |\n|---|---|\n| Primary region: | eu-west-1 |\n| Secondary region: | eu-central-1 |\n");
	p = find(&s, IG_REQ_REGION, "eu-west-1"), d = find(&s, IG_REQ_REGION, "eu-central-1");
	CHECK(p && d);
	if (p) CHECK_STR(p->detail, "primary");
	if (d) CHECK_STR(d->detail, "secondary");
	ig_arena_free(&a);
}

TEST(req_region_not_a_statement)
{
	ig_arena a; ig_arena_init(&a);
	/* hedged, an example, an ARN, a code block, a region moved away from */
	ig_req_set s = read_text(&a,
		"Deploy it probably in us-east-1.\n"
		"Any region works (e.g. eu-west-1).\n"
		"The role is arn:aws:iam::123456789012:role/x in ap-south-1 style ARNs: arn:aws:s3:us-west-1:1:b\n"
		"```hcl\nprovider \"aws\" { region = \"ca-central-1\" }\n```\n"
		"Migrate from sa-east-1 to eu-north-1.\n");
	CHECK(find(&s, IG_REQ_REGION, "us-east-1") == NULL);
	CHECK(find(&s, IG_REQ_REGION, "eu-west-1") == NULL);
	CHECK(find(&s, IG_REQ_REGION, "us-west-1") == NULL);
	CHECK(find(&s, IG_REQ_REGION, "ca-central-1") == NULL);
	CHECK(find(&s, IG_REQ_REGION, "sa-east-1") == NULL);
	CHECK(find(&s, IG_REQ_REGION, "eu-north-1") != NULL);
	CHECK(find(&s, IG_REQ_REGION, "ap-south-1") != NULL);
	ig_arena_free(&a);
}

TEST(req_negation_forbids)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a,
		"- No NAT gateways: use VPC endpoints instead.\n"
		"- Do not use Lambda for this.\n"
		"- Use IAM roles for everything - no IAM users.\n"
		"- VPC endpoints avoid NAT gateway charges.\n"
		"- Store files in Amazon S3.\n");
	CHECK(find(&s, IG_REQ_FORBID, "NatGateway") != NULL);
	CHECK(find(&s, IG_REQ_FORBID, "Lambda") != NULL);
	CHECK(find(&s, IG_REQ_SERVICE, "Lambda") == NULL);
	CHECK(find(&s, IG_REQ_FORBID, "User") != NULL);
	CHECK(find(&s, IG_REQ_SERVICE, "IAM") != NULL);
	CHECK(find(&s, IG_REQ_SERVICE, "S3") != NULL);
	CHECK_INT(count_kind(&s, IG_REQ_FORBID), 3);
	ig_arena_free(&a);
}

TEST(req_ranges_and_minimums)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a,
		"Keep application logs between 7 and 30 days.\n"
		"Retain backups for at least 14 days.\n"
		"Rotate the database secret every 30 days.\n"
		"Spread the subnets over at least two AZs.\n"
		"Create exactly 3 public subnets and two target groups.\n"
		"Audit logs are kept for 1 year.\n"
		"Transition objects to Glacier after 90 days.\n");
	CHECK(find(&s, IG_REQ_LOG_RETENTION, "7-30") != NULL);
	CHECK(find(&s, IG_REQ_BACKUP_RETENTION, "14+") != NULL);
	CHECK(find(&s, IG_REQ_ROTATION, "30") != NULL);
	CHECK(find(&s, IG_REQ_AZ, "2+") != NULL);
	CHECK(find(&s, IG_REQ_COUNT, "3 Subnet") != NULL);
	CHECK(find(&s, IG_REQ_COUNT, "2 TargetGroup") != NULL);
	CHECK(find(&s, IG_REQ_LOG_RETENTION, "365") != NULL);
	CHECK_INT(count_kind(&s, IG_REQ_LOG_RETENTION), 2); /* the lifecycle transition is not retention */
	ig_arena_free(&a);
}

TEST(req_hedges_state_nothing)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a,
		"Maybe use a t3.large, or perhaps something smaller.\n"
		"Optionally add CloudFront if needed.\n"
		"The instance type is t3.micro.\n");
	CHECK(find(&s, IG_REQ_INSTANCE, "t3.large") == NULL);
	CHECK(find(&s, IG_REQ_SERVICE, "CloudFront") == NULL);
	CHECK(find(&s, IG_REQ_INSTANCE, "t3.micro") != NULL);
	ig_arena_free(&a);
}

TEST(req_tags_security_platform)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a,
		"Create infrastructure using **Terraform with HCL**.\n"
		"Tag all resources with:\n"
		"- Environment: production\n"
		"- CostCenter\n"
		"\n"
		"Encrypt data at rest with customer-managed KMS keys; enforce TLS 1.2 or higher.\n"
		"All resources must be destroyable (no Retain policies).\n"
		"Resource names must include the environmentSuffix.\n"
		"Use Aurora PostgreSQL 15.4 on db.r6g.large in 10.0.0.0/16.\n");
	const ig_req *env = find(&s, IG_REQ_TAG, "Environment");
	CHECK(env != NULL);
	if (env) CHECK_STR(env->detail, "production");
	CHECK(find(&s, IG_REQ_TAG, "CostCenter") != NULL);
	CHECK(find(&s, IG_REQ_ENCRYPTION, "yes") != NULL);
	CHECK(find(&s, IG_REQ_KMS, "yes") != NULL);
	CHECK(find(&s, IG_REQ_TLS, "1.2+") != NULL);
	CHECK(find(&s, IG_REQ_DESTROY, "yes") != NULL);
	CHECK(find(&s, IG_REQ_ENV_SUFFIX, "yes") != NULL);
	CHECK(find(&s, IG_REQ_ENGINE, "aurora-postgresql 15.4") != NULL);
	CHECK(find(&s, IG_REQ_INSTANCE, "db.r6g.large") != NULL);
	CHECK(find(&s, IG_REQ_CIDR, "10.0.0.0/16") != NULL);
	CHECK(find(&s, IG_REQ_PLATFORM, "tf") != NULL);
	CHECK(find(&s, IG_REQ_LANGUAGE, "hcl") != NULL);
	ig_arena_free(&a);
}

TEST(req_bad_text_is_safe)
{
	ig_arena a; ig_arena_init(&a);
	static const char bad[] = "us-east-1\0\xff\xfe tag: \x01 ``` unclosed\nno \n1 \n";
	ig_req_set s = {0};
	ig_req_read(&a, &s, "lib/PROMPT.md", bad, sizeof bad - 1);
	ig_req_read(&a, &s, "lib/PROMPT.md", "", 0);
	CHECK(find(&s, IG_REQ_REGION, "us-east-1") != NULL);
	/* the quoted line is cut at a character boundary: it goes into JSON */
	char line[400];
	memset(line, 'x', 299);
	memcpy(line, "Deploy to eu-west-1 ", 20);
	memcpy(line + 299, "\xe2\x82\xac tail\n", 10);
	ig_req_set q = {0};
	ig_req_read(&a, &q, "lib/PROMPT.md", line, 309);
	const ig_req *r = find(&q, IG_REQ_REGION, "eu-west-1");
	CHECK(r != NULL);
	if (r) CHECK_INT(strlen(r->quote), 299);
	ig_arena_free(&a);
}

static ig_response response_with(ig_arena *a, const char *path, const char *code)
{
	ig_response r = {.name = "model", .present = true};
	ig_file *f = IG_PUSH(a, r.files, r.n_files, r.cap_files);
	f->path = path;
	f->text = code;
	f->len = strlen(code);
	f->md_line = 10;
	return r;
}

TEST(req_status_from_code)
{
	ig_arena a; ig_arena_init(&a);
	ig_req_set s = read_text(&a, "Deploy to us-west-2. Names carry the environmentSuffix. Tag with Owner. Use t3.micro.\n");
	ig_response same = response_with(&a, "main.tf", "provider \"aws\" {\n  region = \"us-west-2\"\n}\n# t3.micro\n");
	ig_response other = response_with(&a, "main.tf", "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n");
	const ig_req *region = find(&s, IG_REQ_REGION, "us-west-2");
	CHECK(region != NULL);
	if (region) {
		ig_req_eval e = ig_req_eval_response(&a, region, &same);
		CHECK_INT(e.status, IG_REQ_MET);
		CHECK_INT(e.line, 2);
		CHECK_INT(e.md_line, 11);
		e = ig_req_eval_response(&a, region, &other);
		CHECK_INT(e.status, IG_REQ_NOT_MET);
		e = ig_req_eval_response(&a, region, NULL);
		CHECK_INT(e.status, IG_REQ_UNKNOWN);
	}
	const ig_req *suffix = find(&s, IG_REQ_ENV_SUFFIX, "yes");
	if (suffix) CHECK_INT(ig_req_eval_response(&a, suffix, &same).status, IG_REQ_NOT_MET);
	const ig_req *tag = find(&s, IG_REQ_TAG, "Owner");
	if (tag) CHECK_INT(ig_req_eval_response(&a, tag, &same).status, IG_REQ_NOT_MET);
	const ig_req *inst = find(&s, IG_REQ_INSTANCE, "t3.micro");
	CHECK(inst != NULL);
	if (inst) {
		CHECK_INT(ig_req_eval_response(&a, inst, &same).status, IG_REQ_MET);
		CHECK_INT(ig_req_eval_response(&a, inst, &other).status, IG_REQ_UNKNOWN);
	}
	ig_arena_free(&a);
}
