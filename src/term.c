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
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <libtsm.h>

#include "huddle.h"
#include "term.h"

/*
 * The only file that calls libtsm. See LIBTSM.md: the screen is created,
 * resized, then given its scrollback; the scrollback is cleared before the
 * last unref (4.0.2 leaks it otherwise); cells are read through the draw
 * callback with libtsm's quirks undone.
 */

struct term {
	struct tsm_screen	*screen;
	struct tsm_vte		*vte;
	term_reply_cb		 reply;
	void			*arg;
	u_int			 sx;
	u_int			 sy;
	u_int			 history;
};

/* Where a draw writes its cells. */
struct term_draw {
	struct term	*t;
	struct cell	*cells;
	u_int		 sx;
	u_int		 sy;
	u_int		 cx;	/* cell libtsm shows inverted for the cursor */
	u_int		 cy;
	int		 flags;
};

/* libtsm wants to answer the program (DA, DSR and the like). */
static void
term_write_cb(struct tsm_vte *vte, const char *u8, size_t len, void *data)
{
	struct term	*t = data;

	if (t->reply != NULL && len != 0)
		t->reply((const u_char *)u8, len, t->arg);
}

/* Create a terminal of sx by sy with history lines of scrollback. */
struct term *
term_create(u_int sx, u_int sy, u_int history, term_reply_cb reply, void *arg)
{
	struct term	*t;

	t = xcalloc(1, sizeof *t);
	t->reply = reply;
	t->arg = arg;
	if (tsm_screen_new(&t->screen, NULL, NULL) != 0)
		fatalx("tsm_screen_new failed");
	if (tsm_screen_resize(t->screen, sx, sy) != 0)
		fatalx("tsm_screen_resize failed");
	if (tsm_vte_new(&t->vte, t->screen, term_write_cb, t, NULL, NULL) != 0)
		fatalx("tsm_vte_new failed");
	tsm_screen_set_max_sb(t->screen, history);
	t->sx = sx;
	t->sy = sy;
	t->history = history;
	return (t);
}

/* Free a terminal and everything libtsm holds for it. */
void
term_free(struct term *t)
{
	if (t == NULL)
		return;
	tsm_vte_unref(t->vte);
	tsm_screen_clear_sb(t->screen);
	tsm_screen_unref(t->screen);
	free(t);
}

/* Feed bytes (already through the VT filter) to the terminal. */
void
term_input(struct term *t, const u_char *buf, size_t len)
{
	tsm_vte_input(t->vte, (const char *)buf, len);
}

/* Resize. libtsm pushes the top rows into the history when shrinking. */
void
term_resize(struct term *t, u_int sx, u_int sy)
{
	if (sx == t->sx && sy == t->sy)
		return;
	if (tsm_screen_resize(t->screen, sx, sy) != 0)
		return;
	t->sx = sx;
	t->sy = sy;
}

/* Current size. */
void
term_size(struct term *t, u_int *sx, u_int *sy)
{
	*sx = t->sx;
	*sy = t->sy;
}

/* Cursor position, with x clamped to the screen (libtsm reports the width
 * while a wrap is pending). */
void
term_cursor(struct term *t, u_int *cx, u_int *cy)
{
	*cx = tsm_screen_get_cursor_x(t->screen);
	*cy = tsm_screen_get_cursor_y(t->screen);
	if (*cx >= t->sx)
		*cx = t->sx - 1;
	if (*cy >= t->sy)
		*cy = t->sy - 1;
}

/* Cursor position as libtsm has it: x is the width while a wrap is pending. */
void
term_cursor_raw(struct term *t, u_int *cx, u_int *cy)
{
	*cx = tsm_screen_get_cursor_x(t->screen);
	*cy = tsm_screen_get_cursor_y(t->screen);
}

/* Whether auto-wrap is on. */
int
term_autowrap(struct term *t)
{
	return ((tsm_screen_get_flags(t->screen) & TSM_SCREEN_AUTO_WRAP) != 0);
}

/* Whether the alternate screen is on. */
int
term_alternate(struct term *t)
{
	return ((tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE) != 0);
}

/* Drop the scrollback (CSI 3 J). */
void
term_clear_history(struct term *t)
{
	tsm_screen_clear_sb(t->screen);
}

