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

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "huddle.h"
#include "term.h"

/*
 * Recording a pane as asciicast v2: a header, then "o" events with what the
 * program wrote (UTF-8 never split between events), "r" events on resize
 * and, if asked, "i" events with operators' input. A recording started on a
 * running session begins with the current screen. Events are buffered and
 * written at least once a second and when the recording stops.
 */

#define RECORD_FLUSH_SECONDS 1
#define RECORD_BUFFER_MAX (256 * 1024)

struct recorder {
	int		 fd;
	char		*path;
	struct timeval	 start;
	int		 input;
	struct evbuffer	*buf;
	struct event	*timer;
	u_char		 partial[4];	/* an unfinished UTF-8 sequence */
	size_t		 npartial;
	int		 failed;	/* stopped at the next tick */
	struct window_pane *wp;
};

static void	record_flush_cb(evutil_socket_t, short, void *);

/* Seconds since the recording began. */
static double
record_time(struct recorder *rec)
{
	struct timeval	now, d;

	gettimeofday(&now, NULL);
	timersub(&now, &rec->start, &d);
	return ((double)d.tv_sec + d.tv_usec / 1e6);
}

/*
 * Write what is buffered. On failure the operators are told and the
 * recording is marked failed; the timer stops it (the session goes on).
 */
static int
record_flush(struct recorder *rec)
{
	struct session	*s = rec->wp->window->session;
	ssize_t		 n;

	while (!rec->failed && evbuffer_get_length(rec->buf) != 0) {
		n = evbuffer_write(rec->buf, rec->fd);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			log_debug("recording %s: %s", rec->path,
			    n == -1 ? strerror(errno) : "short write");
			server_message(s, "recording %s failed (%s); stopped",
			    esc(rec->path), n == -1 ? strerror(errno) :
			    "short write");
			rec->failed = 1;
		}
	}
	if (rec->failed) {
		evbuffer_drain(rec->buf, evbuffer_get_length(rec->buf));
		return (-1);
	}
	return (0);
}

/* Add one event: [time, code, data]. */
static void
record_event(struct recorder *rec, const char *code, const char *data,
    size_t len)
{
	if (rec->failed)
		return;
	evbuffer_add_printf(rec->buf, "[%.6f, \"%s\", ", record_time(rec),
	    code);
	json_add_string(rec->buf, data, len);
	evbuffer_add(rec->buf, "]\n", 2);
	if (evbuffer_get_length(rec->buf) > RECORD_BUFFER_MAX)
		record_flush(rec);
}

/* The current screen as escape sequences, so playback starts with it. */
static void
record_screen(struct recorder *rec, struct term *t)
{
	struct evbuffer	*b = evbuffer_new();
	struct grid	 g;
	struct cell	*gc, def;
	char		 ch[8];
	u_int		 x, y;
	int		 n;

	grid_init(&g, 1, 1);
	term_snapshot(t, &g);
	cell_clear(&def);
	evbuffer_add(b, "\033[H\033[2J", 7);
	for (y = 0; y < g.sy; y++) {
		evbuffer_add_printf(b, "\033[%u;1H", y + 1);
		for (x = 0; x < g.sx; x++) {
			gc = grid_cell(&g, x, y);
			if (gc->width == 0)
				continue;
			grid_cell_sgr(b, gc);
			n = utf8_encode(gc->ch == 0 ? ' ' : gc->ch, ch);
			evbuffer_add(b, ch, n);
		}
		evbuffer_add(b, "\033[0m", 4);
	}
	evbuffer_add_printf(b, "\033[%u;%uH", g.cy + 1, g.cx + 1);
	if (g.flags & GRID_CURSOR_HIDDEN)
		evbuffer_add(b, "\033[?25l", 6);
	record_event(rec, "o", (char *)evbuffer_pullup(b, -1),
	    evbuffer_get_length(b));
	evbuffer_free(b);
	grid_free(&g);
}

