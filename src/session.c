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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "huddle.h"
#include "queue.h"

/* Sessions: a name, windows, and the clients attached to them. */

struct sessions	 sessions = TAILQ_HEAD_INITIALIZER(sessions);
static u_int	 session_next_id;

/* Check a session name: printable, no ':' or '.', not too long. */
int
session_check_name(const char *name, char **cause)
{
	const u_char	*p;
	size_t		 n;

	if (*name == '\0') {
		*cause = xstrdup("empty session name");
		return (-1);
	}
	if (strlen(name) > HUDDLE_MAX_NAME) {
		xasprintf(cause, "session name too long (at most %d bytes)",
		    HUDDLE_MAX_NAME);
		return (-1);
	}
	/* Printable UTF-8 only: no C0 or C1 controls, no invalid bytes. */
	for (p = (const u_char *)name; *p != '\0'; p += n) {
		n = 1;
		if (*p >= 0x80)
			n = utf8_valid_length(p, strlen((const char *)p));
		if (n == 0 || *p < 0x20 || *p == 0x7f || *p == ':' ||
		    *p == '.' || (p == (const u_char *)name && *p == '$')) {
			xasprintf(cause, "invalid session name: %s",
			    esc(name));
			return (-1);
		}
	}
	return (0);
}

/*
 * Create an empty session; NULL with a cause if the name is taken or bad, or
 * there are as many sessions as there may be.
 */
struct session *
session_create(const char *name, u_int sx, u_int sy, char **cause)
{
	struct session	*s;
	char		 buf[32];
	u_int		 n = 0;

	TAILQ_FOREACH(s, &sessions, entry)
		n++;
	if (n >= HUDDLE_MAX_SESSIONS) {
		xasprintf(cause, "too many sessions (at most %d)",
		    HUDDLE_MAX_SESSIONS);
		return (NULL);
	}
	if (name != NULL) {
		if (session_check_name(name, cause) != 0)
			return (NULL);
		if (session_find(name) != NULL) {
			xasprintf(cause, "duplicate session: %s", esc(name));
			return (NULL);
		}
	} else {
		for (n = 0;; n++) {
			snprintf(buf, sizeof buf, "%u", n);
			if (session_find(buf) == NULL)
				break;
		}
		name = buf;
	}
	s = xcalloc(1, sizeof *s);
	s->id = session_next_id++;
	s->name = xstrdup(name);
	gettimeofday(&s->created, NULL);
	s->activity = s->created;
	TAILQ_INIT(&s->windows);
	TAILQ_INIT(&s->streams);
	if (shell_secret(s->secret, sizeof s->secret) != 0)
		log_debug("session %s: no secret, no shell integration", name);
	s->sx = sx;
	s->sy = sy;
	TAILQ_INSERT_TAIL(&sessions, s, entry);
	log_debug("session %s ($%u) created, %ux%u", s->name, s->id, sx, sy);
	return (s);
}

/* End a session: its windows and panes go, its clients are told. */
void
session_destroy(struct session *s, const char *why)
{
	struct window	*w, *w1;
	struct client	*c, *c1;
	struct evbuffer	*b;

	if (s->flags & SESSION_DEAD)
		return;
	s->flags |= SESSION_DEAD;
	log_debug("session %s ($%u) destroyed: %s", s->name, s->id, why);
	if ((b = audit_start("session-end")) != NULL) {
		json_add_key_string(b, 0, "session", s->name);
		json_add_key_string(b, 0, "reason", why);
		audit_finish(b);
	}
	TAILQ_REMOVE(&sessions, s, entry);
	stream_end(s, why);
	TAILQ_FOREACH_SAFE(c, &clients, entry, c1) {
		if (c->session == s)
			server_client_session_gone(c, why);
	}
	TAILQ_FOREACH_SAFE(w, &s->windows, entry, w1)
		window_destroy(w);
	free(s->name);
	free(s->last_user);
	free(s);
	server_exit_check();
}

