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
#include <sys/stat.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * The server: socket directory rules, -S/-L/HUDDLE_SOCKET, a stale socket
 * replaced, a regular file refused and kept, SIGTERM ending everything
 * cleanly, usage and protocol errors costing only their own connection.
 */

#define WAIT 8000

/* Run huddle without -S, with the given environment additions. */
static int
run_env(struct harness *h, struct run *r, const char *const *env, ...)
{
	const char	*argv[32], *a;
	va_list		 ap;
	int		 n = 0;

	argv[n++] = h->bin;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	va_start(ap, env);
	while ((a = va_arg(ap, const char *)) != NULL && n < 31)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	return (harness_run_raw(h, r, argv, env));
}

/* The per-user directory: created 0700; refused if unsafe. */
static void
test_socket_dir(void)
{
	struct harness	 h;
	struct run	 r;
	struct stat	 sb;
	char		 dir[600], base[512], env[600], link[600], other[800];
	const char	*envs[] = { env, NULL };

	if (harness_init(&h) != 0)
		return;
	snprintf(base, sizeof base, "%s/base", h.dir);
	mkdir(base, 0755);
	snprintf(env, sizeof env, "HUDDLE_TMPDIR=%s", base);
	snprintf(dir, sizeof dir, "%s/huddle-%ld", base, (long)getuid());
	CHECK_INT(run_env(&h, &r, envs, "-L", "named", "new", "-d", "-s",
	    "x", NULL), 0);
	run_free(&r);
	CHECK_INT(lstat(dir, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0700);
	snprintf(other, sizeof other, "%s/named", dir);
	CHECK_INT(access(other, F_OK), 0);
	CHECK_INT(run_env(&h, &r, envs, "-L", "named", "has", "-t", "x",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(run_env(&h, &r, envs, "-L", "named", "kill-server", NULL),
	    0);
	run_free(&r);

	/* Writable by others: refused, and left alone. */
	chmod(dir, 0777);
	CHECK_INT(run_env(&h, &r, envs, "ls", NULL), 1);
	snprintf(other, sizeof other, "huddle: directory %s is writable by "
	    "others\n", dir);
	CHECK_STR(r.err, other);
	run_free(&r);
	chmod(dir, 0700);

	/* A symlink in its place: refused. */
	snprintf(other, sizeof other, "%s/named.lock", dir);
	unlink(other);
	CHECK_INT(rmdir(dir), 0);
	snprintf(link, sizeof link, "%s/elsewhere", h.dir);
	mkdir(link, 0700);
	CHECK_INT(symlink(link, dir), 0);
	CHECK_INT(run_env(&h, &r, envs, "ls", NULL), 1);
	snprintf(other, sizeof other, "huddle: %s is not a directory\n", dir);
	CHECK_STR(r.err, other);
	run_free(&r);
	unlink(dir);

	/* A bad -L name. */
	CHECK_INT(run_env(&h, &r, envs, "-L", "a/b", "ls", NULL), 1);
	CHECK_STR(r.err, "huddle: invalid socket name: a/b\n");
	run_free(&r);
	harness_done(&h);
}

/* HUDDLE_SOCKET names the socket when -S and -L are not given. */
static void
test_socket_env(void)
{
	struct harness	 h;
	struct run	 r;
	char		 env[600];
	const char	*envs[] = { env, NULL };

	if (harness_init(&h) != 0)
		return;
	snprintf(env, sizeof env, "HUDDLE_SOCKET=%s", h.sock);
	CHECK_INT(run_env(&h, &r, envs, "new", "-d", "-s", "viaenv", NULL), 0);
	run_free(&r);
	harness_server(&h);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "viaenv", NULL), 0);
	run_free(&r);
	harness_done(&h);
}

/* A stale socket is replaced; a regular file is refused and kept. */
static void
test_stale(void)
{
	struct harness	 h;
	struct run	 r;
	pid_t		 pid;
	FILE		*f;
	char		 want[600];

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "first", NULL);
	run_free(&r);
	pid = harness_server(&h);
	CHECK(pid > 0);
	kill(pid, SIGKILL);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(access(h.sock, F_OK), 0);	/* left behind */
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	snprintf(want, sizeof want, "huddle: no server running on %s\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "second", NULL), 0);
	run_free(&r);
	CHECK(harness_server(&h) != pid);
	CHECK_INT(harness_run(&h, &r, "kill-server", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);

	f = fopen(h.sock, "w");
	fputs("precious", f);
	fclose(f);
	CHECK_INT(harness_run(&h, &r, "new", "-d", NULL), 1);
	snprintf(want, sizeof want, "huddle: %s exists and is not a socket\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	{
		char	*content = harness_read_file(h.sock, NULL);

		CHECK_STR(content, "precious");
		free(content);
	}
	unlink(h.sock);
	h.server_pid = -1;
	harness_done(&h);
}

/* SIGTERM: programs get SIGHUP, the socket goes, the server exits. */
static void
test_sigterm(void)
{
	struct harness	 h;
	struct run	 r;
	pid_t		 pid;
	char		 cmd[1024], flag[600], *got;

	if (harness_init(&h) != 0)
		return;
	snprintf(flag, sizeof flag, "%s/got-hup", h.dir);
	snprintf(cmd, sizeof cmd, "trap 'echo hup > %s; exit 0' HUP; "
	    "echo ready; while :; do sleep 0.1; done", flag);
	harness_run(&h, &r, "new", "-d", "-s", "trap", "--", cmd, NULL);
	run_free(&r);
	pid = harness_server(&h);
	CHECK_INT(harness_wait_capture(&h, "trap", "ready", WAIT), 0);
	kill(pid, SIGTERM);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);
	CHECK_INT(harness_wait_file(flag, WAIT), 0);
	got = harness_read_file(flag, NULL);
	CHECK_STR(got, "hup\n");
	free(got);
	harness_done(&h);
}

/* Usage errors exit 2 with one line; failures exit 1 with one line. */
static void
test_errors(void)
{
	struct harness	h;
	struct run	r;
	char		want[600];

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(harness_run(&h, &r, "frobnicate", NULL), 2);
	CHECK_STR(r.err, "huddle: unknown command: frobnicate\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-Z", NULL), 2);
	CHECK(strncmp(r.err, "huddle: unknown flag -Z; usage: huddle new ",
	    43) == 0);
	CHECK(strchr(r.err, '\n') == r.err + strlen(r.err) - 1);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-x", NULL), 2);
	CHECK(strncmp(r.err, "huddle: -x needs a value", 24) == 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "extra", NULL), 2);
	CHECK(strncmp(r.err, "huddle: too many arguments", 26) == 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", NULL), 2);
	CHECK(strncmp(r.err, "huddle: too few arguments", 25) == 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	snprintf(want, sizeof want, "huddle: no server running on %s\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	{
		const char	*argv[] = { h.bin, "-V", NULL };

		CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
		CHECK(strncmp(r.out, "huddle ", 7) == 0);
		run_free(&r);
	}
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

/* Send raw bytes on a new connection and read until it closes. */
static void
send_raw(struct harness *h, const void *buf, size_t len, const char *expect)
{
	char	 reply[4096];
	ssize_t	 n;
	size_t	 got = 0;
	int	 fd;

	fd = harness_connect(h);
	CHECK(fd != -1);
	if (fd == -1)
		return;
	if (len != 0 && write(fd, buf, len) != (ssize_t)len)
		CHECK(0);
	shutdown(fd, SHUT_WR);
	while (got < sizeof reply - 1 &&
	    (n = read(fd, reply + got, sizeof reply - 1 - got)) > 0)
		got += n;
	reply[got] = '\0';
	if (expect != NULL) {
		if (got < 12 || memmem(reply, got, expect, strlen(expect)) ==
		    NULL)
			fprintf(stderr, "expected \"%s\" in reply\n", expect);
		CHECK(got >= 12 &&
		    memmem(reply, got, expect, strlen(expect)) != NULL);
	}
	close(fd);
}

/* Garbage, oversize and early messages lose only their own connection. */
static void
test_protocol(void)
{
	struct harness	h;
	struct run	r;
	struct msg_buf	b;
	u_char		huge[8] = { 0, 0, 0, 100, 0x7f, 0xff, 0xff, 0xff };
	u_char		cmd[8] = { 0, 0, 0, 100, 0, 0, 0, 0 };

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "survivor", NULL);
	run_free(&r);
	harness_server(&h);

	send_raw(&h, "garbage garbage garbage", 23, NULL);
	send_raw(&h, huge, sizeof huge, NULL);
	send_raw(&h, cmd, sizeof cmd, NULL);	/* command before hello */
	send_raw(&h, "\0\0\0\1\0\0\0\3abc", 11, NULL);	/* short hello */
	send_raw(&h, "\0\0\0\1", 4, NULL);	/* half a header */
	send_raw(&h, "", 0, NULL);		/* nothing at all */

	/* Another protocol version gets an answer naming both. */
	msg_buf_init(&b, MSG_HELLO);
	msg_put_u32(&b, 99);
	msg_put_u8(&b, MSG_KIND_COMMAND);
	msg_put_string(&b, "");
	msg_put_u16(&b, 0);
	msg_put_u16(&b, 0);
	msg_put_u8(&b, 0);
	msg_buf_finish(&b);
	send_raw(&h, b.data, b.len,
	    "protocol version mismatch (client 99, server 1)");
	msg_buf_free(&b);

	/* A hello then a malformed command. */
	msg_buf_init(&b, MSG_HELLO);
	msg_put_u32(&b, HUDDLE_PROTOCOL_VERSION);
	msg_put_u8(&b, MSG_KIND_COMMAND);
	msg_put_string(&b, "");
	msg_put_u16(&b, 0);
	msg_put_u16(&b, 0);
	msg_put_u8(&b, 0);
	msg_put_u32(&b, MSG_COMMAND);
	msg_put_u32(&b, 8);
	msg_put_u32(&b, 1000);
	msg_put_u32(&b, 0);
	msg_buf_finish(&b);
	send_raw(&h, b.data, b.len, NULL);
	msg_buf_free(&b);

	CHECK_INT(harness_run(&h, &r, "has", "-t", "survivor", NULL), 0);
	run_free(&r);
	harness_done(&h);
}

int
main(void)
{
	test_socket_dir();
	test_socket_env();
	test_stale();
	test_sigterm();
	test_errors();
	test_global_flags();
	test_errors_escaped();
	test_protocol();
	UNIT_END();
}
