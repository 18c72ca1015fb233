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

#include <unistd.h>

#include "huddle.h"
#include "term.h"

/* The names a format can use: server, session and pane fields. */

/* Server-wide fields. */
void
format_fill_server(struct format_tree *ft)
{
	format_add(ft, "pid", "%ld", (long)getpid());
	format_add(ft, "socket_path", "%s", socket_path);
	format_add(ft, "version", "%s", PACKAGE_VERSION);
	format_add(ft, "start_time", "%lld", (long long)start_time.tv_sec);
}

/* Count a session's windows. */
u_int
session_count_windows(struct session *s)
{
	struct window	*w;
	u_int		 n = 0;

	TAILQ_FOREACH(w, &s->windows, entry)
		n++;
	return (n);
}

/* A session's fields. */
void
format_fill_session(struct format_tree *ft, struct session *s)
{
	u_int	ops = session_count_clients(s, 0);
	u_int	obs = session_count_clients(s, 1);

	format_add(ft, "session_name", "%s", s->name);
	format_add(ft, "session_id", "$%u", s->id);
	format_add(ft, "session_width", "%u", s->sx);
	format_add(ft, "session_height", "%u", s->sy);
	format_add(ft, "session_created", "%lld",
	    (long long)s->created.tv_sec);
	format_add(ft, "session_activity", "%lld",
	    (long long)s->activity.tv_sec);
	format_add(ft, "session_windows", "%u", session_count_windows(s));
	format_add(ft, "session_attached", "%u", ops + obs);
	format_add(ft, "session_operators", "%u", ops);
	format_add(ft, "session_observers", "%u", obs);
}

/* A pane's fields. */
void
format_fill_pane(struct format_tree *ft, struct window_pane *wp)
{
	u_int	cx, cy;

	term_cursor(wp->term, &cx, &cy);
	format_add(ft, "pane_id", "%%%u", wp->id);
	format_add(ft, "pane_pid", "%ld", (long)wp->pid);
	format_add(ft, "pane_width", "%u", wp->sx);
	format_add(ft, "pane_height", "%u", wp->sy);
	format_add(ft, "pane_title", "%s", wp->title);
	format_add(ft, "pane_current_path", "%s",
	    wp->cwd != NULL ? wp->cwd : "");
	format_add(ft, "cursor_x", "%u", cx);
	format_add(ft, "cursor_y", "%u", cy);
	format_add(ft, "history_size", "%u", term_history_size(wp->term));
	format_add(ft, "alternate_on", "%d", term_alternate(wp->term));
}
