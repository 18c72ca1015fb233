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

#include <event2/buffer.h>

#include "huddle.h"
#include "term.h"

/* Grids: a screen's worth of cells, used by panes, frames and clients. */

/* Set up an empty grid. */
void
grid_init(struct grid *g, u_int sx, u_int sy)
{
	memset(g, 0, sizeof *g);
	grid_resize(g, sx, sy);
}

/* Free a grid's cells. */
void
grid_free(struct grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->sx = g->sy = 0;
}

/* Resize a grid; the contents are cleared if the size changes. */
void
grid_resize(struct grid *g, u_int sx, u_int sy)
{
	u_int	i;

	if (g->cells != NULL && g->sx == sx && g->sy == sy)
		return;
	free(g->cells);
	g->sx = sx;
	g->sy = sy;
	g->cells = xreallocarray(NULL, (size_t)sx * sy, sizeof *g->cells);
	for (i = 0; i < sx * sy; i++)
		cell_clear(&g->cells[i]);
}

/* Make dst (already the same size) a copy of src. */
void
grid_copy(struct grid *dst, const struct grid *src)
{
	grid_resize(dst, src->sx, src->sy);
	memcpy(dst->cells, src->cells,
	    (size_t)src->sx * src->sy * sizeof *dst->cells);
	dst->cx = src->cx;
	dst->cy = src->cy;
	dst->flags = src->flags;
}

/* A cell of a grid. */
struct cell *
grid_cell(struct grid *g, u_int x, u_int y)
{
	return (&g->cells[(size_t)y * g->sx + x]);
}

/* Make a cell blank with default colours. */
void
cell_clear(struct cell *gc)
{
	gc->ch = 0;
	gc->fg = COLOUR_DEFAULT;
	gc->bg = COLOUR_DEFAULT;
	gc->attr = 0;
	gc->width = 1;
	gc->pad = 0;
}

/* Append a cell's attributes as one SGR sequence. */
void
grid_cell_sgr(struct evbuffer *b, const struct cell *gc)
{
	static const struct {
		int	 attr;
		int	 code;
	} attrs[] = {
		{ CELL_BOLD, 1 }, { CELL_ITALIC, 3 }, { CELL_UNDERLINE, 4 },
		{ CELL_BLINK, 5 }, { CELL_REVERSE, 7 }, { CELL_INVISIBLE, 8 }
	};
	uint32_t	 colour[2] = { gc->fg, gc->bg };
	u_int		 i;
	int		 base;

	evbuffer_add(b, "\033[0", 3);
	for (i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		if (gc->attr & attrs[i].attr)
			evbuffer_add_printf(b, ";%d", attrs[i].code);
	}
	for (i = 0; i < 2; i++) {
		base = i == 0 ? 30 : 40;
		if (colour[i] == COLOUR_DEFAULT)
			continue;
		if (COLOUR_IS_RGB(colour[i]))
			evbuffer_add_printf(b, ";%d;2;%u;%u;%u", base + 8,
			    (colour[i] >> 16) & 0xff, (colour[i] >> 8) & 0xff,
			    colour[i] & 0xff);
		else if (colour[i] < 8)
			evbuffer_add_printf(b, ";%u", base + colour[i]);
		else if (colour[i] < 16)
			evbuffer_add_printf(b, ";%u", base + 60 + colour[i] - 8);
		else
			evbuffer_add_printf(b, ";%d;5;%u", base + 8, colour[i]);
	}
	evbuffer_add(b, "m", 1);
}
