/* Build-time converter: the .d.ts files of @pulumi/aws, parsed with
 * tree-sitter-typescript, to the entries of pulumi.kb as tab-separated lines
 * (scripts/kb/pulumi.js writes the kb file from them):
 *
 *   kind  key  flags  type  note  extra
 *
 *   module    s3
 *   class     s3.Bucket                         ("@deprecated" note of the class)
 *   property  s3.Bucket.acl  optional|required[,deprecated]  TYPE  NOTE  input.s3.BucketCorsRule
 *   struct    input.s3.BucketCorsRule           (types/input.d.ts, `namespace s3 { interface ... }`;
 *                                               the root's own types outside a namespace: input.GetAvailabilityZonesFilter)
 *   property  input.s3.BucketCorsRule.allowedHeaders ...
 *   static_method  ec2.getAmi  [deprecated]  GetAmiArgs  NOTE   (a function of the module)
 *   property  ec2.getAmi.mostRecent ...
 *
 * A resource class is a `class X extends pulumi.CustomResource` of a module
 * folder; its arguments are the members of `interface XArgs` in the same
 * file; `extra` names the nested input type a member holds, if any. A
 * function is an `export declare function` whose parameters are the
 * generated invoke's, `(args?: GetAmiArgs, opts?)` or `(opts?)`: its `type`
 * is the args interface (empty when it takes none), whose members, in the
 * same file, are its arguments. The package root's files are the module
 * "index", the module name Pulumi's type tokens give it (aws:index/getRegion).
 * Usage: pulumi-dts PKG_DIR > entries.tsv */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_typescript(void);

#define MAX_DEPTH 64

typedef struct src {
	const char *text;
	size_t len;
} src;

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) return NULL;
	if (fseek(fp, 0, SEEK_END) != 0) { fclose(fp); return NULL; }
	long n = ftell(fp);
	if (n < 0 || fseek(fp, 0, SEEK_SET) != 0) { fclose(fp); return NULL; }
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) { free(buf); fclose(fp); return NULL; }
	fclose(fp);
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

static bool is(TSNode n, const char *type) { return strcmp(ts_node_type(n), type) == 0; }

/* Node text with runs of whitespace collapsed to one space, at most cap-1 bytes. */
static void text_of(const src *s, TSNode n, char *out, size_t cap)
{
	uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
	size_t k = 0;
	bool space = false;
	for (uint32_t i = a; i < b && i < s->len && k + 1 < cap; i++) {
		char c = s->text[i];
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			space = k > 0;
			continue;
		}
		if (space && k + 2 < cap) out[k++] = ' ';
		space = false;
		out[k++] = c;
	}
	out[k] = 0;
}

/* The "@deprecated ..." line of the doc comment just before n (one line,
 * tabs and newlines out), or "" when none. */
static void deprecation_of(const src *s, TSNode n, char *out, size_t cap)
{
	out[0] = 0;
	TSNode prev = ts_node_prev_named_sibling(n);
	if (ts_node_is_null(prev) || !is(prev, "comment")) return;
	uint32_t a = ts_node_start_byte(prev), b = ts_node_end_byte(prev);
	const char *p = s->text + a, *end = s->text + (b < s->len ? b : s->len);
	const char *tag = NULL;
	for (const char *q = p; q + 11 <= end; q++)
		if (memcmp(q, "@deprecated", 11) == 0) { tag = q + 11; break; }
	if (!tag) return;
	while (tag < end && *tag == ' ') tag++;
	size_t k = 0;
	for (const char *q = tag; q < end && *q != '\n' && k + 1 < cap; q++) {
		if (*q == '*' && q + 1 < end && q[1] == '/') break;
		out[k++] = *q == '\t' ? ' ' : *q;
	}
	while (k > 0 && out[k - 1] == ' ') k--;
	out[k] = 0;
	if (!k) snprintf(out, cap, "deprecated");
}

/* The first `inputs.NS.Name` type the subtree names, without "inputs.". */
static bool input_ref(const src *s, TSNode n, char *out, size_t cap, int depth)
{
	if (depth > MAX_DEPTH) return false;
	if (is(n, "nested_type_identifier")) {
		char t[512];
		text_of(s, n, t, sizeof t);
		if (strncmp(t, "inputs.", 7) == 0) {
			snprintf(out, cap, "input.%s", t + 7);
			return true;
		}
		return false;
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(n); i++)
		if (input_ref(s, ts_node_named_child(n, i), out, cap, depth + 1)) return true;
	return false;
}

