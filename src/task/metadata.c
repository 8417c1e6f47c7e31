#include "task/metadata.h"
#include "syntax/jsonval.h"
#include "util/file.h"
#include "util/strutil.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the task-relative path findings name: metadata.json, or lib/metadata.json
 * where a task keeps it there */
#define MD_FILE (t->meta.path ? t->meta.path : "metadata.json")

ig_lang ig_metadata_lang(const char *s, size_t n)
{
	/* "cdk-typescript" style values carry the language after the dash */
	const char *dash = memchr(s, '-', n);
	if (dash) { n -= (size_t)(dash + 1 - s); s = dash + 1; }
	ig_lang l = ig_lang_from_tag(s, n);
	return l == IG_LANG_TSX ? IG_LANG_TS : l;
}

static void meta__type_finding(ig_task *t, const ig_jval *v, const char *key, const char *want, const char *what_now)
{
	ig_task_add_finding(t, IG_RULE_INPUT_METADATA_TYPE, 0, IG_SEV_WARNING, NULL, MD_FILE, v->line, 0,
			    "metadata.json: \"%s\" is a %s, expected %s; %s", key, ig_jtype_name(v->type), want, what_now);
}

static const char *meta__string(ig_task *t, const ig_jval *root, const char *key)
{
	const ig_jval *v = ig_json_get(root, key);
	if (!v || v->type == IG_JNULL) return NULL;
	if (v->type == IG_JSTR) return v->str;
	if (v->type == IG_JARR && v->n > 0 && v->items[0]->type == IG_JSTR) {
		meta__type_finding(t, v, key, "a string", "its first element is used");
		return v->items[0]->str;
	}
	meta__type_finding(t, v, key, "a string", "it is ignored");
	return NULL;
}

/* "S3, Lambda" or "[\"S3\", \"Lambda\"]" given as one string: split it. */
static void meta__split_services(ig_task *t, const char *s)
{
	ig_metadata *m = &t->meta;
	size_t cap = 0;
	const char *p = s;
	while (*p) {
		while (*p && (isspace((unsigned char)*p) || strchr(",;[]\"'", *p))) p++;
		const char *start = p;
		while (*p && !strchr(",;[]\"\n", *p)) p++;
		ig_slice sl = ig_slice_trim((ig_slice){start, (size_t)(p - start)});
		if (sl.n) *IG_PUSH(&t->arena, m->aws_services, m->n_aws_services, cap) = ig_arena_strndup(&t->arena, sl.p, sl.n);
	}
}

static void meta__services(ig_task *t, const ig_jval *root)
{
	const ig_jval *v = ig_json_get(root, "aws_services");
	ig_metadata *m = &t->meta;
	if (!v || v->type == IG_JNULL) return;
	if (v->type == IG_JSTR) {
		meta__type_finding(t, v, "aws_services", "a list", "it is split on commas");
		meta__split_services(t, v->str);
		return;
	}
	if (v->type != IG_JARR) {
		meta__type_finding(t, v, "aws_services", "a list", "it is ignored");
		return;
	}
	size_t cap = 0;
	for (size_t i = 0; i < v->n; i++) {
		const ig_jval *it = v->items[i];
		if (it->type == IG_JSTR) {
			*IG_PUSH(&t->arena, m->aws_services, m->n_aws_services, cap) = it->str;
		} else {
			ig_task_add_finding(t, IG_RULE_INPUT_METADATA_TYPE, 0, IG_SEV_WARNING, NULL, MD_FILE, it->line, 0,
					    "metadata.json: aws_services[%zu] is a %s, expected a string; it is ignored",
					    i, ig_jtype_name(it->type));
		}
	}
}

static void meta__training_quality(ig_task *t, const ig_jval *root)
{
	const ig_jval *v = ig_json_get(root, "training_quality");
	ig_metadata *m = &t->meta;
	if (!v || v->type == IG_JNULL) return;
	double q;
	if (v->type == IG_JNUM) {
		q = v->num;
	} else if (v->type == IG_JSTR) {
		char *end;
		q = strtod(v->str, &end);
		if (end == v->str || *end) {
			meta__type_finding(t, v, "training_quality", "a number from 0 to 10", "it is ignored");
			return;
		}
		meta__type_finding(t, v, "training_quality", "a number", "its numeric value is used");
	} else {
		meta__type_finding(t, v, "training_quality", "a number from 0 to 10", "it is ignored");
		return;
	}
	if (!isfinite(q) || q < 0 || q > 10) {
		ig_task_add_finding(t, IG_RULE_INPUT_METADATA_TYPE, 0, IG_SEV_WARNING, NULL, MD_FILE, v->line, 0,
				    "metadata.json: training_quality %g is outside 0-10; it is ignored", q);
		return;
	}
	if (q > 0 && q < 1) {
		/* 0.95 is a fraction, not a score of 0.95 out of 10: keep it out of comparisons */
		ig_task_add_finding(t, IG_RULE_INPUT_METADATA_TYPE, 0, IG_SEV_WARNING, NULL, MD_FILE, v->line, 0,
				    "metadata.json: training_quality %g looks like a 0-1 fraction, not a 0-10 score; it is ignored", q);
		return;
	}
	m->has_training_quality = true;
	m->training_quality = q;
}

