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
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pty.h>
#include <sys/ioctl.h>

#include "huddle.h"
#include "term.h"
#include "harness.h"

/* Milliseconds on a monotonic clock. */
long long
harness_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Sleep a little (only between checks of a condition). */
void
harness_msleep(int ms)
{
	struct timespec	ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Make a private directory and socket path; clear inherited variables. */
int
harness_init(struct harness *h)
{
	char	*tmp = getenv("TMPDIR");

	memset(h, 0, sizeof *h);
	h->bin = getenv("HUDDLE_TEST_BIN");
	if (h->bin == NULL)
		h->bin = "./huddle";
	snprintf(h->dir, sizeof h->dir, "%s/huddle-test.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(h->dir) == NULL) {
		perror("mkdtemp");
		return (-1);
	}
	snprintf(h->sock, sizeof h->sock, "%s/sock", h->dir);
	unsetenv("HUDDLE");
	unsetenv("HUDDLE_SOCKET");
	unsetenv("TMUX");
	setenv("HUDDLE_TMPDIR", h->dir, 1);
	/* Files a server makes there (shell integration) go with the test. */
	setenv("TMPDIR", h->dir, 1);
	setenv("HOME", h->dir, 1);
	setenv("SHELL", "/bin/sh", 1);
	setenv("TERM", "xterm", 1);
	setenv("ENV", "", 1);
	setenv("PS1", "$ ", 1);
	signal(SIGPIPE, SIG_IGN);
	return (0);
}

/* Remove one file during the directory walk. */
static int
harness_rm(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	return (remove(path));
}

/* End a process by PID: TERM, then KILL if it lingers; reap it if ours. */
static void
harness_end(pid_t pid)
{
	int	i;

	if (pid <= 0 || kill(pid, 0) != 0)
		return;
	kill(pid, SIGTERM);
	for (i = 0; i < 200; i++) {
		waitpid(pid, NULL, WNOHANG);
		if (kill(pid, 0) != 0)
			return;
		harness_msleep(10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, WNOHANG);
}

/* End everything started and remove the directory. */
void
harness_done(struct harness *h)
{
	pid_t	recorded;
	int	i;

	/* The server running now (a test may have started a new one). */
	recorded = h->server_pid;
	if (recorded != -1 && harness_server(h) > 0 && h->server_pid != recorded)
		harness_end(recorded);
	harness_end(h->server_pid);
	for (i = 0; i < h->nextra; i++)
		harness_end(h->extra[i]);
	nftw(h->dir, harness_rm, 16, FTW_DEPTH|FTW_PHYS);
}

/* Remember a process to end at the end of the test. */
void
harness_track(struct harness *h, pid_t pid)
{
	if (h->nextra < (int)(sizeof h->extra / sizeof h->extra[0]))
		h->extra[h->nextra++] = pid;
}

/* Read everything from two pipes until both close or the deadline. */
static int
harness_collect(int outfd, int errfd, struct run *r, long long deadline)
{
	struct pollfd	 pfd[2];
	char		 buf[65536], **dst;
	size_t		 len[2] = { 0, 0 };
	ssize_t		 n;
	int		 i, open = 2, timeout;

	r->out = calloc(1, 1);
	r->err = calloc(1, 1);
	pfd[0].fd = outfd;
	pfd[1].fd = errfd;
	pfd[0].events = pfd[1].events = POLLIN;
	while (open > 0) {
		timeout = (int)(deadline - harness_now_ms());
		if (timeout <= 0)
			return (-1);
		if (poll(pfd, 2, timeout) <= 0)
			continue;
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			n = read(pfd[i].fd, buf, sizeof buf);
			if (n <= 0) {
				close(pfd[i].fd);
				pfd[i].fd = -1;
				open--;
				continue;
			}
			dst = i == 0 ? &r->out : &r->err;
			*dst = realloc(*dst, len[i] + n + 1);
			memcpy(*dst + len[i], buf, n);
			len[i] += n;
			(*dst)[len[i]] = '\0';
		}
	}
	return (0);
}

/*
 * Run a program (argv) with extra environment (NAME=value, may be NULL),
 * stdin from /dev/null, in the test directory, with a deadline. Returns the
 * exit status (128+signal if killed), or -1 if it had to be killed.
 */
int
harness_run_raw(struct harness *h, struct run *r, const char *const *argv,
    const char *const *env)
{
	int	outp[2], errp[2], status, fd, i;
	pid_t	pid;

	memset(r, 0, sizeof *r);
	if (pipe(outp) != 0 || pipe(errp) != 0)
		return (-1);
	pid = fork();
	if (pid == -1)
		return (-1);
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDONLY)) != -1)
			dup2(fd, 0);
		dup2(outp[1], 1);
		dup2(errp[1], 2);
		for (fd = 3; fd < 1024; fd++)
			close(fd);
		if (chdir(h->dir) != 0)
			_exit(126);
		for (i = 0; env != NULL && env[i] != NULL; i++) {
			long	u, g;

			if (sscanf(env[i], "HUDDLE_TEST_AS=%ld:%ld", &u,
			    &g) == 2) {
				struct passwd	*pw = getpwuid(u);

				if (pw == NULL ||
				    initgroups(pw->pw_name, g) != 0 ||
				    setgid(g) != 0 || setuid(u) != 0)
					_exit(125);
				continue;
			}
			putenv((char *)env[i]);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(outp[1]);
	close(errp[1]);
	if (harness_collect(outp[0], errp[0], r,
	    harness_now_ms() + HARNESS_TIMEOUT_MS) != 0) {
		fprintf(stderr, "harness: %s timed out\n", argv[1]);
		kill(pid, SIGKILL);
		if (outp[0] != -1)
			close(outp[0]);
		close(errp[0]);
		waitpid(pid, NULL, 0);
		r->status = -1;
		return (-1);
	}
	waitpid(pid, &status, 0);
	if (WIFEXITED(status))
		r->status = WEXITSTATUS(status);
	else
		r->status = 128 + WTERMSIG(status);
	return (r->status);
}

