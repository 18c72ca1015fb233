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

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"

/*
 * Targets: -t SESSION[:WINDOW[.PANE]]. A session is named exactly, by id
 * ($N) or by an unambiguous prefix; without -t, the caller's own session
 * (from HUDDLE) or the most recently used one.
 */

/* Parse a non-negative index; -1 if it isn't one. */
static int
target_index(const char *s)
{
	char	*end;
	long	 n;

	if (*s < '0' || *s > '9')
		return (-1);
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || n > INT_MAX)
		return (-1);
	return ((int)n);
}

/* Split a target string into its parts. */
int
target_parse(const char *s, struct target *t, char **cause)
{
	char	*copy, *colon, *dot;

	memset(t, 0, sizeof *t);
	t->window = -1;
	t->pane = -1;
	if (s == NULL)
		return (0);
	copy = xstrdup(s);
	if ((colon = strchr(copy, ':')) != NULL) {
		*colon++ = '\0';
		if ((dot = strchr(colon, '.')) != NULL) {
			*dot++ = '\0';
			if (*dot != '\0' && (t->pane = target_index(dot)) < 0)
				goto bad;
		}
		if (*colon != '\0' && (t->window = target_index(colon)) < 0)
			goto bad;
	}
	if (*copy != '\0')
		t->session = xstrdup(copy);
	free(copy);
	return (0);

bad:
	xasprintf(cause, "invalid target: %s", esc(s));
	free(copy);
	target_clear(t);
	return (-1);
}

/* Free a parsed target. */
void
target_clear(struct target *t)
{
	free(t->session);
	t->session = NULL;
}

/* The caller's own session, from "socket,pid,id" in its HUDDLE variable. */
struct session *
target_current(const char *current)
{
	const char	*p;
	char		*end;
	long		 pid;
	unsigned long	 id;

	if (current == NULL || (p = strchr(current, ',')) == NULL)
		return (NULL);
	pid = strtol(p + 1, &end, 10);
	if (*end != ',' || pid != (long)getpid())
		return (NULL);
	id = strtoul(end + 1, &end, 10);
	if (*end != '\0')
		return (NULL);
	return (session_find_id(id));
}

/* Find a session by name, id or unique prefix. */
static struct session *
target_lookup(const char *name, char **cause)
{
	struct session	*s, *found = NULL;
	size_t		 len = strlen(name);
	char		*end;
	unsigned long	 id;

	if ((s = session_find(name)) != NULL)
		return (s);
	if (name[0] == '$' && name[1] != '\0') {
		id = strtoul(name + 1, &end, 10);
		if (*end == '\0' && (s = session_find_id(id)) != NULL)
			return (s);
	}
	TAILQ_FOREACH(s, &sessions, entry) {
		if (strncmp(s->name, name, len) != 0)
			continue;
		if (found != NULL) {
			xasprintf(cause, "more than one session matches: %s",
			    esc(name));
			return (NULL);
		}
		found = s;
	}
	if (found == NULL)
		xasprintf(cause, "can't find session: %s", esc(name));
	return (found);
}

/* Resolve a -t value (NULL for the default) to a session. */
struct session *
target_find_session(struct cmd_item *item, const char *value, char **cause)
{
	struct target	 t;
	struct session	*s;

	if (target_parse(value, &t, cause) != 0)
		return (NULL);
	if (t.session != NULL)
		s = target_lookup(t.session, cause);
	else {
		s = target_current(item->current);
		if (s == NULL)
			s = session_most_recent();
		if (s == NULL)
			*cause = xstrdup("no sessions");
	}
	target_clear(&t);
	return (s);
}

/* Resolve a -t value to a pane (and its session). */
struct window_pane *
target_find_pane(struct cmd_item *item, const char *value,
    struct session **sp, char **cause)
{
	struct target		 t;
	struct session		*s;
	struct window		*w;
	struct window_pane	*wp;
	int			 i;

	if (target_parse(value, &t, cause) != 0)
		return (NULL);
	target_clear(&t);
	if ((s = target_find_session(item, value, cause)) == NULL)
		return (NULL);
	w = s->curw;
	if (t.window != -1) {
		TAILQ_FOREACH(w, &s->windows, entry) {
			if ((int)w->idx == t.window)
				break;
		}
	}
	if (w == NULL) {
		xasprintf(cause, "can't find window %d in session %s",
		    t.window, esc(s->name));
		return (NULL);
	}
	wp = w->active;
	if (t.pane != -1) {
		i = 0;
		TAILQ_FOREACH(wp, &w->panes, entry) {
			if (i++ == t.pane)
				break;
		}
	}
	if (wp == NULL) {
		xasprintf(cause, "can't find pane %d in session %s", t.pane,
		    esc(s->name));
		return (NULL);
	}
	if (sp != NULL)
		*sp = s;
	return (wp);
}
