#include "md/md.h"
#include "util/strutil.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* One line of the document, without its end-of-line characters. */
typedef struct { const char *p; size_t n; unsigned no; } md_line;

/* Lines kept above a fence to look for the file name. */
#define MD_WINDOW 3

typedef struct {
	ig_arena *a;
	ig_md_doc *doc;
	md_line window[MD_WINDOW]; /* nearest non-blank lines above, [0] the closest */
	int n_window;
	bool in_reasoning;
} md_state;

static bool md__is_fence(md_line l, char *ch, size_t *len, ig_slice *info)
{
	size_t i = 0;
	while (i < l.n && i < 4 && l.p[i] == ' ') i++;
	if (i > 3 || i >= l.n) return false;
	char c = l.p[i];
	if (c != '`' && c != '~') return false;
	size_t k = i;
	while (k < l.n && l.p[k] == c) k++;
	if (k - i < 3) return false;
	ig_slice rest = ig_slice_trim((ig_slice){l.p + k, l.n - k});
	if (c == '`' && memchr(rest.p, '`', rest.n)) return false; /* inline code, not a fence */
	*ch = c;
	*len = k - i;
	*info = rest;
	return true;
}

/* ---- file names ---- */

static const char *const md__exts[] = {
	"ts", "tsx", "js", "mjs", "cjs", "jsx", "py", "go", "java", "json", "yaml", "yml", "tf", "tfvars", "hcl",
	"sh", "bash", "md", "txt", "toml", "cfg", "ini", "xml", "html", "css", "sql", "mod", "sum", "gradle", "kts",
	"properties", "env", "cs", "conf", "j2", "tpl", "template", "lock", "in", "rb", "ps1", NULL,
};

static bool md__known_ext(const char *e, size_t n)
{
	for (int i = 0; md__exts[i]; i++)
		if (strlen(md__exts[i]) == n && strncasecmp(md__exts[i], e, n) == 0) return true;
	return false;
}

static bool md__path_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' || c == '/' || c == '$' || c == '{' ||
	       c == '}' || c == '@';
}

/* A token that names a file: has a base name and a known extension, or is a
 * bare Dockerfile/Makefile; not a URL, a version number or "e.g.". */
static bool md__looks_like_path(const char *s, size_t n)
{
	while (n && (s[n - 1] == '.' || s[n - 1] == '/')) n--;
	if (n < 2) return false;
	const char *base = s;
	for (size_t i = 0; i < n; i++) if (s[i] == '/') base = s + i + 1;
	size_t bn = (size_t)(s + n - base);
	if ((bn == 10 && strncmp(base, "Dockerfile", 10) == 0) || (bn == 8 && strncmp(base, "Makefile", 8) == 0) ||
	    (bn == 11 && strncmp(base, "Jenkinsfile", 11) == 0))
		return true;
	const char *dot = NULL;
	for (size_t i = 1; i < bn; i++) if (base[i] == '.') dot = base + i;
	if (!dot || dot == base) return false;
	if (!md__known_ext(dot + 1, (size_t)(base + bn - dot - 1))) return false;
	/* base name must contain a letter: "1.2.ts" is not a file name */
	for (const char *p = base; p < dot; p++) if (isalpha((unsigned char)*p)) return true;
	return false;
}

/* First path-like token in text; prefers a `backticked` one. */
static const char *md__find_path(ig_arena *a, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '`') continue;
		size_t j = i + 1;
		while (j < n && s[j] != '`') j++;
		if (j < n && md__looks_like_path(s + i + 1, j - i - 1)) {
			ig_slice t = ig_slice_trim((ig_slice){s + i + 1, j - i - 1});
			return ig_arena_strndup(a, t.p, t.n);
		}
		i = j;
	}
	for (size_t i = 0; i < n;) {
		while (i < n && !md__path_char(s[i])) i++;
		size_t j = i;
		while (j < n && md__path_char(s[j])) j++;
		bool url = j + 2 < n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/';
		bool after_url = i >= 3 && s[i - 1] == '/' && s[i - 2] == '/' && s[i - 3] == ':';
		if (j > i && !url && !after_url && md__looks_like_path(s + i, j - i)) {
			size_t m = j - i;
			while (m && (s[i + m - 1] == '.' || s[i + m - 1] == '/')) m--;
			return ig_arena_strndup(a, s + i, m);
		}
		/* the rest of a word is skipped (a URL's path, "dir/x.zip:index.js" is not index.js)
		 * except after '=': an info string's title=main.tf */
		if (url || after_url || j >= n || s[j] != '=')
			while (j < n && !isspace((unsigned char)s[j])) j++;
		i = j;
	}
	return NULL;
}

