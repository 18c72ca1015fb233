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

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
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
 * colour and mapped to the nearest of 256 (or 16, or 8) otherwise. Nothing a
 * program prints is written raw: only cells, and huddle's own mode
 * sequences (bracketed paste, mouse, focus, cursor shape).
 */

/* What the terminal can do, found once at start. */
static int		 draw_direct;	/* first colour that is RGB, or 0 */
static int		 draw_defaults;	/* -1 is the default colour */
static const char	*draw_ss;	/* set cursor style */
static const char	*draw_se;	/* reset cursor style */
static int		 draw_pair_fg = -2;	/* the last colour pair used */
static int		 draw_pair_bg = -2;
static int		 draw_pair;

/* The terminal's key strings worth knowing (the rest are built in). */
static const struct {
	const char	*cap;
	uint64_t	 key;
} draw_keys[] = {
	{ "kcuu1", KEYC_UP }, { "kcud1", KEYC_DOWN }, { "kcuf1", KEYC_RIGHT },
	{ "kcub1", KEYC_LEFT }, { "khome", KEYC_HOME }, { "kend", KEYC_END },
	{ "kich1", KEYC_IC }, { "kdch1", KEYC_DC }, { "knp", KEYC_NPAGE },
	{ "kpp", KEYC_PPAGE }, { "kcbt", KEYC_BTAB }, { "kent", KEYC_KP_ENTER },
	{ "kf1", KEYC_F1 }, { "kf2", KEYC_F2 }, { "kf3", KEYC_F3 },
	{ "kf4", KEYC_F4 }, { "kf5", KEYC_F5 }, { "kf6", KEYC_F6 },
	{ "kf7", KEYC_F7 }, { "kf8", KEYC_F8 }, { "kf9", KEYC_F9 },
	{ "kf10", KEYC_F10 }, { "kf11", KEYC_F11 }, { "kf12", KEYC_F12 },
	{ "kLFT", KEYC_LEFT|KEYC_SHIFT }, { "kRIT", KEYC_RIGHT|KEYC_SHIFT },
	{ "kri", KEYC_UP|KEYC_SHIFT }, { "kind", KEYC_DOWN|KEYC_SHIFT },
	{ "kHOM", KEYC_HOME|KEYC_SHIFT }, { "kEND", KEYC_END|KEYC_SHIFT },
	{ "kIC", KEYC_IC|KEYC_SHIFT }, { "kDC", KEYC_DC|KEYC_SHIFT },
	{ "kNXT", KEYC_NPAGE|KEYC_SHIFT }, { "kPRV", KEYC_PPAGE|KEYC_SHIFT }
};

/* Terminals that take DECSCUSR though their terminfo entry lacks Ss. */
static const char *draw_xterm_like[] = {
	"xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot",
	"wezterm", "vte", "gnome", "konsole", "st-", "iterm"
};

/* Write a sequence of huddle's own straight to the terminal. */
static void	client_draw_forget(struct client_ctx *);

static void
client_draw_raw(const char *s)
{
	fflush(stdout);
	if (s != NULL && write(STDOUT_FILENO, s, strlen(s)) == -1)
		return;
}

/* A terminfo string, or NULL if the terminal has none. */
static const char *
client_draw_cap(const char *name)
{
	char	*s = tigetstr((char *)name);

	if (s == NULL || s == (char *)-1 || *s == '\0')
		return (NULL);
	return (s);
}

/*
 * The first colour number the terminal reads as RGB: with direct colour
 * (ncurses 6: the RGB flag, colors#0x1000000), setaf takes 0xRRGGBB past
 * the first 8 (xterm-direct) or 16 (xterm-direct16) palette colours.
 */
static int
client_draw_find_direct(void)
{
	const char	*setaf = client_draw_cap("setaf"), *s;
	int		 n;

	if (COLORS < 0x1000000)
		return (0);
	if (setaf == NULL)
		return (8);
	for (n = 8; n <= 256; n *= 2) {
		s = tiparm(setaf, n);
		if (s != NULL && (strstr(s, "2:") != NULL ||
		    strstr(s, ";2;") != NULL))
			return (n);
	}
	return (8);
}

