/* iacgrade model PATH...: the IaC model of a response as the tool sees it
 * (src/model/): resources with their native and CloudFormation types, levels,
 * names, properties and where each value came from; edges; providers,
 * outputs, parameters. What `terraform show -json` is to a plan. */
#include "cli/cli.h"
#include "detect/detect.h"
#include "md/md.h"
#include "model/model.h"
#include "task/load.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/jsonw.h"
#include "util/strutil.h"
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void model__help(FILE *out)
{
	fputs("usage: iacgrade model PATH... [--response model|ideal] [--format text|json] [--defaults]\n\n"
	      "Prints the IaC model of a response: each resource with its type as written and resolved, its\n"
	      "CloudFormation type and how it was found, its construct level, logical name (and whether it uses\n"
	      "the environment suffix), source lines and properties; each value as a string, number, bool,\n"
	      "list, map, reference to a resource, call, or unresolved (unknown, never false), with where it\n"
	      "came from. Then the edges between resources, providers and regions, default tags, outputs,\n"
	      "parameters and variables (docs/model.md).\n\n"
	      "PATH is a task folder (its model response, or with --response ideal its ideal: lib/ code when\n"
	      "present, IDEAL_RESPONSE.md otherwise), a response markdown file, or code files (taken together\n"
	      "as one response).\n\n"
	      "options:\n"
	      "  --response R  model (default) or ideal, for a task folder\n"
	      "  --format F    text (default) or json (schema iacgrade.model, docs/json-schema.md,\n"
	      "                docs/schema/model.schema.json)\n"
	      "  --defaults    text: also list the props left out that have a documented default (json always has them)\n\n"
	      "exit codes: 0 done; 2 usage; 3 an input could not be read.\n\n"
	      "examples:\n"
	      "  iacgrade model path/to/Pr1234\n"
	      "  iacgrade model path/to/Pr1234 --response ideal --format json\n"
	      "  iacgrade model lib/main.tf lib/variables.tf\n",
	      out);
}

/* ---- loading ---- */

static void model__detect(ig_arena *a, ig_response *r)
{
	for (size_t i = 0; i < r->n_files; i++) {
		ig_file *f = &r->files[i];
		if (f->skipped || !ig_lang_parsed(f->lang)) continue;
		if (ig_syntax_parse(&f->parse, a, f->lang, f->text, f->len) == 0) ig_detect_file(a, f);
		ig_parse_release(&f->parse);
	}
	ig_detect_response(r, IG_LANG_UNKNOWN);
}

static int model__read(ig_arena *a, const char *path, ig_text *txt)
{
	ig_read_status st = ig_file_read(a, path, IG_FILE_CAP, txt);
	if (st != IG_READ_OK) {
		ig_cli_error("model", "%s: %s", path, ig_read_status_str(st));
		return -1;
	}
	return 0;
}

/* A markdown answer: its files as the task loader takes them. */
static int model__markdown(ig_arena *a, const char *path, ig_response *r)
{
	ig_text txt;
	if (model__read(a, path, &txt)) return -1;
	ig_md_doc doc;
	ig_md_extract(a, txt.data, txt.len, &doc);
	ig_md_file *mf;
	size_t n = ig_md_files(a, &doc, &mf, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		ig_file *f = IG_PUSH(a, r->files, r->n_files, r->cap_files);
		f->path = mf[i].path;
		f->path_source = mf[i].block->path ? mf[i].block->path_source : "none";
		f->lang = mf[i].lang;
		f->text = mf[i].block->code;
		f->len = mf[i].block->code_len;
		f->md_line = mf[i].block->md_line;
		f->md_source = path;
		f->truncated = !mf[i].block->closed;
	}
	return 0;
}

/* ---- values ---- */

#define MODEL_JSON_DEPTH 16

static void model__json_span(ig_jsonw *w, const ig_model_span *s)
{
	ig_jsonw_kint(w, "file", s->file_id);
	ig_jsonw_kline(w, "line", s->line);
	ig_jsonw_kline(w, "end_line", s->end_line);
}

