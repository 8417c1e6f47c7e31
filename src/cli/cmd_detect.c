/* iacgrade detect FILE...: platform, language, resources and services of
 * plain code files, one by one and together (as one response). */
#include "cli/cli.h"
#include "detect/detect.h"
#include "task/role.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/jsonw.h"
#include <stdio.h>
#include <string.h>

static void detect__help(FILE *out)
{
	fputs("usage: iacgrade detect FILE... [--format text|json] [--hint LANG]\n"
	      "       iacgrade detect --fold SPELLING...\n\n"
	      "Reads each code file and shows its language (from the extension), the platform and platform\n"
	      "language detected from its code (imports of aws-cdk-lib, cdktf, @pulumi/aws...; the structure of\n"
	      "CloudFormation templates, Terraform blocks and CI/CD pipelines; boto3 scripts), the AWS resources\n"
	      "it declares (type, logical name, line, canonical service) and its services. With several files,\n"
	      "also the verdict for all of them together, as for the code of one answer.\n\n"
	      "options:\n"
	      "  --format F   text (default) or json\n"
	      "  --hint LANG  language that breaks a tie between languages in the joint verdict (yaml, json...)\n"
	      "  --fold       the arguments are service spellings (as in metadata aws_services): print each\n"
	      "               with its canonical service, tab-separated, or '-' when it folds to none\n\n"
	      "exit codes: 0 every file read; 2 usage; 3 a file could not be read (the others are still shown).\n\n"
	      "examples:\n"
	      "  iacgrade detect lib/tap-stack.ts\n"
	      "  iacgrade detect lib/*.tf --format json\n"
	      "  iacgrade detect lib/TapStack.yml lib/TapStack.json --hint json\n"
	      "  iacgrade detect --fold 'Amazon S3' ALB 'Parameter Store' AWS::EC2::Subnet\n", out);
}

static void detect__text_file(ig_buf *b, const ig_file *f)
{
	ig_buf_printf(b, "%s: lang %s, platform %s", f->path, ig_lang_name(f->lang), ig_platform_name(f->platform));
	if (f->platform != IG_PLAT_UNKNOWN) ig_buf_printf(b, "-%s", ig_lang_name(f->platform_lang));
	ig_buf_printf(b, ", %zu resource%s\n", f->n_resources, f->n_resources == 1 ? "" : "s");
	for (size_t i = 0; i < f->n_resources; i++) {
		const ig_resource *r = &f->resources[i];
		ig_buf_printf(b, "  %5u  %-40s %-30s %s\n", r->line, r->native_type, r->name ? r->name : "-",
			      r->service ? r->service : "?");
	}
}

static void detect__text_services(ig_buf *b, const char *label, const ig_response *r)
{
	ig_buf_printf(b, "%s", label);
	for (size_t i = 0; i < r->n_services; i++) ig_buf_printf(b, "%s%s", i ? ", " : " ", r->services[i]);
	if (!r->n_services) ig_buf_puts(b, " (none)");
	ig_buf_putc(b, '\n');
}

static void detect__json_services(ig_jsonw *w, const ig_response *r)
{
	ig_jsonw_key(w, "services");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < r->n_services; i++) ig_jsonw_str(w, r->services[i]);
	ig_jsonw_arr_end(w);
}

static void detect__json_file(ig_jsonw *w, ig_arena *a, ig_file *f)
{
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "path", f->path);
	ig_jsonw_kstr(w, "lang", ig_lang_name(f->lang));
	ig_jsonw_kstr(w, "platform", ig_platform_name(f->platform));
	ig_jsonw_kstr(w, "platform_lang", f->platform == IG_PLAT_UNKNOWN ? NULL : ig_lang_name(f->platform_lang));
	ig_jsonw_key(w, "resources");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < f->n_resources; i++) {
		const ig_resource *r = &f->resources[i];
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "type", r->native_type);
		ig_jsonw_kstr(w, "name", r->name);
		ig_jsonw_kint(w, "line", r->line);
		ig_jsonw_kstr(w, "service", r->service);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_arr_end(w);
	ig_response one = {.files = f, .n_files = 1, .present = true};
	ig_detect_response(&one, IG_LANG_UNKNOWN);
	ig_services_collect(a, &one);
	detect__json_services(w, &one);
	ig_jsonw_obj_end(w);
}

