#include "util/myers.h"
#include "util/arena.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
	const uint64_t *a, *b;
	long *vf, *vb;      /* forward and backward furthest-reaching x per diagonal, offset by `off` */
	long off;
	size_t max_cost;
	ig_match *m;
	size_t n, cap;
} myers;

static void myers__push(myers *s, size_t a_at, size_t b_at, size_t n)
{
	if (!n) return;
	if (s->n && s->m[s->n - 1].a_at + s->m[s->n - 1].n == a_at && s->m[s->n - 1].b_at + s->m[s->n - 1].n == b_at) {
		s->m[s->n - 1].n += n; /* runs that touch are one */
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->m = ig_xrealloc(s->m, s->cap * sizeof *s->m);
	}
	s->m[s->n++] = (ig_match){a_at, b_at, n};
}

/* The middle snake of a[a0..a1) and b[b0..b1): a path of the shortest script
 * crosses it. Returns the edit cost, or -1 past max_cost; *x,*y .. *u,*v the
 * snake. */
static long myers__middle(myers *s, long a0, long a1, long b0, long b1, long *x0, long *y0, long *x1, long *y1)
{
	long n = a1 - a0, m = b1 - b0, delta = n - m, dmax = (n + m + 1) / 2;
	int odd = (int)(delta & 1);
	if (dmax > (long)s->max_cost) dmax = (long)s->max_cost;
	long *vf = s->vf, *vb = s->vb, off = s->off;
	vf[off + 1] = 0;
	vb[off + 1] = 0;
	for (long d = 0; d <= dmax; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && vf[off + k - 1] < vf[off + k + 1])) ? vf[off + k + 1] : vf[off + k - 1] + 1;
			long y = x - k, sx = x, sy = y;
			while (x < n && y < m && s->a[a0 + x] == s->b[b0 + y]) x++, y++;
			vf[off + k] = x;
			long kb = delta - k;
			if (odd && kb >= -(d - 1) && kb <= d - 1 && x + vb[off + kb] >= n) {
				*x0 = a0 + sx, *y0 = b0 + sy, *x1 = a0 + x, *y1 = b0 + y;
				return 2 * d - 1;
			}
		}
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && vb[off + k - 1] < vb[off + k + 1])) ? vb[off + k + 1] : vb[off + k - 1] + 1;
			long y = x - k, sx = x, sy = y;
			while (x < n && y < m && s->a[a1 - 1 - x] == s->b[b1 - 1 - y]) x++, y++;
			vb[off + k] = x;
			long kf = delta - k;
			if (!odd && kf >= -d && kf <= d && x + vf[off + kf] >= n) {
				*x0 = a1 - x, *y0 = b1 - y, *x1 = a1 - sx, *y1 = b1 - sy;
				return 2 * d;
			}
		}
	}
	return -1;
}

static void myers__walk(myers *s, long a0, long a1, long b0, long b1)
{
	/* common prefix and suffix cost nothing and shrink the search */
	long p = 0;
	while (a0 + p < a1 && b0 + p < b1 && s->a[a0 + p] == s->b[b0 + p]) p++;
	myers__push(s, (size_t)a0, (size_t)b0, (size_t)p);
	a0 += p, b0 += p;
	long q = 0;
	while (a1 - q > a0 && b1 - q > b0 && s->a[a1 - 1 - q] == s->b[b1 - 1 - q]) q++;
	if (a0 == a1 - q || b0 == b1 - q) {
		myers__push(s, (size_t)(a1 - q), (size_t)(b1 - q), (size_t)q);
		return;
	}
	long x0, y0, x1, y1;
	long d = myers__middle(s, a0, a1 - q, b0, b1 - q, &x0, &y0, &x1, &y1);
	if (d < 0) { /* too costly: replaced whole */
		myers__push(s, (size_t)(a1 - q), (size_t)(b1 - q), (size_t)q);
		return;
	}
	if (d > 1) {
		myers__walk(s, a0, x0, b0, y0);
		myers__push(s, (size_t)x0, (size_t)y0, (size_t)(x1 - x0));
		myers__walk(s, x1, a1 - q, y1, b1 - q);
	} else {
		/* one edit at most: the rest is a single run around it */
		long i = a0, j = b0;
		while (i < a1 - q && j < b1 - q) {
			if (s->a[i] == s->b[j]) { myers__push(s, (size_t)i, (size_t)j, 1); i++, j++; }
			else if (a1 - q - i > b1 - q - j) i++;
			else j++;
		}
	}
	myers__push(s, (size_t)(a1 - q), (size_t)(b1 - q), (size_t)q);
}

size_t ig_myers(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cost, ig_match **out)
{
	myers s = {.a = a, .b = b, .max_cost = max_cost ? max_cost : 1};
	size_t span = na + nb + 3;
	s.vf = ig_xmalloc(2 * span * sizeof(long));
	s.vb = ig_xmalloc(2 * span * sizeof(long));
	s.off = (long)span;
	myers__walk(&s, 0, (long)na, 0, (long)nb);
	free(s.vf);
	free(s.vb);
	*out = s.m;
	return s.n;
}

int ig_hash_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The items of x that occur in y: their values and their places in x. */
static size_t myers__keep(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny, uint64_t *val, size_t *at)
{
	uint64_t *sorted = ig_xmalloc((ny + 1) * sizeof *sorted);
	memcpy(sorted, y, ny * sizeof *sorted);
	qsort(sorted, ny, sizeof *sorted, ig_hash_cmp);
	size_t k = 0;
	for (size_t i = 0; i < nx; i++)
		if (ny && bsearch(&x[i], sorted, ny, sizeof *sorted, ig_hash_cmp)) val[k] = x[i], at[k++] = i;
	free(sorted);
	return k;
}

size_t ig_myers_discarding(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t max_cost, ig_match **out)
{
	uint64_t *va = ig_xmalloc((na + 1) * sizeof *va), *vb = ig_xmalloc((nb + 1) * sizeof *vb);
	size_t *ia = ig_xmalloc((na + 1) * sizeof *ia), *ib = ig_xmalloc((nb + 1) * sizeof *ib);
	size_t ka = myers__keep(a, na, b, nb, va, ia), kb = myers__keep(b, nb, a, na, vb, ib);
	ig_match *m = NULL;
	size_t n = ig_myers(va, ka, vb, kb, max_cost, &m);
	/* back to the places of the whole sequences: a run breaks where an item set aside lay between */
	myers s = {0};
	for (size_t r = 0; r < n; r++)
		for (size_t t = 0; t < m[r].n; t++) myers__push(&s, ia[m[r].a_at + t], ib[m[r].b_at + t], 1);
	free(m);
	free(va), free(vb), free(ia), free(ib);
	*out = s.m;
	return s.n;
}
