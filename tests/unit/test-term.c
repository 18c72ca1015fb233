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
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "term.h"
#include "unit.h"

/* Unit tests for term.c, the libtsm wrapper: cells, colours, history. */

/* Feed a string. */
static void
feed(struct term *t, const char *s)
{
	term_input(t, (const u_char *)s, strlen(s));
}

/* Colours come back as indexes, defaults or RGB; attributes as flags. */
static void
test_colours(void)
{
	struct term	*t;
	struct grid	 g;
	struct cell	*gc;

	t = term_create(20, 3, 100, NULL, NULL);
	grid_init(&g, 1, 1);
	feed(t, "\033[31mA\033[1;94mB\033[0;38;5;123mC\033[38;5;240mD"
	    "\033[38;2;1;2;3mE\033[0;4;7mF\033[0;3;5mG\033[0;42mH\033[0m");
	term_snapshot(t, &g);
	CHECK_INT(g.sx, 20);
	gc = grid_cell(&g, 0, 0);
	CHECK_INT(gc->ch, 'A');
	CHECK_INT(gc->fg, 1);
	CHECK(gc->bg == COLOUR_DEFAULT);
	gc = grid_cell(&g, 1, 0);
	CHECK_INT(gc->fg, 12);
	CHECK(gc->attr & CELL_BOLD);
	CHECK_INT(grid_cell(&g, 2, 0)->fg, 123);
	CHECK_INT(grid_cell(&g, 3, 0)->fg, 240);
	CHECK(grid_cell(&g, 4, 0)->fg == (COLOUR_RGB | 0x010203));
	gc = grid_cell(&g, 5, 0);
	CHECK(gc->attr & CELL_UNDERLINE);
	CHECK(gc->attr & CELL_REVERSE);
	CHECK(gc->fg == COLOUR_DEFAULT);
	gc = grid_cell(&g, 6, 0);
	CHECK(gc->attr & CELL_ITALIC);
	CHECK(gc->attr & CELL_BLINK);
	CHECK_INT(grid_cell(&g, 7, 0)->bg, 2);
	/* The cursor cell is not shown inverted. */
	CHECK_INT(g.cx, 8);
	CHECK(!(grid_cell(&g, 8, 0)->attr & CELL_REVERSE));
	CHECK_INT(grid_cell(&g, 8, 0)->ch, 0);
	grid_free(&g);
	term_free(t);
}

/* Wide characters take two cells; stale continuation characters vanish. */
static void
test_wide(void)
{
	struct term	*t;
	struct grid	 g;

	t = term_create(10, 2, 0, NULL, NULL);
	grid_init(&g, 1, 1);
	feed(t, "12345678\r\xe4\xb8\x80\xe4\xba\x8c");	/* 一二 */
	term_snapshot(t, &g);
	CHECK_INT(grid_cell(&g, 0, 0)->ch, 0x4e00);
	CHECK_INT(grid_cell(&g, 0, 0)->width, 2);
	CHECK_INT(grid_cell(&g, 1, 0)->width, 0);
	CHECK_INT(grid_cell(&g, 1, 0)->ch, 0);
	CHECK_INT(grid_cell(&g, 2, 0)->ch, 0x4e8c);
	CHECK_INT(grid_cell(&g, 3, 0)->width, 0);
	CHECK_INT(grid_cell(&g, 3, 0)->ch, 0);
	CHECK_INT(grid_cell(&g, 4, 0)->ch, '5');
	grid_free(&g);
	term_free(t);
}

/* Collect lines as text. */
static void
collect(const struct cell *cells, u_int sx, void *arg)
{
	char	*buf = arg;
	size_t	 len = strlen(buf);
	u_int	 x;

	for (x = 0; x < sx; x++) {
		if (cells[x].ch != 0 && cells[x].ch < 0x80)
			buf[len++] = cells[x].ch;
	}
	buf[len++] = '|';
	buf[len] = '\0';
}

/* The history is counted exactly and read without moving the view. */
static void
test_history(void)
{
	struct term	*t;
	struct grid	 g;
	char		 buf[4096];
	int		 i, n;

	t = term_create(10, 3, 5, NULL, NULL);
	CHECK_INT(term_history_size(t), 0);
	for (i = 1; i <= 4; i++) {
		snprintf(buf, sizeof buf, "%d\r\n", i);
		feed(t, buf);
	}
	/* Lines 1 and 2 scrolled off; 3, 4 and the cursor line remain. */
	CHECK_INT(term_history_size(t), 2);
	buf[0] = '\0';
	n = term_read_lines(t, -2, 2, collect, buf);
	CHECK_INT(n, 5);
	CHECK_STR(buf, "1|2|3|4||");
	buf[0] = '\0';
	n = term_read_lines(t, -100, 0, collect, buf);
	CHECK_INT(n, 3);
	CHECK_STR(buf, "1|2|3|");

	/* More than the limit: the oldest are dropped. */
	for (i = 5; i <= 20; i++) {
		snprintf(buf, sizeof buf, "%d\r\n", i);
		feed(t, buf);
	}
	CHECK_INT(term_history_size(t), 5);
	buf[0] = '\0';
	term_read_lines(t, -5, -1, collect, buf);
	CHECK_STR(buf, "14|15|16|17|18|");

	/* The live view was put back: a snapshot shows the bottom. */
	grid_init(&g, 1, 1);
	term_snapshot(t, &g);
	CHECK_INT(grid_cell(&g, 0, 0)->ch, '1');
	CHECK_INT(grid_cell(&g, 1, 0)->ch, '9');
	grid_free(&g);

	term_clear_history(t);
	CHECK_INT(term_history_size(t), 0);
	term_free(t);
}

/* Replies libtsm makes go to the reply callback. */
static void
reply_cb(const u_char *buf, size_t len, void *arg)
{
	char	*out = arg;

	strncat(out, (const char *)buf, len);
}

/* DA gets an answer; resize keeps the size straight. */
static void
test_reply_resize(void)
{
	struct term	*t;
	char		 out[256] = "";
	u_int		 sx, sy;

	t = term_create(80, 24, 10, reply_cb, out);
	feed(t, "\033[c");
	CHECK(strstr(out, "\033[?") != NULL);
	term_resize(t, 40, 10);
	term_size(t, &sx, &sy);
	CHECK_INT(sx, 40);
	CHECK_INT(sy, 10);
	CHECK(term_autowrap(t));
	CHECK(!term_alternate(t));
	feed(t, "\033[?1049h");
	CHECK(term_alternate(t));
	term_free(t);
}

int
main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	test_colours();
	test_wide();
	test_history();
	test_reply_resize();
	UNIT_END();
}
