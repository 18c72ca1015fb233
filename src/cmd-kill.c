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

#include <event2/buffer.h>

#include "huddle.h"

/* End a session and what runs in it. */

static enum cmd_retval	cmd_kill_exec(struct cmd_item *);

const struct cmd_entry cmd_kill_entry = {
	.name = "kill",
	.alias = "kill-session",
	.args = "t:",
	.min_args = 0,
	.max_args = 0,
	.usage = "[-t target-session]",
	.flags = CMD_OPERATOR,
	.exec = cmd_kill_exec
};

/* Destroy the session; its programs get SIGHUP. */
static enum cmd_retval
cmd_kill_exec(struct cmd_item *item)
{
	struct session	*s;
	struct evbuffer	*b;
	char		*cause = NULL;

	s = target_find_session(item, args_get(item->args, 't'), &cause);
	if (s == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if ((b = audit_start("kill")) != NULL) {
		audit_add_client(b, item->client);
		json_add_key_string(b, 0, "session", s->name);
		audit_finish(b);
	}
	session_destroy(s, "killed");
	return (CMD_RETURN_NORMAL);
}