static void model__json_value(ig_jsonw *w, const ig_model_value *v, int depth)
{
	if (!v) {
		ig_jsonw_null(w);
		return;
	}
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "kind", ig_model_vkind_name(v->kind));
	if (v->prov != IG_PROV_EXPLICIT) ig_jsonw_kstr(w, "provenance", ig_model_prov_name(v->prov));
	switch (v->kind) {
	case IG_MV_BOOL: ig_jsonw_kbool(w, "value", v->b); break;
	case IG_MV_NUMBER: ig_jsonw_key(w, "value"); ig_jsonw_num(w, v->num); break;
	case IG_MV_STRING: ig_jsonw_kstr(w, "value", v->text); break;
	case IG_MV_UNRESOLVED: ig_jsonw_kstr(w, "text", v->text); break;
	case IG_MV_CALL:
		ig_jsonw_kstr(w, "name", v->text);
		if (v->member) ig_jsonw_kbool(w, "member", true);
		break;
	case IG_MV_REF:
		ig_jsonw_kstr(w, "text", v->text);
		ig_jsonw_kstr(w, "target", v->ref_target == IG_REF_RESOURCE ? "resource" : v->ref_target == IG_REF_PARAMETER ? "parameter"
								   : v->ref_target == IG_REF_PSEUDO ? "pseudo" : "unknown");
		if (v->ref_index >= 0) ig_jsonw_kint(w, "resource", v->ref_index);
		ig_jsonw_kstr(w, "name", v->ref_name);
		ig_jsonw_kstr(w, "attribute", v->ref_attr);
		break;
	default: break;
	}
	if (v->uses_env_suffix) ig_jsonw_kbool(w, "uses_env_suffix", true);
	if (v->default_source) ig_jsonw_kstr(w, "default_source", v->default_source);
	ig_jsonw_kline(w, "line", v->span.line);
	/* each level of a value is three levels of JSON: deeper than this the writer's nesting
	 * limit would be reached, so children are left out and said to be */
	if (depth >= MODEL_JSON_DEPTH && v->n && (v->kind == IG_MV_MAP || v->kind == IG_MV_LIST || v->kind == IG_MV_CALL)) {
		ig_jsonw_kbool(w, "truncated", true);
		ig_jsonw_obj_end(w);
		return;
	}
	if (v->kind == IG_MV_MAP) {
		ig_jsonw_key(w, "entries");
		ig_jsonw_arr(w);
		for (size_t i = 0; i < v->n; i++) {
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "key", v->keys[i]);
			ig_jsonw_key(w, "value");
			model__json_value(w, v->items[i], depth + 1);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_arr_end(w);
	} else if (v->kind == IG_MV_LIST || v->kind == IG_MV_CALL) {
		ig_jsonw_key(w, v->kind == IG_MV_LIST ? "items" : "arguments");
		ig_jsonw_arr(w);
		for (size_t i = 0; i < v->n; i++) model__json_value(w, v->items[i], depth + 1);
		ig_jsonw_arr_end(w);
	}
	ig_jsonw_obj_end(w);
}

