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
#include <sys/stat.h>
#include <sys/wait.h>

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "term.h"
#include "harness.h"
#include "json-parse.h"
#include "unit.h"

/*
 * Sharing: two clients on one session, the window-size policies, a client
 * through `huddle proxy`, and grants to another Unix user (when the tests
 * run as root, with a throwaway user made and removed here).
 */

#define WAIT 8000

/* Start a session and two attached clients of different sizes. */
static int
two_clients(struct harness *h, struct harness_tty *a, struct harness_tty *b,
    const char *name)
{
	struct run	 r;
	const char	*args[] = { "attach", "-t", name, NULL };

	harness_run(h, &r, "new", "-d", "-s", name, "--", "sh", NULL);
	run_free(&r);
	harness_server(h);
	if (harness_tty_start(h, a, 60, 11, "screen-256color", args) != 0 ||
	    harness_tty_wait(a, name, WAIT) != 0)
		return (-1);
	if (harness_tty_start(h, b, 40, 9, "screen-256color", args) != 0 ||
	    harness_tty_wait(b, name, WAIT) != 0)
		return (-1);
	return (0);
}

/* The session's size, from ls. */
static char *
session_size(struct harness *h, const char *name)
{
	struct run	 r;
	char		*t, *out;

	xasprintf(&t, "#{?#{==:#{session_name},%s},"
	    "#{session_width}x#{session_height},}", name);
	harness_run(h, &r, "ls", "-F", t, NULL);
	free(t);
	out = r.out;
	r.out = NULL;
	run_free(&r);
	out[strcspn(out, "\n")] = '\0';
	return (out);
}

/* Wait until the session has a size. */
static int
wait_size(struct harness *h, const char *name, const char *want)
{
	long long	 deadline = harness_now_ms() + WAIT;
	char		*size = NULL;

	while (harness_now_ms() < deadline) {
		free(size);
		size = session_size(h, name);
		if (strcmp(size, want) == 0) {
			free(size);
			return (0);
		}
		harness_msleep(20);
	}
	fprintf(stderr, "size is %s, expected %s\n", size, want);
	free(size);
	return (-1);
}

/* Both clients see the same output; clients lists both, with users. */
static void
test_two_clients(void)
{
	struct harness		 h;
	struct harness_tty	 a, b;
	struct run		 r;
	struct json_value	*v;
	char			*cause = NULL;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(two_clients(&h, &a, &b, "both"), 0);
	CHECK_INT(harness_tty_wait(&a, "2 ops", WAIT), 0);
	harness_tty_write(&a, "echo from-a\r", 12);
	CHECK_INT(harness_tty_wait(&b, "from-a", WAIT), 0);
	harness_tty_write(&b, "echo from-b\r", 12);
	CHECK_INT(harness_tty_wait(&a, "from-b", WAIT), 0);
	harness_run(&h, &r, "clients", "--json", NULL);
	v = json_parse(r.out, strlen(r.out), &cause);
	CHECK(v != NULL);
	CHECK_INT(json_length(v), 2);
	CHECK_STR(json_string(json_get(json_index(v, 0), "mode")),
	    "operator");
	CHECK_STR(json_string(json_get(json_index(v, 0), "via")), "local");
	CHECK_STR(json_string(json_get(json_index(v, 0), "session")), "both");
	CHECK(json_get(json_index(v, 0), "idle") != NULL);
	json_value_free(v);
	run_free(&r);
	/* detach -t takes both away. */
	harness_run(&h, &r, "detach", "-t", "both", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	CHECK_INT(harness_tty_wait_exit(&a, WAIT), 0);
	CHECK_INT(harness_tty_wait_exit(&b, WAIT), 0);
	harness_tty_free(&a);
	harness_tty_free(&b);
	harness_done(&h);
}

/* window-size: latest follows the operator who typed; smallest, largest. */
static void
test_size_policy(void)
{
	struct harness		 h;
	struct harness_tty	 a, b, o;
	struct run		 r;
	const char		*obs[] = { "attach", "-r", "-t", "sz", NULL };

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(two_clients(&h, &a, &b, "sz"), 0);
	/* b attached last. */
	CHECK_INT(wait_size(&h, "sz", "40x8"), 0);
	harness_tty_write(&a, "x", 1);
	CHECK_INT(wait_size(&h, "sz", "60x10"), 0);
	harness_tty_write(&b, "y", 1);
	CHECK_INT(wait_size(&h, "sz", "40x8"), 0);
	harness_run(&h, &r, "set", "window-size", "largest", NULL);
	run_free(&r);
	CHECK_INT(wait_size(&h, "sz", "60x10"), 0);
	harness_run(&h, &r, "set", "window-size", "smallest", NULL);
	run_free(&r);
	CHECK_INT(wait_size(&h, "sz", "40x8"), 0);
	/* An observer never resizes, even the smallest. */
	CHECK_INT(harness_tty_start(&h, &o, 30, 6, "screen-256color", obs), 0);
	CHECK_INT(harness_tty_wait(&o, "observer", WAIT), 0);
	CHECK_INT(wait_size(&h, "sz", "40x8"), 0);
	/* Its smaller view follows the cursor, to the last line. */
	harness_run(&h, &r, "send", "-t", "sz", "clear; seq 1 7", "Enter",
	    NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&o, "7\n", WAIT), 0);
	/* message reaches every attached client. */
	harness_run(&h, &r, "message", "-t", "sz", "hello everyone", NULL);
	run_free(&r);
	CHECK_INT(harness_tty_wait(&o, "hello everyone", WAIT), 0);
	CHECK_INT(harness_tty_wait(&a, "hello everyone", WAIT), 0);
	harness_run(&h, &r, "set", "window-size", "manual", NULL);
	run_free(&r);
	harness_run(&h, &r, "resize", "-t", "sz", "-x", "33", "-y", "7", NULL);
	run_free(&r);
	CHECK_INT(wait_size(&h, "sz", "33x7"), 0);
	harness_tty_write(&a, "z", 1);
	harness_tty_pump(&a, 200);
	CHECK_INT(wait_size(&h, "sz", "33x7"), 0);
	harness_tty_free(&o);
	harness_tty_free(&a);
	harness_tty_free(&b);
	harness_done(&h);
}

