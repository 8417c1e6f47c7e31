/* Task loading: metadata normalisation and type findings, turn resolution,
 * duplicate blocks, the ideal from lib/ or IDEAL_RESPONSE.md. */
#include "harness.h"
#include "task/load.h"
#include "task/metadata.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f) return;
	fputs(text, f);
	fclose(f);
}

static char *new_task(char *buf, size_t n)
{
	snprintf(buf, n, "/tmp/iacgrade-test-XXXXXX");
	if (!mkdtemp(buf)) return NULL;
	char lib[600];
	snprintf(lib, sizeof lib, "%s/lib", buf);
	mkdir(lib, 0755);
	return buf;
}

static void remove_task(const char *dir)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
}

static bool has_finding(const ig_task *t, const char *rule)
{
	for (size_t i = 0; i < t->n_findings; i++)
		if (strcmp(t->findings[i].rule, rule) == 0) return true;
	return false;
}

TEST(metadata_spellings_normalise)
{
	CHECK(ig_platform_from_name("cdk-typescript", 14) == IG_PLAT_CDK);
	CHECK(ig_platform_from_name("cloudformation-yaml", 19) == IG_PLAT_CFN);
	CHECK(ig_platform_from_name("terraform", 9) == IG_PLAT_TF);
	CHECK(ig_metadata_lang("python", 6) == IG_LANG_PY);
	CHECK(ig_metadata_lang("yml", 3) == IG_LANG_YAML);
	CHECK(ig_metadata_lang("cdk-typescript", 14) == IG_LANG_TS);
}

TEST(metadata_wrong_types_are_findings)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	put(dir, "metadata.json", "{\"platform\": \"cloudformation-yaml\", \"language\": \"yml\", "
			      "\"aws_services\": \"S3 Bucket, Lambda\", \"training_quality\": \"9\"}");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	CHECK(t.meta.platform == IG_PLAT_CFN);
	CHECK(t.meta.language == IG_LANG_YAML);
	CHECK_INT(t.meta.n_aws_services, 2);
	if (t.meta.n_aws_services == 2) CHECK_STR(t.meta.aws_services[1], "Lambda");
	CHECK(t.meta.has_training_quality && t.meta.training_quality == 9);
	CHECK(has_finding(&t, "input.metadata-type"));
	ig_task_free(&t);

	put(dir, "metadata.json", "{\"platform\": 7, \"training_quality\": 0.95, \"aws_services\": [\"S3\",],}");
	ig_task_init(&t);
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	CHECK(t.meta.platform == IG_PLAT_UNKNOWN);
	CHECK(!t.meta.has_training_quality);
	CHECK_INT(t.meta.n_aws_services, 1);
	CHECK(has_finding(&t, "input.metadata-json"));
	ig_task_free(&t);
	remove_task(dir);
}

TEST(turns_replace_files_and_last_complete_block_wins)
{
	char dir[64];
	if (!new_task(dir, sizeof dir)) { CHECK(0); return; }
	char lib[128];
	snprintf(lib, sizeof lib, "%s/lib", dir);
	put(lib, "MODEL_RESPONSE.md", "## File: lib/a.ts\n```ts\nconst a = 1;\n```\n## File: lib/b.ts\n```ts\nconst b = 1;\n```\n");
	put(lib, "MODEL_RESPONSE2.md", "## File: lib/b.ts\n```ts\nconst b = 2;\n```\n## File: lib/b.ts\n```ts\nconst b = 3;\n");
	put(lib, "IDEAL_RESPONSE.md", "## lib/a.ts\n```ts\nconst a = 1;\n```\n");
	ig_task t;
	ig_task_init(&t);
	const char *err;
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	CHECK_INT(t.n_turns, 2);
	CHECK_INT(t.model.n_files, 2);
	const ig_file *b = NULL;
	for (size_t i = 0; i < t.model.n_files; i++)
		if (strcmp(t.model.files[i].path, "lib/b.ts") == 0) b = &t.model.files[i];
	CHECK(b != NULL);
	/* the truncated repeat does not replace the complete block of turn 2 */
	if (b) CHECK(strstr(b->text, "b = 2") != NULL);
	if (b) CHECK_INT(b->turn, 2);
	CHECK(has_finding(&t, "md.duplicate-file"));
	/* no code in lib/: the ideal is IDEAL_RESPONSE.md */
	CHECK_STR(t.ideal.source, "lib/IDEAL_RESPONSE.md");
	CHECK_INT(t.ideal.n_files, 1);
	ig_task_free(&t);

	put(lib, "a.ts", "const a = 1;\n");
	ig_task_init(&t);
	CHECK_INT(ig_task_load(&t, dir, &err), 0);
	CHECK_STR(t.ideal.source, "lib/");
	CHECK_INT(t.ideal.n_files, 1);
	if (t.ideal.n_files) CHECK_INT(t.ideal.files[0].md_line, 0);
	ig_task_free(&t);
	remove_task(dir);
}

TEST(missing_folder_is_an_error)
{
	ig_task t;
	ig_task_init(&t);
	const char *err = NULL;
	CHECK_INT(ig_task_load(&t, "/nonexistent/iacgrade-task", &err), -1);
	CHECK(err != NULL);
	ig_task_free(&t);
}
