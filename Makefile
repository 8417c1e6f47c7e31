# iacgrade build. `make` builds build/iacgrade; `make test` runs every test;
# `make SAN=1 test` does the same under AddressSanitizer + UBSan in build-san/.
# Third-party sources (tree-sitter runtime and grammars, AWS data) are fetched
# from npm at pinned versions by scripts/fetch-deps into .cache/ (never committed).

CC      ?= gcc
CACHE   ?= .cache
PKG     := $(CACHE)/pkg
SAN     ?= 0
ifeq ($(SAN),1)
BUILD   ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT     := -O1
else
BUILD   ?= build
SANFLAGS :=
OPT     := -O2
endif

# Knowledge-base tables are data, the same for every build mode: one copy in
# build/kb, which the sanitizer build reaches through a link (the binary reads
# the kb/ folder beside itself).
KB      := build/kb

TS_LIB  := $(PKG)/tree-sitter/vendor/tree-sitter/lib
CPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -I$(TS_LIB)/include
CFLAGS  ?= $(OPT) -g
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wno-unused-parameter -Wstrict-prototypes
LDLIBS  := -lpthread -lm

# --- third party (compiled without our warnings, sanitizers kept for ASan) ---
DEPS_STAMP := $(PKG)/.parse-stamp
$(DEPS_STAMP): deps/npm.lock scripts/fetch-deps
	@IACGRADE_CACHE=$(CACHE) scripts/fetch-deps --stamp $@ parse

# grammar name -> source directory inside the cache
G_typescript := $(PKG)/tree-sitter-typescript/typescript/src
G_tsx        := $(PKG)/tree-sitter-typescript/tsx/src
G_javascript := $(PKG)/tree-sitter-javascript/src
G_python     := $(PKG)/tree-sitter-python/src
G_go         := $(PKG)/tree-sitter-go/src
G_java       := $(PKG)/tree-sitter-java/src
G_json       := $(PKG)/tree-sitter-json/src
G_hcl        := $(PKG)/tree-sitter-hcl/src
G_yaml       := $(PKG)/tree-sitter-yaml/src
GRAMMARS := typescript tsx javascript python go java json hcl yaml
WITH_SCANNER := typescript tsx javascript python hcl yaml

TP_OBJS := $(BUILD)/tp/runtime.o \
	$(foreach g,$(GRAMMARS),$(BUILD)/tp/$(g)-parser.o) \
	$(foreach g,$(WITH_SCANNER),$(BUILD)/tp/$(g)-scanner.o)

TP_CFLAGS := -std=c11 -O2 -g -DNDEBUG -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -w $(SANFLAGS)

$(BUILD)/tp/runtime.o: $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(TP_CFLAGS) -I$(TS_LIB)/include -I$(TS_LIB)/src -c $(TS_LIB)/src/lib.c -o $@

define GRAMMAR_RULES
$(BUILD)/tp/$(1)-parser.o: $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(TP_CFLAGS) -I$$(G_$(1)) -c $$(G_$(1))/parser.c -o $$@
$(BUILD)/tp/$(1)-scanner.o: $(DEPS_STAMP)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(TP_CFLAGS) -I$$(G_$(1)) -c $$(G_$(1))/scanner.c -o $$@
endef
$(foreach g,$(GRAMMARS),$(eval $(call GRAMMAR_RULES,$(g))))

$(BUILD)/libtreesitter.a: $(TP_OBJS)
	rm -f $@ && ar rcs $@ $^

# --- our code: every .c under src/ (cli/main.c is the program entry) ---
SRCS    := $(shell find src -name '*.c' | sort)
LIB_SRCS := $(filter-out src/cli/main.c,$(SRCS))
OBJS    := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(LIB_SRCS))
MAIN_OBJ := $(BUILD)/obj/cli/main.o

$(BUILD)/obj/%.o: src/%.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP -c $< -o $@


# mk/*.mk add build steps for generated code and data: they append object
# files to GEN_OBJS and data the binary reads at run time to RUNTIME_DATA.
GEN_OBJS :=
RUNTIME_DATA :=
TEST_DATA :=
-include mk/*.mk

ifneq ($(BUILD),build)
$(BUILD)/kb:
	@mkdir -p $(BUILD)
	ln -sfn ../$(KB) $@
RUNTIME_DATA += $(BUILD)/kb
endif


$(BUILD)/iacgrade: $(MAIN_OBJ) $(OBJS) $(GEN_OBJS) $(BUILD)/libtreesitter.a | $(RUNTIME_DATA)
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $(MAIN_OBJ) $(OBJS) $(GEN_OBJS) $(BUILD)/libtreesitter.a $(LDLIBS)

# --- tests: one binary with every tests/unit/*.c ---
TEST_SRCS := $(sort $(wildcard tests/unit/*.c))
TEST_OBJS := $(patsubst tests/%.c,$(BUILD)/testobj/%.o,$(TEST_SRCS))
$(BUILD)/testobj/%.o: tests/%.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(WARN) $(CFLAGS) $(SANFLAGS) -MMD -MP -c $< -o $@
$(BUILD)/unit-tests: $(TEST_OBJS) $(OBJS) $(GEN_OBJS) $(BUILD)/libtreesitter.a | $(RUNTIME_DATA) $(TEST_DATA)
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $(TEST_OBJS) $(OBJS) $(GEN_OBJS) $(BUILD)/libtreesitter.a $(LDLIBS)

.DEFAULT_GOAL := all
all: $(BUILD)/iacgrade

# The whole suite: unit tests, golden tests, bad-input tests, corpus smoke test
# (skipped when the corpus is not beside the checkout).
# The test-only npm packages (group "test" of deps/npm.lock: ajv and the SARIF schema, for the
# schema suites); ./build.sh fetches them too, so a fresh clone has them.
TEST_NPM_STAMP := $(PKG)/.test-stamp
$(TEST_NPM_STAMP): deps/npm.lock scripts/fetch-deps
	@IACGRADE_CACHE=$(CACHE) scripts/fetch-deps --stamp $@ test
test-deps: $(TEST_NPM_STAMP)

test: $(BUILD)/iacgrade $(BUILD)/unit-tests $(TEST_NPM_STAMP)
	BUILD=$(BUILD) IACGRADE_CACHE=$(CACHE) tests/run-all

example: $(BUILD)/iacgrade
	$(BUILD)/iacgrade batch examples --jsonl $(BUILD)/examples.jsonl

clean:
	rm -rf build build-san build-fuzz

.PHONY: all test test-deps example clean
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
