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
#include <sys/time.h>

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "huddle.h"
#include "queue.h"
#include "frame.h"
#include "peer.h"
#include "term.h"
#include "vtfilter.h"

/*
 * Frames for attached clients. Output marks a pane dirty; the pane is drawn
 * at once if its last frame was more than its interval ago (so keystroke
 * echo is immediate, whatever other panes are doing) and otherwise at the
 * end of the interval (so heavy output is coalesced), or as soon as its
 * output pauses. A flooding pane (one that fills its read budget) gets the
 * longer busy interval: a flood is shown at 30 frames a second, which costs
 * each watching client half as much. Each pane is drawn once per redraw, and each client gets the
 * difference from its shadow. A client with too much unsent output gets
 * nothing until it drains; then one diff brings it up to date.
 */

#define REDRAW_INTERVAL_US 15000	/* at most ~66 frames a second */
#define REDRAW_BUSY_US 33000		/* ~30 a second during a flood */
#define REDRAW_QUIET_US 1000		/* output paused: draw without waiting */
#define REDRAW_QUIET_MIN_US 2000	/* ...but not more often than this */
#define REDRAW_SYNC_MAX_US 500000	/* longest synchronized-output hold */
#define CLIENT_HIGH_WATER (256 * 1024)	/* unsent bytes that stop frames */
#define CLIENT_LOW_WATER (32 * 1024)	/* drained enough to resume */

/*
 * Frames encoded this round, for clients whose shadows were alike: with
 * many watchers, each diff is made once and the bytes sent to all.
 */
#define REDRAW_SHARED_MAX 8
struct redraw_shared {
	u_int		 pane;
	u_int		 from;		/* the shadows' snapshot number */
	int		 readonly;
	struct evbuffer	*msgs;		/* the messages, back to back */
};
static struct redraw_shared	 redraw_shared[REDRAW_SHARED_MAX];
static u_int			 redraw_nshared;

static struct event	*redraw_ev;
static struct timeval	 redraw_when;	/* when the timer fires */
static int		 redraw_scheduled;

static void	server_redraw_run(evutil_socket_t, short, void *);

/* Microseconds between two times. */
static long long
server_redraw_us(const struct timeval *a, const struct timeval *b)
{
	return ((long long)(a->tv_sec - b->tv_sec) * 1000000 +
	    (a->tv_usec - b->tv_usec));
}

/* Make sure a redraw runs by a time (in the past: now). */
static void
server_redraw_at(const struct timeval *when)
{
	struct timeval	now, tv = { 0, 0 };
	long long	us;

	if (redraw_scheduled && !timercmp(when, &redraw_when, <))
		return;
	if (redraw_ev == NULL)
		redraw_ev = evtimer_new(server_base, server_redraw_run, NULL);
	gettimeofday(&now, NULL);
	us = server_redraw_us(when, &now);
	if (us > 0) {
		tv.tv_sec = us / 1000000;
		tv.tv_usec = us % 1000000;
	}
	evtimer_add(redraw_ev, &tv);
	redraw_when = *when;
	redraw_scheduled = 1;
}

/* Make sure a redraw runs now. */
static void
server_redraw_schedule(void)
{
	struct timeval	now;

	gettimeofday(&now, NULL);
	server_redraw_at(&now);
}

/*
 * When a pane may be drawn next: an interval after its last frame, or as
 * soon as its output has paused, so the end of a burst shows at once.
 */
static void
server_redraw_due(struct window_pane *wp, struct timeval *when)
{
	struct timeval	tv, quiet, soonest;

	tv.tv_sec = 0;
	tv.tv_usec = pane_flooding(wp) ? REDRAW_BUSY_US : REDRAW_INTERVAL_US;
	timeradd(&wp->frame_last, &tv, when);
	tv.tv_usec = REDRAW_QUIET_US;
	timeradd(&wp->last_output, &tv, &quiet);
	tv.tv_usec = REDRAW_QUIET_MIN_US;
	timeradd(&wp->frame_last, &tv, &soonest);
	if (timercmp(&quiet, &soonest, <))
		quiet = soonest;
	if (timercmp(&quiet, when, <))
		*when = quiet;
}

