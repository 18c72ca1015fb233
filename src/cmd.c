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
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"

/*
 * The command table, and the one gate every command passes: the client's
 * mode is checked against the entry's flags before exec runs, whatever path
 * the command came by.
 */

extern const struct cmd_entry cmd_access_entry;
extern const struct cmd_entry cmd_cancel_entry;
extern const struct cmd_entry cmd_attach_entry;
extern const struct cmd_entry cmd_capture_entry;
extern const struct cmd_entry cmd_clients_entry;
extern const struct cmd_entry cmd_detach_entry;
extern const struct cmd_entry cmd_has_entry;
extern const struct cmd_entry cmd_kill_entry;
extern const struct cmd_entry cmd_kill_server_entry;
extern const struct cmd_entry cmd_ls_entry;
extern const struct cmd_entry cmd_message_entry;
extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_proxy_entry;
extern const struct cmd_entry cmd_queue_entry;
extern const struct cmd_entry cmd_record_entry;
extern const struct cmd_entry cmd_rename_entry;
extern const struct cmd_entry cmd_resize_entry;
extern const struct cmd_entry cmd_run_entry;
extern const struct cmd_entry cmd_send_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_signal_entry;
extern const struct cmd_entry cmd_stream_entry;
extern const struct cmd_entry cmd_wait_entry;

const struct cmd_entry *cmd_table[] = {
	&cmd_access_entry,
	&cmd_cancel_entry,
	&cmd_attach_entry,
	&cmd_capture_entry,
	&cmd_clients_entry,
	&cmd_detach_entry,
	&cmd_has_entry,
	&cmd_kill_entry,
	&cmd_kill_server_entry,
	&cmd_ls_entry,
	&cmd_message_entry,
	&cmd_new_entry,
	&cmd_proxy_entry,
	&cmd_queue_entry,
	&cmd_record_entry,
	&cmd_rename_entry,
	&cmd_resize_entry,
	&cmd_run_entry,
	&cmd_send_entry,
	&cmd_set_entry,
	&cmd_show_entry,
	&cmd_signal_entry,
	&cmd_stream_entry,
	&cmd_wait_entry,
	NULL
};

/* Find a command by name, alias or unambiguous prefix. */
const struct cmd_entry *
cmd_find(const char *name, char **cause)
{
	const struct cmd_entry	**ep, *found = NULL;
	size_t			  len = strlen(name);
	int			  ambiguous = 0;

	for (ep = cmd_table; *ep != NULL; ep++) {
		if (strcmp((*ep)->name, name) == 0 ||
		    ((*ep)->alias != NULL && strcmp((*ep)->alias, name) == 0) ||
		    ((*ep)->alias2 != NULL && strcmp((*ep)->alias2, name) == 0))
			return (*ep);
	}
	for (ep = cmd_table; len != 0 && *ep != NULL; ep++) {
		if (strncmp((*ep)->name, name, len) != 0 &&
		    ((*ep)->alias == NULL ||
		    strncmp((*ep)->alias, name, len) != 0))
			continue;
		if (found != NULL && found != *ep)
			ambiguous = 1;
		found = *ep;
	}
	if (ambiguous) {
		xasprintf(cause, "ambiguous command: %s", esc(name));
		return (NULL);
	}
	if (found == NULL) {
		xasprintf(cause, "unknown command: %s", esc(name));
		return (NULL);
	}
	return (found);
}

/* Usage line for an entry, "name usage". */
const char *
cmd_usage_line(const struct cmd_entry *entry, char *buf, size_t len)
{
	if (*entry->usage == '\0')
		snprintf(buf, len, "%s", entry->name);
	else
		snprintf(buf, len, "%s %s", entry->name, entry->usage);
	return (buf);
}

/* Whether these arguments make an operator command read-only. */
static int
cmd_readonly_use(const struct cmd_entry *entry, struct args *args)
{
	return (entry->readonly != NULL && entry->readonly(args));
}

/* Audit a command: who ran which (never its arguments, which may hold
 * what someone typed), and whether it was refused. */
