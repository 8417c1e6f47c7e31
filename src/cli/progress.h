/* Progress on stderr for long runs: a rewritten line on a terminal, a line
 * every 10% otherwise (logs stay short). */
#ifndef IG_PROGRESS_H
#define IG_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>

typedef struct ig_progress {
	const char *what;
	size_t total, done;
	bool tty, quiet;
	double start, last;
	size_t last_decile;
} ig_progress;

double ig_now(void);
void ig_progress_start(ig_progress *p, const char *what, size_t total, bool quiet);
void ig_progress_step(ig_progress *p);
void ig_progress_end(ig_progress *p);
/* Peak resident set size of this process in MB. */
double ig_peak_rss_mb(void);
#endif
