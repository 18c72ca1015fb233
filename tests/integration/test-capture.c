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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * capture with real programs: plain text, colours and attributes with -e,
 * wide characters, the scrollback with -S/-E, joined lines with -J.
 */

#define WAIT 8000

/* Start a session running a command that ends by waiting for input. */
static void
start(struct harness *h, const char *name, const char *x, const char *y,
    const char *cmd)
{
	struct run	r;
	char		*full;

	xasprintf(&full, "%s; printf END; read x", cmd);
	harness_run(h, &r, "new", "-d", "-s", name, "-x", x, "-y", y, "--",
	    full, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	free(full);
	if (h->server_pid == 0)
		harness_server(h);
	CHECK_INT(harness_wait_capture(h, name, "END", WAIT), 0);
}

/* Plain output: trailing blanks trimmed, one line per row. */
static void
test_plain(struct harness *h)
{
	char	*cap;

	start(h, "plain", "20", "4", "printf 'a\\nb  \\n'");
	cap = harness_capture(h, "plain", "-p");
	CHECK_STR(cap, "a\nb\nEND\n\n");
	free(cap);
}

/* -e keeps colours and attributes as SGR; without it, text only. */
static void
test_colours(struct harness *h)
{
	char	*cap, *line;

	start(h, "colour", "40", "3",
	    "printf '\\033[1;31mR\\033[0m \\033[38;5;123mI\\033[0m "
	    "\\033[38;2;10;20;30mT\\033[0m \\033[4;7mU\\033[0m\\n'");
	cap = harness_capture(h, "colour", NULL);
	CHECK(cap != NULL && strncmp(cap, "R I T U\n", 8) == 0);
	free(cap);
	cap = harness_capture(h, "colour", "-e");
	CHECK(cap != NULL);
	if (cap == NULL)
		return;
	line = strtok(cap, "\n");
	CHECK_STR(line, "\033[0;1;31mR\033[0m \033[0;38;5;123mI\033[0m "
	    "\033[0;38;2;10;20;30mT\033[0m \033[0;4;7mU\033[0m");
	free(cap);
}

/* Wide characters are printed once, in their two cells. */
static void
test_wide(struct harness *h)
{
	char	*cap;

	start(h, "wide", "20", "3", "printf '\\344\\270\\255\\346\\226\\207|"
	    "\\303\\251|\\n'");
	cap = harness_capture(h, "wide", NULL);
	CHECK(cap != NULL && strncmp(cap, "\344\270\255\346\226\207|\303\251|\n",
	    11) == 0);
	free(cap);
}

/* -S and -E reach into the scrollback; - means all of it. */
static void
test_scrollback(struct harness *h)
{
	char	*cap;

	start(h, "scroll", "20", "5", "seq 1 100");
	/* Visible: 97 98 99 100 END. */
	cap = harness_capture(h, "scroll", NULL);
	CHECK_STR(cap, "97\n98\n99\n100\nEND\n");
	free(cap);
	cap = harness_capture(h, "scroll", "-S-3");
	CHECK_STR(cap, "94\n95\n96\n97\n98\n99\n100\nEND\n");
	free(cap);
	cap = harness_capture(h, "scroll", "-S-");
	CHECK(cap != NULL && strncmp(cap, "1\n2\n3\n", 6) == 0);
	CHECK(cap != NULL && strstr(cap, "\n100\nEND\n") != NULL);
	free(cap);
	cap = harness_capture(h, "scroll", "-E-2");
	CHECK(cap != NULL);
	free(cap);
	{
		struct run	r;

		harness_run(h, &r, "capture", "-t", "scroll", "-S", "-5",
		    "-E", "-4", NULL);
		CHECK_STR(r.out, "92\n93\n");
		run_free(&r);
		harness_run(h, &r, "capture", "-t", "scroll", "-S", "x",
		    NULL);
		CHECK_INT(r.status, 1);
		CHECK_STR(r.err, "huddle: -S: not a line number: x\n");
		run_free(&r);
	}
}

/* -J joins a line that wrapped at the last column. */
static void
test_join(struct harness *h)
{
	char	*cap;

	start(h, "join", "10", "5", "printf '0123456789abcdefghij"
	    "KLM\\nnext\\n'");
	cap = harness_capture(h, "join", NULL);
	CHECK_STR(cap, "0123456789\nabcdefghij\nKLM\nnext\nEND\n");
	free(cap);
	cap = harness_capture(h, "join", "-J");
	CHECK_STR(cap, "0123456789abcdefghijKLM\nnext\nEND\n");
	free(cap);
}

int
main(void)
{
	struct harness	h;

	if (harness_init(&h) != 0)
		return (1);
	test_plain(&h);
	test_colours(&h);
	test_wide(&h);
	test_scrollback(&h);
	test_join(&h);
	harness_done(&h);
	UNIT_END();
}
