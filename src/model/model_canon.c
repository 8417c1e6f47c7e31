/* Canonical (CloudFormation) types of native types, from the knowledge base
 * only: tf.kb's Terraform type table (docs/kb-tf.md), pulumi.kb's bridged
 * Terraform type, cdk.kb's L1 classes, the jsii `@resource` tag of L2 classes,
 * the Cfn<Name> sibling of a class, and the reviewed table
 * data/kb/facts-model.tsv ("model-canonical.<module>.<Class>"). */
#include "model/model_int.h"
#include "util/strutil.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static const char *canon__cfn_of_tf(const char *tf_type, const char **property)
{
	const ig_kb *tf = &ig_kbset_default()->tf;
	const ig_kb_entry *e = tf->n_entries ? ig_kb_find(tf, tf_type, strlen(tf_type)) : NULL;
	if (property) *property = NULL;
	if (!e || ig_kb_kind_of(e) != IG_KB_TF_RESOURCE) return NULL;
	const char *t = ig_kb_str(tf, e->type);
	if (!t || !ig_starts_with(t, "AWS::")) return NULL;
	if (property) {
		const char *x = strstr(ig_kb_str(tf, e->extra), "property=");
		if (x) *property = x + strlen("property=");
	}
	return t;
}

void mdl_canon_tf(ig_model_resource *r, const char *tf_type)
{
	r->tf_type = tf_type;
	const char *t = canon__cfn_of_tf(tf_type, NULL);
	if (t) {
		r->canonical = t; /* kb strings live as long as the process */
		r->canonical_src = IG_CANON_TF_KB;
	}
}

/* The CloudFormation property an attachment resource stands for
 * ("aws_s3_bucket_versioning" -> "VersioningConfiguration"), with its parent
 * type; NULL when the type is a resource of its own. */
const char *mdl_tf_attachment(const char *tf_type, const char **parent_type)
{
	const char *prop = NULL;
	const char *t = canon__cfn_of_tf(tf_type, &prop);
	if (!t || !prop) return NULL;
	if (parent_type) *parent_type = t;
	return prop;
}

void mdl_canon_cdktf(ig_model_resource *r, const char *cls)
{
	const ig_kb *tf = &ig_kbset_default()->tf;
	char key[256];
	snprintf(key, sizeof key, "cdktf_class.%s", cls);
	const ig_kb_entry *e = tf->n_entries ? ig_kb_find(tf, key, strlen(key)) : NULL;
	if (!e || ig_kb_kind_of(e) != IG_KB_ALIAS) return;
	const char *tft = ig_kb_str(tf, e->type);
	r->type = tft;
	mdl_canon_tf(r, tft);
}

bool mdl_canon_pulumi(ig_model_resource *r, const char *module, const char *cls)
{
	const ig_kb *pk = &ig_kbset_default()->pulumi;
	char key[256];
	snprintf(key, sizeof key, "%s.%s", module, cls);
	if (!pk->n_entries) return true;
	const ig_kb_entry *e = ig_kb_find(pk, key, strlen(key));
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) return false; /* SecurityGroupIngressArgs: an input type */
	const char *tft = ig_kb_str(pk, e->type);
	if ((!tft || !*tft) && ig_kb_has(e, IG_KB_DEPRECATED)) {
		/* a renamed class (BucketVersioningV2) bridges what its successor bridges: the deprecation
		 * note names it, "... deprecated in favor of aws.s3/bucketversioning.BucketVersioning" */
		const char *note = ig_kb_str(pk, e->note), *f = note ? strstr(note, "in favor of ") : NULL;
		if (f) {
			/* "aws.s3/bucketversioning.BucketVersioning" or "s3.Bucket": the module, then the class last */
			f += strlen("in favor of ");
			if (ig_starts_with(f, "aws.")) f += 4;
			size_t mn = strcspn(f, "/.");
			const char *end = f + mn;
			while (*end && *end != ' ' && *end != ',') end++;
			if (end > f && end[-1] == '.') end--;
			const char *cls2 = end;
			while (cls2 > f + mn && cls2[-1] != '.') cls2--;
			snprintf(key, sizeof key, "%.*s.%.*s", (int)mn, f, (int)(end - cls2), cls2);
			const ig_kb_entry *s2 = ig_kb_find(pk, key, strlen(key));
			if (s2 && ig_kb_kind_of(s2) == IG_KB_CLASS) tft = ig_kb_str(pk, s2->type);
		}
	}
	if ((!tft || !*tft)) {
		/* classes pulumi.kb could not map: the reviewed rows of data/kb/facts-model.tsv */
		const ig_kb *facts = &ig_kbset_default()->facts;
		snprintf(key, sizeof key, "model-pulumi-tf.%s.%s", module, cls);
		const ig_kb_entry *o = facts->n_entries ? ig_kb_find(facts, key, strlen(key)) : NULL;
		if (o) {
			tft = ig_kb_str(facts, o->extra);
			mdl_canon_tf(r, tft);
			if (r->canonical) r->canonical_src = IG_CANON_OVERRIDE;
			return true;
		}
	}
	if (tft && *tft) mdl_canon_tf(r, tft);
	return true;
}

/* ---- CDK ---- */

/* Module spellings of each language to the jsii submodule key: Go's "awss3" and
 * Java's "s3" (software.amazon.awscdk.services.s3) are read from the module
 * entries' language names, once per process. */
#define CANON_MAX_MODULES 512
static struct { char go[64], java[64], key[64]; } canon__mods[CANON_MAX_MODULES];
static size_t canon__n_mods;
static pthread_once_t canon__once = PTHREAD_ONCE_INIT;

