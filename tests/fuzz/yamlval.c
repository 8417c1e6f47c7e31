/* The YAML value reader (src/syntax/yamlval.c) on the bytes of a YAML file,
 * with tags handed to a callback as the CloudFormation checks do. The check
 * target reads YAML too, but at a fraction of this speed; the grammar's
 * scanner, whose state overflowed once, is fuzzed hardest here. */
#include "jval.h"
#include "syntax/yamlval.h"

static ig_jval *fuzz__tag(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	(void)ctx;
	return ig_json_obj1(a, tag, v); /* `!Ref x` as {"!Ref": x}, the shape of cfn.c's tags */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_text text = fuzz_text(&a, data, size);
	ig_parse p;
	ig_syntax_parse(&p, &a, IG_LANG_YAML, text.data, text.len);
	ig_jval *root = ig_yaml_value(&a, &p, fuzz__tag, NULL);
	ig_parse_release(&p);
	size_t seen = 0;
	if (root) fuzz_jval_walk(root, 0, 2 * IG_JSON_MAX_DEPTH + 2, &seen); /* a tag adds a level to a value */
	ig_arena_free(&a);
	return 0;
}
