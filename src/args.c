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
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"

/*
 * Command arguments: getopt-style short flags from the entry's template
 * ("t:dp": -t takes a value), long flags from its table, then positional
 * arguments. The first word that is not a flag, or "--", ends the flags.
 */

/* Record a flag and its value. */
static void
args_set(struct args *args, int flag, const char *value)
{
	free(args->values[flag]);
	args->values[flag] = xstrdup(value == NULL ? "" : value);
	args->set[flag] = 1;
}

/* Parse a long flag at argv[*i]; -1 with a cause on error. */
static int
args_parse_long(const struct cmd_entry *entry, struct args *args, int argc,
    char **argv, int *i, char **cause)
{
	const struct args_long	*l;
	const char		*arg = argv[*i] + 2, *eq;
	char			*name;
	size_t			 len;

	eq = strchr(arg, '=');
	len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	for (l = entry->long_args; l != NULL && l->name != NULL; l++) {
		if (strlen(l->name) == len && strncmp(l->name, arg, len) == 0)
			break;
	}
	if (l == NULL || l->name == NULL) {
		name = xstrndup(arg, len);
		xasprintf(cause, "unknown flag --%s", esc(name));
		free(name);
		return (-1);
	}
	if (!l->has_arg) {
		if (eq != NULL) {
			xasprintf(cause, "--%s takes no value", l->name);
			return (-1);
		}
		args_set(args, l->code, NULL);
		return (0);
	}
	if (eq != NULL) {
		args_set(args, l->code, eq + 1);
		return (0);
	}
	if (*i + 1 >= argc) {
		xasprintf(cause, "--%s needs a value", l->name);
		return (-1);
	}
	(*i)++;
	args_set(args, l->code, argv[*i]);
	return (0);
}

/* Parse a group of short flags at argv[*i]; -1 with a cause on error. */
static int
args_parse_short(const struct cmd_entry *entry, struct args *args, int argc,
    char **argv, int *i, char **cause)
{
	const char	*arg = argv[*i] + 1, *found;
	char		*name;
	u_char		 flag;
	size_t		 n;

	while ((flag = *arg++) != '\0') {
		found = NULL;
		if (flag != ':' && flag < 0x80 && entry->args != NULL)
			found = strchr(entry->args, flag);
		if (found == NULL) {
			/* Name the whole character, even a UTF-8 one. */
			n = utf8_lead_length(flag);
			if (n == 0 || n > 1 + strlen(arg))
				n = 1;
			name = xstrndup(arg - 1, n);
			xasprintf(cause, "unknown flag -%s", esc(name));
			free(name);
			return (-1);
		}
		if (found[1] != ':') {
			args_set(args, flag, NULL);
			continue;
		}
		if (*arg != '\0') {
			args_set(args, flag, arg);
			return (0);
		}
		if (*i + 1 >= argc) {
			xasprintf(cause, "-%c needs a value", flag);
			return (-1);
		}
		(*i)++;
		args_set(args, flag, argv[*i]);
		return (0);
	}
	return (0);
}

/* Parse argv (argv[0] is the command name) for an entry. */
struct args *
args_parse(const struct cmd_entry *entry, int argc, char **argv, char **cause)
{
	struct args	*args;
	int		 i, j;

	args = xcalloc(1, sizeof *args);
	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || argv[i][1] == '\0')
			break;
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (argv[i][1] == '-') {
			if (args_parse_long(entry, args, argc, argv, &i,
			    cause) != 0)
				goto fail;
		} else if (args_parse_short(entry, args, argc, argv, &i,
		    cause) != 0)
			goto fail;
	}
	args->argc = argc - i;
	if (args->argc < entry->min_args) {
		xasprintf(cause, "too few arguments");
		goto fail;
	}
	if (entry->max_args >= 0 && args->argc > entry->max_args) {
		xasprintf(cause, "too many arguments");
		goto fail;
	}
	args->argv = xcalloc(args->argc + 1, sizeof *args->argv);
	for (j = 0; j < args->argc; j++)
		args->argv[j] = xstrdup(argv[i + j]);
	return (args);

fail:
	args_free(args);
	return (NULL);
}

/* Free parsed arguments. */
void
args_free(struct args *args)
{
	int	i;

	if (args == NULL)
		return;
	for (i = 0; i < ARGS_LONG_END; i++)
		free(args->values[i]);
	for (i = 0; i < args->argc && args->argv != NULL; i++)
		free(args->argv[i]);
	free(args->argv);
	free(args);
}

/* Whether a flag was given. */
int
args_has(struct args *args, int flag)
{
	if (flag < 0 || flag >= ARGS_LONG_END)
		return (0);
	return (args->set[flag]);
}

/* A flag's value, or NULL. */
const char *
args_get(struct args *args, int flag)
{
	if (!args_has(args, flag))
		return (NULL);
	return (args->values[flag]);
}

/* A flag's value as a number in [min, max]; -1 with a cause if it isn't. */
long long
args_number(struct args *args, int flag, long long min, long long max,
    char **cause)
{
	const char	*value = args_get(args, flag);
	char		*end;
	long long	 n;

	if (value == NULL) {
		xasprintf(cause, "missing value");
		return (-1);
	}
	errno = 0;
	n = strtoll(value, &end, 10);
	if (*value == '\0' || *end != '\0' || errno == ERANGE) {
		xasprintf(cause, "not a number: %s", esc(value));
		return (-1);
	}
	if (n < min || n > max) {
		xasprintf(cause, "out of range (%lld to %lld): %s", min, max,
		    esc(value));
		return (-1);
	}
	return (n);
}

/*
 * A number of seconds (a decimal fraction allowed), more than 0 and at most
 * a day; *out is left alone if the flag is not given.
 */
int
args_seconds(struct args *args, int flag, double *out, char **cause)
{
	const char	*value = args_get(args, flag);
	char		*end;
	double		 d;

	if (value == NULL)
		return (0);
	errno = 0;
	d = strtod(value, &end);
	if (*value == '\0' || *end != '\0' || errno == ERANGE ||
	    strspn(value, "0123456789.") != strlen(value)) {
		xasprintf(cause, "not a number of seconds: %s", esc(value));
		return (-1);
	}
	if (d <= 0 || d > 86400) {
		xasprintf(cause, "out of range (more than 0, at most 86400): %s",
		    esc(value));
		return (-1);
	}
	*out = d;
	return (0);
}
