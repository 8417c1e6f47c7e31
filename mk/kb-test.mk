# The reader's unit-test fixture (tests/unit/test_kb.c), written by the same writer as the real tables.
$(BUILD)/test-fixture.kb: tests/unit/kb-fixture.js scripts/kb/kbfile.js
	@mkdir -p $(dir $@)
	node tests/unit/kb-fixture.js $@
TEST_DATA += $(BUILD)/test-fixture.kb
