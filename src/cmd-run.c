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

#include <event2/buffer.h>

#include "huddle.h"
#include "queue.h"

/*
 * Queue a command line for a pane's shell and print its ID; with -w wait
 * for it and print its output, exiting with its status.
 */

static enum cmd_retval	cmd_run_exec(struct cmd_item *);

static const struct args_long cmd_run_long[] = {
	{ "timeout", 1, ARGS_TIMEOUT },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_run_entry = {
	.name = "run",
	.alias = "run-command",
	.args = "et:w",
	.long_args = cmd_run_long,
	.min_args = 1,
	.max_args = -1,
	.usage = "[-ew] [--timeout seconds] [-t target-pane] [--] command-line",
	.flags = CMD_OPERATOR,
	.exec = cmd_run_exec
};

/* The words of the command line, joined with spaces (as ssh does). */
static char *
cmd_run_line(struct args *args)
{
	char	*line, *tmp;
	int	 i;

	line = xstrdup(args->argv[0]);
	for (i = 1; i < args->argc; i++) {
		xasprintf(&tmp, "%s %s", line, args->argv[i]);
		free(line);
		line = tmp;
	}
	return (line);
}

static enum cmd_retval
cmd_run_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct window_pane	*wp;
	struct qcmd		*qc;
	char			*cause = NULL, *line;
	double			 timeout = 0;
	int			 wait = args_has(args, 'w');

	if (args_has(args, ARGS_TIMEOUT) && !wait)
		return (cmd_error(item, "--timeout needs -w"));
	if (args_has(args, 'e') && !wait)
		return (cmd_error(item, "-e needs -w"));
	if (args_seconds(args, ARGS_TIMEOUT, &timeout, &cause) != 0) {
		cmd_error(item, "--timeout: %s", cause);
		free(cause);
		return (CMD_RETURN_USAGE);
	}
	if (wait && item->client == NULL)
		return (cmd_error(item, "run -w cannot be used here"));
	wp = target_find_pane(item, args_get(args, 't'), NULL, &cause);
	if (wp == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if (wait && queue_wait_self(item, wp, timeout))
		return (CMD_RETURN_ERROR);
	line = cmd_run_line(args);
	qc = queue_add(wp, line,
	    item->client != NULL ? item->client->user : "(configuration)",
	    item->client != NULL ? item->client->uid : getuid(), &cause);
	free(line);
	if (qc == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if (!wait) {
		cmd_print(item, "cmd-%u", qc->id);
		return (CMD_RETURN_NORMAL);
	}
	return (queue_wait(item, qc, args_has(args, 'e'), timeout));
}
