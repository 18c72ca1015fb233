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

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "huddle.h"
#include "client.h"
#include "unit.h"

/*
 * Unit tests for the attached client's drawing: colour mapping for every
 * kind of terminal, what a cell's character becomes, and the screen ncurses
 * is given (cells, colours, wide characters, padding, the viewport, the
 * status line and the command prompt), read back from an ncurses screen
 * on /dev/null.
 */

static char	sent[1024];	/* what the prompt sent, for the checks */

/* The connection's side of the prompt, recorded instead of sent. */
void
client_send_prompt(struct client_ctx *cc, int argc, char **argv)
{
	int	i;

	sent[0] = '\0';
	for (i = 0; i < argc; i++) {
		strlcat(sent, "<", sizeof sent);
		strlcat(sent, argv[i], sizeof sent);
		strlcat(sent, ">", sizeof sent);
	}
	cc->prompt_busy = 1;
}

void
client_send_key(struct client_ctx *cc, uint64_t key)
{
}

void
client_send_simple(struct client_ctx *cc, uint32_t type)
{
}

/* xterm's palette, and the nearest colours to RGB values. */
static void
test_palette(void)
{
	u_int	n;

	CHECK_INT(client_draw_palette(0), 0x000000);
	CHECK_INT(client_draw_palette(9), 0xff0000);
	CHECK_INT(client_draw_palette(16), 0x000000);
	CHECK_INT(client_draw_palette(67), 0x5f87af);
	CHECK_INT(client_draw_palette(196), 0xff0000);
	CHECK_INT(client_draw_palette(231), 0xffffff);
	CHECK_INT(client_draw_palette(232), 0x080808);
	CHECK_INT(client_draw_palette(255), 0xeeeeee);

	CHECK_INT(client_draw_nearest(0xff0000, 256), 196);
	CHECK_INT(client_draw_nearest(0x000000, 256), 16);
	CHECK_INT(client_draw_nearest(0x808080, 256), 244);
	CHECK_INT(client_draw_nearest(0x0ac81e, 256), 40);
	CHECK_INT(client_draw_nearest(0x5f87b0, 256), 67);
	CHECK_INT(client_draw_nearest(0xff0000, 16), 9);
	CHECK_INT(client_draw_nearest(0xc00000, 16), 1);
	CHECK_INT(client_draw_nearest(0x101010, 16), 0);
	CHECK_INT(client_draw_nearest(0xf0f0f0, 16), 7);
	CHECK_INT(client_draw_nearest(0xfafafa, 16), 15);
	/* Each colour of 16-255 comes back as itself (or its twin). */
	for (n = 16; n < 256; n++) {
		CHECK_INT(client_draw_palette(client_draw_nearest(
		    client_draw_palette(n), 256)), client_draw_palette(n));
	}
}

/* Cell colours for terminals of 256, 16, 8, 2 and direct colours. */
static void
test_map(void)
{
	int	b;

	CHECK_INT(client_draw_map(COLOUR_DEFAULT, 256, 0, &b), -1);
	CHECK_INT(client_draw_map(COLOUR_DEFAULT, 0x1000000, 8, &b), -1);
	CHECK_INT(client_draw_map(5, 256, 0, &b), 5);
	CHECK_INT(client_draw_map(200, 256, 0, &b), 200);
	CHECK_INT(client_draw_map(COLOUR_RGB|0xff0000, 256, 0, &b), 196);
	CHECK_INT(client_draw_map(COLOUR_RGB|0x000000, 256, 0, &b), 16);

	CHECK_INT(client_draw_map(12, 16, 0, &b), 12);
	CHECK_INT(b, 0);
	CHECK_INT(client_draw_map(196, 16, 0, &b), 9);
	CHECK_INT(client_draw_map(COLOUR_RGB|0x00cd00, 16, 0, &b), 2);

	CHECK_INT(client_draw_map(3, 8, 0, &b), 3);
	CHECK_INT(b, 0);
	CHECK_INT(client_draw_map(9, 8, 0, &b), 1);
	CHECK_INT(b, 1);
	CHECK_INT(client_draw_map(196, 8, 0, &b), 1);
	CHECK_INT(b, 1);
	CHECK_INT(client_draw_map(COLOUR_RGB|0xcd00cd, 8, 0, &b), 5);
	CHECK_INT(b, 0);
	CHECK_INT(client_draw_map(1, 2, 0, &b), -1);

	/* xterm-direct: 0-7 are the palette, the rest RGB. */
	CHECK_INT(client_draw_map(3, 0x1000000, 8, &b), 3);
	CHECK_INT(client_draw_map(9, 0x1000000, 8, &b), 0xff0000);
	CHECK_INT(client_draw_map(67, 0x1000000, 8, &b), 0x5f87af);
	CHECK_INT(client_draw_map(COLOUR_RGB|0x0ac81e, 0x1000000, 8, &b),
	    0x0ac81e);
	CHECK_INT(client_draw_map(COLOUR_RGB|0x000003, 0x1000000, 8, &b), 8);
	/* xterm-direct16: 0-15 are the palette. */
	CHECK_INT(client_draw_map(9, 0x1000000, 16, &b), 9);
	CHECK_INT(client_draw_map(196, 0x1000000, 16, &b), 0xff0000);
	CHECK_INT(client_draw_map(COLOUR_RGB|0x00000a, 0x1000000, 16, &b),
	    16);
}

