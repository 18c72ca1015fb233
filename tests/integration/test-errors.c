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
#include <sys/socket.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * Errors: every failure is one line, "huddle: ...", on standard error, with
 * exit status 1, or 2 for a usage error; nothing changes when a request is
 * refused. A peer that sends garbage loses only its own connection.
 */

#define WAIT 8000

/*
 * Check a failed run: its status, nothing on standard output, and exactly
 * one line on standard error. A want ending in a newline is the whole line;
 * otherwise the line must start with it.
 */
#define CHECK_FAIL(r, st, want) check_fail(__LINE__, (r), (st), (want))
static void
check_fail(int line, struct run *r, int status, const char *want)
{
	const char	*err = r->err != NULL ? r->err : "";
	size_t		 len = strlen(err), wlen = strlen(want);
	int		 ok;

	ok = r->status == status && r->out != NULL && *r->out == '\0' &&
	    len > 0 && err[len - 1] == '\n' && strchr(err, '\n') ==
	    err + len - 1 && strncmp(err, "huddle: ", 8) == 0;
	if (wlen > 0 && want[wlen - 1] == '\n')
		ok = ok && strcmp(err, want) == 0;
	else
		ok = ok && strncmp(err, want, wlen) == 0;
	unit_checks++;
	if (!ok) {
		fprintf(stderr, "%s:%d: failure not as expected: status %d "
		    "(expected %d), stdout \"%s\"\n  stderr:   ", __FILE__,
		    line, r->status, status, r->out != NULL ? r->out : "");
		unit_dump((const u_char *)err, len);
		fprintf(stderr, "\n  expected: ");
		unit_dump((const u_char *)want, wlen);
		fprintf(stderr, "\n");
		unit_failures++;
	}
	run_free(r);
}

/* The session names, one a line, as ls lists them. */
static char *
names(struct harness *h)
{
	struct run	r;

	harness_run(h, &r, "ls", "-F", "#{session_name}", NULL);
	free(r.err);
	return (r.out);
}

/* Usage errors: exit 2, one line naming the problem, and no server. */
static void
test_usage(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*bad[] = { NULL, "-Z", "ls", NULL };
	const char	*nov[] = { NULL, "-S", NULL };
	const char	*ver[] = { NULL, "-V", NULL };

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "frobnicate", NULL);
	CHECK_FAIL(&r, 2, "huddle: unknown command: frobnicate\n");
	harness_run(&h, &r, "s", NULL);
	CHECK_FAIL(&r, 2, "huddle: ambiguous command: s\n");
	harness_run(&h, &r, "new", "-Z", NULL);
	CHECK_FAIL(&r, 2, "huddle: unknown flag -Z; usage: huddle new [-dP] ");
	harness_run(&h, &r, "ls", "--frob", NULL);
	CHECK_FAIL(&r, 2, "huddle: unknown flag --frob; usage: huddle ls "
	    "[--json] [-F format]\n");
	harness_run(&h, &r, "ls", "--json=1", NULL);
	CHECK_FAIL(&r, 2, "huddle: --json takes no value; usage: huddle ls ");
	harness_run(&h, &r, "ls", "-F", NULL);
	CHECK_FAIL(&r, 2, "huddle: -F needs a value; usage: huddle ls "
	    "[--json] [-F format]\n");
	harness_run(&h, &r, "new", "-d", "-x", NULL);
	CHECK_FAIL(&r, 2, "huddle: -x needs a value; usage: huddle new ");
	harness_run(&h, &r, "has", "-t", "x", "extra", NULL);
	CHECK_FAIL(&r, 2, "huddle: too many arguments; usage: huddle has ");
	harness_run(&h, &r, "rename", NULL);
	CHECK_FAIL(&r, 2, "huddle: too few arguments; usage: huddle rename ");
	harness_run(&h, &r, "capture-pane", "-q", NULL);
	CHECK_FAIL(&r, 2, "huddle: unknown flag -q; usage: huddle capture ");
	harness_run(&h, &r, "fo\no", NULL);
	CHECK_FAIL(&r, 2, "huddle: unknown command: fo");

	/* The global flags too. */
	bad[0] = nov[0] = ver[0] = h.bin;
	harness_run_raw(&h, &r, bad, NULL);
	CHECK_FAIL(&r, 2, "huddle: ");
	harness_run_raw(&h, &r, nov, NULL);
	CHECK_FAIL(&r, 2, "huddle: ");
	CHECK_INT(harness_run_raw(&h, &r, ver, NULL), 0);
	CHECK(strncmp(r.out, "huddle ", 7) == 0);
	CHECK_STR(r.err, "");
	run_free(&r);

	/* A usage error needs no server and starts none. */
	CHECK(access(h.sock, F_OK) != 0);
	harness_done(&h);
}

