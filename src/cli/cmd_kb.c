/* iacgrade kb QUERY...: what the knowledge base knows of a name. */
#include "check/check.h"
#include "cli/cli.h"
#include "kb/kb.h"
#include "util/buf.h"
#include "util/jsonw.h"
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void kb__help(FILE *out)
{
	fputs("usage: iacgrade kb QUERY... [--format text|json] [--members]\n"
	      "       iacgrade kb --stats\n\n"
	      "Looks a name up in the knowledge base built from AWS's API data packages (aws-cdk-lib's jsii\n"
	      "manifest, @aws-cdk/aws-service-spec, @cdktf/provider-aws, @pulumi/aws) and prints whether it\n"
	      "exists, what it is, its type, allowed values, whether it is required, deprecated (with the\n"
	      "data's message) or only in an older provider version, and the closest names when it does not\n"
	      "exist. Names are written as in TypeScript / the data (docs/knowledge-base.md):\n\n"
	      "  CDK             aws_rds.AuroraPostgresEngineVersion.VER_15_4, aws_logs.RetentionDays, Duration\n"
	      "  CloudFormation  AWS::Logs::LogGroup.RetentionInDays, AWS::S3::Bucket\n"
	      "  Terraform       aws_s3_bucket.acl, aws_backup_plan.rule.lifecycle\n"
	      "  Pulumi          pulumi:s3.Bucket, pulumi:lambda.Runtime.NodeJS20dX\n"
	      "  hand facts      fact:reserved-domain.example.com (data/kb/facts.tsv, each with its source URL)\n\n"
	      "A prefix cdk:, cfn:, tf:, pulumi: or fact: picks the source; without one every source is tried.\n"
	      "A member of a CDK type is found through its bases (aws_eks.ClusterProps.vpc); a name asked without\n"
	      "its module is answered with the full names that end with it (RetentionDays: aws_logs.RetentionDays).\n\n"
	      "options:\n"
	      "  --format F   text (default) or json\n"
	      "  --members    list every direct member of the name (otherwise the first 20)\n"
	      "  --stats      load every source and print its package, entries, size and load time\n\n"
	      "exit codes: 0 every name exists; 1 a name does not exist; 2 usage; 3 the knowledge base is\n"
	      "            missing (build it with make).\n\n"
	      "examples:\n"
	      "  iacgrade kb aws_rds.AuroraPostgresEngineVersion.VER_15_4\n"
	      "  iacgrade kb aws_logs.RetentionDays.THIRTY_DAYS\n"
	      "  iacgrade kb AWS::Logs::LogGroup.RetentionInDays --format json\n"
	      "  iacgrade kb aws_s3_bucket.acl\n", out);
}

typedef struct {
	const char *prefix;
	const ig_kb *kb;
} kb_source;

typedef struct {
	const ig_kb *kb;           /* where the answer comes from */
	const ig_kb_entry *entry;  /* the name, when it exists */
	const ig_kb_entry *target; /* what an alias names */
	const ig_kb_entry *owner;  /* the base type a member was found on, when the named type inherits it */
	const ig_kb_entry *parent; /* the deepest existing ancestor, when it does not */
	const char *missing;       /* the first segment below parent that is absent */
	const ig_kb_entry *near[8];
	size_t n_near;
	const char *qualified[6];  /* when nothing starts like the name: full names ending with it, "cdk:aws_logs.RetentionDays" */
	size_t n_qualified;
} kb_answer;

