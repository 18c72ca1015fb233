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

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"

/*
 * The configuration file: one command per line, run by the server with the
 * owner's rights. Errors are collected and shown to whoever started the
 * server; a bad line never stops the others.
 */

#define CFG_MAX_LINE 8190		/* bytes in a line, without its newline */
#define CFG_MAX_ERRORS 8192

static char	*cfg_errors;
static size_t	 cfg_errors_len;
static char	 cfg_location[512];	/* "file:line: " while a line runs */

/* Where the command running now came from, for its errors. */
const char *
cfg_where(void)
{
	return (cfg_location);
}

/* Remember an error to report later. */
void
cfg_add_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 len;

	va_start(ap, fmt);
	len = xvasprintf(&s, fmt, ap);
	va_end(ap);
	log_debug("config: %s", s);
	if (cfg_errors_len + len + 2 < CFG_MAX_ERRORS) {
		cfg_errors = xrealloc(cfg_errors, cfg_errors_len + len + 2);
		memcpy(cfg_errors + cfg_errors_len, s, len);
		cfg_errors_len += len;
		cfg_errors[cfg_errors_len++] = '\n';
		cfg_errors[cfg_errors_len] = '\0';
	}
	free(s);
}

/* Take the collected errors (NULL if none); the caller frees them. */
char *
cfg_take_errors(void)
{
	char	*s = cfg_errors;

	cfg_errors = NULL;
	cfg_errors_len = 0;
	return (s);
}

/* Run one line of a file. */
static void
cfg_run_line(const char *path, u_int n, const char *line)
{
	char	**argv, *cause = NULL;
	int	  argc;

	if (cmd_split(line, &argc, &argv, &cause) != 0) {
		cfg_add_error("%s:%u: %s", esc(path), n, cause);
		free(cause);
		return;
	}
	if (argc == 0) {
		cmd_free_argv(argc, argv);
		return;
	}
	snprintf(cfg_location, sizeof cfg_location, "%s:%u: ", esc(path), n);
	if (cmd_run_internal(argc, argv, &cause) != 0 && cause != NULL) {
		cfg_add_error("%s%s", cfg_location, cause);
		free(cause);
	}
	cfg_location[0] = '\0';
	cmd_free_argv(argc, argv);
}

/*
 * Read one line into buf (CFG_MAX_LINE + 2 bytes) without its newline: 1,
 * 0 at the end of the file, or -1 if it is too long (the rest of it is
 * read and dropped).
 */
static int
cfg_read_line(FILE *f, char *buf, size_t size, size_t *lenp)
{
	size_t	len;

	if (fgets(buf, size, f) == NULL)
		return (0);
	len = strlen(buf);
	if (len == size - 1 && buf[len - 1] != '\n') {
		while (fgets(buf, size, f) != NULL) {
			len = strlen(buf);
			if (len > 0 && buf[len - 1] == '\n')
				break;
		}
		return (-1);
	}
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	*lenp = len;
	return (1);
}

/*
 * Load a configuration file; a missing file is an error only if required.
 * A line that is too long, alone or joined to others by a backslash, is an
 * error; the lines after it are read as usual.
 */
int
cfg_load(const char *path, int required)
{
	FILE	*f;
	char	 buf[CFG_MAX_LINE + 2], *line = NULL;
	size_t	 len = 0, total = 0;
	u_int	 n = 0, first = 0;
	int	 rv, more, skip = 0;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !required)
			return (0);
		cfg_add_error("%s: %s", esc(path), strerror(errno));
		return (-1);
	}
	log_debug("loading %s", path);
	while ((rv = cfg_read_line(f, buf, sizeof buf, &len)) != 0) {
		n++;
		/* A backslash at the end continues the line. */
		more = rv == 1 && len > 0 && buf[len - 1] == '\\';
		if (skip) {
			skip = more;	/* the rest of a line too long */
			continue;
		}
		if (line == NULL)
			first = n;
		if (rv == -1 || total + len - more > CFG_MAX_LINE) {
			cfg_add_error("%s:%u: line too long (more than %d "
			    "bytes)", esc(path), first, CFG_MAX_LINE);
			free(line);
			line = NULL;
			total = 0;
			skip = more;
			continue;
		}
		line = xrealloc(line, total + len + 1);
		memcpy(line + total, buf, len + 1);
		total += len;
		if (more) {
			line[--total] = '\0';
			continue;
		}
		cfg_run_line(path, first, line);
		free(line);
		line = NULL;
		total = 0;
	}
	if (line != NULL)
		cfg_run_line(path, first, line);
	free(line);
	fclose(f);
	return (0);
}
