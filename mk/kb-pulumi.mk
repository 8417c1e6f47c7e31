# Pulumi AWS knowledge base (build/kb/pulumi.kb, docs/kb-tf.md): the .d.ts files of @pulumi/aws parsed with
# tree-sitter-typescript by a small C converter, written by scripts/kb/pulumi.js (Terraform bridging from tf.kb).
$(BUILD)/tools/pulumi-dts: scripts/kb/pulumi-dts.c $(BUILD)/libtreesitter.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(SANFLAGS) $< $(BUILD)/libtreesitter.a -o $@

$(BUILD)/kb/pulumi.kb: scripts/kb/pulumi.js scripts/kb/kbfile.js $(BUILD)/tools/pulumi-dts $(BUILD)/kb/tf.kb $(DATA_STAMP)
	@mkdir -p $(dir $@)
	node scripts/kb/pulumi.js $@ $(PKG)/pulumi-aws $(BUILD)/tools/pulumi-dts $(BUILD)/kb/tf.kb

RUNTIME_DATA += $(BUILD)/kb/pulumi.kb
