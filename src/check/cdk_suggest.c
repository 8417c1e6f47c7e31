/* "Did you mean" for the CDK checks: the closest names by spelling, and for
 * enums whose members carry numbers (RetentionDays.ONE_MONTH is 30) the
 * member meaning the same quantity (THIRTY_DAYS is 30 days: ONE_MONTH). */
#include "check/cdk.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SUGGEST_MAX 5
#define SUGGEST_UNITS 8

/* English number words, as enum member names spell counts; -1 if not one. */
static long suggest__number(const char *w, size_t n)
{
	static const char *const small[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
					    "TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN",
					    "SEVENTEEN", "EIGHTEEN", "NINETEEN"};
	static const char *const tens[] = {"TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"};
	for (size_t i = 0; i < sizeof small / sizeof *small; i++)
		if (strlen(small[i]) == n && strncasecmp(small[i], w, n) == 0) return (long)i;
	for (size_t i = 0; i < sizeof tens / sizeof *tens; i++)
		if (strlen(tens[i]) == n && strncasecmp(tens[i], w, n) == 0) return (long)(i + 2) * 10;
	if (!n || n > 8) return -1;
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)w[i])) return -1;
		v = v * 10 + (w[i] - '0');
	}
	return v;
}

static int suggest__unit(const char *w, size_t n)
{
	static const char *const units[SUGGEST_UNITS] = {"SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "YEAR", "MILLISECOND"};
	if (n > 1 && (w[n - 1] == 'S' || w[n - 1] == 's')) n--;
	for (int i = 0; i < SUGGEST_UNITS; i++)
		if (strlen(units[i]) == n && strncasecmp(units[i], w, n) == 0) return i;
	return -1;
}

/* "THIRTY_DAYS" -> 30, day; "ONE_HUNDRED_EIGHTY_DAYS" -> 180, day; the unit
 * may come first too: "MONTHS_1" -> 1, month (PerformanceInsightRetention). */
static bool suggest__quantity(const char *name, long *count, int *unit)
{
	long total = 0, cur = 0;
	bool any = false, unit_first = false;
	*unit = -1;
	size_t first = strcspn(name, "_");
	if (name[first] == '_' && (*unit = suggest__unit(name, first)) >= 0) {
		unit_first = true;
		name += first + 1;
	}
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, "_");
		if (*unit >= 0 && !unit_first) return false; /* the unit comes last */
		long v = suggest__number(p, n);
		if (v >= 0) {
			cur += v;
			any = true;
		} else if (n == 7 && strncasecmp(p, "HUNDRED", 7) == 0) {
			cur = (cur ? cur : 1) * 100;
		} else if (n == 8 && strncasecmp(p, "THOUSAND", 8) == 0) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
		} else if (unit_first || (*unit = suggest__unit(p, n)) < 0) {
			return false;
		}
		p += n;
		while (*p == '_') p++;
	}
	*count = total + cur;
	return any && *unit >= 0 && *count > 0;
}

typedef struct {
	const ig_kb *kb;
	double per_unit[SUGGEST_UNITS]; /* value of one unit, learned from the members */
	long want_count;
	int want_unit;
	const ig_kb_entry *best;
	double best_diff, target;
} suggest_value_ctx;

static bool suggest__learn(const ig_kb_entry *e, void *vctx)
{
	suggest_value_ctx *c = vctx;
	const char *v = ig_kb_str(c->kb, e->extra);
	long count;
	int unit;
	if (ig_kb_kind_of(e) == IG_KB_ENUM_MEMBER && *v && suggest__quantity(ig_kb_name(c->kb, e), &count, &unit) &&
	    c->per_unit[unit] == 0)
		c->per_unit[unit] = atof(v) / (double)count;
	return true;
}

static bool suggest__match(const ig_kb_entry *e, void *vctx)
{
	suggest_value_ctx *c = vctx;
	const char *v = ig_kb_str(c->kb, e->extra);
	if (ig_kb_kind_of(e) != IG_KB_ENUM_MEMBER || !*v) return true;
	double diff = fabs(atof(v) - c->target);
	if (!c->best || diff < c->best_diff) c->best = e, c->best_diff = diff;
	return true;
}

/* The member of a valued enum that means the quantity name spells, within a
 * tenth (TWELVE_MONTHS, 360 days, is ONE_YEAR, 365). */
