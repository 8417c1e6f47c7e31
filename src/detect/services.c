/* Canonical AWS services: the CloudFormation namespace of a resource's type,
 * with EC2 networking reported as "VPC". Namespaces and service short names
 * come from @aws-cdk/aws-service-spec (generated table); the few Terraform
 * prefixes and metadata spellings no rule reaches come from data/services/. */
#include "detect/detect.h"
#include "detect/aws_types.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Lowercase letters and digits of s[0..n) into out (cap bytes). */
static size_t svc__fold(char *out, size_t cap, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++)
		if (isalnum((unsigned char)s[i])) out[k++] = (char)tolower((unsigned char)s[i]);
	out[k] = 0;
	return k;
}

static const char *svc__networking(const char *folded_resource)
{
	for (unsigned i = 0; i < ig_svc_networking_count; i++) {
		const char *k = ig_svc_networking[i].key;
		if (strncmp(folded_resource, k, strlen(k)) == 0) return "VPC";
	}
	return NULL;
}

/* A snake name whose leading words are an EC2 networking resource:
 * "route_table_association" (route), "vpc_security_group_ingress_rule" (vpc);
 * whole words only, so "route53_zone" and "vpclattice_service" are not. */
static bool svc__networking_words(const char *snake)
{
	char folded[128];
	size_t k = 0;
	for (size_t i = 0;; i++) {
		char c = snake[i];
		if (c == '_' || c == 0) {
			folded[k] = 0;
			for (unsigned j = 0; j < ig_svc_networking_count; j++)
				if (strcmp(folded, ig_svc_networking[j].key) == 0) return true;
			if (!c) return false;
		} else if (isalnum((unsigned char)c) && k + 1 < sizeof folded) {
			folded[k++] = (char)tolower((unsigned char)c);
		}
	}
}

/* A namespace given in any case ("s3", "S3", "dynamodb") to its canonical spelling. */
static const char *svc__namespace(const char *folded)
{
	for (unsigned i = 0; i < ig_aws_services_count; i++) {
		char f[64];
		svc__fold(f, sizeof f, ig_aws_services[i].ns, strlen(ig_aws_services[i].ns));
		if (strcmp(f, folded) == 0 || strcmp(ig_aws_services[i].short_name, folded) == 0) return ig_aws_services[i].ns;
	}
	if (strcmp(folded, "vpc") == 0) return "VPC";
	return NULL;
}

/* "AWS::EC2::Subnet" -> VPC, "AWS::S3::Bucket" -> S3 */
static const char *svc__of_cfn(const char *type)
{
	if (strncmp(type, "AWS::", 5) != 0) return NULL;
	const char *ns = type + 5, *sep = strstr(ns, "::");
	if (!sep) return NULL;
	char fns[64], fres[128];
	svc__fold(fns, sizeof fns, ns, (size_t)(sep - ns));
	svc__fold(fres, sizeof fres, sep + 2, strlen(sep + 2));
	if (strcmp(fns, "ec2") == 0 && svc__networking(fres)) return "VPC";
	return svc__namespace(fns);
}

/* Terraform-style snake name without "aws_": "s3_bucket", "cloudwatch_log_group".
 * Hand prefixes first (longest wins), then the longest service short name that
 * starts the name at a word boundary. */
static const char *svc__of_tf(const char *rest)
{
	if (svc__networking_words(rest)) return "VPC";
	const char *best = NULL;
	size_t best_len = 0;
	for (unsigned i = 0; i < ig_svc_tf_prefixes_count; i++) {
		const char *k = ig_svc_tf_prefixes[i].key;
		size_t m = strlen(k);
		if (m > best_len && strncmp(rest, k, m) == 0 && (rest[m] == 0 || rest[m] == '_')) {
			best = ig_svc_tf_prefixes[i].value;
			best_len = m;
		}
	}
	if (best) return best;
	for (unsigned i = 0; i < ig_aws_services_count; i++) {
		const char *k = ig_aws_services[i].short_name;
		size_t m = strlen(k);
		if (m > best_len && strncmp(rest, k, m) == 0 && (rest[m] == 0 || rest[m] == '_')) {
			best = ig_aws_services[i].ns;
			best_len = m;
		}
	}
	return best;
}

/* CamelCase or kebab to snake: "S3Bucket" -> "s3_bucket", "s3-bucket" -> "s3_bucket" */
static void svc__snake(char *out, size_t cap, const char *s)
{
	size_t k = 0;
	for (size_t i = 0; s[i] && k + 2 < cap; i++) {
		char c = s[i];
		if (c == '-' || c == '.') c = '_';
		if (isupper((unsigned char)c)) {
			if (i > 0 && k > 0 && out[k - 1] != '_' &&
			    (islower((unsigned char)s[i - 1]) || isdigit((unsigned char)s[i - 1]) ||
			     (s[i + 1] && islower((unsigned char)s[i + 1]) && isupper((unsigned char)s[i - 1]))))
				out[k++] = '_';
			c = (char)tolower((unsigned char)c);
		}
		out[k++] = c;
	}
	out[k] = 0;
}

