/* iacgrade extract: not written yet. */
#include "cli/cli.h"

int ig_cmd_extract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	ig_cli_error("extract", "this command is not available yet");
	return IG_EXIT_USAGE;
}
