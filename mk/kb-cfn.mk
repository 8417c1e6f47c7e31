# The CloudFormation knowledge base (build/kb/cfn.kb) from @aws-cdk/aws-service-spec and the template
# facts of data/kb/cfn.tsv; key conventions in docs/kb-cfn.md.
$(KB)/cfn.kb: scripts/kb/cfn.js scripts/kb/kbfile.js data/kb/cfn.tsv $(DATA_STAMP)
	@mkdir -p $(dir $@)
	node scripts/kb/cfn.js $(PKG)/aws-service-spec data/kb/cfn.tsv $@

RUNTIME_DATA += $(KB)/cfn.kb
