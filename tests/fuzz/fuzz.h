/* Shared by the fuzz targets (tests/fuzz/README.md): the fuzzer's bytes as
 * the text of a file, made safe as the file readers make it (util/file.c:
 * NUL bytes become spaces, invalid UTF-8 '?'), so each target sees what the
 * tool would see for a file holding those bytes. */
#ifndef IG_FUZZ_H
#define IG_FUZZ_H
#include "util/file.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline ig_text fuzz_text(ig_arena *a, const uint8_t *data, size_t size)
{
	ig_text t = {0};
	t.data = ig_arena_alloc(a, size + 1); /* zeroed: NUL-terminated */
	if (size) memcpy(t.data, data, size);
	t.len = size;
	ig_text_sanitize(&t);
	return t;
}

/* An invariant the code under test promises; breaking it is a finding. */
#define FUZZ_ASSERT(cond)                                                                      \
	do {                                                                                   \
		if (!(cond)) {                                                                 \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                               \
		}                                                                              \
	} while (0)
#endif
