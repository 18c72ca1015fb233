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

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "huddle.h"
#include "term.h"

/*
 * Print a pane's screen, or part of its scrollback, as text; with -e the
 * colours and attributes are kept as SGR sequences; with -J wrapped lines
 * are joined.
 */

static enum cmd_retval	cmd_capture_exec(struct cmd_item *);

const struct cmd_entry cmd_capture_entry = {
	.name = "capture",
	.alias = "capture-pane",
	.args = "E:eJpS:t:",
	.min_args = 0,
	.max_args = 0,
	.usage = "[-eJp] [-E end-line] [-S start-line] [-t target-pane]",
	.flags = 0,
	.exec = cmd_capture_exec
};

struct cmd_capture {
	struct evbuffer	*b;
	int		 escapes;
	int		 join;
	int		 lines;
	int		 total;
};

/* Whether a cell shows nothing (so may be trimmed at the end of a line). */
static int
cmd_capture_blank(const struct cell *gc)
{
	return ((gc->ch == 0 || gc->ch == ' ') && gc->bg == COLOUR_DEFAULT &&
	    !(gc->attr & (CELL_REVERSE|CELL_UNDERLINE)));
}

/* Append one line. */
static void
cmd_capture_line(const struct cell *cells, u_int sx, void *arg)
{
	struct cmd_capture	*cc = arg;
	struct cell		 def;
	const struct cell	*gc, *last = NULL;
	char			 buf[8];
	u_int			 x, end;
	int			 len, wrapped;

	cc->lines++;
	/* libtsm keeps no wrap flag: a full last column means it wrapped. */
	wrapped = cc->join && !cmd_capture_blank(&cells[sx - 1]) &&
	    cc->lines < cc->total;
	end = sx;
	if (!wrapped) {
		while (end > 0 && (cells[end - 1].width == 0 ||
		    cmd_capture_blank(&cells[end - 1])))
			end--;
	}
	cell_clear(&def);
	last = &def;
	for (x = 0; x < end; x++) {
		gc = &cells[x];
		if (gc->width == 0)
			continue;
		if (cc->escapes && (gc->attr != last->attr ||
		    gc->fg != last->fg || gc->bg != last->bg)) {
			grid_cell_sgr(cc->b, gc);
			last = gc;
		}
		if (gc->ch == 0)
			evbuffer_add(cc->b, " ", 1);
		else {
			len = utf8_encode(gc->ch, buf);
			evbuffer_add(cc->b, buf, len);
		}
	}
	if (cc->escapes && last != &def &&
	    (last->attr != 0 || last->fg != COLOUR_DEFAULT ||
	    last->bg != COLOUR_DEFAULT))
		evbuffer_add(cc->b, "\033[0m", 4);
	if (!wrapped)
		evbuffer_add(cc->b, "\n", 1);
}

/* Parse -S or -E: a line number, or "-" for the start or end. */
static int
cmd_capture_line_number(struct cmd_item *item, int flag, int dflt,
    int dash, int *out)
{
	const char	*value = args_get(item->args, flag);
	char		*end;
	long		 n;

	if (value == NULL) {
		*out = dflt;
		return (0);
	}
	if (strcmp(value, "-") == 0) {
		*out = dash;
		return (0);
	}
	errno = 0;
	n = strtol(value, &end, 10);
	if (*value == '\0' || *end != '\0' || errno == ERANGE ||
	    n < -HUDDLE_MAX_HISTORY || n > HUDDLE_MAX_HISTORY) {
		cmd_error(item, "-%c: not a line number: %s", flag,
		    esc(value));
		return (-1);
	}
	*out = (int)n;
	return (0);
}

/* Capture the lines asked for. */
static enum cmd_retval
cmd_capture_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct window_pane	*wp;
	struct cmd_capture	 cc;
	char			*cause = NULL;
	int			 start, end;

	wp = target_find_pane(item, args_get(args, 't'), NULL, &cause);
	if (wp == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if (cmd_capture_line_number(item, 'S', 0, INT_MIN / 2, &start) != 0 ||
	    cmd_capture_line_number(item, 'E', wp->sy - 1, wp->sy - 1,
	    &end) != 0)
		return (CMD_RETURN_ERROR);

	memset(&cc, 0, sizeof cc);
	cc.b = evbuffer_new();
	cc.escapes = args_has(args, 'e');
	cc.join = args_has(args, 'J');
	if (start < -(int)term_history_size(wp->term))
		start = -(int)term_history_size(wp->term);
	if (end > (int)wp->sy - 1)
		end = wp->sy - 1;
	cc.total = end - start + 1;
	term_read_lines(wp->term, start, end, cmd_capture_line, &cc);
	cmd_write(item, MSG_STDOUT, evbuffer_pullup(cc.b, -1),
	    evbuffer_get_length(cc.b));
	evbuffer_free(cc.b);
	return (CMD_RETURN_NORMAL);
}
