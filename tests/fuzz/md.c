/* The markdown extractor (src/md/) on the bytes of a MODEL_RESPONSE.md. */
#include "fuzz.h"
#include "md/md.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ig_arena a;
	ig_arena_init(&a);
	ig_text text = fuzz_text(&a, data, size);
	ig_md_doc doc;
	ig_md_extract(&a, text.data, text.len, &doc);
	unsigned lines = 1;
	for (size_t i = 0; i < text.len; i++) lines += text.data[i] == '\n';
	for (size_t i = 0; i < doc.n_blocks; i++) {
		const ig_md_block *b = &doc.blocks[i];
		FUZZ_ASSERT(b->code && b->info && strlen(b->code) == b->code_len && b->code_len <= text.len);
		FUZZ_ASSERT(b->fence_line >= 1 && b->fence_line <= lines && b->md_line == b->fence_line + 1);
		FUZZ_ASSERT(!b->path == !b->path_source);
		FUZZ_ASSERT(b->closed || i + 2 >= doc.n_blocks); /* only the last outer and inner block run to the end */
		ig_md_block_is_code(b);
	}
	ig_arena_free(&a);
	return 0;
}
