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

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"

/*
 * Options: a fixed table of names, types, limits and defaults. A value is
 * checked against its entry before it is stored.
 */

static const char *options_status_position[] = { "top", "bottom", NULL };
static const char *options_window_size[] = {
	"latest", "smallest", "largest", "manual", NULL
};

const struct option_entry options_table[] = {
	{ .name = "audit-log", .type = OPTION_STRING, .default_str = "",
	  .text = "A file the server appends its audit log to (JSON lines)." },
	{ .name = "bell", .type = OPTION_FLAG, .default_num = 1,
	  .text = "Ring the attached terminals' bell on a bell in the pane." },
	{ .name = "command-output-limit", .type = OPTION_NUMBER,
	  .minimum = 1024, .maximum = 64 * 1024 * 1024,
	  .default_num = 1024 * 1024,
	  .text = "Bytes of output kept for each queued command." },
	{ .name = "command-quiet-time", .type = OPTION_NUMBER,
	  .minimum = 50, .maximum = 3600000, .default_num = 1000,
	  .text = "Milliseconds of quiet that end a command run without "
	  "shell integration." },
	{ .name = "default-shell", .type = OPTION_STRING,
	  .default_str = "",
	  .text = "Shell run in new panes; empty means $SHELL." },
	{ .name = "default-terminal", .type = OPTION_STRING,
	  .default_str = HUDDLE_DEFAULT_TERM,
	  .text = "TERM set in new panes." },
	{ .name = "escape-time", .type = OPTION_NUMBER,
	  .minimum = 0, .maximum = 2000, .default_num = 10,
	  .text = "Milliseconds a client waits after Escape for more keys." },
	{ .name = "history-limit", .type = OPTION_NUMBER,
	  .minimum = 0, .maximum = HUDDLE_MAX_HISTORY, .default_num = 2000,
	  .text = "Lines of scrollback kept for new panes." },
	{ .name = "prefix", .type = OPTION_KEY, .default_str = "C-b",
	  .text = "The prefix key of attached clients." },
	{ .name = "set-clipboard", .type = OPTION_FLAG, .default_num = 0,
	  .text = "Pass a program's clipboard writes (OSC 52) to operators." },
	{ .name = "shell-integration", .type = OPTION_FLAG, .default_num = 1,
	  .text = "Start bash and zsh with huddle's shell integration." },
	{ .name = "status", .type = OPTION_FLAG, .default_num = 1,
	  .text = "Show a status line on attached clients." },
	{ .name = "status-position", .type = OPTION_CHOICE,
	  .choices = options_status_position, .default_num = 1,
	  .text = "Where the status line is: top or bottom." },
	{ .name = "window-size", .type = OPTION_CHOICE,
	  .choices = options_window_size, .default_num = 0,
	  .text = "How operators' terminals size a session: latest, "
	  "smallest, largest or manual." },
	{ .name = NULL }
};

/* Make an empty set of options. */
struct options *
options_create(struct options *parent)
{
	struct options	*oo;

	oo = xcalloc(1, sizeof *oo);
	TAILQ_INIT(&oo->list);
	oo->parent = parent;
	return (oo);
}

/* Free a set of options. */
void
options_free(struct options *oo)
{
	struct option	*o, *o1;

	TAILQ_FOREACH_SAFE(o, &oo->list, link, o1) {
		TAILQ_REMOVE(&oo->list, o, link);
		free(o->str);
		free(o);
	}
	free(oo);
}

/* Find an entry in the table. */
const struct option_entry *
options_entry_find(const char *name)
{
	const struct option_entry	*oe;

	for (oe = options_table; oe->name != NULL; oe++) {
		if (strcmp(oe->name, name) == 0)
			return (oe);
	}
	return (NULL);
}

/* Find an option, looking in the parents too. */
struct option *
options_get(struct options *oo, const char *name)
{
	struct option	*o;

	for (; oo != NULL; oo = oo->parent) {
		TAILQ_FOREACH(o, &oo->list, link) {
			if (strcmp(o->entry->name, name) == 0)
				return (o);
		}
	}
	return (NULL);
}

/* A string option's value. */
const char *
options_get_string(struct options *oo, const char *name)
{
	struct option	*o = options_get(oo, name);

	if (o == NULL)
		fatalx("missing option %s", name);
	return (o->str);
}