/* How to set the cursor's shape: Ss and Se, or DECSCUSR if xterm-like. */
static void
client_draw_find_cursor(void)
{
	const char	*term = getenv("TERM");
	u_int		 i;

	draw_ss = client_draw_cap("Ss");
	draw_se = client_draw_cap("Se");
	if (draw_ss != NULL || term == NULL)
		return;
	for (i = 0; i < nitems(draw_xterm_like); i++) {
		if (strncmp(term, draw_xterm_like[i],
		    strlen(draw_xterm_like[i])) == 0) {
			draw_ss = "\033[%p1%d q";
			return;
		}
	}
}

/* Tell the key parser the terminal's own key strings. */
void
client_draw_keys(struct client_keys *k)
{
	u_int	i;

	for (i = 0; i < nitems(draw_keys); i++)
		client_keys_add(k, client_draw_cap(draw_keys[i].cap),
		    draw_keys[i].key);
}

/* Start ncurses on the terminal, which reads every byte as it is typed. */
void
client_draw_start(struct client_ctx *cc)
{
	struct termios	tio;

	draw_pair_fg = draw_pair_bg = -2;
	initscr();
	/* Input is read by the event loop: no polling for it on refresh. */
	typeahead(-1);
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
	client_draw_init(cc);
	/* Pastes always come bracketed, so they arrive whole. */
	client_draw_raw("\033[?2004h");
}

/* Find out what the terminal can do, once ncurses is up on it. */
void
client_draw_init(struct client_ctx *cc)
{
	draw_defaults = 0;
	if (has_colors()) {
		start_color();
		draw_defaults = use_default_colors() == OK;
	}
	draw_direct = client_draw_find_direct();
	client_draw_find_cursor();
	if (cc->keys != NULL)
		client_draw_keys(cc->keys);
	cc->screen_up = 1;
	cc->cols = COLS;
	cc->rows = LINES;
}

/* Set the cursor's shape (DECSCUSR 0-6; 0 the terminal's default). */
static void
client_draw_set_cursor(u_int style)
{
	if (style == 0 && draw_se != NULL)
		client_draw_raw(draw_se);
	else if (draw_ss != NULL && style <= 6)
		client_draw_raw(tiparm(draw_ss, (int)style));
}

/*
 * Back from being stopped: whoever had the terminal meanwhile may have
 * changed its modes, so set them all again and repaint.
 */
void
client_draw_resume(struct client_ctx *cc)
{
	if (!cc->screen_up)
		return;
	reset_prog_mode();
	client_draw_raw("\033[?2004h");
	client_draw_modes(cc, 0);
	cc->cursor_style = UINT_MAX;	/* unknown: set it again */
	client_draw_invalidate(cc);
}

/* Turn off what was turned on and give the terminal back as it was. */
void
client_draw_stop(struct client_ctx *cc)
{
	if (!cc->screen_up)
		return;
	client_draw_modes(cc, 0);
	if (cc->cursor_style != 0)
		client_draw_set_cursor(0);
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

	if (!cc->screen_up)
		return;
	if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col != 0 &&
	    ws.ws_row != 0) {
		resizeterm(ws.ws_row, ws.ws_col);
		cc->cols = ws.ws_col;
		cc->rows = ws.ws_row;
	}
	clear();
	clearok(curscr, TRUE);
	client_draw_forget(cc);
}

