#include "syntax/lang.h"
#include "util/strutil.h"
#include <string.h>
#include <strings.h>

static const char *const lang__names[IG_LANG_COUNT] = {
	[IG_LANG_UNKNOWN] = "unknown", [IG_LANG_TS] = "ts", [IG_LANG_TSX] = "tsx", [IG_LANG_JS] = "js",
	[IG_LANG_PY] = "py", [IG_LANG_GO] = "go", [IG_LANG_JAVA] = "java", [IG_LANG_JSON] = "json",
	[IG_LANG_YAML] = "yaml", [IG_LANG_HCL] = "hcl", [IG_LANG_MARKDOWN] = "markdown",
	[IG_LANG_SHELL] = "shell", [IG_LANG_DOCKERFILE] = "dockerfile", [IG_LANG_TEXT] = "text",
	[IG_LANG_CSHARP] = "csharp", [IG_LANG_SQL] = "sql", [IG_LANG_TOML] = "toml", [IG_LANG_INI] = "ini",
	[IG_LANG_XML] = "xml", [IG_LANG_HTML] = "html", [IG_LANG_CSS] = "css",
};

const char *ig_lang_name(ig_lang l)
{
	return (l >= 0 && l < IG_LANG_COUNT && lang__names[l]) ? lang__names[l] : "unknown";
}

bool ig_lang_parsed(ig_lang l) { return l >= IG_LANG_TS && l <= IG_LANG_HCL; }

/* Aliases seen in fence info strings and metadata; compared case-insensitively. */
static const struct { const char *alias; ig_lang lang; } lang__aliases[] = {
	{"ts", IG_LANG_TS}, {"typescript", IG_LANG_TS}, {"mts", IG_LANG_TS}, {"cts", IG_LANG_TS},
	{"tsx", IG_LANG_TSX}, {"jsx", IG_LANG_TSX},
	{"js", IG_LANG_JS}, {"javascript", IG_LANG_JS}, {"mjs", IG_LANG_JS}, {"cjs", IG_LANG_JS}, {"node", IG_LANG_JS},
	{"py", IG_LANG_PY}, {"python", IG_LANG_PY}, {"python3", IG_LANG_PY}, {"py3", IG_LANG_PY},
	{"go", IG_LANG_GO}, {"golang", IG_LANG_GO},
	{"java", IG_LANG_JAVA},
	{"json", IG_LANG_JSON}, {"jsonc", IG_LANG_JSON}, {"json5", IG_LANG_JSON},
	{"yaml", IG_LANG_YAML}, {"yml", IG_LANG_YAML},
	{"hcl", IG_LANG_HCL}, {"tf", IG_LANG_HCL}, {"terraform", IG_LANG_HCL}, {"tfvars", IG_LANG_HCL},
	{"md", IG_LANG_MARKDOWN}, {"markdown", IG_LANG_MARKDOWN},
	{"sh", IG_LANG_SHELL}, {"bash", IG_LANG_SHELL}, {"shell", IG_LANG_SHELL}, {"zsh", IG_LANG_SHELL},
	{"console", IG_LANG_SHELL}, {"shell-session", IG_LANG_SHELL},
	{"dockerfile", IG_LANG_DOCKERFILE}, {"docker", IG_LANG_DOCKERFILE},
	{"text", IG_LANG_TEXT}, {"txt", IG_LANG_TEXT}, {"plaintext", IG_LANG_TEXT}, {"plain", IG_LANG_TEXT},
	{"csharp", IG_LANG_CSHARP}, {"cs", IG_LANG_CSHARP}, {"c#", IG_LANG_CSHARP},
	{"sql", IG_LANG_SQL}, {"toml", IG_LANG_TOML}, {"ini", IG_LANG_INI}, {"cfg", IG_LANG_INI},
	{"xml", IG_LANG_XML}, {"html", IG_LANG_HTML}, {"css", IG_LANG_CSS},
};

ig_lang ig_lang_from_tag(const char *tag, size_t n)
{
	for (size_t i = 0; i < sizeof lang__aliases / sizeof *lang__aliases; i++)
		if (strlen(lang__aliases[i].alias) == n && strncasecmp(lang__aliases[i].alias, tag, n) == 0)
			return lang__aliases[i].lang;
	return IG_LANG_UNKNOWN;
}

ig_lang ig_lang_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (strcasecmp(base, "Dockerfile") == 0) return IG_LANG_DOCKERFILE;
	if (strcasecmp(base, "Pulumi.yaml") == 0 || strcasecmp(base, "cdk.json") == 0) {
		/* plain config, parsed as data */
	}
	const char *dot = strrchr(base, '.');
	if (!dot || !dot[1]) return IG_LANG_UNKNOWN;
	return ig_lang_from_tag(dot + 1, strlen(dot + 1));
}