/* A number option's value. */
long long
options_get_number(struct options *oo, const char *name)
{
	struct option	*o = options_get(oo, name);

	if (o == NULL)
		fatalx("missing option %s", name);
	return (o->num);
}

/* Find or add an option in this set. */
static struct option *
options_add(struct options *oo, const struct option_entry *oe)
{
	struct option	*o;

	TAILQ_FOREACH(o, &oo->list, link) {
		if (o->entry == oe)
			return (o);
	}
	o = xcalloc(1, sizeof *o);
	o->entry = oe;
	TAILQ_INSERT_TAIL(&oo->list, o, link);
	return (o);
}

/* Parse a value for an entry; -1 with a cause if it is not valid. */
static int
options_parse(const struct option_entry *oe, const char *value,
    long long *num, char **cause)
{
	char	*end;

	uint64_t	key;

	switch (oe->type) {
	case OPTION_STRING:
		return (0);
	case OPTION_KEY:
		if (keys_parse(value, &key) != 0) {
			xasprintf(cause, "%s: not a key: %s", oe->name,
			    esc(value));
			return (-1);
		}
		return (0);
	case OPTION_FLAG:
		if (strcmp(value, "on") == 0 || strcmp(value, "1") == 0)
			*num = 1;
		else if (strcmp(value, "off") == 0 || strcmp(value, "0") == 0)
			*num = 0;
		else {
			xasprintf(cause, "%s: expected on or off: %s",
			    oe->name, esc(value));
			return (-1);
		}
		return (0);
	case OPTION_CHOICE:
		for (*num = 0; oe->choices[*num] != NULL; (*num)++) {
			if (strcmp(oe->choices[*num], value) == 0)
				return (0);
		}
		xasprintf(cause, "%s: unknown value: %s", oe->name,
		    esc(value));
		return (-1);
	case OPTION_NUMBER:
		errno = 0;
		*num = strtoll(value, &end, 10);
		if (*value == '\0' || *end != '\0' || errno == ERANGE ||
		    *num < oe->minimum || *num > oe->maximum) {
			xasprintf(cause, "%s: expected a number from %lld to "
			    "%lld: %s", oe->name, oe->minimum, oe->maximum,
			    esc(value));
			return (-1);
		}
		return (0);
	}
	return (-1);
}

/* Set an option from a string; -1 with a cause if name or value is bad. */
int
options_set(struct options *oo, const char *name, const char *value,
    char **cause)
{
	const struct option_entry	*oe;
	struct option			*o;
	long long			 num = 0;

	if ((oe = options_entry_find(name)) == NULL) {
		xasprintf(cause, "unknown option: %s", esc(name));
		return (-1);
	}
	if (strlen(value) > MSG_MAX_STRING) {
		xasprintf(cause, "%s: value too long", oe->name);
		return (-1);
	}
	if (options_parse(oe, value, &num, cause) != 0)
		return (-1);
	o = options_add(oo, oe);
	free(o->str);
	o->str = xstrdup(value);
	o->num = num;
	return (0);
}

/* Remove an option from this set (the parent's value shows through). */
void
options_unset(struct options *oo, const char *name)
{
	struct option	*o;

	TAILQ_FOREACH(o, &oo->list, link) {
		if (strcmp(o->entry->name, name) == 0) {
			TAILQ_REMOVE(&oo->list, o, link);
			free(o->str);
			free(o);
			return;
		}
	}
}

/* Put one option back to its default. */
void
options_default_one(struct options *oo, const struct option_entry *oe)
{
	struct option	*o;

	o = options_add(oo, oe);
	free(o->str);
	switch (oe->type) {
	case OPTION_STRING:
	case OPTION_KEY:
		o->str = xstrdup(oe->default_str);
		break;
	case OPTION_CHOICE:
		o->num = oe->default_num;
		o->str = xstrdup(oe->choices[o->num]);
		break;
	case OPTION_FLAG:
		o->num = oe->default_num;
		o->str = xstrdup(o->num ? "on" : "off");
		break;
	case OPTION_NUMBER:
		o->num = oe->default_num;
		xasprintf(&o->str, "%lld", o->num);
		break;
	}
}

/* Fill a set with every default. */
void
options_default(struct options *oo)
{
	const struct option_entry	*oe;

	for (oe = options_table; oe->name != NULL; oe++)
		options_default_one(oo, oe);
}

/* An option's value as text. */
char *
options_to_string(struct option *o)
{
	return (xstrdup(o->str));
}
