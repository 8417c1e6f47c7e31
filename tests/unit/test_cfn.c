/* The CloudFormation knowledge base (build/kb/cfn.kb, docs/kb-cfn.md) read
 * through the reader: real facts of @aws-cdk/aws-service-spec and of
 * data/kb/cfn.tsv. And YAML templates as value trees (syntax/yamlval.h). */
#include "harness.h"
#include "kb/kb.h"
#include "syntax/yamlval.h"
#include "check/check.h"
#include "task/load.h"
#include <stdio.h>
#include <stdlib.h>

static int cfn_open(ig_kb *kb) { return ig_test_kb_open(kb, "kb/cfn.kb"); }

static const ig_kb_entry *cfn_get(const ig_kb *kb, const char *key) { return ig_kb_find(kb, key, strlen(key)); }

static bool cfn_allows(const ig_kb *kb, const ig_kb_entry *e, const char *value)
{
	const char *p = ig_kb_str(kb, e->extra);
	size_t n = strlen(value);
	for (; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
		if (strncmp(p, value, n) == 0 && (p[n] == '\n' || !p[n])) return true;
	return false;
}

TEST(cfn_kb_resources_and_properties)
{
	ig_kb kb;
	if (cfn_open(&kb)) { CHECK(!"cfn.kb opens"); return; }
	CHECK(strncmp(kb.source, "@aws-cdk/aws-service-spec@", 26) == 0);
	const ig_kb_entry *e = cfn_get(&kb, "AWS::Logs::LogGroup");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_CFN_RESOURCE);
	CHECK(cfn_get(&kb, "AWS::Logs::LogGroups") == NULL);
	e = cfn_get(&kb, "AWS::Logs::LogGroup.RetentionInDays");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_CFN_PROPERTY);
	if (e) {
		CHECK_STR(ig_kb_str(&kb, e->type), "integer");
		CHECK(cfn_allows(&kb, e, "30"));
		CHECK(cfn_allows(&kb, e, "3653"));
		CHECK(!cfn_allows(&kb, e, "31"));
		CHECK(!cfn_allows(&kb, e, "3"  "0" "0"));
		CHECK(!ig_kb_has(e, IG_KB_REQUIRED));
	}
	e = cfn_get(&kb, "AWS::Lambda::Function.Code");
	CHECK(e && ig_kb_has(e, IG_KB_REQUIRED));
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "AWS::Lambda::Function/Code");
	e = cfn_get(&kb, "AWS::Lambda::Function.Layers");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "list<string>");
	e = cfn_get(&kb, "AWS::IAM::Role.AssumeRolePolicyDocument");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "json|string");
	CHECK_STR(e ? ig_kb_str(&kb, e->aux) : NULL, "json"); /* its type before */
	e = cfn_get(&kb, "AWS::EC2::EIPAssociation.EIP");
	CHECK(e && ig_kb_has(e, IG_KB_DEPRECATED));
	/* the SAM types are there, with the transform they need */
	e = cfn_get(&kb, "AWS::Serverless::Function");
	CHECK_STR(e ? ig_kb_str(&kb, e->aux) : NULL, "AWS::Serverless-2016-10-31");
	e = cfn_get(&kb, "AWS::S3::Bucket");
	CHECK_STR(e ? ig_kb_str(&kb, e->aux) : NULL, "");
	ig_kb_close(&kb);
}

