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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * The server process and its socket: started on demand by new, detached,
 * one per socket even when clients race; the socket directory's rules;
 * -S, -L, HUDDLE_SOCKET and HUDDLE; a stale socket replaced, anything else
 * in the way refused and kept; SIGTERM ending everything cleanly.
 */

#define WAIT 8000
#define NRACE 4

/* The PID of the server a command line reaches (0 if none). */
static pid_t
server_pid_env(struct harness *h, const char *const *env, const char *flag,
    const char *value)
{
	struct run	r;
	pid_t		pid = 0;

	if (harness_run_env(h, &r, env, flag, value, "message", "-p",
	    "#{pid}", NULL) == 0)
		pid = (pid_t)strtol(r.out, NULL, 10);
	run_free(&r);
	return (pid);
}

/* End a server started on another socket than the harness's own. */
static void
end_server(struct harness *h, const char *const *env, const char *flag,
    const char *value)
{
	struct run	r;
	pid_t		pid;

	if ((pid = server_pid_env(h, env, flag, value)) <= 0)
		return;
	harness_track(h, pid);
	CHECK_INT(harness_run_env(h, &r, env, flag, value, "kill-server",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
}

/* Where a process's descriptor points (Linux /proc); "" if unknown. */
static void
proc_fd(pid_t pid, int fd, char *buf, size_t len)
{
	char	path[64];
	ssize_t	n;

	snprintf(path, sizeof path, "/proc/%ld/fd/%d", (long)pid, fd);
	if ((n = readlink(path, buf, len - 1)) < 0)
		n = 0;
	buf[n] = '\0';
}

/* A process's parent, from /proc (-1 if unknown). */
static pid_t
proc_ppid(pid_t pid)
{
	char	 path[64], *text, *p;
	long	 ppid = -1;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((text = harness_read_file(path, NULL)) == NULL)
		return (-1);
	/* pid (comm) state ppid: comm may hold anything, so after the ')'. */
	if ((p = strrchr(text, ')')) != NULL)
		sscanf(p + 1, " %*c %ld", &ppid);
	free(text);
	return ((pid_t)ppid);
}

/* new starts a detached server; later commands reach the same one. */
static void
test_on_demand(void)
{
	struct harness	 h;
	struct run	 r;
	char		 want[600], sock2[600], link[256];
	const char	*argv[] = { NULL, "-S", sock2, "-f", "/dev/null",
			    "new", "-d", "-s", "elsewhere", NULL };
	pid_t		 pid, pid2;
	int		 fd;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	snprintf(want, sizeof want, "huddle: no server running on %s\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	CHECK(access(h.sock, F_OK) != 0);	/* ls starts nothing */

	/* The client returns (its pipes closed) while the server stays. */
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "first", NULL), 0);
	CHECK_STR(r.out, "");
	CHECK_STR(r.err, "");
	run_free(&r);
	pid = harness_server(&h);
	CHECK(pid > 0);
	CHECK_INT(kill(pid, 0), 0);

	/* Detached: its own session, not our child, stdio on /dev/null. */
	CHECK(getsid(pid) != getsid(0));
	CHECK(proc_ppid(pid) != getpid());
	if (access("/proc/self/fd", F_OK) == 0) {
		for (fd = 0; fd < 3; fd++) {
			proc_fd(pid, fd, link, sizeof link);
			CHECK_STR(link, "/dev/null");
		}
	}

	/* One server per socket: a second new uses it. */
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "second", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_server(&h), pid);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "first\nsecond\n");
	run_free(&r);

	/* Another socket, another server, with sessions of its own. */
	snprintf(sock2, sizeof sock2, "%s/sock2", h.dir);
	argv[0] = h.bin;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	run_free(&r);
	pid2 = server_pid_env(&h, NULL, "-S", sock2);
	CHECK(pid2 > 0 && pid2 != pid);
	CHECK_INT(harness_run_env(&h, &r, NULL, "-S", sock2, "ls", "-F",
	    "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "elsewhere\n");
	run_free(&r);
	end_server(&h, NULL, "-S", sock2);
	CHECK_INT(harness_server(&h), pid);	/* the first is untouched */
	harness_done(&h);
}

/* Clients racing to start a server on one socket end up with one server. */
static void
test_race(void)
{
	struct harness	 h;
	struct run	 r;
	char		 name[NRACE][16];
	const char	*argv[NRACE][10];
	pid_t		 pids[NRACE];
	long long	 deadline;
	int		 i, status, fd, done;

	if (harness_init(&h) != 0)
		return;
	for (i = 0; i < NRACE; i++) {
		snprintf(name[i], sizeof name[i], "race%d", i);
		argv[i][0] = h.bin;
		argv[i][1] = "-S";
		argv[i][2] = h.sock;
		argv[i][3] = "-f";
		argv[i][4] = "/dev/null";
		argv[i][5] = "new";
		argv[i][6] = "-d";
		argv[i][7] = "-s";
		argv[i][8] = name[i];
		argv[i][9] = NULL;
	}
	for (i = 0; i < NRACE; i++) {
		if ((pids[i] = fork()) == 0) {
			if ((fd = open("/dev/null", O_RDWR)) != -1) {
				dup2(fd, 0);
				dup2(fd, 1);
			}
			if (chdir(h.dir) != 0)
				_exit(126);
			execv(argv[i][0], (char *const *)argv[i]);
			_exit(127);
		}
		harness_track(&h, pids[i]);
	}
	deadline = harness_now_ms() + WAIT;
	for (done = 0; done < NRACE && harness_now_ms() < deadline;) {
		for (i = 0; i < NRACE; i++) {
			if (pids[i] <= 0 ||
			    waitpid(pids[i], &status, WNOHANG) != pids[i])
				continue;
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
			pids[i] = 0;
			done++;
		}
		harness_msleep(20);
	}
	CHECK_INT(done, NRACE);
	harness_server(&h);
	/* Had two servers started, one socket would have replaced the other. */
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	for (i = 0; i < NRACE; i++)
		CHECK(strstr(r.out, name[i]) != NULL);
	run_free(&r);
	harness_done(&h);
}

/* The per-user directory: created 0700; refused if unsafe. */
static void
test_socket_dir(void)
{
	struct harness	 h;
	struct run	 r;
	struct stat	 sb;
	char		 dir[600], base[512], env[600], link[600];
	char		 other[800];
	const char	*envs[] = { env, NULL };

	if (harness_init(&h) != 0)
		return;
	snprintf(base, sizeof base, "%s/base", h.dir);
	mkdir(base, 0755);
	snprintf(env, sizeof env, "HUDDLE_TMPDIR=%s", base);
	snprintf(dir, sizeof dir, "%s/huddle-%ld", base, (long)getuid());
	CHECK_INT(harness_run_env(&h, &r, envs, "-L", "named", "new", "-d",
	    "-s", "x", NULL), 0);
	run_free(&r);
	CHECK_INT(lstat(dir, &sb), 0);
	CHECK(S_ISDIR(sb.st_mode));
	CHECK_INT(sb.st_mode & 0777, 0700);
	snprintf(other, sizeof other, "%s/named", dir);
	CHECK_INT(lstat(other, &sb), 0);
	CHECK(S_ISSOCK(sb.st_mode));
	CHECK_INT(sb.st_mode & 077, 0);		/* owner only */
	CHECK_INT(harness_run_env(&h, &r, envs, "-L", "named", "has", "-t",
	    "x", NULL), 0);
	run_free(&r);
	end_server(&h, envs, "-L", "named");

	/* Writable by others or by the group: refused, and left alone. */
	chmod(dir, 0777);
	CHECK_INT(harness_run_env(&h, &r, envs, "ls", NULL), 1);
	snprintf(other, sizeof other, "huddle: directory %s is writable by "
	    "others\n", dir);
	CHECK_STR(r.err, other);
	run_free(&r);
	CHECK_INT(harness_run_env(&h, &r, envs, "new", "-d", NULL), 1);
	CHECK_STR(r.err, other);
	run_free(&r);
	CHECK_INT(stat(dir, &sb), 0);
	CHECK_INT(sb.st_mode & 0777, 0777);
	chmod(dir, 0770);
	CHECK_INT(harness_run_env(&h, &r, envs, "ls", NULL), 1);
	CHECK_STR(r.err, other);
	run_free(&r);
	chmod(dir, 0700);

	/* Owned by someone else: only root can set that up. */
	if (getuid() == 0 && chown(dir, 65534, 65534) == 0) {
		CHECK_INT(harness_run_env(&h, &r, envs, "ls", NULL), 1);
		snprintf(other, sizeof other, "huddle: directory %s is owned "
		    "by uid 65534, not %ld\n", dir, (long)getuid());
		CHECK_STR(r.err, other);
		run_free(&r);
		CHECK_INT(chown(dir, getuid(), getgid()), 0);
	} else
		printf("not root: directory owned by another user untested\n");

	/* A symlink in its place (to a safe directory): refused. */
	snprintf(other, sizeof other, "%s/named.lock", dir);
	unlink(other);
	CHECK_INT(rmdir(dir), 0);
	snprintf(link, sizeof link, "%s/elsewhere", h.dir);
	mkdir(link, 0700);
	CHECK_INT(symlink(link, dir), 0);
	CHECK_INT(harness_run_env(&h, &r, envs, "new", "-d", NULL), 1);
	snprintf(other, sizeof other, "huddle: %s is not a directory\n", dir);
	CHECK_STR(r.err, other);
	run_free(&r);
	CHECK_INT(lstat(dir, &sb), 0);
	CHECK(S_ISLNK(sb.st_mode));
	snprintf(other, sizeof other, "%s/default", link);
	CHECK(access(other, F_OK) != 0);	/* nothing made through it */
	unlink(dir);

	/* A bad -L name. */
	CHECK_INT(harness_run_env(&h, &r, envs, "-L", "a/b", "ls", NULL), 1);
	CHECK_STR(r.err, "huddle: invalid socket name: a/b\n");
	run_free(&r);
	harness_done(&h);
}

/* Without -S or -L: "default" in HUDDLE_TMPDIR, else XDG_RUNTIME_DIR. */
static void
test_socket_default(void)
{
	struct harness	 h;
	struct run	 r;
	struct stat	 sb;
	char		 path[600], env[600];
	const char	*xdg[] = { "HUDDLE_TMPDIR=", env, NULL };

	if (harness_init(&h) != 0)
		return;
	/* harness_init set HUDDLE_TMPDIR to the test directory. */
	CHECK_INT(harness_run_env(&h, &r, NULL, "new", "-d", "-s", "dflt",
	    NULL), 0);
	run_free(&r);
	snprintf(path, sizeof path, "%s/huddle-%ld/default", h.dir,
	    (long)getuid());
	CHECK_INT(lstat(path, &sb), 0);
	CHECK(S_ISSOCK(sb.st_mode));
	CHECK_INT(harness_run_env(&h, &r, NULL, "-L", "default", "has", "-t",
	    "dflt", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run_env(&h, &r, NULL, "-S", path, "has", "-t",
	    "dflt", NULL), 0);
	run_free(&r);
	end_server(&h, NULL, "-L", "default");
	CHECK_INT(harness_wait_nofile(path, WAIT), 0);

	snprintf(env, sizeof env, "XDG_RUNTIME_DIR=%s/xdg", h.dir);
	snprintf(path, sizeof path, "%s/xdg", h.dir);
	mkdir(path, 0700);
	CHECK_INT(harness_run_env(&h, &r, xdg, "new", "-d", "-s", "x", NULL),
	    0);
	run_free(&r);
	snprintf(path, sizeof path, "%s/xdg/huddle-%ld/default", h.dir,
	    (long)getuid());
	CHECK_INT(lstat(path, &sb), 0);
	CHECK(S_ISSOCK(sb.st_mode));
	end_server(&h, xdg, "-L", "default");
	harness_done(&h);
}

/* HUDDLE_SOCKET names the socket; -S and -L win over it, HUDDLE too. */
static void
test_socket_env(void)
{
	struct harness	 h;
	struct run	 r;
	char		 env[700], other[600], inside[700];
	const char	*envs[] = { env, NULL };
	const char	*both[] = { env, inside, NULL };
	pid_t		 pid;

	if (harness_init(&h) != 0)
		return;
	snprintf(env, sizeof env, "HUDDLE_SOCKET=%s", h.sock);
	CHECK_INT(harness_run_env(&h, &r, envs, "new", "-d", "-s", "viaenv",
	    NULL), 0);
	run_free(&r);
	pid = harness_server(&h);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "viaenv", NULL), 0);
	run_free(&r);

	/* -S names another socket, whatever HUDDLE_SOCKET says. */
	snprintf(other, sizeof other, "%s/other", h.dir);
	CHECK_INT(harness_run_env(&h, &r, envs, "-S", other, "ls", NULL), 1);
	snprintf(inside, sizeof inside, "huddle: no server running on %s\n",
	    other);
	CHECK_STR(r.err, inside);
	run_free(&r);
	/* So does -L (in HUDDLE_TMPDIR, the test directory). */
	CHECK_INT(harness_run_env(&h, &r, envs, "-L", "lbl", "ls", NULL), 1);
	snprintf(inside, sizeof inside, "huddle: no server running on "
	    "%s/huddle-%ld/lbl\n", h.dir, (long)getuid());
	CHECK_STR(r.err, inside);
	run_free(&r);

	/* Inside a session, HUDDLE's socket wins over HUDDLE_SOCKET. */
	snprintf(env, sizeof env, "HUDDLE_SOCKET=%s", other);
	snprintf(inside, sizeof inside, "HUDDLE=%s,%ld,0", h.sock, (long)pid);
	CHECK_INT(harness_run_env(&h, &r, both, "has", "-t", "viaenv", NULL),
	    0);
	run_free(&r);
	harness_done(&h);
}