/* What a cell's character becomes. */
static void
test_char(void)
{
	wchar_t	wc[3];

	CHECK_INT(client_draw_char(0, 1, wc), 1);
	CHECK(wc[0] == L' ' && wc[1] == 0);
	CHECK_INT(client_draw_char('a', 1, wc), 1);
	CHECK(wc[0] == L'a');
	CHECK_INT(client_draw_char(0x4e2d, 2, wc), 2);
	CHECK(wc[0] == 0x4e2d);
	/* Never a control character, C1 included. */
	CHECK_INT(client_draw_char(0x1b, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	CHECK_INT(client_draw_char(0x9b, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	CHECK_INT(client_draw_char(0x7f, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	CHECK_INT(client_draw_char(0xd800, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	CHECK_INT(client_draw_char(0x110000, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	/* Widths that disagree with this system's: never past the cell. */
	CHECK_INT(client_draw_char(0x4e2d, 1, wc), 1);
	CHECK(wc[0] == 0xfffd);
	CHECK_INT(client_draw_char('a', 2, wc), 1);
	CHECK(wc[0] == L'a');
	/* A combining mark alone sits on a space. */
	CHECK_INT(client_draw_char(0x301, 1, wc), 1);
	CHECK(wc[0] == L' ' && wc[1] == 0x301 && wc[2] == 0);
	/* Line drawing is drawn as it is. */
	CHECK_INT(client_draw_char(0x2500, 1, wc), 1);
	CHECK(wc[0] == 0x2500);
}

/* A cell with a character, colours and attributes. */
static void
set_cell(struct grid *g, u_int x, u_int y, uint32_t ch, u_int width,
    uint32_t fg, uint32_t bg, int attr)
{
	struct cell	*gc = grid_cell(g, x, y);

	gc->ch = ch;
	gc->width = width;
	gc->fg = fg;
	gc->bg = bg;
	gc->attr = attr;
}

/* The character, attributes and colours ncurses holds at (x, y). */
static wchar_t
get_cell(u_int x, u_int y, attr_t *attrs, int *fg, int *bg)
{
	cchar_t	cch;
	wchar_t	wc[CCHARW_MAX + 1];
	attr_t	a;
	short	pair;
	int	ipair = 0;

	memset(wc, 0, sizeof wc);
	mvin_wch(y, x, &cch);
	getcchar(&cch, wc, &a, &pair, &ipair);
	if (attrs != NULL)
		*attrs = a & (A_BOLD|A_ITALIC|A_UNDERLINE|A_REVERSE|A_INVIS|
		    A_BLINK);
	if (fg != NULL && bg != NULL) {
		*fg = *bg = -1;
		if (ipair != 0)
			extended_pair_content(ipair, fg, bg);
	}
	return (wc[0]);
}

/* Row y of the screen as UTF-8 (wide characters once). */
static const char *
get_row(u_int y)
{
	static char	 buf[512];
	wchar_t		 wc;
	u_int		 x;
	char		 mb[8];
	int		 n, w;

	buf[0] = '\0';
	for (x = 0; x < (u_int)COLS; x++) {
		wc = get_cell(x, y, NULL, NULL, NULL);
		n = wctomb(mb, wc);
		if (n > 0) {
			mb[n] = '\0';
			strlcat(buf, mb, sizeof buf);
		}
		if ((w = wcwidth(wc)) == 2)
			x++;
	}
	return (buf);
}

/* A client on a screen of sx by sy with a grid of gx by gy. */
static void
setup(struct client_ctx *cc, u_int sx, u_int sy, u_int gx, u_int gy)
{
	resizeterm(sy, sx);
	cc->cols = sx;
	cc->rows = sy;
	grid_free(&cc->grid);
	grid_init(&cc->grid, gx, gy);
	cc->have_frame = 1;
	cc->fi.cursor_flags = MSG_CURSOR_VISIBLE;
	cc->ox = cc->oy = 0;
}

/* Cells, colours, attributes, wide characters and padding. */
static void
test_cells(struct client_ctx *cc)
{
	attr_t	a;
	int	fg, bg;

	setup(cc, 12, 5, 10, 4);
	cc->status = 1;
	set_cell(&cc->grid, 0, 0, 'a', 1, 1, COLOUR_DEFAULT, CELL_BOLD);
	set_cell(&cc->grid, 1, 0, 'b', 1, COLOUR_RGB|0xff0000, 4,
	    CELL_UNDERLINE|CELL_ITALIC);
	set_cell(&cc->grid, 2, 0, 0x4e2d, 2, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    0);
	set_cell(&cc->grid, 3, 0, 0, 0, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 4, 0, 0x1b, 1, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    CELL_REVERSE|CELL_BLINK|CELL_INVISIBLE);
	set_cell(&cc->grid, 5, 0, 0, 0, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 6, 0, 0x2502, 1, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    0);
	set_cell(&cc->grid, 9, 1, 'z', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	cc->grid.cx = 3;
	cc->grid.cy = 1;
	client_draw(cc);
	CHECK_INT(getcury(stdscr), 1);
	CHECK_INT(getcurx(stdscr), 3);

	CHECK(get_cell(0, 0, &a, &fg, &bg) == L'a');
	CHECK_INT(a, A_BOLD);
	CHECK_INT(fg, 1);
	CHECK_INT(bg, -1);
	CHECK(get_cell(1, 0, &a, &fg, &bg) == L'b');
	CHECK_INT(a, A_UNDERLINE|A_ITALIC);
	CHECK_INT(fg, 196);
	CHECK_INT(bg, 4);
	CHECK(get_cell(4, 0, &a, NULL, NULL) == 0xfffd);
	CHECK_INT(a, A_REVERSE|A_BLINK|A_INVIS);
	CHECK_STR(get_row(0), "ab\344\270\255\357\277\275 \342\224\202     ");
	CHECK_STR(get_row(1), "         z  ");	/* padded to 12 */
	CHECK_INT(cc->cursor_x, 3);
	CHECK_INT(cc->cursor_y, 1);

	/* A wide character that does not fit the last column is blank. */
	setup(cc, 3, 3, 4, 2);
	cc->status = 0;
	set_cell(&cc->grid, 0, 0, 'x', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 1, 0, 'y', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 2, 0, 0x4e2d, 2, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    0);
	set_cell(&cc->grid, 3, 0, 0, 0, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(0), "xy ");
}

/* Frames redraw only the rows they changed, unless the view moved. */
static void
test_partial(struct client_ctx *cc)
{
	int	fg, bg;
	u_int	x;

	setup(cc, 6, 3, 6, 3);
	cc->status = 0;
	memset(cc->dirty, 0, sizeof cc->dirty);
	cc->dirty_all = 0;
	set_cell(&cc->grid, 0, 0, 'a', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(0), "a     ");

	/* Rows 0 and 1 change in the grid; a frame said only row 1. */
	set_cell(&cc->grid, 0, 0, 'b', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 0, 1, 'c', 1, 2, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 1, 1, 'd', 1, 3, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 2, 1, 'e', 1, 2, COLOUR_DEFAULT, 0);
	cc->dirty[1] = 1;
	client_draw_frames(cc);
	CHECK_STR(get_row(0), "a     ");	/* not redrawn */
	CHECK_STR(get_row(1), "cde   ");
	/* Colours alternating cell by cell each keep their own. */
	get_cell(0, 1, NULL, &fg, &bg);
	CHECK_INT(fg, 2);
	get_cell(1, 1, NULL, &fg, &bg);
	CHECK_INT(fg, 3);
	get_cell(2, 1, NULL, &fg, &bg);
	CHECK_INT(fg, 2);
	CHECK_INT(cc->dirty[1], 0);

	/* A frame that may have changed every row draws them all. */
	cc->dirty_all = 1;
	client_draw_frames(cc);
	CHECK_STR(get_row(0), "b     ");
	CHECK_INT(cc->dirty_all, 0);

	/* So does any other draw. */
	set_cell(&cc->grid, 0, 2, 'f', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(2), "f     ");

	/* Cells under an overlay are put back when it goes. */
	setup(cc, 40, 12, 40, 12);
	for (x = 0; x < 40; x++)
		set_cell(&cc->grid, x, 5, 'q', 1, COLOUR_DEFAULT,
		    COLOUR_DEFAULT, 0);
	client_draw(cc);
	cc->help = 1;
	client_draw(cc);
	CHECK(strcmp(get_row(5), "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq") != 0);
	cc->help = 0;
	client_draw(cc);
	CHECK_STR(get_row(5), "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq");

	/* A wide character replaced by narrow ones, and back. */
	setup(cc, 6, 3, 6, 3);
	set_cell(&cc->grid, 0, 0, 0x4e2d, 2, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    0);
	set_cell(&cc->grid, 1, 0, 0, 0, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(0), "\344\270\255    ");
	set_cell(&cc->grid, 0, 0, 'a', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	set_cell(&cc->grid, 1, 0, ' ', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(0), "a     ");
	set_cell(&cc->grid, 0, 0, 0x4e2d, 2, COLOUR_DEFAULT, COLOUR_DEFAULT,
	    0);
	set_cell(&cc->grid, 1, 0, 0, 0, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK_STR(get_row(0), "\344\270\255    ");
}

/* A terminal smaller than the session follows the cursor. */
static void
test_viewport(struct client_ctx *cc)
{
	u_int	x, y;

	setup(cc, 4, 3, 10, 6);
	cc->status = 2;
	for (y = 0; y < 6; y++) {
		for (x = 0; x < 10; x++)
			set_cell(&cc->grid, x, y, '0' + (x + y) % 10, 1,
			    COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	}
	cc->grid.cx = 1;
	cc->grid.cy = 1;
	client_draw(cc);
	CHECK_INT(cc->top, 1);
	CHECK_STR(get_row(1), "0123");
	CHECK_STR(get_row(2), "1234");
	CHECK_INT(cc->ox, 0);
	CHECK_INT(cc->oy, 0);

	cc->grid.cx = 7;
	cc->grid.cy = 4;
	client_draw(cc);
	CHECK_INT(cc->ox, 4);
	CHECK_INT(cc->oy, 3);
	CHECK_STR(get_row(1), "7890");	/* grid row 3 from column 4 */
	CHECK_INT(cc->cursor_x, 3);
	CHECK_INT(cc->cursor_y, 2);

	/* Back left a little: the view stays while the cursor is in it. */
	cc->grid.cx = 5;
	client_draw(cc);
	CHECK_INT(cc->ox, 4);
	cc->grid.cx = 2;
	cc->grid.cy = 0;
	client_draw(cc);
	CHECK_INT(cc->ox, 2);
	CHECK_INT(cc->oy, 0);
	CHECK_STR(get_row(1), "2345");
}

/* The status line, and the prompt and messages when it is off. */
static void
test_status(struct client_ctx *cc)
{
	setup(cc, 70, 4, 70, 3);
	cc->status = 1;
	free(cc->session);
	cc->session = xstrdup("work");
	cc->ops = 2;
	cc->obs = 3;
	free(cc->last_user);
	cc->last_user = xstrdup("alice");
	free(cc->title);
	cc->title = xstrdup("vim \033]0;x\007");
	client_draw(cc);
	CHECK(strncmp(get_row(3), "[work] operator | 2 ops 3 obs | typed: "
	    "alice | vim ?]0;x?       ", 64) == 0);
	CHECK(get_row(3)[67] == ':');	/* the clock, HH:MM */

	cc->readonly = 1;
	cc->ops = 1;
	cc->status = 2;
	setup(cc, 60, 4, 60, 3);
	client_draw(cc);
	CHECK(strncmp(get_row(0), "[work] observer | 1 op 3 obs", 28) == 0);

	/* Off: the session has every row, until a message comes. */
	cc->status = 0;
	setup(cc, 60, 4, 60, 4);
	set_cell(&cc->grid, 0, 3, 'L', 1, COLOUR_DEFAULT, COLOUR_DEFAULT, 0);
	client_draw(cc);
	CHECK(get_cell(0, 3, NULL, NULL, NULL) == L'L');
	client_status_message(cc, "hello\001there");
	client_draw(cc);
	CHECK(strncmp(get_row(3), "hello?there ", 12) == 0);
	free(cc->message);
	cc->message = NULL;
	client_draw(cc);
	CHECK(get_cell(0, 3, NULL, NULL, NULL) == L'L');
	cc->readonly = 0;
}

/* Type a string at the prompt. */
static void
type(struct client_ctx *cc, const char *s)
{
	for (; *s != '\0'; s++)
		client_status_key(cc, (u_char)*s);
}

/* The command prompt: editing and Enter. */
static void
test_prompt(struct client_ctx *cc)
{
	setup(cc, 20, 4, 20, 3);
	cc->status = 1;
	client_status_prompt_start(cc);
	type(cc, "new -s x");
	client_status_key(cc, 'a' | KEYC_CTRL);
	client_status_key(cc, KEYC_DC);
	type(cc, "renam");
	client_status_key(cc, 'e' | KEYC_CTRL);
	client_status_key(cc, 'w' | KEYC_CTRL);
	type(cc, "'a b'");
	client_status_key(cc, KEYC_LEFT);
	client_status_key(cc, KEYC_BSPACE);
	client_draw(cc);
	CHECK_INT(getcurx(stdscr), 15);
	CHECK_STR(get_row(3), ":renamew -s 'a '    ");
	client_status_key(cc, '\r');
	CHECK(!cc->prompt);
	CHECK_STR(sent, "<renamew><-s><a >");
}

/* A command's output: one line is a message; more are a view. */
static void
test_output(struct client_ctx *cc)
{
	setup(cc, 20, 4, 20, 3);
	cc->status = 1;
	client_status_output(cc, "one");
	CHECK_INT(client_status_output_done(cc), 1);
	CHECK_STR(cc->message, "one");
	client_status_output(cc, "first");
	client_status_output(cc, "second");
	client_status_output(cc, "third");
	CHECK_INT(client_status_output_done(cc), 0);
	CHECK(cc->view);
	client_draw(cc);
	CHECK_STR(get_row(0), "first               ");
	CHECK_STR(get_row(2), "[1-2 of 3] Up/Down/P");
	client_status_view_key(cc, KEYC_DOWN);
	client_draw(cc);
	CHECK_STR(get_row(0), "second              ");
	client_status_view_key(cc, KEYC_DOWN);
	CHECK_INT(cc->view_top, 1);
	client_status_view_key(cc, 'q');
	CHECK(!cc->view);
}

/* The prompt's history, kill keys, Escape, and a line too long to show. */
static void
test_history(struct client_ctx *cc)
{
	setup(cc, 20, 4, 20, 3);
	cc->status = 1;
	client_status_prompt_start(cc);
	type(cc, "ls");
	client_status_key(cc, KEYC_UP);
	CHECK_STR(cc->line, "renamew -s 'a '");
	client_status_key(cc, KEYC_DOWN);
	CHECK_STR(cc->line, "");
	client_status_key(cc, KEYC_UP);
	client_status_key(cc, KEYC_HOME);
	client_status_key(cc, KEYC_RIGHT);
	client_status_key(cc, 'k' | KEYC_CTRL);
	CHECK_STR(cc->line, "r");
	type(cc, "xyz");
	client_status_key(cc, KEYC_LEFT);
	client_status_key(cc, 'u' | KEYC_CTRL);
	CHECK_STR(cc->line, "z");
	client_status_key(cc, '\033');
	CHECK(!cc->prompt);

	/* A long line scrolls so the cursor is in view; UTF-8 is kept whole. */
	client_status_prompt_start(cc);
	type(cc, "message 0123456789 abcdef");
	client_status_key(cc, 0xe9);
	client_status_key(cc, 0x4e2d);
	client_draw(cc);
	CHECK_INT(getcurx(stdscr), 19);
	CHECK_STR(get_row(3), ":23456789 abcdef\303\251\344\270\255 ");
	client_status_key(cc, KEYC_BSPACE);
	client_status_key(cc, KEYC_HOME);
	client_draw(cc);
	CHECK_INT(getcurx(stdscr), 1);
	CHECK_STR(get_row(3), ":message 0123456789 ");
	client_status_key(cc, 'c' | KEYC_CTRL);
}

int
main(void)
{
	struct client_ctx	 cc;
	SCREEN			*sp;
	FILE			*out, *in;

	setlocale(LC_CTYPE, "C.UTF-8");
	test_palette();
	test_map();
	test_char();

	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (sp = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "no xterm-256color terminfo: screen tests "
		    "skipped\n");
		UNIT_END();
	}
	memset(&cc, 0, sizeof cc);
	grid_init(&cc.grid, 1, 1);
	cc.prefix = 'b' | KEYC_CTRL;
	client_draw_init(&cc);
	CHECK_INT(COLORS, 256);
	test_cells(&cc);
	test_partial(&cc);
	test_viewport(&cc);
	test_status(&cc);
	test_prompt(&cc);
	test_output(&cc);
	test_history(&cc);

	endwin();
	delscreen(sp);
	grid_free(&cc.grid);
	free(cc.drawn);
	client_status_free(&cc);
	free(cc.session);
	fclose(out);
	fclose(in);
	UNIT_END();
}