static TSNode field(TSNode n, const char *f) { return ts_node_child_by_field_name(n, f, (uint32_t)strlen(f)); }

/* The members of an interface body, as property lines under `owner`. */
static void members(const src *s, TSNode body, const char *owner)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(body); i++) {
		TSNode m = ts_node_named_child(body, i);
		if (!is(m, "property_signature")) continue;
		TSNode name = field(m, "name"), type = field(m, "type");
		if (ts_node_is_null(name)) continue;
		char nm[256], ty[200] = "", dep[1024], ref[512] = "";
		text_of(s, name, nm, sizeof nm);
		if (!ts_node_is_null(type)) {
			text_of(s, type, ty, sizeof ty);
			if (ty[0] == ':') memmove(ty, ty + (ty[1] == ' ' ? 2 : 1), strlen(ty) + 1);
			input_ref(s, type, ref, sizeof ref, 0);
		}
		bool optional = false;
		for (uint32_t j = 0; j < ts_node_child_count(m); j++)
			if (strcmp(ts_node_type(ts_node_child(m, j)), "?") == 0) optional = true;
		deprecation_of(s, m, dep, sizeof dep);
		printf("property\t%s.%s\t%s%s\t%s\t%s\t%s\n", owner, nm, optional ? "optional" : "required",
		       dep[0] ? ",deprecated" : "", ty, dep, ref);
	}
}

/* The declaration an export_statement or ambient_declaration wraps. */
static TSNode unwrap(TSNode n)
{
	for (int hop = 0; hop < 3 && (is(n, "export_statement") || is(n, "ambient_declaration")); hop++) {
		TSNode d = field(n, "declaration");
		if (ts_node_is_null(d)) d = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
		if (ts_node_is_null(d)) break;
		n = d;
	}
	return n;
}

static void name_of(const src *s, TSNode decl, char *out, size_t cap)
{
	TSNode nm = field(decl, "name");
	out[0] = 0;
	if (!ts_node_is_null(nm)) text_of(s, nm, out, cap);
}

#define MAX_NAMES 256

/* The args interface of a generated invoke, `(args?: GetAmiArgs, opts?:
 * pulumi.InvokeOptions)`, in out ("" for `(opts?)` alone); false for any
 * other parameter list (a hand-written helper such as onSchedule). */
static bool invoke_args(const src *s, TSNode fn, char *out, size_t cap)
{
	TSNode params = field(fn, "parameters");
	out[0] = 0;
	if (ts_node_is_null(params)) return false;
	for (uint32_t i = 0; i < ts_node_named_child_count(params); i++) {
		TSNode p = ts_node_named_child(params, i);
		if (is(p, "comment")) continue;
		TSNode pat = field(p, "pattern"), type = field(p, "type");
		char nm[64];
		if (ts_node_is_null(pat) || ts_node_is_null(type)) return false;
		text_of(s, pat, nm, sizeof nm);
		if (strcmp(nm, "opts") == 0) continue;
		TSNode t = ts_node_named_child(type, 0);
		if (strcmp(nm, "args") != 0 || out[0] || ts_node_is_null(t) || !is(t, "type_identifier")) return false;
		text_of(s, t, out, cap);
	}
	return true;
}

/* A module file: resource classes and functions first, then the interfaces
 * holding their arguments (XArgs of a class, the args type of a function). */