/* One line of text for a value, cut at about `room` bytes. */
static void model__text_value(ig_buf *b, const ig_model *m, const ig_model_value *v, size_t stop, int depth)
{
	if (b->len > stop) return;
	if (!v) {
		ig_buf_puts(b, "null");
		return;
	}
	switch (v->kind) {
	case IG_MV_NULL: ig_buf_puts(b, "null"); break;
	case IG_MV_BOOL: ig_buf_puts(b, v->b ? "true" : "false"); break;
	case IG_MV_NUMBER: ig_buf_puts(b, v->text && *v->text ? v->text : "0"); break;
	case IG_MV_STRING: ig_buf_printf(b, "\"%s\"", v->text); break;
	case IG_MV_UNRESOLVED: ig_buf_printf(b, "(unresolved: %s)", v->text); break;
	case IG_MV_REF:
		if (v->ref_target == IG_REF_RESOURCE && v->ref_index >= 0)
			ig_buf_printf(b, "-> %s%s%s", m->resources[v->ref_index].name ? m->resources[v->ref_index].name : "?",
				      v->ref_attr ? "." : "", v->ref_attr ? v->ref_attr : "");
		else
			ig_buf_printf(b, "-> %s %s%s%s", v->ref_target == IG_REF_PARAMETER ? "parameter" : v->ref_target == IG_REF_PSEUDO ? "pseudo" : "unknown",
				      v->ref_name ? v->ref_name : "?", v->ref_attr ? "." : "", v->ref_attr ? v->ref_attr : "");
		break;
	case IG_MV_CALL:
		if (v->member) {
			ig_buf_puts(b, v->text ? v->text : "");
			break;
		}
		ig_buf_printf(b, "%s(", v->text ? v->text : "");
		for (size_t i = 0; i < v->n && depth < 8; i++) {
			if (i) ig_buf_puts(b, ", ");
			model__text_value(b, m, v->items[i], stop, depth + 1);
		}
		ig_buf_putc(b, ')');
		break;
	case IG_MV_LIST:
		ig_buf_putc(b, '[');
		for (size_t i = 0; i < v->n && depth < 8; i++) {
			if (i) ig_buf_puts(b, ", ");
			model__text_value(b, m, v->items[i], stop, depth + 1);
		}
		ig_buf_putc(b, ']');
		break;
	case IG_MV_MAP:
		ig_buf_putc(b, '{');
		for (size_t i = 0; i < v->n && depth < 8; i++) {
			ig_buf_printf(b, "%s%s = ", i ? ", " : "", v->keys[i]);
			model__text_value(b, m, v->items[i], stop, depth + 1);
		}
		ig_buf_putc(b, '}');
		break;
	}
	if (v->prov == IG_PROV_DEFAULT) ig_buf_printf(b, " (default: %s)", v->default_source ? v->default_source : "data");
}

/* ---- output ---- */