const char *ig_service_of_type(ig_platform p, const char *module, const char *cls)
{
	char buf[160], fres[128];
	if (!cls) return NULL;
	switch (p) {
	case IG_PLAT_CFN:
		return svc__of_cfn(cls);
	case IG_PLAT_TF:
		return strncmp(cls, "aws_", 4) == 0 ? svc__of_tf(cls + 4) : NULL;
	case IG_PLAT_CDKTF:
		/* the class ("S3Bucket" -> s3_bucket) keeps the word breaks that a Go
		 * package name ("s3bucket") has lost; the submodule is the fallback */
		svc__snake(buf, sizeof buf, cls && isupper((unsigned char)cls[0]) ? cls : module ? module : "");
		return svc__of_tf(buf);
	case IG_PLAT_PULUMI: {
		if (!module) return NULL;
		char mod[64];
		svc__fold(mod, sizeof mod, module, strlen(module));
		svc__fold(fres, sizeof fres, cls, strlen(cls));
		if (strcmp(mod, "ec2") == 0 && svc__networking(fres)) return "VPC";
		char snake[128];
		svc__snake(snake, sizeof snake, cls);
		snprintf(buf, sizeof buf, "%s_%s", module, snake);
		const char *s = svc__of_tf(buf);
		return s ? s : svc__namespace(mod);
	}
	case IG_PLAT_CDK: {
		if (!module) return NULL;
		/* "aws_lambda_nodejs" -> lambda, "aws-s3-deployment" -> s3 */
		char mod[64];
		const char *m = module;
		if (strncmp(m, "aws_", 4) == 0 || strncmp(m, "aws-", 4) == 0) m += 4;
		else if (strncmp(m, "aws", 3) == 0) m += 3; /* Go package names: awss3 */
		snprintf(mod, sizeof mod, "%s", m);
		for (char *c = mod; *c; c++) *c = *c == '-' ? '_' : (char)tolower((unsigned char)*c);
		svc__fold(fres, sizeof fres, cls, strlen(cls));
		if (strncmp(fres, "cfn", 3) == 0) memmove(fres, fres + 3, strlen(fres + 3) + 1);
		for (;;) {
			char f[64];
			svc__fold(f, sizeof f, mod, strlen(mod));
			if (strcmp(f, "ec2") == 0 && svc__networking(fres)) return "VPC";
			const char *ns = svc__namespace(f);
			if (ns) return ns;
			char *us = strrchr(mod, '_');
			if (!us) return NULL;
			*us = 0;
		}
	}
	default:
		return NULL;
	}
}

static int svc__cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void ig_services_collect(ig_arena *a, ig_response *r)
{
	const char **list = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < r->n_files; i++) {
		const ig_file *f = &r->files[i];
		/* A pipeline that ships beside a stack deploys it: its `aws ...`
		 * calls are tooling, not the architecture, unless the pipeline is
		 * the deliverable. */
		if (f->platform == IG_PLAT_CICD && r->platform != IG_PLAT_CICD) continue;
		/* the app is its iac and entry files: tests create stacks and mocks,
		 * a converted twin repeats its primary */
		if (f->role != IG_ROLE_IAC && f->role != IG_ROLE_ENTRY) continue;
		if (f->derived_from) continue;
		for (size_t j = 0; j < f->n_resources; j++) {
			const char *s = f->resources[j].service;
			if (!s) continue;
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++) seen = strcmp(list[k], s) == 0;
			if (!seen) *IG_PUSH(a, list, n, cap) = s;
		}
	}
	/* A template or a CDK app is deployed as a CloudFormation stack: that
	 * service is in use even though no resource names it. */
	if (r->platform == IG_PLAT_CFN || r->platform == IG_PLAT_CDK) {
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++) seen = strcmp(list[k], "CloudFormation") == 0;
		if (!seen) *IG_PUSH(a, list, n, cap) = "CloudFormation";
	}
	if (n) qsort(list, n, sizeof *list, svc__cmp);
	r->services = list;
	r->n_services = n;
}

/* A resource-level spelling ("Route Table", "Launch Template", "Target
 * Group"): the namespace of the CloudFormation types whose resource part it
 * names, when that is one namespace (EC2 networking reported as VPC). */
