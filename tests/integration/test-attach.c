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
#include "term.h"
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

/* Start a session and attach a client to it on a pty. */
static int
attach_to(struct harness *h, struct harness_tty *t, const char *name,
    const char *cmd, u_int sx, u_int sy)
{
	const char	*args[] = { "attach", "-t", name, NULL };

	if (start_session(h, name, cmd) != 0)
		return (-1);
	if (harness_tty_start(h, t, sx, sy, "screen-256color", args) != 0)
		return (-1);
	return (harness_tty_wait(t, name, WAIT));
}

/* The cell at (x, y) of what the client shows. */
static struct cell
shown(struct harness_tty *t, u_int x, u_int y)
{
	struct grid	g;
	struct cell	c;

	grid_init(&g, 1, 1);
	term_snapshot(t->term, &g);
	c = *grid_cell(&g, x, y);
	grid_free(&g);
	return (c);
}

/* Colours, attributes and wide characters reach the user's terminal. */
static void
test_colours(void)
{
	struct harness		h;
	struct harness_tty	t;
	struct run		r;
	struct cell		c;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "col", "sh", 60, 11), 0);
	harness_run(&h, &r, "send", "-t", "col", "clear; printf '\033[1;31m"
	    "R\033[0;4;44mU\033[0;38;5;200mX\033[0m\344\270\255|\n'",
	    "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "RUX\344\270\255|", WAIT), 0);
	c = shown(&t, 0, 0);
	CHECK_INT(c.ch, 'R');
	CHECK_INT(c.fg, 1);
	CHECK(c.attr & CELL_BOLD);
	c = shown(&t, 1, 0);
	CHECK(c.attr & CELL_UNDERLINE);
	CHECK_INT(c.bg, 4);
	c = shown(&t, 2, 0);
	CHECK_INT(c.fg, 200);
	c = shown(&t, 3, 0);
	CHECK_INT(c.ch, 0x4e2d);
	CHECK_INT(c.width, 2);
	CHECK_INT(shown(&t, 5, 0).ch, '|');
	harness_tty_free(&t);
	harness_done(&h);
}

/*
 * Several watchers of changing output each end up showing exactly the
 * pane, cell for cell and colour for colour, whether their frames were made
 * for them or shared with others whose screens were alike.
 */
static void
test_watchers(void)
{
	struct harness		 h;
	struct harness_tty	 t[4];
	struct run		 r;
	struct grid		 want, got;
	u_int			 i, x, y;
	int			 same;
	const char *const	 obs[] = { "attach", "-r", "-t", "many", NULL };

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t[0], "many", "sh", 50, 11), 0);
	for (i = 1; i < 4; i++) {
		CHECK_INT(harness_tty_start(&h, &t[i], 50, 11,
		    "screen-256color", obs), 0);
		CHECK_INT(harness_tty_wait(&t[i], "observer", WAIT), 0);
	}
	harness_run(&h, &r, "send", "-t", "many", "i=0; while [ $i -lt 400 ]; "
	    "do printf '\\033[3%dmline %d \\033[4%dm%s\\033[0m\\n' "
	    "$((i%8)) $i $((i%5)) $(seq -s. 1 $((i%9))); i=$((i+1)); done; "
	    "printf 'DO%s\\n' NE", "Enter", NULL);
	run_free(&r);
	for (i = 0; i < 4; i++)
		CHECK_INT(harness_tty_wait(&t[i], "DONE", WAIT), 0);
	/* Let the last frames land, then compare every cell. */
	for (i = 0; i < 4; i++)
		harness_tty_pump(&t[i], 200);
	grid_init(&want, 1, 1);
	term_snapshot(t[0].term, &want);
	for (i = 1; i < 4; i++) {
		grid_init(&got, 1, 1);
		term_snapshot(t[i].term, &got);
		same = (got.sx == want.sx && got.sy == want.sy);
		/* The status line (last row) says each one's own mode. */
		for (y = 0; same && y + 1 < want.sy; y++) {
			for (x = 0; x < want.sx; x++) {
				struct cell	*a = grid_cell(&want, x, y);
				struct cell	*b = grid_cell(&got, x, y);

				if (a->ch != b->ch || a->fg != b->fg ||
				    a->bg != b->bg || a->attr != b->attr)
					same = 0;
			}
		}
		CHECK(same);
		grid_free(&got);
	}
	grid_free(&want);
	for (i = 0; i < 4; i++)
		harness_tty_free(&t[i]);
	harness_done(&h);
}

