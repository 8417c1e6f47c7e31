/* The markdown extractor (src/md/) on the bytes of a MODEL_RESPONSE.md:
 * blocks, then the files they give. */
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
	/* the files the loader makes of the blocks: code blocks, one per path */
	ig_md_file *files;
	size_t n = ig_md_files(&a, &doc, &files, NULL, NULL);
	FUZZ_ASSERT(n <= doc.n_blocks);
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(files[i].path && *files[i].path && ig_md_block_is_code(files[i].block));
		for (size_t j = 0; j < i; j++) FUZZ_ASSERT(strcmp(files[i].path, files[j].path) != 0);
	}
	ig_arena_free(&a);
	return 0;
}
