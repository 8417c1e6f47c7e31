/* A response's platform and language: a vote of its files. Files written
 * with an IaC framework or template decide; a pipeline or an analysis script
 * decides only when there is no IaC at all (a CDK project may ship a Lambda
 * handler that imports boto3, or a workflow file). Each file weighs one plus
 * its resources, so the main stack outweighs a helper that only imports.
 * A tie between languages (a template kept as both TapStack.yml and a
 * converted TapStack.json) goes to the hint: the language of the documented
 * answer. */
#include "detect/detect.h"
#include <string.h>

static bool resp__is_iac(ig_platform p)
{
	return p == IG_PLAT_CDK || p == IG_PLAT_CDKTF || p == IG_PLAT_PULUMI || p == IG_PLAT_CFN || p == IG_PLAT_TF;
}

void ig_detect_response(ig_response *r, ig_lang hint)
{
	size_t weight[IG_PLAT_COUNT][IG_LANG_COUNT];
	memset(weight, 0, sizeof weight);
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		if (f->platform == IG_PLAT_UNKNOWN) continue;
		weight[f->platform][f->platform_lang] += 1 + f->n_resources;
	}
	ig_platform best_p = IG_PLAT_UNKNOWN;
	ig_lang best_l = IG_LANG_UNKNOWN;
	size_t best = 0;
	for (int pass = 0; pass < 3 && !best; pass++) {
		for (int p = 1; p < IG_PLAT_COUNT; p++) {
			bool eligible = pass == 0 ? resp__is_iac((ig_platform)p) : pass == 1 ? p == IG_PLAT_CICD : p == IG_PLAT_ANALYSIS;
			if (!eligible) continue;
			size_t total = 0;
			for (int l = 0; l < IG_LANG_COUNT; l++) total += weight[p][l];
			if (total > best) { best = total; best_p = (ig_platform)p; }
		}
	}
	if (best_p != IG_PLAT_UNKNOWN) {
		size_t top = 0;
		for (int l = 0; l < IG_LANG_COUNT; l++)
			if (weight[best_p][l] > top || (weight[best_p][l] == top && top && l == (int)hint)) {
				top = weight[best_p][l];
				best_l = (ig_lang)l;
			}
	}
	/* A CloudFormation template kept both as YAML and as JSON is one template
	 * in two forms (tests load the JSON converted from the YAML): the hint
	 * decides, and without one the YAML, the form people write. */
	if (best_p == IG_PLAT_CFN && weight[best_p][IG_LANG_YAML] && weight[best_p][IG_LANG_JSON])
		best_l = hint == IG_LANG_JSON ? IG_LANG_JSON : IG_LANG_YAML;
	r->platform = best_p;
	r->lang = best_l;
}