/* Answer one query from one source: the entry, or how far the name exists. */
static void kb__ask(const ig_kb *kb, const char *q, kb_answer *a)
{
	memset(a, 0, sizeof *a);
	a->kb = kb;
	size_t n = strlen(q);
	a->entry = ig_kb_find(kb, q, n);
	if (a->entry) {
		if (ig_kb_kind_of(a->entry) == IG_KB_ALIAS) a->target = ig_kb_resolve(kb, a->entry);
		return;
	}
	for (size_t cut = n; cut-- > 0;) {
		if (q[cut] != '.') continue;
		const ig_kb_entry *p = ig_kb_find(kb, q, cut);
		if (!p) continue;
		a->parent = p;
		a->missing = q + cut + 1;
		break;
	}
	/* a CDK type has the members of its bases too (ClusterProps.vpc is ClusterOptions.vpc's) */
	const ig_kb_entry *chain[IG_KB_MAX_BASES];
	const char *keys[IG_KB_MAX_BASES];
	bool complete;
	size_t n_chain = a->parent ? ig_kb_bases(kb, a->parent, chain, IG_KB_MAX_BASES, &complete) : 0;
	for (size_t i = 1; i < n_chain; i++) {
		char key[512];
		int w = snprintf(key, sizeof key, "%s.%s", ig_kb_key(kb, chain[i]), a->missing);
		const ig_kb_entry *e = w > 0 && (size_t)w < sizeof key ? ig_kb_find(kb, key, (size_t)w) : NULL;
		if (!e) continue;
		a->entry = e;
		a->owner = chain[i];
		if (ig_kb_kind_of(e) == IG_KB_ALIAS) a->target = ig_kb_resolve(kb, e);
		return;
	}
	for (size_t i = 0; i < n_chain; i++) keys[i] = ig_kb_key(kb, chain[i]);
	char seg[256];
	const char *name = a->missing ? a->missing : q;
	size_t len = strcspn(name, ".");
	if (len >= sizeof seg) len = sizeof seg - 1;
	memcpy(seg, name, len);
	seg[len] = 0;
	a->n_near = n_chain ? ig_kb_closest_among(kb, keys, n_chain, seg, a->near, 8) : 0;
	/* an enum member named by its quantity: the member of that value first */
	const ig_kb_entry *meant = a->parent ? ig_cdk_enum_by_value(kb, ig_kb_key(kb, a->parent), seg) : NULL;
	if (!meant) return;
	size_t at = 0;
	while (at < a->n_near && a->near[at] != meant) at++;
	if (at == a->n_near && a->n_near < 8) a->n_near++;
	for (size_t i = at < 8 ? at : 7; i > 0; i--) a->near[i] = a->near[i - 1];
	a->near[0] = meant;
}

/* How deep the answer reaches: a found name beats any partial one. */
static size_t kb__depth(const kb_answer *a)
{
	if (a->entry) return (size_t)-1;
	return a->parent ? strlen(ig_kb_key(a->kb, a->parent)) + 1 : 0;
}

static const char *kb__flags(ig_buf *b, const ig_kb_entry *e)
{
	static const struct { uint32_t bit; const char *name; } names[] = {
		{IG_KB_REQUIRED, "required"}, {IG_KB_OPTIONAL, "optional"}, {IG_KB_STATIC, "static"},
		{IG_KB_ABSTRACT, "abstract"}, {IG_KB_COMPUTED, "computed (read-only)"}, {IG_KB_CONST, "constant"},
		{IG_KB_DEPRECATED, "deprecated"}, {IG_KB_REMOVED, "removed"}};
	ig_buf_reset(b);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (ig_kb_has(e, names[i].bit)) ig_buf_printf(b, "%s%s", b->len ? ", " : "", names[i].name);
	return ig_buf_cstr(b);
}

typedef struct {
	const ig_kb *kb;
	ig_buf *out;
	ig_jsonw *w;
	size_t shown, limit;
} kb_members;

static bool kb__member(const ig_kb_entry *e, void *vctx)
{
	kb_members *m = vctx;
	if (m->shown++ >= m->limit) return true; /* keep counting */
	if (m->w) {
		ig_jsonw_obj(m->w);
		ig_jsonw_kstr(m->w, "name", ig_kb_name(m->kb, e));
		ig_jsonw_kstr(m->w, "kind", ig_kb_kind_name(ig_kb_kind_of(e)));
		ig_jsonw_kbool(m->w, "deprecated", ig_kb_has(e, IG_KB_DEPRECATED));
		ig_jsonw_obj_end(m->w);
	} else {
		const char *type = ig_kb_str(m->kb, e->type);
		ig_buf_printf(m->out, "    %-40s %s%s%s%s\n", ig_kb_name(m->kb, e), ig_kb_kind_name(ig_kb_kind_of(e)),
			      *type ? ": " : "", type, ig_kb_has(e, IG_KB_DEPRECATED) ? " (deprecated)" : "");
	}
	return true;
}

