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

/* Remove a queued command that has not started. */

static enum cmd_retval	cmd_cancel_exec(struct cmd_item *);

const struct cmd_entry cmd_cancel_entry = {
	.name = "cancel",
	.alias = "cancel-command",
	.args = "t:",
	.min_args = 1,
	.max_args = 1,
	.usage = "[-t target-pane] id",
	.flags = CMD_OPERATOR,
	.exec = cmd_cancel_exec
};

static enum cmd_retval
cmd_cancel_exec(struct cmd_item *item)
{
	struct qcmd	*qc;
	char		*cause = NULL;

	if ((qc = cmd_find_queued(item, item->args->argv[0])) == NULL)
		return (CMD_RETURN_ERROR);
	if (queue_cancel(qc, &cause) != 0) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	return (CMD_RETURN_NORMAL);
}