/* Run huddle -S sock as another user (uid, gid, and that user's groups). */
int
harness_run_as(struct harness *h, struct run *r, uid_t uid, gid_t gid,
    const char *const *args)
{
	const char	*argv[64];
	char		 env[64];
	const char	*envs[] = { env, NULL };
	int		 i, n = 0;

	snprintf(env, sizeof env, "HUDDLE_TEST_AS=%ld:%ld", (long)uid,
	    (long)gid);
	argv[n++] = h->bin;
	argv[n++] = "-S";
	argv[n++] = h->sock;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	for (i = 0; args[i] != NULL && n < 63; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return (harness_run_raw(h, r, argv, envs));
}

/* Run huddle -S sock -f /dev/null with argv (NULL-terminated). */
int
harness_runv(struct harness *h, struct run *r, const char *const *args)
{
	const char	*argv[64];
	int		 i, n = 0;

	argv[n++] = h->bin;
	argv[n++] = "-S";
	argv[n++] = h->sock;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	for (i = 0; args[i] != NULL && n < 63; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return (harness_run_raw(h, r, argv, NULL));
}

/* Run huddle with arguments given as a NULL-terminated list. */
int
harness_run(struct harness *h, struct run *r, ...)
{
	const char	*args[64], *a;
	va_list		 ap;
	int		 n = 0;

	va_start(ap, r);
	while ((a = va_arg(ap, const char *)) != NULL && n < 63)
		args[n++] = a;
	va_end(ap);
	args[n] = NULL;
	return (harness_runv(h, r, args));
}

/*
 * Run huddle -f /dev/null with arguments (NULL-terminated) but no -S, with
 * extra environment (NAME=value, may be NULL): for tests of how the socket
 * is chosen.
 */
int
harness_run_env(struct harness *h, struct run *r, const char *const *env,
    ...)
{
	const char	*argv[64], *a;
	va_list		 ap;
	int		 n = 0;

	argv[n++] = h->bin;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	va_start(ap, env);
	while ((a = va_arg(ap, const char *)) != NULL && n < 63)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	return (harness_run_raw(h, r, argv, env));
}

/* Free a run's output. */
void
run_free(struct run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

/* Capture a pane (extra flags may be NULL); returns the text or NULL. */
char *
harness_capture(struct harness *h, const char *target, const char *flags)
{
	struct run	 r;
	const char	*args[8];
	char		*out;
	int		 n = 0;

	args[n++] = "capture";
	args[n++] = "-t";
	args[n++] = target;
	if (flags != NULL)
		args[n++] = flags;
	args[n] = NULL;
	if (harness_runv(h, &r, args) != 0) {
		run_free(&r);
		return (NULL);
	}
	out = r.out;
	free(r.err);
	return (out);
}

/* Wait until a capture of the pane contains needle; 0 if it did. */
int
harness_wait_capture(struct harness *h, const char *target,
    const char *needle, int timeout_ms)
{
	long long	 deadline = harness_now_ms() + timeout_ms;
	char		*out = NULL;

	for (;;) {
		free(out);
		out = harness_capture(h, target, NULL);
		if (out != NULL && strstr(out, needle) != NULL) {
			free(out);
			return (0);
		}
		if (harness_now_ms() > deadline)
			break;
		harness_msleep(20);
	}
	fprintf(stderr, "harness: \"%s\" never appeared; screen was:\n%s\n",
	    needle, out != NULL ? out : "(no capture)");
	free(out);
	return (-1);
}

/* Wait until a session no longer exists; 0 if it went. */
int
harness_wait_gone(struct harness *h, const char *target, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;
	struct run	r;

	while (harness_now_ms() < deadline) {
		harness_run(h, &r, "has", "-t", target, NULL);
		run_free(&r);
		if (r.status != 0)
			return (0);
		harness_msleep(20);
	}
	return (-1);
}

/* Wait until a file exists; 0 if it does. */
int
harness_wait_file(const char *path, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;

	while (harness_now_ms() < deadline) {
		if (access(path, F_OK) == 0)
			return (0);
		harness_msleep(20);
	}
	return (-1);
}

/* Wait until a file is gone; 0 if it went. */
int
harness_wait_nofile(const char *path, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;

	while (harness_now_ms() < deadline) {
		if (access(path, F_OK) != 0)
			return (0);
		harness_msleep(20);
	}
	return (-1);
}

/*
 * Wait until a file holds a whole line (a program may create it a moment
 * before writing); its contents, or on timeout what there was (or NULL).
 */
char *
harness_wait_line(const char *path, int timeout_ms)
{
	long long	 deadline = harness_now_ms() + timeout_ms;
	char		*text;

	for (;;) {
		text = harness_read_file(path, NULL);
		if (text != NULL && strchr(text, '\n') != NULL)
			return (text);
		if (harness_now_ms() > deadline)
			return (text);
		free(text);
		harness_msleep(20);
	}
}

/* Wait until a process (not our child) has gone; 0 if it went. */
int
harness_wait_pid(pid_t pid, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;

	while (harness_now_ms() < deadline) {
		if (kill(pid, 0) != 0)
			return (0);
		harness_msleep(20);
	}
	return (-1);
}

/* Reap a child of the test: its exit status (128 if killed), -1 if it is
 * still running at the deadline. */
int
harness_reap(pid_t pid, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;
	int		status;

	while (harness_now_ms() < deadline) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return (WIFEXITED(status) ? WEXITSTATUS(status) : 128);
		harness_msleep(20);
	}
	return (-1);
}

/* The server's PID, from `ls -F` (0 if no server). */
pid_t
harness_server(struct harness *h)
{
	struct run	r;
	pid_t		pid = 0;

	if (harness_run(h, &r, "message", "-p", "#{pid}", NULL) == 0)
		pid = (pid_t)strtol(r.out, NULL, 10);
	run_free(&r);
	if (pid > 0)
		h->server_pid = pid;
	return (pid);
}

/* Read a whole file (NUL-terminated); NULL if it can't be read. */
char *
harness_read_file(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 len = 0, n;
	char	 tmp[65536];

	if ((f = fopen(path, "r")) == NULL)
		return (NULL);
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
		buf = realloc(buf, len + n + 1);
		memcpy(buf + len, tmp, n);
		len += n;
	}
	fclose(f);
	if (buf == NULL)
		buf = calloc(1, 1);
	buf[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return (buf);
}

/* Connect a raw socket to the server (for protocol tests). */
int
harness_connect(struct harness *h)
{
	struct sockaddr_un	sa;
	int			fd;

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (strlcpy(sa.sun_path, h->sock, sizeof sa.sun_path) >=
	    sizeof sa.sun_path)
		return (-1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return (-1);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/* Report a skipped test and return the skip status. */
int
harness_skip(const char *why)
{
	printf("SKIP: %s\n", why);
	return (HARNESS_SKIP);
}

/* Start `huddle ARGS` on a new pty of sx by sy with TERM=termname. */
int
harness_tty_start(struct harness *h, struct harness_tty *t, unsigned int sx,
    unsigned int sy, const char *termname, const char *const *args)
{
	return (harness_tty_start_as(h, t, sx, sy, termname, args, getuid(),
	    getgid()));
}

/* The same, as another user. */
int
harness_tty_start_as(struct harness *h, struct harness_tty *t,
    unsigned int sx, unsigned int sy, const char *termname,
    const char *const *args, uid_t uid, gid_t gid)
{
	struct passwd	*pw;
	struct winsize	 ws;
	const char	*argv[64];
	char		 termenv[128];
	int		 i, n = 0;

	memset(t, 0, sizeof *t);
	memset(&ws, 0, sizeof ws);
	ws.ws_col = sx;
	ws.ws_row = sy;
	argv[n++] = h->bin;
	argv[n++] = "-S";
	argv[n++] = h->sock;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	for (i = 0; args[i] != NULL && n < 63; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid == -1)
		return (-1);
	if (t->pid == 0) {
		if (chdir(h->dir) != 0)
			_exit(126);
		snprintf(termenv, sizeof termenv, "TERM=%s", termname);
		putenv(termenv);
		if (uid != getuid()) {
			if ((pw = getpwuid(uid)) == NULL ||
			    initgroups(pw->pw_name, gid) != 0 ||
			    setgid(gid) != 0 || setuid(uid) != 0)
				_exit(125);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	harness_track(h, t->pid);
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	t->sx = sx;
	t->sy = sy;
	t->term = term_create(sx, sy, 0, NULL, NULL);
	return (0);
}

/* Note the client's exit status if it has exited. */
static void
harness_tty_reap(struct harness_tty *t)
{
	int	status;

	if (!t->exited && waitpid(t->pid, &status, WNOHANG) == t->pid) {
		t->exited = 1;
		t->status = WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status);
	}
}

/* Read what the client wrote for up to ms; -1 once the pty is closed. */
int
harness_tty_pump(struct harness_tty *t, int ms)
{
	struct pollfd	 pfd;
	long long	 deadline = harness_now_ms() + ms;
	u_char		 buf[65536];
	ssize_t		 n;
	int		 timeout;

	if (t->fd == -1) {
		harness_tty_reap(t);
		return (-1);
	}
	pfd.fd = t->fd;
	pfd.events = POLLIN;
	do {
		timeout = (int)(deadline - harness_now_ms());
		if (poll(&pfd, 1, timeout < 0 ? 0 : timeout) <= 0)
			break;
		n = read(t->fd, buf, sizeof buf);
		if (n <= 0) {
			if (n == -1 && errno == EAGAIN)
				continue;
			close(t->fd);
			t->fd = -1;
			break;
		}
		term_input(t->term, buf, n);
		t->raw = realloc(t->raw, t->rawlen + n + 1);
		memcpy(t->raw + t->rawlen, buf, n);
		t->rawlen += n;
		t->raw[t->rawlen] = '\0';
	} while (harness_now_ms() < deadline);
	harness_tty_reap(t);
	return (t->fd == -1 ? -1 : 0);
}

/* The screen as text, one line per row, trailing blanks trimmed. */
char *
harness_tty_screen(struct harness_tty *t)
{
	struct grid	 g;
	struct cell	*gc;
	char		*out, *p;
	unsigned int	 x, y, end;

	grid_init(&g, 1, 1);
	term_snapshot(t->term, &g);
	out = p = malloc((size_t)g.sx * g.sy * 4 + g.sy + 1);
	for (y = 0; y < g.sy; y++) {
		for (end = g.sx; end > 0; end--) {
			gc = grid_cell(&g, end - 1, y);
			if (gc->ch != 0 && gc->ch != ' ')
				break;
		}
		for (x = 0; x < end; x++) {
			gc = grid_cell(&g, x, y);
			if (gc->width == 0)
				continue;
			p += utf8_encode(gc->ch == 0 ? ' ' : gc->ch, p);
		}
		*p++ = '\n';
	}
	*p = '\0';
	grid_free(&g);
	return (out);
}

/* Wait until the screen shows needle; 0 if it did. */
int
harness_tty_wait(struct harness_tty *t, const char *needle, int timeout_ms)
{
	long long	 deadline = harness_now_ms() + timeout_ms;
	char		*screen = NULL;

	for (;;) {
		harness_tty_pump(t, 20);
		free(screen);
		screen = harness_tty_screen(t);
		if (strstr(screen, needle) != NULL) {
			free(screen);
			return (0);
		}
		if (harness_now_ms() > deadline || t->fd == -1)
			break;
	}
	fprintf(stderr, "harness: \"%s\" never appeared on the client; "
	    "screen was:\n%s\n", needle, screen);
	free(screen);
	return (-1);
}

/* Wait until the screen no longer shows needle; 0 if it went. */
int
harness_tty_wait_gone(struct harness_tty *t, const char *needle,
    int timeout_ms)
{
	long long	 deadline = harness_now_ms() + timeout_ms;
	char		*screen;
	int		 found;

	do {
		harness_tty_pump(t, 20);
		screen = harness_tty_screen(t);
		found = strstr(screen, needle) != NULL;
		free(screen);
		if (!found)
			return (0);
	} while (harness_now_ms() < deadline && t->fd != -1);
	return (-1);
}

/* Type into the client's terminal. */
void
harness_tty_write(struct harness_tty *t, const char *buf, size_t len)
{
	ssize_t	n;

	while (len > 0 && t->fd != -1) {
		n = write(t->fd, buf, len);
		if (n == -1 && errno == EAGAIN) {
			harness_tty_pump(t, 5);
			continue;
		}
		if (n <= 0)
			break;
		buf += n;
		len -= n;
	}
}

/* Resize the client's terminal (it gets SIGWINCH). */
void
harness_tty_resize(struct harness_tty *t, unsigned int sx, unsigned int sy)
{
	struct winsize	ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = sx;
	ws.ws_row = sy;
	t->sx = sx;
	t->sy = sy;
	term_resize(t->term, sx, sy);
	if (t->fd != -1)
		ioctl(t->fd, TIOCSWINSZ, &ws);
}

/* Wait for the client to exit; its exit status, or -1 on timeout. */
int
harness_tty_wait_exit(struct harness_tty *t, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;

	while (!t->exited && harness_now_ms() < deadline) {
		if (harness_tty_pump(t, 20) == -1 && !t->exited)
			harness_msleep(10);
	}
	return (t->exited ? t->status : -1);
}

/* End the client (if still running) and free everything. */
void
harness_tty_free(struct harness_tty *t)
{
	if (!t->exited && t->pid > 0) {
		kill(t->pid, SIGTERM);
		harness_tty_wait_exit(t, 2000);
		if (!t->exited) {
			kill(t->pid, SIGKILL);
			waitpid(t->pid, NULL, 0);
		}
	}
	if (t->fd != -1)
		close(t->fd);
	term_free(t->term);
	free(t->raw);
}

/* Connect and say hello as kind (MSG_KIND_*) with a terminal size. */
int
harness_peer_open(struct harness *h, struct harness_peer *p, int kind,
    unsigned int sx, unsigned int sy)
{
	struct msg_buf	b;

	memset(p, 0, sizeof *p);
	if ((p->fd = harness_connect(h)) == -1)
		return (-1);
	msg_buf_init(&b, MSG_HELLO);
	msg_put_u32(&b, HUDDLE_PROTOCOL_VERSION);
	msg_put_u8(&b, kind);
	msg_put_string(&b, "screen-256color");
	msg_put_u16(&b, sx);
	msg_put_u16(&b, sy);
	msg_put_u8(&b, MSG_VIA_LOCAL);
	if (harness_peer_send(p, &b) != 0)
		return (-1);
	return (harness_peer_wait(p, MSG_HELLO_OK, HARNESS_TIMEOUT_MS));
}

/* Send a message (frees the buffer). */
int
harness_peer_send(struct harness_peer *p, struct msg_buf *b)
{
	size_t	off = 0;
	ssize_t	n;

	msg_buf_finish(b);
	while (off < b->len) {
		n = write(p->fd, b->data + off, b->len - off);
		if (n <= 0) {
			msg_buf_free(b);
			return (-1);
		}
		off += n;
	}
	msg_buf_free(b);
	return (0);
}

/* Read the next message within timeout_ms; -1 on timeout or EOF. */
int
harness_peer_read(struct harness_peer *p, int timeout_ms)
{
	struct pollfd	 pfd;
	long long	 deadline = harness_now_ms() + timeout_ms;
	uint32_t	 type;
	size_t		 size;
	ssize_t		 n;
	int		 timeout;

	free(p->payload);
	p->payload = NULL;
	for (;;) {
		if (msg_parse_check(p->buf, p->len, &type, &size) ==
		    MSG_PARSE_OK) {
			p->type = type;
			p->size = size;
			p->payload = malloc(size + 1);
			memcpy(p->payload, p->buf + MSG_HEADER_SIZE, size);
			p->payload[size] = '\0';
			memmove(p->buf, p->buf + MSG_HEADER_SIZE + size,
			    p->len - MSG_HEADER_SIZE - size);
			p->len -= MSG_HEADER_SIZE + size;
			return (0);
		}
		timeout = (int)(deadline - harness_now_ms());
		if (timeout <= 0)
			return (-1);
		pfd.fd = p->fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, timeout) <= 0)
			continue;
		p->buf = realloc(p->buf, p->len + 65536);
		n = read(p->fd, p->buf + p->len, 65536);
		if (n <= 0)
			return (-1);
		p->len += n;
	}
}

/* Read until a message of this type arrives; -1 if it never does. */
int
harness_peer_wait(struct harness_peer *p, uint32_t type, int timeout_ms)
{
	long long	deadline = harness_now_ms() + timeout_ms;
	int		left;

	while ((left = (int)(deadline - harness_now_ms())) > 0) {
		if (harness_peer_read(p, left) != 0)
			return (-1);
		if (p->type == type)
			return (0);
	}
	return (-1);
}

/* Close a raw connection. */
void
harness_peer_close(struct harness_peer *p)
{
	if (p->fd != -1)
		close(p->fd);
	free(p->buf);
	free(p->payload);
	memset(p, 0, sizeof *p);
	p->fd = -1;
}