/* What the extra and aux fields hold, per kind (src/kb/kb.h). */
static void kb__labels(ig_kb_kind k, const char *labels[2])
{
	labels[0] = "extra";
	labels[1] = "aux";
	switch (k) {
	case IG_KB_MODULE: labels[1] = "names"; break;
	case IG_KB_CLASS: labels[0] = "bases"; labels[1] = "init"; break;
	case IG_KB_INTERFACE: case IG_KB_STRUCT: labels[0] = "bases"; break;
	case IG_KB_METHOD: case IG_KB_STATIC_METHOD: labels[1] = "params"; break;
	case IG_KB_ENUM_MEMBER: labels[0] = "value"; break;
	case IG_KB_CFN_PROPERTY: labels[0] = "allowed"; break;
	case IG_KB_FACT: labels[0] = "value"; labels[1] = "source"; break;
	default: break;
	}
}

/* A '\n'-separated list: short items (allowed values) joined on lines of
 * about 100 columns, long ones (parameters, bases) one per line. */
static void kb__list(ig_buf *o, const char *label, const char *list)
{
	size_t longest = 0;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, "\n");
		if (n > longest) longest = n;
		p += n + (p[n] == '\n');
	}
	bool join = longest <= 24;
	ig_buf_printf(o, "  %s:%*s", label, (int)(11 - strlen(label)), "");
	size_t col = 14;
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, "\n");
		bool more = p[n] == '\n' && p[n + 1];
		ig_buf_put(o, p, n);
		col += n;
		if (more && join && col + 2 + longest < 100) {
			ig_buf_puts(o, ", ");
			col += 2;
		} else if (more) {
			ig_buf_puts(o, join ? ",\n              " : "\n              ");
			col = 14;
		}
		p += n + (p[n] == '\n');
	}
	ig_buf_putc(o, '\n');
}

/* Required: a CloudFormation or Terraform name flagged so, or a field of a CDK
 * struct that jsii does not mark optional (cdk.missing-required-prop). */
static bool kb__required(const ig_kb *kb, const ig_kb_entry *e)
{
	if (ig_kb_has(e, IG_KB_REQUIRED)) return true;
	if (ig_kb_kind_of(e) != IG_KB_PROPERTY || ig_kb_has(e, IG_KB_OPTIONAL)) return false;
	const char *key = ig_kb_key(kb, e), *dot = strrchr(key, '.');
	const ig_kb_entry *owner = dot ? ig_kb_find(kb, key, (size_t)(dot - key)) : NULL;
	return owner && ig_kb_kind_of(owner) == IG_KB_STRUCT;
}

/* When nothing starts like the name: the full names of the sources that end
 * with it (a type asked without its module: RetentionDays is
 * cdk:aws_logs.RetentionDays), at most six. */
typedef struct {
	kb_answer *a;
	const kb_source *source;
	ig_buf *names;
	size_t starts[6];
} kb_qualify_ctx;

static bool kb__qualify_visit(const ig_kb_entry *e, void *vctx)
{
	kb_qualify_ctx *c = vctx;
	if (ig_kb_kind_of(e) == IG_KB_ALIAS) return true;
	c->starts[c->a->n_qualified++] = c->names->len;
	ig_buf_printf(c->names, "%s%s", c->source->prefix, ig_kb_key(c->source->kb, e));
	ig_buf_putc(c->names, 0);
	return c->a->n_qualified < 6;
}

