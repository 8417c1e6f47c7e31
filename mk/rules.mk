# The rule registry (docs/rules.md): every rules/*.rules file compiled into one table
# (ig_rules[], src/check/check.h) and one IG_RULE_* constant per id (rule_ids.h), which
# code that reports a finding includes, so a mistyped id does not compile.
RULE_FILES := $(sort $(wildcard rules/*.rules))
CPPFLAGS += -I$(BUILD)/gen
$(BUILD)/gen/rules.c $(BUILD)/gen/rule_ids.h &: $(RULE_FILES) scripts/gen/rules-table.js
	@mkdir -p $(dir $@)
	node scripts/gen/rules-table.js $(BUILD)/gen/rules.c $(BUILD)/gen/rule_ids.h $(RULE_FILES)

# The header must exist before any of our files compiles (afterwards -MMD tracks it).
$(OBJS) $(MAIN_OBJ) $(patsubst tests/%.c,$(BUILD)/testobj/%.o,$(sort $(wildcard tests/unit/*.c))): | $(BUILD)/gen/rule_ids.h
.SECONDARY: $(BUILD)/gen/rules.c $(BUILD)/gen/rule_ids.h

GEN_OBJS += $(BUILD)/gen/rules.o