/*
 * Synchronized output (mode 2026): what a program draws between the begin
 * and the end reaches clients at once, never half; a begin with no end is
 * given up after half a second.
 */
static void
test_sync(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	char			*screen;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "sync", "sh", 60, 11), 0);
	/* (The words are put together so that the typed line lacks them.) */
	harness_run(&h, &r, "send", "-t", "sync", "printf '\\033[?2026hSY%sA' "
	    "NC-; sleep 0.3; printf 'SY%sB\\033[?2026l\\n' NC-; sleep 0.2; "
	    "printf '\\033[?2026hHE%sD' L; sleep 2; printf '\\033[?2026l'",
	    "Enter", NULL);
	run_free(&r);
	/* The pane has SYNC-A; the client must not show it alone. */
	CHECK_INT(harness_wait_capture(&h, "sync", "SYNC-A", WAIT), 0);
	harness_tty_pump(&t, 150);
	screen = harness_tty_screen(&t);
	CHECK(strstr(screen, "SYNC-A") == NULL ||
	    strstr(screen, "SYNC-ASYNC-B") != NULL);
	free(screen);
	CHECK_INT(harness_tty_wait(&t, "SYNC-ASYNC-B", WAIT), 0);
	/* An update never ended is shown after the longest hold. */
	CHECK_INT(harness_tty_wait(&t, "HELD", WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* The alternate screen: vim's screen while it runs, the shell's after. */
static void
test_alternate(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	char			*screen, *cap;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "alt", "sh", 60, 11), 0);
	harness_run(&h, &r, "send", "-t", "alt", "echo primary-text", "Enter",
	    NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "primary-text\n", WAIT), 0);
	harness_run(&h, &r, "send", "-t", "alt", "vim -u NONE -N", "Enter",
	    NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "~", WAIT), 0);
	CHECK_INT(harness_tty_wait_gone(&t, "primary-text", WAIT), 0);
	/* What the client shows is what capture says. */
	cap = harness_capture(&h, "alt", NULL);
	screen = harness_tty_screen(&t);
	CHECK(cap != NULL && strncmp(screen, cap, strlen(cap) - 1) == 0);
	free(cap);
	free(screen);
	harness_run(&h, &r, "send", "-t", "alt", ":q", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "primary-text", WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* C-b ? shows help, C-b : runs a command, C-b C-b sends C-b. */
static void
test_prefix(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	char			*cap;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "pre", "cat -v", 60, 11), 0);
	harness_tty_write(&t, "\002?", 2);
	CHECK_INT(harness_tty_wait(&t, "key bindings", WAIT), 0);
	harness_tty_write(&t, "x", 1);	/* closes help, is not sent */
	CHECK_INT(harness_tty_wait_gone(&t, "key bindings", WAIT), 0);
	harness_tty_write(&t, "\002:rename renamed\r", 17);
	CHECK_INT(harness_tty_wait(&t, "[renamed]", WAIT), 0);
	harness_run(&h, &r, "has", "-t", "renamed", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_tty_write(&t, "\002\002\r", 3);
	CHECK_INT(harness_wait_capture(&h, "renamed", "^B", WAIT), 0);
	cap = harness_capture(&h, "renamed", NULL);
	CHECK(cap != NULL && strchr(cap, 'x') == NULL);
	free(cap);
	harness_tty_write(&t, "\002r", 2);
	CHECK_INT(harness_tty_wait(&t, "^B", WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* Bracketed paste is on while attached, and mouse only when asked for. */
static void
test_modes(void)
{
	struct harness		h;
	struct harness_tty	t;
	struct run		r;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "mod", "sh", 60, 11), 0);
	CHECK(strstr(t.raw, "\033[?2004h") != NULL);
	CHECK(strstr(t.raw, "\033[?1000h") == NULL);
	harness_run(&h, &r, "send", "-t", "mod",
	    "printf '\033[?1000h\033[?1006h'; echo mouse-on", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "mouse-on\n", WAIT), 0);
	harness_tty_pump(&t, 200);
	CHECK(strstr(t.raw, "\033[?1000h") != NULL);
	harness_run(&h, &r, "send", "-t", "mod",
	    "printf '\033[?1000l'; echo mouse-off", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "mouse-off\n", WAIT), 0);
	harness_tty_pump(&t, 200);
	CHECK(strstr(t.raw, "\033[?1000l") != NULL);
	/* Leaving turns off what it turned on. */
	harness_tty_write(&t, "\002d", 2);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	CHECK(strstr(t.raw, "\033[?2004l") != NULL);
	harness_tty_free(&t);
	harness_done(&h);
}

