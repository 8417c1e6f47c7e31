/* Facts of build/kb/cdk.kb (aws-cdk-lib's jsii) read back through the reader. */
#include "harness.h"
#include "check/check.h"
#include "kb/kb.h"
#include <string.h>

static const ig_kb *cdk(void)
{
	const ig_kb *kb = &ig_kbset_default()->cdk;
	return kb->n_entries ? kb : NULL;
}

static const ig_kb_entry *find(const ig_kb *kb, const char *key) { return ig_kb_find(kb, key, strlen(key)); }

TEST(kb_cdk_loads)
{
	const ig_kb *kb = cdk();
	CHECK(kb != NULL);
	if (!kb) return;
	CHECK(strncmp(kb->source, "aws-cdk-lib@", 12) == 0);
	CHECK(kb->n_entries > 100000);
}

TEST(kb_cdk_engine_version_deprecated)
{
	const ig_kb *kb = cdk();
	if (!kb) { CHECK(kb != NULL); return; }
	const ig_kb_entry *e = find(kb, "aws_rds.AuroraPostgresEngineVersion.VER_15_4");
	CHECK(e != NULL);
	if (!e) return;
	CHECK_INT(ig_kb_kind_of(e), IG_KB_STATIC_PROPERTY);
	CHECK(ig_kb_has(e, IG_KB_DEPRECATED));
	CHECK(strstr(ig_kb_str(kb, e->note), "no longer supported") != NULL);
	CHECK_STR(ig_kb_str(kb, e->type), "aws_rds.AuroraPostgresEngineVersion");
	/* a current version is not deprecated */
	const ig_kb_entry *cur = find(kb, "aws_rds.AuroraPostgresEngineVersion.VER_16_6");
	CHECK(cur && !ig_kb_has(cur, IG_KB_DEPRECATED));
}

TEST(kb_cdk_retention_days)
{
	const ig_kb *kb = cdk();
	if (!kb) { CHECK(kb != NULL); return; }
	const ig_kb_entry *en = find(kb, "aws_logs.RetentionDays");
	CHECK(en && ig_kb_kind_of(en) == IG_KB_ENUM);
	const ig_kb_entry *m = find(kb, "aws_logs.RetentionDays.ONE_MONTH");
	CHECK(m && ig_kb_kind_of(m) == IG_KB_ENUM_MEMBER);
	CHECK(find(kb, "aws_logs.RetentionDays.THIRTY_DAYS") == NULL);
	/* the value that lets "did you mean" answer THIRTY_DAYS with ONE_MONTH */
	if (m) CHECK_STR(ig_kb_str(kb, m->extra), "30");
	const ig_kb_entry *week = find(kb, "aws_logs.RetentionDays.ONE_WEEK");
	if (week) CHECK_STR(ig_kb_str(kb, week->extra), "7");
	/* TypeScript has enum members jsii leaves out (same value as another) */
	const ig_kb_entry *vol = find(kb, "aws_ec2.EbsDeviceVolumeType");
	CHECK(vol && strstr(ig_kb_str(kb, vol->extra), "GENERAL_PURPOSE_SSD"));
	CHECK(find(kb, "aws_ec2.EbsDeviceVolumeType.GENERAL_PURPOSE_SSD") == NULL);
	CHECK(find(kb, "aws_ec2.EbsDeviceVolumeType.GP2") != NULL);
}

