/* Phrase readers for every kind but services: regions and their roles, AZs,
 * resource counts, tags, destroyability, encryption, KMS, TLS, retention and
 * rotation periods, instance classes, engines, CIDR blocks, the environment
 * suffix, platform and language. Each reads one clause (read.c). */
#include "detect/detect.h"
#include "req/internal.h"
#include "util/strutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* RE: a pattern; REN: with the words one of which each match holds (req_rx) */
#define REN(name, pat, need) \
	static req_rx name##_rx = {.pattern = pat, .needles = need}; \
	static req_rx *name(void) { return &name##_rx; }
#define RE(name, pat) REN(name, pat, NULL)

REN(re_region, "\\b(us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-(north|south|east|west|central|northeast|southeast|northwest|southwest)-[0-9]{1,2}\\b", "east-|west-|north-|south-|central-")
req_rx *req_region_rx(void) { return re_region(); }
#define ROLE "(primary|main|secondary|dr|disaster[- ]recovery|failover|fail-over|standby|backup|replica|replication|target|source)"
RE(re_role_before, ROLE "( region| site| location| deployment| environment)?([[:space:]]|[-|:=(])*(is|in|to|of|at)?([[:space:]]|[-|:=(])*$")
RE(re_role_after, "^[[:space:]]*[)]?[[:space:]]*(region)?[[:space:]]*[,:|-]?[[:space:]]*(for|as|is|=)?[[:space:]]*(the|a|our|its)?[[:space:]]*" ROLE "\\b")
RE(re_not_region, "(not in|not to|not use|except|other than|instead of|rather than|avoid|never|outside( of)?|away from|migrat(e|ing) from|moving from)[[:space:]]*(the)?[[:space:]]*$")
REN(re_az_num, "\\b(at least|minimum of|a minimum of|minimum|min\\.?|no fewer than|up to|exactly)?[[:space:]]*([0-9]+|two|three|four|five|six)[[:space:]]*(or more[[:space:]]*)?(\\(?[0-9]+\\)?[[:space:]]*)?(different |distinct |separate |availability-)?(availability[- ]zones?|azs?)\\b", "az|availability")
REN(re_az_hyphen, "\\b([0-9]+|two|three|four|five|six)-az\\b", "-az")
REN(re_az_multi, "\\bmulti[- ]?az\\b|\\b(multiple|several|different|two or more|many|redundant)[[:space:]]+(availability[- ]zones?|azs)\\b|\\b(across|spanning|span|spread over|distributed across|over)[[:space:]]+(the[[:space:]]+)?(availability[- ]zones|azs)\\b", "az|availability")
RE(re_destroy, "destroyable|destructible|deletable|removable|can be (cleanly |fully |easily |safely )?(destroyed|deleted|torn down|removed)|removalpolicy\\.destroy|removal[ _]?policy[^.]{0,20}destroy|(no|not use|without|avoid|forbidden:?)[^.]{0,12}retain|deletionpolicy:? ?delete|deletion[ _]protection[^.]{0,25}(disabled|off|false)|(disable|no)[^.]{0,12}deletion[ _]protection|force_?destroy|auto_?delete_?objects|\\b(tear|torn) ?down|teardown|clean(ly)? (destroy|delete|remove)|destroy(ed)? cleanly|clean (stack )?(deletion|teardown|removal|cleanup)|cleanly (deleted|removed|torn)")
REN(re_encrypt, "encrypt|\\bsse-|server[- ]side encryption|\\bsse\\b", "encrypt|sse")
REN(re_encrypt_neg, "(no|not|without|unencrypted|disable)[^.]{0,10}encrypt|unencrypted", "encrypt")
RE(re_rest, "at[- ]rest|\\bsse|server[- ]side|kms|storage|stored|bucket|volume|database|\\bebs\\b|\\brds\\b|dynamodb|\\bs3\\b|snapshot|backup|table|disk|data")
REN(re_transit, "in[- ]transit|\\btls\\b|\\bssl\\b|\\bhttps\\b", "transit|tls|ssl|https")
REN(re_kms, "^[-*+ ]*kms keys?\\b|\\b(separate|region-specific|dedicated|custom|own|new|a|an)[[:space:]]+(aws[[:space:]]+)?kms keys?\\b|customer[- ]managed[[:space:]]+(aws[[:space:]]+)?(kms|encryption|cmk|keys?)|\\bcmks?\\b|customer master keys?|(create|creates|dedicated|custom|own|new)[[:space:]]+(a[[:space:]]+|an[[:space:]]+)?(aws[[:space:]]+)?(kms|encryption)[[:space:]]+keys?|kms keys? (that you|you) (create|manage)|customer[- ]managed", "kms|cmk|customer|encryption")
REN(re_tls_ver, "\\b(tls|ssl)[[:space:]]*v?(ersion)?[[:space:]]*(1\\.[0-3])\\b", "tls|ssl")
RE(re_tls_min, "or (higher|later|above|newer|greater)|minimum|at least|\\+|>=")
REN(re_tls_any, "\\btls\\b|\\bssl\\b|in[- ]transit|https[- ]only|only https|enforce https|redirect[^.]{0,20}https|https listener|https subscriptions?|over https|require[sd]? https|https (is )?required|https endpoints?", "tls|ssl|transit|https")
REN(re_tls_neg, "(no|not|without|disable)[^.]{0,14}(tls|ssl|https)", "tls|ssl|https")
REN(re_days, "\\b(([0-9]+)[[:space:]]*(-|to|–|and)[[:space:]]*)?([0-9]+|one|two|three|six|seven|ten|thirty|ninety)[- ]?(days?|months?|years?|yrs?)\\b", "day|month|year|yr")
REN(re_rotation_kw, "rotat", "rotat")
REN(re_backup_kw, "backup|snapshot|point[- ]in[- ]time|\\bpitr\\b", "backup|snapshot|point|pitr")
REN(re_log_kw, "\\blogs?\\b|logging|log[- ]group|cloudtrail|audit trail|flow logs", "log|cloudtrail|audit trail")
REN(re_retain_kw, "retention|retain|keep|kept|expire|expir|delet|store|stored|for [0-9]+|[0-9]+[- ]days?", "retain|retention|keep|kept|expir|delet|store|for |day")
RE(re_min_kw, "(at least|minimum( of)?|min\\.?|no less than|>=?|or more|or longer)[[:space:]]*$")
REN(re_instance, "\\b((db|cache)\\.)?([a-z]{1,3}[0-9][a-z0-9-]*)\\.(nano|micro|small|medium|large|[0-9]*xlarge|metal)(\\.search|\\.elasticsearch)?\\b", "nano|micro|small|medium|large|metal")
REN(re_engine, "\\b(aurora[- ]postgres(ql)?|aurora[- ]mysql|postgres(ql)?|mysql|mariadb|redis|valkey|memcached|sql ?server|oracle)\\b", "aurora|postgres|mysql|mariadb|redis|valkey|memcached|sql|oracle")
RE(re_engine_ver, "^[[:space:]]*(-compatible)?[[:space:]]*(\\(|engine|version|v|:|,|database|db|cluster|instance|[[:space:]])*[[:space:]]*v?([0-9]+(\\.[0-9x]+)*)\\b")
REN(re_cidr, "\\b[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}/[0-9]{1,2}\\b", "/")
REN(re_suffix, "environment[ _-]?suffix|\\benv[ _-]?suffix|suffix(ed)?[^.]{0,40}environment|environment[^.]{0,25}(as|a) suffix", "suffix")
REN(re_tag_word, "(\\b|_)(tag|tags|tagged|tagging)\\b", "tag")
REN(re_kms_neg, "(\\bno|\\bnot|without|avoid)[^.,;]{0,20}(kms|cmk|customer[- ]managed)", "kms|cmk|customer")
REN(re_neg_clause, "\\b(not|never|don't|do not|avoid|instead of|rather than|without)\\b", "not|never|don't|avoid|instead|rather|without")

static char *req__sub(req_ctx *c, const char *s, regmatch_t m)
{
	return ig_arena_strndup(c->a, s + m.rm_so, (size_t)(m.rm_eo - m.rm_so));
}

static char *req__lower(req_ctx *c, const char *s, regmatch_t m)
{
	return ig_lower(c->a, s + m.rm_so, (size_t)(m.rm_eo - m.rm_so));
}

static const char *req__role_name(const char *w)
{
	if (!strncasecmp(w, "primary", 7) || !strncasecmp(w, "main", 4) || !strncasecmp(w, "source", 6)) return "primary";
	if (!strncasecmp(w, "secondary", 9)) return "secondary";
	if (!strncasecmp(w, "replica", 7) || !strncasecmp(w, "replication", 11) || !strncasecmp(w, "target", 6)) return "replica";
	return "dr";
}

/* Regions, with the role a neighbouring word gives each ("us-east-1 for the
 * primary", "DR region: us-west-2", "| Primary | us-east-1 |"). */
static void req__regions(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged || cl->example) return;
	regmatch_t m[1], prev = {-1, -1}, next[1];
	const char *s = cl->text;
	for (size_t at = 0; req_find(re_region(), s, at, m, 1) == 0; at = (size_t)m[0].rm_eo) {
		char *region = req__lower(c, s, m[0]);
		size_t before_from = prev.rm_eo >= 0 ? (size_t)prev.rm_eo : 0;
		char *before = ig_arena_strndup(c->a, s + before_from, (size_t)m[0].rm_so - before_from);
		prev = m[0];
		/* "not in us-west-2", "migrate from us-east-1" state no target */
		if (req_find(re_not_region(), before, 0, next, 1) == 0) continue;
		size_t after_to = req_find(re_region(), s, (size_t)m[0].rm_eo, next, 1) == 0 ? (size_t)next[0].rm_so : cl->len;
		char *after = ig_arena_strndup(c->a, s + m[0].rm_eo, after_to - (size_t)m[0].rm_eo);
		regmatch_t r[10];
		const char *role = NULL;
		if (req_find(re_role_before(), before, 0, r, 10) == 0) role = req__role_name(before + r[1].rm_so);
		else if (req_find(re_role_after(), after, 0, r, 10) == 0) role = req__role_name(after + r[4].rm_so);
		size_t had = 0;
		for (size_t i = 0; i < c->set->n; i++)
			if (c->set->items[i].kind == IG_REQ_REGION && strcmp(c->set->items[i].value, region) != 0) had++;
		req_add(c, IG_REQ_REGION, region, role);
		if (had) req_add(c, IG_REQ_MULTI_REGION, "yes", NULL);
	}
	static req_rx mr = {.pattern = "\\bmulti[- ]region\\b|\\b(multiple|two|three|several|second) (aws )?regions\\b|\\bcross[- ]region\\b",
			    .needles = "region"};
	static req_rx single = {.pattern = "\\bsingle[- ]region\\b|\\b(one|a single) region\\b", .needles = "region"};
	if (req_find(re_neg_clause(), s, 0, m, 1) == 0) return;
	if (req_find(&mr, s, 0, m, 1) == 0) req_add(c, IG_REQ_MULTI_REGION, "yes", NULL);
	else if (req_find(&single, s, 0, m, 1) == 0) req_add(c, IG_REQ_MULTI_REGION, "no", NULL);
}