/* attach --via runs `huddle proxy` and works through it. */
static void
test_proxy(void)
{
	struct harness		 h;
	struct harness_tty	 t;
	struct run		 r;
	char			 bindir[512], link[600], path[2048], via[2100];
	const char		*args[] = { "attach", "--via", via, "-t", "px",
				    NULL };

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "px", "--", "cat", NULL);
	run_free(&r);
	harness_server(&h);
	snprintf(bindir, sizeof bindir, "%s/bin", h.dir);
	mkdir(bindir, 0755);
	snprintf(link, sizeof link, "%s/huddle", bindir);
	CHECK_INT(symlink(h.bin, link), 0);
	snprintf(path, sizeof path, "PATH=%s:%s", bindir, getenv("PATH"));
	snprintf(via, sizeof via, "env %s", path);
	CHECK_INT(harness_tty_start(&h, &t, 60, 11, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait(&t, "px", WAIT), 0);
	harness_tty_write(&t, "through-proxy\r", 14);
	CHECK_INT(harness_wait_capture(&h, "px", "through-proxy", WAIT), 0);
	harness_run(&h, &r, "clients", "-F", "#{client_via}", NULL);
	CHECK_STR(r.out, "proxy\n");
	run_free(&r);
	harness_tty_write(&t, "\002d", 2);
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	harness_tty_free(&t);
	harness_done(&h);
}

/* Make a throwaway user (and a group it belongs to); 0 if it worked. */
static int
make_user(const char *user, const char *group)
{
	char	cmd[512];

	snprintf(cmd, sizeof cmd, "groupadd %s >/dev/null 2>&1 && "
	    "useradd -M -N -g nogroup -G %s -s /bin/sh %s >/dev/null 2>&1",
	    group, group, user);
	return (system(cmd) == 0 ? 0 : -1);
}

/* Remove the throwaway user and group. */
static void
remove_user(const char *user, const char *group)
{
	char	cmd[512];

	snprintf(cmd, sizeof cmd, "userdel %s >/dev/null 2>&1; "
	    "groupdel %s >/dev/null 2>&1", user, group);
	if (system(cmd) != 0)
		fprintf(stderr, "couldn't remove %s\n", user);
}

/*
 * Another user holds at most HUDDLE_MAX_USER_CLIENTS connections: the next
 * is refused with one line, and the owner still gets in.
 */