TEST(cfn_kb_property_types_and_closest)
{
	ig_kb kb;
	if (cfn_open(&kb)) { CHECK(!"cfn.kb opens"); return; }
	const ig_kb_entry *e = cfn_get(&kb, "AWS::S3::Bucket/BucketEncryption");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_CFN_TYPE);
	e = ig_kb_child(&kb, "AWS::S3::Bucket/BucketEncryption", "ServerSideEncryptionConfiguration");
	CHECK(e && ig_kb_has(e, IG_KB_REQUIRED));
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "list<AWS::S3::Bucket/ServerSideEncryptionRule>");
	e = ig_kb_child(&kb, "AWS::S3::Bucket/VersioningConfiguration", "Status");
	CHECK(e && cfn_allows(&kb, e, "Enabled") && cfn_allows(&kb, e, "Suspended") && !cfn_allows(&kb, e, "enabled"));
	/* the children of a resource type are its properties only: attributes and types sort apart */
	const ig_kb_entry *near[3];
	size_t n = ig_kb_closest(&kb, "AWS::S3::Bucket", "BucketNmae", near, 3);
	CHECK(n >= 1);
	CHECK_STR(n ? ig_kb_name(&kb, near[0]) : NULL, "BucketName");
	CHECK(ig_kb_child(&kb, "AWS::S3::Bucket", "BucketNmae") == NULL);
	n = ig_kb_closest_top(&kb, IG_KB_CFN_RESOURCE, "AWS::S3::Buckets", near, 3);
	CHECK_STR(n ? ig_kb_key(&kb, near[0]) : NULL, "AWS::S3::Bucket");
	ig_kb_close(&kb);
}

static bool cfn_count(const ig_kb_entry *e, void *ctx)
{
	(void)e;
	(*(int *)ctx)++;
	return true;
}

TEST(cfn_kb_attributes)
{
	ig_kb kb;
	if (cfn_open(&kb)) { CHECK(!"cfn.kb opens"); return; }
	const ig_kb_entry *e = cfn_get(&kb, "AWS::RDS::DBCluster@Endpoint.Address");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_CFN_ATTRIBUTE);
	CHECK(cfn_get(&kb, "AWS::RDS::DBCluster@ReadEndpoint.Address") != NULL);
	CHECK(cfn_get(&kb, "AWS::RDS::DBCluster@ReaderEndpoint.Address") == NULL);
	CHECK(cfn_get(&kb, "AWS::SNS::Topic@TopicArn") != NULL);
	CHECK(cfn_get(&kb, "AWS::SNS::Topic@Arn") == NULL);
	CHECK(cfn_get(&kb, "AWS::EC2::SecurityGroup@GroupId") != NULL);
	CHECK(cfn_get(&kb, "AWS::EC2::SecurityGroup@GroupName") == NULL);
	e = cfn_get(&kb, "AWS::CloudFormation::Stack@Outputs");
	CHECK(e && strncmp(ig_kb_str(&kb, e->type), "list<", 5) == 0);
	/* attribute names hold dots: they are found by prefix, not as children */
	int n = 0;
	ig_kb_each_prefix(&kb, "AWS::RDS::DBCluster@", cfn_count, &n);
	CHECK(n >= 5);
	n = 0;
	ig_kb_each_child(&kb, "AWS::RDS::DBCluster", cfn_count, &n);
	CHECK(n > 20); /* properties, none of the attributes */
	CHECK(ig_kb_child(&kb, "AWS::RDS::DBCluster", "Endpoint") == NULL);
	ig_kb_close(&kb);
}

TEST(cfn_kb_facts)
{
	ig_kb kb;
	if (cfn_open(&kb)) { CHECK(!"cfn.kb opens"); return; }
	const ig_kb_entry *e = ig_kb_child(&kb, "pseudo", "AWS::Region");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_FACT);
	CHECK(e && strncmp(ig_kb_str(&kb, e->aux), "https://docs.aws.amazon.com/", 28) == 0);
	CHECK(ig_kb_child(&kb, "pseudo", "AWS::Regoin") == NULL);
	e = ig_kb_child(&kb, "function", "Fn::ToJsonString");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "AWS::LanguageExtensions");
	e = ig_kb_child(&kb, "function", "Fn::Sub");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "");
	CHECK(ig_kb_child(&kb, "function", "Fn::Concat") == NULL);
	e = ig_kb_child(&kb, "section", "Globals");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "AWS::Serverless-2016-10-31");
	CHECK(ig_kb_child(&kb, "deletion-policy", "RetainExceptOnCreate") != NULL);
	CHECK(ig_kb_child(&kb, "update-replace-policy", "RetainExceptOnCreate") == NULL);
	ig_kb_close(&kb);
}