static void req__azs(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged) return;
	const char *s = cl->text;
	regmatch_t m[8];
	bool numbered = false;
	for (size_t at = 0; req_find(re_az_num(), s, at, m, 8) == 0; at = (size_t)m[0].rm_eo) {
		int n = req_number(s + m[2].rm_so, (size_t)(m[2].rm_eo - m[2].rm_so));
		if (n < 1 || n > 10) continue;
		bool at_least = (m[1].rm_so >= 0 && strncasecmp(s + m[1].rm_so, "up", 2) != 0 &&
				 strncasecmp(s + m[1].rm_so, "exactly", 7) != 0) || m[3].rm_so >= 0;
		req_add(c, IG_REQ_AZ, ig_arena_printf(c->a, "%d%s", n, at_least ? "+" : ""), NULL);
		numbered = true;
	}
	for (size_t at = 0; req_find(re_az_hyphen(), s, at, m, 2) == 0; at = (size_t)m[0].rm_eo) {
		int n = req_number(s + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
		if (n >= 1 && n <= 10) req_add(c, IG_REQ_AZ, ig_arena_printf(c->a, "%d", n), NULL), numbered = true;
	}
	if (!numbered && req_find(re_az_multi(), s, 0, m, 1) == 0) req_add(c, IG_REQ_AZ, "multi", NULL);
}

