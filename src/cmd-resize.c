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
 * Set a session's size. Under window-size manual it stays; otherwise the
 * next operator who attaches, resizes or types sizes it again.
 */

static enum cmd_retval	cmd_resize_exec(struct cmd_item *);

const struct cmd_entry cmd_resize_entry = {
	.name = "resize",
	.alias = "resize-window",
	.args = "t:x:y:",
	.min_args = 0,
	.max_args = 0,
	.usage = "[-t target-session] [-x width] [-y height]",
	.flags = CMD_OPERATOR,
	.exec = cmd_resize_exec
};

/* Check both numbers, then resize. */
static enum cmd_retval
cmd_resize_exec(struct cmd_item *item)
{
	struct args	*args = item->args;
	struct session	*s;
	char		*cause = NULL;
	long long	 sx, sy;

	s = target_find_session(item, args_get(args, 't'), &cause);
	if (s == NULL)
		goto fail;
	if (!args_has(args, 'x') && !args_has(args, 'y'))
		return (cmd_error(item, "resize: give -x and/or -y"));
	sx = s->sx;
	sy = s->sy;
	if (args_has(args, 'x') && (sx = args_number(args, 'x', 1,
	    HUDDLE_MAX_SIZE, &cause)) == -1)
		goto fail;
	if (args_has(args, 'y') && (sy = args_number(args, 'y', 1,
	    HUDDLE_MAX_SIZE, &cause)) == -1)
		goto fail;
	session_resize(s, sx, sy);
	return (CMD_RETURN_NORMAL);

fail:
	cmd_error(item, "%s", cause);
	free(cause);
	return (CMD_RETURN_ERROR);
}
