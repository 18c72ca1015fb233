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
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"

/*
 * huddle proxy: copy standard input to the server's socket and the socket
 * to standard output, so `ssh host huddle proxy` carries a client's
 * protocol to a remote server. The server still sees the peer credentials
 * of the user running the proxy, so it is that user's access that counts.
 * And the other end: a client attaching `--via 'ssh host'` runs that.
 */

#define PROXY_BUFFER (64 * 1024)

/* Move what is readable from one descriptor to another; -1 at EOF. */
static int
proxy_copy(int from, int to)
{
	char	buf[PROXY_BUFFER], *p;
	ssize_t	n, w;

	n = read(from, buf, sizeof buf);
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return (0);
	if (n <= 0)
		return (-1);
	for (p = buf; n > 0; p += w, n -= w) {
		w = write(to, p, n);
		if (w == -1 && (errno == EINTR || errno == EAGAIN)) {
			w = 0;
			continue;
		}
		if (w <= 0)
			return (-1);
	}
	return (0);
}

/* Relay between stdin/stdout and the server until either side closes. */
int
proxy_main(void)
{
	struct pollfd	pfd[2];
	int		fd;

	signal(SIGPIPE, SIG_IGN);
	fd = client_connect(0, NULL, 0);
	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].fd = fd;
	pfd[1].events = POLLIN;
	for (;;) {
		if (poll(pfd, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((pfd[0].revents & (POLLIN|POLLHUP|POLLERR)) &&
		    proxy_copy(STDIN_FILENO, fd) != 0)
			break;
		if ((pfd[1].revents & (POLLIN|POLLHUP|POLLERR)) &&
		    proxy_copy(fd, STDOUT_FILENO) != 0)
			break;
	}
	close(fd);
	return (0);
}

/*
 * Start `sh -c "VIA huddle [socket flags] proxy"` with a socket pair as its
 * standard input and output; returns our end, or -1 with a cause.
 */
int
proxy_spawn(const char *via, const char *sockflags, pid_t *pidp,
    char **cause)
{
	char	*command;
	pid_t	 pid;
	int	 sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		xasprintf(cause, "socketpair: %s", strerror(errno));
		return (-1);
	}
	xasprintf(&command, "%s huddle%s%s proxy", via,
	    *sockflags != '\0' ? " " : "", sockflags);
	pid = fork();
	if (pid == -1) {
		xasprintf(cause, "fork: %s", strerror(errno));
		free(command);
		close(sv[0]);
		close(sv[1]);
		return (-1);
	}
	if (pid == 0) {
		close(sv[0]);
		dup2(sv[1], STDIN_FILENO);
		dup2(sv[1], STDOUT_FILENO);
		if (sv[1] > STDERR_FILENO)
			close(sv[1]);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	free(command);
	close(sv[1]);
	fcntl(sv[0], F_SETFD, FD_CLOEXEC);
	*pidp = pid;
	return (sv[0]);
}
