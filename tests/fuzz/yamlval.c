/* The YAML value reader (src/syntax/yamlval.c) on the bytes of a YAML file,
 * with tags handed to a callback as the CloudFormation checks do. The check
 * target reads YAML too, but at a fraction of this speed; the grammar's
 * scanner, whose state overflowed once, is fuzzed hardest here. */
#include "fuzz.h"
#include "syntax/yamlval.h"

/* Aliases share values: the tree is walked as the checks walk it, every
 * alias expanded, and that must stay short (yamlval.c's alias budget). */
static void fuzz__walk(const ig_jval *v, int depth, size_t *seen)
{
	FUZZ_ASSERT(v && v->type <= IG_JDEEP && v->line >= 1);
	FUZZ_ASSERT(depth <= 2 * IG_JSON_MAX_DEPTH + 2); /* a tag adds a level to a value */
	FUZZ_ASSERT(++*seen < 10000000);
	if (v->type == IG_JSTR || v->type == IG_JNUM) FUZZ_ASSERT(v->str != NULL);
	if (v->type != IG_JARR && v->type != IG_JOBJ) return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->type == IG_JOBJ) FUZZ_ASSERT(v->keys[i] != NULL);
		fuzz__walk(v->items[i], depth + 1, seen);
	}
}

static ig_jval *fuzz__tag(ig_arena *a, const char *tag, ig_jval *v, void *ctx)
{
	(void)ctx;
	ig_jval *o = ig_arena_alloc(a, sizeof *o); /* `!Ref x` as {"!Ref": x}, the shape of cfn.c's tags */
	o->type = IG_JOBJ;
	o->line = v->line;
	o->keys = ig_arena_alloc(a, sizeof *o->keys);
	o->items = ig_arena_alloc(a, sizeof *o->items);
	o->keys[0] = tag;
	o->items[0] = v;
	o->n = 1;
	return o;
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
	if (root) fuzz__walk(root, 0, &seen);
	ig_arena_free(&a);
	return 0;
}
