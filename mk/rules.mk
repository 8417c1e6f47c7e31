# The rule registry: every rules/*.tsv compiled into one table (src/check/check.h).
RULE_TSVS := $(sort $(wildcard rules/*.tsv))
$(BUILD)/gen/rules.c: $(RULE_TSVS) scripts/gen/rules-table.js
	@mkdir -p $(dir $@)
	node scripts/gen/rules-table.js $@ $(RULE_TSVS)

GEN_OBJS += $(BUILD)/gen/rules.o
