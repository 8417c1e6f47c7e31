#include "util/pool.h"
#include "util/arena.h"
#include "syntax/syntax.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct {
	size_t n, next;
	ig_pool_work work;
	void *ctx;
	char **results;
	bool *done;
	pthread_mutex_t mu;
	pthread_cond_t ready;
} pool_state;

static void *pool__worker(void *arg)
{
	pool_state *s = arg;
	for (;;) {
		pthread_mutex_lock(&s->mu);
		size_t i = s->next++;
		pthread_mutex_unlock(&s->mu);
		if (i >= s->n) break;
		char *r = s->work(i, s->ctx);
		pthread_mutex_lock(&s->mu);
		s->results[i] = r;
		s->done[i] = true;
		pthread_cond_signal(&s->ready);
		pthread_mutex_unlock(&s->mu);
	}
	ig_syntax_thread_cleanup();
	return NULL;
}

void ig_pool_run(size_t n, int n_threads, ig_pool_work work, ig_pool_emit emit, void *ctx)
{
	if (n_threads < 1) n_threads = 1;
	if ((size_t)n_threads > n) n_threads = n ? (int)n : 1;
	pool_state s = {.n = n, .work = work, .ctx = ctx};
	s.results = calloc(n ? n : 1, sizeof(*s.results));
	s.done = calloc(n ? n : 1, sizeof(*s.done));
	if (!s.results || !s.done) ig_die_oom();
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.ready, NULL);
	pthread_t *th = ig_xmalloc((size_t)n_threads * sizeof(*th));
	int started = 0;
	for (int i = 0; i < n_threads; i++)
		if (pthread_create(&th[i], NULL, pool__worker, &s) == 0) started++;
	if (!started) pool__worker(&s); /* no threads to be had: do it here */
	for (size_t i = 0; i < n; i++) {
		pthread_mutex_lock(&s.mu);
		while (!s.done[i]) pthread_cond_wait(&s.ready, &s.mu);
		char *r = s.results[i];
		s.results[i] = NULL;
		pthread_mutex_unlock(&s.mu);
		emit(i, r, ctx);
	}
	for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
	free(th);
	free(s.results);
	free(s.done);
	pthread_mutex_destroy(&s.mu);
	pthread_cond_destroy(&s.ready);
}