/* Type names that read as plain words in prompts ("a single project",
 * "PostgreSQL 14 database", "10 images", "2 workers"). */
static const char *const req__count_stop[] = {"User", "Project", "Account", "Runtime", "Application", "Database",
	"Image", "Worker", "Node", "Memory", "Version", "Environment", "Resource", "Schedule", "Job", "Model", "Task",
	"Agent", "Domain", "Input", "Output", "Rule", "Template", "Workflow", "Connection", "Parameter", "Deployment",
	"Build", "Trail", "Configuration", "Variable", "Document", NULL};
/* Words that end the noun phrase after a number. */
static const char *const req__count_end[] = {"for", "in", "per", "with", "and", "across", "to", "of", "on", "that",
	"which", "behind", "inside", "within", "each", "at", "from", "or", NULL};
/* Units: "10 GB volume", "5 minutes". */
static const char *const req__units[] = {"gb", "gib", "mb", "mib", "tb", "kb", "ms", "s", "sec", "second", "seconds",
	"minute", "minutes", "min", "mins", "hour", "hours", "day", "days", "month", "months", "year", "years", "percent",
	"acu", "acus", "vcpu", "vcpus", "iops", "rps", "rpm", "requests", "times", "x", NULL};
/* A version or port before the number: "Node.js 20", "PostgreSQL 14", "port 443". */
static const char *const req__count_prev[] = {"python", "node", "nodejs", "java", "go", "ruby", "dotnet", "net",
	"postgresql", "postgres", "mysql", "redis", "version", "v", "tls", "http", "ipv4", "ipv6", "port", "ports",
	"aurora", "engine", "terraform", "provider", "cdk", "pulumi", "sdk", "ubuntu", "linux", "windows", "openjdk",
	"corretto", "es", "opensearch", "kafka", "mariadb", "oracle", "memcached", "valkey", "serverless", "gen", "in",
	"into", NULL};

static bool req__in_ci(const char *const *list, const char *s, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0) return true;
	return false;
}

/* "exactly 3 subnets", "two target groups", "3 public subnets", "2 NAT
 * gateways": a number, then the words up to a preposition; the resource type
 * name is the longest run ending at the furthest word (the head noun). */
