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
 * Detach clients: one by id (-c), every client of a session (-t), or the
 * caller itself. An observer may only detach itself.
 */

static enum cmd_retval	cmd_detach_exec(struct cmd_item *);
static int		cmd_detach_readonly(struct args *);

const struct cmd_entry cmd_detach_entry = {
	.name = "detach",
	.alias = "detach-client",
	.args = "c:t:",
	.min_args = 0,
	.max_args = 0,
	.usage = "[-c client-id] [-t target-session]",
	.flags = CMD_OPERATOR,
	.readonly = cmd_detach_readonly,
	.exec = cmd_detach_exec
};

/* Detaching itself is the one thing an observer may do here. */
static int
cmd_detach_readonly(struct args *args)
{
	return (!args_has(args, 'c') && !args_has(args, 't'));
}

/* Find an attached client by id. */
static struct client *
cmd_detach_find(const char *value)
{
	struct client	*c;
	char		*end;
	unsigned long	 id;

	id = strtoul(value, &end, 10);
	if (*value == '\0' || *end != '\0')
		return (NULL);
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->id == id && c->kind == MSG_KIND_ATTACH &&
		    c->session != NULL)
			return (c);
	}
	return (NULL);
}

/* Detach what was asked for. */
static enum cmd_retval
cmd_detach_exec(struct cmd_item *item)
{
	struct args	*args = item->args;
	struct client	*c, *c1;
	struct session	*s;
	char		*cause = NULL;

	if (args_has(args, 'c')) {
		if ((c = cmd_detach_find(args_get(args, 'c'))) == NULL)
			return (cmd_error(item, "can't find client: %s",
			    esc(args_get(args, 'c'))));
		server_attach_detach(c, MSG_DETACH_DETACHED);
		return (CMD_RETURN_NORMAL);
	}
	if (args_has(args, 't')) {
		s = target_find_session(item, args_get(args, 't'), &cause);
		if (s == NULL) {
			cmd_error(item, "%s", cause);
			free(cause);
			return (CMD_RETURN_ERROR);
		}
		TAILQ_FOREACH_SAFE(c, &clients, entry, c1) {
			if (c->kind == MSG_KIND_ATTACH && c->session == s)
				server_attach_detach(c, MSG_DETACH_DETACHED);
		}
		return (CMD_RETURN_NORMAL);
	}
	c = item->client;
	if (c == NULL || c->kind != MSG_KIND_ATTACH || c->session == NULL)
		return (cmd_error(item, "no client to detach (use -t or -c)"));
	server_attach_detach(c, MSG_DETACH_DETACHED);
	return (CMD_RETURN_NORMAL);
}
