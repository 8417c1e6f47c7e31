#include "task/types.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const platform__names[IG_PLAT_COUNT] = {
	"unknown", "cdk", "cdktf", "pulumi", "cfn", "tf", "cicd", "analysis",
};

static const char *const role__names[IG_ROLE_COUNT] = {"iac", "entry", "project", "test", "doc"};

const char *ig_role_name(ig_role r)
{
	return (r >= 0 && r < IG_ROLE_COUNT) ? role__names[r] : "iac";
}

const char *ig_platform_name(ig_platform p)
{
	return (p >= 0 && p < IG_PLAT_COUNT) ? platform__names[p] : "unknown";
}

ig_platform ig_platform_from_name(const char *s, size_t n)
{
	static const struct { const char *name; ig_platform p; } names[] = {
		{"cdk", IG_PLAT_CDK}, {"aws-cdk", IG_PLAT_CDK}, {"awscdk", IG_PLAT_CDK},
		{"cdktf", IG_PLAT_CDKTF}, {"cdk-tf", IG_PLAT_CDKTF}, {"cdk-terraform", IG_PLAT_CDKTF},
		{"pulumi", IG_PLAT_PULUMI},
		{"cfn", IG_PLAT_CFN}, {"cloudformation", IG_PLAT_CFN}, {"cloud-formation", IG_PLAT_CFN},
		{"tf", IG_PLAT_TF}, {"terraform", IG_PLAT_TF},
		{"cicd", IG_PLAT_CICD}, {"ci-cd", IG_PLAT_CICD}, {"ci/cd", IG_PLAT_CICD},
		{"analysis", IG_PLAT_ANALYSIS},
	};
	/* "cdk-typescript", "cloudformation-yaml": the platform is the part before '-'
	 * unless the whole spelling is a known name. */
	for (int pass = 0; pass < 2; pass++) {
		size_t m = n;
		if (pass == 1) {
			const char *dash = memchr(s, '-', n);
			if (!dash) break;
			m = (size_t)(dash - s);
		}
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (strlen(names[i].name) == m && strncasecmp(names[i].name, s, m) == 0) return names[i].p;
	}
	return IG_PLAT_UNKNOWN;
}

const char *ig_severity_name(ig_severity s)
{
	switch (s) {
	case IG_SEV_INFO: return "info";
	case IG_SEV_WARNING: return "warning";
	case IG_SEV_ERROR: return "error";
	}
	return "info";
}

ig_finding *ig_task_add_finding(ig_task *t, const char *rule, char category, ig_severity sev,
				const char *response, const char *file, unsigned line, unsigned md_line,
				const char *fmt, ...)
{
	ig_finding *f = IG_PUSH(&t->arena, t->findings, t->n_findings, t->cap_findings);
	f->rule = rule;
	f->category = category;
	f->severity = sev;
	f->response = response;
	f->file = file ? ig_arena_strdup(&t->arena, file) : NULL;
	f->line = line;
	f->md_line = md_line;
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = ig_arena_alloc(&t->arena, (size_t)(n > 0 ? n : 0) + 1);
	vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap2);
	va_end(ap2);
	f->message = msg;
	return f;
}
