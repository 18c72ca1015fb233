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
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#ifdef HAVE_PTY_H
#include <pty.h>
#endif
#ifdef HAVE_UTIL_H
#include <util.h>
#endif
#ifdef HAVE_LIBUTIL_H
#include <libutil.h>
#endif

#include "huddle.h"

/*
 * Start a program on a new pty. Failures in the child (a bad directory, a
 * program that cannot be run) come back through a close-on-exec pipe, so
 * the caller gets a clear error instead of a pane that dies at once.
 */

/* In the child: report errno on the pipe and exit. */
static __dead void
spawn_child_fail(int fd, int stage)
{
	int	msg[2];

	msg[0] = stage;
	msg[1] = errno;
	if (write(fd, msg, sizeof msg) != (ssize_t)sizeof msg)
		_exit(127);
	_exit(127);
}

/* In the child: set up and exec. */
static __dead void
spawn_child(int argc, char **argv, const char *cwd, char **env,
    char **shell_args, int errfd)
{
	struct sigaction	 sa;
	char			*argv0, *shell, *slash, **sargv;
	int			 i, n;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (i = 1; i < NSIG; i++)
		sigaction(i, &sa, NULL);
	sigprocmask(SIG_SETMASK, &sa.sa_mask, NULL);
	server_restore_files();

	if (cwd != NULL && chdir(cwd) != 0)
		spawn_child_fail(errfd, 1);
	for (i = 0; env != NULL && env[i] != NULL; i++)
		putenv(env[i]);
	/* Keep only the error pipe (as fd 3, close-on-exec) past stderr. */
	if (errfd != STDERR_FILENO + 1) {
		if (dup2(errfd, STDERR_FILENO + 1) == -1)
			_exit(127);
		errfd = STDERR_FILENO + 1;
	}
	fcntl(errfd, F_SETFD, FD_CLOEXEC);
	closefrom(errfd + 1);

	if (argc == 0 && shell_args != NULL) {
		/* The user's shell with these arguments. */
		shell = (char *)getshell();
		slash = strrchr(shell, '/');
		for (n = 0; shell_args[n] != NULL; n++)
			;
		sargv = xcalloc(n + 2, sizeof *sargv);
		sargv[0] = slash != NULL ? slash + 1 : shell;
		for (i = 0; i < n; i++)
			sargv[i + 1] = shell_args[i];
		execv(shell, sargv);
	} else if (argc == 0) {
		/* The user's shell, as a login shell. */
		shell = (char *)getshell();
		slash = strrchr(shell, '/');
		xasprintf(&argv0, "-%s", slash != NULL ? slash + 1 : shell);
		execl(shell, argv0, (char *)NULL);
	} else if (argc == 1) {
		/* One word is a command line for the shell. */
		execl("/bin/sh", "sh", "-c", argv[0], (char *)NULL);
	} else
		execvp(argv[0], argv);
	spawn_child_fail(errfd, 2);
}

/*
 * Fork a child running argv on a pty of sx by sy. env entries ("NAME=value")
 * are added to the child's environment. With argc 0 the user's shell runs,
 * as a login shell, or if shell_args is not NULL with those arguments.
 * Returns the pid and the pty master in *fd, or -1 with a cause.
 */
pid_t
spawn_pty(int argc, char **argv, const char *cwd, char **env,
    char **shell_args, u_int sx, u_int sy, int *fd, char **cause)
{
	struct winsize	ws;
	pid_t		pid;
	int		pipefd[2], msg[2], master;
	ssize_t		n;

	memset(&ws, 0, sizeof ws);
	ws.ws_col = sx;
	ws.ws_row = sy;
	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		return (-1);
	}
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid == -1) {
		xasprintf(cause, "couldn't create pty: %s", strerror(errno));
		close(pipefd[0]);
		close(pipefd[1]);
		return (-1);
	}
	if (pid == 0) {
		close(pipefd[0]);
		if (pipefd[1] <= STDERR_FILENO) {
			/* Cannot happen after forkpty, but be sure. */
			_exit(127);
		}
		spawn_child(argc, argv, cwd, env, shell_args, pipefd[1]);
	}
	close(pipefd[1]);
	do
		n = read(pipefd[0], msg, sizeof msg);
	while (n == -1 && errno == EINTR);
	close(pipefd[0]);
	if (n == (ssize_t)sizeof msg) {
		waitpid(pid, NULL, 0);
		close(master);
		if (msg[0] == 1)
			xasprintf(cause, "couldn't change to directory %s: %s",
			    esc(cwd), strerror(msg[1]));
		else if (argc == 0)
			xasprintf(cause, "couldn't run %s: %s", esc(getshell()),
			    strerror(msg[1]));
		else
			xasprintf(cause, "couldn't run %s: %s", esc(argv[0]),
			    strerror(msg[1]));
		return (-1);
	}
	if (fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) == -1 ||
	    fcntl(master, F_SETFD, FD_CLOEXEC) == -1) {
		xasprintf(cause, "fcntl: %s", strerror(errno));
		close(master);
		kill(pid, SIGHUP);
		return (-1);
	}
	*fd = master;
	return (pid);
}
