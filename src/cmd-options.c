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

/* Set and show server options. */

static enum cmd_retval	cmd_set_exec(struct cmd_item *);
static enum cmd_retval	cmd_show_exec(struct cmd_item *);

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.alias = "set-option",
	.args = "gu",
	.min_args = 1,
	.max_args = 2,
	.usage = "[-gu] option [value]",
	.flags = CMD_OPERATOR|CMD_OWNER,
	.exec = cmd_set_exec
};

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.alias = "show-options",
	.args = "gv",
	.min_args = 0,
	.max_args = 1,
	.usage = "[-gv] [option]",
	.flags = 0,
	.exec = cmd_show_exec
};

/* Tell attached clients their options may have changed. */
static void
cmd_options_changed(void)
{
	struct client	*c;
	struct session	*s;

	TAILQ_FOREACH(s, &sessions, entry)
		session_recalc_size(s);
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->kind == MSG_KIND_ATTACH && c->session != NULL) {
			server_attach_options(c);
			server_redraw_client(c, CLIENT_REDRAW_CLEAR);
		}
	}
}

/* Set (or with -u reset) an option. */
static enum cmd_retval
cmd_set_exec(struct cmd_item *item)
{
	struct args			*args = item->args;
	const struct option_entry	*oe;
	const char			*name = args->argv[0], *value;
	char				*cause = NULL, *path = NULL;

	if ((oe = options_entry_find(name)) == NULL)
		return (cmd_error(item, "unknown option: %s", esc(name)));
	if (args_has(args, 'u')) {
		if (args->argc != 1)
			return (cmd_error(item, "-u takes no value"));
		options_default_one(global_options, oe);
		if (strcmp(name, "audit-log") == 0)
			audit_close();
		cmd_options_changed();
		return (CMD_RETURN_NORMAL);
	}
	if (args->argc != 2)
		return (cmd_error(item, "%s: missing value", name));
	value = args->argv[1];
	if (strcmp(name, "audit-log") == 0 && *value != '\0') {
		path = cmd_path(item, value);
		if (audit_open(path, &cause) != 0) {
			cmd_error(item, "%s", cause);
			free(cause);
			free(path);
			return (CMD_RETURN_ERROR);
		}
		value = path;
	} else if (strcmp(name, "audit-log") == 0)
		audit_close();
	if (options_set(global_options, name, value, &cause) != 0) {
		free(path);
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	log_debug("option %s set to %s", name, value);
	free(path);
	cmd_options_changed();
	return (CMD_RETURN_NORMAL);
}

/* Print one option, "name value" or with -v the value alone. */
static void
cmd_show_one(struct cmd_item *item, struct option *o)
{
	if (args_has(item->args, 'v'))
		cmd_print(item, "%s", o->str);
	else
		cmd_print(item, "%s %s", o->entry->name, o->str);
}

/* Show every option, or one. */
static enum cmd_retval
cmd_show_exec(struct cmd_item *item)
{
	struct args			*args = item->args;
	const struct option_entry	*oe;
	struct option			*o;

	for (oe = options_table; oe->name != NULL; oe++) {
		if (args->argc == 1 && strcmp(oe->name, args->argv[0]) != 0)
			continue;
		if ((o = options_get(global_options, oe->name)) != NULL)
			cmd_show_one(item, o);
		if (args->argc == 1)
			return (CMD_RETURN_NORMAL);
	}
	if (args->argc == 1)
		return (cmd_error(item, "unknown option: %s",
		    esc(args->argv[0])));
	return (CMD_RETURN_NORMAL);
}