/* With no server, each command says so; only new starts one. */
static void
test_no_server(void)
{
	struct harness	 h;
	struct run	 r;
	char		 want[600];

	if (harness_init(&h) != 0)
		return;
	snprintf(want, sizeof want, "huddle: no server running on %s\n",
	    h.sock);
	harness_run(&h, &r, "ls", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "ls", "--json", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "send", "-t", "x", "a", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "capture", "-t", "x", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "rename", "-t", "x", "y", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "kill", "-t", "x", NULL);
	CHECK_FAIL(&r, 1, want);
	harness_run(&h, &r, "kill-server", NULL);
	CHECK_FAIL(&r, 1, want);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "x", NULL), 1);
	CHECK_STR(r.out, "");
	run_free(&r);
	CHECK(access(h.sock, F_OK) != 0);

	/* A socket that cannot be made: in a missing directory, too long. */
	harness_run_env(&h, &r, NULL, "-S", "/nonexistent-huddle/sock", "new",
	    "-d", NULL);
	CHECK_FAIL(&r, 1, "huddle: couldn't create socket "
	    "/nonexistent-huddle/sock: No such file or directory\n");
	memset(want, 'x', 300);
	want[0] = '/';
	want[300] = '\0';
	harness_run_env(&h, &r, NULL, "-S", want, "new", "-d", NULL);
	CHECK_FAIL(&r, 1, "huddle: ");
	harness_done(&h);
}

