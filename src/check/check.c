/* Dispatch of the knowledge-base checks and the helpers every family shares. */
#include "check/check.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ig_check_file(ig_check_ctx *c)
{
	const ig_file *f = c->file;
	if (f->skipped || !c->parse || !c->parse->tree) return;
	/* one line per family, each family in its own src/check/<family>*.c */
	switch (f->platform) {
	case IG_PLAT_CFN: ig_check_cfn(c); break;
	case IG_PLAT_CDK: ig_check_cdk(c); break;
	case IG_PLAT_TF: ig_check_tf(c); break;
	case IG_PLAT_CDKTF: ig_check_cdktf(c); break;
	case IG_PLAT_PULUMI: ig_check_pulumi(c); break;
	default: break;
	}
}

const ig_rule_info *ig_rule_find(const char *id)
{
	for (unsigned i = 0; i < ig_rules_count; i++)
		if (strcmp(ig_rules[i].id, id) == 0) return &ig_rules[i];
	return NULL;
}

static ig_severity check__severity(const char *s)
{
	if (s && strcmp(s, "error") == 0) return IG_SEV_ERROR;
	if (s && strcmp(s, "warning") == 0) return IG_SEV_WARNING;
	return IG_SEV_INFO;
}

ig_finding *ig_check_report(ig_check_ctx *c, const char *rule, unsigned line, const char *fix, const char *fmt, ...)
{
	const ig_rule_info *info = ig_rule_find(rule);
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	const ig_file *f = c->file;
	unsigned md_line = f->md_line && line ? f->md_line + line - 1 : 0;
	/* A rule missing from the registry is a programming error: keep the
	 * finding (never lose it) but make it visible as an error. */
	ig_finding *fd = ig_task_add_finding(c->task, rule, info ? info->category : 0,
					     info ? check__severity(info->severity) : IG_SEV_ERROR, c->response, f->path,
					     line, md_line, "%s", msg);
	if (fd && fix) fd->fix = ig_arena_strdup(&c->task->arena, fix);
	return fd;
}

const char *ig_check_suggest_names(ig_check_ctx *c, const char *const *names, size_t n)
{
	if (!n) return NULL;
	char buf[1024];
	size_t used = 0;
	buf[0] = 0;
	for (size_t i = 0; i < n && used + 4 < sizeof buf; i++) {
		int w = snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", names[i]);
		if (w < 0) break;
		used += (size_t)w < sizeof buf - used ? (size_t)w : sizeof buf - used - 1;
	}
	return ig_arena_strdup(&c->task->arena, buf);
}

const char *ig_check_suggest(ig_check_ctx *c, const ig_kb *kb, const ig_kb_entry *const *near, size_t n)
{
	const char *names[16];
	if (n > 16) n = 16;
	for (size_t i = 0; i < n; i++) names[i] = ig_kb_name(kb, near[i]);
	return ig_check_suggest_names(c, names, n);
}
