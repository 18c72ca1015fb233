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

#include "huddle.h"
#include "peer.h"
#include "queue.h"

/*
 * Streams: clients following a session live (the stream command). Raw
 * streams get the session's output bytes as they come (huddle's own marks
 * cut out); JSON streams get one object per line for each event: output,
 * commands queued, started and finished, clients attaching, detaching and
 * changing mode, resizes, messages and the session's end.
 *
 * A stream never slows the session: a subscriber has at most STREAM_INFLIGHT
 * bytes on its socket, and events beyond that wait in its own queue of at
 * most STREAM_QUEUE_MAX bytes. When that is full the oldest events are lost,
 * and the subscriber is told how many (an overflow event, or a line on
 * standard error for a raw stream) before the next one it gets.
 */

#define STREAM_INFLIGHT (64 * 1024)
#define STREAM_QUEUE_MAX (1024 * 1024)

struct stream_event {
	size_t				 len;
	TAILQ_ENTRY(stream_event)	 entry;
	u_char				 data[];
};

struct stream {
	struct session			*s;
	struct cmd_item			*item;
	int				 json;
	int				 ending;	/* flush it all */
	TAILQ_HEAD(, stream_event)	 events;
	size_t				 queued;	/* bytes in events */
	uint64_t			 lost;		/* since last told */
	u_char				 partial[4];	/* unfinished UTF-8 */
	size_t				 npartial;
	TAILQ_ENTRY(stream)		 entry;
};

static void	stream_push(struct stream *);

/* Start a JSON event line. */
static struct evbuffer *
stream_begin(const char *event)
{
	struct evbuffer	*b;
	struct timeval	 tv;

	gettimeofday(&tv, NULL);
	b = evbuffer_new();
	evbuffer_add(b, "{", 1);
	json_add_key_time(b, 1, "time", &tv);
	json_add_key_string(b, 0, "event", event);
	return (b);
}

/* Queue bytes for a subscriber, losing the oldest events if it is full. */
static void
stream_queue(struct stream *st, const void *data, size_t len)
{
	struct stream_event	*ev;

	if (len > STREAM_QUEUE_MAX) {
		st->lost += st->json ? 1 : len;
		return;
	}
	while (st->queued + len > STREAM_QUEUE_MAX &&
	    (ev = TAILQ_FIRST(&st->events)) != NULL) {
		TAILQ_REMOVE(&st->events, ev, entry);
		st->queued -= ev->len;
		st->lost += st->json ? 1 : ev->len;
		free(ev);
	}
	ev = xmalloc(sizeof *ev + len);
	ev->len = len;
	memcpy(ev->data, data, len);
	TAILQ_INSERT_TAIL(&st->events, ev, entry);
	st->queued += len;
	stream_push(st);
}

/* Finish a JSON event and queue it. */
static void
stream_finish(struct stream *st, struct evbuffer *b)
{
	evbuffer_add(b, "}\n", 2);
	stream_queue(st, evbuffer_pullup(b, -1), evbuffer_get_length(b));
	evbuffer_free(b);
}

/* The subscriber's socket drained: send it more. */
static void
stream_drained(struct peer *peer, void *arg)
{
	struct stream	*st = arg;

	stream_push(st);
}

/* Send what the socket can take now. */
static void
stream_push(struct stream *st)
{
	struct client		*c = st->item->client;
	struct stream_event	*ev;
	struct evbuffer		*b;
	char			*line;

	if (c == NULL)
		return;
	while ((ev = TAILQ_FIRST(&st->events)) != NULL) {
		if (!st->ending && peer_pending(c->peer) >= STREAM_INFLIGHT) {
			peer_set_drain(c->peer, stream_drained,
			    STREAM_INFLIGHT / 2);
			return;
		}
		if (st->lost != 0) {
			if (st->json) {
				b = stream_begin("overflow");
				json_add_key_number(b, 0, "lost",
				    (long long)st->lost);
				evbuffer_add(b, "}\n", 2);
				cmd_write(st->item, MSG_STDOUT,
				    evbuffer_pullup(b, -1),
				    evbuffer_get_length(b));
				evbuffer_free(b);
			} else {
				xasprintf(&line, "huddle: stream fell behind: "
				    "%llu bytes lost\n",
				    (unsigned long long)st->lost);
				cmd_write(st->item, MSG_STDERR, line,
				    strlen(line));
				free(line);
			}
			st->lost = 0;
		}
		TAILQ_REMOVE(&st->events, ev, entry);
		st->queued -= ev->len;
		cmd_write(st->item, MSG_STDOUT, ev->data, ev->len);
		free(ev);
	}
}

/* Stop a stream: its client went away or it is finished. */
static void
stream_cancel(struct cmd_item *item)
{
	struct stream		*st = item->data;
	struct stream_event	*ev;

	if (st == NULL)
		return;
	if (item->client != NULL)
		peer_set_drain(item->client->peer, NULL, 0);
	TAILQ_REMOVE(&st->s->streams, st, entry);
	while ((ev = TAILQ_FIRST(&st->events)) != NULL) {
		TAILQ_REMOVE(&st->events, ev, entry);
		free(ev);
	}
	free(st);
	item->data = NULL;
	item->cancel = NULL;
}

