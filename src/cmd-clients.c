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
#include <sys/time.h>

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "huddle.h"

/*
 * List clients: attached terminals, and other connections (commands in
 * flight), with the user the kernel vouched for, mode, how they came in,
 * their terminal and how long they have been idle.
 */

#define CMD_CLIENTS_TEMPLATE \
	"#{client_id}: #{client_user} #{client_mode} via #{client_via} " \
	"#{?client_session,#{client_session} ,}" \
	"[#{client_width}x#{client_height} #{client_termname}] " \
	"idle #{client_idle}s"

static enum cmd_retval	cmd_clients_exec(struct cmd_item *);

static const struct args_long cmd_clients_long[] = {
	{ "json", 0, ARGS_JSON },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_clients_entry = {
	.name = "clients",
	.alias = "list-clients",
	.args = "F:t:",
	.long_args = cmd_clients_long,
	.min_args = 0,
	.max_args = 0,
	.usage = "[--json] [-F format] [-t target-session]",
	.flags = 0,
	.exec = cmd_clients_exec
};

/* How a client came in. */
const char *
cmd_clients_via(struct client *c)
{
	if (c->kind != MSG_KIND_ATTACH)
		return ("command");
	switch (c->via) {
	case MSG_VIA_SSH:
		return ("ssh");
	case MSG_VIA_PROXY:
		return ("proxy");
	default:
		return ("local");
	}
}

/* Fill a format tree with a client's fields. */
static void
cmd_clients_formats(struct format_tree *ft, struct client *c,
    struct timeval *now)
{
	format_add(ft, "client_id", "%u", c->id);
	format_add(ft, "client_user", "%s", c->user);
	format_add(ft, "client_uid", "%ld", (long)c->uid);
	format_add(ft, "client_pid", "%ld", (long)c->pid);
	format_add(ft, "client_mode", "%s",
	    (c->flags & CLIENT_READONLY) ? "observer" : "operator");
	format_add(ft, "client_via", "%s", cmd_clients_via(c));
	format_add(ft, "client_session", "%s",
	    c->session != NULL ? c->session->name : "");
	format_add(ft, "client_termname", "%s",
	    c->term != NULL && *c->term != '\0' ? c->term : "unknown");
	format_add(ft, "client_width", "%u", c->sx);
	format_add(ft, "client_height", "%u", c->sy);
	format_add(ft, "client_created", "%lld", (long long)c->created.tv_sec);
	format_add(ft, "client_activity", "%lld",
	    (long long)c->activity.tv_sec);
	format_add(ft, "client_idle", "%lld",
	    (long long)(now->tv_sec - c->activity.tv_sec));
	format_add(ft, "client_last_input", "%lld",
	    (long long)c->last_input.tv_sec);
}

/* One client as a JSON object. */
static void
cmd_clients_json(struct evbuffer *b, struct client *c, struct timeval *now)
{
	evbuffer_add(b, "{", 1);
	json_add_key_number(b, 1, "id", c->id);
	json_add_key_string(b, 0, "user", c->user);
	json_add_key_number(b, 0, "uid", c->uid);
	json_add_key_number(b, 0, "pid", c->pid);
	json_add_key_string(b, 0, "mode",
	    (c->flags & CLIENT_READONLY) ? "observer" : "operator");
	json_add_key_string(b, 0, "via", cmd_clients_via(c));
	json_add_key_string(b, 0, "session",
	    c->session != NULL ? c->session->name : NULL);
	json_add_key_string(b, 0, "terminal",
	    c->term != NULL && *c->term != '\0' ? c->term : NULL);
	json_add_key_number(b, 0, "width", c->sx);
	json_add_key_number(b, 0, "height", c->sy);
	json_add_key_number(b, 0, "attached", c->created.tv_sec);
	json_add_key_number(b, 0, "idle", now->tv_sec - c->activity.tv_sec);
	if (timerisset(&c->last_input))
		json_add_key_number(b, 0, "last_input", c->last_input.tv_sec);
	else
		json_add_key_string(b, 0, "last_input", NULL);
	evbuffer_add(b, "}", 1);
}

/* List the clients. */
static enum cmd_retval
cmd_clients_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct session		*s = NULL;
	struct client		*c;
	struct format_tree	*ft;
	struct evbuffer		*b;
	struct timeval		 now;
	const char		*template;
	char			*cause = NULL, *line;
	int			 json = args_has(args, ARGS_JSON), first = 1;

	if (args_has(args, 't')) {
		s = target_find_session(item, args_get(args, 't'), &cause);
		if (s == NULL) {
			cmd_error(item, "%s", cause);
			free(cause);
			return (CMD_RETURN_ERROR);
		}
	}
	gettimeofday(&now, NULL);
	template = args_get(args, 'F');
	if (template == NULL)
		template = CMD_CLIENTS_TEMPLATE;
	b = evbuffer_new();
	if (json)
		evbuffer_add(b, "[", 1);
	TAILQ_FOREACH(c, &clients, entry) {
		if (c == item->client || !(c->flags & CLIENT_HELLO) ||
		    (c->flags & (CLIENT_DEAD|CLIENT_EXIT)))
			continue;
		if (s != NULL && c->session != s)
			continue;
		if (json) {
			if (!first)
				evbuffer_add(b, ",", 1);
			cmd_clients_json(b, c, &now);
		} else {
			ft = format_create();
			cmd_clients_formats(ft, c, &now);
			line = format_expand(ft, template);
			evbuffer_add_printf(b, "%s\n", line);
			free(line);
			format_free(ft);
		}
		first = 0;
	}
	if (json)
		evbuffer_add(b, "]\n", 2);
	cmd_write(item, MSG_STDOUT, evbuffer_pullup(b, -1),
	    evbuffer_get_length(b));
	evbuffer_free(b);
	return (CMD_RETURN_NORMAL);
}
