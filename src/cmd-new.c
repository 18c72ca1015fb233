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

#include "huddle.h"

/* Create a session running a command (default: the user's shell). */

static enum cmd_retval	cmd_new_exec(struct cmd_item *);

static const struct args_long cmd_new_long[] = {
	{ "record", 1, ARGS_RECORD },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.alias = "new-session",
	.args = "c:dF:Ps:x:y:",
	.long_args = cmd_new_long,
	.min_args = 0,
	.max_args = -1,
	.usage = "[-dP] [-c start-directory] [-F format] [--record file] "
	    "[-s session-name] [-x width] [-y height] [-- command [argument ...]]",
	.flags = CMD_OPERATOR|CMD_STARTSERVER,
	.exec = cmd_new_exec
};

/* Work out the size: -x/-y, else the client's terminal, else 80x24. */
static int
cmd_new_size(struct cmd_item *item, u_int *sx, u_int *sy)
{
	struct args	*args = item->args;
	struct client	*c = item->client;
	char		*cause = NULL;
	long long	 n;

	*sx = 80;
	*sy = 24;
	if (c != NULL && !args_has(args, 'd'))
		server_attach_area(c, sx, sy);	/* it will attach */
	if (args_has(args, 'x')) {
		n = args_number(args, 'x', 1, HUDDLE_MAX_SIZE, &cause);
		if (cause != NULL) {
			cmd_error(item, "width %s", cause);
			free(cause);
			return (-1);
		}
		*sx = n;
	}
	if (args_has(args, 'y')) {
		n = args_number(args, 'y', 1, HUDDLE_MAX_SIZE, &cause);
		if (cause != NULL) {
			cmd_error(item, "height %s", cause);
			free(cause);
			return (-1);
		}
		*sy = n;
	}
	return (0);
}

/* Print the new session with -F (default its name and a colon). */
static void
cmd_new_print(struct cmd_item *item, struct session *s)
{
	struct format_tree	*ft;
	const char		*template = args_get(item->args, 'F');
	char			*text;

	ft = format_create();
	format_fill_server(ft);
	format_fill_session(ft, s);
	text = format_expand(ft, template != NULL ? template :
	    "#{session_name}:");
	cmd_print(item, "%s", text);
	free(text);
	format_free(ft);
}

/* Create the session. */
static enum cmd_retval
cmd_new_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct session		*s;
	struct window		*w;
	struct window_pane	*wp;
	char			*cwd, *cause = NULL, *path;
	u_int			 sx, sy;
	int			 spawned;

	if (cmd_new_size(item, &sx, &sy) != 0)
		return (CMD_RETURN_ERROR);
	if (args_has(args, 's') && session_check_name(args_get(args, 's'),
	    &cause) != 0)
		goto fail;

	s = session_create(args_get(args, 's'), sx, sy, &cause);
	if (s == NULL)
		goto fail;
	w = window_create(s, sx, sy);
	wp = pane_create(w, sx, sy,
	    options_get_number(global_options, "history-limit"));
	if (args_has(args, ARGS_RECORD)) {
		path = cmd_path(item, args_get(args, ARGS_RECORD));
		wp->recorder = record_start(wp, path, 0, 0, &cause);
		free(path);
		if (wp->recorder == NULL) {
			session_destroy(s, "failed to start");
			goto fail;
		}
	}
	/* A relative -c is from the caller's directory, not the server's. */
	cwd = cmd_path(item, args_has(args, 'c') ? args_get(args, 'c') : ".");
	spawned = pane_spawn(wp, args->argc, args->argv, cwd, &cause);
	free(cwd);
	if (spawned != 0) {
		session_destroy(s, "failed to start");
		goto fail;
	}
	server_add_session();
	session_update_activity(s);
	if (args_has(args, 'P'))
		cmd_new_print(item, s);
	return (CMD_RETURN_NORMAL);

fail:
	cmd_error(item, "%s", cause);
	free(cause);
	return (CMD_RETURN_ERROR);
}
