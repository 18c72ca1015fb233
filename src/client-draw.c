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
#include <sys/ioctl.h>

#include <termios.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>
#include <term.h>

#include "huddle.h"
#include "client.h"
#include "vtfilter.h"

#undef term	/* <term.h> defines it; huddle has its own */

/*
 * Drawing the shared screen with ncurses. The local grid is written into
 * ncurses' screen, which works out what to send to the terminal; colours go
 * through alloc_pair, truecolour is used where the terminal has direct
 * colour and mapped to the nearest of 256 otherwise. Nothing a program
 * prints is written raw: only cells, and huddle's own mode sequences.
 */

static int	draw_direct;	/* the terminal takes 24-bit colour */

/* Write a sequence of huddle's own straight to the terminal. */
static void
client_draw_raw(const char *s)
{
	fflush(stdout);
	if (write(STDOUT_FILENO, s, strlen(s)) == -1)
		return;
}

/* Start ncurses on the terminal, which reads every byte as it is typed. */
void
client_draw_start(struct client_ctx *cc)
{
	struct termios	tio;

	initscr();
	raw();
	noecho();
	nonl();
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(IGNBRK|BRKINT|PARMRK|ISTRIP|INLCR|IGNCR|
		    ICRNL|IXON|IXOFF);
		tio.c_lflag &= ~(ECHO|ECHONL|ICANON|ISIG|IEXTEN);
		tio.c_cc[VMIN] = 1;
		tio.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		def_prog_mode();
	}
	intrflush(stdscr, FALSE);
	keypad(stdscr, FALSE);
	meta(stdscr, TRUE);
	if (has_colors()) {
		start_color();
		use_default_colors();
	}
	draw_direct = COLORS >= 0x1000000 || tigetflag((char *)"RGB") > 0;
	cc->screen_up = 1;
	cc->cols = COLS;
	cc->rows = LINES;
	/* Pastes always come bracketed, so they arrive whole. */
	client_draw_raw("\033[?2004h");
}

/* Turn off what was turned on and give the terminal back as it was. */
void
client_draw_stop(struct client_ctx *cc)
{
	if (!cc->screen_up)
		return;
	client_draw_modes(cc, 0);
	if (cc->cursor_style != 0)
		client_draw_raw("\033[0 q");
	client_draw_raw("\033[?2004l");
	curs_set(1);
	endwin();
	cc->screen_up = 0;
}

/* The terminal changed size. */
void
client_draw_resize(struct client_ctx *cc)
{
	struct winsize	ws;

	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col != 0 &&
	    ws.ws_row != 0) {
		resizeterm(ws.ws_row, ws.ws_col);
		cc->cols = ws.ws_col;
		cc->rows = ws.ws_row;
	}
	clearok(curscr, TRUE);
}

/* Mirror the program's mouse and focus modes on the outer terminal. */
void
client_draw_modes(struct client_ctx *cc, int modes)
{
	int	mouse = modes & MODE_MOUSE_ANY, had = cc->modes & MODE_MOUSE_ANY;

	if (mouse != had) {
		if (had & MODE_MOUSE_ALL)
			client_draw_raw("\033[?1003l");
		if (had & MODE_MOUSE_BUTTON)
			client_draw_raw("\033[?1002l");
		if (had)
			client_draw_raw("\033[?1000l\033[?1006l");
		if (mouse & MODE_MOUSE_ALL)
			client_draw_raw("\033[?1003h\033[?1006h");
		else if (mouse & MODE_MOUSE_BUTTON)
			client_draw_raw("\033[?1002h\033[?1006h");
		else if (mouse)
			client_draw_raw("\033[?1000h\033[?1006h");
	}
	if ((modes & MODE_FOCUS) != (cc->modes & MODE_FOCUS))
		client_draw_raw((modes & MODE_FOCUS) ? "\033[?1004h" :
		    "\033[?1004l");
	cc->modes = modes & (MODE_MOUSE_ANY|MODE_FOCUS);
}

/* The nearest xterm-256 colour to an RGB value. */
static int
client_draw_nearest(uint32_t rgb)
{
	static const int	 steps[] = { 0, 95, 135, 175, 215, 255 };
	int			 r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff;
	int			 b = rgb & 0xff, ri, gi, bi, grey, gi2;
	long			 dc, dg;

	for (ri = 0; ri < 5 && r > (steps[ri] + steps[ri + 1]) / 2; ri++)
		;
	for (gi = 0; gi < 5 && g > (steps[gi] + steps[gi + 1]) / 2; gi++)
		;
	for (bi = 0; bi < 5 && b > (steps[bi] + steps[bi + 1]) / 2; bi++)
		;
	grey = (r + g + b) / 3;
	gi2 = grey < 8 ? 0 : (grey > 238 ? 23 : (grey - 3) / 10);
	grey = 8 + gi2 * 10;
	dc = (long)(r - steps[ri]) * (r - steps[ri]) +
	    (long)(g - steps[gi]) * (g - steps[gi]) +
	    (long)(b - steps[bi]) * (b - steps[bi]);
	dg = (long)(r - grey) * (r - grey) + (long)(g - grey) * (g - grey) +
	    (long)(b - grey) * (b - grey);
	if (dg < dc)
		return (232 + gi2);
	return (16 + ri * 36 + gi * 6 + bi);
}