static bool canon__module_visit(const ig_kb_entry *e, void *ctx)
{
	const ig_kb *kb = ctx;
	if (ig_kb_kind_of(e) != IG_KB_MODULE || canon__n_mods >= CANON_MAX_MODULES) return true;
	const char *aux = ig_kb_str(kb, e->aux);
	size_t k = canon__n_mods++;
	snprintf(canon__mods[k].key, sizeof canon__mods[k].key, "%s", ig_kb_key(kb, e));
	const char *g = strstr(aux, "go="), *j = strstr(aux, "java=");
	if (g) snprintf(canon__mods[k].go, sizeof canon__mods[k].go, "%.*s", (int)strcspn(g + 3, "\n"), g + 3);
	if (j) {
		const char *last = j + 5;
		size_t n = strcspn(last, "\n");
		for (size_t i = 0; i < n; i++)
			if (last[i] == '.') last = last + i + 1, n -= i + 1, i = (size_t)-1;
		snprintf(canon__mods[k].java, sizeof canon__mods[k].java, "%.*s", (int)n, last);
	}
	return true;
}

static void canon__load_modules(void)
{
	const ig_kb *kb = &ig_kbset_default()->cdk;
	if (kb->n_entries) ig_kb_each_child(kb, "", canon__module_visit, (void *)kb);
}

/* "aws-s3", "aws_s3", "awss3" (Go), "s3" (Java) -> "aws_s3"; NULL when unknown. */
const char *mdl_cdk_module(const char *written, char *buf, size_t n)
{
	pthread_once(&canon__once, canon__load_modules);
	snprintf(buf, n, "%s", written);
	for (char *p = buf; *p; p++)
		if (*p == '-') *p = '_';
	for (size_t i = 0; i < canon__n_mods; i++)
		if (strcmp(canon__mods[i].key, buf) == 0) return buf;
	for (size_t i = 0; i < canon__n_mods; i++)
		if (strcmp(canon__mods[i].go, written) == 0 || strcmp(canon__mods[i].java, written) == 0) {
			snprintf(buf, n, "%s", canon__mods[i].key);
			return buf;
		}
	return NULL;
}

static const char *canon__cdk_l1(const ig_kb *kb, const char *module, const char *cls)
{
	char key[256];
	snprintf(key, sizeof key, "%s.%s", module, cls);
	const ig_kb_entry *e = ig_kb_find(kb, key, strlen(key));
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) return NULL;
	const char *t = ig_kb_str(kb, e->type);
	return t && *t ? t : NULL;
}

void mdl_canon_cdk(ig_model *m, ig_model_resource *r, const char *module, const char *cls)
{
	const ig_kbset *set = ig_kbset_default();
	const ig_kb *kb = &set->cdk;
	if (!kb->n_entries || !module || !cls) return;
	char key[256];
	snprintf(key, sizeof key, "%s.%s", module, cls);
	const ig_kb_entry *e = ig_kb_find(kb, key, strlen(key));
	if (!e || ig_kb_kind_of(e) != IG_KB_CLASS) return;
	const char *t = canon__cdk_l1(kb, module, cls);
	if (t) {
		r->canonical = t;
		r->canonical_src = IG_CANON_CFN;
		r->level = IG_LEVEL_L1;
		return;
	}
	/* L2 when the class derives from Resource, else a pattern or plain construct */
	const ig_kb_entry *bases[IG_KB_MAX_BASES];
	bool complete;
	size_t nb = ig_kb_bases(kb, e, bases, IG_KB_MAX_BASES, &complete);
	r->level = IG_LEVEL_L3;
	for (size_t i = 0; i < nb; i++)
		if (strcmp(ig_kb_key(kb, bases[i]), "Resource") == 0) r->level = IG_LEVEL_L2;
	/* the jsii @resource tag, written into cdk.kb as "@resource:<module>:<Class>" (scripts/kb/cdk.js),
	 * else the Cfn<Name> class of the same module; for the class, then each class it extends */
	char tag[300];
	for (size_t i = 0; i < nb; i++) {
		if (ig_kb_kind_of(bases[i]) != IG_KB_CLASS) continue;
		const char *bk = ig_kb_key(kb, bases[i]), *dot = strrchr(bk, '.');
		if (!dot) break; /* the core module's Resource, Construct: nothing more specific up there */
		snprintf(tag, sizeof tag, "@resource:%.*s:%s", (int)(dot - bk), bk, dot + 1);
		const ig_kb_entry *rt = ig_kb_find(kb, tag, strlen(tag));
		if (rt && *ig_kb_str(kb, rt->extra)) {
			r->canonical = ig_kb_str(kb, rt->extra);
			r->canonical_src = i ? IG_CANON_BASE_CLASS : IG_CANON_JSII_RESOURCE;
			return;
		}
		char mod[128];
		snprintf(mod, sizeof mod, "%.*s", (int)(dot - bk), bk);
		char sib[256];
		snprintf(sib, sizeof sib, "Cfn%s", dot + 1);
		if ((t = canon__cdk_l1(kb, mod, sib)) != NULL) {
			r->canonical = t;
			r->canonical_src = i ? IG_CANON_BASE_CLASS : IG_CANON_CFN_SIBLING;
			return;
		}
	}
	snprintf(tag, sizeof tag, "model-canonical.%s", key);
	const ig_kb_entry *o = set->facts.n_entries ? ig_kb_find(&set->facts, tag, strlen(tag)) : NULL;
	if (o) {
		const char *v = ig_kb_str(&set->facts, o->extra);
		if (ig_starts_with(v, "AWS::")) {
			r->canonical = v;
			r->canonical_src = IG_CANON_OVERRIDE;
		}
	}
	(void)m;
}
