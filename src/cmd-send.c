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

/*
 * Type keys into a pane. Each argument is a key name (Enter, C-c, Up, F5)
 * encoded for the program's current modes, or text sent as it is; with -l
 * every argument is text.
 */

static enum cmd_retval	cmd_send_exec(struct cmd_item *);

const struct cmd_entry cmd_send_entry = {
	.name = "send",
	.alias = "send-keys",
	.args = "lt:",
	.min_args = 0,
	.max_args = -1,
	.usage = "[-l] [-t target-pane] key ...",
	.flags = CMD_OPERATOR,
	.exec = cmd_send_exec
};

/* Send each argument in order. */
static enum cmd_retval
cmd_send_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct window_pane	*wp;
	struct session		*s;
	uint64_t		 key;
	char			*cause = NULL;
	int			 i;

	wp = target_find_pane(item, args_get(args, 't'), &s, &cause);
	if (wp == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	for (i = 0; i < args->argc; i++) {
		if (!args_has(args, 'l') &&
		    keys_parse(args->argv[i], &key) == 0 &&
		    pane_write_key(wp, key) == 0)
			continue;
		pane_write_input(wp, args->argv[i], strlen(args->argv[i]));
	}
	session_update_activity(s);
	return (CMD_RETURN_NORMAL);
}
