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

/* End every session and the server. */

static enum cmd_retval	cmd_kill_server_exec(struct cmd_item *);

const struct cmd_entry cmd_kill_server_entry = {
	.name = "kill-server",
	.args = "",
	.min_args = 0,
	.max_args = 0,
	.usage = "",
	.flags = CMD_OPERATOR|CMD_OWNER,
	.exec = cmd_kill_server_exec
};

/* Shut down now; the caller still gets its answer before the server exits. */
static enum cmd_retval
cmd_kill_server_exec(struct cmd_item *item)
{
	log_debug("kill-server");
	server_shutdown_except(item->client);
	return (CMD_RETURN_NORMAL);
}