static void kb__qualify(kb_answer *a, const kb_source *sources, size_t n_sources, const char *q, ig_buf *names)
{
	kb_qualify_ctx c = {.a = a, .names = names};
	for (size_t s = 0; s < n_sources && a->n_qualified < 6; s++) {
		c.source = &sources[s];
		ig_kb_each_suffix(sources[s].kb, q, kb__qualify_visit, &c);
	}
	/* the names' bytes may have moved as the buffer grew: point at them last */
	for (size_t i = 0; i < a->n_qualified; i++) a->qualified[i] = names->data + c.starts[i];
}

static void kb__text(ig_buf *o, const char *q, const kb_answer *a, bool all_members)
{
	ig_buf flags = {0};
	const ig_kb *kb = a->kb;
	ig_buf_printf(o, "%s  (%s)\n", q, kb ? kb->source : "no source");
	if (!a->entry) {
		if (a->parent)
			ig_buf_printf(o, "  exists:     no: %s (%s) has no member %s\n", ig_kb_key(kb, a->parent),
				      ig_kb_kind_name(ig_kb_kind_of(a->parent)), a->missing);
		else
			ig_buf_puts(o, "  exists:     no: no indexed name starts like this\n");
		if (a->n_qualified) {
			ig_buf_puts(o, "  named so:   ");
			for (size_t i = 0; i < a->n_qualified; i++) ig_buf_printf(o, "%s%s", i ? ", " : "", a->qualified[i]);
			ig_buf_putc(o, '\n');
		}
		if (a->n_near) {
			ig_buf_puts(o, "  closest:    ");
			for (size_t i = 0; i < a->n_near; i++) ig_buf_printf(o, "%s%s", i ? ", " : "", ig_kb_name(kb, a->near[i]));
			ig_buf_putc(o, '\n');
		}
		ig_buf_free(&flags);
		return;
	}
	const ig_kb_entry *e = a->target ? a->target : a->entry;
	if (a->target) ig_buf_printf(o, "  alias of:   %s\n", ig_kb_key(kb, a->target));
	ig_buf_printf(o, "  exists:     yes, %s\n", ig_kb_kind_name(ig_kb_kind_of(e)));
	if (a->owner) ig_buf_printf(o, "  inherited:  from %s (%s)\n", ig_kb_key(kb, a->owner), ig_kb_key(kb, a->entry));
	const char *type = ig_kb_str(kb, e->type), *note = ig_kb_str(kb, e->note), *extra = ig_kb_str(kb, e->extra);
	const char *aux = ig_kb_str(kb, e->aux);
	if (*type) ig_buf_printf(o, "  type:       %s\n", type);
	const char *fl = kb__flags(&flags, e);
	if (*fl) ig_buf_printf(o, "  flags:      %s\n", fl);
	if (kb__required(kb, e) && !ig_kb_has(e, IG_KB_REQUIRED)) ig_buf_puts(o, "  required:   yes (a struct field jsii does not mark optional)\n");
	if (ig_kb_has(e, IG_KB_DEPRECATED)) ig_buf_printf(o, "  deprecated: %s\n", *note ? note : "(no message in the data)");
	else if (*note) ig_buf_printf(o, "  note:       %s\n", note);
	/* extra and aux hold lists; print one item per line, indented */
	const char *labels[2];
	kb__labels(ig_kb_kind_of(e), labels);
	const char *vals[2] = {extra, aux};
	for (int k = 0; k < 2; k++)
		if (*vals[k]) kb__list(o, labels[k], vals[k]);
	kb_members m = {kb, o, NULL, 0, all_members ? (size_t)-1 : 20};
	ig_buf members = {0};
	m.out = &members;
	ig_kb_each_child(kb, ig_kb_key(kb, e), kb__member, &m);
	if (m.shown) {
		ig_buf_printf(o, "  members:    %zu\n%s", m.shown, members.len ? ig_buf_cstr(&members) : "");
		if (m.shown > m.limit) ig_buf_printf(o, "    ... %zu more (--members lists them all)\n", m.shown - m.limit);
	}
	ig_buf_free(&members);
	ig_buf_free(&flags);
}

