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
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "huddle.h"

/*
 * A one-shot command: connect (starting a server first for `new`), say
 * hello, send argv, copy the output to stdout and stderr, exit with the
 * status the server sends.
 */

/* Print "huddle: ..." and exit 1. */
static __dead void printflike(1, 2)
client_fail(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "huddle: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	exit(1);
}

/* Write all of buf to fd; -1 if the reader has gone. */
static int
client_write_all(int fd, const u_char *buf, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return (-1);
		buf += n;
		len -= n;
	}
	return (0);
}

/* In the forked server process: detach and run. Never returns. */
static __dead void
client_run_server(const char *cfgfile, int required, int readyfd)
{
	char	*cause = NULL;
	int	 fd, status;

	setsid();
	switch (fork()) {
	case -1:
		_exit(1);
	case 0:
		break;
	default:
		_exit(0);
	}
	if ((fd = open("/dev/null", O_RDWR)) != -1) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
	log_open("server");
	if (chdir("/") != 0)
		log_debug("chdir /: %s", strerror(errno));
	status = server_start(cfgfile, required, readyfd, &cause);
	if (cause != NULL) {
		log_debug("server failed to start: %s", cause);
		if (write(readyfd, cause, strlen(cause)) == -1)
			log_debug("ready pipe: %s", strerror(errno));
		free(cause);
	}
	exit(status);
}

/*
 * Start a server on socket_path and wait until it listens. Errors from the
 * server come back through a close-on-exec pipe, as do warnings from its
 * configuration file.
 */
static void
client_start_server(const char *cfgfile, int required)
{
	char	 buf[8192], *nl, *line;
	size_t	 len = 0;
	ssize_t	 n;
	pid_t	 pid;
	int	 pipefd[2], status;

	if (pipe2(pipefd, O_CLOEXEC) != 0)
		client_fail("pipe: %s", strerror(errno));
	pid = fork();
	if (pid == -1)
		client_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		close(pipefd[0]);
		client_run_server(cfgfile, required, pipefd[1]);
	}
	close(pipefd[1]);
	waitpid(pid, &status, 0);
	for (;;) {
		n = read(pipefd[0], buf + len, sizeof buf - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
		if (len == sizeof buf - 1)
			break;
	}
	close(pipefd[0]);
	buf[len] = '\0';
	if (strncmp(buf, "ok\n", 3) != 0) {
		if (len == 0)
			client_fail("server failed to start");
		client_fail("%s", buf);
	}
	for (line = buf + 3; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			break;
		*nl = '\0';
		fprintf(stderr, "huddle: %s\n", line);
	}
}

/* Connect to the server, starting one if asked and none is running. */
int
client_connect(int start, const char *cfgfile, int required)
{
	int	fd, lockfd, saved;

	if ((fd = socket_connect(socket_path)) != -1)
		return (fd);
	saved = errno;
	if (!start || (saved != ENOENT && saved != ECONNREFUSED)) {
		if (saved == ENOENT || saved == ECONNREFUSED)
			client_fail("no server running on %s",
			    esc(socket_path));
		client_fail("can't connect to %s: %s", esc(socket_path),
		    strerror(saved));
	}
	/* Only one client starts a server; others wait and connect. */
	lockfd = socket_lock(socket_path);
	if ((fd = socket_connect(socket_path)) == -1) {
		client_start_server(cfgfile, required);
		fd = socket_connect(socket_path);
	}
	socket_unlock(socket_path, lockfd);
	if (fd == -1)
		client_fail("can't connect to %s: %s", esc(socket_path),
		    strerror(errno));
	return (fd);
}

/* Build and send MSG_HELLO. */
void
client_send_hello(int fd, enum msg_kind kind, enum msg_via via)
{
	struct msg_buf	 b;
	struct winsize	 ws;
	const char	*term = getenv("TERM");

	memset(&ws, 0, sizeof ws);
	if (isatty(STDIN_FILENO))
		ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
	msg_buf_init(&b, MSG_HELLO);
	msg_put_u32(&b, HUDDLE_PROTOCOL_VERSION);
	msg_put_u8(&b, kind);
	msg_put_string(&b, term != NULL && strlen(term) < 256 ? term : "");
	msg_put_u16(&b, ws.ws_col);
	msg_put_u16(&b, ws.ws_row);
	msg_put_u8(&b, via);
	msg_buf_finish(&b);
	if (client_write_all(fd, b.data, b.len) != 0)
		client_fail("lost server");
	msg_buf_free(&b);
}

