/* Helpers shared by the subcommands. */
#include "cli/cli.h"
#include "util/arena.h"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Messages name files and quote code: escaped like every text output, so a
 * file name with an escape sequence cannot drive the terminal. */
void ig_cli_error(const char *cmd, const char *fmt, ...)
{
	ig_buf b = {0};
	ig_buf_printf(&b, "iacgrade %s: ", cmd);
	va_list ap;
	va_start(ap, fmt);
	ig_buf_vprintf_text(&b, fmt, ap);
	va_end(ap);
	ig_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	ig_buf_free(&b);
}

void ig_cli_printf_text(const char *fmt, ...)
{
	ig_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	ig_buf_vprintf_text(&b, fmt, ap);
	va_end(ap);
	if (b.len) fwrite(b.data, 1, b.len, stdout);
	ig_buf_free(&b);
}

int ig_cli_emit(const char *cmd, const char *out_path, const ig_buf *b, bool escape)
{
	ig_buf safe = {0};
	if (escape && b->len) ig_buf_put_text(&safe, b->data, b->len);
	const ig_buf *w = escape ? &safe : b;
	int rc = 0;
	FILE *out = out_path ? fopen(out_path, "w") : stdout;
	if (!out) {
		ig_cli_error(cmd, "cannot write %s: %s", out_path, strerror(errno));
		rc = IG_EXIT_INPUT;
	} else {
		if (w->len && fwrite(w->data, 1, w->len, out) != w->len) rc = IG_EXIT_INPUT;
		if (out != stdout ? fclose(out) != 0 : fflush(out) != 0) rc = IG_EXIT_INPUT;
		if (rc) ig_cli_error(cmd, "cannot write %s: %s", out_path ? out_path : "standard output", strerror(errno));
	}
	ig_buf_free(&safe);
	return rc;
}

int ig_cli_fail_on_arg(const char *cmd, const char *value, int *level)
{
	static const char *const names[] = {"info", "warning", "error", "none"};
	for (int i = 0; i < 4; i++)
		if (strcmp(value, names[i]) == 0) { *level = i; return 0; }
	ig_cli_error(cmd, "--fail-on '%s': use error (the default), warning, info or none", value);
	return -1;
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

bool ig_cli_color(int flag, const char *out_path)
{
	if (flag >= 0) return flag == 1;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	if (no_color && *no_color) return false;
	if (term && strcmp(term, "dumb") == 0) return false;
	return !out_path && isatty(1);
}
