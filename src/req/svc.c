/* Services a prompt asks for and services or resource types it forbids. A
 * run of up to four words names a service when, joined, it is a service
 * alias (data/services/aliases.tsv), a namespace or short name, or (two words
 * or more) the resource part of a CloudFormation type: the same tables
 * src/detect/services.c folds with. Single words that are also plain English
 * ("Config", "Backup", "Events") count only after "AWS" or "Amazon". */
#include "detect/aws_types.h"
#include "detect/detect.h"
#include "req/internal.h"
#include "util/strutil.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Namespaces spelled like ordinary words: a capital at the start of a
 * sentence or a heading is not enough. */
static const char *const svc__plain[] = {"backup", "config", "events", "logs", "batch", "shield", "connect",
	"transfer", "location", "budgets", "detective", "inspector", "forecast", "pipes", "scheduler", "organizations",
	"signer", "outposts", "panorama", "personalize", "comprehend", "translate", "evidently", "synthetics", "chatbot",
	"proton", "amplify", "glue", "route", "secrets", "rekognition", "cassandra", "deadline", "oam", "rum", "fis",
	"m2", "elasticsearch", "grafana", "lambda", "ram", "ssm", "ec2", "cur", "ce", "ivs", "dms", "emr", "api",
	"scheduler", "resourcegroups", "nimble", "macie", "athena", "kinesis", "cloud9", "lightsail", "workspaces",
	"sso", "identitystore", "codebuild", "codecommit", "codedeploy", "codepipeline", "serverless", "billing", "notifications",
	"insights", "resilience", "security", "compliance", NULL};
/* ... of which these are names nobody writes in prose for anything else */
static const char *const svc__distinct[] = {"lambda", "ssm", "ec2", "dms", "emr", "macie", "athena", "kinesis",
	"cloud9", "lightsail", "workspaces", "sso", "codebuild", "codecommit", "codedeploy", "codepipeline",
	"elasticsearch", "grafana", "glue", "rekognition", NULL};

static bool svc__in(const char *const *list, const char *w)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], w) == 0) return true;
	return false;
}

/* The folded run is a service by name (alias, namespace or short name), not
 * only as a resource name. */
/* Every folded service name (aliases, CDK module names, namespaces), sorted
 * once for the process: the reader asks for each word of every prompt. */
static char **g_svc_names;
static size_t g_svc_n;
static pthread_once_t g_svc_once = PTHREAD_ONCE_INIT;

static int svc__cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void svc__names_build(void)
{
	size_t cap = ig_svc_aliases_count + 2 * (size_t)ig_aws_services_count + 1;
	g_svc_names = ig_xmalloc(cap * sizeof *g_svc_names);
	for (unsigned i = 0; i < ig_svc_aliases_count; i++) g_svc_names[g_svc_n++] = (char *)ig_svc_aliases[i].key;
	for (unsigned i = 0; i < ig_aws_services_count; i++) {
		g_svc_names[g_svc_n++] = (char *)ig_aws_services[i].short_name;
		const char *ns = ig_aws_services[i].ns;
		size_t n = strlen(ns);
		g_svc_names[g_svc_n++] = ig_fold_alnum_into(ig_xmalloc(n + 1), ns, n); /* kept for the process */
	}
	g_svc_names[g_svc_n++] = (char *)"vpc";
	qsort(g_svc_names, g_svc_n, sizeof *g_svc_names, svc__cmp);
}

static bool svc__by_name(const char *folded)
{
	pthread_once(&g_svc_once, svc__names_build);
	return bsearch(&folded, g_svc_names, g_svc_n, sizeof *g_svc_names, svc__cmp) != NULL;
}

/* The resource part of every CloudFormation type ("AWS::S3::Bucket" ->
 * "Bucket"), folded, sorted once for the process; of types whose parts fold
 * alike, the first of the table is kept, as a scan in table order finds. */
typedef struct { char *folded; const char *res; unsigned at; } svc_res;
static svc_res *g_res;
static size_t g_res_n;
static pthread_once_t g_res_once = PTHREAD_ONCE_INIT;

static int svc__res_by_name(const void *a, const void *b)
{
	return strcmp(((const svc_res *)a)->folded, ((const svc_res *)b)->folded);
}

