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
#include <sys/time.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "huddle.h"

static FILE	*log_file;
static int	 log_level_now;
static char	 log_dir[PATH_MAX] = ".";	/* where logs go, fixed at start */

/* Raise the log level (each -v). */
void
log_add_level(void)
{
	log_level_now++;
}

/* The current log level. */
int
log_get_level(void)
{
	return (log_level_now);
}

/* Remember the directory logs go to (the server later moves to /). */
void
log_set_dir(void)
{
	if (getcwd(log_dir, sizeof log_dir) == NULL)
		strlcpy(log_dir, ".", sizeof log_dir);
}

/* Open huddle-NAME-PID.log in the log directory if logging is on. */
void
log_open(const char *name)
{
	char	*path;

	if (log_level_now == 0)
		return;
	log_close();
	xasprintf(&path, "%s/huddle-%s-%ld.log", log_dir, name,
	    (long)getpid());
	log_file = fopen(path, "a");
	free(path);
	if (log_file == NULL)
		return;
	setvbuf(log_file, NULL, _IOLBF, 0);
	log_debug("huddle %s, protocol %d", PACKAGE_VERSION,
	    HUDDLE_PROTOCOL_VERSION);
}

/* Toggle logging (SIGUSR2). */
void
log_toggle(const char *name)
{
	if (log_level_now == 0) {
		log_level_now = 1;
		log_open(name);
		log_debug("log opened");
	} else {
		log_debug("log closed");
		log_level_now = 0;
		log_close();
	}
}

/* Close the log. */
void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

/* Write a line with a timestamp, escaping anything unprintable. */
static void
log_vwrite(const char *msg, va_list ap, const char *suffix)
{
	char		*s, *out, *cp;
	const char	*p;
	struct timeval	 tv;
	size_t		 len;

	if (log_file == NULL)
		return;
	if (vasprintf(&s, msg, ap) == -1)
		return;
	len = strlen(s);
	out = malloc(len * 4 + 1);
	if (out == NULL) {
		free(s);
		return;
	}
	for (p = s, cp = out; *p != '\0'; p++) {
		if ((u_char)*p >= 0x20 && *p != 0x7f)
			*cp++ = *p;
		else
			cp += sprintf(cp, "\\%03o", (u_char)*p);
	}
	*cp = '\0';
	gettimeofday(&tv, NULL);
	fprintf(log_file, "%lld.%06d %s%s\n", (long long)tv.tv_sec,
	    (int)tv.tv_usec, out, suffix);
	free(out);
	free(s);
}

/* Log a debug message. */
void
log_debug(const char *msg, ...)
{
	va_list	ap;

	if (log_file == NULL)
		return;
	va_start(ap, msg);
	log_vwrite(msg, ap, "");
	va_end(ap);
}

/* Log and exit with the errno message: a broken invariant or no memory. */
__dead void
fatal(const char *msg, ...)
{
	char	 suffix[256];
	va_list	 ap;
	int	 saved = errno;

	va_start(ap, msg);
	snprintf(suffix, sizeof suffix, ": %s", strerror(saved));
	log_vwrite(msg, ap, suffix);
	va_end(ap);
	va_start(ap, msg);
	fprintf(stderr, "huddle: fatal: ");
	vfprintf(stderr, msg, ap);
	fprintf(stderr, ": %s\n", strerror(saved));
	va_end(ap);
	exit(1);
}

/* Log and exit: a broken invariant. */
__dead void
fatalx(const char *msg, ...)
{
	va_list	 ap;

	va_start(ap, msg);
	log_vwrite(msg, ap, "");
	va_end(ap);
	va_start(ap, msg);
	fprintf(stderr, "huddle: fatal: ");
	vfprintf(stderr, msg, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}