static void
cmd_audit(struct client *c, const struct cmd_entry *entry, const char *why)
{
	struct evbuffer	*b;

	if ((b = audit_start(why == NULL ? "command" : "refused")) == NULL)
		return;
	json_add_key_string(b, 0, "command", entry->name);
	if (c != NULL)
		audit_add_client(b, c);
	else
		json_add_key_string(b, 0, "user", "(configuration)");
	if (why != NULL)
		json_add_key_string(b, 0, "reason", why);
	audit_finish(b);
}

/* Whether the client may run this command; logs a refusal. */
static int
cmd_allowed(struct client *c, const struct cmd_entry *entry,
    struct args *args, char **cause)
{
	if (c == NULL)
		return (1);	/* the server's own configuration */
	if (cmd_readonly_use(entry, args))
		return (1);	/* this use only reads */
	if ((entry->flags & CMD_OPERATOR) && (c->flags & CLIENT_READONLY)) {
		log_debug("client %u (%s): refused %s: observer", c->id,
		    c->user, entry->name);
		*cause = xstrdup("not allowed: observers are read-only");
		return (0);
	}
	if ((entry->flags & CMD_OWNER) && !(c->flags & CLIENT_OWNER)) {
		log_debug("client %u (%s): refused %s: not the owner", c->id,
		    c->user, entry->name);
		*cause = xstrdup("not allowed: only the server's owner may "
		    "do that");
		return (0);
	}
	return (1);
}

/* Make a command item for argv; NULL with a cause and status on failure. */
struct cmd_item *
cmd_prepare(struct client *c, int argc, char **argv, const char *cwd,
    const char *current, char **cause, int *status)
{
	const struct cmd_entry	*entry;
	struct cmd_item		*item;
	struct args		*args;
	char			*why = NULL, usage[512];

	*status = CMD_RETURN_USAGE;
	if (argc < 1) {
		*cause = xstrdup("no command");
		return (NULL);
	}
	if ((entry = cmd_find(argv[0], cause)) == NULL)
		return (NULL);
	if ((args = args_parse(entry, argc, argv, &why)) == NULL) {
		xasprintf(cause, "%s; usage: %s", why,
		    cmd_usage_line(entry, usage, sizeof usage));
		free(why);
		return (NULL);
	}
	if (!cmd_allowed(c, entry, args, cause)) {
		cmd_audit(c, entry, *cause);
		*status = CMD_RETURN_ERROR;
		args_free(args);
		return (NULL);
	}
	cmd_audit(c, entry, NULL);
	item = xcalloc(1, sizeof *item);
	item->client = c;
	item->entry = entry;
	item->args = args;
	item->cwd = xstrdup(cwd != NULL ? cwd : "/");
	item->current = xstrdup(current != NULL ? current : "");
	return (item);
}

/* Run a command sent by a client, and answer it. */
void
cmd_run(struct client *c, struct msg_command *m)
{
	struct cmd_item	*item;
	char		*cause = NULL;
	int		 status;
	enum cmd_retval	 retval;

	log_debug("client %u (%s): command %s", c->id, c->user, m->argv[0]);
	item = cmd_prepare(c, m->argc, m->argv, m->cwd, m->current, &cause,
	    &status);
	if (item == NULL) {
		server_client_error(c, cause);
		server_client_exit(c, status);
		free(cause);
		return;
	}
	c->item = item;
	retval = item->entry->exec(item);
	if (retval != CMD_RETURN_WAIT)
		cmd_done(item, retval);
}

/* Run a command with no client (the configuration file). */
int
cmd_run_internal(int argc, char **argv, char **cause)
{
	struct cmd_item	*item;
	int		 status;
	enum cmd_retval	 retval;

	item = cmd_prepare(NULL, argc, argv, NULL, NULL, cause, &status);
	if (item == NULL)
		return (-1);
	if (item->entry->flags & (CMD_CLIENTSIDE|CMD_STARTSERVER)) {
		xasprintf(cause, "%s cannot be run from a configuration file",
		    item->entry->name);
		cmd_item_free(item);
		return (-1);
	}
	retval = item->entry->exec(item);
	if (retval == CMD_RETURN_WAIT)
		item->client = NULL;	/* finishes on its own */
	else
		cmd_item_free(item);
	/* The command has reported why itself (see cmd_error). */
	if (retval == CMD_RETURN_ERROR || retval == CMD_RETURN_USAGE)
		return (-1);
	return (0);
}