/* Unknown, ambiguous and malformed targets say which, and change nothing. */
static void
test_targets(void)
{
	struct harness	 h;
	struct run	 r;
	char		*before, *after;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "build1", NULL);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "new", "-d", "-s", "build2", NULL);
	run_free(&r);
	before = names(&h);
	CHECK_STR(before, "build1\nbuild2\n");

	harness_run(&h, &r, "send", "-t", "nope", "x", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find session: nope\n");
	harness_run(&h, &r, "capture", "-t", "nope", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find session: nope\n");
	harness_run(&h, &r, "kill", "-t", "nope", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find session: nope\n");
	harness_run(&h, &r, "rename", "-t", "nope", "x", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find session: nope\n");
	CHECK_INT(harness_run(&h, &r, "has", "-t", "nope", NULL), 1);
	CHECK_STR(r.out, "");
	CHECK_STR(r.err, "");
	run_free(&r);

	harness_run(&h, &r, "kill", "-t", "build", NULL);
	CHECK_FAIL(&r, 1, "huddle: more than one session matches: build\n");
	harness_run(&h, &r, "send", "-t", "build1:x", "x", NULL);
	CHECK_FAIL(&r, 1, "huddle: invalid target: build1:x\n");
	harness_run(&h, &r, "send", "-t", "build1:5", "x", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find window 5 in session build1\n");
	harness_run(&h, &r, "capture", "-t", "build1:0.3", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find pane 3 in session build1\n");
	harness_run(&h, &r, "rename", "-t", "build1", "build2", NULL);
	CHECK_FAIL(&r, 1, "huddle: duplicate session: build2\n");
	harness_run(&h, &r, "rename", "-t", "build1", "", NULL);
	CHECK_FAIL(&r, 1, "huddle: empty session name\n");
	harness_run(&h, &r, "capture", "-t", "build1", "-S", "x", NULL);
	CHECK_FAIL(&r, 1, "huddle: -S: not a line number: x\n");

	/* A name holding a newline still makes one line. */
	harness_run(&h, &r, "kill", "-t", "no\nsuch", NULL);
	CHECK_FAIL(&r, 1, "huddle: can't find session: no");

	after = names(&h);
	CHECK_STR(after, before);
	free(before);
	free(after);
	harness_done(&h);
}

/* A session that cannot start is not created. */
static void
test_new_fails(void)
{
	struct harness	 h;
	struct run	 r;
	char		*list;
	pid_t		 pid;

	if (harness_init(&h) != 0)
		return;
	/* On a server that has sessions. */
	harness_run(&h, &r, "new", "-d", "-s", "keep", NULL);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "new", "-d", "-s", "nodir", "-c",
	    "/nonexistent-huddle", NULL);
	CHECK_FAIL(&r, 1, "huddle: couldn't change to directory "
	    "/nonexistent-huddle: No such file or directory\n");
	harness_run(&h, &r, "new", "-d", "-s", "noprog", "--",
	    "/nonexistent-huddle/prog", "arg", NULL);
	CHECK_FAIL(&r, 1, "huddle: couldn't run /nonexistent-huddle/prog: No "
	    "such file or directory\n");
	harness_run(&h, &r, "new", "-d", "-s", "", NULL);
	CHECK_FAIL(&r, 1, "huddle: empty session name\n");
	harness_run(&h, &r, "new", "-d", "-s", "keep", NULL);
	CHECK_FAIL(&r, 1, "huddle: duplicate session: keep\n");
	harness_run(&h, &r, "new", "-d", "-x", "wide", NULL);
	CHECK_FAIL(&r, 1, "huddle: width not a number: wide\n");
	list = names(&h);
	CHECK_STR(list, "keep\n");
	free(list);
	harness_run(&h, &r, "kill-server", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_pid(h.server_pid, WAIT), 0);

	/* On a fresh server: the error, then the idle server goes away. */
	harness_run(&h, &r, "new", "-d", "-c", "/nonexistent-huddle", NULL);
	CHECK_FAIL(&r, 1, "huddle: couldn't change to directory "
	    "/nonexistent-huddle: No such file or directory\n");
	if ((pid = harness_server(&h)) > 0) {
		list = names(&h);
		CHECK_STR(list, "");
		free(list);
		CHECK_INT(harness_wait_pid(pid, 4 * WAIT), 0);
	}
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);
	harness_done(&h);
}

/* Read from a raw connection until it closes; 0 if it did in time. */
static int
read_to_close(int fd, u_char *buf, size_t size, size_t *len)
{
	struct pollfd	pfd;
	long long	deadline = harness_now_ms() + WAIT;
	ssize_t		n;
	int		timeout;

	*len = 0;
	pfd.fd = fd;
	pfd.events = POLLIN;
	while ((timeout = (int)(deadline - harness_now_ms())) > 0) {
		if (poll(&pfd, 1, timeout) <= 0)
			continue;
		n = read(fd, buf + *len, size - *len);
		if (n <= 0)
			return (0);
		*len += n;
		if (*len == size)
			*len = 0;	/* only the start matters */
	}
	return (-1);
}

/*
 * Send bytes on a new connection, not closing our side: the server must
 * close it. With expect, its answer must be MSG_ERROR holding that text.
 */
#define SEND_BAD(h, buf, len, expect) \
	send_bad(__LINE__, (h), (buf), (len), (expect))
static void
send_bad(int line, struct harness *h, const void *buf, size_t len,
    const char *expect)
{
	u_char			 reply[65536];
	struct msg_reader	 mr;
	uint32_t		 type = 0;
	size_t			 got, size;
	char			*text = NULL;
	int			 fd, closed;

	if ((fd = harness_connect(h)) == -1) {
		fprintf(stderr, "%s:%d: can't connect\n", __FILE__, line);
		CHECK(0);
		return;
	}
	if (write(fd, buf, len) != (ssize_t)len)
		fprintf(stderr, "%s:%d: short write\n", __FILE__, line);
	closed = read_to_close(fd, reply, sizeof reply, &got) == 0;
	close(fd);
	if (!closed)
		fprintf(stderr, "%s:%d: server kept the connection\n",
		    __FILE__, line);
	CHECK(closed);
	if (expect == NULL)
		return;
	if (msg_parse_check(reply, got, &type, &size) == MSG_PARSE_OK) {
		msg_reader_init(&mr, reply + MSG_HEADER_SIZE, size);
		if (msg_get_string(&mr, &text) != 0)
			text = NULL;
	}
	if (type != MSG_ERROR || text == NULL || strcmp(text, expect) != 0)
		fprintf(stderr, "%s:%d: reply type %u \"%s\", expected "
		    "\"%s\"\n", __FILE__, line, type, text != NULL ? text : "",
		    expect);
	CHECK_INT(type, MSG_ERROR);
	CHECK_STR(text, expect);
	free(text);
}

/* Send bytes on a new connection and end our side: the server must close. */
#define SEND_EOF(h, buf, len) send_eof(__LINE__, (h), (buf), (len))
static void
send_eof(int line, struct harness *h, const void *buf, size_t len)
{
	u_char	reply[4096];
	size_t	got;
	int	fd, closed;

	if ((fd = harness_connect(h)) == -1) {
		fprintf(stderr, "%s:%d: can't connect\n", __FILE__, line);
		CHECK(0);
		return;
	}
	if (len != 0 && write(fd, buf, len) != (ssize_t)len)
		fprintf(stderr, "%s:%d: short write\n", __FILE__, line);
	shutdown(fd, SHUT_WR);
	closed = read_to_close(fd, reply, sizeof reply, &got) == 0;
	close(fd);
	if (!closed)
		fprintf(stderr, "%s:%d: server kept the connection\n",
		    __FILE__, line);
	CHECK(closed);
}

/* A hello for the current protocol, maybe followed by more. */
static void
hello(struct msg_buf *b, uint32_t version, uint8_t kind)
{
	msg_buf_init(b, MSG_HELLO);
	msg_put_u32(b, version);
	msg_put_u8(b, kind);
	msg_put_string(b, "xterm");
	msg_put_u16(b, 80);
	msg_put_u16(b, 24);
	msg_put_u8(b, MSG_VIA_LOCAL);
	msg_buf_finish(b);
}

/* Send a hello, then another message of type with a raw payload. */
static void
send_after_hello(struct harness *h, uint32_t type, const void *payload,
    size_t len)
{
	struct msg_buf	b;
	u_char		buf[1024];
	size_t		n;

	hello(&b, HUDDLE_PROTOCOL_VERSION, MSG_KIND_COMMAND);
	memcpy(buf, b.data, b.len);
	n = b.len;
	msg_buf_free(&b);
	buf[n++] = type >> 24;
	buf[n++] = type >> 16;
	buf[n++] = type >> 8;
	buf[n++] = type;
	buf[n++] = len >> 24;
	buf[n++] = len >> 16;
	buf[n++] = len >> 8;
	buf[n++] = len;
	memcpy(buf + n, payload, len);
	SEND_BAD(h, buf, n + len, NULL);
}

/*
 * Messages by hand: a header (u32 type, u32 length), then the payload. A
 * length of 2 GiB; one byte over the limit; a command before hello; a
 * truncated hello; a hello of the version alone; a command claiming 1000
 * arguments and holding none; a header promising more than comes.
 */
static const u_char bad_huge[] = { 0, 0, 0, 100, 0x7f, 0xff, 0xff, 0xff };
static const u_char bad_over[] = { 0, 0, 0, 1, 0, 0x10, 0, 1 };
static const u_char bad_early[] = { 0, 0, 0, 100, 0, 0, 0, 0 };
static const u_char bad_hello[] = { 0, 0, 0, 1, 0, 0, 0, 3, 'a', 'b', 'c' };
static const u_char bad_version[] = { 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1 };
static const u_char bad_argc[] = { 0, 0, 3, 0xe8, 0, 0, 0, 0 };
static const u_char bad_half[] = { 0, 0, 0, 1, 0, 0, 0, 200, 0, 0, 0, 1 };

/* Garbage, oversize, early and malformed messages cost one connection. */
static void
test_protocol(void)
{
	struct harness	 h;
	struct run	 r;
	struct msg_buf	 b;
	u_char		 junk[64];
	int		 idle[20], i;
	pid_t		 pid;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "survivor", "--", "cat", NULL);
	run_free(&r);
	pid = harness_server(&h);
	harness_run(&h, &r, "send", "-t", "survivor", "before", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, "survivor", "before", WAIT), 0);

	SEND_BAD(&h, "garbage garbage garbage", 23, NULL);
	SEND_BAD(&h, bad_huge, sizeof bad_huge, NULL);
	SEND_BAD(&h, bad_over, sizeof bad_over, NULL);	/* 1 MiB + 1 */
	SEND_BAD(&h, bad_early, sizeof bad_early, NULL);
	SEND_BAD(&h, bad_hello, sizeof bad_hello, NULL);
	SEND_BAD(&h, bad_version, sizeof bad_version, NULL);
	for (i = 0; i < (int)sizeof junk; i++)
		junk[i] = (u_char)(i * 37 + 11);
	SEND_BAD(&h, junk, sizeof junk, NULL);
	SEND_EOF(&h, bad_half, 4);		/* half a header, then EOF */
	SEND_EOF(&h, bad_half, sizeof bad_half);	/* half a message */
	SEND_EOF(&h, "", 0);			/* nothing at all */

	/* Another protocol version gets an answer naming both. */
	hello(&b, 99, MSG_KIND_COMMAND);
	SEND_BAD(&h, b.data, b.len,
	    "protocol version mismatch (client 99, server 1)");
	msg_buf_free(&b);
	hello(&b, HUDDLE_PROTOCOL_VERSION, 9);		/* unknown kind */
	SEND_BAD(&h, b.data, b.len, NULL);
	msg_buf_free(&b);

	/* After a good hello: a second hello, the wrong kind, bad fields. */
	hello(&b, HUDDLE_PROTOCOL_VERSION, MSG_KIND_COMMAND);
	send_after_hello(&h, MSG_HELLO, b.data + MSG_HEADER_SIZE,
	    b.len - MSG_HEADER_SIZE);
	msg_buf_free(&b);
	send_after_hello(&h, MSG_ATTACH, "", 0);
	send_after_hello(&h, MSG_KEY, "\0\0\0\0\0\0\0\x61", 8);
	send_after_hello(&h, MSG_COMMAND, bad_argc, sizeof bad_argc);
	send_after_hello(&h, 9999, "xyz", 3);

	/*
	 * Connections that say nothing, or stop half-way through a message,
	 * hold up no one else.
	 */
	for (i = 0; i < 20; i++) {
		idle[i] = harness_connect(&h);
		if (i % 2 == 1 && idle[i] != -1 &&
		    write(idle[i], bad_half, sizeof bad_half) !=
		    sizeof bad_half)
			CHECK(0);
	}
	CHECK_INT(harness_run(&h, &r, "has", "-t", "survivor", NULL), 0);
	run_free(&r);
	for (i = 0; i < 20; i++) {
		if (idle[i] != -1)
			close(idle[i]);
	}

	/* The server and the session are as they were. */
	CHECK_INT(harness_server(&h), pid);
	harness_run(&h, &r, "send", "-t", "survivor", "after", "Enter", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, "survivor", "after", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "survivor\n");
	run_free(&r);
	harness_done(&h);
}

/* Whether a run failed with status and exactly this one line on stderr. */
static int
one_line(struct run *r, int status, const char *want)
{
	int	ok;

	ok = r->status == status && r->err != NULL &&
	    strcmp(r->err, want) == 0;
	if (!ok)
		fprintf(stderr, "status %d, stderr \"%s\", expected \"%s\"\n",
		    r->status, r->err != NULL ? r->err : "", want);
	run_free(r);
	return (ok);
}

/* Bad global flags: one line each, exit 2, like a command's bad flags. */
static void
test_global_flags(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*bad[] = { NULL, "-Z", "ls", NULL };
	const char	*nov[] = { NULL, "-S", NULL };
	const char	*nof[] = { NULL, "-vf", NULL };
	const char	*lng[] = { NULL, "--frob", "ls", NULL };
	const char	*ctl[] = { NULL, "-\033", "ls", NULL };
	const char	*usage = "; usage: huddle [-vV] [-f file] "
			    "[-L socket-name | -S socket-path] "
			    "[command [flags]]\n";
	char		 want[300];

	if (harness_init(&h) != 0)
		return;
	bad[0] = nov[0] = nof[0] = lng[0] = ctl[0] = h.bin;
	harness_run_raw(&h, &r, bad, NULL);
	snprintf(want, sizeof want, "huddle: unknown flag -Z%s", usage);
	CHECK(one_line(&r, 2, want));
	harness_run_raw(&h, &r, nov, NULL);
	snprintf(want, sizeof want, "huddle: -S needs a value%s", usage);
	CHECK(one_line(&r, 2, want));
	harness_run_raw(&h, &r, nof, NULL);
	snprintf(want, sizeof want, "huddle: -f needs a value%s", usage);
	CHECK(one_line(&r, 2, want));
	harness_run_raw(&h, &r, lng, NULL);
	snprintf(want, sizeof want, "huddle: unknown flag --frob%s", usage);
	CHECK(one_line(&r, 2, want));
	harness_run_raw(&h, &r, ctl, NULL);
	snprintf(want, sizeof want, "huddle: unknown flag -\\033%s", usage);
	CHECK(one_line(&r, 2, want));
	CHECK(access(h.sock, F_OK) != 0);	/* a usage error starts none */
	harness_done(&h);
}

/*
 * What the user gave (names, targets, options, paths, commands) is escaped
 * in error lines: one line, no control character reaches the terminal.
 */
static void
test_errors_escaped(void)
{
	struct harness	h;
	struct run	r;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "fo\no", NULL);
	CHECK(one_line(&r, 2, "huddle: unknown command: fo\\no\n"));
	harness_run(&h, &r, "ls", "--a\033[2Jb", NULL);
	CHECK(one_line(&r, 2, "huddle: unknown flag --a\\033[2Jb; usage: "
	    "huddle ls [--json] [-F format]\n"));
	harness_run(&h, &r, "new", "-d", "-s", "one", "--", "cat", NULL);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "kill", "-t", "a\nb", NULL);
	CHECK(one_line(&r, 1, "huddle: can't find session: a\\nb\n"));
	harness_run(&h, &r, "send", "-t", "one:\r", "x", NULL);
	CHECK(one_line(&r, 1, "huddle: invalid target: one:\\r\n"));
	harness_run(&h, &r, "capture", "-t", "\xff\xfe", NULL);
	CHECK(one_line(&r, 1, "huddle: can't find session: \\377\\376\n"));
	harness_run(&h, &r, "new", "-d", "-s", "x\ty", NULL);
	CHECK(one_line(&r, 1, "huddle: invalid session name: x\\ty\n"));
	harness_run(&h, &r, "rename", "-t", "one", "\x7f", NULL);
	CHECK(one_line(&r, 1, "huddle: invalid session name: \\177\n"));
	harness_run(&h, &r, "set", "no\nsuch", "1", NULL);
	CHECK(one_line(&r, 1, "huddle: unknown option: no\\nsuch\n"));
	harness_run(&h, &r, "set", "history-limit", "1\n2", NULL);
	CHECK(one_line(&r, 1, "huddle: history-limit: expected a number "
	    "from 0 to 100000: 1\\n2\n"));
	harness_run(&h, &r, "show", "\033]0;t\007", NULL);
	CHECK(one_line(&r, 1, "huddle: unknown option: \\033]0;t\\007\n"));
	harness_run(&h, &r, "new", "-d", "-c", "/no\nsuch", NULL);
	CHECK(one_line(&r, 1, "huddle: couldn't change to directory "
	    "/no\\nsuch: No such file or directory\n"));
	harness_run(&h, &r, "new", "-d", "--", "/no\nsuch", "arg", NULL);
	CHECK(one_line(&r, 1, "huddle: couldn't run /no\\nsuch: No such "
	    "file or directory\n"));
	harness_run(&h, &r, "capture", "-t", "one", "-E", "\n", NULL);
	CHECK(one_line(&r, 1, "huddle: -E: not a line number: \\n\n"));
	harness_run(&h, &r, "detach", "-c", "\n", NULL);
	CHECK(one_line(&r, 1, "huddle: can't find client: \\n\n"));
	harness_run(&h, &r, "signal", "-t", "one", "HUP\n", NULL);
	CHECK(one_line(&r, 1, "huddle: unknown signal: HUP\\n\n"));
	harness_run(&h, &r, "access", "-a", "no\nsuch", NULL);
	CHECK(one_line(&r, 1, "huddle: unknown user: no\\nsuch\n"));
	harness_run(&h, &r, "record", "-t", "one", "/no/such\n", NULL);
	CHECK(one_line(&r, 1, "huddle: couldn't open /no/such\\n: No such "
	    "file or directory\n"));
	harness_run(&h, &r, "new", "-d", "-x", "8\n", NULL);
	CHECK(one_line(&r, 1, "huddle: width not a number: 8\\n\n"));
	/* Valid UTF-8 is kept; a backslash is doubled. */
	harness_run(&h, &r, "kill", "-t", "caf\xc3\xa9\\", NULL);
	CHECK(one_line(&r, 1,
	    "huddle: can't find session: caf\xc3\xa9\\\\\n"));
	{
		const char	*argv[] = { h.bin, "-S", "/no\nsuch/sock",
				    "ls", NULL };

		harness_run_raw(&h, &r, argv, NULL);
		CHECK(one_line(&r, 1, "huddle: no server running on "
		    "/no\\nsuch/sock\n"));
	}
	{
		const char	*argv[] = { h.bin, "-L", "a\nb/c", "ls", NULL };

		harness_run_raw(&h, &r, argv, NULL);
		CHECK(one_line(&r, 1, "huddle: invalid socket name: "
		    "a\\nb/c\n"));
	}
	harness_done(&h);
}

int
main(void)
{
	test_usage();
	test_no_server();
	test_targets();
	test_new_fails();
	test_protocol();
	test_global_flags();
	test_errors_escaped();
	UNIT_END();
}
