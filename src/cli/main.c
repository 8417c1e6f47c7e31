/* iacgrade: entry point and subcommand dispatch. */
#include "cli/cli.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>



typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"task", ig_cmd_task, "review one task folder: files, platform, services, findings, score"},
	{"batch", ig_cmd_batch, "review every task under one or more folders, on N threads, to JSONL (and JUnit)"},
	{"eval", ig_cmd_eval, "measure detection, the score's distribution and its agreement with training_quality"},
	{"extract", ig_cmd_extract, "show the code blocks and file names found in a response markdown"},
	{"detect", ig_cmd_detect, "show platform, language, resources and services of code files"},
	{"kb", ig_cmd_kb, "look up an API, property or argument in the knowledge base"},
	{"check", ig_cmd_check, "lint plain IaC files (CloudFormation, Terraform, CDK, Pulumi)"},
	{"diff", ig_cmd_diff, "compare two answers by meaning: the fixes, by resource and function"},
	{"model", ig_cmd_model, "show the IaC model of a response: resources, canonical types, values, edges"},
};

static void usage(FILE *out)
{
	fprintf(out,
		"iacgrade %s: reviews infrastructure-as-code training tasks.\n\n"
		"usage: iacgrade COMMAND [OPTIONS] [ARGS]\n\n"
		"commands:\n", IG_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(out,
		"\n`iacgrade COMMAND --help` explains a command and its options.\n\n"
		"exit codes, the same for every command: 0 done, no finding at the --fail-on level (error by\n"
		"default; warning, info or none), 1 such findings, 2 usage error, 3 input that cannot be read,\n"
		"a path with nothing to review, or output that cannot be written.\n\n"
		"examples (from the checkout):\n"
		"  iacgrade task examples/cdk-ts-logs                 # text report of one task\n"
		"  iacgrade task examples/cdk-ts-logs --format json   # the versioned JSON (docs/json-schema.md)\n"
		"  iacgrade task examples/cdk-ts-logs --format sarif  # SARIF 2.1.0 for code hosts (also junit, md)\n"
		"  iacgrade batch examples -j 2 --jsonl /tmp/examples.jsonl --junit /tmp/examples.xml --fail-on none\n"
		"  iacgrade check examples --format junit             # JUnit XML for CI (also text, json, sarif)\n"
		"  iacgrade kb AWS::Logs::LogGroup.RetentionInDays\n");
}

int main(int argc, char **argv)
{
	if (argc < 2 || ig_cli_is_help(argv[1])) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? IG_EXIT_USAGE : IG_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("iacgrade %s\n", IG_VERSION);
		return IG_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "iacgrade: unknown command '%s'\n\n", argv[1]);
	usage(stderr);
	return IG_EXIT_USAGE;
}
