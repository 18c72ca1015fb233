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

#ifndef PEER_H
#define PEER_H

#include "protocol.h"

/*
 * One connection carrying protocol messages over a byte stream: framing,
 * bounds on what is buffered, and an orderly close. Used by both the server
 * and the client.
 */

struct peer;
struct event_base;

/* A whole message arrived; the reader covers exactly its payload. */
typedef void (*peer_dispatch_cb)(struct peer *, uint32_t,
    struct msg_reader *, void *);
/* The connection is gone (EOF, error, bad message, or closed after flush). */
typedef void (*peer_lost_cb)(struct peer *, const char *, void *);
/* The output buffer drained below the low-water mark. */
typedef void (*peer_drain_cb)(struct peer *, void *);

struct peer	*peer_create(struct event_base *, int, peer_dispatch_cb,
		     peer_lost_cb, void *);
void		 peer_free(struct peer *);
void		 peer_set_drain(struct peer *, peer_drain_cb, size_t);
int		 peer_send(struct peer *, struct msg_buf *);
void		 peer_send_error(struct peer *, const char *);
size_t		 peer_pending(struct peer *);
void		 peer_close_after_flush(struct peer *);
void		 peer_pause(struct peer *, int);
int		 peer_fd(struct peer *);

#endif
