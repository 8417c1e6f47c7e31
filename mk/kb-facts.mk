# Hand facts with source URLs (data/kb/*.tsv) as a knowledge-base source.
FACT_TSVS := $(sort $(wildcard data/kb/facts*.tsv))
$(KB)/facts.kb: $(FACT_TSVS) scripts/kb/facts.js scripts/kb/kbfile.js
	@mkdir -p $(dir $@)
	node scripts/kb/facts.js $@ $(FACT_TSVS)
RUNTIME_DATA += $(KB)/facts.kb
