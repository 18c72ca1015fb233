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

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * The attached client, driven through a pty whose output goes into a libtsm
 * screen of the test's own: what the test reads is what a user would see.
 */

#define WAIT 8000

/* Start a detached session running a shell-like cat loop. */
static int
start_session(struct harness *h, const char *name, const char *cmd)
{
	struct run	r;
	int		status;

	status = harness_run(h, &r, "new", "-d", "-s", name, "-x", "60", "-y",
	    "10", "--", cmd, NULL);
	if (status != 0)
		fprintf(stderr, "new failed: %s", r.err);
	run_free(&r);
	harness_server(h);
	return (status);
}

/* Attach, see the pane, type into it, detach with the prefix key. */
static void
test_attach_detach(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	const char		*args[] = { "attach", "-t", "one", NULL };
	char			*screen;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(start_session(&h, "one", "cat"), 0);
	CHECK_INT(harness_tty_start(&h, &t, 60, 11, "screen-256color", args),
	    0);
	/* The status line shows the session and the client's mode. */
	CHECK_INT(harness_tty_wait(&t, "one", WAIT), 0);
	harness_tty_write(&t, "typed-here\r", 11);
	CHECK_INT(harness_tty_wait(&t, "typed-here", WAIT), 0);
	CHECK_INT(harness_wait_capture(&h, "one", "typed-here", WAIT), 0);
	/* C-b d detaches, restores the terminal and says why. */
	harness_tty_write(&t, "\002d", 2);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	CHECK(t.raw != NULL &&
	    strstr(t.raw, "[detached (from session one)]") != NULL);
	screen = harness_tty_screen(&t);
	CHECK(strstr(screen, "[detached (from session one)]") != NULL);
	free(screen);
	harness_tty_free(&t);
	harness_done(&h);
}

/* The session ending ends the client with [exited] and status 0. */
static void
test_session_exit(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	const char		*args[] = { "attach", "-t", "two", NULL };

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(start_session(&h, "two", "cat"), 0);
	CHECK_INT(harness_tty_start(&h, &t, 60, 11, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait(&t, "two", WAIT), 0);
	harness_run(&h, &r, "kill", "-t", "two", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	CHECK(t.raw != NULL && strstr(t.raw, "[exited]") != NULL);
	harness_tty_free(&t);
	harness_done(&h);
}

/* A client resize reaches the program (stty size inside). */
static void
test_resize(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	const char		*args[] = { "attach", "-t", "three", NULL };

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(start_session(&h, "three", "sh"), 0);
	CHECK_INT(harness_tty_start(&h, &t, 70, 21, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait(&t, "three", WAIT), 0);
	/* 21 rows less the status line. */
	harness_run(&h, &r, "send", "-t", "three", "stty size", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "20 70", WAIT), 0);
	harness_tty_resize(&t, 50, 16);
	harness_run(&h, &r, "send", "-t", "three", "clear; stty size",
	    "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "15 50", WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* An observer sees output but its typing never reaches the pane. */
static void
test_observer(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	const char		*args[] = { "attach", "-r", "-t", "four", NULL };
	char			*cap;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(start_session(&h, "four", "cat"), 0);
	CHECK_INT(harness_tty_start(&h, &t, 60, 11, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait(&t, "observer", WAIT), 0);
	harness_tty_write(&t, "sneaky\r", 7);
	harness_run(&h, &r, "send", "-t", "four", "-l", "visible", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "visible", WAIT), 0);
	cap = harness_capture(&h, "four", NULL);
	CHECK(cap != NULL && strstr(cap, "sneaky") == NULL);
	free(cap);
	harness_tty_free(&t);
	harness_done(&h);
}

int
main(void)
{
	test_attach_detach();
	test_session_exit();
	test_resize();
	test_observer();
	UNIT_END();
}
