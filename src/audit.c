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
#include <time.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "huddle.h"

/*
 * The audit log: one JSON object per line, each with a timestamp and an
 * event name, written as the event happens (so nothing is lost if the
 * server dies). Who typed is recorded, never what they typed.
 */

static int	 audit_fd = -1;
static char	*audit_path;

/* Open (or with an empty path close) the audit log; -1 with a cause. */
int
audit_open(const char *path, char **cause)
{
	int	fd;

	if (*path == '\0') {
		audit_close();
		return (0);
	}
	fd = open(path, O_WRONLY|O_APPEND|O_CREAT|O_CLOEXEC|O_NOFOLLOW, 0600);
	if (fd == -1) {
		xasprintf(cause, "couldn't open audit log %s: %s", esc(path),
		    strerror(errno));
		return (-1);
	}
	audit_close();
	audit_fd = fd;
	audit_path = xstrdup(path);
	return (0);
}

/* Close the audit log. */
void
audit_close(void)
{
	if (audit_fd != -1)
		close(audit_fd);
	audit_fd = -1;
	free(audit_path);
	audit_path = NULL;
}

/* Start an event: NULL if there is no log (the caller then skips it). */
struct evbuffer *
audit_start(const char *event)
{
	struct evbuffer	*b;
	struct timeval	 tv;
	struct tm	 tm;
	char		 when[64];

	if (audit_fd == -1)
		return (NULL);
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
	b = evbuffer_new();
	evbuffer_add_printf(b, "{\"time\":\"%s.%03ldZ\"", when,
	    (long)tv.tv_usec / 1000);
	json_add_key_string(b, 0, "event", event);
	return (b);
}

/* Add who a client is to an event. */
void
audit_add_client(struct evbuffer *b, struct client *c)
{
	if (b == NULL || c == NULL)
		return;
	json_add_key_number(b, 0, "client", c->id);
	json_add_key_string(b, 0, "user", c->user);
	json_add_key_number(b, 0, "uid", c->uid);
	json_add_key_string(b, 0, "mode",
	    (c->flags & CLIENT_READONLY) ? "observer" : "operator");
	json_add_key_string(b, 0, "via", cmd_clients_via(c));
}

/* Finish and write an event. A log that cannot be written is closed and
 * the operators are told; the sessions go on. */
void
audit_finish(struct evbuffer *b)
{
	struct session	*s;
	size_t		 len;
	ssize_t		 n;
	char		*path;

	if (b == NULL)
		return;
	evbuffer_add(b, "}\n", 2);
	len = evbuffer_get_length(b);
	n = write(audit_fd, evbuffer_pullup(b, -1), len);
	evbuffer_free(b);
	if (n == (ssize_t)len)
		return;
	path = xstrdup(audit_path != NULL ? audit_path : "?");
	log_debug("audit log %s: %s", path, n == -1 ? strerror(errno) :
	    "short write");
	audit_close();
	TAILQ_FOREACH(s, &sessions, entry)
		server_message(s, "audit log %s failed; auditing stopped",
		    esc(path));
	free(path);
}