static int svc__res_cmp(const void *a, const void *b)
{
	const svc_res *x = a, *y = b;
	int c = svc__res_by_name(a, b);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

static void svc__res_build(void)
{
	g_res = ig_xmalloc((ig_cfn_types_count + 1) * sizeof *g_res);
	size_t n = 0;
	for (unsigned i = 0; i < ig_cfn_types_count; i++) {
		const char *sep = strstr(ig_cfn_types[i] + 5, "::");
		if (!sep) continue;
		size_t len = strlen(sep + 2);
		g_res[n++] = (svc_res){ig_fold_alnum_into(ig_xmalloc(len + 1), sep + 2, len), sep + 2, i}; /* kept */
	}
	qsort(g_res, n, sizeof *g_res, svc__res_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!g_res_n || strcmp(g_res[g_res_n - 1].folded, g_res[i].folded) != 0) g_res[g_res_n++] = g_res[i];
		else free(g_res[i].folded);
	}
}

const char *req_resource_name(ig_arena *a, const char *words, size_t n)
{
	pthread_once(&g_res_once, svc__res_build);
	char *f = ig_fold_alnum(a, words, n);
	size_t fl = strlen(f);
	if (fl < 3) return NULL;
	/* as written, then without a plural's "s", then without "es" */
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 1) { if (fl < 4 || f[fl - 1] != 's') return NULL; f[fl - 1] = 0; }
		if (pass == 2) { if (fl < 5 || f[fl - 2] != 'e') return NULL; f[fl - 2] = 0; }
		const svc_res *hit = bsearch(&(svc_res){.folded = f}, g_res, g_res_n, sizeof *g_res, svc__res_by_name);
		if (hit) return hit->res;
	}
	return NULL;
}

typedef struct { const char *p; size_t n; bool space_before; } svc_word;

static int svc__split(const char *s, size_t n, svc_word *w, int cap)
{
	int nw = 0;
	for (size_t i = 0; i < n && nw < cap;) {
		if (!isalnum((unsigned char)s[i])) { i++; continue; }
		size_t j = i;
		while (j < n && isalnum((unsigned char)s[j])) j++;
		/* words of one run are joined by a space or a hyphen ("X-Ray", "Route 53") */
		bool joined = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-') && (i < 2 || isalnum((unsigned char)s[i - 2]));
		w[nw++] = (svc_word){s + i, j - i, joined};
		i = j;
	}
	return nw;
}

/* A negation that governs the words right after it: "no NAT gateways",
 * "do not use Lambda", "without a NAT Gateway", "instead of NAT gateways". */
static bool svc__negated(const svc_word *w, int at)
{
	static const char *const filler[] = {"use", "using", "create", "creating", "deploy", "deploying", "any", "the",
		"a", "an", "include", "including", "provision", "provisioning", "need", "needing", "require", "requiring",
		"rely", "relying", "on", "of", "add", "adding", "expensive", "costly", "public", "managed", "custom", "new",
		"additional", "dedicated", "separate", "own", "extra", NULL};
	static const char *const cues[] = {"no", "not", "without", "avoid", "avoiding", "never", "forbidden",
		"prohibited", "disallow", "exclude", "excluding", "instead", "than", "nor", "don", "t", NULL};
	for (int k = at - 1, skipped = 0; k >= 0 && skipped <= 3; k--, skipped++) {
		char wd[32];
		size_t n = w[k].n < sizeof wd - 1 ? w[k].n : sizeof wd - 1;
		for (size_t i = 0; i < n; i++) wd[i] = (char)tolower((unsigned char)w[k].p[i]);
		wd[n] = 0;
		if (svc__in(cues, wd)) {
			/* "rather than" / "instead of" need their partner; "not only" is not a negation */
			if (!strcmp(wd, "than") && !(k > 0 && w[k - 1].n == 6 && !strncasecmp(w[k - 1].p, "rather", 6))) return false;
			if (!strcmp(wd, "instead") && !(k + 1 < at && !strncasecmp(w[k + 1].p, "of", 2))) return false;
			if (!strcmp(wd, "t") && !(k > 0 && (!strncasecmp(w[k - 1].p, "don", 3) || !strncasecmp(w[k - 1].p, "shouldn", 7) || !strncasecmp(w[k - 1].p, "mustn", 5)))) return false;
			if (!strcmp(wd, "not") && at > k + 1 && !strncasecmp(w[k + 1].p, "only", 4)) return false;
			return true;
		}
		if (!svc__in(filler, wd)) return false;
	}
	return false;
}