/* Read and detect one file; returns 0, or -1 when it cannot be read. */
static int detect__load(ig_arena *a, const char *path, ig_file *f)
{
	memset(f, 0, sizeof *f);
	f->path = path;
	f->path_source = "arg";
	f->lang = ig_lang_from_path(path);
	/* cdk.json, cdktf.json, Pulumi.yaml name the platform, they are not code */
	const char *base = strrchr(path, '/');
	if (ig_role_is_project_name(base ? base + 1 : path)) f->role = IG_ROLE_PROJECT;
	ig_text txt;
	ig_read_status st = ig_file_read(a, path, IG_FILE_CAP, &txt);
	if (st != IG_READ_OK) {
		ig_cli_error("detect", "%s: %s", path, ig_read_status_str(st));
		return -1;
	}
	f->text = txt.data;
	f->len = txt.len;
	if (ig_lang_parsed(f->lang)) ig_syntax_parse(&f->parse, a, f->lang, f->text, f->len);
	ig_detect_file(a, f);
	return 0;
}

int ig_cmd_detect(int argc, char **argv)
{
	const char *format = "text";
	bool fold = false;
	ig_lang hint = IG_LANG_UNKNOWN;
	char **paths = argv; /* argv outlives the command */
	int n_paths = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { detect__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("detect", argc, argv, &i, &format, "text or json");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(argv[i], "--hint") == 0) {
			if (++i >= argc) { ig_cli_error("detect", "--hint needs a language (yaml, json, ts...)"); return IG_EXIT_USAGE; }
			hint = ig_lang_from_tag(argv[i], strlen(argv[i]));
		} else if (strcmp(argv[i], "--fold") == 0) {
			fold = true;
		} else if (argv[i][0] == '-' && argv[i][1] && !fold) {
			ig_cli_error("detect", "unknown option '%s' (see iacgrade detect --help)", argv[i]);
			return IG_EXIT_USAGE;
		} else {
			paths[n_paths++] = argv[i];
		}
	}
	if (!n_paths) { detect__help(stderr); return IG_EXIT_USAGE; }
	if (fold) {
		for (int i = 0; i < n_paths; i++) {
			const char *c = ig_service_fold(paths[i], strlen(paths[i]));
			ig_buf line = {0};
			ig_buf_printf(&line, "%s\t%s\n", paths[i], c ? c : "-");
			ig_cli_emit("detect", NULL, &line, true);
			ig_buf_free(&line);
		}
		return IG_EXIT_OK;
	}
	bool json = strcmp(format, "json") == 0;
	if (!json && strcmp(format, "text") != 0) {
		ig_cli_error("detect", "unknown format '%s': use text or json", format);
		return IG_EXIT_USAGE;
	}
	ig_arena a;
	ig_arena_init(&a);
	ig_response all = {.name = "files", .source = "arguments", .present = true};
	int rc = IG_EXIT_OK;
	for (int i = 0; i < n_paths; i++) {
		ig_file f;
		if (detect__load(&a, paths[i], &f) != 0) { rc = IG_EXIT_INPUT; continue; }
		ig_parse_release(&f.parse);
		*IG_PUSH(&a, all.files, all.n_files, all.cap_files) = f;
	}
	ig_detect_response(&all, hint);
	ig_services_collect(&a, &all);

	ig_buf b = {0};
	if (json) {
		ig_jsonw w;
		ig_jsonw_init(&w, &b, true);
		ig_jsonw_obj(&w);
		ig_jsonw_key(&w, "files");
		ig_jsonw_arr(&w);
		for (size_t i = 0; i < all.n_files; i++) detect__json_file(&w, &a, &all.files[i]);
		ig_jsonw_arr_end(&w);
		ig_jsonw_key(&w, "together");
		ig_jsonw_obj(&w);
		ig_jsonw_kstr(&w, "platform", ig_platform_name(all.platform));
		ig_jsonw_kstr(&w, "lang", all.platform == IG_PLAT_UNKNOWN ? NULL : ig_lang_name(all.lang));
		detect__json_services(&w, &all);
		ig_jsonw_obj_end(&w);
		ig_jsonw_obj_end(&w);
		ig_buf_putc(&b, '\n');
	} else {
		for (size_t i = 0; i < all.n_files; i++) {
			ig_file *f = &all.files[i];
			detect__text_file(&b, f);
			ig_response one = {.files = f, .n_files = 1, .present = true};
			ig_detect_response(&one, IG_LANG_UNKNOWN);
			ig_services_collect(&a, &one);
			detect__text_services(&b, "  services:", &one);
		}
		if (all.n_files > 1) {
			ig_buf_printf(&b, "together: platform %s", ig_platform_name(all.platform));
			if (all.platform != IG_PLAT_UNKNOWN) ig_buf_printf(&b, "-%s", ig_lang_name(all.lang));
			ig_buf_putc(&b, '\n');
			detect__text_services(&b, "  services:", &all);
		}
	}
	if (ig_cli_emit("detect", NULL, &b, !json)) rc = IG_EXIT_INPUT;
	ig_buf_free(&b);
	ig_arena_free(&a);
	return rc;
}