/* A stale socket is replaced; anything else in the way is refused. */
static void
test_stale(void)
{
	struct harness	 h;
	struct run	 r;
	struct stat	 sb;
	pid_t		 pid;
	FILE		*f;
	char		 want[600], *content;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "first", NULL);
	run_free(&r);
	pid = harness_server(&h);
	CHECK(pid > 0);
	kill(pid, SIGKILL);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(lstat(h.sock, &sb), 0);	/* left behind */
	CHECK(S_ISSOCK(sb.st_mode));
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	snprintf(want, sizeof want, "huddle: no server running on %s\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "second", NULL), 0);
	CHECK_STR(r.err, "");
	run_free(&r);
	CHECK(harness_server(&h) != pid);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "second\n");
	run_free(&r);
	pid = h.server_pid;
	CHECK_INT(harness_run(&h, &r, "kill-server", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);

	/* A regular file: refused, and kept as it was. */
	f = fopen(h.sock, "w");
	fputs("precious", f);
	fclose(f);
	CHECK_INT(harness_run(&h, &r, "new", "-d", NULL), 1);
	snprintf(want, sizeof want, "huddle: %s exists and is not a socket\n",
	    h.sock);
	CHECK_STR(r.err, want);
	run_free(&r);
	content = harness_read_file(h.sock, NULL);
	CHECK_STR(content, "precious");
	free(content);
	CHECK_INT(unlink(h.sock), 0);

	/* A directory: the same. */
	CHECK_INT(mkdir(h.sock, 0700), 0);
	CHECK_INT(harness_run(&h, &r, "new", "-d", NULL), 1);
	CHECK_STR(r.err, want);
	run_free(&r);
	CHECK_INT(lstat(h.sock, &sb), 0);
	CHECK(S_ISDIR(sb.st_mode));
	rmdir(h.sock);
	harness_done(&h);
}

