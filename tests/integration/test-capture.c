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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * capture with real programs: plain text, colours and attributes with -e,
 * wide characters, the scrollback with -S/-E and its limit, joined lines
 * with -J. Each test has a server of its own.
 */

#define WAIT 8000

/*
 * Start a session running a shell command line that ends by printing
 * marker and waiting for input, and wait for the marker.
 */
static void
start_marked(struct harness *h, const char *name, const char *x,
    const char *y, const char *cmd, const char *marker)
{
	struct run	r;

	harness_run(h, &r, "new", "-d", "-s", name, "-x", x, "-y", y, "--",
	    cmd, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
	CHECK_INT(harness_wait_capture(h, name, marker, WAIT), 0);
}

/* The same, with the marker END printed after the command. */
static void
start(struct harness *h, const char *name, const char *x, const char *y,
    const char *cmd)
{
	char	*full;

	xasprintf(&full, "%s; printf END; read x", cmd);
	start_marked(h, name, x, y, full, "END");
	free(full);
}

/* Capture with up to four flags (NULL-terminated); NULL on failure. */
static char *
capture(struct harness *h, const char *target, ...)
{
	const char	*args[16], *a;
	struct run	 r;
	va_list		 ap;
	int		 n = 0;

	args[n++] = "capture";
	args[n++] = "-t";
	args[n++] = target;
	va_start(ap, target);
	while ((a = va_arg(ap, const char *)) != NULL && n < 15)
		args[n++] = a;
	va_end(ap);
	args[n] = NULL;
	if (harness_runv(h, &r, args) != 0) {
		fprintf(stderr, "capture failed: %s", r.err);
		run_free(&r);
		return (NULL);
	}
	free(r.err);
	return (r.out);
}

/* Count the lines in a capture. */
static int
count_lines(const char *s)
{
	int	n = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n')
			n++;
	}
	return (n);
}

/* Plain output: trailing blanks trimmed, one line per row. */
static void
test_plain(void)
{
	struct harness	 h;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "plain", "20", "4", "printf 'a\\nb  \\n  c\\n'");
	cap = capture(&h, "plain", NULL);
	CHECK_STR(cap, "a\nb\n  c\nEND\n");
	free(cap);
	cap = capture(&h, "plain", "-p", NULL);		/* tmux habit */
	CHECK_STR(cap, "a\nb\n  c\nEND\n");
	free(cap);
	cap = capture(&h, "plain", "-p", "-e", "-J", NULL);
	CHECK_STR(cap, "a\nb\n  c\nEND\n");
	free(cap);
	harness_done(&h);
}

/* -e keeps colours and attributes as SGR; without it, text only. */
static void
test_colours(void)
{
	struct harness	 h;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "colour", "60", "6",
	    "printf '\\033[1;31mR\\033[0m \\033[38;5;123mI\\033[0m "
	    "\\033[38;2;10;20;30mT\\033[0m \\033[4;7mU\\033[0m\\n'; "
	    "printf '\\033[41mA\\033[0m \\033[48;5;200mB\\033[0m "
	    "\\033[48;2;1;2;3mC\\033[0m \\033[91mD\\033[0m \\033[3mE\\033[0m "
	    "\\033[5mF\\033[0m \\033[1;4;32;44mG\\033[0m H\\n'; "
	    "printf '\\033[31mre\\033[1md\\033[22;39m plain X\\033[44m  "
	    "\\033[0m\\n'");
	cap = capture(&h, "colour", NULL);
	CHECK_STR(cap, "R I T U\nA B C D E F G H\nred plain X  \nEND\n\n\n");
	free(cap);
	cap = capture(&h, "colour", "-e", NULL);
	CHECK_STR(cap,
	    "\033[0;1;31mR\033[0m \033[0;38;5;123mI\033[0m "
	    "\033[0;38;2;10;20;30mT\033[0m \033[0;4;7mU\033[0m\n"
	    "\033[0;41mA\033[0m \033[0;48;5;200mB\033[0m "
	    "\033[0;48;2;1;2;3mC\033[0m \033[0;91mD\033[0m "
	    "\033[0;3mE\033[0m \033[0;5mF\033[0m "
	    "\033[0;1;4;32;44mG\033[0m H\n"
	    /* A change within a run; trailing blanks with a background. */
	    "\033[0;31mre\033[0;1;31md\033[0m plain X\033[0;44m  \033[0m\n"
	    "END\n\n\n");
	free(cap);
	harness_done(&h);
}

/* Wide characters are printed once, in their two cells. */
static void
test_wide(void)
{
	struct harness	 h;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "wide", "20", "3", "printf '\\344\\270\\255\\346\\226\\207|"
	    "\\303\\251|\\n'");
	cap = capture(&h, "wide", NULL);
	CHECK_STR(cap, "\344\270\255\346\226\207|\303\251|\nEND\n\n");
	free(cap);
	harness_done(&h);

	/* Coloured; and one that does not fit at the end goes to the next. */
	if (harness_init(&h) != 0)
		return;
	start(&h, "edge", "5", "4", "printf '\\033[31m\\344\\270\\255\\033[0m"
	    "|\\nabcd\\344\\270\\255x\\n'");
	cap = capture(&h, "edge", NULL);
	CHECK_STR(cap, "\344\270\255|\nabcd\n\344\270\255x\nEND\n");
	free(cap);
	cap = capture(&h, "edge", "-e", NULL);
	CHECK(cap != NULL && strncmp(cap, "\033[0;31m\344\270\255\033[0m|\n",
	    16) == 0);
	free(cap);
	harness_done(&h);
}

