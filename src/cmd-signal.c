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

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "huddle.h"

/* Send a signal to the foreground process group of a session's pane. */

static enum cmd_retval	cmd_signal_exec(struct cmd_item *);

const struct cmd_entry cmd_signal_entry = {
	.name = "signal",
	.alias = "send-signal",
	.args = "t:",
	.min_args = 1,
	.max_args = 1,
	.usage = "[-t target-pane] signal",
	.flags = CMD_OPERATOR,
	.exec = cmd_signal_exec
};

static const struct {
	const char	*name;
	int		 sig;
} cmd_signal_names[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 },
	{ "TERM", SIGTERM }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "WINCH", SIGWINCH }, { "ALRM", SIGALRM },
	{ "PIPE", SIGPIPE }
};

/* A signal by name (INT, SIGINT) or number; -1 if unknown. */
static int
cmd_signal_parse(const char *name)
{
	char	*end;
	long	 n;
	u_int	 i;

	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (i = 0; i < sizeof cmd_signal_names / sizeof cmd_signal_names[0];
	    i++) {
		if (strcasecmp(name, cmd_signal_names[i].name) == 0)
			return (cmd_signal_names[i].sig);
	}
	if (!isdigit((u_char)*name))
		return (-1);
	n = strtol(name, &end, 10);
	if (*end != '\0' || n < 1 || n >= NSIG)
		return (-1);
	return ((int)n);
}

/* Signal the foreground process group (the pane's program if none). */
static enum cmd_retval
cmd_signal_exec(struct cmd_item *item)
{
	struct window_pane	*wp;
	struct evbuffer		*b;
	char			*cause = NULL;
	pid_t			 pgrp;
	int			 sig;

	if ((sig = cmd_signal_parse(item->args->argv[0])) == -1)
		return (cmd_error(item, "unknown signal: %s",
		    esc(item->args->argv[0])));
	wp = target_find_pane(item, args_get(item->args, 't'), NULL, &cause);
	if (wp == NULL) {
		cmd_error(item, "%s", cause);
		free(cause);
		return (CMD_RETURN_ERROR);
	}
	if (wp->fd == -1 || (pgrp = tcgetpgrp(wp->fd)) <= 0)
		pgrp = wp->pid;
	log_debug("signal %d to process group %ld", sig, (long)pgrp);
	if ((b = audit_start("signal")) != NULL) {
		audit_add_client(b, item->client);
		json_add_key_string(b, 0, "session", wp->window->session->name);
		json_add_key_number(b, 0, "signal", sig);
		json_add_key_number(b, 0, "pgrp", pgrp);
		audit_finish(b);
	}
	if (kill(-pgrp, sig) != 0)
		return (cmd_error(item, "couldn't send signal: %s",
		    strerror(errno)));
	return (CMD_RETURN_NORMAL);
}