TEST(kb_closest_in_names)
{
	const char *names[] = {"WebServerSecurityGroup", "DatabaseSecurityGroup", "Bucket", "BucketPolicy"};
	size_t idx[3];
	size_t n = ig_kb_closest_in("WebServerSecurityGrp", names, 4, idx, 3);
	CHECK(n >= 1);
	CHECK_INT(n ? idx[0] : 99, 0);
	n = ig_kb_closest_in("Bukcet", names, 4, idx, 3);
	CHECK_INT(n ? idx[0] : 99, 2);
	CHECK_INT(ig_kb_closest_in("Unrelated", names, 4, idx, 3), 0);
}

/* ---- YAML as a value tree ---- */

static ig_jval *yaml_tag_wrap(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	(void)ctx;
	return ig_json_obj1(a, tag, v);
}

static ig_jval *yaml_parse(ig_arena *a, const char *src)
{
	ig_parse p = {0};
	if (ig_syntax_parse(&p, a, IG_LANG_YAML, src, strlen(src)) != 0) return NULL;
	ig_jval *v = ig_yaml_value(a, &p, yaml_tag_wrap, NULL);
	ig_parse_release(&p);
	return v;
}

TEST(yaml_scalars_and_lines)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_jval *v = yaml_parse(&a,
		"Count: 31\n"
		"Quoted: \"31\"\n"
		"Flag: true\n"
		"Word: yes\n"
		"Nothing: ~\n"
		"Esc: \"a\\tb \\u00e9\"\n"
		"Single: 'it''s'\n"
		"Folded: a\n  b\n"
		"Nested:\n"
		"  Inner: [1, {k: v}]\n"
		"Str: !!str 42\n");
	CHECK(v && v->type == IG_JOBJ);
	const ig_jval *x = ig_json_get(v, "Count");
	CHECK(x && x->type == IG_JNUM && x->num == 31);
	CHECK_STR(x ? x->str : NULL, "31");
	x = ig_json_get(v, "Quoted");
	CHECK(x && x->type == IG_JSTR);
	x = ig_json_get(v, "Flag");
	CHECK(x && x->type == IG_JBOOL && x->b);
	x = ig_json_get(v, "Word");
	CHECK(x && x->type == IG_JSTR); /* the core schema: yes is a string */
	x = ig_json_get(v, "Nothing");
	CHECK(x && x->type == IG_JNULL);
	x = ig_json_get(v, "Esc");
	CHECK_STR(x ? x->str : NULL, "a\tb \xc3\xa9");
	x = ig_json_get(v, "Single");
	CHECK_STR(x ? x->str : NULL, "it's");
	x = ig_json_get(v, "Folded");
	CHECK_STR(x ? x->str : NULL, "a b");
	x = ig_json_get(v, "Nested");
	CHECK(x && x->type == IG_JOBJ && x->line == 10); /* a mapping takes its key's line */
	x = ig_json_get(x, "Inner");
	CHECK(x && x->type == IG_JARR && x->n == 2 && x->line == 11);
	CHECK(x && x->n == 2 && x->items[1]->type == IG_JOBJ);
	x = ig_json_get(v, "Str");
	CHECK(x && x->type == IG_JSTR);
	CHECK_STR(x ? x->str : NULL, "42");
	ig_arena_free(&a);
}

