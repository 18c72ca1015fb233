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

/* List sessions: as text, with -F FORMAT, or as one JSON document. */

#define CMD_LS_TEMPLATE \
	"#{session_name}: #{session_windows} windows " \
	"(created #{t:session_created}) " \
	"[#{session_width}x#{session_height}]" \
	"#{?session_attached, (#{session_operators} operators#, " \
	"#{session_observers} observers),}"

static enum cmd_retval	cmd_ls_exec(struct cmd_item *);

static const struct args_long cmd_ls_long[] = {
	{ "json", 0, ARGS_JSON },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_ls_entry = {
	.name = "ls",
	.alias = "list-sessions",
	.args = "F:",
	.long_args = cmd_ls_long,
	.min_args = 0,
	.max_args = 0,
	.usage = "[--json] [-F format]",
	.flags = 0,
	.exec = cmd_ls_exec
};

/* One session as a JSON object. */
static void
cmd_ls_json(struct evbuffer *b, struct session *s)
{
	evbuffer_add(b, "{", 1);
	json_add_key_string(b, 1, "name", s->name);
	json_add_key_number(b, 0, "id", s->id);
	json_add_key_number(b, 0, "width", s->sx);
	json_add_key_number(b, 0, "height", s->sy);
	json_add_key_number(b, 0, "created", s->created.tv_sec);
	json_add_key_number(b, 0, "activity", s->activity.tv_sec);
	json_add_key_number(b, 0, "windows", session_count_windows(s));
	json_add_key_number(b, 0, "operators", session_count_clients(s, 0));
	json_add_key_number(b, 0, "observers", session_count_clients(s, 1));
	evbuffer_add(b, "}", 1);
}

/* Print every session. */
static enum cmd_retval
cmd_ls_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct session		*s;
	struct format_tree	*ft;
	struct evbuffer		*b;
	const char		*template;
	char			*line;
	int			 first = 1;

	b = evbuffer_new();
	if (args_has(args, ARGS_JSON)) {
		evbuffer_add(b, "[", 1);
		TAILQ_FOREACH(s, &sessions, entry) {
			if (!first)
				evbuffer_add(b, ",", 1);
			first = 0;
			cmd_ls_json(b, s);
		}
		evbuffer_add(b, "]\n", 2);
	} else {
		template = args_get(args, 'F');
		if (template == NULL)
			template = CMD_LS_TEMPLATE;
		TAILQ_FOREACH(s, &sessions, entry) {
			ft = format_create();
			format_fill_server(ft);
			format_fill_session(ft, s);
			line = format_expand(ft, template);
			evbuffer_add_printf(b, "%s\n", line);
			free(line);
			format_free(ft);
		}
	}
	cmd_write(item, MSG_STDOUT, evbuffer_pullup(b, -1),
	    evbuffer_get_length(b));
	evbuffer_free(b);
	return (CMD_RETURN_NORMAL);
}