#define TOO_MANY "too many clients (at most 100 for a user other than the owner)"
static void
test_user_client_limit(struct harness *h, uid_t uid, gid_t gid)
{
	struct harness_peer	 p;
	struct msg_buf		 b;
	struct run		 r;
	pid_t			 pid;
	int			 pfd[2], fds[HUDDLE_MAX_USER_CLIENTS + 1];
	int			 i, n = 0, refused = 0, status;
	char			 buf[64], want[64];
	ssize_t			 len;

	if (pipe(pfd) != 0)
		return;
	pid = fork();
	if (pid == 0) {
		close(pfd[0]);
		if (setgroups(0, NULL) != 0 || setgid(gid) != 0 ||
		    setuid(uid) != 0)
			_exit(1);
		for (i = 0; i <= HUDDLE_MAX_USER_CLIENTS; i++) {
			memset(&p, 0, sizeof p);
			if ((p.fd = harness_connect(h)) == -1)
				break;
			msg_buf_init(&b, MSG_HELLO);
			msg_put_u32(&b, HUDDLE_PROTOCOL_VERSION);
			msg_put_u8(&b, MSG_KIND_COMMAND);
			msg_put_string(&b, "screen-256color");
			msg_put_u16(&b, 80);
			msg_put_u16(&b, 24);
			msg_put_u8(&b, MSG_VIA_LOCAL);
			harness_peer_send(&p, &b);
			if (harness_peer_read(&p, WAIT) != 0 ||
			    p.type != MSG_HELLO_OK) {
				if (p.type == MSG_ERROR && p.size > 4 &&
				    memmem(p.payload + 4, p.size - 4, TOO_MANY,
				    strlen(TOO_MANY)) != NULL)
					refused = 1;
				harness_peer_close(&p);
				break;
			}
			fds[n++] = p.fd;
			p.fd = -1;
			harness_peer_close(&p);
		}
		snprintf(buf, sizeof buf, "%d %d\n", n, refused);
		if (write(pfd[1], buf, strlen(buf)) < 0)
			_exit(1);
		/* Hold them until the owner has checked it still gets in. */
		while (n > 0 && fds[0] != -1)
			pause();
		_exit(0);
	}
	close(pfd[1]);
	len = read(pfd[0], buf, sizeof buf - 1);
	buf[len > 0 ? len : 0] = '\0';
	snprintf(want, sizeof want, "%d 1\n", HUDDLE_MAX_USER_CLIENTS);
	CHECK_STR(buf, want);
	CHECK_INT(harness_run(h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "acl\n");
	run_free(&r);
	close(pfd[0]);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
}

/* Grants to another user: observer, operator, group, revocation. */
static void
test_other_user(struct harness *h, uid_t uid, gid_t gid, const char *user,
    const char *group)
{
	struct run	 r;
	const char	*ls[] = { "ls", "-F", "#{session_name}", NULL };
	const char	*send[] = { "send", "-t", "acl", "-l", "intruder", NULL };
	char		*want, *cap, grp[64];

	harness_run(h, &r, "new", "-d", "-s", "acl", "--", "cat", NULL);
	run_free(&r);
	harness_server(h);
	chmod(h->dir, 0711);

	/* The binary may sit where that user cannot reach it (a 0700 tree). */
	{
		const char	*version[] = { "-V", NULL };

		harness_run_as(h, &r, uid, gid, version);
		if (r.status != 0) {
			printf("the other user can't run %s: second-user "
			    "tests skipped\n", h->bin);
			run_free(&r);
			return;
		}
		run_free(&r);
	}

	/* With no grant at all the socket itself is closed to others. */
	harness_run_as(h, &r, uid, gid, ls);
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "Permission denied") != NULL);
	run_free(&r);

	/* Open (another uid is granted) but not to us: refused, by name. */
	harness_run(h, &r, "access", "-a", "99999", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, ls);
	CHECK_INT(r.status, 1);
	xasprintf(&want, "huddle: access denied for %s\n", user);
	CHECK_STR(r.err, want);
	run_free(&r);

	/* An observer may look but not type. */
	harness_run(h, &r, "access", "-a", user, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, ls);
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "acl\n");
	run_free(&r);
	test_user_client_limit(h, uid, gid);
	harness_run_as(h, &r, uid, gid, send);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: not allowed: observers are read-only\n");
	run_free(&r);
	cap = harness_capture(h, "acl", NULL);
	CHECK(cap != NULL && strstr(cap, "intruder") == NULL);
	free(cap);
	/* It may not queue or cancel commands, but may list and wait. */
	harness_run_as(h, &r, uid, gid, (const char *const[]){ "run", "-t",
	    "acl", "--", "echo intruder", NULL });
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: not allowed: observers are read-only\n");
	run_free(&r);
	harness_run_as(h, &r, uid, gid, (const char *const[]){ "cancel",
	    "cmd-1", NULL });
	CHECK_STR(r.err, "huddle: not allowed: observers are read-only\n");
	run_free(&r);
	harness_run_as(h, &r, uid, gid, (const char *const[]){ "queue", "-t",
	    "acl", NULL });
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, (const char *const[]){ "wait",
	    "cmd-999", NULL });
	CHECK_STR(r.err, "huddle: no such command: cmd-999\n");
	run_free(&r);

	/* Made an operator, it may type; never change access. */
	harness_run(h, &r, "access", "-w", user, NULL);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, send);
	CHECK_INT(r.status, 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "acl", "intruder", WAIT), 0);
	{
		const char	*acc[] = { "access", "-a", "root", NULL };

		harness_run_as(h, &r, uid, gid, acc);
		CHECK_INT(r.status, 1);
		CHECK(strstr(r.err, "only the server's owner") != NULL);
		run_free(&r);
	}

	/* A live client changes mode at once, and goes when revoked. */
	{
		struct harness_tty	 t;
		const char		*att[] = { "attach", "-t", "acl", NULL };

		harness_run(h, &r, "access", "-r", user, NULL);
		run_free(&r);
		CHECK_INT(harness_tty_start_as(h, &t, 60, 11,
		    "screen-256color", att, uid, gid), 0);
		CHECK_INT(harness_tty_wait(&t, "observer", WAIT), 0);
		harness_tty_write(&t, "typed-by-observer\r", 18);
		harness_run(h, &r, "access", "-w", user, NULL);
		run_free(&r);
		CHECK_INT(harness_tty_wait(&t, "] operator", WAIT), 0);
		harness_tty_write(&t, "typed-by-operator\r", 18);
		CHECK_INT(harness_wait_capture(h, "acl", "typed-by-operator",
		    WAIT), 0);
		cap = harness_capture(h, "acl", NULL);
		CHECK(cap != NULL && strstr(cap, "typed-by-observer") == NULL);
		free(cap);
		harness_run(h, &r, "access", "-d", user, NULL);
		run_free(&r);
		CHECK_INT(harness_tty_wait_exit(&t, WAIT), 1);
		CHECK(t.raw != NULL && strstr(t.raw, "access revoked") != NULL);
		harness_tty_free(&t);
		harness_run(h, &r, "access", "-a", user, "-w", NULL);
		run_free(&r);
	}

	/* Revoked: refused again. */
	harness_run(h, &r, "access", "-d", user, NULL);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, ls);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, want);
	run_free(&r);

	/* A grant to a group it is a supplementary member of. */
	snprintf(grp, sizeof grp, "@%s", group);
	harness_run(h, &r, "access", "-a", grp, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run_as(h, &r, uid, gid, ls);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run(h, &r, "access", NULL);
	CHECK(strstr(r.out, grp) != NULL && strstr(r.out, "observer") != NULL);
	run_free(&r);
	harness_run(h, &r, "access", "-d", grp, NULL);
	run_free(&r);
	free(want);
}