void ig_metadata_load(ig_task *t, const char *path)
{
	ig_metadata *m = &t->meta;
	ig_text txt;
	ig_read_status st = ig_file_read(&t->arena, path, (size_t)1 << 20, &txt);
	if (st == IG_READ_MISSING) {
		ig_task_add_finding(t, IG_RULE_INPUT_MISSING_FILE, 0, IG_SEV_WARNING, NULL, MD_FILE, 0, 0,
				    "metadata.json is missing: declared platform, language and services are unknown");
		return;
	}
	m->present = true;
	if (st != IG_READ_OK) {
		ig_task_add_finding(t, IG_RULE_INPUT_UNREADABLE, 0, IG_SEV_ERROR, NULL, MD_FILE, 0, 0,
				    "metadata.json: %s", ig_read_status_str(st));
		return;
	}
	ig_metadata_parse(t, txt.data, txt.len);
}

void ig_metadata_parse(ig_task *t, const char *text, size_t len)
{
	ig_metadata *m = &t->meta;
	ig_parse p;
	ig_syntax_parse(&p, &t->arena, IG_LANG_JSON, text, len);
	ig_jval *root = ig_json_value(&t->arena, &p);
	ig_parse_release(&p);
	/* one finding: either what could be read is used, or nothing is */
	bool object = root && root->type == IG_JOBJ;
	if (p.n_errors_total && object)
		ig_task_add_finding(t, IG_RULE_INPUT_METADATA_JSON, 0, IG_SEV_WARNING, NULL, MD_FILE, p.errors[0].line, 0,
				    "metadata.json is not valid JSON (%zu error%s, first at line %u column %u); the keys that "
				    "could be read are used", p.n_errors_total, p.n_errors_total == 1 ? "" : "s",
				    p.errors[0].line, p.errors[0].col);
	else if (p.n_errors_total)
		ig_task_add_finding(t, IG_RULE_INPUT_METADATA_JSON, 0, IG_SEV_ERROR, NULL, MD_FILE, p.errors[0].line, 0,
				    "metadata.json is not valid JSON (%zu error%s, first at line %u column %u) and holds no "
				    "readable object: it is ignored", p.n_errors_total, p.n_errors_total == 1 ? "" : "s",
				    p.errors[0].line, p.errors[0].col);
	else if (!object)
		ig_task_add_finding(t, IG_RULE_INPUT_METADATA_JSON, 0, IG_SEV_ERROR, NULL, MD_FILE, root ? root->line : 1, 0,
				    "metadata.json holds %s, not an object: it is ignored",
				    root ? ig_jtype_name(root->type) : "no JSON value");
	if (!object) return;
	m->parsed = true;
	m->platform_raw = meta__string(t, root, "platform");
	m->language_raw = meta__string(t, root, "language");
	m->complexity = meta__string(t, root, "complexity");
	m->subtask = meta__string(t, root, "subtask");
	if (m->platform_raw) {
		m->platform = ig_platform_from_name(m->platform_raw, strlen(m->platform_raw));
		if (m->platform == IG_PLAT_UNKNOWN)
			ig_task_add_finding(t, IG_RULE_INPUT_METADATA_VALUE, 0, IG_SEV_WARNING, NULL, MD_FILE, 0, 0,
					    "metadata.json: unknown platform \"%s\"", m->platform_raw);
	}
	if (m->language_raw) {
		m->language = ig_metadata_lang(m->language_raw, strlen(m->language_raw));
		if (m->language == IG_LANG_UNKNOWN)
			ig_task_add_finding(t, IG_RULE_INPUT_METADATA_VALUE, 0, IG_SEV_WARNING, NULL, MD_FILE, 0, 0,
					    "metadata.json: unknown language \"%s\"", m->language_raw);
	}
	/* "cdk-typescript" in platform and nothing in language */
	if (m->language == IG_LANG_UNKNOWN && m->platform_raw && strchr(m->platform_raw, '-'))
		m->language = ig_metadata_lang(m->platform_raw, strlen(m->platform_raw));
	meta__services(t, root);
	meta__training_quality(t, root);
}