TEST(kb_cdk_construct_and_props)
{
	const ig_kb *kb = cdk();
	if (!kb) { CHECK(kb != NULL); return; }
	const ig_kb_entry *c = find(kb, "aws_rds.DatabaseCluster");
	CHECK(c && ig_kb_kind_of(c) == IG_KB_CLASS);
	if (c) {
		CHECK(strstr(ig_kb_str(kb, c->aux), "props:aws_rds.DatabaseClusterProps") != NULL);
		CHECK(strstr(ig_kb_str(kb, c->extra), "aws_rds.DatabaseClusterBase") != NULL);
	}
	const ig_kb_entry *ip = find(kb, "aws_rds.DatabaseClusterProps.instanceProps");
	CHECK(ip && ig_kb_kind_of(ip) == IG_KB_PROPERTY && ig_kb_has(ip, IG_KB_DEPRECATED) && ig_kb_has(ip, IG_KB_OPTIONAL));
	const ig_kb_entry *eng = find(kb, "aws_rds.DatabaseClusterProps.engine");
	CHECK(eng && !ig_kb_has(eng, IG_KB_OPTIONAL));
	/* required and optional props (cdk.missing-required-prop), also in a base */
	const ig_kb_entry *code = find(kb, "aws_lambda.FunctionProps.code");
	CHECK(code && ig_kb_kind_of(code) == IG_KB_PROPERTY && !ig_kb_has(code, IG_KB_OPTIONAL));
	const ig_kb_entry *timeout = find(kb, "aws_lambda.FunctionOptions.timeout");
	CHECK(timeout && ig_kb_has(timeout, IG_KB_OPTIONAL));
	const ig_kb_entry *endpoint = find(kb, "aws_sns.SubscriptionOptions.endpoint");
	CHECK(endpoint && !ig_kb_has(endpoint, IG_KB_OPTIONAL) && find(kb, "aws_sns.SubscriptionProps.endpoint") == NULL);
	/* Python and Go spellings resolve by folding */
	CHECK(ig_kb_child_folded(kb, "aws_rds.DatabaseClusterProps", "instance_props") == ip);
	CHECK(ig_kb_child_folded(kb, "aws_rds.DatabaseClusterProps", "InstanceProps") == ip);
	/* L1 classes carry their CloudFormation type */
	const ig_kb_entry *l1 = find(kb, "aws_rds.CfnDBCluster");
	CHECK(l1 && strcmp(ig_kb_str(kb, l1->type), "AWS::RDS::DBCluster") == 0);
	/* core types sit at the top level */
	const ig_kb_entry *mins = find(kb, "Duration.minutes");
	CHECK(mins && ig_kb_kind_of(mins) == IG_KB_STATIC_METHOD);
	if (mins) CHECK_STR(ig_kb_str(kb, mins->type), "Duration");
}

TEST(kb_cdk_module_names)
{
	const ig_kb *kb = cdk();
	if (!kb) { CHECK(kb != NULL); return; }
	static const char *const names[] = {"ts:aws-cdk-lib/aws-rds", "py:aws_cdk.aws_rds",
					    "go:github.com/aws/aws-cdk-go/awscdk/v2/awsrds", "java:software.amazon.awscdk.services.rds"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		const ig_kb_entry *a = find(kb, names[i]);
		CHECK(a && ig_kb_kind_of(a) == IG_KB_ALIAS);
		const ig_kb_entry *m = a ? ig_kb_resolve(kb, a) : NULL;
		CHECK(m && ig_kb_kind_of(m) == IG_KB_MODULE && strcmp(ig_kb_key(kb, m), "aws_rds") == 0);
	}
	const ig_kb_entry *root = ig_kb_resolve(kb, find(kb, "py:aws_cdk"));
	CHECK(root && strcmp(ig_kb_key(kb, root), "aws-cdk-lib") == 0);
	/* constructs, the base of every construct, is indexed with its own fqns */
	const ig_kb_entry *construct = find(kb, "constructs.Construct");
	CHECK(construct && ig_kb_kind_of(construct) == IG_KB_CLASS);
	const ig_kb_entry *dep = find(kb, "constructs.Node.addDependency");
	CHECK(dep && ig_kb_kind_of(dep) == IG_KB_METHOD);
	/* an export that is not a submodule exists but is not indexed */
	const ig_kb_entry *bcm = find(kb, "ts:aws-cdk-lib/aws-bcm");
	CHECK(bcm && ig_kb_resolve(kb, bcm) == NULL);
	CHECK(find(kb, "ts:aws-cdk-lib/aws-no-such-module") == NULL);
	/* the Go package name, for code that uses a package it never imports */
	const ig_kb_entry *gopkg = ig_kb_resolve(kb, find(kb, "gopkg:awsec2"));
	CHECK(gopkg && strcmp(ig_kb_key(kb, gopkg), "aws_ec2") == 0);
}

/* "did you mean" by quantity: the unit after the number or before it, and a
 * unit the enum does not name had from one it does (PerformanceInsightRetention
 * has MONTHS_N, in days: DAYS_7 is DEFAULT, 7; TWO_YEARS is LONG_TERM, 731). */
TEST(kb_cdk_enum_by_value)
{
	const ig_kb *kb = cdk();
	if (!kb) { CHECK(kb != NULL); return; }
	static const char *const cases[][3] = {
		{"aws_logs.RetentionDays", "THIRTY_DAYS", "ONE_MONTH"},
		{"aws_logs.RetentionDays", "DAYS_30", "ONE_MONTH"},
		{"aws_rds.PerformanceInsightRetention", "DAYS_7", "DEFAULT"},
		{"aws_rds.PerformanceInsightRetention", "TWO_YEARS", "LONG_TERM"},
		{"aws_rds.PerformanceInsightRetention", "MONTHS_3_WEEKS", NULL}, /* not a quantity */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const ig_kb_entry *e = ig_cdk_enum_by_value(kb, cases[i][0], cases[i][1]);
		CHECK_STR(e ? ig_kb_name(kb, e) : NULL, cases[i][2]);
	}
}