static void req__counts(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged) return;
	const char *s = cl->text;
	size_t n = cl->len;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) || (i && (isalnum((unsigned char)s[i - 1]) || strchr("-./$:#", s[i - 1]))))
			continue;
		size_t e = i;
		while (e < n && isalnum((unsigned char)s[e])) e++;
		int num = req_number(s + i, e - i);
		for (size_t d = i; d < e && isdigit((unsigned char)s[i]); d++)
			if (!isdigit((unsigned char)s[d])) num = -1; /* "1GB", "t3" */
		if (num < 1 || num > 20 || (e < n && strchr("-./%:", s[e]))) { i = e; continue; }
		/* the word before: a version or a port is not a count */
		size_t pe = i;
		while (pe > 0 && s[pe - 1] == ' ') pe--;
		size_t ps = pe;
		while (ps > 0 && (isalnum((unsigned char)s[ps - 1]) || s[ps - 1] == '.')) ps--;
		char prev[32] = "";
		if (pe > ps && pe - ps < sizeof prev) {
			memcpy(prev, s + ps, pe - ps), prev[pe - ps] = 0;
			char *dot = strrchr(prev, '.');
			if (dot && dot != prev) { i = e; continue; } /* "Node.js 20" */
		}
		if (*prev && req__in_ci(req__count_prev, prev, strlen(prev))) { i = e; continue; }
		/* "a maximum of 3 instances", "up to 5" bound a range; "one per AZ", "in each AZ" count per place */
		static const char *const bounds[] = {"maximum of ", "maximum ", "max ", "max. ", "up to ", "to ", "and ", NULL};
		bool bound = false;
		for (int k = 0; bounds[k]; k++) {
			size_t bl = strlen(bounds[k]);
			if (i >= bl && strncasecmp(s + i - bl, bounds[k], bl) == 0 && (k < 5 || ig_memcasestr(s, i, "between") || ig_memcasestr(s, i, "from ")))
				bound = true;
		}
		if (bound || ig_memcasestr(s, i, "each ")) { i = e; continue; }
		const char *w[5];
		size_t wl[5];
		int nw = 0;
		size_t p = e;
		while (nw < 5) {
			while (p < n && s[p] == ' ') p++;
			if (p >= n || !isalpha((unsigned char)s[p])) break;
			size_t q = p;
			while (q < n && (isalnum((unsigned char)s[q]) || s[q] == '-')) q++;
			if (req__in_ci(req__count_end, s + p, q - p)) break;
			if (nw == 0 && req__in_ci(req__units, s + p, q - p)) break;
			w[nw] = s + p, wl[nw] = q - p, nw++;
			p = q;
			if (p < n && s[p] != ' ') break;
		}
		{
			size_t q = p;
			while (q < n && s[q] == ' ') q++;
			if ((n - q >= 4 && !strncasecmp(s + q, "per ", 4)) || (n - q >= 5 && !strncasecmp(s + q, "each ", 5)) ||
			    (n - q >= 8 && !strncasecmp(s + q, "in each ", 8)) || (n - q >= 9 && !strncasecmp(s + q, "for each ", 9))) {
				i = e;
				continue;
			}
		}
		const char *type = NULL;
		for (int end = nw - 1; end >= 0 && !type; end--)
			for (int start = end - 2 < 0 ? 0 : end - 2; start <= end && !type; start++) {
				size_t len = (size_t)(w[end] + wl[end] - w[start]);
				type = req_resource_name(c->a, w[start], len);
			}
		bool at_least = false;
		static const char *const mins[] = {"at least ", "minimum of ", "minimum ", "min ", "min. ", "no fewer than ", NULL};
		for (int k = 0; mins[k]; k++) {
			size_t ml = strlen(mins[k]);
			if (i >= ml && strncasecmp(s + i - ml, mins[k], ml) == 0) at_least = true;
		}
		if (ig_memcasestr(s + e, n - e < 30 ? n - e : 30, "or more")) at_least = true;
		if (type) {
			bool stop = false;
			for (int k = 0; req__count_stop[k]; k++) stop |= strcmp(req__count_stop[k], type) == 0;
			if (!stop) req_add(c, IG_REQ_COUNT, ig_arena_printf(c->a, "%d%s %s", num, at_least ? "+" : "", type), NULL);
		}
		i = e;
	}
}

static bool req__stop_key(const char *k, size_t n)
{
	static const char *const stop[] = {"tag", "tags", "tagged", "with", "including", "include", "resources", "keys",
					   "key", "value", "values", "all", "the", "each", "every", "for", "and", "or",
					   "required", "mandatory", "following", "like", "as", "a", "an", "example",
					   "note", "must", "should", "use", "add", "apply", "ensure", "these", "this",
					   "standard", "common", "consistent", "appropriate", "proper", "cost", "strategy",
					   "requirements", "policy", "policies", "is", "are", "be", "resource", "additional", "default",
					   "specific", "custom", "tagging", NULL};
	for (int i = 0; stop[i]; i++)
		if (strlen(stop[i]) == n && strncasecmp(stop[i], k, n) == 0) return true;
	return false;
}

static bool req__keyish(const char *k, size_t n)
{
	if (!n || n > 40 || !isupper((unsigned char)k[0]) || req__stop_key(k, n)) return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)k[i]) && k[i] != '_' && k[i] != ':' && k[i] != '-') return false;
	return true;
}

/* One "Key", "Key: Value" or "Key=Value" item of a tag list; returns the end. */
static size_t req__tag_item(req_ctx *c, const char *s, size_t n, size_t p)
{
	while (p < n && (s[p] == ' ' || s[p] == '"' || s[p] == '\'' || s[p] == '(' || s[p] == '{')) p++;
	size_t k = p;
	while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-' ||
			 (s[k] == ':' && k + 1 < n && s[k + 1] != ' ' && isalpha((unsigned char)s[k + 1]))))
		k++;
	if (k == p) return p;
	size_t v = k, ve = k;
	while (v < n && s[v] == ' ') v++;
	if (v < n && (s[v] == ':' || s[v] == '=')) {
		v++;
		while (v < n && (s[v] == ' ' || s[v] == '"' || s[v] == '\'')) v++;
		ve = v;
		while (ve < n && (isalnum((unsigned char)s[ve]) || strchr("_-./${}", s[ve]))) ve++;
		while (ve > v && strchr(".", s[ve - 1])) ve--;
	}
	size_t after = k;
	while (after < n && s[after] == ' ') after++;
	/* "Naming format: ..." is a label, "Environment and Owner" a list */
	bool more_words = after > k && after < n && isalnum((unsigned char)s[after]);
	static const char *const joins[] = {"and", "or", "tag", "tags", "with", "for", "to", "on", "as", "set", "in", NULL};
	if (more_words) {
		size_t we2 = after;
		while (we2 < n && isalpha((unsigned char)s[we2])) we2++;
		if (req__in_ci(joins, s + after, we2 - after)) more_words = false;
	}
	bool lower_pair = k > p && islower((unsigned char)s[p]) && ve > v && c->tag_list_until >= c->line && !req__stop_key(s + p, k - p);
	if ((req__keyish(s + p, k - p) || lower_pair) && !more_words)
		req_add(c, IG_REQ_TAG, ig_arena_strndup(c->a, s + p, k - p), ve > v ? ig_arena_strndup(c->a, s + v, ve - v) : NULL);
	return ve > v ? ve : k;
}

