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

/* Exit 0 if a session exists, 1 if not, printing nothing. */

static enum cmd_retval	cmd_has_exec(struct cmd_item *);

const struct cmd_entry cmd_has_entry = {
	.name = "has",
	.alias = "has-session",
	.args = "t:",
	.min_args = 0,
	.max_args = 0,
	.usage = "[-t target-session]",
	.flags = 0,
	.exec = cmd_has_exec
};

/* Look the session up quietly. */
static enum cmd_retval
cmd_has_exec(struct cmd_item *item)
{
	struct session	*s;
	char		*cause = NULL;

	s = target_find_session(item, args_get(item->args, 't'), &cause);
	free(cause);
	return (s == NULL ? CMD_RETURN_ERROR : CMD_RETURN_NORMAL);
}
