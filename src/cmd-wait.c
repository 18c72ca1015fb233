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
 * Wait for a queued command, print its output and exit with its status.
 * Only reads, so observers may use it.
 */

static enum cmd_retval	cmd_wait_exec(struct cmd_item *);

static const struct args_long cmd_wait_long[] = {
	{ "timeout", 1, ARGS_TIMEOUT },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_wait_entry = {
	.name = "wait",
	.alias = "wait-command",
	.args = "et:",
	.long_args = cmd_wait_long,
	.min_args = 1,
	.max_args = 1,
	.usage = "[-e] [--timeout seconds] [-t target-pane] id",
	.flags = 0,
	.exec = cmd_wait_exec
};

/* Find a command by ID, in the target's pane if -t is given. */
struct qcmd *
cmd_find_queued(struct cmd_item *item, const char *id)
{
	struct window_pane	*wp;
	struct qcmd		*qc;
	char			*cause = NULL;

	if ((qc = queue_find(id, &cause)) == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (NULL);
	}
	if (args_has(item->args, 't')) {
		wp = target_find_pane(item, args_get(item->args, 't'), NULL,
		    &cause);
		if (wp == NULL) {
			cmd_error(item, "%s", cause);
			free(cause);
			return (NULL);
		}
		if (qc->wp != wp) {
			cmd_error(item, "cmd-%u is not in that pane", qc->id);
			return (NULL);
		}
	}
	return (qc);
}

static enum cmd_retval
cmd_wait_exec(struct cmd_item *item)
{
	struct args	*args = item->args;
	struct qcmd	*qc;
	char		*cause = NULL;
	double		 timeout = 0;

	if (args_seconds(args, ARGS_TIMEOUT, &timeout, &cause) != 0) {
		cmd_error(item, "--timeout: %s", cause);
		free(cause);
		return (CMD_RETURN_USAGE);
	}
	if (item->client == NULL)
		return (cmd_error(item, "wait cannot be used here"));
	if ((qc = cmd_find_queued(item, args->argv[0])) == NULL)
		return (CMD_RETURN_ERROR);
	if (qc->state < QCMD_DONE && queue_wait_self(item, qc->wp, timeout))
		return (CMD_RETURN_ERROR);
	return (queue_wait(item, qc, args_has(args, 'e'), timeout));
}