/* attach -d detaches the others first; attach -p sets the prefix. */
static void
test_attach_d(void)
{
	struct harness		h;
	struct harness_tty	a, b;
	struct run		r;
	const char		*args[] = { "attach", "-d", "-p", "C-a", "-t",
				    "dd", NULL };
	const char		*plain[] = { "attach", "-t", "dd", NULL };

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "dd", "--", "cat", NULL);
	run_free(&r);
	harness_server(&h);
	CHECK_INT(harness_tty_start(&h, &a, 60, 11, "screen-256color", plain),
	    0);
	CHECK_INT(harness_tty_wait(&a, "dd", WAIT), 0);
	CHECK_INT(harness_tty_start(&h, &b, 60, 11, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait_exit(&a, WAIT), 0);
	CHECK(strstr(a.raw, "[detached (from session dd)]") != NULL);
	CHECK_INT(harness_tty_wait(&b, "dd", WAIT), 0);
	harness_tty_write(&b, "\001d", 2);
	CHECK_INT(harness_tty_wait_exit(&b, WAIT), 0);
	harness_tty_free(&a);
	harness_tty_free(&b);
	harness_done(&h);
}

int
main(void)
{
	test_attach_d();
	struct harness	 h;
	struct passwd	*pw;
	char		 user[32], group[32];

	test_two_clients();
	test_size_policy();
	test_proxy();

	if (getuid() != 0) {
		printf("not root: the second-user tests are skipped\n");
		UNIT_END();
	}
	snprintf(user, sizeof user, "hdl%ld", (long)getpid() % 100000);
	snprintf(group, sizeof group, "hdg%ld", (long)getpid() % 100000);
	if (make_user(user, group) != 0 || (pw = getpwnam(user)) == NULL) {
		printf("couldn't make a throwaway user: second-user tests "
		    "skipped\n");
		remove_user(user, group);
		UNIT_END();
	}
	if (harness_init(&h) == 0) {
		test_other_user(&h, pw->pw_uid, pw->pw_gid, user, group);
		harness_done(&h);
	}
	remove_user(user, group);
	UNIT_END();
}