/* Free the redraw timer (at exit). */
void
server_redraw_free(void)
{
	if (redraw_ev != NULL)
		event_free(redraw_ev);
	redraw_ev = NULL;
}

/* A pane has new output. */
void
server_redraw_pane(struct window_pane *wp)
{
	struct timeval	when;

	wp->redraw |= PANE_REDRAW_DIRTY;
	server_redraw_due(wp, &when);
	server_redraw_at(&when);
}

/* A client needs a frame (and maybe a fresh start or its status). */
void
server_redraw_client(struct client *c, int flags)
{
	if (c->kind != MSG_KIND_ATTACH || c->session == NULL)
		return;
	c->redraw |= CLIENT_REDRAW_FRAME | flags;
	server_redraw_schedule();
}

/* Every client of a session needs a frame. */
void
server_redraw_session(struct session *s, int flags)
{
	struct client	*c;

	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session == s)
			server_redraw_client(c, flags);
	}
}

/* The status of a session changed (clients, title, who typed). */
void
server_redraw_status(struct session *s)
{
	struct client	*c;

	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session == s && c->kind == MSG_KIND_ATTACH) {
			c->redraw |= CLIENT_REDRAW_STATUS;
			server_redraw_schedule();
		}
	}
}

/* A bell in a pane rings on the clients of its session. */
void
server_bell(struct window_pane *wp)
{
	struct session	*s = wp->window->session;
	struct client	*c;
	struct msg_buf	 b;

	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session != s || c->kind != MSG_KIND_ATTACH)
			continue;
		/* A stalled client misses bells rather than piling them up. */
		if (peer_pending(c->peer) > CLIENT_HIGH_WATER)
			continue;
		msg_buf_init(&b, MSG_BELL);
		server_client_send(c, MSG_BELL, &b);
	}
}

/* A program set the clipboard: tell the session's operators' terminals. */
void
server_clipboard(struct session *s, const char *sel, const char *data,
    size_t len)
{
	struct client	*c;
	struct msg_buf	 b;

	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session != s || c->kind != MSG_KIND_ATTACH ||
		    (c->flags & CLIENT_READONLY))
			continue;
		msg_buf_init(&b, MSG_CLIPBOARD);
		msg_put_string(&b, sel);
		msg_put_bytes(&b, data, len);
		server_client_send(c, MSG_CLIPBOARD, &b);
	}
}

/*
 * Take a snapshot of a dirty pane if its interval has passed, unless it
 * holds synchronized output.
 */
static void
server_redraw_snapshot(struct window_pane *wp, const struct timeval *now)
{
	struct timeval	when;

	if (wp->screen == NULL) {
		wp->screen = xcalloc(1, sizeof *wp->screen);
		wp->redraw |= PANE_REDRAW_DIRTY;
		timerclear(&wp->frame_last);
	}
	if (!(wp->redraw & PANE_REDRAW_DIRTY) ||
	    (wp->redraw & PANE_REDRAW_UPDATED))
		return;
	server_redraw_due(wp, &when);
	if (timercmp(now, &when, <))
		return;		/* later: server_redraw_run looks again */
	if (pane_modes(wp) & MODE_SYNC) {
		if (!timerisset(&wp->sync_since))
			wp->sync_since = *now;
		if (server_redraw_us(now, &wp->sync_since) <
		    REDRAW_SYNC_MAX_US) {
			/* Look again an interval from now. */
			wp->frame_last = *now;
			return;
		}
	}
	timerclear(&wp->sync_since);
	term_snapshot(wp->term, wp->screen);
	if (++wp->frame_gen == 0)
		wp->frame_gen = 1;
	wp->frame_last = *now;
	wp->redraw &= ~PANE_REDRAW_DIRTY;
	wp->redraw |= PANE_REDRAW_UPDATED;
}