/* -S and -E reach into the scrollback; - means all of it. */
static void
test_scrollback(void)
{
	struct harness	 h;
	struct run	 r;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	/* 200 lines and END at 10 rows: 191 lines of history. */
	start(&h, "scroll", "20", "10", "seq 1 200");
	cap = capture(&h, "scroll", NULL);
	CHECK_STR(cap, "192\n193\n194\n195\n196\n197\n198\n199\n200\nEND\n");
	free(cap);
	cap = capture(&h, "scroll", "-S-3", NULL);
	CHECK(cap != NULL && strncmp(cap, "189\n190\n191\n192\n", 16) == 0);
	CHECK_INT(count_lines(cap), 13);
	free(cap);
	cap = capture(&h, "scroll", "-S", "-5", "-E", "-4", NULL);
	CHECK_STR(cap, "187\n188\n");
	free(cap);
	cap = capture(&h, "scroll", "-S", "-3", "-E", "-1", NULL);
	CHECK_STR(cap, "189\n190\n191\n");
	free(cap);
	cap = capture(&h, "scroll", "-S", "0", "-E", "0", NULL);
	CHECK_STR(cap, "192\n");
	free(cap);
	cap = capture(&h, "scroll", "-S", "3", "-E", "4", NULL);
	CHECK_STR(cap, "195\n196\n");
	free(cap);
	cap = capture(&h, "scroll", "-S", "-", NULL);
	CHECK(cap != NULL && strncmp(cap, "1\n2\n3\n", 6) == 0);
	CHECK(cap != NULL && strstr(cap, "\n191\n192\n") != NULL);
	CHECK_INT(count_lines(cap), 201);
	free(cap);
	/* Further back than the history starts is its start. */
	cap = capture(&h, "scroll", "-S", "-100000", "-E", "-190", NULL);
	CHECK_STR(cap, "1\n2\n");
	free(cap);
	cap = capture(&h, "scroll", "-E", "-", NULL);
	CHECK_INT(count_lines(cap), 10);
	free(cap);
	harness_run(&h, &r, "capture", "-t", "scroll", "-S", "x", NULL);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: -S: not a line number: x\n");
	run_free(&r);
	harness_run(&h, &r, "capture", "-t", "scroll", "-E", "1x", NULL);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: -E: not a line number: 1x\n");
	run_free(&r);
	harness_done(&h);
}

/* history-limit: 2000 by default; a new value holds for new panes. */
static void
test_history_limit(void)
{
	struct harness	 h;
	struct run	 r;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "before", "20", "10", "seq 1 200");
	CHECK_INT(harness_run(&h, &r, "set", "history-limit", "50", NULL), 0);
	run_free(&r);
	start(&h, "after", "20", "10", "seq 1 200");
	/* 50 lines of history, then the 10 on the screen. */
	cap = capture(&h, "after", "-S", "-", NULL);
	CHECK(cap != NULL && strncmp(cap, "142\n143\n", 8) == 0);
	CHECK_INT(count_lines(cap), 60);
	free(cap);
	/* The pane made before keeps the limit it was made with. */
	cap = capture(&h, "before", "-S", "-", NULL);
	CHECK(cap != NULL && strncmp(cap, "1\n2\n", 4) == 0);
	CHECK_INT(count_lines(cap), 201);
	free(cap);

	/* The default holds 2000 lines. */
	CHECK_INT(harness_run(&h, &r, "set", "history-limit", "2000", NULL),
	    0);
	run_free(&r);
	start(&h, "long", "20", "10", "seq 1 2500");
	cap = capture(&h, "long", "-S", "-", NULL);
	CHECK(cap != NULL && strncmp(cap, "492\n493\n", 8) == 0);
	CHECK_INT(count_lines(cap), 2010);
	free(cap);
	harness_done(&h);
}

/* -J joins a line that wrapped at the last column. */
static void
test_join(void)
{
	struct harness	 h;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "join", "10", "5", "printf '0123456789abcdefghij"
	    "KLM\\nnext\\n'");
	cap = capture(&h, "join", NULL);
	CHECK_STR(cap, "0123456789\nabcdefghij\nKLM\nnext\nEND\n");
	free(cap);
	cap = capture(&h, "join", "-J", NULL);
	CHECK_STR(cap, "0123456789abcdefghijKLM\nnext\nEND\n");
	free(cap);

	/* A line of exactly three widths, the last thing on the screen. */
	start_marked(&h, "exact", "10", "5", "printf 'top\\n0123456789"
	    "abcdefghijABCDEFGHIJ'; read x", "ABCDEFGHIJ");
	cap = capture(&h, "exact", "-E", "3", NULL);
	CHECK_STR(cap, "top\n0123456789\nabcdefghij\nABCDEFGHIJ\n");
	free(cap);
	cap = capture(&h, "exact", "-J", "-E", "3", NULL);
	CHECK_STR(cap, "top\n0123456789abcdefghijABCDEFGHIJ\n");
	free(cap);

	/* A wrapped line that has gone into the history. */
	start(&h, "hist", "10", "4", "printf '0123456789abcdefghijKLM\\n'; "
	    "seq 1 6");
	cap = capture(&h, "hist", "-J", "-S", "-", NULL);
	CHECK(cap != NULL && strncmp(cap, "0123456789abcdefghijKLM\n1\n",
	    26) == 0);
	free(cap);
	harness_done(&h);
}

int
main(void)
{
	test_plain();
	test_colours();
	test_wide();
	test_scrollback();
	test_history_limit();
	test_join();
	UNIT_END();
}
