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

/* Rename a session. */

static enum cmd_retval	cmd_rename_exec(struct cmd_item *);

const struct cmd_entry cmd_rename_entry = {
	.name = "rename",
	.alias = "rename-session",
	.args = "t:",
	.min_args = 1,
	.max_args = 1,
	.usage = "[-t target-session] new-name",
	.flags = CMD_OPERATOR,
	.exec = cmd_rename_exec
};

/* Check the new name, then rename. */
static enum cmd_retval
cmd_rename_exec(struct cmd_item *item)
{
	struct session	*s;
	struct evbuffer	*b;
	const char	*name = item->args->argv[0];
	char		*cause = NULL;

	s = target_find_session(item, args_get(item->args, 't'), &cause);
	if (s == NULL)
		goto fail;
	if (session_check_name(name, &cause) != 0)
		goto fail;
	if (strcmp(s->name, name) == 0)
		return (CMD_RETURN_NORMAL);
	if (session_find(name) != NULL) {
		xasprintf(&cause, "duplicate session: %s", esc(name));
		goto fail;
	}
	log_debug("session %s renamed to %s", s->name, name);
	if ((b = audit_start("rename")) != NULL) {
		audit_add_client(b, item->client);
		json_add_key_string(b, 0, "session", s->name);
		json_add_key_string(b, 0, "name", name);
		audit_finish(b);
	}
	free(s->name);
	s->name = xstrdup(name);
	server_redraw_status(s);
	return (CMD_RETURN_NORMAL);

fail:
	cmd_error(item, "%s", cause);
	free(cause);
	return (CMD_RETURN_ERROR);
}