static const char *svc__of_resource_name(const char *folded)
{
	const char *found = NULL;
	for (unsigned i = 0; i < ig_cfn_types_count; i++) {
		const char *t = ig_cfn_types[i];
		const char *sep = strstr(t + 5, "::");
		if (!sep) continue;
		char res[128];
		svc__fold(res, sizeof res, sep + 2, strlen(sep + 2));
		if (strcmp(res, folded) != 0) continue;
		const char *ns = svc__of_cfn(t);
		if (found && ns && strcmp(found, ns) != 0) return NULL; /* ambiguous */
		found = ns;
	}
	return found;
}

/* Words that qualify a service name without changing it. */
static const char *const svc__noise[] = {"amazon", "aws", NULL};

#define SVC_MAX_WORDS 16

/* A run of words joined, looked up as an alias, a namespace or short name,
 * and (for runs that may name a resource) as the resource part of
 * CloudFormation types, singular or plural. */
static const char *svc__lookup_run(char words[][64], int from, int to, bool resource)
{
	char joined[256] = "";
	for (int i = from; i < to; i++) strncat(joined, words[i], sizeof joined - strlen(joined) - 1);
	for (unsigned i = 0; i < ig_svc_aliases_count; i++)
		if (strcmp(ig_svc_aliases[i].key, joined) == 0) return ig_svc_aliases[i].value;
	const char *ns = svc__namespace(joined);
	if (ns || !resource) return ns;
	ns = svc__of_resource_name(joined);
	size_t len = strlen(joined);
	if (!ns && len > 3 && joined[len - 1] == 's') { /* "Route Tables", "Security Groups" */
		joined[len - 1] = 0;
		for (unsigned i = 0; i < ig_svc_aliases_count && !ns; i++)
			if (strcmp(ig_svc_aliases[i].key, joined) == 0) ns = ig_svc_aliases[i].value;
		if (!ns) ns = svc__namespace(joined);
		if (!ns) ns = svc__of_resource_name(joined);
	}
	return ns;
}

/* Split into lowercase words at non-alphanumerics and at CamelCase breaks
 * ("PublicRouteTable" -> public route table, "S3Bucket" -> s3 bucket,
 * "ApplicationELB" -> application elb), dropping the noise words. A letter
 * followed by a digit stays one word ("Route53", "EC2"). */
static int svc__words(const char *raw, char words[][64])
{
	int nw = 0;
	size_t len = 0;
	char cur[64];
	for (const char *p = raw;; p++) {
		unsigned char c = (unsigned char)*p;
		bool brk = !c || !isalnum(c);
		if (!brk && len && isupper(c)) {
			unsigned char prev = (unsigned char)p[-1], next = (unsigned char)p[1];
			brk = islower(prev) || isdigit(prev) || (isupper(prev) && islower(next));
		}
		if (brk && len) {
			cur[len] = 0;
			bool noise = false;
			for (int k = 0; svc__noise[k]; k++) noise |= strcmp(cur, svc__noise[k]) == 0;
			if (!noise && nw < SVC_MAX_WORDS) memcpy(words[nw++], cur, len + 1);
			len = 0;
		}
		if (!c) break;
		if (isalnum(c) && len < sizeof cur - 1) cur[len++] = (char)tolower(c);
	}
	return nw;
}

/* The whole name, then ever shorter leading runs ("S3 Bucket" -> s3), then
 * ever shorter trailing runs, which name the resource of a logical name
 * ("PublicRouteTable" -> route table -> VPC, "AppLogGroup" -> Logs). */
static const char *svc__fold_words(char words[][64], int nw)
{
	for (int upto = nw; upto >= 1; upto--) {
		const char *ns = svc__lookup_run(words, 0, upto, upto == nw);
		if (ns) return ns;
	}
	for (int from = 1; from < nw; from++) {
		const char *ns = svc__lookup_run(words, from, nw, true);
		if (ns) return ns;
	}
	return NULL;
}

const char *ig_service_fold(const char *spelling, size_t n)
{
	char raw[256];
	if (!spelling) return NULL;
	if (n >= sizeof raw) n = sizeof raw - 1;
	memcpy(raw, spelling, n);
	raw[n] = 0;
	/* "AWS::S3::Bucket" */
	if (strncmp(raw, "AWS::", 5) == 0) return svc__of_cfn(strstr(raw + 5, "::") ? raw : "");
	/* drop parentheticals: "Amazon SQS (Standard + DLQ)" */
	char *paren = strchr(raw, '(');
	if (paren && paren > raw) *paren = 0;
	char words[SVC_MAX_WORDS][64];
	int nw = svc__words(raw, words);
	const char *ns = svc__fold_words(words, nw);
	/* a logical name's ordinal suffix: "PublicSubnetA", "NatGateway2" */
	int kept = nw;
	while (!ns && kept > 1 &&
	       (strlen(words[kept - 1]) == 1 || strspn(words[kept - 1], "0123456789") == strlen(words[kept - 1])))
		ns = svc__fold_words(words, --kept);
	return ns;
}
