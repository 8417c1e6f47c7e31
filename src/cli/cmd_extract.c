/* iacgrade extract MD...: the code blocks of response markdown files and the
 * files they give, as `task` reads them (md/). For seeing why a block was or
 * was not taken as a file, and under which name. */
#include "cli/cli.h"
#include "md/md.h"
#include "task/load.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/jsonw.h"
#include <stdio.h>
#include <string.h>

static void extract__help(FILE *out)
{
	fputs("usage: iacgrade extract FILE.md|TASK-DIR... [--format text|json] [--code]\n\n"
	      "Scans response markdown (MODEL_RESPONSE.md, IDEAL_RESPONSE.md...) as `iacgrade task` does and\n"
	      "lists every fenced block: the line of its fence, its language, the file it belongs to and where\n"
	      "that name came from (a heading, a bold or label line, a path in prose, a first-line comment, the\n"
	      "info string), and what became of it: a file of the answer, replaced by a later block of the same\n"
	      "file, or left out (reasoning trace, shell session or plain text, an example inside a README).\n"
	      "Blocks nested in a ```markdown block and fences never closed are marked. A task folder stands\n"
	      "for its responses (lib/MODEL_RESPONSE.md, later turns, lib/IDEAL_RESPONSE.md).\n\n"
	      "options:\n"
	      "  --format F   text (default) or json (docs/json-schema.md, docs/schema/extract.schema.json)\n"
	      "  --code       also print each file's code (text format), or include it (json)\n\n"
	      "exit codes: 0 every file read; 2 usage; 3 a file could not be read (the others are still shown).\n\n"
	      "examples:\n"
	      "  iacgrade extract path/to/Pr1234/lib/MODEL_RESPONSE.md\n"
	      "  iacgrade extract lib/IDEAL_RESPONSE.md --format json --code\n"
	      "  iacgrade extract path/to/Pr1234\n",
	      out);
}

typedef struct {
	const ig_md_file *file;    /* the file this block gives, when it is the one used */
	const ig_md_block *by;     /* the block used instead of this one, for a repeated file */
} extract_fate;

typedef struct {
	const ig_md_doc *doc;
	extract_fate *fate;
} extract_repeat;

static void extract__repeat(void *vctx, const ig_md_file *kept, const ig_md_block *again, bool kept_earlier)
{
	extract_repeat *c = vctx;
	const ig_md_block *lost = kept_earlier ? again : kept->block;
	c->fate[lost - c->doc->blocks].by = kept_earlier ? kept->block : again;
}

/* What became of a block, in words. */
static const char *extract__status(ig_arena *a, const ig_md_block *b, const extract_fate *f)
{
	if (f->file) return "file";
	if (f->by) return ig_arena_printf(a, "not used: the block at line %u gives this file", f->by->fence_line);
	if (b->in_reasoning) return "reasoning trace";
	if (b->example) return "example in a README";
	return "not code";
}

/* Lines of a block's code: a final newline ends the last line. */
static size_t extract__lines(const ig_md_block *b)
{
	if (!b->code_len) return 0;
	return ig_line_of_offset(b->code, b->code_len) - (b->code[b->code_len - 1] == '\n');
}

/* The blocks' indexes in the order of the markdown: the scanner finds a
 * nested block before the block around it. */
static size_t *extract__order(ig_arena *a, const ig_md_doc *doc)
{
	size_t *order = ig_arena_alloc(a, (doc->n_blocks ? doc->n_blocks : 1) * sizeof *order);
	for (size_t i = 0; i < doc->n_blocks; i++) {
		size_t j = i;
		for (; j > 0 && doc->blocks[order[j - 1]].fence_line > doc->blocks[i].fence_line; j--) order[j] = order[j - 1];
		order[j] = i;
	}
	return order;
}