TEST(yaml_block_scalars_tags_anchors)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_jval *v = yaml_parse(&a,
		"Lit: |\n"
		"  one\n"
		"    two\n"
		"  ${X}\n"
		"Fold: >-\n"
		"  a\n"
		"  b\n"
		"Ref: !Ref Bucket\n"
		"If: !If\n"
		"  - C\n"
		"  - x\n"
		"Base: &base\n"
		"  a: 1\n"
		"  b: 2\n"
		"Merged:\n"
		"  <<: *base\n"
		"  b: 3\n"
		"Alias: *base\n"
		"Unknown: *nope\n");
	CHECK(v && v->type == IG_JOBJ);
	const ig_jval *x = ig_json_get(v, "Lit");
	CHECK_STR(x ? x->str : NULL, "one\n  two\n${X}\n");
	CHECK(x && x->line == 2); /* the first content line */
	x = ig_json_get(v, "Fold");
	CHECK_STR(x ? x->str : NULL, "a b");
	x = ig_json_get(v, "Ref");
	CHECK(x && x->type == IG_JOBJ && x->n == 1);
	CHECK_STR(x && x->n ? x->keys[0] : NULL, "!Ref");
	CHECK_STR(x && x->n ? x->items[0]->str : NULL, "Bucket");
	x = ig_json_get(v, "If");
	CHECK(x && x->type == IG_JOBJ && x->n == 1 && x->items[0]->type == IG_JARR && x->items[0]->n == 2);
	x = ig_json_get(v, "Merged");
	CHECK(x && x->n == 2);
	const ig_jval *b = ig_json_get(x, "b"), *aa = ig_json_get(x, "a");
	CHECK(b && b->num == 3); /* the mapping's own key wins */
	CHECK(aa && aa->num == 1);
	x = ig_json_get(v, "Alias");
	CHECK(x && x->type == IG_JOBJ && x->n == 2 && x->line == 18);
	x = ig_json_get(v, "Unknown");
	CHECK(x && x->type == IG_JDEEP); /* not known, not null */
	ig_arena_free(&a);
}

TEST(yaml_deep_and_broken)
{
	ig_arena a;
	ig_arena_init(&a);
	char deep[4096];
	size_t n = 0;
	for (int i = 0; i < 200 && n + 8 < sizeof deep; i++) deep[n++] = '[';
	deep[n] = 0;
	ig_jval *v = yaml_parse(&a, deep); /* never overflows the stack */
	(void)v;
	v = yaml_parse(&a, "A: \"unterminated\nB: [1, 2\n");
	(void)v;
	CHECK(yaml_parse(&a, "") == NULL);
	/* 300 nested block sequences: deeper than tree-sitter-yaml's state buffer,
	 * which aborted the process; now parsed up to the too-deep line */
	static char nested[300 * 310];
	size_t k = 0;
	for (int i = 0; i < 300; i++) {
		for (int s = 0; s < 2 * i; s++) nested[k++] = ' ';
		k += (size_t)snprintf(nested + k, sizeof nested - k, "- k%d:\n", i);
	}
	ig_parse p = {0};
	CHECK(ig_syntax_parse(&p, &a, IG_LANG_YAML, nested, k) == 0);
	CHECK(p.n_errors_total >= 1);
	CHECK(p.n_errors >= 1 && p.errors[p.n_errors - 1].line == 61);
	ig_parse_release(&p);
	ig_arena_free(&a);
}

/* Nodes of the tree under v as a walker sees them; *deep counts the unknown ones. */
static size_t yaml_count(const ig_jval *v, size_t *deep)
{
	size_t n = 1;
	*deep += v->type == IG_JDEEP;
	if (v->type == IG_JARR || v->type == IG_JOBJ)
		for (size_t i = 0; i < v->n && n < 1000000; i++) n += yaml_count(v->items[i], deep); /* fails, not hangs */
	return n;
}

