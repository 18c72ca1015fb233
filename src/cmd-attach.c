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

#include "huddle.h"

/*
 * Attach this terminal to a session. The client does the work (it needs the
 * terminal), so the entry is here for its flags, usage and the man page;
 * the server refuses it from anywhere else.
 */

static enum cmd_retval	cmd_attach_exec(struct cmd_item *);

static const struct args_long cmd_attach_long[] = {
	{ "via", 1, ARGS_VIA },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_attach_entry = {
	.name = "attach",
	.alias = "attach-session",
	.alias2 = "a",
	.args = "dp:rt:",
	.long_args = cmd_attach_long,
	.min_args = 0,
	.max_args = 0,
	.usage = "[-dr] [--via command] [-p prefix-key] [-t target-session]",
	.flags = CMD_CLIENTSIDE,
	.exec = cmd_attach_exec
};

/* Only a terminal can attach. */
static enum cmd_retval
cmd_attach_exec(struct cmd_item *item)
{
	return (cmd_error(item, "attach needs a terminal"));
}