static void model__text(ig_buf *b, const char *label, const ig_response *r, const ig_model *m, bool defaults)
{
	size_t live = 0;
	for (size_t i = 0; i < m->n_resources; i++) live += ig_model_resource_live(&m->resources[i]);
	ig_buf_printf(b, "model of %s: platform %s", label, ig_platform_name(m->platform));
	if (m->platform != IG_PLAT_UNKNOWN) ig_buf_printf(b, "-%s", ig_lang_name(m->lang));
	ig_buf_printf(b, ", %zu resource%s (%zu merged into others), %zu edge%s%s\n", live, live == 1 ? "" : "s",
		      m->n_resources - live, m->n_edges, m->n_edges == 1 ? "" : "s",
		      m->uses_env_suffix ? ", uses the environment suffix" : "");
	for (size_t i = 0; i < m->n_resources; i++) {
		const ig_model_resource *res = &m->resources[i];
		ig_buf_printf(b, "\n[%d] %s  %s", res->index, res->name ? res->name : "(no name)", res->type);
		if (strcmp(res->type, res->type_written) != 0) ig_buf_printf(b, " (written %s)", res->type_written);
		ig_buf_printf(b, " -> %s", res->canonical ? res->canonical : "(no CloudFormation type)");
		if (res->canonical) ig_buf_printf(b, " [%s]", ig_model_canon_src_name(res->canonical_src));
		ig_buf_printf(b, ", %s", ig_model_level_name(res->level));
		if (res->service) ig_buf_printf(b, ", %s", res->service);
		ig_buf_printf(b, "\n    at %s:%u-%u", res->span.path ? res->span.path : "?", res->span.line, res->span.end_line);
		if (res->span.file_id >= 0 && r && (size_t)res->span.file_id < r->n_files && r->files[res->span.file_id].md_line)
			ig_buf_printf(b, " (%s line %u)", r->files[res->span.file_id].md_source ? r->files[res->span.file_id].md_source : "markdown",
				      r->files[res->span.file_id].md_line + res->span.line - 1);
		if (res->name_uses_env_suffix) ig_buf_puts(b, ", name uses the environment suffix");
		if (res->count != 1) ig_buf_printf(b, ", count %s", res->count ? "" : "unknown");
		if (res->count > 1) ig_buf_printf(b, "%d", res->count);
		if (res->condition) ig_buf_printf(b, ", if %s", res->condition);
		if (res->merged_into >= 0) ig_buf_printf(b, ", merged into [%d]", res->merged_into);
		ig_buf_putc(b, '\n');
		size_t hidden = 0;
		for (size_t k = 0; k < res->n_props; k++) {
			const ig_model_prop *p = &res->props[k];
			if (!defaults && p->value && p->value->prov == IG_PROV_DEFAULT) {
				hidden++;
				continue;
			}
			ig_buf_printf(b, "    %s = ", p->key);
			model__text_value(b, m, p->value, b->len + 300, 0);
			if (p->from) ig_buf_printf(b, "  (from %s)", p->from);
			ig_buf_putc(b, '\n');
		}
		if (hidden) ig_buf_printf(b, "    (%zu prop%s left out have a documented default: --defaults shows them)\n", hidden, hidden == 1 ? "" : "s");
	}
	if (m->n_edges) ig_buf_puts(b, "\nedges:\n");
	for (size_t i = 0; i < m->n_edges; i++) {
		const ig_model_edge *e = &m->edges[i];
		ig_buf_printf(b, "  [%d] %s -> [%d] %s%s%s (%s)%s\n", e->from, m->resources[e->from].name ? m->resources[e->from].name : "?",
			      e->to, m->resources[e->to].name ? m->resources[e->to].name : "?", e->attr ? "." : "", e->attr ? e->attr : "",
			      e->prop, e->cross_service ? ", across services" : "");
	}
	for (size_t i = 0; i < m->n_providers; i++) {
		const ig_model_provider *p = &m->providers[i];
		ig_buf_printf(b, "%sprovider %s%s%s region ", i ? "" : "\n", p->name, p->alias ? " alias " : "", p->alias ? p->alias : "");
		model__text_value(b, m, p->region, b->len + 200, 0);
		ig_buf_putc(b, '\n');
	}
	const struct { const char *label; const ig_model_named *items; size_t n; } secs[] = {
		{"parameters", m->parameters, m->n_parameters}, {"locals", m->locals, m->n_locals}, {"outputs", m->outputs, m->n_outputs}};
	for (size_t s = 0; s < 3; s++) {
		if (!secs[s].n) continue;
		ig_buf_printf(b, "\n%s:\n", secs[s].label);
		for (size_t i = 0; i < secs[s].n; i++) {
			ig_buf_printf(b, "  %s = ", secs[s].items[i].name);
			if (secs[s].items[i].value) model__text_value(b, m, secs[s].items[i].value, b->len + 200, 0);
			else ig_buf_puts(b, "(none)");
			ig_buf_putc(b, '\n');
		}
	}
	if (m->n_regions) {
		ig_buf_puts(b, "\nregions:");
		for (size_t i = 0; i < m->n_regions; i++) ig_buf_printf(b, " %s", m->regions[i]);
		ig_buf_putc(b, '\n');
	}
}

static void model__json_named(ig_jsonw *w, const char *key, const ig_model_named *items, size_t n)
{
	ig_jsonw_key(w, key);
	ig_jsonw_arr(w);
	for (size_t i = 0; i < n; i++) {
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "name", items[i].name);
		ig_jsonw_kstr(w, "type", items[i].type);
		ig_jsonw_kstr(w, "description", items[i].description);
		ig_jsonw_key(w, "value");
		model__json_value(w, items[i].value, 0);
		model__json_span(w, &items[i].span);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
}