const ig_kb_entry *ig_cdk_enum_by_value(const ig_kb *kb, const char *parent, const char *name)
{
	const ig_kb_entry *en = ig_kb_find(kb, parent, strlen(parent));
	suggest_value_ctx c = {.kb = kb};
	if (!en || ig_kb_kind_of(en) != IG_KB_ENUM || !suggest__quantity(name, &c.want_count, &c.want_unit)) return NULL;
	ig_kb_each_child(kb, parent, suggest__learn, &c);
	/* a unit no member names is had from one that does: DAYS_7 in an enum of MONTHS_N */
	static const double days[SUGGEST_UNITS] = {1.0 / 86400, 1.0 / 1440, 1.0 / 24, 1, 7, 365.25 / 12, 365.25, 1.0 / 86400000};
	for (int u = 0; u < SUGGEST_UNITS && c.per_unit[c.want_unit] == 0; u++)
		if (c.per_unit[u] != 0) c.per_unit[c.want_unit] = c.per_unit[u] / days[u] * days[c.want_unit];
	if (c.per_unit[c.want_unit] == 0) return NULL;
	c.target = (double)c.want_count * c.per_unit[c.want_unit];
	ig_kb_each_child(kb, parent, suggest__match, &c);
	return c.best && c.best_diff <= c.target / 10 ? c.best : NULL;
}

const char *cdk_spell(cdk *k, const char *name, bool member)
{
	size_t n = strlen(name);
	bool lower = false;
	for (size_t i = 0; i < n; i++) lower |= islower((unsigned char)name[i]) != 0;
	if (!lower || !member) return name; /* constants and type names are spelled alike everywhere */
	if (k->lang == IG_LANG_GO) {
		char *s = ig_arena_strdup(k->a, name);
		s[0] = (char)toupper((unsigned char)s[0]);
		return s;
	}
	if (k->lang != IG_LANG_PY) return name;
	/* snake_case as jsii writes it: a break before an upper-case letter that
	 * follows a lower-case letter or digit, or that starts a word after an acronym */
	char *s = ig_arena_alloc(k->a, n * 2 + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (isupper(ch) && i > 0 &&
		    (islower((unsigned char)name[i - 1]) || isdigit((unsigned char)name[i - 1]) ||
		     (isupper((unsigned char)name[i - 1]) && i + 1 < n && islower((unsigned char)name[i + 1]))))
			s[o++] = '_';
		s[o++] = (char)tolower(ch);
	}
	s[o] = 0;
	return s;
}

const char *cdk_suggest(cdk *k, const char *const *parents, size_t n, const char *name)
{
	const ig_kb_entry *out[SUGGEST_MAX + 1];
	size_t m = 0;
	const ig_kb_entry *meant = n ? ig_cdk_enum_by_value(k->kb, parents[0], name) : NULL;
	if (meant) out[m++] = meant;
	const ig_kb_entry *near[SUGGEST_MAX];
	size_t q = ig_kb_closest_among(k->kb, parents, n, name, near, SUGGEST_MAX);
	for (size_t i = 0; i < q && m < SUGGEST_MAX; i++)
		if (near[i] != meant) out[m++] = near[i];
	if (!m) return NULL;
	char buf[512];
	size_t used = (size_t)snprintf(buf, sizeof buf, "did you mean ");
	for (size_t i = 0; i < m && used < sizeof buf; i++) {
		const ig_kb_entry *e = out[i];
		bool member = ig_kb_kind_of(e) != IG_KB_MODULE && ig_kb_kind_of(e) != IG_KB_CLASS &&
			      ig_kb_kind_of(e) != IG_KB_STRUCT && ig_kb_kind_of(e) != IG_KB_INTERFACE && ig_kb_kind_of(e) != IG_KB_ENUM;
		const char *spelt = k->java_setters && ig_kb_kind_of(e) == IG_KB_PROPERTY ? cdk_java_setter(k, e)
											  : cdk_spell(k, ig_kb_name(k->kb, e), member);
		int w = snprintf(buf + used, sizeof buf - used, "%s%s", i ? ", " : "", spelt);
		if (w < 0) break;
		used += (size_t)w;
	}
	if (used >= sizeof buf) used = sizeof buf - 1;
	buf[used] = 0;
	return ig_arena_strdup(k->a, buf);
}
