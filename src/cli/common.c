/* Helpers shared by the subcommands. */
#include "cli/cli.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ig_cli_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "iacgrade %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

int ig_cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 || strcmp(arg, "help") == 0;
}


int ig_cli_format_arg(const char *cmd, int argc, char **argv, int *i, const char **format, const char *choices)
{
	const char *a = argv[*i];
	if (strncmp(a, "--format=", 9) == 0) {
		*format = a + 9;
		return 1;
	}
	if (strcmp(a, "--format") != 0 && strcmp(a, "-f") != 0) return 0;
	if (*i + 1 >= argc) {
		ig_cli_error(cmd, "--format needs a value: %s", choices);
		return -1;
	}
	*format = argv[++*i];
	return 1;
}
