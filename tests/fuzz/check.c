/* One file through the per-file analysis with the knowledge-base checks, as
 * `iacgrade check FILE` runs it (src/cli/cmd_check.c), then through the three
 * report writers, which quote the input. The first byte picks the language;
 * the rest is the file. The tables are read once, from $IACGRADE_KB or the
 * kb/ folder beside the binary (a link to build/kb, made by `make fuzz`). */
#include "fuzz.h"
#include "analyze/analyze.h"
#include "kb/kb.h"
#include "report/report.h"
#include "task/load.h"

static const struct {
	ig_lang lang;
	const char *path;
} fuzz__files[] = {
	{IG_LANG_YAML, "template.yaml"}, {IG_LANG_JSON, "template.json"}, {IG_LANG_HCL, "main.tf"},
	{IG_LANG_TS, "stack.ts"},        {IG_LANG_PY, "stack.py"},        {IG_LANG_GO, "stack.go"},
	{IG_LANG_JAVA, "Stack.java"},    {IG_LANG_JS, "stack.js"},
};
#define FUZZ_N_FILES (sizeof fuzz__files / sizeof *fuzz__files)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *err = ig_kbset_default_error();
	if (err) { /* fuzzing without the tables would skip the checks */
		fprintf(stderr, "fuzz check: %s\n", err);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1) return 0;
	ig_task t;
	ig_task_init(&t);
	ig_response r = {.name = "file", .source = "check", .present = true};
	ig_file *f = IG_PUSH(&t.arena, r.files, r.n_files, r.cap_files);
	ig_text text = fuzz_text(&t.arena, data + 1, size - 1);
	f->path = fuzz__files[data[0] % FUZZ_N_FILES].path;
	f->path_source = "path";
	f->lang = fuzz__files[data[0] % FUZZ_N_FILES].lang;
	f->text = text.data;
	f->len = text.len;
	ig_analyze_file(&t, &r, f, true);
	for (size_t i = 0; i < t.n_findings; i++) FUZZ_ASSERT(t.findings[i].rule && t.findings[i].message);

	ig_buf b = {0};
	ig_report_check_text(&b, &t, &r, false);
	ig_jsonw w;
	ig_jsonw_init(&w, &b, false);
	ig_report_check_json(&w, &t, &r);
	ig_jsonw_init(&w, &b, false);
	ig_report_check_sarif(&w, &t, &r, "fuzz");
	ig_report_check_junit(&b, &t, &r);
	ig_buf_free(&b);
	ig_task_free(&t);
	return 0;
}