static bool md__is_heading(md_line l)
{
	size_t i = 0;
	while (i < l.n && l.p[i] == '#') i++;
	return i >= 1 && i <= 6 && (i == l.n || l.p[i] == ' ' || l.p[i] == '\t');
}

static bool md__is_label(md_line l)
{
	ig_slice s = ig_slice_trim((ig_slice){l.p, l.n});
	while (s.n && (*s.p == '*' || *s.p == '_' || *s.p == '-' || *s.p == ' ')) { s.p++; s.n--; }
	static const char *const labels[] = {"file:", "filename:", "file name:", "path:", "file path:", "location:", NULL};
	for (int i = 0; labels[i]; i++)
		if (s.n >= strlen(labels[i]) && strncasecmp(s.p, labels[i], strlen(labels[i])) == 0) return true;
	return false;
}

static bool md__is_bold(md_line l)
{
	ig_slice s = ig_slice_trim((ig_slice){l.p, l.n});
	return s.n > 4 && ((s.p[0] == '*' && s.p[1] == '*') || (s.p[0] == '_' && s.p[1] == '_'));
}

/* The file name for a block from the lines above it, nearest first. A prose
 * line counts only when it is the closest line (a sentence that introduces
 * the block); headings and labels count anywhere in the window. */
static const char *md__path_above(md_state *st, const char **source)
{
	for (int k = 0; k < st->n_window; k++) {
		md_line l = st->window[k];
		const char *src = md__is_heading(l) ? "heading" : md__is_label(l) ? "label" : md__is_bold(l) ? "bold" : "prose";
		if (src[0] == 'p' && k > 0) continue;
		const char *p = md__find_path(st->a, l.p, l.n);
		if (p) { *source = src; return p; }
		if (src[0] == 'h') break; /* a heading without a name closes the search */
	}
	return NULL;
}

/* `ts title="lib/x.ts"`, `python:lib/x.py`, ```lib/tap-stack.ts */
static const char *md__path_info(ig_arena *a, ig_slice info)
{
	if (!info.n) return NULL;
	return md__find_path(a, info.p, info.n);
}

/* `// lib/x.ts`, `# File: main.tf`, `<!-- x.yml -->` on the first code line */
static const char *md__path_comment(ig_arena *a, const char *code, size_t n)
{
	size_t e = 0;
	while (e < n && code[e] != '\n') e++;
	ig_slice l = ig_slice_trim((ig_slice){code, e});
	static const char *const marks[] = {"//", "#", "--", "/*", "<!--", ";", NULL};
	for (int i = 0; marks[i]; i++) {
		size_t m = strlen(marks[i]);
		if (l.n > m && strncmp(l.p, marks[i], m) == 0) {
			if (marks[i][0] == '#' && l.n > 1 && l.p[1] == '!') return NULL; /* shebang */
			/* only short comments: a sentence that mentions a file is not a name */
			if (l.n > 120) return NULL;
			return md__find_path(a, l.p + m, l.n - m);
		}
	}
	return NULL;
}

static ig_lang md__lang_of_info(ig_slice info)
{
	const char *p = info.p;
	size_t n = info.n;
	while (n && (*p == '{' || *p == '.')) { p++; n--; }
	size_t k = 0;
	while (k < n && !isspace((unsigned char)p[k]) && p[k] != ',' && p[k] != ':' && p[k] != '{' && p[k] != '}' && p[k] != '=')
		k++;
	ig_lang l = ig_lang_from_tag(p, k);
	if (l == IG_LANG_UNKNOWN && k) {
		/* a tag that is itself a file name */
		char tmp[256];
		if (k < sizeof tmp) { memcpy(tmp, p, k); tmp[k] = 0; l = ig_lang_from_path(tmp); }
	}
	return l;
}

/* ---- headings that delimit the reasoning trace ---- */