/* Send a client its status. */
static void
server_redraw_send_status(struct client *c)
{
	struct session		*s = c->session;
	struct window_pane	*wp = s->curw != NULL ? s->curw->active : NULL;
	struct msg_buf		 b;

	msg_buf_init(&b, MSG_STATUS);
	msg_put_string(&b, s->name);
	msg_put_u8(&b, (c->flags & CLIENT_READONLY) ? 1 : 0);
	msg_put_u16(&b, session_count_clients(s, 0));
	msg_put_u16(&b, session_count_clients(s, 1));
	msg_put_string(&b, s->last_user != NULL ? s->last_user : "");
	msg_put_string(&b, wp != NULL ? wp->title : "");
	msg_put_u8(&b, (wp != NULL && queue_waiting(wp)) ?
	    MSG_STATUS_QUEUE_WAITING : 0);
	server_client_send(c, MSG_STATUS, &b);
}

/* A frame already made this round for a client like this one. */
static struct redraw_shared *
server_redraw_find_shared(struct client *c, struct window_pane *wp)
{
	struct redraw_shared	*rs;
	u_int			 i;

	for (i = 0; i < redraw_nshared; i++) {
		rs = &redraw_shared[i];
		if (rs->pane == wp->id && rs->from == c->shadow_gen &&
		    rs->readonly == ((c->flags & CLIENT_READONLY) != 0))
			return (rs);
	}
	return (NULL);
}

/* Send the messages of a shared frame. */
static void
server_redraw_send_shared(struct client *c, struct redraw_shared *rs)
{
	struct msg_buf	 b;
	u_char		*p = evbuffer_pullup(rs->msgs, -1);
	size_t		 left = evbuffer_get_length(rs->msgs), len;

	while (left >= MSG_HEADER_SIZE) {
		len = MSG_HEADER_SIZE + ((size_t)p[4] << 24 |
		    (size_t)p[5] << 16 | (size_t)p[6] << 8 | p[7]);
		if (len > left)
			break;
		b.data = xmalloc(len);
		memcpy(b.data, p, len);
		b.len = b.size = len;
		server_client_send(c, MSG_FRAME, &b);
		p += len;
		left -= len;
	}
}

/* Forget this round's shared frames. */
static void
server_redraw_free_shared(void)
{
	u_int	i;

	for (i = 0; i < redraw_nshared; i++)
		evbuffer_free(redraw_shared[i].msgs);
	redraw_nshared = 0;
}

/* Send a client the difference between its pane and its shadow. */
static void
server_redraw_send_frame(struct client *c, struct window_pane *wp)
{
	struct frame_info	 fi;
	struct grid		*screen = wp->screen;
	struct msg_buf		 b;
	struct redraw_shared	*rs = NULL;
	int			 modes = pane_modes(wp), done;

	if (c->shadow != NULL && c->shadow_gen != 0 &&
	    c->shadow_pane == wp->id && !(c->redraw & CLIENT_REDRAW_CLEAR) &&
	    c->shadow->sx == screen->sx && c->shadow->sy == screen->sy) {
		if ((rs = server_redraw_find_shared(c, wp)) != NULL) {
			server_redraw_send_shared(c, rs);
			grid_copy(c->shadow, screen);
			c->shadow_gen = wp->frame_gen;
			c->redraw &= ~(CLIENT_REDRAW_FRAME|
			    CLIENT_REDRAW_CLEAR);
			return;
		}
		if (redraw_nshared < REDRAW_SHARED_MAX) {
			rs = &redraw_shared[redraw_nshared++];
			rs->pane = wp->id;
			rs->from = c->shadow_gen;
			rs->readonly = (c->flags & CLIENT_READONLY) != 0;
			rs->msgs = evbuffer_new();
		}
	}
	if (c->shadow == NULL) {
		c->shadow = xcalloc(1, sizeof *c->shadow);
		c->redraw |= CLIENT_REDRAW_CLEAR;
	}
	if (c->shadow->sx != screen->sx || c->shadow->sy != screen->sy)
		c->redraw |= CLIENT_REDRAW_CLEAR;
	memset(&fi, 0, sizeof fi);
	if (c->redraw & CLIENT_REDRAW_CLEAR) {
		grid_free(c->shadow);
		grid_init(c->shadow, screen->sx, screen->sy);
		fi.flags |= MSG_FRAME_CLEAR;
	}
	fi.sx = screen->sx;
	fi.sy = screen->sy;
	fi.cx = screen->cx;
	fi.cy = screen->cy;
	if (!(screen->flags & GRID_CURSOR_HIDDEN))
		fi.cursor_flags |= MSG_CURSOR_VISIBLE;
	if (modes & MODE_CURSOR_BLINK)
		fi.cursor_flags |= MSG_CURSOR_BLINK;
	fi.cursor_style = vtfilter_cursor_style(wp->vt);
	/* An observer's terminal never reports mouse, paste or focus. */
	if (!(c->flags & CLIENT_READONLY))
		fi.modes = modes & (MODE_MOUSE_ANY|MODE_MOUSE_ENCODING|
		    MODE_BRACKETPASTE|MODE_FOCUS);
	do {
		msg_buf_init(&b, MSG_FRAME);
		done = frame_encode(&fi, screen, c->shadow, &b);
		if (rs != NULL && msg_buf_finish(&b) == 0)
			evbuffer_add(rs->msgs, b.data, b.len);
		server_client_send(c, MSG_FRAME, &b);
		fi.flags &= ~MSG_FRAME_CLEAR;
	} while (!done);
	c->shadow_pane = wp->id;
	c->shadow_gen = wp->frame_gen;
	c->redraw &= ~(CLIENT_REDRAW_FRAME|CLIENT_REDRAW_CLEAR);
}