/* The server's resident memory, from /proc. */
static long
rss_kb(pid_t pid)
{
	char	 path[64], *status, *p;
	long	 kb = -1;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	status = harness_read_file(path, NULL);
	if (status != NULL && (p = strstr(status, "VmRSS:")) != NULL)
		kb = strtol(p + 6, NULL, 10);
	free(status);
	return (kb);
}

/* A stalled client (never read) does not hold up another or grow memory. */
static void
test_stalled(void)
{
	struct harness		h;
	struct harness_tty	fast, slow;
	struct run		r;
	const char		*args[] = { "attach", "-t", "flood", NULL };
	long			before, after;

	if (harness_init(&h) != 0)
		return;
	/* AddressSanitizer keeps freed memory in quarantine: turn that off so
	 * the server's RSS means what it says. */
	setenv("ASAN_OPTIONS", "quarantine_size_mb=0", 1);
	CHECK_INT(start_session(&h, "flood", "sh"), 0);
	unsetenv("ASAN_OPTIONS");
	CHECK_INT(harness_tty_start(&h, &slow, 60, 11, "screen-256color",
	    args), 0);
	CHECK_INT(harness_tty_wait(&slow, "flood", WAIT), 0);
	CHECK_INT(harness_tty_start(&h, &fast, 60, 11, "screen-256color",
	    args), 0);
	CHECK_INT(harness_tty_wait(&fast, "flood", WAIT), 0);
	before = rss_kb(h.server_pid);
	/* From here on the slow client's pty is never read. */
	harness_run(&h, &r, "send", "-t", "flood",
	    "seq 1 300000; echo flood-done", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&fast, "flood-done", 60000), 0);
	after = rss_kb(h.server_pid);
	printf("server RSS %ld kB before, %ld kB after the flood\n", before,
	    after);
	CHECK(before > 0 && after > 0 && after - before < 16 * 1024);
	/* The slow client catches up when it reads again. */
	CHECK_INT(harness_tty_wait(&slow, "flood-done", 60000), 0);
	harness_tty_free(&fast);
	harness_tty_free(&slow);
	harness_done(&h);
}

/* A paste arrives bracketed only when the program asked for it. */
static void
test_paste(void)
{
	struct harness		h;
	struct harness_tty	t;
	const char		*cmd = "stty raw -echo; printf '\\033[?2004h'; "
				    "printf READY; dd bs=1 count=14 2>/dev/null | "
				    "od -An -tx1 | tr -d ' \\n'; printf '|DONE'; "
				    "read x";

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "paste", cmd, 100, 11), 0);
	CHECK_INT(harness_tty_wait(&t, "READY", WAIT), 0);
	harness_tty_write(&t, "\033[200~hi\033[201~", 14);
	CHECK_INT(harness_tty_wait(&t, "1b5b3230307e68691b5b3230317e|DONE",
	    WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* OSC 52 reaches operators only, and only with set-clipboard on. */
static void
test_clipboard(void)
{
	struct harness		h;
	struct harness_tty	op, ob;
	struct run		r;
	const char		*obs[] = { "attach", "-r", "-t", "clip", NULL };

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &op, "clip", "sh", 60, 11), 0);
	CHECK_INT(harness_tty_start(&h, &ob, 60, 11, "screen-256color", obs),
	    0);
	CHECK_INT(harness_tty_wait(&ob, "observer", WAIT), 0);
	harness_run(&h, &r, "send", "-t", "clip",
	    "printf '\\033]52;c;b2ZmCg==\\007'; echo first", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&op, "first\n", WAIT), 0);
	CHECK(strstr(op.raw, "\033]52;") == NULL);
	harness_run(&h, &r, "set", "set-clipboard", "on", NULL);
	run_free(&r);
	harness_run(&h, &r, "send", "-t", "clip",
	    "printf '\\033]52;c;aGVsbG8=\\007'; echo second", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&op, "second\n", WAIT), 0);
	CHECK_INT(harness_tty_wait(&ob, "second\n", WAIT), 0);
	harness_tty_pump(&op, 200);
	CHECK(strstr(op.raw, "\033]52;c;aGVsbG8=\007") != NULL);
	CHECK(strstr(ob.raw, "\033]52;") == NULL);
	harness_tty_free(&ob);
	harness_tty_free(&op);
	harness_done(&h);
}