/* Items separated by commas, "and", "or" and slashes, up to other words. */
static void req__tag_list(req_ctx *c, const char *s, size_t n, size_t p)
{
	/* "Tags: apply Environment and Project to every resource" */
	for (int skip = 0; skip < 3; skip++) {
		while (p < n && s[p] == ' ') p++;
		if (p >= n || !islower((unsigned char)s[p])) break;
		size_t q = p;
		while (q < n && isalpha((unsigned char)s[q])) q++;
		if (q < n && (s[q] == '=' || s[q] == ':' || (s[q] == ' ' && q + 1 < n && (s[q + 1] == '=' || s[q + 1] == ':')))) break;
		p = q;
	}
	for (int items = 0; p < n && items < 12; items++) {
		size_t q = req__tag_item(c, s, n, p);
		if (q == p) return;
		p = q;
		while (p < n && (s[p] == ' ' || s[p] == '"' || s[p] == '\'' || s[p] == ')')) p++;
		if (p < n && (s[p] == ',' || s[p] == '/' || s[p] == ';')) p++;
		while (p < n && s[p] == ' ') p++;
		if (n - p >= 4 && !strncasecmp(s + p, "and ", 4)) p += 4;
		else if (n - p >= 3 && !strncasecmp(s + p, "or ", 3)) p += 3;
		while (p < n && (s[p] == '"' || s[p] == '\'' || s[p] == '{')) p++;
		if (p < n && !isupper((unsigned char)s[p])) return;
	}
}

/* Tags: pairs and keys after "tagged with", "tags:", "tags (", the list under
 * a "Tags:" lead-in or heading, and "an Environment tag". "Buckets tagged X"
 * without must/should describes existing resources (a filter), not a tag to set. */
static void req__tags(req_ctx *c, const req_clause *cl)
{
	const char *s = cl->text;
	size_t n = cl->len;
	regmatch_t m[3];
	bool tag_line = req_find(re_tag_word(), s, 0, m, 3) == 0;
	bool in_list = !tag_line && c->tag_list_until >= c->line;
	if ((!tag_line && !in_list) || cl->hedged) return;
	if (in_list) {
		const char *p = s;
		while (*p == ' ' || *p == '-' || *p == '*' || *p == '+' || *p == '|') p++;
		if (*p == '}') { c->tag_list_until = 0; return; }
		if (p == s && !(c->tag_list_heading && s[0] != '#')) { c->tag_list_until = 0; return; }
		req__tag_list(c, s, n, (size_t)(p - s));
		c->tag_list_until = c->line + 2;
		return;
	}
	bool must = ig_memcasestr(s, n, "must") || ig_memcasestr(s, n, "should") || ig_memcasestr(s, n, "all ") ||
		    ig_memcasestr(s, n, "every") || ig_memcasestr(s, n, "each") || ig_memcasestr(s, n, "ensure") ||
		    ig_memcasestr(s, n, "apply") || ig_memcasestr(s, n, "required") || ig_memcasestr(s, n, "mandatory");
	for (size_t at = 0; req_find(re_tag_word(), s, at, m, 3) == 0; at = (size_t)m[0].rm_eo) {
		size_t ws = (size_t)m[2].rm_so, we = (size_t)m[2].rm_eo;
		bool tagged = we - ws == 6;
		if (tagged && !must) continue;
		if (we - ws == 7) continue; /* "tagging" names the topic */
		/* "an Environment tag", "Environment and Owner tags" */
		size_t ke = ws;
		while (ke > 0 && s[ke - 1] == ' ') ke--;
		size_t ks = ke;
		while (ks > 0 && isalnum((unsigned char)s[ks - 1])) ks--;
		size_t before = ks;
		while (before > 0 && s[before - 1] == ' ') before--;
		bool is_value = before > 0 && (s[before - 1] == ':' || s[before - 1] == '=');
		/* "Immutable tags enabled" is a setting */
		const char *nx = s + we;
		while (*nx == ' ') nx++;
		bool setting = !strncasecmp(nx, "enabled", 7) || !strncasecmp(nx, "disabled", 8) || !strncasecmp(nx, "immutab", 7);
		if (!tagged && !setting && ke > ks && !is_value && req__keyish(s + ks, ke - ks) && !ig_service_fold(s + ks, ke - ks))
			req_add(c, IG_REQ_TAG, ig_arena_strndup(c->a, s + ks, ke - ks), NULL);
		bool plural = we - ws == 4;
		if (!tagged && is_value && plural && req__keyish(s + ks, ke - ks)) /* "Cost Tracking: CostCenter tags" */
			req_add(c, IG_REQ_TAG, ig_arena_strndup(c->a, s + ks, ke - ks), NULL);
		else if (!tagged && is_value) { /* "Environment: Production tag" */
			size_t k2e = before - 1;
			while (k2e > 0 && s[k2e - 1] == ' ') k2e--;
			size_t k2s = k2e;
			while (k2s > 0 && isalnum((unsigned char)s[k2s - 1])) k2s--;
			if (req__keyish(s + k2s, k2e - k2s))
				req_add(c, IG_REQ_TAG, ig_arena_strndup(c->a, s + k2s, k2e - k2s), ig_arena_strndup(c->a, s + ks, ke - ks));
		}
		/* a list after the word needs a cue: "tags:", "tagged with", "tags (", "tags such as" */
		size_t p = we;
		while (p < n && s[p] == ' ') p++;
		/* "Tag every resource with ...": the cue may follow a few words */
		for (int skip = 0; skip < 4 && p < n && isalpha((unsigned char)s[p]); skip++) {
			if (!strncasecmp(s + p, "with", 4) || !strncasecmp(s + p, "including", 9) || !strncasecmp(s + p, "such as", 7)) break;
			size_t q = p;
			while (q < n && isalpha((unsigned char)s[q])) q++;
			size_t r = q;
			while (r < n && s[r] == ' ') r++;
			if (r < n && s[r] == '=') break; /* "tag Project = X": the key itself */
			if (q < n && s[q] == ':') { p = q; break; }
			while (q < n && s[q] == ' ') q++;
			if (q == p) break;
			p = q;
		}
		static const char *const cues[] = {":", "(", "with:", "with", "including", "like", "such as", "=", "for", "as", NULL};
		if (p < n && isupper((unsigned char)s[p])) {
			size_t q = p;
			while (q < n && (isalnum((unsigned char)s[q]) || s[q] == '_')) q++;
			while (q < n && s[q] == ' ') q++;
			if (q < n && s[q] == '=') { req__tag_list(c, s, n, p); continue; }
		}
		for (int i = 0; cues[i]; i++) {
			size_t cl_ = strlen(cues[i]);
			if (n - p >= cl_ && !strncasecmp(s + p, cues[i], cl_) && (ispunct((unsigned char)cues[i][0]) || p + cl_ == n || s[p + cl_] == ' ')) {
				size_t q = p + cl_;
				/* "tagged with the following keys:", "tags for cost allocation" */
				while (q < n && s[q] == ' ') q++;
				if (!strcmp(cues[i], "for")) break;
				req__tag_list(c, s, n, q);
				break;
			}
		}
	}
	/* "Tag every resource with:" opens a list */
	if (n && s[n - 1] == ':' && c->tag_list_until < c->line + 2) c->tag_list_until = c->line + 2;
	if (n && s[n - 1] == '{') c->tag_list_until = c->line + 1, c->tag_list_heading = true; /* "tags = {" */
}

