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

#include "huddle.h"

/*
 * Show a message on every client attached to a session, or with -p print it
 * to standard output. #{name} formats are expanded (they never run anything).
 */

static enum cmd_retval	cmd_message_exec(struct cmd_item *);
static int		cmd_message_readonly(struct args *);

const struct cmd_entry cmd_message_entry = {
	.name = "message",
	.alias = "display-message",
	.alias2 = "display",
	.args = "pt:",
	.min_args = 1,
	.max_args = 1,
	.usage = "[-p] [-t target-pane] text",
	.flags = CMD_OPERATOR,
	.readonly = cmd_message_readonly,
	.exec = cmd_message_exec
};

/* Printing (-p) changes nothing, so observers may do it. */
static int
cmd_message_readonly(struct args *args)
{
	return (args_has(args, 'p'));
}

/* Expand the text for the target and print or show it. */
static enum cmd_retval
cmd_message_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct format_tree	*ft;
	struct session		*s = NULL;
	struct window_pane	*wp = NULL;
	char			*cause = NULL, *text;

	if (args_has(args, 't') || !TAILQ_EMPTY(&sessions)) {
		wp = target_find_pane(item, args_get(args, 't'), &s, &cause);
		if (wp == NULL) {
			cmd_error(item, "%s", cause);
			free(cause);
			return (CMD_RETURN_ERROR);
		}
	}
	ft = format_create();
	format_fill_server(ft);
	if (s != NULL)
		format_fill_session(ft, s);
	if (wp != NULL)
		format_fill_pane(ft, wp);
	text = format_expand(ft, args->argv[0]);
	format_free(ft);
	if (args_has(args, 'p'))
		cmd_print(item, "%s", text);
	else
		server_message(s, "%s", text);
	free(text);
	return (CMD_RETURN_NORMAL);
}
