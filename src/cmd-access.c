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

/*
 * Who may connect: list the grants, add one (-a, observer unless -w),
 * revoke one (-d, their clients are disconnected at once) or change one's
 * highest mode (-r or -w alone; attached clients change mode at once).
 */

static enum cmd_retval	cmd_access_exec(struct cmd_item *);
static int		cmd_access_readonly(struct args *);

static const struct args_long cmd_access_long[] = {
	{ "json", 0, ARGS_JSON },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_access_entry = {
	.name = "access",
	.alias = "server-access",
	.args = "a:d:rw",
	.long_args = cmd_access_long,
	.min_args = 0,
	.max_args = 1,
	.usage = "[-rw] [--json] [-a user|@group] [-d user|@group] [user]",
	.flags = CMD_OPERATOR|CMD_OWNER,
	.readonly = cmd_access_readonly,
	.exec = cmd_access_exec
};

/* Listing changes nothing: anyone connected may see who has access. */
static int
cmd_access_readonly(struct args *args)
{
	return (!args_has(args, 'a') && !args_has(args, 'd') &&
	    !args_has(args, 'r') && !args_has(args, 'w') && args->argc == 0);
}

struct cmd_access_list {
	struct cmd_item	*item;
	struct evbuffer	*b;
	int		 json;
	int		 first;
};

/* One grant, as a line or a JSON object. */
static void
cmd_access_one(int group, id_t id, int readonly, void *arg)
{
	struct cmd_access_list	*l = arg;
	char			*name;

	name = server_acl_name(group, id);
	if (l->json) {
		evbuffer_add(l->b, l->first ? "{" : ",{", l->first ? 1 : 2);
		json_add_key_string(l->b, 1, "name", name);
		json_add_key_string(l->b, 0, "kind", group ? "group" : "user");
		json_add_key_number(l->b, 0, "id", id);
		json_add_key_string(l->b, 0, "mode",
		    readonly ? "observer" : "operator");
		evbuffer_add(l->b, "}", 1);
	} else
		evbuffer_add_printf(l->b, "%s %s\n", name,
		    readonly ? "observer" : "operator");
	l->first = 0;
	free(name);
}

/* List the grants. */
static enum cmd_retval
cmd_access_list(struct cmd_item *item)
{
	struct cmd_access_list	l;

	l.item = item;
	l.b = evbuffer_new();
	l.json = args_has(item->args, ARGS_JSON);
	l.first = 1;
	if (l.json)
		evbuffer_add(l.b, "[", 1);
	server_acl_each(cmd_access_one, &l);
	if (l.json)
		evbuffer_add(l.b, "]\n", 2);
	cmd_write(item, MSG_STDOUT, evbuffer_pullup(l.b, -1),
	    evbuffer_get_length(l.b));
	evbuffer_free(l.b);
	return (CMD_RETURN_NORMAL);
}

/* Change the access list. */
static enum cmd_retval
cmd_access_exec(struct cmd_item *item)
{
	struct args	*args = item->args;
	struct evbuffer	*b;
	char		*cause = NULL;
	int		 r = args_has(args, 'r'), w = args_has(args, 'w');
	int		 a = args_has(args, 'a'), d = args_has(args, 'd');
	int		 retval;

	if (!a && !d && !r && !w && args->argc == 0)
		return (cmd_access_list(item));
	if (a + d > 1 || (r && w))
		return (cmd_error(item, "access: use one of -a, -d, -r, -w"));
	if ((a || d) && args->argc != 0)
		return (cmd_error(item, "access: too many arguments"));
	if (d && (r || w))
		return (cmd_error(item, "access: -d takes no mode"));
	if (!a && !d && args->argc != 1)
		return (cmd_error(item, "access: -r and -w need a user"));
	if (!a && !d && !r && !w)
		return (cmd_error(item, "access: give -a, -d, -r or -w"));

	if (d)
		retval = server_acl_remove(args_get(args, 'd'), &cause);
	else if (a)
		retval = server_acl_set(args_get(args, 'a'), !w, 1, &cause);
	else
		retval = server_acl_set(args->argv[0], r, 0, &cause);
	if (retval != 0) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if ((b = audit_start("access")) != NULL) {
		audit_add_client(b, item->client);
		json_add_key_string(b, 0, "action", d ? "revoke" : a ? "grant" :
		    "change");
		json_add_key_string(b, 0, "name", d ? args_get(args, 'd') :
		    a ? args_get(args, 'a') : args->argv[0]);
		if (!d)
			json_add_key_string(b, 0, "granted", (a ? !w : r) ?
			    "observer" : "operator");
		audit_finish(b);
	}
	return (CMD_RETURN_NORMAL);
}
