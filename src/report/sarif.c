/* SARIF 2.1.0 (OASIS) for `task` and `check`: one run, the rules that fired as
 * reportingDescriptors, one result per finding. The category and the fix go in properties: SARIF
 * fixes need byte-exact replacements, which a "did you mean" is not. A task's review (its score,
 * and the fixes the ideal made) is the run's properties, the same objects as in the JSON report:
 * the results stay the findings, what a code host shows as alerts. */
#include "check/check.h"
#include "diff/diff.h"
#include "report/report.h"
#include <stdlib.h>
#include <string.h>

static const char *sarif__level(ig_severity s)
{
	return s == IG_SEV_ERROR ? "error" : s == IG_SEV_WARNING ? "warning" : "note";
}

/* A path as a URI reference (RFC 3986): every byte but the unreserved ones, '/' and the
 * sub-delimiters percent-encoded, ':' too (it would read as a scheme in a first segment). */
static void sarif__uri(ig_jsonw *w, const char *dir, const char *path)
{
	ig_buf joined = {0}, uri = {0};
	ig_report_join(&joined, dir, path);
	for (size_t i = 0; i < joined.len; i++) {
		unsigned char c = (unsigned char)joined.data[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/!$&'()*+,;=@", c))
			ig_buf_putc(&uri, (char)c);
		else
			ig_buf_printf(&uri, "%%%02X", c);
	}
	ig_jsonw_key(w, "uri");
	ig_jsonw_strn(w, uri.data ? uri.data : "", uri.len);
	ig_buf_free(&joined);
	ig_buf_free(&uri);
}

static void sarif__text(ig_jsonw *w, const char *key, const char *text)
{
	ig_jsonw_key(w, key);
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "text", text);
	ig_jsonw_obj_end(w);
}

static void sarif__category(ig_jsonw *w, char category)
{
	ig_jsonw_key(w, "category");
	if (category) ig_jsonw_strn(w, &category, 1); else ig_jsonw_null(w);
}

static void sarif__rule(ig_jsonw *w, const char *id)
{
	const ig_rule_info *info = ig_rule_find(id);
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "id", id);
	sarif__text(w, "shortDescription", info ? info->title : id);
	if (info) {
		if (info->impact) sarif__text(w, "fullDescription", info->impact);
		/* helpUri must be an absolute URI: the authoritative page when the rule names one; the
		 * project's own documentation is a path in the sources, so it goes in help and properties */
		if (info->reference) ig_jsonw_kstr(w, "helpUri", info->reference);
		ig_buf help = {0};
		ig_buf_printf(&help, "Documented in %s of the iacgrade sources.", info->doc);
		sarif__text(w, "help", help.data);
		ig_buf_free(&help);
		ig_jsonw_key(w, "defaultConfiguration");
		ig_jsonw_obj(w);
		ig_jsonw_kstr(w, "level", sarif__level(strcmp(info->severity, "error") == 0     ? IG_SEV_ERROR
							: strcmp(info->severity, "warning") == 0 ? IG_SEV_WARNING
												   : IG_SEV_INFO));
		ig_jsonw_obj_end(w);
		ig_jsonw_key(w, "properties");
		ig_jsonw_obj(w);
		sarif__category(w, info->category);
		ig_jsonw_kstr(w, "doc", info->doc);
		ig_jsonw_obj_end(w);
	}
	ig_jsonw_obj_end(w);
}