static int req__days(const char *num, size_t n, const char *unit)
{
	int v = req_number(num, n);
	if (v < 0) {
		if (!strncasecmp(num, "thirty", 6)) v = 30;
		else if (!strncasecmp(num, "ninety", 6)) v = 90;
		else return -1;
	}
	if (!strncasecmp(unit, "month", 5)) return v == 12 ? 365 : v * 30;
	if (!strncasecmp(unit, "year", 4) || !strncasecmp(unit, "yr", 2)) return v * 365;
	return v;
}

static size_t req__dist(const char *s, req_rx *re, size_t at)
{
	regmatch_t m[1];
	size_t best = (size_t)-1;
	for (size_t p = 0; req_find(re, s, p, m, 1) == 0; p = (size_t)m[0].rm_eo) {
		size_t d = (size_t)m[0].rm_so > at ? (size_t)m[0].rm_so - at : at - (size_t)m[0].rm_so;
		if (d < best) best = d;
		if (m[0].rm_eo == m[0].rm_so) break;
	}
	return best;
}

/* Periods in days: log and backup retention, rotation; the kind is the
 * nearest keyword to the number. Lifecycle transitions are not retention. */
static void req__periods(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged) return;
	const char *s = cl->text;
	regmatch_t m[6];
	for (size_t at = 0; req_find(re_days(), s, at, m, 6) == 0; at = (size_t)m[0].rm_eo) {
		const char *unit = s + m[5].rm_so;
		int hi = req__days(s + m[4].rm_so, (size_t)(m[4].rm_eo - m[4].rm_so), unit);
		if (hi <= 0) continue;
		int lo = -1;
		if (m[1].rm_so >= 0) lo = req__days(s + m[2].rm_so, (size_t)(m[2].rm_eo - m[2].rm_so), unit);
		if (lo < 0 && m[0].rm_so >= 8) {
			const char *b = s + m[0].rm_so;
			/* "between 7 and 30 days" is read by the pattern; "from 7 to 30" too */
			(void)b;
		}
		size_t pos = (size_t)m[0].rm_so;
		size_t dr = req__dist(s, re_rotation_kw(), pos), db = req__dist(s, re_backup_kw(), pos),
		       dl = req__dist(s, re_log_kw(), pos);
		ig_req_kind kind;
		if (dr != (size_t)-1 && dr <= db && dr <= dl) kind = IG_REQ_ROTATION;
		else if (db != (size_t)-1 && db <= dl) kind = IG_REQ_BACKUP_RETENTION;
		else if (dl != (size_t)-1) kind = IG_REQ_LOG_RETENTION;
		else continue;
		if (kind != IG_REQ_ROTATION && req_find(re_retain_kw(), s, 0, m + 0 + 5, 1) != 0 && !ig_memcasestr(s, cl->len, "recovery"))
			continue;
		if (ig_memcasestr(s, cl->len, "transition") && !ig_memcasestr(s, cl->len, "retention") &&
		    !ig_memcasestr(s, cl->len, "expir") && !ig_memcasestr(s, cl->len, "delet"))
			continue;
		char *head = ig_arena_strndup(c->a, s, pos);
		regmatch_t mm[1];
		bool at_least = req_find(re_min_kw(), head, 0, mm, 1) == 0 ||
				ig_memcasestr(s + m[0].rm_eo, cl->len - (size_t)m[0].rm_eo < 12 ? cl->len - (size_t)m[0].rm_eo : 12, "or more") ||
				ig_memcasestr(s + m[0].rm_eo, cl->len - (size_t)m[0].rm_eo < 12 ? cl->len - (size_t)m[0].rm_eo : 12, "minimum");
		const char *v = lo > 0 && lo < hi ? ig_arena_printf(c->a, "%d-%d", lo, hi)
					       : ig_arena_printf(c->a, "%d%s", hi, at_least ? "+" : "");
		req_add(c, kind, v, NULL);
	}
}

