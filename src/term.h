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

#ifndef TERM_H
#define TERM_H

#include <sys/types.h>

#include <stdint.h>

/*
 * A pane's terminal state. term.c is the only file that calls libtsm; the
 * rest of huddle sees cells, the cursor and flags through this interface.
 */

/* Colours in a cell: default, a palette index, or 24-bit RGB. */
#define COLOUR_DEFAULT	0xffffffffU
#define COLOUR_RGB	0x01000000U	/* or'd with 0xRRGGBB */
#define COLOUR_IS_RGB(c) ((c) != COLOUR_DEFAULT && ((c) & COLOUR_RGB))

/* Cell attributes. */
#define CELL_BOLD	0x1
#define CELL_ITALIC	0x2
#define CELL_UNDERLINE	0x4
#define CELL_REVERSE	0x8
#define CELL_BLINK	0x10
#define CELL_INVISIBLE	0x20
#define CELL_PROTECT	0x40

/* One cell. A wide character has width 2; the cell to its right width 0. */
struct cell {
	uint32_t	 ch;	/* code point; 0 for a never-written cell */
	uint32_t	 fg;
	uint32_t	 bg;
	uint16_t	 attr;
	uint8_t		 width;
	uint8_t		 pad;
};

/* A screen's worth of cells and the cursor. */
struct grid {
	u_int		 sx;
	u_int		 sy;
	struct cell	*cells;		/* sy rows of sx cells */
	u_int		 cx;
	u_int		 cy;
	int		 flags;
#define GRID_CURSOR_HIDDEN 0x1
#define GRID_ALTERNATE 0x2
};

/* Called with each line read by term_read_lines. */
typedef void (*term_line_cb)(const struct cell *, u_int, void *);
/* Called with replies libtsm writes for the program. */
typedef void (*term_reply_cb)(const u_char *, size_t, void *);

struct term;

struct term	*term_create(u_int, u_int, u_int, term_reply_cb, void *);
void		 term_free(struct term *);
void		 term_input(struct term *, const u_char *, size_t);
void		 term_resize(struct term *, u_int, u_int);
void		 term_size(struct term *, u_int *, u_int *);
void		 term_cursor(struct term *, u_int *, u_int *);
void		 term_cursor_raw(struct term *, u_int *, u_int *);
int		 term_autowrap(struct term *);
int		 term_alternate(struct term *);
void		 term_clear_history(struct term *);
u_int		 term_history_size(struct term *);
void		 term_snapshot(struct term *, struct grid *);
int		 term_read_lines(struct term *, int, int, term_line_cb,
		     void *);
u_int		 term_char_width(uint32_t);
int		 term_sys_width(uint32_t);

void		 grid_init(struct grid *, u_int, u_int);
void		 grid_free(struct grid *);
void		 grid_resize(struct grid *, u_int, u_int);
void		 grid_copy(struct grid *, const struct grid *);
struct cell	*grid_cell(struct grid *, u_int, u_int);
void		 cell_clear(struct cell *);
struct evbuffer;
void		 grid_cell_sgr(struct evbuffer *, const struct cell *);

#endif