/* The client's socket drained: it may have a frame waiting. */
static void
server_redraw_drained(struct peer *peer, void *arg)
{
	struct client	*c = arg;

	if (c->redraw != 0)
		server_redraw_schedule();
}

/* Bring one attached client up to date, if its socket has room. */
static void
server_redraw_one(struct client *c, const struct timeval *now)
{
	struct window_pane	*wp;

	if (c->session == NULL || c->session->curw == NULL ||
	    (wp = c->session->curw->active) == NULL)
		return;
	server_redraw_snapshot(wp, now);
	if (wp->screen == NULL)
		return;
	if (wp->redraw & PANE_REDRAW_UPDATED)
		c->redraw |= CLIENT_REDRAW_FRAME;
	if (c->redraw == 0)
		return;
	if (peer_pending(c->peer) > CLIENT_HIGH_WATER) {
		/* Stalled: nothing new until it drains. */
		peer_set_drain(c->peer, server_redraw_drained,
		    CLIENT_LOW_WATER);
		return;
	}
	if (c->redraw & CLIENT_REDRAW_STATUS) {
		server_redraw_send_status(c);
		c->redraw &= ~CLIENT_REDRAW_STATUS;
	}
	if (c->redraw & CLIENT_REDRAW_FRAME)
		server_redraw_send_frame(c, wp);
}

/* Update every attached client, drawing each pane at most once. */
static void
server_redraw_run(evutil_socket_t fd, short events, void *arg)
{
	struct session		*s;
	struct window		*w;
	struct window_pane	*wp;
	struct client		*c;
	struct timeval		 now, when;

	redraw_scheduled = 0;
	gettimeofday(&now, NULL);
	/*
	 * Panes are drawn only when a client looks at them. Whoever typed
	 * last in a session is sent its frame first: that is the one someone
	 * is waiting on, ahead of however many watchers.
	 */
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->kind == MSG_KIND_ATTACH && !(c->flags &
		    (CLIENT_DEAD|CLIENT_EXIT)) && c->session != NULL &&
		    c->session->last_client == c->id)
			server_redraw_one(c, &now);
	}
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->kind == MSG_KIND_ATTACH && !(c->flags &
		    (CLIENT_DEAD|CLIENT_EXIT)) && (c->session == NULL ||
		    c->session->last_client != c->id))
			server_redraw_one(c, &now);
	}
	server_redraw_free_shared();
	TAILQ_FOREACH(s, &sessions, entry) {
		TAILQ_FOREACH(w, &s->windows, entry) {
			TAILQ_FOREACH(wp, &w->panes, entry)
				wp->redraw &= ~PANE_REDRAW_UPDATED;
		}
	}
	/* A pane not yet due is drawn when it is. */
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->kind != MSG_KIND_ATTACH || c->session == NULL ||
		    c->session->curw == NULL ||
		    (wp = c->session->curw->active) == NULL ||
		    !(wp->redraw & PANE_REDRAW_DIRTY))
			continue;
		server_redraw_due(wp, &when);
		server_redraw_at(&when);
	}
}
