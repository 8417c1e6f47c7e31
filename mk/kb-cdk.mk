# The CDK API index (build/kb/cdk.kb) from aws-cdk-lib's jsii manifest
# and constructs (scripts/kb/cdk.js, docs/kb-cdk.md), with each member's
# Java, Python and Go names by jsii-pacmak's naming code (group "names").
NAMES_STAMP := $(PKG)/.names-stamp
$(NAMES_STAMP): deps/npm.lock scripts/fetch-deps
	@IACGRADE_CACHE=$(CACHE) scripts/fetch-deps --stamp $@ names

$(KB)/cdk.kb: scripts/kb/cdk.js scripts/kb/jsii-names.js scripts/kb/kbfile.js $(DATA_STAMP) $(NAMES_STAMP)
	@mkdir -p $(dir $@)
	node scripts/kb/cdk.js $(PKG)/aws-cdk-lib $(PKG)/constructs $(PKG)/jsii-names/node_modules $@

RUNTIME_DATA += $(KB)/cdk.kb