static void kb__json(ig_jsonw *w, const char *q, const kb_answer *a, bool all_members)
{
	const ig_kb *kb = a->kb;
	ig_jsonw_obj(w);
	ig_jsonw_kstr(w, "query", q);
	ig_jsonw_kstr(w, "source", kb ? kb->source : NULL);
	ig_jsonw_kbool(w, "exists", a->entry != NULL);
	if (!a->entry) {
		ig_jsonw_kstr(w, "parent", a->parent ? ig_kb_key(kb, a->parent) : NULL);
		ig_jsonw_kstr(w, "missing", a->missing);
		ig_jsonw_key(w, "closest");
		ig_jsonw_arr(w);
		for (size_t i = 0; i < a->n_near; i++) ig_jsonw_str(w, ig_kb_name(kb, a->near[i]));
		ig_jsonw_arr_end(w);
		ig_jsonw_key(w, "qualified");
		ig_jsonw_arr(w);
		for (size_t i = 0; i < a->n_qualified; i++) ig_jsonw_str(w, a->qualified[i]);
		ig_jsonw_arr_end(w);
		ig_jsonw_obj_end(w);
		return;
	}
	const ig_kb_entry *e = a->target ? a->target : a->entry;
	ig_jsonw_kstr(w, "key", ig_kb_key(kb, e));
	if (a->target) ig_jsonw_kstr(w, "alias_of", ig_kb_key(kb, a->target));
	if (a->owner) ig_jsonw_kstr(w, "inherited_from", ig_kb_key(kb, a->owner));
	ig_jsonw_kstr(w, "kind", ig_kb_kind_name(ig_kb_kind_of(e)));
	const char *type = ig_kb_str(kb, e->type);
	ig_jsonw_kstr(w, "type", *type ? type : NULL);
	ig_jsonw_kbool(w, "required", kb__required(kb, e));
	ig_jsonw_kbool(w, "optional", ig_kb_has(e, IG_KB_OPTIONAL));
	ig_jsonw_kbool(w, "deprecated", ig_kb_has(e, IG_KB_DEPRECATED));
	ig_jsonw_kbool(w, "removed", ig_kb_has(e, IG_KB_REMOVED));
	const char *note = ig_kb_str(kb, e->note);
	ig_jsonw_kstr(w, "note", *note ? note : NULL);
	ig_jsonw_kstr(w, "extra", *ig_kb_str(kb, e->extra) ? ig_kb_str(kb, e->extra) : NULL);
	ig_jsonw_kstr(w, "aux", *ig_kb_str(kb, e->aux) ? ig_kb_str(kb, e->aux) : NULL);
	ig_jsonw_key(w, "members");
	ig_jsonw_arr(w);
	kb_members m = {kb, NULL, w, 0, all_members ? (size_t)-1 : 20};
	ig_kb_each_child(kb, ig_kb_key(kb, e), kb__member, &m);
	ig_jsonw_arr_end(w);
	ig_jsonw_kint(w, "member_count", (long long)m.shown);
	ig_jsonw_obj_end(w);
}

static double kb__now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Load the sources afresh (not the process-wide set) and time each. */
static int kb__stats(void)
{
	static const char *const files[] = {"cdk.kb", "cfn.kb", "tf.kb", "pulumi.kb", "facts.kb"};
	ig_kbset probe;
	char err[2048];
	double t0 = kb__now();
	int loaded = ig_kbset_load(&probe, NULL, err, sizeof err);
	double all_ms = (kb__now() - t0) * 1e3;
	printf("knowledge base in %s: %d of 5 sources, loaded in %.1f ms\n", probe.dir, loaded, all_ms);
	ig_kbset_free(&probe);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[4096], msg[4200];
		snprintf(path, sizeof path, "%s/%s", probe.dir, files[i]);
		ig_kb kb;
		double t = kb__now();
		if (ig_kb_open(&kb, path, msg, sizeof msg) != 0) {
			printf("  %-10s missing: %s\n", files[i], msg);
			continue;
		}
		double ms = (kb__now() - t) * 1e3;
		printf("  %-10s %-34s %8u entries %7.1f MB %6.1f ms\n", files[i], kb.source, kb.n_entries,
		       (double)kb.size / (1024.0 * 1024.0), ms);
		ig_kb_close(&kb);
	}
	return loaded ? IG_EXIT_OK : IG_EXIT_INPUT;
}

