/* Facts of the built pulumi.kb (@pulumi/aws .d.ts through tree-sitter) read
 * through the reader: classes, Args members, nested input types,
 * deprecations and the Terraform type each class bridges. */
#include "harness.h"
#include "kb/kb.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pulumi_open(ig_kb *kb) { return ig_test_kb_open(kb, "kb/pulumi.kb"); }

static const ig_kb_entry *pl_get(const ig_kb *kb, const char *key) { return ig_kb_find(kb, key, strlen(key)); }

TEST(kb_pulumi_classes_and_arguments)
{
	ig_kb kb;
	if (pulumi_open(&kb)) { CHECK(!"pulumi.kb opens"); return; }
	CHECK(strncmp(kb.source, "@pulumi/aws@", 12) == 0);
	const ig_kb_entry *e = pl_get(&kb, "s3");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_MODULE);
	e = pl_get(&kb, "s3.Bucket");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_CLASS);
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "aws_s3_bucket");
	e = pl_get(&kb, "ec2.Vpc");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "aws_vpc");
	/* Pulumi pluralises list blocks: corsRules, not corsRule */
	e = pl_get(&kb, "s3.Bucket.corsRules");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_PROPERTY && ig_kb_has(e, IG_KB_OPTIONAL));
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "input.s3.BucketCorsRule");
	CHECK(pl_get(&kb, "s3.Bucket.corsRule") == NULL);
	e = pl_get(&kb, "s3.Bucket.acl");
	CHECK(e && ig_kb_has(e, IG_KB_DEPRECATED) && strstr(ig_kb_str(&kb, e->note), "BucketAcl"));
	e = pl_get(&kb, "iam.Role.assumeRolePolicy");
	CHECK(e && ig_kb_has(e, IG_KB_REQUIRED));
	CHECK(pl_get(&kb, "input.s3.BucketCorsRule.allowedHeaders") != NULL);
	CHECK(pl_get(&kb, "input.s3.BucketCorsRule.allowedHeader") == NULL);
	e = ig_kb_child_folded(&kb, "cloudwatch.LogGroup", "retention_in_days");
	CHECK_STR(e ? ig_kb_key(&kb, e) : NULL, "cloudwatch.LogGroup.retentionInDays");
	CHECK(pl_get(&kb, "s3.Buckets") == NULL);
	ig_kb_close(&kb);
}

/* Data-source functions: `export declare function getAmi(args?: GetAmiArgs, opts?)`
 * and the members of GetAmiArgs; the package root's functions under "index". */
TEST(kb_pulumi_functions)
{
	ig_kb kb;
	if (pulumi_open(&kb)) { CHECK(!"pulumi.kb opens"); return; }
	const ig_kb_entry *e = pl_get(&kb, "ec2.getAmi");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_STATIC_METHOD);
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "GetAmiArgs");
	e = pl_get(&kb, "ec2.getAmi.mostRecent");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_PROPERTY && ig_kb_has(e, IG_KB_OPTIONAL));
	e = pl_get(&kb, "ec2.getAmi.filters");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "input.ec2.GetAmiFilter");
	CHECK(pl_get(&kb, "input.ec2.GetAmiFilter.values") != NULL);
	CHECK(pl_get(&kb, "ec2.getAmi.owner") == NULL);
	CHECK(pl_get(&kb, "ec2.getAmis") == NULL);
	/* the Output form has its own args interface, with the same names */
	CHECK(pl_get(&kb, "ec2.getAmiOutput.owners") != NULL);
	/* a function without arguments: only the invoke options */
	e = pl_get(&kb, "s3.getCanonicalUserId");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_STATIC_METHOD && !*ig_kb_str(&kb, e->type));
	e = pl_get(&kb, "index");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_MODULE);
	CHECK(pl_get(&kb, "index.getCallerIdentity") != NULL);
	e = pl_get(&kb, "index.getAvailabilityZones.filters");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "input.GetAvailabilityZonesFilter");
	CHECK(pl_get(&kb, "input.GetAvailabilityZonesFilter.values") != NULL);
	/* hand-written helpers are not invokes */
	CHECK(pl_get(&kb, "iam.assumeRolePolicyForPrincipal") == NULL);
	ig_kb_close(&kb);
}
