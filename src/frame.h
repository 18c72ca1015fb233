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

#ifndef FRAME_H
#define FRAME_H

#include "protocol.h"
#include "term.h"

/*
 * Frames: what an attached client is sent. The server compares the current
 * grid with the client's shadow (the grid the client is known to hold) and
 * encodes only the changed cell runs; the client applies them to its copy.
 */

/* Frame header fields. */
struct frame_info {
	u_int		 sx;
	u_int		 sy;
	u_int		 cx;
	u_int		 cy;
	int		 cursor_flags;	/* MSG_CURSOR_* */
	u_int		 cursor_style;
	int		 modes;		/* MODE_* the outer terminal mirrors */
	int		 flags;		/* MSG_FRAME_* */
};

/* A budget on one message: runs stop being added past this size. */
#define FRAME_BUDGET (MSG_MAX_PAYLOAD - 64 * 1024)

int	frame_encode(const struct frame_info *, const struct grid *,
	    struct grid *, struct msg_buf *);
int	frame_decode(struct msg_reader *, struct frame_info *, struct grid *);
int	frame_decode_rows(struct msg_reader *, struct frame_info *,
	    struct grid *, u_char *, int *);
int	frame_same(const struct grid *, const struct grid *);

#endif
