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
 * Follow a session live: its output as it comes, or with --json one JSON
 * object per line for each event. Runs until the session ends or the
 * client goes. Only reads, so observers may use it.
 */

static enum cmd_retval	cmd_stream_exec(struct cmd_item *);

static const struct args_long cmd_stream_long[] = {
	{ "json", 0, ARGS_JSON },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_stream_entry = {
	.name = "stream",
	.alias = NULL,
	.args = "t:",
	.long_args = cmd_stream_long,
	.min_args = 0,
	.max_args = 0,
	.usage = "[--json] [-t target-session]",
	.flags = 0,
	.exec = cmd_stream_exec
};

static enum cmd_retval
cmd_stream_exec(struct cmd_item *item)
{
	struct session	*s;
	char		*cause = NULL;

	if (item->client == NULL || item->client->kind != MSG_KIND_COMMAND)
		return (cmd_error(item, "stream cannot be used here"));
	s = target_find_session(item, args_get(item->args, 't'), &cause);
	if (s == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	stream_start(item, s, args_has(item->args, ARGS_JSON));
	return (CMD_RETURN_WAIT);
}