/*
 * Count the lines in the scrollback. libtsm 4.0.2 has no getter; a selection
 * anchored at the oldest line and ended at the bottom counts them exactly.
 */
u_int
term_history_size(struct term *t)
{
	char	*out = NULL;
	int	 len, i;
	u_int	 n = 0;

	if (term_alternate(t) || t->history == 0)
		return (0);
	tsm_screen_sb_up(t->screen, t->history);
	tsm_screen_selection_start(t->screen, 0, 0);
	tsm_screen_sb_reset(t->screen);
	tsm_screen_selection_target(t->screen, t->sx - 1, t->sy - 1);
	len = tsm_screen_selection_copy(t->screen, &out);
	tsm_screen_selection_reset(t->screen);
	if (len <= 0 || out == NULL) {
		free(out);
		return (0);
	}
	for (i = 0; i < len; i++) {
		if (out[i] == '\n')
			n++;
	}
	free(out);
	if (n < t->sy - 1)
		return (0);
	n -= t->sy - 1;
	if (n > t->history)
		n = t->history;
	return (n);
}

/* Map a libtsm colour code and RGB back to huddle's colour. */
static uint32_t
term_colour(int8_t code, uint8_t r, uint8_t g, uint8_t b)
{
	static const uint8_t	 cube[] = { 0, 95, 135, 175, 215, 255 };
	int			 ri, gi, bi;

	if (code >= 0 && code < 16)
		return ((uint32_t)code);
	if (code >= 16)
		return (COLOUR_DEFAULT);
	/* The 256-colour cube and grey ramp reverse to their index. */
	for (ri = 0; ri < 6 && cube[ri] != r; ri++)
		;
	for (gi = 0; gi < 6 && cube[gi] != g; gi++)
		;
	for (bi = 0; bi < 6 && cube[bi] != b; bi++)
		;
	if (ri < 6 && gi < 6 && bi < 6)
		return (16 + ri * 36 + gi * 6 + bi);
	if (r == g && g == b && r >= 8 && r <= 238 && (r - 8) % 10 == 0)
		return (232 + (r - 8) / 10);
	return (COLOUR_RGB | (uint32_t)r << 16 | (uint32_t)g << 8 | b);
}

/* Replace what a cell must never hold. */
static uint32_t
term_sane_char(uint32_t ch)
{
	if (ch == 0)
		return (0);
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		return (0xfffd);
	if ((ch >= 0xd800 && ch <= 0xdfff) || ch > 0x10ffff)
		return (0xfffd);
	return (ch);
}

/* libtsm hands over one cell. */
static int
term_draw_cb(struct tsm_screen *con, uint64_t id, const uint32_t *ch,
    size_t len, unsigned int width, unsigned int posx, unsigned int posy,
    const struct tsm_screen_attr *attr, tsm_age_t age, void *data)
{
	struct term_draw	*d = data;
	struct cell		*gc;
	int			 inverse;

	if (posx >= d->sx || posy >= d->sy)
		return (0);
	gc = &d->cells[posy * d->sx + posx];
	if (width == 0) {
		/* Continuation cell: its character is stale. */
		cell_clear(gc);
		gc->width = 0;
		return (0);
	}
	gc->ch = len == 0 ? 0 : term_sane_char(ch[0]);
	gc->width = width > 2 ? 2 : width;
	gc->fg = term_colour(attr->fccode, attr->fr, attr->fg, attr->fb);
	gc->bg = term_colour(attr->bccode, attr->br, attr->bg, attr->bb);
	gc->attr = 0;
	if (attr->bold)
		gc->attr |= CELL_BOLD;
	if (attr->italic)
		gc->attr |= CELL_ITALIC;
	if (attr->underline)
		gc->attr |= CELL_UNDERLINE;
	if (attr->blink)
		gc->attr |= CELL_BLINK;
	if (attr->protect)
		gc->attr |= CELL_PROTECT;

	/* Undo the cursor's and DECSCNM's inverse toggles. */
	inverse = attr->inverse;
	if (d->flags & TSM_SCREEN_INVERSE)
		inverse = !inverse;
	if (!(d->flags & TSM_SCREEN_HIDE_CURSOR) && posx == d->cx &&
	    posy == d->cy)
		inverse = !inverse;
	if (inverse)
		gc->attr |= CELL_REVERSE;
	return (0);
}