/* Mirror the program's mouse and focus modes on the outer terminal. */
void
client_draw_modes(struct client_ctx *cc, int modes)
{
	int	mouse = modes & MODE_MOUSE_ANY;
	int	had = cc->modes & MODE_MOUSE_ANY;

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

/* The RGB value of a colour of xterm's 256-colour palette. */
uint32_t
client_draw_palette(u_int n)
{
	static const uint32_t	 ansi[16] = {
		0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
		0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
		0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff
	};
	static const u_int	 steps[] = { 0, 95, 135, 175, 215, 255 };
	u_int			 grey;

	n &= 0xff;
	if (n < 16)
		return (ansi[n]);
	if (n >= 232) {
		grey = 8 + (n - 232) * 10;
		return (grey << 16 | grey << 8 | grey);
	}
	n -= 16;
	return (steps[n / 36] << 16 | steps[(n / 6) % 6] << 8 | steps[n % 6]);
}

/* The squared distance between two RGB colours. */
static long
client_draw_distance(uint32_t a, uint32_t b)
{
	long	dr, dg, db;

	dr = (long)((a >> 16) & 0xff) - (long)((b >> 16) & 0xff);
	dg = (long)((a >> 8) & 0xff) - (long)((b >> 8) & 0xff);
	db = (long)(a & 0xff) - (long)(b & 0xff);
	return (dr * dr + dg * dg + db * db);
}

/*
 * The nearest palette colour to an RGB value: of the 16 ANSI colours if n
 * is 16, else of the colour cube and grey ramp (16-255), whose colours do
 * not depend on the user's theme.
 */
int
client_draw_nearest(uint32_t rgb, u_int n)
{
	static const int steps[] = { 0, 95, 135, 175, 215, 255 };
	int		 r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff;
	int		 b = rgb & 0xff, ri, gi, bi, cube, grey, best;
	long		 d, bestd;
	u_int		 i;

	if (n <= 16) {
		best = 0;
		bestd = client_draw_distance(rgb, client_draw_palette(0));
		for (i = 1; i < 16; i++) {
			d = client_draw_distance(rgb, client_draw_palette(i));
			if (d < bestd) {
				best = i;
				bestd = d;
			}
		}
		return (best);
	}
	for (ri = 0; ri < 5 && r > (steps[ri] + steps[ri + 1]) / 2; ri++)
		;
	for (gi = 0; gi < 5 && g > (steps[gi] + steps[gi + 1]) / 2; gi++)
		;
	for (bi = 0; bi < 5 && b > (steps[bi] + steps[bi + 1]) / 2; bi++)
		;
	cube = 16 + ri * 36 + gi * 6 + bi;
	grey = (r + g + b) / 3;
	grey = 232 + (grey < 8 ? 0 : (grey > 238 ? 23 : (grey - 3) / 10));
	if (client_draw_distance(rgb, client_draw_palette(grey)) <
	    client_draw_distance(rgb, client_draw_palette(cube)))
		return (grey);
	return (cube);
}

/*
 * A cell colour as an ncurses colour number for a terminal of colours
 * colours, direct the first it reads as RGB (0 if none): -1 for the
 * default; *bright is set when an 8-colour terminal needs bold instead.
 */
int
client_draw_map(uint32_t c, int colours, int direct, int *bright)
{
	uint32_t	rgb;
	int		n;

	*bright = 0;
	if (c == COLOUR_DEFAULT || colours < 8)
		return (-1);
	if (direct > 0) {
		if (!COLOUR_IS_RGB(c) && (int)(c & 0xff) < direct)
			return ((int)(c & 0xff));
		rgb = COLOUR_IS_RGB(c) ? c & 0xffffff : client_draw_palette(c);
		return (rgb < (uint32_t)direct ? direct : (int)rgb);
	}
	if (COLOUR_IS_RGB(c))
		n = client_draw_nearest(c & 0xffffff, colours < 256 ? 16 : 256);
	else
		n = (int)(c & 0xff);
	if (n >= colours)
		n = client_draw_nearest(client_draw_palette(n), 16);
	if (n >= colours) {
		*bright = 1;
		n -= 8;
	}
	return (n);
}

/*
 * What to draw for a code point in a cell of the given width: fills wc
 * (up to two characters and a NUL) and returns the columns it takes, which
 * can be fewer than width (the caller pads). Control characters and what
 * the terminal cannot show never reach it.
 */
u_int
client_draw_char(uint32_t ch, u_int width, wchar_t *wc)
{
	wchar_t	bad = MB_CUR_MAX > 1 ? 0xfffd : L'?';
	int	w;

	wc[1] = wc[2] = L'\0';
	if (ch == 0 || ch == ' ') {
		wc[0] = L' ';
		return (1);
	}
	wc[0] = bad;
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || ch > 0x10ffff ||
	    (ch >= 0xd800 && ch <= 0xdfff))
		return (1);
	if ((w = wcwidth(ch)) < 0)
		return (1);
	if (w == 0) {		/* a combining mark alone: on a space */
		wc[0] = L' ';
		wc[1] = ch;
		return (1);
	}
	if (w == 2 && width != 2)
		return (1);
	wc[0] = ch;
	return (w);
}