static void model__json(ig_jsonw *w, const char *label, const char *which, const ig_response *r, const ig_model *m)
{
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "schema", "iacgrade.model");
	ig_jsonw_kint(w, "version", 1);
	ig_jsonw_kstr(w, "source", label);
	ig_jsonw_kstr(w, "response", which);
	ig_jsonw_kstr(w, "platform", ig_platform_name(m->platform));
	ig_jsonw_kstr(w, "lang", m->platform == IG_PLAT_UNKNOWN ? NULL : ig_lang_name(m->lang));
	ig_jsonw_kbool(w, "uses_env_suffix", m->uses_env_suffix);
	ig_jsonw_key(w, "files");
	ig_jsonw_arr(w);
	for (size_t i = 0; r && i < r->n_files; i++) {
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "id", (long long)i);
		ig_jsonw_kstr(w, "path", r->files[i].path);
		ig_jsonw_kstr(w, "md_source", r->files[i].md_source);
		ig_jsonw_kline(w, "md_line", r->files[i].md_line);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "resources");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < m->n_resources; i++) {
		const ig_model_resource *res = &m->resources[i];
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "index", res->index);
		ig_jsonw_kstr(w, "name", res->name);
		ig_jsonw_key(w, "name_value");
		model__json_value(w, res->name_value, 0);
		ig_jsonw_kbool(w, "name_uses_env_suffix", res->name_uses_env_suffix);
		ig_jsonw_kstr(w, "type_written", res->type_written);
		ig_jsonw_kstr(w, "type", res->type);
		ig_jsonw_kstr(w, "canonical", res->canonical);
		ig_jsonw_kstr(w, "canonical_source", ig_model_canon_src_name(res->canonical_src));
		ig_jsonw_kstr(w, "level", ig_model_level_name(res->level));
		ig_jsonw_kstr(w, "platform", ig_platform_name(res->platform));
		ig_jsonw_kstr(w, "lang", ig_lang_name(res->lang));
		ig_jsonw_kstr(w, "service", res->service);
		ig_jsonw_kint(w, "count", res->count);
		ig_jsonw_kstr(w, "condition", res->condition);
		if (res->merged_into >= 0) ig_jsonw_kint(w, "merged_into", res->merged_into);
		else {
			ig_jsonw_key(w, "merged_into");
			ig_jsonw_null(w);
		}
		model__json_span(w, &res->span);
		ig_jsonw_key(w, "merged");
		ig_jsonw_arr(w);
		for (size_t k = 0; k < res->n_merged; k++) {
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "type", res->merged[k].native_type);
			ig_jsonw_kstr(w, "name", res->merged[k].name);
			model__json_span(w, &res->merged[k].span);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_arr_end(w);
		ig_jsonw_key(w, "properties");
		ig_jsonw_arr(w);
		for (size_t k = 0; k < res->n_props; k++) {
			ig_jsonw_obj(w);
			ig_jsonw_kstr(w, "key", res->props[k].key);
			ig_jsonw_kstr(w, "folded", res->props[k].folded);
			ig_jsonw_kstr(w, "from", res->props[k].from);
			ig_jsonw_key(w, "value");
			model__json_value(w, res->props[k].value, 0);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_arr_end(w);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "edges");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < m->n_edges; i++) {
		ig_jsonw_obj(w);
		ig_jsonw_kint(w, "from", m->edges[i].from);
		ig_jsonw_kint(w, "to", m->edges[i].to);
		ig_jsonw_kstr(w, "property", m->edges[i].prop);
		ig_jsonw_kstr(w, "attribute", m->edges[i].attr);
		ig_jsonw_kbool(w, "cross_service", m->edges[i].cross_service);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "providers");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < m->n_providers; i++) {
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "name", m->providers[i].name);
		ig_jsonw_kstr(w, "alias", m->providers[i].alias);
		ig_jsonw_key(w, "region");
		model__json_value(w, m->providers[i].region, 0);
		ig_jsonw_key(w, "default_tags");
		model__json_value(w, m->providers[i].default_tags, 0);
		model__json_span(w, &m->providers[i].span);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "regions");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < m->n_regions; i++) ig_jsonw_str(w, m->regions[i]);
	ig_jsonw_arr_end(w);
	ig_jsonw_key(w, "default_tags");
	model__json_value(w, m->default_tags, 0);
	model__json_named(w, "outputs", m->outputs, m->n_outputs);
	model__json_named(w, "parameters", m->parameters, m->n_parameters);
	model__json_named(w, "locals", m->locals, m->n_locals);
	ig_jsonw_obj_end(w);
}

