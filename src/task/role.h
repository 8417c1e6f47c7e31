/* The role of a task's file (iac, entry, project, test, doc) from its path:
 * where it sits in the task folder as users lay it out (lib/, bin/, tap.py,
 * cdk.json, test/), or the name a response's block gives it. */
#ifndef IG_ROLE_H
#define IG_ROLE_H
#include "task/types.h"

/* Role of a task-relative path ("bin/tap.ts", "tests/unit/test_stack.py",
 * "cdk.json", "lib/tap-stack.ts") in language lang (a markdown or plain-text
 * block is a doc whatever its name). */
ig_role ig_role_of_path(const char *path, ig_lang lang);

/* Whether a base name is a project file that names the app's platform and
 * language: cdk.json, cdktf.json, Pulumi.yaml (Pulumi.yml). */
bool ig_role_is_project_name(const char *base);

/* Whether a file at the task root (beside lib/) is an app entry point the
 * loader reads: tap.py, tap.go, tap.ts, app.py, main.py. */
bool ig_role_is_root_entry(const char *base);

/* Whether a file is the deployed app's code: an iac or entry file, not the
 * converted twin of a template (TapStack.json beside TapStack.yml). The
 * checks, the diff, the IaC model and the score's evidence read these. */
bool ig_role_app_file(const ig_file *f);

/* An unnamed block is a test when its code imports a test framework (jest's
 * globals, aws-cdk-lib's assertions, pytest, unittest, moto, Go's testing,
 * JUnit). */
bool ig_role_imports_test(const ig_imports *im);
#endif
