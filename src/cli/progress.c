#include "cli/progress.h"
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

double ig_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double ig_peak_rss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

void ig_progress_start(ig_progress *p, const char *what, size_t total, bool quiet)
{
	p->what = what;
	p->total = total;
	p->done = 0;
	p->quiet = quiet;
	p->tty = isatty(2);
	p->start = p->last = ig_now();
	p->last_decile = 0;
}

void ig_progress_step(ig_progress *p)
{
	p->done++;
	if (p->quiet || !p->total) return;
	double now = ig_now();
	if (p->tty) {
		if (now - p->last < 0.2 && p->done != p->total) return;
		p->last = now;
		fprintf(stderr, "\r%s %zu/%zu (%.0f/s)  ", p->what, p->done, p->total, p->done / (now - p->start + 1e-9));
	} else {
		size_t decile = p->done * 10 / p->total;
		if (decile == p->last_decile) return;
		p->last_decile = decile;
		/* a line per tenth done, with the share rounded to the nearest percent */
		fprintf(stderr, "%s %zu/%zu (%zu%%)\n", p->what, p->done, p->total, (p->done * 100 + p->total / 2) / p->total);
	}
}

void ig_progress_end(ig_progress *p)
{
	if (!p->quiet && p->tty && p->total) fputc('\n', stderr);
}