/* Follow a session; finished by stream_end or when the client goes. */
void
stream_start(struct cmd_item *item, struct session *s, int json)
{
	struct stream	*st;

	st = xcalloc(1, sizeof *st);
	st->s = s;
	st->item = item;
	st->json = json;
	TAILQ_INIT(&st->events);
	TAILQ_INSERT_TAIL(&s->streams, st, entry);
	item->data = st;
	item->cancel = stream_cancel;
	log_debug("session %s: stream started (%s)", s->name,
	    json ? "json" : "raw");
}

/* How much of buf can go now without splitting a UTF-8 sequence. */
static size_t
stream_utf8_whole(const u_char *buf, size_t len)
{
	size_t	i, need;

	for (i = len; i > 0 && len - i < 4; i--) {
		if ((buf[i - 1] & 0xc0) == 0x80)
			continue;	/* a continuation byte */
		need = utf8_lead_length(buf[i - 1]);
		if (need > 1 && len - (i - 1) < need)
			return (i - 1);
		return (len);
	}
	return (len);
}

/* Output from one of the session's panes, marks already cut. */
void
stream_output(struct window_pane *wp, const u_char *buf, size_t len)
{
	struct session	*s = wp->window->session;
	struct stream	*st, *st1;
	struct evbuffer	*b, *text;
	size_t		 whole, take;

	TAILQ_FOREACH_SAFE(st, &s->streams, entry, st1) {
		if (!st->json) {
			stream_queue(st, buf, len);
			continue;
		}
		text = evbuffer_new();
		evbuffer_add(text, st->partial, st->npartial);
		evbuffer_add(text, buf, len);
		take = evbuffer_get_length(text);
		whole = stream_utf8_whole(evbuffer_pullup(text, -1), take);
		st->npartial = take - whole;
		if (st->npartial > sizeof st->partial)
			st->npartial = 0;	/* cannot happen */
		else {
			memcpy(st->partial, evbuffer_pullup(text, -1) + whole,
			    st->npartial);
		}
		if (whole != 0) {
			b = stream_begin("output");
			json_add_key_number(b, 0, "pane", wp->id);
			json_add_key(b, 0, "data");
			json_add_string(b, (const char *)
			    evbuffer_pullup(text, -1), whole);
			stream_finish(st, b);
		}
		evbuffer_free(text);
	}
}

/* Send a finished JSON event to each JSON stream of the session. */
static void
stream_broadcast(struct session *s, struct evbuffer *b)
{
	struct stream	*st;
	u_char		*data;
	size_t		 len;

	evbuffer_add(b, "}\n", 2);
	len = evbuffer_get_length(b);
	data = evbuffer_pullup(b, -1);
	TAILQ_FOREACH(st, &s->streams, entry) {
		if (st->json)
			stream_queue(st, data, len);
	}
	evbuffer_free(b);
}

/* Whether any stream of the session wants events. */
static int
stream_wanted(struct session *s)
{
	struct stream	*st;

	TAILQ_FOREACH(st, &s->streams, entry) {
		if (st->json)
			return (1);
	}
	return (0);
}

/* A queued command changed state. */
void
stream_command(struct session *s, const char *event, struct qcmd *qc)
{
	struct evbuffer	*b;

	if (!stream_wanted(s))
		return;
	b = stream_begin(event);
	queue_json(b, qc, 0, 0);
	if (strcmp(event, "queued") == 0)
		json_add_key_string(b, 0, "command", qc->line);
	stream_broadcast(s, b);
}

/* A client attached, detached or changed mode. */
void
stream_client(struct session *s, const char *event, struct client *c)
{
	struct evbuffer	*b;

	if (!stream_wanted(s))
		return;
	b = stream_begin(event);
	audit_add_client(b, c);
	stream_broadcast(s, b);
}

/* The session was resized. */
void
stream_resize(struct session *s)
{
	struct evbuffer	*b;

	if (!stream_wanted(s))
		return;
	b = stream_begin("resize");
	json_add_key_number(b, 0, "width", s->sx);
	json_add_key_number(b, 0, "height", s->sy);
	stream_broadcast(s, b);
}

/* A message was shown on the session's clients. */
void
stream_message(struct session *s, const char *text)
{
	struct evbuffer	*b;

	if (!stream_wanted(s))
		return;
	b = stream_begin("message");
	json_add_key_string(b, 0, "text", text);
	stream_broadcast(s, b);
}

/* The session ended: everything queued goes out, then the streams end. */
void
stream_end(struct session *s, const char *why)
{
	struct stream	*st;
	struct evbuffer	*b;
	struct cmd_item	*item;

	while ((st = TAILQ_FIRST(&s->streams)) != NULL) {
		item = st->item;
		if (item->client != NULL)
			peer_set_drain(item->client->peer, NULL, 0);
		/* The rest goes whatever the socket holds: at most a queue. */
		st->ending = 1;
		if (st->json) {
			b = stream_begin("end");
			json_add_key_string(b, 0, "reason", why);
			stream_finish(st, b);
		} else
			stream_push(st);
		cmd_done(item, 0);	/* stream_cancel frees st */
	}
}