/* A cell colour as an ncurses colour number (-1 for the default). */
static int
client_draw_colour(uint32_t c)
{
	int	n;

	if (c == COLOUR_DEFAULT)
		return (-1);
	if (COLOUR_IS_RGB(c)) {
		if (draw_direct)
			return ((int)(c & 0xffffff));
		n = client_draw_nearest(c & 0xffffff);
	} else
		n = (int)(c & 0xff);
	if (n >= COLORS) {
		if (COLORS >= 16 && n < 16)
			return (n);
		if (n < 16)
			return (n % 8);
		return (COLORS >= 16 ? 7 : 7);
	}
	return (n);
}

/* Put one cell into ncurses' screen at (x, y). */
static void
client_draw_cell(const struct cell *gc, int x, int y)
{
	cchar_t	 cch;
	wchar_t	 wc[2];
	attr_t	 attrs = 0;
	int	 pair, fg, bg;

	wc[0] = gc->ch == 0 ? L' ' : (wchar_t)gc->ch;
	wc[1] = L'\0';
	if (gc->attr & CELL_BOLD)
		attrs |= A_BOLD;
	if (gc->attr & CELL_ITALIC)
		attrs |= A_ITALIC;
	if (gc->attr & CELL_UNDERLINE)
		attrs |= A_UNDERLINE;
	if (gc->attr & CELL_REVERSE)
		attrs |= A_REVERSE;
	if (gc->attr & CELL_INVISIBLE)
		attrs |= A_INVIS;
	if (gc->attr & CELL_BLINK)
		attrs |= A_BLINK;
	fg = client_draw_colour(gc->fg);
	bg = client_draw_colour(gc->bg);
	pair = 0;
	if (has_colors() && (fg != -1 || bg != -1)) {
		pair = alloc_pair(fg, bg);
		if (pair < 0)
			pair = 0;
	}
	if (setcchar(&cch, wc, attrs, 0, &pair) != OK) {
		wc[0] = L'?';
		setcchar(&cch, wc, attrs, 0, &pair);
	}
	mvadd_wch(y, x, &cch);
}

/* The top-left cell of the grid shown, so a small terminal follows the
 * cursor. */
static void
client_draw_origin(struct client_ctx *cc, u_int rows, u_int *ox, u_int *oy)
{
	struct grid	*g = &cc->grid;

	*ox = *oy = 0;
	if (g->sx > cc->cols && g->cx >= cc->cols)
		*ox = g->cx - cc->cols + 1;
	if (g->sy > rows && g->cy >= rows)
		*oy = g->cy - rows + 1;
}

/* Draw the grid (and padding around it) into the area for the session. */
static void
client_draw_grid(struct client_ctx *cc, u_int top, u_int rows)
{
	struct grid	*g = &cc->grid;
	struct cell	*gc, blank;
	u_int		 x, y, ox, oy;

	cell_clear(&blank);
	client_draw_origin(cc, rows, &ox, &oy);
	for (y = 0; y < rows; y++) {
		for (x = 0; x < cc->cols; x++) {
			if (y + oy >= g->sy || x + ox >= g->sx) {
				client_draw_cell(&blank, x, top + y);
				continue;
			}
			gc = grid_cell(g, x + ox, y + oy);
			if (gc->width == 0 && x != 0)
				continue;
			if (gc->width == 0)
				client_draw_cell(&blank, x, top + y);
			else if (gc->width == 2 && x + 1 >= cc->cols)
				client_draw_cell(&blank, x, top + y);
			else
				client_draw_cell(gc, x, top + y);
		}
	}
	cc->cursor_y = top + g->cy - oy;
	cc->cursor_x = g->cx - ox;
	cc->cursor_on = (cc->fi.cursor_flags & MSG_CURSOR_VISIBLE) != 0;
}

/* Tell the terminal the cursor shape the program asked for. */
static void
client_draw_cursor_style(struct client_ctx *cc)
{
	char	buf[16];

	if (cc->fi.cursor_style == cc->cursor_style)
		return;
	cc->cursor_style = cc->fi.cursor_style;
	if (cc->cursor_style > 6)
		return;
	snprintf(buf, sizeof buf, "\033[%u q", cc->cursor_style);
	client_draw_raw(buf);
}

/* Draw everything: the session, the status line, any overlay. */
void
client_draw(struct client_ctx *cc)
{
	u_int	top = 0, rows = cc->rows;

	if (!cc->screen_up)
		return;
	if (cc->status != 0 && rows > 1) {
		rows--;
		if (cc->status == 2)
			top = 1;
	}
	if (cc->have_frame)
		client_draw_grid(cc, top, rows);
	if (cc->status != 0 && cc->rows > 1)
		client_status_draw(cc, cc->status == 2 ? 0 : cc->rows - 1);
	if (cc->help)
		client_status_help_draw(cc);
	if (cc->prompt)
		curs_set(1);	/* the status line placed it */
	else if (cc->cursor_on && cc->have_frame && !cc->help) {
		move(cc->cursor_y, cc->cursor_x);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
	client_draw_cursor_style(cc);
	client_draw_modes(cc, cc->readonly ? 0 : cc->fi.modes);
}

/* Ring the terminal's bell. */
void
client_draw_bell(struct client_ctx *cc)
{
	if (cc->screen_up && cc->bell)
		beep();
}

/* Forget what is on the terminal: the next draw repaints everything. */
void
client_draw_invalidate(struct client_ctx *cc)
{
	if (cc->screen_up) {
		clear();
		clearok(curscr, TRUE);
	}
}

/* Write an OSC (already checked) to the terminal, ended with BEL. */
void
client_draw_osc(struct client_ctx *cc, const char *osc)
{
	if (!cc->screen_up)
		return;
	client_draw_raw(osc);
	client_draw_raw("\007");
}
