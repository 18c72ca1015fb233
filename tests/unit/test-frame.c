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

#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "frame.h"
#include "unit.h"

/* Unit tests for frame encoding: diffs against a shadow, applied back. */

/* Fill a grid with pseudo-random content, changing about pct% of cells. */
static void
scramble(struct grid *g, u_int pct, unsigned int *seed)
{
	struct cell	*gc;
	u_int		 i;

	for (i = 0; i < g->sx * g->sy; i++) {
		if ((u_int)(rand_r(seed) % 100) >= pct)
			continue;
		gc = &g->cells[i];
		gc->ch = 'a' + rand_r(seed) % 26;
		gc->width = 1;
		gc->attr = rand_r(seed) % 4 == 0 ? CELL_BOLD : 0;
		gc->fg = rand_r(seed) % 3 == 0 ? (uint32_t)(rand_r(seed) % 256) :
		    COLOUR_DEFAULT;
		gc->bg = rand_r(seed) % 7 == 0 ? (COLOUR_RGB | 0x102030) :
		    COLOUR_DEFAULT;
	}
}

/* Encode cur against shadow, decode into client; all must then agree. */
static int
round_trip(struct grid *cur, struct grid *shadow, struct grid *client,
    int flags, size_t *bytes)
{
	struct frame_info	fi, out;
	struct msg_buf		b;
	struct msg_reader	r;
	int			done, rv = 0, n = 0;

	memset(&fi, 0, sizeof fi);
	fi.sx = cur->sx;
	fi.sy = cur->sy;
	fi.cx = 3;
	fi.cy = 1;
	fi.cursor_flags = MSG_CURSOR_VISIBLE;
	fi.cursor_style = 2;
	fi.modes = 0x800;
	fi.flags = flags;
	*bytes = 0;
	do {
		msg_buf_init(&b, MSG_FRAME);
		done = frame_encode(&fi, cur, shadow, &b);
		*bytes += b.len;
		msg_reader_init(&r, b.data + MSG_HEADER_SIZE,
		    b.len - MSG_HEADER_SIZE);
		if (frame_decode(&r, &out, client) != 0)
			rv = -1;
		msg_buf_free(&b);
		fi.flags &= ~MSG_FRAME_CLEAR;
		n++;
	} while (!done);
	CHECK_INT(out.cx, 3);
	CHECK_INT(out.cy, 1);
	CHECK_INT(out.cursor_style, 2);
	CHECK_INT(out.modes, 0x800);
	return (rv == 0 ? n : -1);
}

