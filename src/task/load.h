/* Loading a task folder: metadata, prompts, every model turn, the ideal (lib/
 * code when present, IDEAL_RESPONSE.md otherwise) and the code files of each
 * response extracted from its markdown. Problems become findings; only a
 * folder that cannot be read at all is an error. */
#ifndef IG_LOAD_H
#define IG_LOAD_H
#include "task/types.h"

/* Files larger than this are listed but not parsed (a finding says so). */
#define IG_CODE_CAP ((size_t)8 << 20)
/* Markdown larger than this is not read. */
#define IG_MD_CAP ((size_t)64 << 20)

void ig_task_init(ig_task *t);
void ig_task_free(ig_task *t);
/* 0 on success; -1 when dir is not a readable folder (message in *err). */
int ig_task_load(ig_task *t, const char *dir, const char **err);
/* A folder looks like a task: metadata.json (at its root or in lib/), or lib/ (or the folder itself)
 * with a MODEL_RESPONSE*.md, IDEAL_RESPONSE.md or PROMPT.md. */
bool ig_task_dir_looks_like_task(const char *dir);
/* Fill r (its name and source set) with the code blocks of one markdown
 * answer, as a task's responses are read. */
void ig_task_md_response(ig_task *t, ig_response *r, const char *md, size_t len);
/* Where a task keeps its markdown documents: DIR/lib when it exists, else DIR. */
const char *ig_task_docs_dir(ig_arena *a, const char *dir);
#endif
