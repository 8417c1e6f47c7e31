/* Names bound by import statements, in every language tree-sitter parses for
 * us: the shared first step of detection and of the API checks, which both
 * need to know that `s3` means "aws-cdk-lib/aws-s3" or `Bucket` is the member
 * Bucket of "aws_cdk.aws_s3". Only syntax nodes are read, so imports in
 * comments and strings never count. */
#ifndef IG_IMPORTS_H
#define IG_IMPORTS_H
#include "syntax/syntax.h"

typedef struct ig_import {
	const char *alias;   /* local name; "*" for a Java wildcard import; NULL for a bare
				import that binds nothing (`import 'source-map-support/register'`) */
	const char *path;    /* module path ("aws-cdk-lib/aws-s3", "aws_cdk.aws_s3",
				"github.com/aws/aws-cdk-go/awscdk/v2/awss3", "software.amazon.awscdk.services.s3") */
	const char *member;  /* imported name (`import { Bucket }`, `from m import Bucket`,
				Java `import a.b.Bucket`), NULL for a whole-module binding */
	unsigned line;       /* 1-based */
} ig_import;

typedef struct ig_imports {
	ig_import *items;
	size_t n, cap;
} ig_imports;

/* Every import of the file, in source order: ES imports and `require`
 * (including destructuring), Python `import` / `from ... import`, Go import
 * specs (the package name is the last path element, a /vN suffix skipped),
 * Java imports and wildcards. Strings are in the arena. */
void ig_imports_collect(ig_arena *a, const ig_parse *p, ig_imports *out);

/* The length of the head of a file that holds all its imports: the text up to
 * the end of the last statement that starts an import (or, in JavaScript, a
 * line that calls `require`), its brackets closed. The imports read from a
 * parse of the head are the file's: it serves files of which only the imports
 * are wanted (a test the other answer has none of). Returns len when no
 * shorter head is known to hold them (other languages, a statement left open). */
size_t ig_imports_head_len(ig_lang lang, const char *text, size_t len);

/* The binding of a local name (the last one wins), or NULL. */
const ig_import *ig_imports_find(const ig_imports *im, const char *alias);

/* The identifiers of a plain member chain `a.b.C` (member_expression,
 * attribute, selector_expression, field_access, scoped types), outermost
 * first. Returns the count, or 0 when n is not a plain chain (a call, an
 * index, `this`) or has more than max parts. */
int ig_node_chain(ig_arena *a, const ig_parse *p, TSNode n, const char **parts, int max);
#endif