static bool md__heading_is(md_line l, const char *word)
{
	if (!md__is_heading(l)) return false;
	size_t i = 0;
	while (i < l.n && (l.p[i] == '#' || l.p[i] == ' ' || l.p[i] == '*')) i++;
	ig_slice rest = {l.p + i, l.n - i};
	if (rest.n >= 6 && strncasecmp(rest.p, "final ", 6) == 0) { rest.p += 6; rest.n -= 6; }
	size_t m = strlen(word);
	return rest.n >= m && strncasecmp(rest.p, word, m) == 0 && (rest.n == m || !isalpha((unsigned char)rest.p[m]));
}

static void md__window_push(md_state *st, md_line l)
{
	if (ig_slice_trim((ig_slice){l.p, l.n}).n == 0) return;
	memmove(&st->window[1], &st->window[0], (MD_WINDOW - 1) * sizeof(md_line));
	st->window[0] = l;
	if (st->n_window < MD_WINDOW) st->n_window++;
}

/* ---- blocks ---- */

typedef struct {
	char ch;
	size_t len;
	ig_slice info;
	unsigned fence_line;
	const char *code_start;   /* first byte after the fence line */
	bool nested;
	bool parent_named;        /* for nested blocks: the outer markdown block names a file */
	const char *path;
	const char *path_source;
} md_open;

static ig_md_block *md__emit(md_state *st, const md_open *o, const char *code_end, bool closed)
{
	ig_md_block *b = IG_PUSH(st->a, st->doc->blocks, st->doc->n_blocks, st->doc->cap_blocks);
	size_t n = code_end > o->code_start ? (size_t)(code_end - o->code_start) : 0;
	b->code = ig_arena_strndup(st->a, o->code_start, n);
	b->code_len = n;
	b->info = ig_arena_strndup(st->a, o->info.p, o->info.n);
	b->lang = md__lang_of_info(o->info);
	b->fence_line = o->fence_line;
	b->md_line = o->fence_line + 1;
	b->closed = closed;
	b->in_reasoning = st->in_reasoning;
	b->nested = o->nested;
	b->path = o->path;
	b->path_source = o->path_source;
	if (!b->path) {
		b->path = md__path_comment(st->a, b->code, b->code_len);
		if (b->path) b->path_source = "comment";
	}
	if (b->lang == IG_LANG_UNKNOWN && b->path) b->lang = ig_lang_from_path(b->path);
	/* nested blocks of a named document (a README) are examples, not files */
	b->example = o->nested && o->parent_named && !o->path;
	return b;
}

static bool md__next_line(const char *s, size_t len, size_t *pos, md_line *l)
{
	if (*pos >= len) return false;
	const char *start = s + *pos;
	const char *nl = memchr(start, '\n', len - *pos);
	size_t n = nl ? (size_t)(nl - start) : len - *pos;
	*pos += n + (nl ? 1 : 0);
	if (n && start[n - 1] == '\r') n--;
	l->p = start;
	l->n = n;
	l->no++;
	return true;
}