/* Find a session by exact name. */
struct session *
session_find(const char *name)
{
	struct session	*s;

	TAILQ_FOREACH(s, &sessions, entry) {
		if (strcmp(s->name, name) == 0)
			return (s);
	}
	return (NULL);
}

/* Find a session by id. */
struct session *
session_find_id(u_int id)
{
	struct session	*s;

	TAILQ_FOREACH(s, &sessions, entry) {
		if (s->id == id)
			return (s);
	}
	return (NULL);
}

/* The session used most recently. */
struct session *
session_most_recent(void)
{
	struct session	*s, *best = NULL;

	TAILQ_FOREACH(s, &sessions, entry) {
		if (best == NULL || timercmp(&s->activity, &best->activity, >))
			best = s;
	}
	return (best);
}

/* Mark a session as used now. */
void
session_update_activity(struct session *s)
{
	gettimeofday(&s->activity, NULL);
}

/* A window's last pane went: the window goes, and the session if empty. */
void
session_pane_gone(struct session *s)
{
	struct window	*w, *w1;

	TAILQ_FOREACH_SAFE(w, &s->windows, entry, w1) {
		if (TAILQ_EMPTY(&w->panes)) {
			if (s->curw == w)
				s->curw = NULL;
			window_destroy(w);
		}
	}
	if (TAILQ_EMPTY(&s->windows)) {
		session_destroy(s, "exited");
		return;
	}
	if (s->curw == NULL)
		s->curw = TAILQ_FIRST(&s->windows);
}

/* Resize a session and its windows. */
void
session_resize(struct session *s, u_int sx, u_int sy)
{
	struct window	*w;
	struct evbuffer	*b;

	if (s->sx == sx && s->sy == sy)
		return;
	log_debug("session %s resized to %ux%u", s->name, sx, sy);
	if ((b = audit_start("resize")) != NULL) {
		json_add_key_string(b, 0, "session", s->name);
		json_add_key_number(b, 0, "width", sx);
		json_add_key_number(b, 0, "height", sy);
		audit_finish(b);
	}
	s->sx = sx;
	s->sy = sy;
	TAILQ_FOREACH(w, &s->windows, entry)
		window_resize(w, sx, sy);
	stream_resize(s);
	server_redraw_session(s, 0);
}

/*
 * Work out the session's size from its attached operators (observers never
 * resize), by the window-size option: the operator who typed or attached
 * last, the smallest, the largest, or manual (left alone).
 */
void
session_recalc_size(struct session *s)
{
	struct client	*c, *latest = NULL;
	const char	*policy;
	u_int		 sx, sy, bx = 0, by = 0;
	int		 found = 0, smallest;

	policy = options_get_string(global_options, "window-size");
	if (strcmp(policy, "manual") == 0)
		return;
	smallest = strcmp(policy, "smallest") == 0;
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session != s || c->kind != MSG_KIND_ATTACH ||
		    (c->flags & (CLIENT_READONLY|CLIENT_EXIT|CLIENT_DEAD)) ||
		    server_attach_area(c, &sx, &sy) != 0)
			continue;
		if (latest == NULL || timercmp(&c->size_time,
		    &latest->size_time, >))
			latest = c;
		if (!found || (smallest ? sx < bx : sx > bx))
			bx = sx;
		if (!found || (smallest ? sy < by : sy > by))
			by = sy;
		found = 1;
	}
	if (!found)
		return;
	if (strcmp(policy, "latest") == 0)
		server_attach_area(latest, &bx, &by);
	session_resize(s, bx, by);
}

/* Count the clients attached to a session: operators or observers. */
u_int
session_count_clients(struct session *s, int readonly)
{
	struct client	*c;
	u_int		 n = 0;

	TAILQ_FOREACH(c, &clients, entry) {
		if (c->session != s || c->kind != MSG_KIND_ATTACH)
			continue;
		if (((c->flags & CLIENT_READONLY) != 0) == (readonly != 0))
			n++;
	}
	return (n);
}
