/* metadata.json parsing (src/task/metadata.c) on the bytes of the file. */
#include "fuzz.h"
#include "task/load.h"
#include "task/metadata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ig_task t;
	ig_task_init(&t);
	ig_text text = fuzz_text(&t.arena, data, size);
	t.meta.present = true;
	ig_metadata_parse(&t, text.data, text.len);
	const ig_metadata *m = &t.meta;
	for (size_t i = 0; i < m->n_aws_services; i++) FUZZ_ASSERT(m->aws_services[i] != NULL);
	FUZZ_ASSERT(!m->has_training_quality || (m->training_quality >= 0 && m->training_quality <= 10));
	for (size_t i = 0; i < t.n_findings; i++) FUZZ_ASSERT(t.findings[i].rule && t.findings[i].message);
	ig_task_free(&t);
	return 0;
}
