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
