# Fuzz targets (tests/fuzz/*.c, one per input the tool reads), built with
# clang's libFuzzer under ASan and UBSan in build-fuzz/ by `make fuzz`; run them
# with scripts/fuzz TARGET SECONDS (tests/fuzz/README.md). Only this goal needs
# clang: the normal build and `make test` do not.
FUZZ_CC       ?= clang
FUZZ_BUILD    := build-fuzz
FUZZ_TARGETS  := $(basename $(notdir $(wildcard tests/fuzz/*.c)))
# Our code and tree-sitter alike get the coverage instrumentation: the
# grammars' scanners are read by the fuzzer too.
FUZZ_SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-coverage=trace-cmp -fno-sanitize-recover=undefined -fno-omit-frame-pointer

ifeq ($(FUZZ),1)
# expanded twice: GEN_OBJS and RUNTIME_DATA are complete only once every mk/*.mk is read
.SECONDEXPANSION:
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/fuzz/jval.h $$(OBJS) $$(GEN_OBJS) $(BUILD)/libtreesitter.a | $$(RUNTIME_DATA) $(BUILD)/fuzz/kb
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-fno-omit-frame-pointer -o $@ $< $(OBJS) $(GEN_OBJS) $(BUILD)/libtreesitter.a $(LDLIBS)
# the tables beside the binaries, where the tool looks for them
$(BUILD)/fuzz/kb:
	@mkdir -p $(dir $@)
	ln -sfn ../../$(KB) $@
fuzz-targets: $(addprefix $(BUILD)/fuzz/,$(FUZZ_TARGETS))
.PHONY: fuzz-targets
else
fuzz:
	$(MAKE) FUZZ=1 BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT=-O1 SANFLAGS="$(FUZZ_SANFLAGS)" fuzz-targets
.PHONY: fuzz
endif