static void extract__text(ig_buf *o, ig_arena *a, const char *path, const ig_md_doc *doc, const extract_fate *fate,
			  size_t n_files, bool code)
{
	ig_buf_printf(o, "%s: %zu block%s, %zu file%s%s%s\n", path, doc->n_blocks, doc->n_blocks == 1 ? "" : "s", n_files,
		      n_files == 1 ? "" : "s", doc->truncated ? ", ends inside an unclosed fence" : "",
		      doc->has_reasoning ? ", has a reasoning trace" : "");
	size_t *order = extract__order(a, doc);
	for (size_t k = 0; k < doc->n_blocks; k++) {
		size_t i = order[k];
		const ig_md_block *b = &doc->blocks[i];
		const extract_fate *f = &fate[i];
		const char *name = f->file ? f->file->path : b->path ? b->path : "-";
		ig_buf_printf(o, "  %5u  %-8s %-40s %-8s %5zu lines  %s%s%s\n", b->fence_line, ig_lang_name(b->lang), name,
			      b->path ? b->path_source : "", extract__lines(b), extract__status(a, b, f),
			      b->closed ? "" : ", unclosed", b->nested ? ", nested" : "");
		if (code && f->file) {
			ig_buf_put(o, b->code, b->code_len);
			if (b->code_len && b->code[b->code_len - 1] != '\n') ig_buf_putc(o, '\n');
		}
	}
}

static void extract__json(ig_jsonw *w, ig_arena *a, const char *path, const ig_md_doc *doc, const extract_fate *fate,
			  bool code)
{
	size_t *order = extract__order(a, doc);
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "path", path);
	ig_jsonw_kbool(w, "truncated", doc->truncated);
	ig_jsonw_kbool(w, "has_reasoning", doc->has_reasoning);
	ig_jsonw_key(w, "blocks");
	ig_jsonw_arr(w);
	for (size_t k = 0; k < doc->n_blocks; k++) {
		size_t i = order[k];
		const ig_md_block *b = &doc->blocks[i];
		const extract_fate *f = &fate[i];
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "fence_line", b->fence_line);
		ig_jsonw_kint(w, "md_line", b->md_line);
		ig_jsonw_kstr(w, "info", b->info);
		ig_jsonw_kstr(w, "language", ig_lang_name(b->lang));
		ig_jsonw_kstr(w, "named", b->path);
		ig_jsonw_kstr(w, "named_by", b->path ? b->path_source : NULL);
		ig_jsonw_kstr(w, "file", f->file ? f->file->path : NULL);
		ig_jsonw_kstr(w, "status", f->file ? "file" : f->by ? "replaced" : b->in_reasoning ? "reasoning" : b->example ? "example" : "not-code");
		if (f->by) ig_jsonw_kint(w, "replaced_by_line", f->by->fence_line);
		ig_jsonw_kbool(w, "closed", b->closed);
		ig_jsonw_kbool(w, "nested", b->nested);
		ig_jsonw_kint(w, "lines", (long long)extract__lines(b));
		if (code && f->file) {
			ig_jsonw_key(w, "code");
			ig_jsonw_strn(w, b->code, b->code_len);
		}
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
}