/* The colour pair and attributes for a cell. */
static attr_t
client_draw_attrs(const struct cell *gc, int *pair)
{
	attr_t	attrs = 0;
	int	fg, bg, bright, dummy;

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
	*pair = 0;
	if (!has_colors())
		return (attrs);
	fg = client_draw_map(gc->fg, COLORS, draw_direct, &bright);
	if (bright)
		attrs |= A_BOLD;
	bg = client_draw_map(gc->bg, COLORS, draw_direct, &dummy);
	if (!draw_defaults) {
		if (fg == -1)
			fg = COLOR_WHITE;
		if (bg == -1)
			bg = COLOR_BLACK;
	}
	if (fg != -1 || bg != -1) {
		/* Neighbouring cells mostly share colours: skip the lookup. */
		if (fg != draw_pair_fg || bg != draw_pair_bg) {
			draw_pair = alloc_pair(fg, bg);
			if (draw_pair < 0)
				draw_pair = 0;
			draw_pair_fg = fg;
			draw_pair_bg = bg;
		}
		*pair = draw_pair;
	}
	return (attrs);
}

/* Put one cell into ncurses' screen at (x, y); returns columns used. */
static u_int
client_draw_cell(const struct cell *gc, u_int width, int x, int y)
{
	cchar_t	 cch;
	wchar_t	 wc[3];
	attr_t	 attrs;
	int	 pair;
	u_int	 used;

	attrs = client_draw_attrs(gc, &pair);
	used = client_draw_char(gc->ch, width, wc);
	if (setcchar(&cch, wc, attrs, 0, &pair) != OK) {
		wc[0] = L'?';
		wc[1] = L'\0';
		used = 1;
		setcchar(&cch, wc, attrs, 0, &pair);
	}
	mvadd_wch(y, x, &cch);
	return (used);
}

/* Forget what the terminal's cells hold: the next draw puts them all. */
static void
client_draw_forget(struct client_ctx *cc)
{
	free(cc->drawn);
	cc->drawn = NULL;
	cc->drawn_sx = cc->drawn_sy = 0;
}

/*
 * Put a cell at (x, y) unless the same one is there already; returns the
 * columns used. Most of a screen is the same from frame to frame (blank
 * ends of lines above all), and ncurses' own path for a cell is slow.
 */
static u_int
client_draw_put(struct client_ctx *cc, const struct cell *gc, u_int width,
    u_int x, u_int y)
{
	struct cell	*old;
	u_int		 used;

	if (cc->drawn == NULL || cc->drawn_sx != cc->cols ||
	    cc->drawn_sy != cc->rows) {
		free(cc->drawn);
		cc->drawn = xcalloc((size_t)cc->cols * cc->rows,
		    sizeof *cc->drawn);
		cc->drawn_sx = cc->cols;
		cc->drawn_sy = cc->rows;
	}
	if (x >= cc->drawn_sx || y >= cc->drawn_sy)
		return (client_draw_cell(gc, width, x, y));
	old = &cc->drawn[(size_t)y * cc->drawn_sx + x];
	if (old->pad != 0 && old->ch == gc->ch && old->fg == gc->fg &&
	    old->bg == gc->bg && old->attr == gc->attr &&
	    old->width == width)
		return (old->pad);
	used = client_draw_cell(gc, width, x, y);
	*old = *gc;
	old->width = width;
	old->pad = used;	/* 0 never: marks a cell as known */
	return (used);
}

/* A cell the terminal holds that was not put there by client_draw_put. */
static void
client_draw_unknown(struct client_ctx *cc, u_int x, u_int y)
{
	if (cc->drawn != NULL && x < cc->drawn_sx && y < cc->drawn_sy)
		cc->drawn[(size_t)y * cc->drawn_sx + x].pad = 0;
}

/* Move the window onto the grid so that the cursor stays in it. */
static void
client_draw_pan(u_int *o, u_int c, u_int size, u_int shown)
{
	if (size <= shown) {
		*o = 0;
		return;
	}
	if (c < *o)
		*o = c;
	else if (c >= *o + shown)
		*o = c - shown + 1;
	if (*o > size - shown)
		*o = size - shown;
}