TEST(yaml_long_and_aliased)
{
	ig_arena a;
	ig_arena_init(&a);
	/* 40,000 lines: tree-sitter-yaml's row counter wraps past 32,768 and the whole
	 * file failed at 1:1; now the lines up to there are read, the next is the error */
	size_t cap = 40000 * 20, k = 0;
	char *lines = ig_arena_alloc(&a, cap);
	for (int i = 0; i < 40000; i++) k += (size_t)snprintf(lines + k, cap - k, "k%d: %d\n", i, i);
	ig_parse p = {0};
	CHECK(ig_syntax_parse(&p, &a, IG_LANG_YAML, lines, k) == 0);
	CHECK(p.n_errors_total == 1 && p.cut_line == 32769 && p.errors[0].line == 32769);
	ig_jval *v = ig_yaml_value(&a, &p, NULL, NULL);
	CHECK(v && v->type == IG_JOBJ && v->n == 32768);
	ig_parse_release(&p);
	/* aliases of aliases name 3^20 nodes: expanded up to a budget, not known past it,
	 * so walking the whole tree stays short */
	k = (size_t)snprintf(lines, cap, "a0: &a0 [1]\n");
	for (int i = 1; i <= 20; i++) k += (size_t)snprintf(lines + k, cap - k, "a%d: &a%d [*a%d, *a%d, *a%d]\n", i, i, i - 1, i - 1, i - 1);
	v = yaml_parse(&a, lines);
	const ig_jval *a5 = ig_json_get(v, "a5"), *a20 = ig_json_get(v, "a20");
	CHECK(a5 && a5->n == 3 && a5->items[0]->type == IG_JARR && a5->items[0]->n == 3);
	size_t deep = 0;
	CHECK(a20 && yaml_count(a20, &deep) < 300000 && deep > 0);
	ig_arena_free(&a);
}

/* Check a JSON template against the reader's fixture table as its CloudFormation source; the
 * number of findings of rule whose message holds `in_message`. */
static int cfn_fixture_findings(const char *json, const char *rule, const char *in_message, int *ig_failed_)
{
	ig_kbset set = {0};
	if (ig_test_kb_open(&set.cfn, "test-fixture.kb")) { CHECK(!"fixture opens"); return -1; }
	ig_task t;
	ig_task_init(&t);
	ig_file f = {.path = "template.json", .lang = IG_LANG_JSON, .text = json, .len = strlen(json)};
	ig_syntax_parse(&f.parse, &t.arena, f.lang, f.text, f.len);
	CHECK(f.parse.tree != NULL);
	int n = 0;
	if (f.parse.tree) {
		ig_check_ctx c = {.task = &t, .response = "file", .file = &f, .parse = &f.parse, .kb = &set};
		ig_check_cfn(&c);
		for (size_t i = 0; i < t.n_findings; i++)
			n += strcmp(t.findings[i].rule, rule) == 0 && strstr(t.findings[i].message, in_message) != NULL;
	}
	ig_parse_release(&f.parse);
	ig_task_free(&t);
	ig_kb_close(&set.cfn);
	return n;
}

/* Every allowed value counts, however long the list: the check once kept the first 512 and
 * reported the rest as not allowed. */
TEST(cfn_value_allowed_past_512)
{
	static const char tmpl[] = "{\"Resources\": {\"R\": {\"Type\": \"Fixture::Many::Values\", "
				   "\"Properties\": {\"Choice\": \"%s\"}}}}";
	char json[256];
	snprintf(json, sizeof json, tmpl, "V599"); /* the last of 600 */
	CHECK_INT(cfn_fixture_findings(json, "cfn.value-not-allowed", "V599", ig_failed_), 0);
	snprintf(json, sizeof json, tmpl, "V000");
	CHECK_INT(cfn_fixture_findings(json, "cfn.value-not-allowed", "V000", ig_failed_), 0);
	/* and the check runs: a value outside the list is reported */
	snprintf(json, sizeof json, tmpl, "V600");
	CHECK_INT(cfn_fixture_findings(json, "cfn.value-not-allowed", "V600", ig_failed_), 1);
}