static void sarif__result(ig_jsonw *w, const ig_task *t, const ig_finding *fd, const char *dir, long rule_index)
{
	const char *label = ig_report_response_label(fd->response);
	ig_place at;
	ig_report_place(t, fd, &at);
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "ruleId", fd->rule);
	if (rule_index >= 0) ig_jsonw_kint(w, "ruleIndex", rule_index);
	ig_jsonw_kstr(w, "level", sarif__level(fd->severity));
	ig_buf msg = {0};
	if (label) ig_buf_puts(&msg, label);
	if (label && at.code_file) ig_buf_printf(&msg, at.code_line ? ", %s:%u" : ", %s", at.code_file, at.code_line);
	if (label) ig_buf_puts(&msg, ": ");
	ig_buf_puts(&msg, fd->message);
	sarif__text(w, "message", msg.data);
	ig_buf_free(&msg);
	if (at.file) {
		ig_jsonw_key(w, "locations");
		ig_jsonw_arr(w);
		ig_jsonw_obj(w);
		ig_jsonw_key(w, "physicalLocation");
		ig_jsonw_obj(w);
		ig_jsonw_key(w, "artifactLocation");
		ig_jsonw_obj(w);
		sarif__uri(w, dir, at.file);
		ig_jsonw_obj_end(w);
		if (at.line) {
			ig_jsonw_key(w, "region");
			ig_jsonw_obj(w);
			ig_jsonw_kint(w, "startLine", at.line);
			ig_jsonw_obj_end(w);
		}
		ig_jsonw_obj_end(w);
		ig_jsonw_obj_end(w);
		ig_jsonw_arr_end(w);
	}
	ig_jsonw_key(w, "properties");
	ig_jsonw_obj(w);
	sarif__category(w, fd->category);
	ig_jsonw_kstr(w, "fix", fd->fix);
	if (label) {
		ig_jsonw_kstr(w, "response", fd->response);
		ig_jsonw_kstr(w, "file", fd->file); /* the extracted code's place, as in the JSON report */
		ig_jsonw_kline(w, "line", fd->line);
		ig_jsonw_kline(w, "md_line", fd->md_line);
	}
	ig_jsonw_obj_end(w);
	ig_jsonw_obj_end(w);
}

/* The task under review, its score and the fixes of the ideal, as in the JSON report. */
static void sarif__review(ig_jsonw *w, const ig_task *t, const char *dir)
{
	ig_jsonw_key(w, "properties");
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "task", dir);
	ig_jsonw_kstr(w, "platform", t->platform == IG_PLAT_UNKNOWN ? NULL : ig_platform_name(t->platform));
	ig_jsonw_kstr(w, "language", t->lang == IG_LANG_UNKNOWN ? NULL : ig_lang_name(t->lang));
	if (t->diff) ig_report_diff_json(w, t->diff);
	ig_report_json_score(w, t);
	ig_jsonw_obj_end(w);
}

void ig_report_sarif(ig_jsonw *w, const ig_task *t, const char *dir, const char *version)
{
	const char **fired = ig_xmalloc((t->n_findings + 1) * sizeof *fired);
	size_t n_fired = 0;
	for (size_t i = 0; i < t->n_findings; i++) {
		size_t j = 0;
		while (j < n_fired && strcmp(fired[j], t->findings[i].rule) != 0) j++;
		if (j == n_fired) fired[n_fired++] = t->findings[i].rule;
	}
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	ig_jsonw_kstr(w, "version", "2.1.0");
	ig_jsonw_key(w, "runs");
	ig_jsonw_arr(w);
	ig_jsonw_obj(w);
	ig_jsonw_key(w, "tool");
	ig_jsonw_obj(w);
	ig_jsonw_key(w, "driver");
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "name", "iacgrade");
	ig_jsonw_kstr(w, "version", version);
	ig_jsonw_key(w, "rules");
	ig_jsonw_arr(w);
	for (size_t j = 0; j < n_fired; j++) sarif__rule(w, fired[j]);
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
	ig_jsonw_obj_end(w);
	ig_jsonw_key(w, "results");
	ig_jsonw_arr(w);
	for (size_t i = 0; i < t->n_findings; i++) {
		size_t j = 0;
		while (j < n_fired && strcmp(fired[j], t->findings[i].rule) != 0) j++;
		sarif__result(w, t, &t->findings[i], dir, (long)j);
	}
	ig_jsonw_arr_end(w);
	if (dir) sarif__review(w, t, dir);
	ig_jsonw_obj_end(w);
	ig_jsonw_arr_end(w);
	ig_jsonw_obj_end(w);
	free(fired);
}

void ig_report_check_sarif(ig_jsonw *w, const ig_task *t, const ig_response *r, const char *version)
{
	(void)r;
	ig_report_sarif(w, t, NULL, version);
}
