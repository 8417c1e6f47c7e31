/* Languages the tool knows: the ones tree-sitter parses, plus a few it only
 * recognises (markdown, shell, Dockerfile...) so files are named correctly. */
#ifndef IG_LANG_H
#define IG_LANG_H
#include <stdbool.h>
#include <stddef.h>

typedef enum ig_lang {
	IG_LANG_UNKNOWN = 0,
	IG_LANG_TS, IG_LANG_TSX, IG_LANG_JS, IG_LANG_PY, IG_LANG_GO, IG_LANG_JAVA,
	IG_LANG_JSON, IG_LANG_YAML, IG_LANG_HCL,
	/* recognised, not parsed */
	IG_LANG_MARKDOWN, IG_LANG_SHELL, IG_LANG_DOCKERFILE, IG_LANG_TEXT, IG_LANG_CSHARP,
	IG_LANG_SQL, IG_LANG_TOML, IG_LANG_INI, IG_LANG_XML, IG_LANG_HTML, IG_LANG_CSS,
	IG_LANG_COUNT
} ig_lang;

/* Short stable name used in JSON ("ts", "py", "hcl", ...). */
const char *ig_lang_name(ig_lang l);
/* From a fence info string or alias ("typescript", "py", "yml", "terraform", "tf"). */
ig_lang ig_lang_from_tag(const char *tag, size_t n);
/* From a file name's extension ("tap-stack.ts", "main.tf", "TapStack.yml"). */
ig_lang ig_lang_from_path(const char *path);
bool ig_lang_parsed(ig_lang l);
#endif