/* SIGTERM: programs get SIGHUP, the socket goes, the server exits. */
static void
test_sigterm(void)
{
	struct harness	 h;
	struct run	 r;
	pid_t		 pid;
	char		*cmd, *flag[2], *got;
	int		 i;

	if (harness_init(&h) != 0)
		return;
	for (i = 0; i < 2; i++) {
		xasprintf(&flag[i], "%s/got-hup%d", h.dir, i);
		xasprintf(&cmd, "trap 'echo hup > %s; exit 0' HUP; "
		    "echo ready; while :; do sleep 0.1; done", flag[i]);
		CHECK_INT(harness_run(&h, &r, "new", "-d", "-s",
		    i == 0 ? "trap0" : "trap1", "--", cmd, NULL), 0);
		run_free(&r);
		free(cmd);
	}
	pid = harness_server(&h);
	CHECK_INT(harness_wait_capture(&h, "trap0", "ready", WAIT), 0);
	CHECK_INT(harness_wait_capture(&h, "trap1", "ready", WAIT), 0);
	CHECK_INT(kill(pid, SIGTERM), 0);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);
	for (i = 0; i < 2; i++) {
		got = harness_wait_line(flag[i], WAIT);
		CHECK_STR(got, "hup\n");
		free(got);
		free(flag[i]);
	}
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	run_free(&r);
	harness_done(&h);
}