/* Write output for the caller: MSG_OUTPUT in chunks. */
void
cmd_write(struct cmd_item *item, int stream, const void *buf, size_t len)
{
	const u_char	*p = buf;
	size_t		 n;

	if (item->client == NULL) {
		log_debug("%s: %.*s", item->entry->name, (int)len,
		    (const char *)buf);
		return;
	}
	while (len > 0) {
		n = len > MSG_OUTPUT_CHUNK ? MSG_OUTPUT_CHUNK : len;
		server_client_output(item->client, stream, p, n);
		p += n;
		len -= n;
	}
}

/* Print a line (a newline is added) to the caller's standard output. */
void
cmd_print(struct cmd_item *item, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 len;

	va_start(ap, fmt);
	len = xvasprintf(&s, fmt, ap);
	va_end(ap);
	s = xrealloc(s, len + 2);
	s[len] = '\n';
	cmd_write(item, MSG_STDOUT, s, len + 1);
	free(s);
}

/* Print "huddle: ..." to the caller's standard error; returns ERROR. */
enum cmd_retval
cmd_error(struct cmd_item *item, const char *fmt, ...)
{
	va_list	 ap;
	char	*s, *line;

	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	log_debug("%s: error: %s", item->entry->name, s);
	if (item->client != NULL) {
		xasprintf(&line, "huddle: %s\n", s);
		cmd_write(item, MSG_STDERR, line, strlen(line));
		free(line);
	} else
		cfg_add_error("%s%s", cfg_where(), s);
	free(s);
	return (CMD_RETURN_ERROR);
}

/* A command finished: tell the client its status and let it go. */
void
cmd_done(struct cmd_item *item, int status)
{
	struct client	*c = item->client;

	if (c != NULL) {
		c->item = NULL;
		if (c->kind == MSG_KIND_ATTACH)
			server_client_prompt_done(c, status);
		else
			server_client_exit(c, status);
	}
	cmd_item_free(item);
}

/* Free a command item. */
void
cmd_item_free(struct cmd_item *item)
{
	if (item->cancel != NULL)
		item->cancel(item);
	args_free(item->args);
	free(item->cwd);
	free(item->current);
	free(item);
}

/* A path as the caller meant it: relative ones from its directory. */
char *
cmd_path(struct cmd_item *item, const char *path)
{
	char	*full;

	if (*path == '/' || item->cwd == NULL)
		return (xstrdup(path));
	xasprintf(&full, "%s/%s", item->cwd, path);
	return (full);
}

/* Free an argv made by cmd_split. */
void
cmd_free_argv(int argc, char **argv)
{
	int	i;

	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

/*
 * Split a command line into words, as a shell would for simple cases: blanks
 * separate words, 'single' and "double" quotes group, backslash escapes the
 * next character, # starts a comment. Nothing is ever expanded or run.
 */
int
cmd_split(const char *line, int *argcp, char ***argvp, char **cause)
{
	char		**argv = NULL, *word;
	const char	 *p = line;
	size_t		  len;
	int		  argc = 0, quote, have;

	word = xmalloc(strlen(line) + 1);
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		len = 0;
		have = 0;
		quote = 0;
		while (*p != '\0') {
			if (quote == 0 && (*p == ' ' || *p == '\t' ||
			    *p == '\n' || *p == '\r'))
				break;
			if (quote == 0 && (*p == '\'' || *p == '"')) {
				quote = *p++;
				have = 1;
				continue;
			}
			if (quote != 0 && *p == quote) {
				quote = 0;
				p++;
				continue;
			}
			if (*p == '\\' && quote != '\'' && p[1] != '\0') {
				p++;
				word[len++] = *p++;
				continue;
			}
			word[len++] = *p++;
		}
		if (quote != 0) {
			xasprintf(cause, "missing closing %c", quote);
			free(word);
			cmd_free_argv(argc, argv);
			return (-1);
		}
		if (len != 0 || have) {
			argv = xreallocarray(argv, argc + 2, sizeof *argv);
			argv[argc++] = xstrndup(word, len);
			argv[argc] = NULL;
		}
	}
	free(word);
	*argcp = argc;
	*argvp = argv;
	return (0);
}
