/* metadata.json: read tolerantly, normalise spellings, report wrong types as
 * findings on the task (never fatal). Used for measuring and for the
 * platform/language blocker only: detection never reads it. */
#ifndef IG_METADATA_H
#define IG_METADATA_H
#include "task/types.h"

void ig_metadata_load(ig_task *t, const char *path);
/* The same on the text of a metadata.json already read (NUL-terminated, made
 * safe by ig_text_sanitize). */
void ig_metadata_parse(ig_task *t, const char *text, size_t len);
/* Normalise a metadata language spelling ("typescript" -> ts, "yml" -> yaml). */
ig_lang ig_metadata_lang(const char *s, size_t n);
#endif