int ig_cmd_extract(int argc, char **argv)
{
	const char *format = "text";
	bool code = false;
	char **paths = argv; /* argv outlives the command */
	int n_paths = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { extract__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("extract", argc, argv, &i, &format, "text or json");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(argv[i], "--code") == 0) {
			code = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ig_cli_error("extract", "unknown option '%s' (see iacgrade extract --help)", argv[i]);
			return IG_EXIT_USAGE;
		} else {
			paths[n_paths++] = argv[i];
		}
	}
	bool json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		ig_cli_error("extract", "unknown format '%s': text or json", format);
		return IG_EXIT_USAGE;
	}
	if (!n_paths) { extract__help(stderr); return IG_EXIT_USAGE; }
	/* a task folder stands for its responses: MODEL_RESPONSE.md, its later turns, IDEAL_RESPONSE.md */
	ig_arena names;
	ig_arena_init(&names);
	const char **files = ig_arena_alloc(&names, (size_t)n_paths * 6 * sizeof *files);
	int n_files = 0;
	bool empty_dir = false;
	for (int i = 0; i < n_paths; i++) {
		if (!ig_path_is_dir(paths[i])) { files[n_files++] = paths[i]; continue; }
		const char *docs = ig_task_docs_dir(&names, paths[i]);
		static const char *const responses[] = {"MODEL_RESPONSE.md", "MODEL_RESPONSE2.md", "MODEL_RESPONSE3.md",
							"MODEL_RESPONSE4.md", "MODEL_RESPONSE5.md", "IDEAL_RESPONSE.md"};
		int before = n_files;
		for (size_t k = 0; k < sizeof responses / sizeof *responses; k++) {
			const char *f = ig_path_join(&names, docs, responses[k]);
			if (ig_path_is_file(f)) files[n_files++] = f;
		}
		if (n_files == before) {
			ig_cli_error("extract", "%s: a folder without response markdown (MODEL_RESPONSE.md, IDEAL_RESPONSE.md, in it or its lib/)",
				     paths[i]);
			empty_dir = true;
		}
	}
	int rc = empty_dir ? IG_EXIT_INPUT : IG_EXIT_OK;
	ig_buf out = {0};
	ig_jsonw w;
	if (json) {
		ig_jsonw_init(&w, &out, true);
		ig_jsonw_obj(&w);
		ig_jsonw_kstr(&w, "schema", "iacgrade.extract");
		ig_jsonw_kint(&w, "version", 1);
		ig_jsonw_key(&w, "files");
		ig_jsonw_arr(&w);
	}
	for (int i = 0; i < n_files; i++) {
		ig_arena a;
		ig_arena_init(&a);
		ig_text txt;
		ig_read_status st = ig_file_read(&a, files[i], IG_FILE_CAP, &txt);
		if (st != IG_READ_OK) {
			ig_cli_error("extract", "%s: %s", files[i], ig_read_status_str(st));
			rc = IG_EXIT_INPUT;
			ig_arena_free(&a);
			continue;
		}
		/* read on, as task does, with the bytes made safe; say where they were */
		if (txt.had_nul || txt.bad_utf8)
			ig_cli_error("extract", "%s:%zu: %s (read with %s)", files[i], txt.first_bad_line,
				     txt.had_nul ? "NUL bytes" : "invalid UTF-8", txt.had_nul ? "spaces for them" : "'?' for the bad bytes");
		ig_md_doc doc;
		ig_md_extract(&a, txt.data, txt.len, &doc);
		extract_fate *fate = ig_arena_alloc(&a, (doc.n_blocks ? doc.n_blocks : 1) * sizeof *fate);
		memset(fate, 0, (doc.n_blocks ? doc.n_blocks : 1) * sizeof *fate);
		extract_repeat c = {&doc, fate};
		ig_md_file *given;
		size_t n = ig_md_files(&a, &doc, &given, extract__repeat, &c);
		for (size_t k = 0; k < n; k++) {
			fate[given[k].block - doc.blocks].file = &given[k];
			fate[given[k].block - doc.blocks].by = NULL;
		}
		if (json) extract__json(&w, &a, files[i], &doc, fate, code);
		else extract__text(&out, &a, files[i], &doc, fate, n, code);
		if (ig_cli_emit("extract", NULL, &out, !json)) rc = IG_EXIT_INPUT;
		ig_buf_reset(&out);
		ig_arena_free(&a);
	}
	if (json) {
		ig_jsonw_arr_end(&w);
		ig_jsonw_obj_end(&w);
		ig_buf_putc(&out, '\n');
		if (ig_cli_emit("extract", NULL, &out, false)) rc = IG_EXIT_INPUT;
	}
	ig_buf_free(&out);
	ig_arena_free(&names);
	return rc;
}