static void module_file(const src *s, TSNode root, const char *module)
{
	char cls[MAX_NAMES][128], fn[MAX_NAMES][128], fn_args[MAX_NAMES][128];
	int ncls = 0, nfn = 0;
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
		TSNode top = ts_node_named_child(root, i);
		TSNode d = unwrap(top);
		char nm[128], dep[1024];
		name_of(s, d, nm, sizeof nm);
		if (!nm[0]) continue;
		if (is(d, "class_declaration")) {
			char heritage[512] = "";
			for (uint32_t j = 0; j < ts_node_named_child_count(d); j++)
				if (is(ts_node_named_child(d, j), "class_heritage")) text_of(s, ts_node_named_child(d, j), heritage, sizeof heritage);
			if (!strstr(heritage, "pulumi.CustomResource")) continue;
			deprecation_of(s, top, dep, sizeof dep);
			printf("class\t%s.%s\t%s\t\t%s\t\n", module, nm, dep[0] ? "deprecated" : "", dep);
			if (ncls < MAX_NAMES) snprintf(cls[ncls++], sizeof cls[0], "%s", nm);
		} else if (is(d, "function_signature") && nfn < MAX_NAMES && invoke_args(s, d, fn_args[nfn], sizeof fn_args[0])) {
			deprecation_of(s, top, dep, sizeof dep);
			printf("static_method\t%s.%s\t%s\t%s\t%s\t\n", module, nm, dep[0] ? "deprecated" : "", fn_args[nfn], dep);
			snprintf(fn[nfn++], sizeof fn[0], "%s", nm);
		}
	}
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
		TSNode d = unwrap(ts_node_named_child(root, i));
		char nm[128];
		const char *of = NULL;
		name_of(s, d, nm, sizeof nm);
		if (!nm[0] || !is(d, "interface_declaration")) continue;
		size_t len = strlen(nm);
		for (int k = 0; k < ncls && !of; k++)
			if (len == strlen(cls[k]) + 4 && strncmp(nm, cls[k], len - 4) == 0 && strcmp(nm + len - 4, "Args") == 0) of = cls[k];
		for (int k = 0; k < nfn && !of; k++)
			if (strcmp(nm, fn_args[k]) == 0) of = fn[k];
		char owner[512];
		TSNode body = field(d, "body");
		if (of && !ts_node_is_null(body) && snprintf(owner, sizeof owner, "%s.%s", module, of) < (int)sizeof owner) members(s, body, owner);
	}
}

/* types/input.d.ts: `export declare namespace s3 { interface X { ... } }`, nested namespaces joined by '.'. */
static void input_scope(const src *s, TSNode scope, const char *ns, int depth)
{
	if (depth > 8) return;
	for (uint32_t i = 0; i < ts_node_named_child_count(scope); i++) {
		TSNode d = unwrap(ts_node_named_child(scope, i));
		char nm[256];
		name_of(s, d, nm, sizeof nm);
		if (!nm[0]) continue;
		if (is(d, "internal_module") || is(d, "module")) {
			char inner[512];
			snprintf(inner, sizeof inner, "%s%s%s", ns, *ns ? "." : "", nm);
			TSNode body = field(d, "body");
			if (!ts_node_is_null(body)) input_scope(s, body, inner, depth + 1);
		} else if (is(d, "interface_declaration")) {
			/* outside a namespace: the package root's types (inputs.GetAvailabilityZonesFilter) */
			char owner[512], dep[1024];
			snprintf(owner, sizeof owner, "input.%s%s%s", ns, *ns ? "." : "", nm);
			deprecation_of(s, ts_node_named_child(scope, i), dep, sizeof dep);
			printf("struct\t%s\t%s\t\t%s\t\n", owner, dep[0] ? "deprecated" : "", dep);
			TSNode body = field(d, "body");
			if (!ts_node_is_null(body)) members(s, body, owner);
		}
	}
}

/* types/enums/MODULE/index.d.ts: `export declare const Runtime: { readonly NodeJS20dX: "nodejs20.x"; ... }`
 * as an enum "lambda.Runtime" and its members, each with its value (extra) and @deprecated message. */
static void enum_file(const src *s, TSNode root, const char *module)
{
	for (uint32_t i = 0; i < ts_node_named_child_count(root); i++) {
		TSNode top = ts_node_named_child(root, i);
		TSNode d = unwrap(top);
		if (!is(d, "lexical_declaration")) continue;
		for (uint32_t j = 0; j < ts_node_named_child_count(d); j++) {
			TSNode v = ts_node_named_child(d, j), type = field(v, "type");
			char nm[128], dep[1024];
			name_of(s, v, nm, sizeof nm);
			if (!is(v, "variable_declarator") || !nm[0] || ts_node_is_null(type)) continue;
			TSNode obj = ts_node_named_child(type, 0);
			if (ts_node_is_null(obj) || !is(obj, "object_type")) continue;
			deprecation_of(s, top, dep, sizeof dep);
			printf("enum\t%s.%s\t%s\t\t%s\t\n", module, nm, dep[0] ? "deprecated" : "", dep);
			for (uint32_t k = 0; k < ts_node_named_child_count(obj); k++) {
				TSNode m = ts_node_named_child(obj, k);
				TSNode mn = field(m, "name"), mt = field(m, "type");
				if (!is(m, "property_signature") || ts_node_is_null(mn)) continue;
				char member[128], value[256] = "";
				text_of(s, mn, member, sizeof member);
				if (!ts_node_is_null(mt)) text_of(s, ts_node_named_child(mt, 0), value, sizeof value);
				size_t vl = strlen(value);
				if (vl >= 2 && value[0] == '"' && value[vl - 1] == '"') { memmove(value, value + 1, vl - 2); value[vl - 2] = 0; }
				deprecation_of(s, m, dep, sizeof dep);
				printf("enum_member\t%s.%s.%s\t%s\t\t%s\t%s\n", module, nm, member, dep[0] ? "deprecated" : "", dep, value);
			}
		}
	}
}

