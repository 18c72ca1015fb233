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
 * send: key names become the bytes a terminal would send, words are sent as
 * text, -l sends everything as text (UTF-8 included). A program in the pane
 * prints the bytes it reads, in hex.
 */

#define WAIT 8000

/* Start a pane that reads n raw bytes and prints them in hex. */
static void
start_reader(struct harness *h, const char *name, int n)
{
	struct run	 r;
	char		*cmd;

	xasprintf(&cmd, "stty raw -echo; printf READY; dd bs=1 count=%d "
	    "2>/dev/null | od -An -tx1 | tr -d ' \\n'; printf '|DONE'; "
	    "read x", n);
	harness_run(h, &r, "new", "-d", "-s", name, "-x", "200", "-y", "5",
	    "--", cmd, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	free(cmd);
	if (h->server_pid == 0)
		harness_server(h);
	CHECK_INT(harness_wait_capture(h, name, "READY", WAIT), 0);
}

/* Check the pane printed exactly these hex bytes. */
static void
check_bytes(struct harness *h, const char *name, const char *hex)
{
	char	*want;

	xasprintf(&want, "READY%s|DONE", hex);
	CHECK_INT(harness_wait_capture(h, name, want, WAIT), 0);
	free(want);
}

/* Named keys. */
static void
test_keys(struct harness *h)
{
	struct run	r;

	start_reader(h, "keys", 49);
	CHECK_INT(harness_run(h, &r, "send", "-t", "keys", "Enter", "Tab",
	    "Escape", "BSpace", "C-a", "C-z", "M-x", "Up", "Down", "Left",
	    "Right", "Home", "End", "PageUp", "PageDown", "F1", "F5", "F12",
	    NULL), 0);
	run_free(&r);
	check_bytes(h, "keys",
	    "0d091b7f011a1b78"		/* Enter Tab Escape BSpace C-a C-z M-x */
	    "1b5b411b5b421b5b441b5b43"	/* arrows */
	    "1b5b317e1b5b347e"		/* Home End */
	    "1b5b357e1b5b367e"		/* PageUp PageDown */
	    "1b4f50"			/* F1 */
	    "1b5b31357e"		/* F5 */
	    "1b5b32347e");		/* F12 */
}

/* Words that are not key names are text; -l makes everything text. */
static void
test_literal(struct harness *h)
{
	struct run	r;

	start_reader(h, "lit", 16);
	CHECK_INT(harness_run(h, &r, "send", "-t", "lit", "ab", "Enter", NULL),
	    0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "send", "-t", "lit", "-l", "Enter",
	    "\303\251\344\270\255", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "send", "-t", "lit", "-l", "C-a", NULL),
	    0);
	run_free(&r);
	check_bytes(h, "lit", "61620d" "456e746572" "c3a9e4b8ad" "432d61");
}

/* An unknown session or a bad target is an error that names it. */
static void
test_errors(struct harness *h)
{
	struct run	r;

	CHECK_INT(harness_run(h, &r, "send", "-t", "nope", "x", NULL), 1);
	CHECK_STR(r.err, "huddle: can't find session: nope\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "send", "-t", "keys:x", "x", NULL), 1);
	CHECK_STR(r.err, "huddle: invalid target: keys:x\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "send", "-t", "keys:5", "x", NULL), 1);
	CHECK_STR(r.err, "huddle: can't find window 5 in session keys\n");
	run_free(&r);
}

int
main(void)
{
	struct harness	h;

	if (harness_init(&h) != 0)
		return (1);
	test_keys(&h);
	test_literal(&h);
	test_errors(&h);
	harness_done(&h);
	UNIT_END();
}