void req_services_clause(req_ctx *c, const req_clause *cl)
{
	if (cl->audit) return;
	svc_word w[256];
	int nw = svc__split(cl->text, cl->len, w, 256);
	for (int i = 0; i < nw;) {
		bool prefixed = i > 0 && ((w[i - 1].n == 3 && !strncmp(w[i - 1].p, "AWS", 3)) ||
					  (w[i - 1].n == 6 && !strncmp(w[i - 1].p, "Amazon", 6)));
		const char *svc = NULL, *res = NULL;
		int took = 0;
		for (int k = 4; k >= 1 && !svc && !res; k--) {
			if (i + k > nw) continue;
			bool ok = true;
			for (int j = i + 1; j < i + k; j++) ok &= w[j].space_before;
			if (!ok) continue;
			size_t len = (size_t)(w[i + k - 1].p + w[i + k - 1].n - w[i].p);
			char *f = ig_fold_alnum(c->a, w[i].p, len);
			if (svc__by_name(f)) {
				if (k == 1) {
					const char *p = w[i].p;
					bool inner_caps = false, lower = islower((unsigned char)p[0]);
					for (size_t q = 1; q < w[i].n; q++) inner_caps |= isupper((unsigned char)p[q]) || isdigit((unsigned char)p[q]);
					/* "S3", "DynamoDB", "SQS" are names; "Lambda" at a capital is one unless it reads as English */
					bool neg = svc__negated(w, i);
					if (!prefixed && !inner_caps && !lower && svc__in(svc__plain, f) && !svc__in(svc__distinct, f) && !neg)
						continue;
					if (!prefixed && lower && !neg) continue;
					/* "do not create new secrets": the word names the resource */
					if (neg && lower) res = req_resource_name(c->a, w[i].p, w[i].n);
				} else {
					/* "cross-account access" is prose; "Direct Connect", "load balancer" are names */
					bool caps = false, alias = false;
					for (int j = i; j < i + k; j++) caps |= isupper((unsigned char)w[j].p[0]);
					for (unsigned q = 0; q < ig_svc_aliases_count && !alias; q++) alias = !strcmp(ig_svc_aliases[q].key, f);
					if (!caps && !alias && !prefixed) continue;
				}
				svc = ig_service_fold(f, strlen(f));
			} else if (k >= 2 && svc__negated(w, i)) {
				/* resource names ("deployment strategy", "replication configuration") are
				 * too common in prose to name a service; a forbidden one is read */
				res = req_resource_name(c->a, w[i].p, len);
			}
			if (svc && k >= 2 && svc__negated(w, i)) {
				const char *r2 = req_resource_name(c->a, w[i].p, len);
				if (r2) res = r2;
			}
			if (svc || res) took = k;
		}
		/* "no IAM users": the service names the kind of the forbidden resource */
		if (took && svc && !res && i + took < nw && w[i + took].space_before && svc__negated(w, i)) {
			int e = i + took;
			for (int k = 2; k >= 1 && !res; k--)
				if (e + k <= nw) res = req_resource_name(c->a, w[e].p, (size_t)(w[e + k - 1].p + w[e + k - 1].n - w[e].p));
			if (res && !strcmp(res, "Deployment")) res = NULL; /* "no VPC deployment" places, not forbids */
		}
		if (!took) { i++; continue; }
		bool neg = svc__negated(w, i);
		/* "No KMS encryption", "no VPC deployment": the negation is about a mode of the
		 * service, not the service; "no security group should open ..." restricts, not bans */
		if (neg && i + took < nw) {
			static const char *const modes[] = {"deployment", "access", "encryption", "integration", "support",
				"configuration", "logging", "deletion", "mode", "attachment", "endpoint", "endpoints", NULL};
			static const char *const modals[] = {"should", "must", "can", "may", "will", "is", "are", "allowed",
				"has", "have", "shall", NULL};
			char nx[24];
			size_t nl = w[i + took].n < sizeof nx - 1 ? w[i + took].n : sizeof nx - 1;
			for (size_t q = 0; q < nl; q++) nx[q] = (char)tolower((unsigned char)w[i + took].p[q]);
			nx[nl] = 0;
			if (svc__in(modes, nx) && !res) { i += took; continue; }
			if (svc__in(modals, nx)) neg = false;
		}
		/* "to avoid NAT gateway charges" gives a reason, not a prohibition */
		if (neg && i + took < nw) {
			const svc_word *nx = &w[i + took];
			if ((nx->n >= 4 && (!strncasecmp(nx->p, "charge", 6) || !strncasecmp(nx->p, "cost", 4) || !strncasecmp(nx->p, "fee", 3))))
				neg = false, svc = res ? NULL : svc;
		}
		if (neg) req_add(c, IG_REQ_FORBID, res ? res : svc, NULL);
		else if (svc && !cl->hedged) req_add(c, IG_REQ_SERVICE, svc, NULL);
		i += took;
	}
}