static int parse_file(TSParser *parser, const char *path, const char *module, bool enums)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		fprintf(stderr, "pulumi-dts: cannot read %s\n", path);
		return -1;
	}
	TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
	src s = {text, len};
	TSNode root = ts_tree_root_node(tree);
	if (enums) enum_file(&s, root, module);
	else if (module) module_file(&s, root, module);
	else input_scope(&s, root, "", 0);
	ts_tree_delete(tree);
	free(text);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b) { return strcmp((*a)->d_name, (*b)->d_name); }

/* A declaration file other than the index, which only re-exports. */
static bool declarations(const char *f)
{
	size_t fl = strlen(f);
	return fl > 5 && strcmp(f + fl - 5, ".d.ts") == 0 && strcmp(f, "index.d.ts") != 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: pulumi-dts PKG_DIR > entries.tsv\n");
		return 2;
	}
	const char *root = argv[1];
	TSParser *parser = ts_parser_new();
	ts_parser_set_language(parser, tree_sitter_typescript());
	struct dirent **mods;
	int nmods = scandir(root, &mods, NULL, by_name);
	if (nmods < 0) {
		fprintf(stderr, "pulumi-dts: cannot list %s\n", root);
		return 1;
	}
	int rc = 0, files = 0;
	char path[4096];
	printf("module\tindex\t\t\t\t\n");
	for (int i = 0; i < nmods; i++) {
		const char *m = mods[i]->d_name;
		if (m[0] == '.' || strcmp(m, "types") == 0 || strcmp(m, "node_modules") == 0 || strcmp(m, "config") == 0) goto next;
		snprintf(path, sizeof path, "%s/%s", root, m);
		struct dirent **fs;
		int nf = scandir(path, &fs, NULL, by_name);
		if (nf < 0) {
			/* a file of the package root: module "index" */
			if (declarations(m)) {
				rc |= parse_file(parser, path, "index", false);
				files++;
			}
			goto next;
		}
		printf("module\t%s\t\t\t\t\n", m);
		for (int j = 0; j < nf; j++) {
			const char *f = fs[j]->d_name;
			if (declarations(f)) {
				snprintf(path, sizeof path, "%s/%s/%s", root, m, f);
				rc |= parse_file(parser, path, m, false);
				files++;
			}
			free(fs[j]);
		}
		free(fs);
	next:
		free(mods[i]);
	}
	free(mods);
	snprintf(path, sizeof path, "%s/types/input.d.ts", root);
	rc |= parse_file(parser, path, NULL, false);
	/* the enums: the root's (Region) in types/enums/index.d.ts, each module's in its folder */
	snprintf(path, sizeof path, "%s/types/enums/index.d.ts", root);
	rc |= parse_file(parser, path, "index", true);
	snprintf(path, sizeof path, "%s/types/enums", root);
	struct dirent **es;
	int ne = scandir(path, &es, NULL, by_name);
	for (int i = 0; i < ne; i++) {
		char file[4096];
		snprintf(file, sizeof file, "%s/types/enums/%s/index.d.ts", root, es[i]->d_name);
		if (es[i]->d_name[0] != '.' && access(file, R_OK) == 0) {
			rc |= parse_file(parser, file, es[i]->d_name, true);
			files++;
		}
		free(es[i]);
	}
	if (ne >= 0) free(es);
	ts_parser_delete(parser);
	fprintf(stderr, "pulumi-dts: %d module and enum files and types/input.d.ts parsed\n", files + 1);
	return rc ? 1 : 0;
}