/* Make room for n more descriptors in this process; -1 if it can't. */
static int
room_for_files(rlim_t n)
{
	struct rlimit	rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return (-1);
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= n)
		return (0);
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < n)
		return (-1);
	rl.rlim_cur = n;
	return (setrlimit(RLIMIT_NOFILE, &rl));
}

/*
 * At most HUDDLE_MAX_CLIENTS connections at once: the next is refused with
 * one line, and there is room again when one goes.
 */
static void
test_client_limit(void)
{
	struct harness		 h;
	struct harness_peer	 p;
	struct run		 r;
	char			 want[128];
	const char		*text = NULL;
	long long		 deadline;
	int			*fds, i, n = 0, status;

	if (room_for_files(HUDDLE_MAX_CLIENTS + 64) != 0) {
		printf("open file limit too low: client limit untested\n");
		return;
	}
	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "full", "--", "cat", NULL);
	run_free(&r);
	harness_server(&h);

	/* Fill the server with idle connections that have said hello. */
	fds = calloc(HUDDLE_MAX_CLIENTS, sizeof *fds);
	for (i = 0; i < HUDDLE_MAX_CLIENTS; i++) {
		if (harness_peer_open(&h, &p, MSG_KIND_COMMAND, 80, 24) != 0) {
			harness_peer_close(&p);
			break;
		}
		fds[n++] = p.fd;
		p.fd = -1;
		harness_peer_close(&p);
	}
	CHECK_INT(n, HUDDLE_MAX_CLIENTS);

	snprintf(want, sizeof want, "too many clients (at most %d)",
	    HUDDLE_MAX_CLIENTS);
	memset(&p, 0, sizeof p);
	p.fd = harness_connect(&h);
	CHECK_INT(harness_peer_read(&p, WAIT), 0);
	CHECK_INT(p.type, MSG_ERROR);
	if (p.type == MSG_ERROR && p.size > 4)
		text = (const char *)p.payload + 4;
	CHECK_STR(text, want);
	harness_peer_close(&p);
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	snprintf(want, sizeof want, "huddle: too many clients (at most %d)\n",
	    HUDDLE_MAX_CLIENTS);
	CHECK_STR(r.err, want);
	run_free(&r);

	/* One goes: there is room for one more. */
	close(fds[--n]);
	deadline = harness_now_ms() + WAIT;
	do {
		status = harness_run(&h, &r, "has", "-t", "full", NULL);
		run_free(&r);
	} while (status != 0 && harness_now_ms() < deadline);
	CHECK_INT(status, 0);

	while (n > 0)
		close(fds[--n]);
	free(fds);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "full\n");
	run_free(&r);
	harness_done(&h);
}

