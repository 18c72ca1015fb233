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
#include "queue.h"

/* List a pane's queued, running and finished commands. */

#define CMD_QUEUE_TEMPLATE \
	"#{command_id} #{command_state}#{?command_exited, #{command_status},}" \
	" #{command_user}: #{command_line}"

static enum cmd_retval	cmd_queue_exec(struct cmd_item *);

static const struct args_long cmd_queue_long[] = {
	{ "json", 0, ARGS_JSON },
	{ NULL, 0, 0 }
};

const struct cmd_entry cmd_queue_entry = {
	.name = "queue",
	.alias = "list-commands",
	.args = "F:t:",
	.long_args = cmd_queue_long,
	.min_args = 0,
	.max_args = 0,
	.usage = "[--json] [-F format] [-t target-pane]",
	.flags = 0,
	.exec = cmd_queue_exec
};

/* One command as a line of text, by format. */
static char *
cmd_queue_text(struct qcmd *qc, const char *template)
{
	struct format_tree	*ft;
	char			*text;

	ft = format_create();
	format_fill_server(ft);
	format_add(ft, "command_id", "cmd-%u", qc->id);
	format_add(ft, "command_state", "%s", queue_state_name(qc));
	if (qc->state == QCMD_DONE && qc->status != -1) {
		format_add(ft, "command_exited", "1");
		format_add(ft, "command_status", "%d", qc->status);
	} else {
		format_add(ft, "command_exited", "0");
		format_add(ft, "command_status", "%s", "");
	}
	format_add(ft, "command_user", "%s", qc->user);
	format_add(ft, "command_line", "%s", qc->line);
	format_add(ft, "command_queued", "%lld", (long long)qc->queued.tv_sec);
	format_add(ft, "command_started", "%lld",
	    (long long)qc->started.tv_sec);
	format_add(ft, "command_finished", "%lld",
	    (long long)qc->finished.tv_sec);
	format_add(ft, "command_output", "%llu",
	    (unsigned long long)qc->total);
	text = format_expand(ft, template);
	format_free(ft);
	return (text);
}

static enum cmd_retval
cmd_queue_exec(struct cmd_item *item)
{
	struct args		*args = item->args;
	struct window_pane	*wp;
	struct qcmd		*qc;
	struct evbuffer		*b;
	const char		*template;
	char			*cause = NULL, *text, *p;
	int			 first = 1;

	wp = target_find_pane(item, args_get(args, 't'), NULL, &cause);
	if (wp == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if (args_has(args, ARGS_JSON)) {
		b = evbuffer_new();
		evbuffer_add(b, "[", 1);
		TAILQ_FOREACH(qc, &queue_all, entry) {
			if (qc->wp != wp)
				continue;
			evbuffer_add(b, first ? "{" : ",{", first ? 1 : 2);
			queue_json(b, qc, 1, 1);
			evbuffer_add(b, "}", 1);
			first = 0;
		}
		evbuffer_add(b, "]\n", 2);
		cmd_write(item, MSG_STDOUT, evbuffer_pullup(b, -1),
		    evbuffer_get_length(b));
		evbuffer_free(b);
		return (CMD_RETURN_NORMAL);
	}
	template = args_get(args, 'F');
	if (template == NULL)
		template = CMD_QUEUE_TEMPLATE;
	TAILQ_FOREACH(qc, &queue_all, entry) {
		if (qc->wp != wp)
			continue;
		text = cmd_queue_text(qc, template);
		for (p = text; *p != '\0'; p++) {
			if (*p == '\n' || *p == '\t')
				*p = ' ';	/* one line per command */
		}
		cmd_print(item, "%s", text);
		free(text);
	}
	return (CMD_RETURN_NORMAL);
}
