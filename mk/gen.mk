# Generated C tables from the pinned AWS data packages (see scripts/gen/).
DATA_STAMP := $(PKG)/.data-stamp
$(DATA_STAMP): deps/npm.lock scripts/fetch-deps
	@IACGRADE_CACHE=$(CACHE) scripts/fetch-deps --stamp $@ data

$(BUILD)/gen/aws_types.c: scripts/gen/aws-types.js $(DATA_STAMP)
	@mkdir -p $(dir $@)
	node scripts/gen/aws-types.js $(PKG)/aws-service-spec/db.json.gz $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(SANFLAGS) -c $< -o $@

GEN_OBJS += $(BUILD)/gen/aws_types.o

# Hand data with source URLs (data/services/*.tsv) compiled in as tables.
$(BUILD)/gen/svc_%.c: data/services/%.tsv scripts/gen/tsv-table.js
	@mkdir -p $(dir $@)
	node scripts/gen/tsv-table.js $< ig_svc_$(subst -,_,$*) $@

GEN_OBJS += $(BUILD)/gen/svc_networking.o $(BUILD)/gen/svc_tf-prefixes.o $(BUILD)/gen/svc_aliases.o
# the generated C is kept (not an intermediate make deletes after the build, which it would announce
# after the tests' closing line)
.SECONDARY: $(BUILD)/gen/svc_networking.c $(BUILD)/gen/svc_tf-prefixes.c $(BUILD)/gen/svc_aliases.c

# The review's decision table for fixes nothing else explains (data/review/fix-topics.tsv).
$(BUILD)/gen/review_fix_topics.c: data/review/fix-topics.tsv scripts/gen/tsv-table.js
	@mkdir -p $(dir $@)
	node scripts/gen/tsv-table.js $< ig_review_fix_topics $@
GEN_OBJS += $(BUILD)/gen/review_fix_topics.o
.SECONDARY: $(BUILD)/gen/review_fix_topics.c
$(BUILD)/gen/review_complexity.c: data/review/complexity.tsv scripts/gen/tsv-table.js
	@mkdir -p $(dir $@)
	node scripts/gen/tsv-table.js $< ig_review_complexity $@
GEN_OBJS += $(BUILD)/gen/review_complexity.o
.SECONDARY: $(BUILD)/gen/review_complexity.c