/* SIGTERM to the client, and the server going away, restore and say so. */
static void
test_leaving(void)
{
	struct harness		h;
	struct harness_tty	t;
	struct run		r;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "bye", "cat", 60, 11), 0);
	kill(t.pid, SIGTERM);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 1);
	CHECK(strstr(t.raw, "[terminated]") != NULL);
	CHECK(strstr(t.raw, "\033[?2004l") != NULL);
	harness_tty_free(&t);
	{
		const char	*args[] = { "attach", "-t", "bye", NULL };

		CHECK_INT(harness_tty_start(&h, &t, 60, 11,
		    "screen-256color", args), 0);
		CHECK_INT(harness_tty_wait(&t, "bye", WAIT), 0);
	}
	harness_run(&h, &r, "kill-server", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	CHECK(strstr(t.raw, "[server exited]") != NULL);
	harness_tty_free(&t);
	harness_done(&h);
}

/* The status line can go to the top, or away. */
static void
test_status_options(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	char			*screen;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(attach_to(&h, &t, "st", "cat", 40, 6), 0);
	harness_run(&h, &r, "set", "status-position", "top", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&t, "[st] operator", WAIT), 0);
	harness_tty_pump(&t, 300);
	screen = harness_tty_screen(&t);
	CHECK(strncmp(screen, "[st] operator", 13) == 0);
	free(screen);
	harness_run(&h, &r, "set", "status", "off", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait_gone(&t, "[st]", WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* Send MSG_ATTACH for a target on a raw connection. */
static void
send_attach(struct harness_peer *p, const char *target)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_ATTACH);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_string(&b, target);
	msg_put_u8(&b, 0);
	harness_peer_send(p, &b);
}

/*
 * An attach that fails is answered with MSG_ERROR and the connection is
 * closed; the client prints one line and exits 1.
 */
static void
test_attach_fails(void)
{
	struct harness		 h;
	struct harness_peer	 p;
	struct harness_tty	 t;
	const char		*args[] = { "attach", "-t", "nope\033", NULL };
	char			*text = NULL;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(start_session(&h, "here", "cat"), 0);
	CHECK_INT(harness_peer_open(&h, &p, MSG_KIND_ATTACH, 80, 24), 0);
	send_attach(&p, "nope");
	CHECK_INT(harness_peer_read(&p, WAIT), 0);
	CHECK_INT(p.type, MSG_ERROR);
	if (p.type == MSG_ERROR && p.size >= 4)
		text = (char *)p.payload + 4;
	CHECK_STR(text, "can't find session: nope");
	CHECK(harness_peer_read(&p, WAIT) == -1 && p.payload == NULL);
	harness_peer_close(&p);

	/* The real client: one line, exit 1, the terminal untouched. */
	CHECK_INT(harness_tty_start(&h, &t, 60, 11, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 1);
	CHECK_STR(t.raw, "huddle: can't find session: nope\\033\r\n");
	harness_tty_free(&t);
	harness_done(&h);
}

int
main(void)
{
	test_attach_fails();
	test_paste();
	test_clipboard();
	test_leaving();
	test_status_options();
	test_colours();
	test_alternate();
	test_sync();
	test_watchers();
	test_prefix();
	test_modes();
	test_stalled();
	test_attach_detach();
	test_session_exit();
	test_resize();
	test_observer();
	UNIT_END();
}