static void req__literals(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged || cl->example) return;
	const char *s = cl->text;
	regmatch_t m[8];
	for (size_t at = 0; req_find(re_instance(), s, at, m, 1) == 0; at = (size_t)m[0].rm_eo)
		req_add(c, IG_REQ_INSTANCE, req__lower(c, s, m[0]), NULL);
	for (size_t at = 0; req_find(re_cidr(), s, at, m, 1) == 0; at = (size_t)m[0].rm_eo) {
		char *cidr = req__sub(c, s, m[0]);
		if (strcmp(cidr, "0.0.0.0/0") != 0) req_add(c, IG_REQ_CIDR, cidr, NULL);
	}
	for (size_t at = 0; req_find(re_engine(), s, at, m, 1) == 0; at = (size_t)m[0].rm_eo) {
		char *e = ig_fold_alnum(c->a, s + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
		/* "Aurora Serverless v2: PostgreSQL 15.3" */
		if (!strstr(e, "aurora") && (!strcmp(e, "postgresql") || !strcmp(e, "postgres") || !strcmp(e, "mysql")) &&
		    ig_memcasestr(s, (size_t)m[0].rm_so, "aurora"))
			e = ig_arena_printf(c->a, "aurora%s", e);
		const char *name = strstr(e, "aurora") ? (strstr(e, "postgres") ? "aurora-postgresql" : "aurora-mysql")
			: strstr(e, "postgres") ? "postgres" : strstr(e, "sqlserver") ? "sqlserver" : e;
		regmatch_t v[5];
		const char *rest = s + m[0].rm_eo;
		const char *val = name;
		bool port = false;
		if (req_find(re_engine_ver(), rest, 0, v, 5) == 0 && v[3].rm_so >= 0) {
			const char *num = rest + v[3].rm_so;
			size_t nl = (size_t)(v[3].rm_eo - v[3].rm_so);
			port = !memchr(num, '.', nl) && nl >= 3; /* "MySQL (3306)" is a port */
		}
		if (!port && req_find(re_engine_ver(), rest, 0, v, 5) == 0 && v[3].rm_so >= 0 && v[0].rm_eo - v[0].rm_so < 24)
			val = ig_arena_printf(c->a, "%s %.*s", name, (int)(v[3].rm_eo - v[3].rm_so), rest + v[3].rm_so);
		/* "PostgreSQL or MySQL" offers a choice; "MySQL (port 3306)" names traffic */
		const char *after = s + m[0].rm_eo;
		while (*after == ' ' || *after == '(') after++;
		const char *head = s + m[0].rm_so;
		bool choice = !strncasecmp(after, "or ", 3) || !strncasecmp(after, "/", 1) ||
			      (head - s >= 4 && !strncasecmp(head - 4, " or ", 4)) || (head - s >= 1 && head[-1] == '/');
		bool traffic = !strncasecmp(after, "port", 4) || !strncasecmp(after, "traffic", 7) || !strncasecmp(after, "access", 6) ||
			       !strncasecmp(after, "protocol", 8);
		if (!choice && !traffic) req_add(c, IG_REQ_ENGINE, val, NULL);
	}
}

static void req__security(req_ctx *c, const req_clause *cl)
{
	if (cl->hedged) return;
	const char *s = cl->text;
	regmatch_t m[4];
	if (req_find(re_destroy(), s, 0, m, 1) == 0) req_add(c, IG_REQ_DESTROY, "yes", NULL);
	if (req_find(re_encrypt(), s, 0, m, 1) == 0 && req_find(re_encrypt_neg(), s, 0, m, 1) != 0) {
		bool transit = req_find(re_transit(), s, 0, m, 1) == 0;
		bool rest = req_find(re_rest(), s, 0, m, 1) == 0;
		if (rest || !transit) req_add(c, IG_REQ_ENCRYPTION, "yes", NULL);
	}
	if (req_find(re_kms(), s, 0, m, 1) == 0 && req_find(re_kms_neg(), s, 0, m, 1) != 0) req_add(c, IG_REQ_KMS, "yes", NULL);
	if (req_find(re_tls_neg(), s, 0, m, 1) == 0) return;
	bool ver = false;
	for (size_t at = 0; req_find(re_tls_ver(), s, at, m, 4) == 0; at = (size_t)m[0].rm_eo) {
		char *rest = ig_arena_strdup(c->a, s + m[0].rm_eo);
		if (strlen(rest) > 24) rest[24] = 0;
		char *head = ig_arena_strndup(c->a, s, (size_t)m[0].rm_so);
		size_t hl = strlen(head);
		regmatch_t mm[1];
		bool min = req_find(re_tls_min(), rest, 0, mm, 1) == 0 ||
			   (hl > 16 && req_find(re_tls_min(), head + hl - 16, 0, mm, 1) == 0) ||
			   (hl <= 16 && req_find(re_tls_min(), head, 0, mm, 1) == 0);
		req_add(c, IG_REQ_TLS, ig_arena_printf(c->a, "%.*s%s", (int)(m[3].rm_eo - m[3].rm_so), s + m[3].rm_so, min ? "+" : ""), NULL);
		ver = true;
	}
	if (!ver && req_find(re_tls_any(), s, 0, m, 1) == 0) req_add(c, IG_REQ_TLS, "required", NULL);
}