/* Decoding says which rows a frame changed, or that all may have. */
static void
test_dirty_rows(void)
{
	struct grid		 cur, shadow, client;
	struct frame_info	 fi, out;
	struct msg_buf		 b;
	struct msg_reader	 r;
	u_char			 dirty[HUDDLE_MAX_SIZE];
	int			 all = 0;

	grid_init(&cur, 20, 6);
	grid_init(&shadow, 20, 6);
	grid_init(&client, 20, 6);
	grid_cell(&cur, 3, 2)->ch = 'x';
	grid_cell(&cur, 19, 4)->ch = 'y';
	memset(&fi, 0, sizeof fi);
	fi.sx = 20;
	fi.sy = 6;
	memset(dirty, 0, sizeof dirty);
	msg_buf_init(&b, MSG_FRAME);
	frame_encode(&fi, &cur, &shadow, &b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(frame_decode_rows(&r, &out, &client, dirty, &all), 0);
	msg_buf_free(&b);
	CHECK_INT(all, 0);
	CHECK_INT(dirty[0] + dirty[1] + dirty[3] + dirty[5], 0);
	CHECK_INT(dirty[2], 1);
	CHECK_INT(dirty[4], 1);
	CHECK(frame_same(&cur, &client));

	/* A new size: every row. */
	grid_resize(&cur, 20, 7);
	grid_resize(&shadow, 20, 7);
	fi.sy = 7;
	msg_buf_init(&b, MSG_FRAME);
	frame_encode(&fi, &cur, &shadow, &b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(frame_decode_rows(&r, &out, &client, dirty, &all), 0);
	msg_buf_free(&b);
	CHECK_INT(all, 1);
	grid_free(&cur);
	grid_free(&shadow);
	grid_free(&client);
}

/* Random changes round-trip exactly; an unchanged grid costs no runs. */
static void
test_round_trip(void)
{
	struct grid	cur, shadow, client;
	unsigned int	seed = 42;
	size_t		bytes;
	int		i;

	grid_init(&cur, 80, 24);
	grid_init(&shadow, 80, 24);
	grid_init(&client, 80, 24);
	for (i = 0; i < 50; i++) {
		scramble(&cur, i % 5 == 0 ? 100 : 10, &seed);
		CHECK_INT(round_trip(&cur, &shadow, &client, 0, &bytes), 1);
		CHECK(frame_same(&cur, &shadow));
		CHECK(frame_same(&cur, &client));
	}
	/* Nothing changed: just the header. */
	round_trip(&cur, &shadow, &client, 0, &bytes);
	CHECK_INT(bytes, MSG_HEADER_SIZE + 19);

	/* A clear frame against a blank shadow rebuilds a fresh client. */
	grid_free(&shadow);
	grid_free(&client);
	grid_init(&shadow, 80, 24);
	grid_init(&client, 80, 24);
	scramble(&client, 100, &seed);	/* stale content to be cleared */
	round_trip(&cur, &shadow, &client, MSG_FRAME_CLEAR, &bytes);
	CHECK(frame_same(&cur, &client));
	grid_free(&cur);
	grid_free(&shadow);
	grid_free(&client);
}

/* A screen too big for one message is split across several. */
static void
test_split(void)
{
	struct grid	cur, shadow, client;
	unsigned int	seed = 7;
	size_t		bytes;
	int		n;

	grid_init(&cur, 1000, 200);
	grid_init(&shadow, 1000, 200);
	grid_init(&client, 1000, 200);
	scramble(&cur, 100, &seed);
	n = round_trip(&cur, &shadow, &client, MSG_FRAME_CLEAR, &bytes);
	CHECK(n > 1);
	CHECK(frame_same(&cur, &client));
	grid_free(&cur);
	grid_free(&shadow);
	grid_free(&client);
}

/* Malformed frames are refused, never read out of bounds. */
static void
test_malformed(void)
{
	struct grid		g;
	struct frame_info	fi;
	struct msg_buf		b;
	struct msg_reader	r;
	size_t			n, plen;

	grid_init(&g, 10, 2);
	msg_buf_init(&b, MSG_FRAME);
	msg_put_u16(&b, 10);
	msg_put_u16(&b, 2);
	msg_put_u16(&b, 0);
	msg_put_u16(&b, 0);
	msg_put_u8(&b, 0);
	msg_put_u8(&b, 0);
	msg_put_u32(&b, 0);
	msg_put_u8(&b, 0);
	msg_put_u32(&b, 1);
	msg_put_u16(&b, 1);	/* y */
	msg_put_u16(&b, 8);	/* x */
	msg_put_u16(&b, 2);	/* n: fits exactly */
	msg_put_u32(&b, 'a' | 1 << MSG_CELL_WIDTH_SHIFT);
	msg_put_u32(&b, 'b' | 1 << MSG_CELL_WIDTH_SHIFT);
	msg_buf_finish(&b);
	plen = b.len - MSG_HEADER_SIZE;
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, plen);
	CHECK_INT(frame_decode(&r, &fi, &g), 0);
	CHECK_INT(grid_cell(&g, 9, 1)->ch, 'b');
	for (n = 0; n < plen; n++) {
		msg_reader_init(&r, b.data + MSG_HEADER_SIZE, n);
		CHECK_INT(frame_decode(&r, &fi, &g), -1);
	}
	/* A run that runs off the row. */
	b.data[MSG_HEADER_SIZE + 22] = 9;	/* x = 9, n = 2 */
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, plen);
	CHECK_INT(frame_decode(&r, &fi, &g), -1);
	/* A zero size. */
	b.data[MSG_HEADER_SIZE + 1] = 0;
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, plen);
	CHECK_INT(frame_decode(&r, &fi, &g), -1);
	msg_buf_free(&b);
	grid_free(&g);
}

int
main(void)
{
	test_dirty_rows();
	test_round_trip();
	test_split();
	test_malformed();
	UNIT_END();
}