/* A process's CPU time so far, in clock ticks (-1 if unknown). */
static long
cpu_ticks(pid_t pid)
{
	char		 path[64], *text, *p;
	unsigned long	 utime, stime;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((text = harness_read_file(path, NULL)) == NULL)
		return (-1);
	/* After "pid (comm)": 11 fields, then utime and stime. */
	if ((p = strrchr(text, ')')) == NULL || sscanf(p + 1,
	    " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime,
	    &stime) != 2) {
		free(text);
		return (-1);
	}
	free(text);
	return ((long)(utime + stime));
}

/*
 * A server out of descriptors stops accepting for a while instead of
 * spinning on the connection it cannot take, and carries on after.
 */
static void
test_out_of_files(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*argv[] = { "/bin/sh", "-c", "ulimit -n 48 && exec \"$0\" "
			    "-S \"$1\" -f /dev/null new -d -s few -- cat", NULL,
			    NULL, NULL };
	int		 fds[64], i;
	long		 before, after;
	pid_t		 pid;

	if (access("/proc/self/stat", R_OK) != 0) {
		printf("no /proc: running out of files untested\n");
		return;
	}
	if (harness_init(&h) != 0)
		return;
	argv[3] = h.bin;
	argv[4] = h.sock;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	run_free(&r);
	pid = harness_server(&h);
	for (i = 0; i < 64; i++)
		fds[i] = harness_connect(&h);
	harness_msleep(300);
	before = cpu_ticks(pid);
	harness_msleep(1000);
	after = cpu_ticks(pid);
	printf("server CPU %ld ticks in a second out of files\n",
	    after - before);
	CHECK(before >= 0 && after - before < sysconf(_SC_CLK_TCK) / 4);
	for (i = 0; i < 64; i++) {
		if (fds[i] != -1)
			close(fds[i]);
	}
	CHECK_INT(harness_run(&h, &r, "has", "-t", "few", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_server(&h), pid);
	harness_done(&h);
}

int
main(void)
{
	test_on_demand();
	test_race();
	test_socket_dir();
	test_socket_default();
	test_socket_env();
	test_stale();
	test_sigterm();
	test_client_limit();
	test_out_of_files();
	UNIT_END();
}