/* Start recording a pane to path; NULL with a cause on failure. */
struct recorder *
record_start(struct window_pane *wp, const char *path, int input,
    int with_screen, char **cause)
{
	struct recorder	*rec;
	struct timeval	 tv = { RECORD_FLUSH_SECONDS, 0 };
	const char	*shell;
	int		 fd;

	fd = open(path, O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC|O_NOFOLLOW, 0600);
	if (fd == -1) {
		xasprintf(cause, "couldn't open %s: %s", esc(path),
		    strerror(errno));
		return (NULL);
	}
	rec = xcalloc(1, sizeof *rec);
	rec->fd = fd;
	rec->path = xstrdup(path);
	rec->input = input;
	rec->wp = wp;
	rec->buf = evbuffer_new();
	gettimeofday(&rec->start, NULL);

	shell = getshell();
	evbuffer_add_printf(rec->buf, "{\"version\": 2, \"width\": %u, "
	    "\"height\": %u, \"timestamp\": %lld, \"env\": {\"SHELL\": ",
	    wp->sx, wp->sy, (long long)rec->start.tv_sec);
	json_add_string(rec->buf, shell, strlen(shell));
	evbuffer_add(rec->buf, ", \"TERM\": ", 10);
	json_add_string(rec->buf, options_get_string(global_options,
	    "default-terminal"), strlen(options_get_string(global_options,
	    "default-terminal")));
	evbuffer_add(rec->buf, "}, \"title\": ", 12);
	json_add_string(rec->buf, wp->window->session->name,
	    strlen(wp->window->session->name));
	evbuffer_add(rec->buf, "}\n", 2);
	if (with_screen)
		record_screen(rec, wp->term);

	rec->timer = event_new(server_base, -1, EV_PERSIST, record_flush_cb,
	    rec);
	evtimer_add(rec->timer, &tv);
	if (record_flush(rec) != 0) {
		xasprintf(cause, "couldn't write %s", esc(path));
		record_stop(rec);
		return (NULL);
	}
	return (rec);
}

/* Stop: write what is left and close. */
void
record_stop(struct recorder *rec)
{
	record_flush(rec);
	event_free(rec->timer);
	evbuffer_free(rec->buf);
	close(rec->fd);
	free(rec->path);
	free(rec);
}

/* Once a second: write what is buffered. */
static void
record_flush_cb(evutil_socket_t fd, short events, void *arg)
{
	struct recorder	*rec = arg;

	if (record_flush(rec) != 0)
		pane_record_stop(rec->wp);
}

/*
 * Output from the program. A UTF-8 sequence cut by the read is held until
 * the rest arrives, so no event splits a character.
 */
void
record_output(struct recorder *rec, const u_char *buf, size_t len)
{
	u_char	*joined;
	size_t	 total, keep, i, need;

	total = rec->npartial + len;
	joined = xmalloc(total);
	memcpy(joined, rec->partial, rec->npartial);
	memcpy(joined + rec->npartial, buf, len);
	/* Find a lead byte near the end whose sequence is incomplete. */
	keep = 0;
	for (i = total; i > 0 && total - i < 4; i--) {
		if ((joined[i - 1] & 0xc0) == 0x80)
			continue;
		need = utf8_lead_length(joined[i - 1]);
		if (need == 0)
			need = 1;
		if (need > total - (i - 1))
			keep = total - (i - 1);
		break;
	}
	if (total - keep != 0)
		record_event(rec, "o", (char *)joined, total - keep);
	memcpy(rec->partial, joined + total - keep, keep);
	rec->npartial = keep;
	free(joined);
}

/* The pane was resized. */
void
record_resize(struct recorder *rec, u_int sx, u_int sy)
{
	char	size[32];

	snprintf(size, sizeof size, "%ux%u", sx, sy);
	record_event(rec, "r", size, strlen(size));
}

/* An operator's input (only if the recording asked for it). */
void
record_input(struct recorder *rec, const void *buf, size_t len)
{
	if (rec->input)
		record_event(rec, "i", buf, len);
}

/* A marker (command queue events). */
void
record_marker(struct recorder *rec, const char *label)
{
	record_event(rec, "m", label, strlen(label));
}
