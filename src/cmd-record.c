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
 * Record a session as an asciicast v2 file (from its current screen), or
 * stop recording. --input also records operators' input.
 */

static enum cmd_retval	cmd_record_exec(struct cmd_item *);

static const struct args_long cmd_record_long[] = {
	{ "input", 0, ARGS_INPUT },
	{ "stop", 0, ARGS_STOP },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_record_entry = {
	.name = "record",
	.args = "t:",
	.long_args = cmd_record_long,
	.min_args = 0,
	.max_args = 1,
	.usage = "[--input] [--stop] [-t target-pane] [file]",
	.flags = CMD_OPERATOR,
	.exec = cmd_record_exec
};

/* Start or stop. */
static enum cmd_retval
cmd_record_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct window_pane	*wp;
	struct recorder		*rec;
	char			*cause = NULL, *path;

	wp = target_find_pane(item, args_get(args, 't'), NULL, &cause);
	if (wp == NULL)
		goto fail;
	if (args_has(args, ARGS_STOP)) {
		if (args->argc != 0)
			return (cmd_error(item, "record --stop takes no file"));
		if (wp->recorder == NULL)
			return (cmd_error(item, "not recording"));
		pane_record_stop(wp);
		return (CMD_RETURN_NORMAL);
	}
	if (args->argc != 1)
		return (cmd_error(item, "record needs a file (or --stop)"));
	if (wp->recorder != NULL)
		return (cmd_error(item, "already recording"));
	path = cmd_path(item, args->argv[0]);
	rec = record_start(wp, path, args_has(args, ARGS_INPUT), 1, &cause);
	free(path);
	if (rec == NULL)
		goto fail;
	wp->recorder = rec;
	return (CMD_RETURN_NORMAL);

fail:
	cmd_error(item, "%s", cause);
	free(cause);
	return (CMD_RETURN_ERROR);
}
