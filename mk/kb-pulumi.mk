# Pulumi AWS knowledge base (build/kb/pulumi.kb, docs/kb-tf.md): the .d.ts files of @pulumi/aws parsed with
# tree-sitter-typescript by a small C converter, written by scripts/kb/pulumi.js (Terraform bridging from tf.kb).
# The converter is compiled in the recipe (not as a target of its own) so that a
# sanitizer build, whose tree-sitter library differs, never makes the shared table stale.
$(KB)/pulumi.kb: scripts/kb/pulumi.js scripts/kb/kbfile.js scripts/kb/pulumi-dts.c $(KB)/tf.kb $(DATA_STAMP) | $(BUILD)/libtreesitter.a
	@mkdir -p $(dir $@) $(BUILD)/tools
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(SANFLAGS) scripts/kb/pulumi-dts.c $(BUILD)/libtreesitter.a -o $(BUILD)/tools/pulumi-dts
	node scripts/kb/pulumi.js $@ $(PKG)/pulumi-aws $(BUILD)/tools/pulumi-dts $(KB)/tf.kb

RUNTIME_DATA += $(KB)/pulumi.kb
