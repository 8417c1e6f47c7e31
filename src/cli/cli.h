/* Subcommands. Each returns the process exit code:
 * 0 done/clean, 1 findings at or above the threshold, 2 usage error,
 * 3 unreadable input. Only cli/ prints to stdout or exits. */
#ifndef IG_CLI_H
#define IG_CLI_H

#include "util/buf.h"
#include <stdbool.h>

#define IG_VERSION "0.1.0"

#define IG_EXIT_OK 0
#define IG_EXIT_FINDINGS 1
#define IG_EXIT_USAGE 2
#define IG_EXIT_INPUT 3

int ig_cmd_task(int argc, char **argv);
int ig_cmd_batch(int argc, char **argv);
int ig_cmd_eval(int argc, char **argv);
int ig_cmd_extract(int argc, char **argv);
int ig_cmd_detect(int argc, char **argv);
int ig_cmd_kb(int argc, char **argv);
int ig_cmd_check(int argc, char **argv);
int ig_cmd_diff(int argc, char **argv);
int ig_cmd_model(int argc, char **argv);

/* Shared by commands: print "iacgrade CMD: message" on stderr. */
void ig_cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True if arg is -h or --help. */
int ig_cli_is_help(const char *arg);
/* Take `--format F`, `-f F` or `--format=F` at argv[*i] (moving *i past the
 * value): 1 taken, 0 not a format option, -1 the value is missing (printed,
 * naming choices, e.g. "text or json"). */
int ig_cli_format_arg(const char *cmd, int argc, char **argv, int *i, const char **format, const char *choices);
/* Write a command's output to out_path (standard output when NULL), escaping
 * terminal controls when `escape` (text built here from user strings; the report
 * writers escape their own). Returns 0, or IG_EXIT_INPUT after saying why
 * (strerror). */
int ig_cli_emit(const char *cmd, const char *out_path, const ig_buf *b, bool escape);
/* `--fail-on` levels, the same for every command: info, warning, error (the
 * default) as ig_severity values (0, 1, 2), none as 3 (never fail). Returns -1
 * after saying what is allowed. */
#define IG_FAIL_ON_NONE 3
int ig_cli_fail_on_arg(const char *cmd, const char *value, int *level);
/* printf to standard output with terminal controls escaped (names read from
 * the input: folder names, spellings). */
void ig_cli_printf_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Colour in a text report: as --color (flag 1) or --no-color (0) say when given (-1: not given);
 * otherwise only when it goes to a terminal (out_path NULL, standard output a tty), NO_COLOR
 * (https://no-color.org) is unset or empty, and TERM is not "dumb". */
bool ig_cli_color(int flag, const char *out_path);
/* Parse a -j value; prints the error itself. */
int ig_cli_parse_jobs(const char *cmd, const char *s, int *jobs);
#endif