/* Send argv as MSG_COMMAND. */
static void
client_send_command(int fd, int argc, char **argv)
{
	struct msg_buf	 b;
	char		 cwd[PATH_MAX];
	const char	*current = getenv("HUDDLE");
	int		 i;

	if (getcwd(cwd, sizeof cwd) == NULL)
		strlcpy(cwd, "/", sizeof cwd);
	msg_buf_init(&b, MSG_COMMAND);
	msg_put_string(&b, cwd);
	msg_put_string(&b, current != NULL ? current : "");
	msg_put_u32(&b, argc);
	for (i = 0; i < argc; i++)
		msg_put_string(&b, argv[i]);
	if (msg_buf_finish(&b) != 0)
		client_fail("command too long");
	if (client_write_all(fd, b.data, b.len) != 0)
		client_fail("lost server");
	msg_buf_free(&b);
}

/* Where standard output goes when it is captured, not printed. */
static char	*client_capture;
static size_t	 client_capture_len;
static int	 client_capturing;

/* Handle one message; returns 1 when the command has finished. */
static int
client_dispatch(uint32_t type, struct msg_reader *r, int *status)
{
	const u_char	*data;
	size_t		 len;
	uint32_t	 v;
	uint8_t		 stream;
	char		*text;

	switch (type) {
	case MSG_HELLO_OK:
		return (0);
	case MSG_ERROR:
		if (msg_get_string(r, &text) != 0)
			client_fail("bad message from server");
		client_fail("%s", text);
	case MSG_OUTPUT:
		if (msg_get_u8(r, &stream) != 0 ||
		    msg_get_bytes(r, &data, &len) != 0 ||
		    (stream != MSG_STDOUT && stream != MSG_STDERR))
			client_fail("bad message from server");
		if (client_capturing && stream == MSG_STDOUT) {
			if (client_capture_len + len > MSG_MAX_PAYLOAD)
				client_fail("too much output");
			client_capture = xrealloc(client_capture,
			    client_capture_len + len + 1);
			memcpy(client_capture + client_capture_len, data, len);
			client_capture_len += len;
			client_capture[client_capture_len] = '\0';
			return (0);
		}
		if (client_write_all(stream == MSG_STDOUT ? STDOUT_FILENO :
		    STDERR_FILENO, data, len) != 0 && stream == MSG_STDOUT)
			exit(1);	/* the reader went away (| head) */
		return (0);
	case MSG_EXIT:
		if (msg_get_u32(r, &v) != 0 || v > 255)
			client_fail("bad message from server");
		*status = (int)v;
		return (1);
	}
	client_fail("unexpected message %u from server", type);
}

/* Read messages until the server sends the exit status. */
int
client_wait(int fd)
{
	struct msg_reader	 r;
	u_char			*buf;
	size_t			 size = 65536, len = 0, payload;
	uint32_t		 type;
	ssize_t			 n;
	int			 status = 1;

	buf = xmalloc(size);
	for (;;) {
		while (msg_parse_check(buf, len, &type, &payload) ==
		    MSG_PARSE_OK) {
			msg_reader_init(&r, buf + MSG_HEADER_SIZE, payload);
			if (client_dispatch(type, &r, &status)) {
				free(buf);
				return (status);
			}
			memmove(buf, buf + MSG_HEADER_SIZE + payload,
			    len - MSG_HEADER_SIZE - payload);
			len -= MSG_HEADER_SIZE + payload;
		}
		if (msg_parse_check(buf, len, &type, &payload) == MSG_PARSE_BAD)
			client_fail("bad message from server");
		if (len == size) {
			size *= 2;
			buf = xrealloc(buf, size);
		}
		n = read(fd, buf + len, size - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			client_fail("lost server");
		len += n;
	}
}

/* Run a command in the server and exit with its status. */
int
client_command(int argc, char **argv, int start, const char *cfgfile,
    int required)
{
	struct sigaction	sa;
	int			fd, status;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	fd = client_connect(start, cfgfile, required);
	client_send_hello(fd, MSG_KIND_COMMAND, MSG_VIA_LOCAL);
	client_send_command(fd, argc, argv);
	status = client_wait(fd);
	close(fd);
	return (status);
}

/* Run a command and return its standard output instead of printing it. */
int
client_command_capture(int argc, char **argv, int start, const char *cfgfile,
    int required, char **out)
{
	int	status;

	client_capturing = 1;
	client_capture = xstrdup("");
	client_capture_len = 0;
	status = client_command(argc, argv, start, cfgfile, required);
	client_capturing = 0;
	*out = client_capture;
	client_capture = NULL;
	return (status);
}