int ig_cmd_model(int argc, char **argv)
{
	const char *format = "text", *which = "model";
	bool defaults = false;
	char **paths = argv;
	int n_paths = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { model__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("model", argc, argv, &i, &format, "text or json");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(argv[i], "--response") == 0) {
			if (++i >= argc || (strcmp(argv[i], "model") != 0 && strcmp(argv[i], "ideal") != 0)) {
				ig_cli_error("model", "--response needs model or ideal");
				return IG_EXIT_USAGE;
			}
			which = argv[i];
		} else if (strcmp(argv[i], "--defaults") == 0) {
			defaults = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ig_cli_error("model", "unknown option '%s' (see iacgrade model --help)", argv[i]);
			return IG_EXIT_USAGE;
		} else paths[n_paths++] = argv[i];
	}
	bool json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		ig_cli_error("model", "unknown format '%s': use text or json", format);
		return IG_EXIT_USAGE;
	}
	if (!n_paths) { model__help(stderr); return IG_EXIT_USAGE; }

	ig_task t;
	ig_task_init(&t);
	ig_arena *a = &t.arena;
	ig_response files = {.name = "files", .source = "arguments", .present = true};
	const ig_response *r = &files;
	const char *label = paths[0];
	int rc = IG_EXIT_OK;
	struct stat st;
	if (n_paths == 1 && stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode)) {
		const char *err = NULL;
		if (!ig_task_dir_looks_like_task(paths[0]) || ig_task_load(&t, paths[0], &err) != 0) {
			ig_cli_error("model", "%s: %s", paths[0], err ? err : "not a task folder (no metadata.json, lib/ or response markdown)");
			ig_task_free(&t);
			return IG_EXIT_INPUT;
		}
		ig_response *resp = strcmp(which, "ideal") == 0 ? &t.ideal : &t.model;
		if (!resp->present) {
			ig_cli_error("model", "%s: the task has no %s response", paths[0], which);
			ig_task_free(&t);
			return IG_EXIT_INPUT;
		}
		model__detect(a, resp);
		r = resp;
		label = resp->source ? ig_arena_printf(a, "%s/%s", paths[0], resp->source) : paths[0];
	} else {
		which = "files";
		for (int i = 0; i < n_paths; i++) {
			ig_lang l = ig_lang_from_path(paths[i]);
			if (l == IG_LANG_MARKDOWN) {
				if (model__markdown(a, paths[i], &files)) rc = IG_EXIT_INPUT;
				continue;
			}
			ig_text txt;
			if (model__read(a, paths[i], &txt)) { rc = IG_EXIT_INPUT; continue; }
			ig_file *f = IG_PUSH(a, files.files, files.n_files, files.cap_files);
			f->path = paths[i];
			f->path_source = "arg";
			f->lang = l;
			f->text = txt.data;
			f->len = txt.len;
		}
		model__detect(a, &files);
	}
	ig_model *m = ig_model_build_response(r);
	ig_buf b = {0};
	if (json) {
		ig_jsonw w;
		ig_jsonw_init(&w, &b, true);
		model__json(&w, label, which, r, m);
		ig_buf_putc(&b, '\n');
	} else model__text(&b, label, r, m, defaults);
	if (ig_cli_emit("model", NULL, &b, !json)) rc = IG_EXIT_INPUT;
	ig_buf_free(&b);
	ig_model_free(m);
	ig_task_free(&t);
	return rc;
}
