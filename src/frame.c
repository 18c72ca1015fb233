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

#include <stdint.h>
#include <string.h>

#include "huddle.h"
#include "frame.h"

/*
 * Encoding and decoding of MSG_FRAME (see protocol.h for the layout). The
 * encoder writes every cell that differs from the shadow and updates the
 * shadow as it goes; a frame too big for one message stops at a budget and
 * the rest goes in the next one.
 */

/* Equal gaps shorter than this are sent inside a run rather than split. */
#define FRAME_GAP 2

/* Whether two cells look the same. */
static int
frame_cell_equal(const struct cell *a, const struct cell *b)
{
	return (a->ch == b->ch && a->fg == b->fg && a->bg == b->bg &&
	    a->attr == b->attr && a->width == b->width);
}

/* Whether two grids hold the same cells. */
int
frame_same(const struct grid *a, const struct grid *b)
{
	u_int	i;

	if (a->sx != b->sx || a->sy != b->sy)
		return (0);
	for (i = 0; i < a->sx * a->sy; i++) {
		if (!frame_cell_equal(&a->cells[i], &b->cells[i]))
			return (0);
	}
	return (1);
}

/* Append one run of n cells starting at (x, y). */
static void
frame_put_run(struct msg_buf *b, const struct cell *row, u_int x, u_int y,
    u_int n)
{
	struct cell		 last;
	const struct cell	*gc;
	uint32_t		 word;
	u_int			 i;

	msg_put_u16(b, y);
	msg_put_u16(b, x);
	msg_put_u16(b, n);
	cell_clear(&last);
	for (i = 0; i < n; i++) {
		gc = &row[x + i];
		word = (gc->ch & MSG_CELL_CH_MASK) |
		    (uint32_t)(gc->width & MSG_CELL_WIDTH_MASK) <<
		    MSG_CELL_WIDTH_SHIFT;
		if (gc->attr != last.attr || gc->fg != last.fg ||
		    gc->bg != last.bg) {
			msg_put_u32(b, word | MSG_CELL_ATTR);
			msg_put_u16(b, gc->attr);
			msg_put_u32(b, gc->fg);
			msg_put_u32(b, gc->bg);
			last = *gc;
		} else
			msg_put_u32(b, word);
	}
}

/*
 * Encode a frame: the header, then every cell of cur that differs from
 * shadow, copying those cells into shadow. shadow must have cur's size.
 * Returns 1 if everything fitted, 0 if more remains for another message.
 */
int
frame_encode(const struct frame_info *fi, const struct grid *cur,
    struct grid *shadow, struct msg_buf *b)
{
	const struct cell	*row;
	struct cell		*srow;
	size_t			 nruns_at;
	u_int			 x, y, start, end, gap, nruns = 0;
	int			 done = 1;

	msg_put_u16(b, fi->sx);
	msg_put_u16(b, fi->sy);
	msg_put_u16(b, fi->cx);
	msg_put_u16(b, fi->cy);
	msg_put_u8(b, fi->cursor_flags);
	msg_put_u8(b, fi->cursor_style);
	msg_put_u32(b, fi->modes);
	msg_put_u8(b, fi->flags);
	nruns_at = b->len;
	msg_put_u32(b, 0);

	for (y = 0; y < cur->sy && done; y++) {
		row = &cur->cells[(size_t)y * cur->sx];
		srow = &shadow->cells[(size_t)y * shadow->sx];
		x = 0;
		while (x < cur->sx) {
			if (frame_cell_equal(&row[x], &srow[x])) {
				x++;
				continue;
			}
			if (b->len > FRAME_BUDGET) {
				done = 0;
				break;
			}
			/* Extend the run over short equal gaps. */
			start = x;
			end = x + 1;
			for (gap = 0; end + gap < cur->sx; ) {
				if (!frame_cell_equal(&row[end + gap],
				    &srow[end + gap])) {
					end += gap + 1;
					gap = 0;
				} else if (++gap > FRAME_GAP)
					break;
			}
			frame_put_run(b, row, start, y, end - start);
			memcpy(&srow[start], &row[start],
			    (end - start) * sizeof *row);
			nruns++;
			x = end;
		}
	}
	b->data[nruns_at] = nruns >> 24;
	b->data[nruns_at + 1] = (nruns >> 16) & 0xff;
	b->data[nruns_at + 2] = (nruns >> 8) & 0xff;
	b->data[nruns_at + 3] = nruns & 0xff;
	return (done);
}

