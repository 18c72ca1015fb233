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
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"

/*
 * Where the server's socket lives, and the checks around it: the per-user
 * directory is created 0700 and refused if someone else owns it, it is not a
 * directory (a symlink included), or others may write to it.
 */

/* Check the socket directory; create it if missing. */
static int
socket_check_dir(const char *dir, char **cause)
{
	struct stat	sb;
	uid_t		uid = getuid();

	if (mkdir(dir, S_IRWXU) != 0 && errno != EEXIST) {
		xasprintf(cause, "couldn't create directory %s: %s", esc(dir),
		    strerror(errno));
		return (-1);
	}
	if (lstat(dir, &sb) != 0) {
		xasprintf(cause, "couldn't access directory %s: %s", esc(dir),
		    strerror(errno));
		return (-1);
	}
	if (!S_ISDIR(sb.st_mode)) {
		xasprintf(cause, "%s is not a directory", esc(dir));
		return (-1);
	}
	if (sb.st_uid != uid) {
		xasprintf(cause, "directory %s is owned by uid %ld, not %ld",
		    esc(dir), (long)sb.st_uid, (long)uid);
		return (-1);
	}
	if (sb.st_mode & (S_IWGRP|S_IWOTH)) {
		xasprintf(cause, "directory %s is writable by others",
		    esc(dir));
		return (-1);
	}
	return (0);
}

/* Work out the socket path from -S, -L and the environment. */
char *
huddle_socket_path(const char *label, const char *path, char **cause)
{
	const char	*env, *base;
	char		*dir, *out, *copy, *comma;

	if (path != NULL)
		return (xstrdup(path));
	if (label == NULL) {
		/* Inside a session, use its server. */
		env = getenv("HUDDLE");
		if (env != NULL && *env != '\0') {
			copy = xstrdup(env);
			if ((comma = strchr(copy, ',')) != NULL)
				*comma = '\0';
			if (*copy != '\0')
				return (copy);
			free(copy);
		}
		env = getenv("HUDDLE_SOCKET");
		if (env != NULL && *env != '\0')
			return (xstrdup(env));
		label = HUDDLE_SOCKET_NAME;
	}
	if (*label == '\0' || strchr(label, '/') != NULL) {
		xasprintf(cause, "invalid socket name: %s", esc(label));
		return (NULL);
	}
	base = getenv("HUDDLE_TMPDIR");
	if (base == NULL || *base == '\0')
		base = getenv("XDG_RUNTIME_DIR");
	if (base == NULL || *base == '\0')
		base = "/tmp";
	xasprintf(&dir, "%s/huddle-%ld", base, (long)getuid());
	if (socket_check_dir(dir, cause) != 0) {
		free(dir);
		return (NULL);
	}
	xasprintf(&out, "%s/%s", dir, label);
	free(dir);
	return (out);
}

/* Fill in a sockaddr_un; -1 if the path is too long. */
static int
socket_address(const char *path, struct sockaddr_un *sa, char **cause)
{
	memset(sa, 0, sizeof *sa);
	sa->sun_family = AF_UNIX;
	if (strlcpy(sa->sun_path, path, sizeof sa->sun_path) >=
	    sizeof sa->sun_path) {
		xasprintf(cause, "socket path too long: %s", esc(path));
		return (-1);
	}
	return (0);
}

/* Connect to a server; -1 with errno set if nothing answers. */
int
socket_connect(const char *path)
{
	struct sockaddr_un	 sa;
	char			*cause = NULL;
	int			 fd, saved;

	if (socket_address(path, &sa, &cause) != 0) {
		free(cause);
		errno = ENAMETOOLONG;
		return (-1);
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0)) == -1)
		return (-1);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return (-1);
	}
	return (fd);
}

/*
 * Make sure nothing is in the way of a new socket. Only a socket that nobody
 * answers on (a server that died) is removed; anything else is an error and
 * left alone.
 */
static int
socket_clear_stale(const char *path, char **cause)
{
	struct stat	sb;
	int		fd;

	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return (0);
		xasprintf(cause, "couldn't access %s: %s", esc(path),
		    strerror(errno));
		return (-1);
	}
	if (!S_ISSOCK(sb.st_mode)) {
		xasprintf(cause, "%s exists and is not a socket", esc(path));
		return (-1);
	}
	fd = socket_connect(path);
	if (fd != -1) {
		close(fd);
		xasprintf(cause, "a server is already running on %s",
		    esc(path));
		return (-1);
	}
	if (errno != ECONNREFUSED) {
		xasprintf(cause, "couldn't check %s: %s", esc(path),
		    strerror(errno));
		return (-1);
	}
	log_debug("removing stale socket %s", path);
	if (unlink(path) != 0 && errno != ENOENT) {
		xasprintf(cause, "couldn't remove stale socket %s: %s",
		    esc(path), strerror(errno));
		return (-1);
	}
	return (0);
}

/* Create the listening socket, owner-only. */
int
socket_listen(const char *path, char **cause)
{
	struct sockaddr_un	sa;
	mode_t			mask;
	int			fd, saved;

	if (socket_address(path, &sa, cause) != 0)
		return (-1);
	if (socket_clear_stale(path, cause) != 0)
		return (-1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0)) == -1) {
		xasprintf(cause, "socket: %s", strerror(errno));
		return (-1);
	}
	mask = umask(S_IXUSR|S_IRWXG|S_IRWXO);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == -1) {
		saved = errno;
		umask(mask);
		close(fd);
		xasprintf(cause, "couldn't create socket %s: %s", esc(path),
		    strerror(saved));
		return (-1);
	}
	umask(mask);
	if (listen(fd, 128) == -1) {
		saved = errno;
		close(fd);
		unlink(path);
		xasprintf(cause, "listen: %s", strerror(saved));
		return (-1);
	}
	return (fd);
}

/* Take the start-up lock beside the socket, so two clients start one server. */
int
socket_lock(const char *path)
{
	char	*lockpath;
	int	 fd;

	xasprintf(&lockpath, "%s.lock", path);
	fd = open(lockpath, O_WRONLY|O_CREAT|O_CLOEXEC, 0600);
	free(lockpath);
	if (fd == -1)
		return (-1);
	if (lockf(fd, F_LOCK, 0) == -1) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/*
 * Release the start-up lock. The file stays: removing it would let a waiting
 * client hold a lock on a file nobody else can see.
 */
void
socket_unlock(const char *path, int fd)
{
	if (fd != -1)
		close(fd);
}
