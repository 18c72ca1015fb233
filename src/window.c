/*
 * Copyright (c) 2026 The huddle authors
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

#include <sys/types.h>

#include <stdlib.h>

#include "huddle.h"

/* Windows: an area of a session holding panes (one pane for now). */

static u_int	window_next_id;

/* Create an empty window at the end of a session. */
struct window *
window_create(struct session *s, u_int sx, u_int sy)
{
	struct window	*w, *last;

	w = xcalloc(1, sizeof *w);
	w->id = window_next_id++;
	w->session = s;
	TAILQ_INIT(&w->panes);
	w->sx = sx;
	w->sy = sy;
	last = TAILQ_LAST(&s->windows, windows);
	w->idx = last == NULL ? 0 : last->idx + 1;
	TAILQ_INSERT_TAIL(&s->windows, w, entry);
	if (s->curw == NULL)
		s->curw = w;
	return (w);
}

/* Destroy a window and its panes. */
void
window_destroy(struct window *w)
{
	struct window_pane	*wp, *wp1;

	TAILQ_FOREACH_SAFE(wp, &w->panes, entry, wp1) {
		TAILQ_REMOVE(&w->panes, wp, entry);
		pane_destroy(wp);
	}
	TAILQ_REMOVE(&w->session->windows, w, entry);
	if (w->session->curw == w)
		w->session->curw = TAILQ_FIRST(&w->session->windows);
	free(w);
}

/* Resize a window and its (single, full-size) pane. */
void
window_resize(struct window *w, u_int sx, u_int sy)
{
	struct window_pane	*wp;

	w->sx = sx;
	w->sy = sy;
	TAILQ_FOREACH(wp, &w->panes, entry)
		pane_resize(wp, sx, sy);
}

/* Take a pane out of its window and free it. */
void
window_remove_pane(struct window *w, struct window_pane *wp)
{
	TAILQ_REMOVE(&w->panes, wp, entry);
	if (w->active == wp)
		w->active = TAILQ_FIRST(&w->panes);
	pane_destroy(wp);
}
