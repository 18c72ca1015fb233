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

#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "unit.h"

/* Unit tests for argument parsing and the command table lookup. */

static const struct args_long test_long[] = {
	{ "json", 0, ARGS_JSON },
	{ "timeout", 1, ARGS_TIMEOUT },
	{ NULL, 0, 0 }
};

static const struct cmd_entry test_entry = {
	.name = "test",
	.args = "dt:S:",
	.long_args = test_long,
	.min_args = 0,
	.max_args = 2,
	.usage = "[-d] [-t target] [-S start] [--json] [--timeout sec]",
};

/* Parse a NULL-terminated list; returns args or NULL with *cause. */
static struct args *
parse(char **cause, ...)
{
	char		*argv[32];
	const char	*a;
	va_list		 ap;
	int		 argc = 0;

	argv[argc++] = (char *)"test";
	va_start(ap, cause);
	while ((a = va_arg(ap, const char *)) != NULL)
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	*cause = NULL;
	return (args_parse(&test_entry, argc, argv, cause));
}

/* Short and long flags, values, positional arguments. */
static void
test_parse(void)
{
	struct args	*args;
	char		*cause;

	args = parse(&cause, "-d", "-t", "work", "-S-100", "a", NULL);
	CHECK(args != NULL);
	CHECK(args_has(args, 'd'));
	CHECK_STR(args_get(args, 't'), "work");
	CHECK_STR(args_get(args, 'S'), "-100");
	CHECK_INT(args->argc, 1);
	CHECK_STR(args->argv[0], "a");
	CHECK(!args_has(args, ARGS_JSON));
	args_free(args);

	args = parse(&cause, "-dt", "x", "--json", "--timeout", "5", NULL);
	CHECK(args != NULL);
	CHECK(args_has(args, 'd'));
	CHECK_STR(args_get(args, 't'), "x");
	CHECK(args_has(args, ARGS_JSON));
	CHECK_STR(args_get(args, ARGS_TIMEOUT), "5");
	CHECK_INT(args_number(args, ARGS_TIMEOUT, 0, 10, &cause), 5);
	args_free(args);

	args = parse(&cause, "--timeout=7", "--", "-d", NULL);
	CHECK(args != NULL);
	CHECK_STR(args_get(args, ARGS_TIMEOUT), "7");
	CHECK(!args_has(args, 'd'));
	CHECK_INT(args->argc, 1);
	CHECK_STR(args->argv[0], "-d");
	args_free(args);

	/* The first positional argument ends the flags. */
	args = parse(&cause, "word", "-d", NULL);
	CHECK(args != NULL);
	CHECK(!args_has(args, 'd'));
	CHECK_INT(args->argc, 2);
	args_free(args);

	/* A value of "-" is a value. */
	args = parse(&cause, "-S", "-", NULL);
	CHECK(args != NULL);
	CHECK_STR(args_get(args, 'S'), "-");
	args_free(args);
}

/* Every kind of usage error is reported, never crashes. */
static void
test_errors(void)
{
	struct args	*args;
	char		*cause;

	args = parse(&cause, "-z", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag -z");
	free(cause);
	args = parse(&cause, "-t", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "-t needs a value");
	free(cause);
	args = parse(&cause, "--nope", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag --nope");
	free(cause);
	args = parse(&cause, "--timeout", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "--timeout needs a value");
	free(cause);
	args = parse(&cause, "--json=1", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "--json takes no value");
	free(cause);
	args = parse(&cause, "a", "b", "c", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "too many arguments");
	free(cause);
	args = parse(&cause, "-:", NULL);
	CHECK(args == NULL);
	free(cause);
	args = parse(&cause, "-\001", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag -\\001");
	free(cause);

	/* What the user typed is escaped: the cause stays one line. */
	args = parse(&cause, "--a\nb=c\nd", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag --a\\nb");
	free(cause);
	args = parse(&cause, "-d\xc3\xa9", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag -\xc3\xa9");
	free(cause);
	args = parse(&cause, "-\xc3", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag -\\303");
	free(cause);
	args = parse(&cause, "-\x7f", NULL);
	CHECK(args == NULL);
	CHECK_STR(cause, "unknown flag -\\177");
	free(cause);

	args = parse(&cause, "--timeout", "x", NULL);
	CHECK(args != NULL);
	CHECK_INT(args_number(args, ARGS_TIMEOUT, 0, 10, &cause), -1);
	CHECK_STR(cause, "not a number: x");
	free(cause);
	args_free(args);
	args = parse(&cause, "--timeout", "11", NULL);
	CHECK_INT(args_number(args, ARGS_TIMEOUT, 0, 10, &cause), -1);
	CHECK_STR(cause, "out of range (0 to 10): 11");
	free(cause);
	args_free(args);
	args = parse(&cause, "--timeout", "1\n2", NULL);
	CHECK_INT(args_number(args, ARGS_TIMEOUT, 0, 10, &cause), -1);
	CHECK_STR(cause, "not a number: 1\\n2");
	free(cause);
	args_free(args);
}

/* Names, aliases and prefixes find commands; unknown ones say so. */
static void
test_find(void)
{
	const struct cmd_entry	*entry;
	char			*cause = NULL;

	CHECK((entry = cmd_find("new", &cause)) != NULL);
	CHECK_STR(entry->name, "new");
	CHECK((entry = cmd_find("new-session", &cause)) != NULL);
	CHECK_STR(entry->name, "new");
	CHECK((entry = cmd_find("capture-pane", &cause)) != NULL);
	CHECK_STR(entry->name, "capture");
	CHECK((entry = cmd_find("send-keys", &cause)) != NULL);
	CHECK_STR(entry->name, "send");
	CHECK((entry = cmd_find("list-sessions", &cause)) != NULL);
	CHECK_STR(entry->name, "ls");
	CHECK((entry = cmd_find("display-message", &cause)) != NULL);
	CHECK_STR(entry->name, "message");
	CHECK(cmd_find("frobnicate", &cause) == NULL);
	CHECK_STR(cause, "unknown command: frobnicate");
	free(cause);
	CHECK(cmd_find("fro\nb\033]0;x\007", &cause) == NULL);
	CHECK_STR(cause, "unknown command: fro\\nb\\033]0;x\\007");
	free(cause);
	CHECK(cmd_find("kill", &cause) != NULL);
	CHECK(cmd_find("k", &cause) == NULL);
	CHECK_STR(cause, "ambiguous command: k");
	free(cause);
}

/* The splitter used for the configuration file. */
static void
test_split(void)
{
	char	**argv, *cause = NULL;
	int	  argc;

	CHECK_INT(cmd_split("set history-limit 100 # comment", &argc, &argv,
	    &cause), 0);
	CHECK_INT(argc, 3);
	CHECK_STR(argv[2], "100");
	cmd_free_argv(argc, argv);
	CHECK_INT(cmd_split("a 'b c' \"d\\\"e\" f\\ g ''", &argc, &argv,
	    &cause), 0);
	CHECK_INT(argc, 5);
	CHECK_STR(argv[1], "b c");
	CHECK_STR(argv[2], "d\"e");
	CHECK_STR(argv[3], "f g");
	CHECK_STR(argv[4], "");
	cmd_free_argv(argc, argv);
	CHECK_INT(cmd_split("   ", &argc, &argv, &cause), 0);
	CHECK_INT(argc, 0);
	CHECK_INT(cmd_split("a 'b", &argc, &argv, &cause), -1);
	CHECK_STR(cause, "missing closing '");
	free(cause);
}

int
main(void)
{
	test_parse();
	test_errors();
	test_find();
	test_split();
	UNIT_END();
}