/*
 * Settle widths on one row: a character the system thinks wide that libtsm
 * stored narrow is followed by the space the VT filter added, so join them;
 * a wide character in the last column cannot be shown and becomes blank.
 */
static void
term_fix_row(struct cell *row, u_int sx)
{
	u_int	x;

	for (x = 0; x < sx; x++) {
		if (row[x].width == 1 && row[x].ch >= 0x1100 &&
		    term_sys_width(row[x].ch) == 2 && x + 1 < sx &&
		    row[x + 1].width == 1 &&
		    (row[x + 1].ch == 0 || row[x + 1].ch == ' ')) {
			row[x].width = 2;
			cell_clear(&row[x + 1]);
			row[x + 1].width = 0;
			x++;
			continue;
		}
		if (row[x].width == 2 && x + 1 >= sx) {
			row[x].ch = 0;
			row[x].width = 1;
		}
		if (row[x].width == 2)
			x++;
	}
}

/* Draw the screen, starting k lines up in the scrollback, into cells. */
static void
term_draw(struct term *t, u_int k, struct cell *cells)
{
	struct term_draw	d;
	u_int			i, cx, cy;

	for (i = 0; i < t->sx * t->sy; i++)
		cell_clear(&cells[i]);
	d.t = t;
	d.cells = cells;
	d.sx = t->sx;
	d.sy = t->sy;
	d.flags = tsm_screen_get_flags(t->screen);
	cx = tsm_screen_get_cursor_x(t->screen);
	cy = tsm_screen_get_cursor_y(t->screen);
	d.cx = cx;
	d.cy = cy + k;
	if (k != 0)
		tsm_screen_sb_up(t->screen, k);
	tsm_screen_draw(t->screen, term_draw_cb, &d);
	if (k != 0)
		tsm_screen_sb_reset(t->screen);
	for (i = 0; i < t->sy; i++)
		term_fix_row(&cells[i * t->sx], t->sx);
}

/* Copy the visible screen and cursor into a grid. */
void
term_snapshot(struct term *t, struct grid *g)
{
	int	flags;

	grid_resize(g, t->sx, t->sy);
	term_draw(t, 0, g->cells);
	term_cursor(t, &g->cx, &g->cy);
	flags = tsm_screen_get_flags(t->screen);
	g->flags = 0;
	if (flags & TSM_SCREEN_HIDE_CURSOR)
		g->flags |= GRID_CURSOR_HIDDEN;
	if (flags & TSM_SCREEN_ALTERNATE)
		g->flags |= GRID_ALTERNATE;
}

/*
 * Call cb for each line from start to end inclusive: 0 is the top visible
 * row, negative numbers count up into the scrollback. Returns the number of
 * lines read. The shared view is moved and put back in the same turn, so no
 * one else sees it.
 */
int
term_read_lines(struct term *t, int start, int end, term_line_cb cb,
    void *arg)
{
	struct cell	*cells;
	int		 hsize, first, line, k, n = 0;

	hsize = (int)term_history_size(t);
	if (start < -hsize)
		start = -hsize;
	if (end > (int)t->sy - 1)
		end = (int)t->sy - 1;
	if (start > end)
		return (0);
	cells = xreallocarray(NULL, (size_t)t->sx * t->sy, sizeof *cells);
	line = start;
	while (line <= end) {
		/* Draw a screenful whose first row is line (or row 0). */
		k = line < 0 ? -line : 0;
		first = -k;
		term_draw(t, k, cells);
		for (; line <= end && line < first + (int)t->sy; line++) {
			cb(&cells[(size_t)(line - first) * t->sx], t->sx, arg);
			n++;
		}
	}
	free(cells);
	return (n);
}

/* The width libtsm gives a character. */
u_int
term_char_width(uint32_t ch)
{
	return (tsm_ucs4_get_width(ch));
}

/* The width the system (and so the programs inside and ncurses) gives it. */
int
term_sys_width(uint32_t ch)
{
	return (wcwidth((wchar_t)ch));
}