void ig_md_extract(ig_arena *a, const char *md, size_t len, ig_md_doc *out)
{
	memset(out, 0, sizeof(*out));
	md_state st = {.a = a, .doc = out};
	size_t pos = 0;
	md_line l = {0};
	md_open outer, inner;
	bool in_outer = false, in_inner = false;
	const char *line_start = md;
	while ((line_start = md + pos), md__next_line(md, len, &pos, &l)) {
		char ch;
		size_t flen;
		ig_slice info;
		bool fence = md__is_fence(l, &ch, &flen, &info);
		if (!in_outer) {
			if (fence) {
				memset(&outer, 0, sizeof outer);
				outer.ch = ch;
				outer.len = flen;
				outer.info = info;
				outer.fence_line = l.no;
				outer.code_start = md + pos;
				outer.path = md__path_info(a, info);
				outer.path_source = outer.path ? "info" : NULL;
				if (!outer.path) outer.path = md__path_above(&st, &outer.path_source);
				in_outer = true;
				continue;
			}
			if (md__heading_is(l, "reasoning")) { st.in_reasoning = true; out->has_reasoning = true; }
			else if (md__heading_is(l, "answer")) { st.in_reasoning = false; out->answer_line = l.no; }
			md__window_push(&st, l);
			continue;
		}
		ig_lang outer_lang = md__lang_of_info(outer.info);
		bool outer_is_md = outer_lang == IG_LANG_MARKDOWN;
		if (in_inner) {
			if (fence && ch == inner.ch && flen >= inner.len && info.n == 0) {
				md__emit(&st, &inner, line_start, true);
				in_inner = false;
			}
			continue;
		}
		if (fence && ch == outer.ch && flen >= outer.len && info.n == 0) {
			md__emit(&st, &outer, line_start, true);
			in_outer = false;
			st.n_window = 0;
			continue;
		}
		if (outer_is_md && fence && info.n > 0) {
			/* a fence with a language inside a markdown block opens an inner block */
			memset(&inner, 0, sizeof inner);
			inner.ch = ch;
			inner.len = flen;
			inner.info = info;
			inner.fence_line = l.no;
			inner.code_start = md + pos;
			inner.nested = true;
			inner.parent_named = outer.path != NULL;
			inner.path = md__path_info(a, info);
			inner.path_source = inner.path ? "info" : NULL;
			in_inner = true;
		}
	}
	if (in_inner) md__emit(&st, &inner, md + len, false);
	if (in_outer) {
		md__emit(&st, &outer, md + len, false);
		out->truncated = true;
	}
}

static bool md__looks_like_tree(const char *s, size_t n)
{
	return ig_memstr(s, n, "\xe2\x94\x9c\xe2\x94\x80") || ig_memstr(s, n, "\xe2\x94\x94\xe2\x94\x80"); /* ├─ └─ */
}

bool ig_md_block_is_code(const ig_md_block *b)
{
	if (b->in_reasoning || b->example) return false;
	ig_lang l = b->lang;
	bool code = ig_lang_parsed(l) || l == IG_LANG_DOCKERFILE;
	if (!code && l == IG_LANG_UNKNOWN && b->path) code = ig_lang_parsed(ig_lang_from_path(b->path));
	if (!code) return false;
	if (!b->path && md__looks_like_tree(b->code, b->code_len)) return false;
	return b->code_len > 0;
}

/* ---- blocks to files ---- */

static const char *md__ext_for(ig_lang l)
{
	switch (l) {
	case IG_LANG_TS: return "ts";
	case IG_LANG_TSX: return "tsx";
	case IG_LANG_JS: return "js";
	case IG_LANG_PY: return "py";
	case IG_LANG_GO: return "go";
	case IG_LANG_JAVA: return "java";
	case IG_LANG_JSON: return "json";
	case IG_LANG_YAML: return "yaml";
	case IG_LANG_HCL: return "tf";
	default: return "txt";
	}
}

static const char *md__clean_path(ig_arena *a, const char *p)
{
	while (p[0] == '.' && p[1] == '/') p += 2;
	while (*p == '/') p++;
	return ig_arena_strdup(a, p);
}

size_t ig_md_files(ig_arena *a, const ig_md_doc *doc, ig_md_file **out, ig_md_repeat_fn repeat, void *ctx)
{
	ig_md_file *files = ig_arena_alloc(a, (doc->n_blocks ? doc->n_blocks : 1) * sizeof *files);
	size_t n = 0;
	unsigned unnamed = 0;
	for (size_t i = 0; i < doc->n_blocks; i++) {
		const ig_md_block *b = &doc->blocks[i];
		if (!ig_md_block_is_code(b)) continue;
		ig_lang lang = b->lang != IG_LANG_UNKNOWN ? b->lang : (b->path ? ig_lang_from_path(b->path) : IG_LANG_UNKNOWN);
		const char *path = b->path ? md__clean_path(a, b->path) : ig_arena_printf(a, "block-%u.%s", ++unnamed, md__ext_for(lang));
		ig_md_file *f = NULL;
		for (size_t j = 0; j < n && !f; j++)
			if (strcmp(files[j].path, path) == 0) f = &files[j];
		if (f) {
			bool keep_old = f->block->closed && !b->closed;
			if (repeat) repeat(ctx, f, b, keep_old);
			if (keep_old) continue;
		} else {
			f = &files[n++];
		}
		f->block = b;
		f->path = path;
		f->lang = lang;
	}
	*out = files;
	return n;
}
