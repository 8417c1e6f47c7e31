# The CDK API index (build/kb/cdk.kb) from aws-cdk-lib's jsii manifest
# and constructs (scripts/kb/cdk.js, docs/kb-cdk.md).
$(KB)/cdk.kb: scripts/kb/cdk.js scripts/kb/kbfile.js $(DATA_STAMP)
	@mkdir -p $(dir $@)
	node scripts/kb/cdk.js $(PKG)/aws-cdk-lib $(PKG)/constructs $@

RUNTIME_DATA += $(KB)/cdk.kb
