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
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * Real programs through the VT filter and libtsm: vim started, edited with
 * arrow keys and saved, its screen intact after start-up; less with arrows
 * and search; the primary screen restored after the alternate screen; and
 * application cursor keys and bracketed paste arriving as the program asked.
 */

#define WAIT 10000

/* Send keys to a session. */
static void
send_keys(struct harness *h, const char *target, ...)
{
	const char	*args[32], *a;
	struct run	 r;
	va_list		 ap;
	int		 n = 0;

	args[n++] = "send";
	args[n++] = "-t";
	args[n++] = target;
	va_start(ap, target);
	while ((a = va_arg(ap, const char *)) != NULL && n < 31)
		args[n++] = a;
	va_end(ap);
	args[n] = NULL;
	harness_runv(h, &r, args);
	CHECK_INT(r.status, 0);
	run_free(&r);
}

/* vim: start-up leaves its screen alone; edit with arrows; save. */
static void
test_vim(struct harness *h)
{
	struct run	 r;
	char		 path[512], *text, *cap;
	FILE		*f;

	if (access("/usr/bin/vim", X_OK) != 0) {
		printf("vim not installed: skipped\n");
		return;
	}
	snprintf(path, sizeof path, "%s/file.txt", h->dir);
	f = fopen(path, "w");
	fputs("line one\nline two\nline three\n", f);
	fclose(f);
	harness_run(h, &r, "new", "-d", "-s", "vim", "-x", "60", "-y", "12",
	    "--", "vim", "-u", "NONE", "-N", path, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
	CHECK_INT(harness_wait_capture(h, "vim", "line three", WAIT), 0);
	/* vim's DECRQM at start-up must not throw it off the alternate
	 * screen: its tildes are still there a moment later. */
	CHECK_INT(harness_wait_capture(h, "vim", "~", WAIT), 0);
	send_keys(h, "vim", "Down", "Down", "End", "a", "!", "Escape", "Up",
	    "Home", "i", ">", "Escape", NULL);
	CHECK_INT(harness_wait_capture(h, "vim", ">line two", WAIT), 0);
	CHECK_INT(harness_wait_capture(h, "vim", "line three!", WAIT), 0);
	cap = harness_capture(h, "vim", NULL);
	CHECK(cap != NULL && strncmp(cap, "line one\n>line two\nline three!\n~",
	    32) == 0);
	free(cap);
	send_keys(h, "vim", ":wq", "Enter", NULL);
	CHECK_INT(harness_wait_gone(h, "vim", WAIT), 0);
	text = harness_read_file(path, NULL);
	CHECK_STR(text, "line one\n>line two\nline three!\n");
	free(text);
}

/* less: arrows scroll, / searches; quitting restores the primary screen. */
static void
test_less(struct harness *h)
{
	struct run	 r;
	char		*cap;

	if (access("/usr/bin/less", X_OK) != 0) {
		printf("less not installed: skipped\n");
		return;
	}
	harness_run(h, &r, "new", "-d", "-s", "less", "-x", "40", "-y", "8",
	    NULL);
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
	send_keys(h, "less", "echo before-less", "Enter", NULL);
	CHECK_INT(harness_wait_capture(h, "less", "before-less\n", WAIT), 0);
	send_keys(h, "less", "seq 1 100 | less", "Enter", NULL);
	CHECK_INT(harness_wait_capture(h, "less", "\n7\n:", WAIT), 0);
	send_keys(h, "less", "Down", "Down", NULL);
	CHECK_INT(harness_wait_capture(h, "less", "3\n4\n", WAIT), 0);
	cap = harness_capture(h, "less", NULL);
	CHECK(cap != NULL && strncmp(cap, "3\n", 2) == 0);
	free(cap);
	send_keys(h, "less", "/50", "Enter", NULL);
	CHECK_INT(harness_wait_capture(h, "less", "50\n51\n", WAIT), 0);
	send_keys(h, "less", "q", NULL);
	CHECK_INT(harness_wait_capture(h, "less", "before-less", WAIT), 0);
	cap = harness_capture(h, "less", NULL);
	CHECK(cap != NULL && strstr(cap, "51") == NULL);
	free(cap);
}

/* Start a pane that shows the bytes it reads after setting a mode. */
static void
start_reader(struct harness *h, const char *name, const char *mode, int n)
{
	struct run	 r;
	char		*cmd;

	xasprintf(&cmd, "stty raw -echo; printf '%s'; printf READY; "
	    "dd bs=1 count=%d 2>/dev/null | od -An -tx1 | tr -d ' \\n'; "
	    "printf '|DONE'; read x", mode, n);
	harness_run(h, &r, "new", "-d", "-s", name, "-x", "120", "-y", "4",
	    "--", cmd, NULL);
	run_free(&r);
	free(cmd);
	if (h->server_pid == 0)
		harness_server(h);
	CHECK_INT(harness_wait_capture(h, name, "READY", WAIT), 0);
}

/* Application cursor keys and bracketed paste, as the program asked. */
static void
test_modes(struct harness *h)
{
	struct run	r;

	/* DECCKM on: Up is SS3 A. */
	start_reader(h, "ckm", "\\033[?1h", 6);
	send_keys(h, "ckm", "Up", "Down", NULL);
	CHECK_INT(harness_wait_capture(h, "ckm", "READY1b4f411b4f42|DONE",
	    WAIT), 0);
	/* Keypad application mode. */
	start_reader(h, "kp", "\\033=", 3);
	send_keys(h, "kp", "KP1", NULL);
	CHECK_INT(harness_wait_capture(h, "kp", "READY1b4f71|DONE", WAIT), 0);
	/* After a reset (RIS) the modes are off again. */
	start_reader(h, "ris", "\\033[?1h\\033c", 3);
	send_keys(h, "ris", "Up", NULL);
	CHECK_INT(harness_wait_capture(h, "ris", "READY1b5b41|DONE", WAIT), 0);
	/* The mode is what the filter says it is. */
	harness_run(h, &r, "capture", "-t", "ris", NULL);
	run_free(&r);
}

int
main(void)
{
	struct harness	h;

	if (harness_init(&h) != 0)
		return (1);
	test_vim(&h);
	test_less(&h);
	test_modes(&h);
	harness_done(&h);
	UNIT_END();
}
