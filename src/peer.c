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
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>

#include "huddle.h"
#include "peer.h"

struct peer {
	struct bufferevent	*bev;
	peer_dispatch_cb	 dispatch;
	peer_lost_cb		 lost;
	peer_drain_cb		 drain;
	size_t			 lowat;
	void			*arg;
	int			 flags;
#define PEER_CLOSING 0x1	/* close once the output is flushed */
#define PEER_GONE 0x2		/* lost has been called */
#define PEER_DISPATCHING 0x4	/* inside the read loop */
#define PEER_FREE 0x8		/* freed while dispatching */
};

static void	peer_read_cb(struct bufferevent *, void *);
static void	peer_write_cb(struct bufferevent *, void *);
static void	peer_event_cb(struct bufferevent *, short, void *);

/* Wrap a connected socket. */
struct peer *
peer_create(struct event_base *base, int fd, peer_dispatch_cb dispatch,
    peer_lost_cb lost, void *arg)
{
	struct peer	*peer;

	peer = xcalloc(1, sizeof *peer);
	peer->bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
	if (peer->bev == NULL)
		fatalx("bufferevent_socket_new failed");
	peer->dispatch = dispatch;
	peer->lost = lost;
	peer->arg = arg;
	bufferevent_setcb(peer->bev, peer_read_cb, peer_write_cb,
	    peer_event_cb, peer);
	bufferevent_enable(peer->bev, EV_READ|EV_WRITE);
	return (peer);
}

/* Close and free; safe to call from inside a callback. */
void
peer_free(struct peer *peer)
{
	if (peer == NULL)
		return;
	if (peer->flags & PEER_DISPATCHING) {
		peer->flags |= PEER_FREE|PEER_GONE;
		bufferevent_disable(peer->bev, EV_READ|EV_WRITE);
		return;
	}
	bufferevent_free(peer->bev);
	free(peer);
}

/* Tell the owner once that the connection is gone. */
static void
peer_lost(struct peer *peer, const char *why)
{
	if (peer->flags & PEER_GONE)
		return;
	peer->flags |= PEER_GONE;
	bufferevent_disable(peer->bev, EV_READ|EV_WRITE);
	peer->lost(peer, why, peer->arg);
}

/* Call a function when the output drains below a mark. */
void
peer_set_drain(struct peer *peer, peer_drain_cb cb, size_t lowat)
{
	peer->drain = cb;
	peer->lowat = lowat;
	bufferevent_setwatermark(peer->bev, EV_WRITE, lowat, 0);
}

/* Split whole messages off the input and hand them over. */
static void
peer_read_cb(struct bufferevent *bev, void *arg)
{
	struct peer		*peer = arg;
	struct evbuffer		*in = bufferevent_get_input(bev);
	struct msg_reader	 r;
	u_char			*p;
	uint32_t		 type;
	size_t			 size, len;

	peer->flags |= PEER_DISPATCHING;
	while (!(peer->flags & (PEER_GONE|PEER_CLOSING))) {
		len = evbuffer_get_length(in);
		if (len < MSG_HEADER_SIZE)
			break;
		p = evbuffer_pullup(in, MSG_HEADER_SIZE);
		switch (msg_parse_check(p, len, &type, &size)) {
		case MSG_PARSE_BAD:
			log_debug("peer: oversize message (type %u)", type);
			peer_lost(peer, "oversize message");
			goto out;
		case MSG_PARSE_MORE:
			goto out;
		case MSG_PARSE_OK:
			break;
		}
		p = evbuffer_pullup(in, MSG_HEADER_SIZE + size);
		msg_reader_init(&r, p + MSG_HEADER_SIZE, size);
		peer->dispatch(peer, type, &r, peer->arg);
		evbuffer_drain(in, MSG_HEADER_SIZE + size);
	}
out:
	peer->flags &= ~PEER_DISPATCHING;
	if (peer->flags & PEER_FREE)
		peer_free(peer);
}

/* Output drained: finish a close, or tell the owner. */
static void
peer_write_cb(struct bufferevent *bev, void *arg)
{
	struct peer	*peer = arg;

	if (evbuffer_get_length(bufferevent_get_output(bev)) == 0 &&
	    (peer->flags & PEER_CLOSING)) {
		peer_lost(peer, "closed");
		return;
	}
	if (peer->drain != NULL && !(peer->flags & PEER_GONE))
		peer->drain(peer, peer->arg);
}

/* EOF or error on the socket. */
static void
peer_event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct peer	*peer = arg;

	if (what & BEV_EVENT_EOF)
		peer_lost(peer, "connection closed");
	else if (what & BEV_EVENT_ERROR)
		peer_lost(peer, strerror(EVUTIL_SOCKET_ERROR()));
}

/* Queue a message; frees its buffer. -1 if it is too big. */
int
peer_send(struct peer *peer, struct msg_buf *b)
{
	struct evbuffer	*out;
	int		 retval = 0, empty;

	if (msg_buf_finish(b) != 0)
		retval = -1;
	else if (!(peer->flags & PEER_GONE)) {
		out = bufferevent_get_output(peer->bev);
		empty = (evbuffer_get_length(out) == 0);
		bufferevent_write(peer->bev, b->data, b->len);
		/*
		 * Nothing was waiting: write now instead of a turn of the loop
		 * later. What the socket does not take, or an error, is left
		 * for the bufferevent.
		 */
		if (empty)
			evbuffer_write(out, bufferevent_getfd(peer->bev));
	}
	msg_buf_free(b);
	return (retval);
}

/* Send MSG_ERROR and close once it is out. */
void
peer_send_error(struct peer *peer, const char *text)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_ERROR);
	msg_put_string(&b, text);
	peer_send(peer, &b);
	peer_close_after_flush(peer);
}

/* How many bytes wait to be written. */
size_t
peer_pending(struct peer *peer)
{
	return (evbuffer_get_length(bufferevent_get_output(peer->bev)));
}

/* Stop reading and close once everything queued has been written. */
void
peer_close_after_flush(struct peer *peer)
{
	if (peer->flags & PEER_GONE)
		return;
	peer->flags |= PEER_CLOSING;
	bufferevent_disable(peer->bev, EV_READ);
	if (peer_pending(peer) == 0)
		peer_lost(peer, "closed");
}

/* Stop or resume reading from the peer. */
void
peer_pause(struct peer *peer, int pause)
{
	if (peer->flags & (PEER_GONE|PEER_CLOSING))
		return;
	if (pause)
		bufferevent_disable(peer->bev, EV_READ);
	else
		bufferevent_enable(peer->bev, EV_READ);
}

/* The socket. */
int
peer_fd(struct peer *peer)
{
	return (bufferevent_getfd(peer->bev));
}
