/* Facts of the built tf.kb (the Terraform AWS provider 6.25 and 5.100) read
 * through the reader: names from the registry anchors, blocks, required and
 * read-only flags, names only in the previous major, CDKTF aliases and the
 * CloudFormation type table. */
#include "harness.h"
#include "kb/kb.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tf_open(ig_kb *kb) { return ig_test_kb_open(kb, "kb/tf.kb"); }

static const ig_kb_entry *tf_get(const ig_kb *kb, const char *key) { return ig_kb_find(kb, key, strlen(key)); }

TEST(kb_tf_types_and_arguments)
{
	ig_kb kb;
	if (tf_open(&kb)) { CHECK(!"tf.kb opens"); return; }
	const ig_kb_entry *e = tf_get(&kb, "aws_s3_bucket");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_TF_RESOURCE);
	CHECK((e = tf_get(&kb, "data.aws_ami")) && ig_kb_kind_of(e) == IG_KB_TF_DATA);
	CHECK(tf_get(&kb, "aws_ami") != NULL);      /* also a resource */
	CHECK(tf_get(&kb, "data.aws_s3_bucket_versioning") == NULL);
	e = tf_get(&kb, "aws_s3_bucket.acl");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_TF_ARGUMENT && ig_kb_has(e, IG_KB_OPTIONAL));
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "string");
	CHECK(tf_get(&kb, "aws_s3_bucket.bucket_name") == NULL);
	e = tf_get(&kb, "aws_s3_bucket.versioning");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_TF_BLOCK);
	e = tf_get(&kb, "aws_s3_bucket.arn");
	CHECK(e && ig_kb_has(e, IG_KB_COMPUTED) && !ig_kb_has(e, IG_KB_OPTIONAL));
	e = tf_get(&kb, "aws_iam_role.assume_role_policy");
	CHECK(e && ig_kb_has(e, IG_KB_REQUIRED));
	/* nested blocks: lifecycle is a block of a backup rule, and of its copy actions too */
	CHECK((e = tf_get(&kb, "aws_backup_plan.rule.lifecycle.delete_after")) && ig_kb_kind_of(e) == IG_KB_TF_ARGUMENT);
	CHECK((e = tf_get(&kb, "aws_backup_plan.rule.copy_action.lifecycle")) && ig_kb_kind_of(e) == IG_KB_TF_BLOCK);
	CHECK(tf_get(&kb, "aws_backup_plan.copy_action") == NULL);
	/* the registry anchor names it, not a case conversion of the CDKTF name selfAttribute */
	CHECK((e = tf_get(&kb, "aws_security_group.ingress.self")) && ig_kb_kind_of(e) == IG_KB_TF_ARGUMENT);
	e = tf_get(&kb, "aws_security_group.ingress.selfAttribute");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_ALIAS);
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "aws_security_group.ingress.self");
	CHECK(tf_get(&kb, "aws_instance.get_password_data") != NULL);
	ig_kb_close(&kb);
}

TEST(kb_tf_previous_major)
{
	ig_kb kb;
	if (tf_open(&kb)) { CHECK(!"tf.kb opens"); return; }
	const ig_kb_entry *e = tf_get(&kb, "aws_api_gateway_deployment.stage_name");
	CHECK(e && ig_kb_has(e, IG_KB_REMOVED));
	CHECK(e && strcmp(ig_kb_str(&kb, e->note), "was removed in AWS provider 6.x (present in 5.100.0)") == 0);
	e = tf_get(&kb, "aws_api_gateway_deployment.rest_api_id");
	CHECK(e && !ig_kb_has(e, IG_KB_REMOVED));
	e = tf_get(&kb, "provider");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "6.25.0");
	e = tf_get(&kb, "provider_previous");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "5.100.0");
	ig_kb_close(&kb);
}

/* "did you mean" by words as well as spelling: kms_key_id is kms_master_key_id
 * with a word more (edit distance 7, past any limit), kmsKeyId in CDKTF's camelCase
 * the same; a name with only a letter wrong still comes first. */
TEST(kb_tf_closest_by_words)
{
	ig_kb kb;
	if (tf_open(&kb)) { CHECK(!"tf.kb opens"); return; }
	const ig_kb_entry *near[3];
	size_t n = ig_kb_closest(&kb, "aws_sns_topic", "kms_key_id", near, 3);
	CHECK_STR(n ? ig_kb_name(&kb, near[0]) : NULL, "kms_master_key_id");
	n = ig_kb_closest(&kb, "aws_sns_topic", "kmsKeyId", near, 3);
	CHECK_STR(n ? ig_kb_name(&kb, near[0]) : NULL, "kms_master_key_id");
	n = ig_kb_closest(&kb, "aws_db_instance", "name", near, 3);
	CHECK_STR(n ? ig_kb_name(&kb, near[0]) : NULL, "db_name");
	n = ig_kb_closest(&kb, "aws_s3_bucket", "buckett", near, 3);
	CHECK_STR(n ? ig_kb_name(&kb, near[0]) : NULL, "bucket");
	ig_kb_close(&kb);
}

TEST(kb_tf_cdktf_aliases_and_cfn_types)
{
	ig_kb kb;
	if (tf_open(&kb)) { CHECK(!"tf.kb opens"); return; }
	const ig_kb_entry *e = tf_get(&kb, "cdktf.s3Bucket.S3Bucket");
	CHECK(e && ig_kb_kind_of(e) == IG_KB_ALIAS);
	e = ig_kb_resolve(&kb, e);
	CHECK_STR(e ? ig_kb_key(&kb, e) : NULL, "aws_s3_bucket");
	e = ig_kb_resolve(&kb, tf_get(&kb, "cdktf.s3Bucket.S3BucketVersioning"));
	CHECK_STR(e ? ig_kb_key(&kb, e) : NULL, "aws_s3_bucket.versioning");
	e = ig_kb_resolve(&kb, tf_get(&kb, "cdktf.dataAwsAmi.DataAwsAmi"));
	CHECK_STR(e ? ig_kb_key(&kb, e) : NULL, "data.aws_ami");
	/* a module of any language's spelling folds to the jsii one */
	e = ig_kb_child_folded(&kb, "cdktf", "s3_bucket");
	CHECK_STR(e ? ig_kb_key(&kb, e) : NULL, "cdktf.s3Bucket");
	/* CloudFormation types: by name, by overrides (a property of another type), none */
	e = tf_get(&kb, "aws_s3_bucket");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "AWS::S3::Bucket");
	e = tf_get(&kb, "aws_cloudwatch_log_group");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "AWS::Logs::LogGroup");
	e = tf_get(&kb, "aws_s3_bucket_versioning");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "AWS::S3::Bucket");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "cfn=override property=VersioningConfiguration");
	e = tf_get(&kb, "aws_rds_cluster");
	CHECK_STR(e ? ig_kb_str(&kb, e->type) : NULL, "AWS::RDS::DBCluster");
	e = tf_get(&kb, "aws_s3_object");
	CHECK_STR(e ? ig_kb_str(&kb, e->extra) : NULL, "cfn=none");
	ig_kb_close(&kb);
}