/* Draw one row of the terminal from grid row gy (beyond the grid: blank). */
static void
client_draw_row(struct client_ctx *cc, u_int gy, u_int y)
{
	struct grid	*g = &cc->grid;
	struct cell	*gc, blank;
	u_int		 x, gx, used;

	cell_clear(&blank);
	for (x = 0; x < cc->cols; x += used) {
		gx = x + cc->ox;
		used = 1;
		if (gy >= g->sy || gx >= g->sx) {
			client_draw_put(cc, &blank, 1, x, y);
			continue;
		}
		gc = grid_cell(g, gx, gy);
		if (gc->width == 0 || (gc->width == 2 && x + 1 >= cc->cols)) {
			client_draw_put(cc, &blank, 1, x, y);	/* a half */
			continue;
		}
		used = client_draw_put(cc, gc, gc->width, x, y);
		if (used == 1 && gc->width == 2 && x + 1 < cc->cols) {
			client_draw_put(cc, &blank, 1, x + 1, y);
			used = 2;
		} else if (used == 2 && x + 1 < cc->cols)
			client_draw_unknown(cc, x + 1, y);
	}
}

/*
 * Draw the grid (and padding around it) into the area for the session; with
 * partial, only the rows frames have changed since the last draw, if nothing
 * else moved.
 */
static void
client_draw_grid(struct client_ctx *cc, u_int top, u_int rows, int partial)
{
	struct grid	*g = &cc->grid;
	u_int		 y, ox = cc->ox, oy = cc->oy, gy;

	client_draw_pan(&cc->ox, g->cx, g->sx, cc->cols);
	client_draw_pan(&cc->oy, g->cy, g->sy, rows);
	if (cc->ox != ox || cc->oy != oy || cc->top != top || cc->dirty_all)
		partial = 0;
	cc->top = top;
	for (y = 0; y < rows; y++) {
		gy = y + cc->oy;
		if (partial && (gy >= g->sy || !cc->dirty[gy]))
			continue;
		client_draw_row(cc, gy, top + y);
	}
	memset(cc->dirty, 0, sizeof cc->dirty);
	cc->dirty_all = 0;
	cc->cursor_y = top + g->cy - cc->oy;
	cc->cursor_x = g->cx - cc->ox;
	cc->cursor_on = (cc->fi.cursor_flags & MSG_CURSOR_VISIBLE) &&
	    cc->cursor_x < cc->cols && g->cy - cc->oy < rows;
}

/* Tell the terminal the cursor shape the program asked for. */
static void
client_draw_cursor_style(struct client_ctx *cc)
{
	if (cc->fi.cursor_style == cc->cursor_style || cc->fi.cursor_style > 6)
		return;
	cc->cursor_style = cc->fi.cursor_style;
	client_draw_set_cursor(cc->cursor_style);
}

/* Draw everything, or with partial only the rows frames changed. */
static void
client_draw_all(struct client_ctx *cc, int partial)
{
	u_int	top = 0, rows = cc->rows, line;
	int	overlay;

	if (!cc->screen_up)
		return;
	if (cc->status != 0 && rows > 1) {
		rows--;
		if (cc->status == 2)
			top = 1;
	}
	line = cc->status == 2 ? 0 : cc->rows - 1;
	if (cc->have_frame)
		client_draw_grid(cc, top, rows, partial);
	if (cc->view)
		client_status_view_draw(cc, top, rows);
	/* Without a status line, the prompt and messages borrow a row. */
	overlay = cc->prompt || cc->message != NULL;
	if (cc->rows > 1 && (cc->status != 0 || overlay))
		client_status_draw(cc, line);
	if (cc->help)
		client_status_help_draw(cc);
	/* Drawn over the session's cells: they must be put again later. */
	if (cc->help || cc->view || (overlay && cc->status == 0))
		client_draw_forget(cc);
	if (cc->prompt)
		curs_set(1);	/* the status line placed it */
	else if (cc->cursor_on && cc->have_frame && !cc->help && !cc->view) {
		move(cc->cursor_y, cc->cursor_x);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
	client_draw_cursor_style(cc);
	client_draw_modes(cc, cc->readonly ? 0 : cc->fi.modes);
}

/* Draw everything: the session, the status line, any overlay. */
void
client_draw(struct client_ctx *cc)
{
	client_draw_all(cc, 0);
}

/* Draw what the frames that came in have changed. */
void
client_draw_frames(struct client_ctx *cc)
{
	client_draw_all(cc, 1);
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
	client_draw_forget(cc);
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
