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
 * send: key names become the bytes a terminal would send, other words are
 * sent as text, -l sends everything as text (UTF-8 included). A program in
 * the pane prints the bytes it reads, in hex. Then a real shell and real
 * programs driven by send and read back with capture.
 */

#define WAIT 8000

/* Send keys to a session; checks it worked. */
static void
send_keys(struct harness *h, const char *target, ...)
{
	const char	*args[64], *a;
	struct run	 r;
	va_list		 ap;
	int		 n = 0;

	args[n++] = "send";
	args[n++] = "-t";
	args[n++] = target;
	va_start(ap, target);
	while ((a = va_arg(ap, const char *)) != NULL && n < 63)
		args[n++] = a;
	va_end(ap);
	args[n] = NULL;
	CHECK_INT(harness_runv(h, &r, args), 0);
	CHECK_STR(r.err, "");
	run_free(&r);
}

/* Start a session running a command line. */
static void
start(struct harness *h, const char *name, const char *x, const char *cmd)
{
	struct run	r;

	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", name, "-x", x, "-y",
	    "8", "--", cmd, NULL), 0);
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
}

/* Start a pane that reads n raw bytes and prints them in hex. */
static void
start_reader(struct harness *h, const char *name, int n)
{
	char	*cmd;

	xasprintf(&cmd, "stty raw -echo; printf READY; dd bs=1 count=%d "
	    "2>/dev/null | od -An -tx1 | tr -d ' \\n'; printf '|DONE'; "
	    "read x", n);
	start(h, name, "250", cmd);
	free(cmd);
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
test_keys(void)
{
	struct harness	h;

	if (harness_init(&h) != 0)
		return;
	start_reader(&h, "keys", 49);
	send_keys(&h, "keys", "Enter", "Tab", "Escape", "BSpace", "C-a",
	    "C-z", "M-x", "Up", "Down", "Left", "Right", "Home", "End",
	    "PageUp", "PageDown", "F1", "F5", "F12", NULL);
	check_bytes(&h, "keys",
	    "0d091b7f"			/* Enter Tab Escape BSpace */
	    "011a1b78"			/* C-a C-z M-x */
	    "1b5b411b5b421b5b441b5b43"	/* arrows */
	    "1b5b317e1b5b347e"		/* Home End */
	    "1b5b357e1b5b367e"		/* PageUp PageDown */
	    "1b4f50"			/* F1 */
	    "1b5b31357e"		/* F5 */
	    "1b5b32347e");		/* F12 */

	/* Every control letter, every function key. */
	start_reader(&h, "all", 78);
	send_keys(&h, "all", "C-a", "C-b", "C-c", "C-d", "C-e", "C-f", "C-g",
	    "C-h", "C-i", "C-j", "C-k", "C-l", "C-m", "C-n", "C-o", "C-p",
	    "C-q", "C-r", "C-s", "C-t", "C-u", "C-v", "C-w", "C-x", "C-y",
	    "C-z", NULL);
	send_keys(&h, "all", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8",
	    "F9", "F10", "F11", "F12", NULL);
	check_bytes(&h, "all",
	    "0102030405060708090a0b0c0d0e0f10111213141516171819"
	    "1a"
	    "1b4f501b4f511b4f521b4f53"			/* F1-F4 */
	    "1b5b31357e1b5b31377e1b5b31387e1b5b31397e"	/* F5-F8 */
	    "1b5b32307e1b5b32317e1b5b32337e1b5b32347e");	/* F9-F12 */
	harness_done(&h);
}

/* Words that are not key names are text; -l makes everything text. */
static void
test_literal(void)
{
	struct harness	 h;
	char		*big, *want;

	if (harness_init(&h) != 0)
		return;
	start_reader(&h, "lit", 25);
	send_keys(&h, "lit", "ab", "Enter", NULL);
	send_keys(&h, "lit", "-l", "Enter", "\303\251\344\270\255", NULL);
	send_keys(&h, "lit", "-l", "C-a", NULL);
	send_keys(&h, "lit", "\303\251 F13", "a b", NULL);
	check_bytes(&h, "lit", "61620d" "456e746572" "c3a9e4b8ad" "432d61"
	    "c3a920463133" "612062");

	/* A long literal arrives whole and in order. */
	big = xmalloc(3001);
	memset(big, 'x', 3000);
	big[1500] = 'y';
	big[3000] = '\0';
	start(&h, "big", "80", "stty raw -echo; printf READY; dd bs=1 "
	    "count=3000 2>/dev/null | tr -d x; printf '|DONE'; read x");
	CHECK_INT(harness_wait_capture(&h, "big", "READY", WAIT), 0);
	send_keys(&h, "big", "-l", big, NULL);
	free(big);
	xasprintf(&want, "READYy|DONE");
	CHECK_INT(harness_wait_capture(&h, "big", want, WAIT), 0);
	free(want);
	harness_done(&h);
}

/* A real shell, driven by send and read back with capture. */
static void
test_shell(void)
{
	struct harness	 h;
	struct run	 r;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "sh", "-x", "40",
	    "-y", "10", NULL), 0);	/* the user's shell: /bin/sh */
	run_free(&r);
	harness_server(&h);
	send_keys(&h, "sh", "seq 1 3; printf '%s\\n' \"dollar $((6 * 7))\"",
	    "Enter", NULL);
	CHECK_INT(harness_wait_capture(&h, "sh", "dollar 42", WAIT), 0);
	cap = harness_capture(&h, "sh", NULL);
	CHECK(cap != NULL && strstr(cap, "\n1\n2\n3\ndollar 42\n") != NULL);
	free(cap);

	/* C-c interrupts the program in the foreground. */
	send_keys(&h, "sh", "sh -c 'trap \"echo interrupted; exit 0\" INT; "
	    "echo waiting; while :; do sleep 0.1; done'", "Enter", NULL);
	CHECK_INT(harness_wait_capture(&h, "sh", "\nwaiting\n", WAIT), 0);
	send_keys(&h, "sh", "C-c", NULL);
	CHECK_INT(harness_wait_capture(&h, "sh", "interrupted\n", WAIT), 0);
	send_keys(&h, "sh", "echo back at $((40 + 2))", "Enter", NULL);
	CHECK_INT(harness_wait_capture(&h, "sh", "back at 42", WAIT), 0);

	/* Line editing with BSpace, before Enter. */
	send_keys(&h, "sh", "echo typo", "BSpace", "BSpace", "BSpace",
	    "BSpace", "fixed", "Enter", NULL);
	CHECK_INT(harness_wait_capture(&h, "sh", "\nfixed\n", WAIT), 0);

	/* The shell exits: its session ends. */
	send_keys(&h, "sh", "exit", "Enter", NULL);
	CHECK_INT(harness_wait_gone(&h, "sh", WAIT), 0);
	harness_done(&h);
}

/* cat: what is typed is echoed and copied; C-d at a line start ends it. */
static void
test_cat(void)
{
	struct harness	 h;
	struct run	 r;
	char		*cap;

	if (harness_init(&h) != 0)
		return;
	start(&h, "cat", "40", "cat");
	start(&h, "other", "40", "cat");	/* keeps the server up */
	send_keys(&h, "cat", "-l", "hello cat", NULL);
	send_keys(&h, "cat", "Enter", NULL);
	CHECK_INT(harness_wait_capture(&h, "cat", "hello cat\nhello cat\n",
	    WAIT), 0);
	cap = harness_capture(&h, "other", NULL);
	CHECK(cap != NULL && strstr(cap, "hello") == NULL);
	free(cap);
	send_keys(&h, "cat", "C-d", NULL);
	CHECK_INT(harness_wait_gone(&h, "cat", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "other\n");
	run_free(&r);
	harness_done(&h);
}

int
main(void)
{
	test_keys();
	test_literal();
	test_shell();
	test_cat();
	UNIT_END();
}