/* Decode one cell word (and its attributes) into gc. */
static int
frame_get_cell(struct msg_reader *r, struct cell *gc, struct cell *last)
{
	uint32_t	word, fg, bg;
	uint16_t	attr;

	if (msg_get_u32(r, &word) != 0)
		return (-1);
	if (word & MSG_CELL_ATTR) {
		if (msg_get_u16(r, &attr) != 0 ||
		    msg_get_u32(r, &fg) != 0 ||
		    msg_get_u32(r, &bg) != 0)
			return (-1);
		last->attr = attr;
		last->fg = fg;
		last->bg = bg;
	}
	gc->ch = word & MSG_CELL_CH_MASK;
	if (gc->ch > 0x10ffff || (gc->ch >= 0xd800 && gc->ch <= 0xdfff))
		gc->ch = 0xfffd;
	gc->width = (word >> MSG_CELL_WIDTH_SHIFT) & MSG_CELL_WIDTH_MASK;
	if (gc->width > 2)
		gc->width = 1;
	gc->attr = last->attr;
	gc->fg = last->fg;
	gc->bg = last->bg;
	return (0);
}

/*
 * Decode a frame into fi and apply its runs to g (resized to the frame's
 * size, and cleared first if the frame says so). -1 if it is malformed;
 * g may then hold part of the frame.
 */
int
frame_decode(struct msg_reader *r, struct frame_info *fi, struct grid *g)
{
	int	all;

	return (frame_decode_rows(r, fi, g, NULL, &all));
}

/*
 * Decode a frame, noting which rows it changed: dirty (HUDDLE_MAX_SIZE
 * entries, or NULL) gets 1 for each, and *all is set if every row may have.
 */
int
frame_decode_rows(struct msg_reader *r, struct frame_info *fi, struct grid *g,
    u_char *dirty, int *all)
{
	struct cell	 last;
	uint16_t	 sx, sy, cx, cy, y, x, n;
	uint8_t		 cflags, style, flags;
	uint32_t	 modes, nruns, i, j;

	if (msg_get_u16(r, &sx) != 0 || msg_get_u16(r, &sy) != 0 ||
	    msg_get_u16(r, &cx) != 0 || msg_get_u16(r, &cy) != 0 ||
	    msg_get_u8(r, &cflags) != 0 || msg_get_u8(r, &style) != 0 ||
	    msg_get_u32(r, &modes) != 0 || msg_get_u8(r, &flags) != 0 ||
	    msg_get_u32(r, &nruns) != 0)
		return (-1);
	if (sx == 0 || sy == 0 || sx > HUDDLE_MAX_SIZE || sy > HUDDLE_MAX_SIZE)
		return (-1);
	fi->sx = sx;
	fi->sy = sy;
	fi->cx = cx < sx ? cx : sx - 1u;
	fi->cy = cy < sy ? cy : sy - 1u;
	fi->cursor_flags = cflags;
	fi->cursor_style = style;
	fi->modes = modes;
	fi->flags = flags;
	if (g->sx != sx || g->sy != sy || g->cells == NULL) {
		grid_resize(g, sx, sy);
		*all = 1;
	} else if (flags & MSG_FRAME_CLEAR) {
		for (i = 0; i < (uint32_t)sx * sy; i++)
			cell_clear(&g->cells[i]);
		*all = 1;
	}
	/* Each run needs at least its 6-byte header. */
	if (nruns > r->left / 6)
		return (-1);
	for (i = 0; i < nruns; i++) {
		if (msg_get_u16(r, &y) != 0 || msg_get_u16(r, &x) != 0 ||
		    msg_get_u16(r, &n) != 0)
			return (-1);
		if (y >= sy || x >= sx || n > sx - x)
			return (-1);
		if (dirty != NULL)
			dirty[y] = 1;
		cell_clear(&last);
		for (j = 0; j < n; j++) {
			if (frame_get_cell(r, grid_cell(g, x + j, y),
			    &last) != 0)
				return (-1);
		}
	}
	g->cx = fi->cx;
	g->cy = fi->cy;
	return (msg_get_end(r));
}
