# Terraform AWS provider knowledge base (build/kb/tf.kb, docs/kb-tf.md): the current and the previous
# major of @cdktf/provider-aws, with the CloudFormation type table.
TF_KB_SRC := scripts/kb/tf.js scripts/kb/tf-cfn.js scripts/kb/kbfile.js data/kb/tf-cfn-overrides.tsv data/kb/cdktf-meta-arguments.tsv \
	data/services/tf-prefixes.tsv data/services/networking.tsv
$(KB)/tf.kb: $(TF_KB_SRC) $(DATA_STAMP)
	@mkdir -p $(dir $@)
	node --expose-gc scripts/kb/tf.js $@ $(PKG)/cdktf-provider-aws $(PKG)/cdktf-provider-aws-5 \
		--cfn $(PKG)/aws-service-spec/db.json.gz --overrides data/kb/tf-cfn-overrides.tsv

RUNTIME_DATA += $(KB)/tf.kb