int ig_cmd_kb(int argc, char **argv)
{
	const char *format = "text";
	bool all_members = false;
	const char *queries[64];
	int n_queries = 0;
	for (int i = 1; i < argc; i++) {
		if (ig_cli_is_help(argv[i])) { kb__help(stdout); return IG_EXIT_OK; }
		int took = ig_cli_format_arg("kb", argc, argv, &i, &format, "text or json");
		if (took < 0) return IG_EXIT_USAGE;
		if (took) continue;
		if (strcmp(argv[i], "--stats") == 0) {
			return kb__stats();
		} else if (strcmp(argv[i], "--members") == 0) {
			all_members = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ig_cli_error("kb", "unknown option '%s' (see iacgrade kb --help)", argv[i]);
			return IG_EXIT_USAGE;
		} else if (n_queries == (int)(sizeof queries / sizeof *queries)) {
			ig_cli_error("kb", "at most %zu names at a time", sizeof queries / sizeof *queries);
			return IG_EXIT_USAGE;
		} else {
			queries[n_queries++] = argv[i];
		}
	}
	if (!n_queries) { kb__help(stderr); return IG_EXIT_USAGE; }
	if (strcmp(format, "text") && strcmp(format, "json")) {
		ig_cli_error("kb", "unknown format '%s': use text or json", format);
		return IG_EXIT_USAGE;
	}
	const ig_kbset *set = ig_kbset_default();
	const kb_source sources[] = {{"cfn:", &set->cfn}, {"cdk:", &set->cdk}, {"tf:", &set->tf}, {"pulumi:", &set->pulumi},
				     {"fact:", &set->facts}};
	const size_t n_sources = sizeof sources / sizeof *sources;
	bool any = false;
	for (size_t s = 0; s < n_sources; s++) any |= sources[s].kb->n_entries > 0;
	if (!any) {
		ig_cli_error("kb", "%s", ig_kbset_default_error() ? ig_kbset_default_error() : "the knowledge base is empty");
		return IG_EXIT_INPUT;
	}
	ig_buf b = {0};
	ig_jsonw w;
	bool json = strcmp(format, "json") == 0;
	ig_jsonw_init(&w, &b, true);
	if (json) ig_jsonw_arr(&w);
	int rc = IG_EXIT_OK;
	for (int i = 0; i < n_queries; i++) {
		const char *q = queries[i];
		kb_answer best = {0}, a;
		bool chosen = false;
		for (size_t s = 0; s < n_sources; s++) {
			size_t plen = strlen(sources[s].prefix);
			if (strncmp(q, sources[s].prefix, plen) == 0) {
				kb__ask(sources[s].kb, q + plen, &best);
				q += plen;
				chosen = true;
				break;
			}
		}
		for (size_t s = 0; !chosen && s < n_sources; s++) {
			if (!sources[s].kb->n_entries) continue;
			kb__ask(sources[s].kb, q, &a);
			if (!best.kb || kb__depth(&a) > kb__depth(&best)) best = a;
		}
		ig_buf names = {0};
		if (!best.entry && !best.parent && !chosen) kb__qualify(&best, sources, n_sources, q, &names);
		else if (!best.entry && !best.parent) {
			for (size_t s = 0; s < n_sources; s++)
				if (sources[s].kb == best.kb) kb__qualify(&best, &sources[s], 1, q, &names);
		}
		if (!best.entry) rc = IG_EXIT_FINDINGS;
		if (json) kb__json(&w, q, &best, all_members);
		else kb__text(&b, q, &best, all_members);
		ig_buf_free(&names);
	}
	if (json) {
		ig_jsonw_arr_end(&w);
		ig_buf_putc(&b, '\n');
	}
	if (ig_cli_emit("kb", NULL, &b, !json)) rc = IG_EXIT_INPUT;
	ig_buf_free(&b);
	return rc;
}