/* Platform: the most specific tool named anywhere outside code (CDKTF over
 * CDK over Terraform; CloudFormation only when nothing else is named: CDK
 * prompts mention the templates they synthesise). Language: the one named on
 * the platform's line, else on a "Language:" line, else after "in"/"using". */
static void req__platform(req_ctx *c, const req_clause *cl)
{
	/* static: each pattern is compiled once for the process */
	static struct { req_rx rx; const char *name; int rank; } plats[] = {
		{{.pattern = "cdktf|cdk for terraform|cdk-tf|terraform cdk|cdk terraform", .needles = "cdk|terraform"}, "cdktf", 5},
		{{.pattern = "pulumi", .needles = "pulumi"}, "pulumi", 4},
		{{.pattern = "\\bcdk\\b|cloud development kit", .needles = "cdk|cloud development kit"}, "cdk", 3},
		{{.pattern = "terraform|\\bhcl\\b", .needles = "terraform|hcl"}, "tf", 2},
		{{.pattern = "cloudformation|\\bcfn\\b", .needles = "cloudformation|cfn"}, "cfn", 1},
	};
	static struct { req_rx rx; const char *name; } langs[] = {
		{{.pattern = "typescript", .needles = "typescript"}, "ts"},
		{{.pattern = "javascript|node\\.?js", .needles = "javascript|node"}, "js"},
		{{.pattern = "python", .needles = "python"}, "py"},
		{{.pattern = "golang|go language", .needles = "golang|go language"}, "go"},
		{{.pattern = "\\bjava\\b", .needles = "java"}, "java"},
		{{.pattern = "\\byaml\\b|\\byml\\b", .needles = "yaml|yml"}, "yaml"},
		{{.pattern = "\\bjson\\b", .needles = "json"}, "json"},
		{{.pattern = "\\bhcl\\b", .needles = "hcl"}, "hcl"},
	};
	const char *s = cl->text;
	regmatch_t m[1];
	if (req_find(re_neg_clause(), s, 0, m, 1) == 0 || cl->hedged) return;
	int rank = 0;
	size_t ppos = 0;
	for (int i = 0; i < 5; i++)
		if (req_find(&plats[i].rx, s, 0, m, 1) == 0 && plats[i].rank > rank) {
			rank = plats[i].rank, ppos = (size_t)m[0].rm_so;
			if (rank > c->platform_rank)
				c->platform_rank = rank, c->platform = plats[i].name, c->platform_line = c->line, c->platform_quote = c->quote;
		}
	/* a language word: "Go" only with a capital and a cue ("in Go", "Go SDK") */
	const char *lang = NULL;
	size_t best = (size_t)-1;
	for (int i = 0; i < 8; i++)
		if (req_find(&langs[i].rx, s, 0, m, 1) == 0) {
			size_t d = (size_t)m[0].rm_so > ppos ? (size_t)m[0].rm_so - ppos : ppos - (size_t)m[0].rm_so;
			if (d < best) best = d, lang = langs[i].name;
		}
	if (!lang) {
		const char *g = strstr(s, "Go");
		while (g && ((g > s && isalnum((unsigned char)g[-1])) || isalnum((unsigned char)g[2]))) g = strstr(g + 2, "Go");
		if (g && (ig_memcasestr(s, (size_t)(g - s), "in ") || ig_memcasestr(s, (size_t)(g - s), "using ") ||
			  ig_memcasestr(s, (size_t)(g - s), "with ") || ig_memcasestr(s, (size_t)(g - s), "language")))
			lang = "go";
	}
	if (!lang) return;
	/* JSON and YAML name a language only for templates */
	if ((!strcmp(lang, "json") || !strcmp(lang, "yaml")) && rank != 1 && !ig_memcasestr(s, cl->len, "template")) return;
	bool labelled = ig_memcasestr(s, cl->len, "language") != NULL;
	bool cued = ig_memcasestr(s, cl->len, " in ") || ig_memcasestr(s, cl->len, "using") || ig_memcasestr(s, cl->len, "with") || ig_memcasestr(s, cl->len, "written");
	int strength = rank ? 3 : labelled ? 2 : cued ? 1 : 0;
	if (strength > c->language_strength) {
		c->language_strength = strength;
		c->language = lang, c->language_line = c->line, c->language_quote = c->quote;
	}
}

void req_kinds_clause(req_ctx *c, const req_clause *cl)
{
	if (cl->audit) {
		req__regions(c, cl);
		req__platform(c, cl);
		return;
	}
	req__regions(c, cl);
	req__azs(c, cl);
	req__counts(c, cl);
	req__tags(c, cl);
	req__periods(c, cl);
	req__literals(c, cl);
	req__security(c, cl);
	regmatch_t m[1];
	if (!cl->hedged && req_find(re_suffix(), cl->text, 0, m, 1) == 0) req_add(c, IG_REQ_ENV_SUFFIX, "yes", NULL);
	req__platform(c, cl);
}
