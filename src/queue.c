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

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "huddle.h"
#include "queue.h"
#include "term.h"
#include "vtfilter.h"

/*
 * The command queue. Each pane has its queued commands, in order, in
 * queue_all. One runs at a time, and only when the shell is at a fresh
 * primary prompt with nothing half-typed by anyone: huddle's own OSC 133
 * marks (they carry the session's secret, so a program cannot fake them)
 * say where the prompt ends (B), where the command's output starts (C) and
 * where it ends with its exit status (D). Without marks, a command is sent
 * when the pane has been quiet and is over when it is quiet again, with
 * its status unknown.
 */

#define QUEUE_TICK_MS 100		/* re-check while something waits */
#define QUEUE_TYPED_QUIET_MS 250	/* after a keystroke, before a check */
#define QUEUE_EXPECT_MS 10000		/* wait this long for a first mark */

struct qwait {
	struct cmd_item	*item;
	struct qcmd	*qc;
	int		 escapes;
	struct event	*timer;
	TAILQ_ENTRY(qwait) entry;
};

struct qcmds	 queue_all = TAILQ_HEAD_INITIALIZER(queue_all);
static u_int	 queue_next_id = 1;

static void	queue_check_now(struct window_pane *);

/* Milliseconds from a to b. */
static long long
queue_ms(const struct timeval *a, const struct timeval *b)
{
	return ((long long)(b->tv_sec - a->tv_sec) * 1000 +
	    (b->tv_usec - a->tv_usec) / 1000);
}

/* The name of a command's state. */
const char *
queue_state_name(struct qcmd *qc)
{
	switch (qc->state) {
	case QCMD_QUEUED:
		return ("queued");
	case QCMD_RUNNING:
		return ("running");
	case QCMD_DONE:
		return ("done");
	case QCMD_CANCELLED:
		return ("cancelled");
	case QCMD_LOST:
		return ("lost");
	}
	return ("unknown");
}

/*
 * A command's fields for a JSON object; with full, its line and output size
 * too. first: these are the object's first fields.
 */
void
queue_json(struct evbuffer *b, struct qcmd *qc, int full, int first)
{
	char	id[32];

	snprintf(id, sizeof id, "cmd-%u", qc->id);
	json_add_key_string(b, first, "id", id);
	json_add_key_string(b, 0, "state", queue_state_name(qc));
	json_add_key_string(b, 0, "user", qc->user);
	json_add_key_number(b, 0, "uid", qc->uid);
	if (full)
		json_add_key_string(b, 0, "command", qc->line);
	json_add_key_time(b, 0, "queued", &qc->queued);
	json_add_key_time(b, 0, "started", &qc->started);
	json_add_key_time(b, 0, "finished", &qc->finished);
	json_add_key(b, 0, "status");
	if (qc->state != QCMD_DONE || qc->status == -1)
		evbuffer_add(b, "null", 4);
	else
		evbuffer_add_printf(b, "%d", qc->status);
	if (full) {
		json_add_key_number(b, 0, "output", (long long)qc->total);
		json_add_key_bool(b, 0, "truncated", qc->dropped != 0);
	}
}

/* Tell the audit log, the streams and a recording what happened. */
static void
queue_event(struct qcmd *qc, const char *event)
{
	struct window_pane	*wp = qc->wp;
	struct session		*s = wp->window->session;
	struct evbuffer		*b;
	char			*label;

	if ((b = audit_start(event)) != NULL) {
		json_add_key_string(b, 0, "session", s->name);
		queue_json(b, qc, 0, 0);
		audit_finish(b);
	}
	stream_command(s, event, qc);
	if (wp->recorder != NULL && (strcmp(event, "started") == 0 ||
	    strcmp(event, "finished") == 0)) {
		if (qc->state == QCMD_DONE && qc->status != -1)
			xasprintf(&label, "cmd-%u %s %d", qc->id, event,
			    qc->status);
		else
			xasprintf(&label, "cmd-%u %s", qc->id, event);
		record_marker(wp->recorder, label);
		free(label);
	}
	server_redraw_status(s);
}

/* Whether a command line may be typed into a shell. */
static int
queue_check_line(const char *line, char **cause)
{
	const u_char	*p;
	size_t		 len = strlen(line);

	if (len > QUEUE_MAX_LINE) {
		xasprintf(cause, "command line too long (over %d bytes)",
		    QUEUE_MAX_LINE);
		return (-1);
	}
	for (p = (const u_char *)line; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f) {
			*cause = xstrdup("command line has control characters "
			    "(only tab and newline are allowed)");
			return (-1);
		}
	}
	if (strspn(line, " \t\n") == len) {
		*cause = xstrdup("empty command line");
		return (-1);
	}
	return (0);
}

/* Queue a command line for a pane. */
struct qcmd *
queue_add(struct window_pane *wp, const char *line, const char *user,
    uid_t uid, char **cause)
{
	struct qcmd	*qc;
	size_t		 len;

	if (queue_check_line(line, cause) != 0)
		return (NULL);
	if (wp->fd == -1 || (wp->flags & PANE_EOF)) {
		*cause = xstrdup("the pane's program has exited");
		return (NULL);
	}
	if (wp->queued >= QUEUE_MAX_QUEUED) {
		xasprintf(cause, "queue full (%d commands waiting)",
		    QUEUE_MAX_QUEUED);
		return (NULL);
	}

	qc = xcalloc(1, sizeof *qc);
	qc->id = queue_next_id++;
	qc->wp = wp;
	len = strlen(line);
	while (len > 0 && line[len - 1] == '\n')
		len--;
	qc->line = xstrndup(line, len);
	qc->user = xstrdup(user);
	qc->uid = uid;
	qc->state = QCMD_QUEUED;
	qc->status = -1;
	gettimeofday(&qc->queued, NULL);
	qc->output = evbuffer_new();
	TAILQ_INIT(&qc->waiters);
	TAILQ_INSERT_TAIL(&queue_all, qc, entry);
	wp->queued++;
	log_debug("pane %%%u: cmd-%u queued by %s", wp->id, qc->id, user);
	queue_event(qc, "queued");
	queue_check_now(wp);
	return (qc);
}

/* Find a command by ID ("cmd-N" or N). */
struct qcmd *
queue_find(const char *name, char **cause)
{
	struct qcmd	*qc;
	const char	*p = name;
	char		*end;
	unsigned long	 n;

	if (strncmp(p, "cmd-", 4) == 0)
		p += 4;
	errno = 0;
	n = strtoul(p, &end, 10);
	if (*p < '0' || *p > '9' || *end != '\0' || errno != 0 ||
	    n > UINT_MAX) {
		xasprintf(cause, "not a command ID: %s", esc(name));
		return (NULL);
	}
	TAILQ_FOREACH(qc, &queue_all, entry) {
		if (qc->id == n)
			return (qc);
	}
	xasprintf(cause, "no such command: cmd-%lu", n);
	return (NULL);
}

/* Free a command; its waiters must have been answered. */
static void
queue_free(struct qcmd *qc)
{
	TAILQ_REMOVE(&queue_all, qc, entry);
	evbuffer_free(qc->output);
	free(qc->line);
	free(qc->user);
	free(qc);
}

/*
 * Keep no more than QUEUE_KEEP_DONE finished commands for a pane, holding
 * no more than QUEUE_KEEP_OUTPUT bytes of output between them (or four
 * times command-output-limit if that is more): the oldest go first.
 */
static void
queue_trim(struct window_pane *wp)
{
	struct qcmd	*qc, *qc1;
	u_int		 done = 0;
	size_t		 bytes = 0, keep;

	keep = 4 * options_get_number(global_options, "command-output-limit");
	if (keep < QUEUE_KEEP_OUTPUT)
		keep = QUEUE_KEEP_OUTPUT;
	TAILQ_FOREACH(qc, &queue_all, entry) {
		if (qc->wp == wp && qc->state >= QCMD_DONE) {
			done++;
			bytes += evbuffer_get_length(qc->output);
		}
	}
	TAILQ_FOREACH_SAFE(qc, &queue_all, entry, qc1) {
		if (done <= QUEUE_KEEP_DONE && bytes <= keep)
			break;
		if (qc->wp == wp && qc->state >= QCMD_DONE &&
		    TAILQ_EMPTY(&qc->waiters)) {
			bytes -= evbuffer_get_length(qc->output);
			queue_free(qc);
			done--;
		}
	}
}

/* Answer one waiter with the command's output and status. */
static void
queue_answer(struct cmd_item *item, struct qcmd *qc, int escapes)
{
	u_char	*data;
	char	*text;
	size_t	 len, n;
	int	 code;

	len = evbuffer_get_length(qc->output);
	data = evbuffer_pullup(qc->output, -1);
	if (escapes)
		cmd_write(item, MSG_STDOUT, data, len);
	else {
		text = strip_output(data, len, qc->wp->sx, &n);
		cmd_write(item, MSG_STDOUT, text, n);
		free(text);
	}
	if (qc->dropped != 0) {
		cmd_error(item, "cmd-%u: output truncated: the first %llu "
		    "bytes were dropped (command-output-limit)", qc->id,
		    (unsigned long long)qc->dropped);
	}
	switch (qc->state) {
	case QCMD_DONE:
		if (qc->status != -1) {
			code = qc->status;
			break;
		}
		if (qc->flags & QCMD_NOCOMMAND)
			cmd_error(item, "cmd-%u: exit status unknown (the "
			    "shell ran no command)", qc->id);
		else
			cmd_error(item, "cmd-%u: exit status unknown (no "
			    "shell integration marks)", qc->id);
		code = 1;
		break;
	case QCMD_CANCELLED:
		cmd_error(item, "cmd-%u was cancelled", qc->id);
		code = 1;
		break;
	default:
		cmd_error(item, "cmd-%u: the pane ended before it finished",
		    qc->id);
		code = 1;
		break;
	}
	cmd_done(item, code);
}

/* A waiter's client went away (or it was answered): forget it. */
static void
queue_wait_cancel(struct cmd_item *item)
{
	struct qwait	*w = item->data;

	if (w == NULL)
		return;
	TAILQ_REMOVE(&w->qc->waiters, w, entry);
	if (w->timer != NULL)
		event_free(w->timer);
	free(w);
	item->data = NULL;
	item->cancel = NULL;
}

/* A waiter's --timeout passed: the command is left as it is. */
static void
queue_wait_timeout(evutil_socket_t fd, short events, void *arg)
{
	struct qwait	*w = arg;
	struct cmd_item	*item = w->item;
	struct qcmd	*qc = w->qc;

	cmd_error(item, "timed out waiting for cmd-%u (it is still %s)",
	    qc->id, queue_state_name(qc));
	cmd_done(item, 124);
}

/*
 * Whether waiting (with no timeout) for a command in this pane could wait
 * for ever: the caller runs inside the same session, most likely from the
 * very shell the command needs to be at its prompt.
 */
int
queue_wait_self(struct cmd_item *item, struct window_pane *wp, double timeout)
{
	if (timeout > 0 || item->current == NULL)
		return (0);
	if (target_current(item->current) != wp->window->session)
		return (0);
	cmd_error(item, "waiting from inside the same session could wait for "
	    "ever: give --timeout, or queue without waiting");
	return (1);
}

/*
 * Wait for a command, then print its output (escape sequences stripped
 * unless escapes) and finish with its status; timeout in seconds, 0 for
 * none. Always finishes the item itself (now or later).
 */
int
queue_wait(struct cmd_item *item, struct qcmd *qc, int escapes,
    double timeout)
{
	struct qwait	*w;
	struct timeval	 tv;

	if (qc->state >= QCMD_DONE) {
		queue_answer(item, qc, escapes);
		return (CMD_RETURN_WAIT);
	}
	w = xcalloc(1, sizeof *w);
	w->item = item;
	w->qc = qc;
	w->escapes = escapes;
	if (timeout > 0) {
		w->timer = evtimer_new(server_base, queue_wait_timeout, w);
		tv.tv_sec = (time_t)timeout;
		tv.tv_usec = (suseconds_t)((timeout - tv.tv_sec) * 1000000);
		evtimer_add(w->timer, &tv);
	}
	TAILQ_INSERT_TAIL(&qc->waiters, w, entry);
	item->data = w;
	item->cancel = queue_wait_cancel;
	return (CMD_RETURN_WAIT);
}

/* A command is over: answer its waiters. */
static void
queue_finish(struct qcmd *qc, int state, int status)
{
	struct window_pane	*wp = qc->wp;
	struct qwait		*w;
	const char		*event;

	if (qc->state == QCMD_QUEUED)
		wp->queued--;
	qc->state = state;
	qc->status = status;
	gettimeofday(&qc->finished, NULL);
	if (wp->running == qc)
		wp->running = NULL;
	log_debug("pane %%%u: cmd-%u %s, status %d", wp->id, qc->id,
	    queue_state_name(qc), status);
	switch (state) {
	case QCMD_CANCELLED:
		event = "cancelled";
		break;
	case QCMD_LOST:
		event = "lost";
		break;
	default:
		event = "finished";
		break;
	}
	queue_event(qc, event);
	while ((w = TAILQ_FIRST(&qc->waiters)) != NULL)
		queue_answer(w->item, qc, w->escapes);
}

/* Cancel a command that has not started. */
int
queue_cancel(struct qcmd *qc, char **cause)
{
	struct window_pane	*wp = qc->wp;

	if (qc->state != QCMD_QUEUED) {
		xasprintf(cause, "cmd-%u has %s", qc->id,
		    qc->state == QCMD_RUNNING ? "started" : "finished");
		return (-1);
	}
	queue_finish(qc, QCMD_CANCELLED, -1);
	queue_trim(wp);
	return (0);
}

/* The pane is going: every command of it is over. */
void
queue_pane_gone(struct window_pane *wp)
{
	struct qcmd	*qc, *qc1;

	TAILQ_FOREACH_SAFE(qc, &queue_all, entry, qc1) {
		if (qc->wp != wp)
			continue;
		if (qc->state < QCMD_DONE)
			queue_finish(qc, QCMD_LOST, -1);
		queue_free(qc);
	}
	wp->running = NULL;
}

/* Output from the pane, huddle's marks already cut out. */
void
queue_output(struct window_pane *wp, const u_char *buf, size_t len)
{
	struct qcmd	*qc = wp->running;
	size_t		 limit, have;

	if (qc == NULL)
		return;
	if (!(qc->flags & (QCMD_OUTPUT|QCMD_NOMARKS)))
		return;
	qc->total += len;
	limit = options_get_number(global_options, "command-output-limit");
	if (len > limit) {
		qc->dropped += len - limit;
		buf += len - limit;
		len = limit;
	}
	evbuffer_add(qc->output, buf, len);
	have = evbuffer_get_length(qc->output);
	if (have > limit) {
		evbuffer_drain(qc->output, have - limit);
		qc->dropped += have - limit;
	}
}

/* Someone typed into the pane. */
void
queue_input(struct window_pane *wp, size_t len)
{
	if (wp->prompt != PANE_PROMPT_READY)
		wp->typeahead = 1;	/* may show at the next prompt */
	wp->typed += len;
	gettimeofday(&wp->last_input, NULL);
}

/* One of huddle's marks, in order with the output around it. */
void
queue_mark(struct window_pane *wp, const struct pane_mark *m)
{
	struct qcmd	*qc = wp->running;

	if (wp->shell != PANE_SHELL_MARKS) {
		log_debug("pane %%%u: shell integration marks seen", wp->id);
		wp->shell = PANE_SHELL_MARKS;
	}
	switch (m->kind) {
	case 'A':
		wp->prompt = PANE_PROMPT_NONE;
		break;
	case 'P':
		if (m->cont)
			wp->prompt = PANE_PROMPT_CONT;
		break;
	case 'B':
		if (wp->prompt == PANE_PROMPT_CONT)
			break;
		wp->prompt = PANE_PROMPT_READY;
		wp->prompt_x = m->cx;
		wp->prompt_y = m->cy;
		/*
		 * A prompt drawn again (a resize, C-l) keeps what was typed
		 * on it. A new one starts empty, unless input typed ahead
		 * shows on it: then the screen must say.
		 */
		if (wp->fresh) {
			if (!wp->typeahead)
				wp->typed = 0;
			wp->typeahead = 0;
			wp->fresh = 0;
		}
		break;
	case 'C':
		wp->prompt = PANE_PROMPT_BUSY;
		if (qc != NULL)
			qc->flags |= QCMD_OUTPUT;
		break;
	case 'D':
		wp->prompt = PANE_PROMPT_NONE;
		wp->fresh = 1;
		if (qc == NULL)
			break;
		if (qc->flags & QCMD_OUTPUT)
			queue_finish(qc, QCMD_DONE, m->status);
		else {
			/* A D with no C: the shell ran nothing. */
			qc->flags |= QCMD_NOCOMMAND;
			queue_finish(qc, QCMD_DONE, -1);
		}
		queue_trim(wp);
		break;
	}
}

/* Whether the rest of the screen from the prompt's end is blank. */
struct queue_blank {
	u_int	x;
	int	blank;
};
static void
queue_blank_line(const struct cell *cells, u_int sx, void *arg)
{
	struct queue_blank	*qb = arg;
	u_int			 x;

	for (x = qb->x; x < sx; x++) {
		if (cells[x].ch != 0 && cells[x].ch != ' ')
			qb->blank = 0;
	}
	qb->x = 0;
}

/* Whether nobody has anything half-typed at the prompt. */
static int
queue_line_clear(struct window_pane *wp, struct timeval *now)
{
	struct queue_blank	qb;
	u_int			cx, cy;

	if (wp->typed == 0)
		return (1);
	/*
	 * Something was typed: wait until input and output have settled (a
	 * shell shows typed-ahead input just after its prompt), then look.
	 */
	if (queue_ms(&wp->last_input, now) < QUEUE_TYPED_QUIET_MS ||
	    queue_ms(&wp->last_output, now) < QUEUE_TYPED_QUIET_MS)
		return (0);
	term_cursor_raw(wp->term, &cx, &cy);
	if (cx != wp->prompt_x || cy != wp->prompt_y)
		return (0);
	if (cy >= wp->sy)
		return (1);
	qb.x = cx;
	qb.blank = 1;
	term_read_lines(wp->term, cy, wp->sy - 1, queue_blank_line, &qb);
	return (qb.blank);
}

/* Whether a queued command may be sent to the pane now. */
static int
queue_ready(struct window_pane *wp, struct timeval *now)
{
	long long	quiet;

	if (evbuffer_get_length(wp->write_buf) != 0)
		return (0);
	if (wp->shell == PANE_SHELL_MARKS) {
		return (wp->prompt == PANE_PROMPT_READY &&
		    queue_line_clear(wp, now));
	}
	quiet = options_get_number(global_options, "command-quiet-time");
	return (queue_ms(&wp->last_input, now) >= quiet &&
	    queue_ms(&wp->last_output, now) >= quiet);
}

/* Quote a multi-line command for eval, as $'...' (bash and zsh). */
static char *
queue_eval(const char *line)
{
	struct evbuffer	*b;
	const char	*p;
	char		*out;
	size_t		 len;

	b = evbuffer_new();
	evbuffer_add(b, "eval $'", 7);
	for (p = line; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			evbuffer_add(b, "\\\\", 2);
			break;
		case '\'':
			evbuffer_add(b, "\\'", 2);
			break;
		case '\n':
			evbuffer_add(b, "\\n", 2);
			break;
		case '\t':
			evbuffer_add(b, "\\t", 2);
			break;
		default:
			evbuffer_add(b, p, 1);
			break;
		}
	}
	evbuffer_add(b, "'", 1);
	len = evbuffer_get_length(b);
	out = xmalloc(len + 1);
	evbuffer_remove(b, out, len);
	out[len] = '\0';
	evbuffer_free(b);
	return (out);
}

/* Type a command into the shell. */
static void
queue_dispatch(struct qcmd *qc)
{
	struct window_pane	*wp = qc->wp;
	int			 modes = pane_modes(wp);
	char			*text, *eval = NULL;
	size_t			 len;

	qc->state = QCMD_RUNNING;
	wp->queued--;
	gettimeofday(&qc->started, NULL);
	if (wp->shell != PANE_SHELL_MARKS)
		qc->flags |= QCMD_NOMARKS;
	wp->running = qc;
	wp->prompt = PANE_PROMPT_NONE;
	log_debug("pane %%%u: cmd-%u started", wp->id, qc->id);

	if (strchr(qc->line, '\n') == NULL)
		text = xstrdup(qc->line);
	else if (modes & MODE_BRACKETPASTE)
		text = input_paste_encode(qc->line, strlen(qc->line), modes,
		    NULL);
	else if (wp->shell == PANE_SHELL_MARKS) {
		/* Lines typed one by one would run one by one. */
		eval = queue_eval(qc->line);
		text = xstrdup(eval);
	} else
		text = xstrdup(qc->line);
	free(eval);
	len = strlen(text);
	text = xrealloc(text, len + 2);
	text[len++] = '\r';
	text[len] = '\0';
	if (wp->recorder != NULL)
		record_input(wp->recorder, text, len);
	pane_write(wp, text, len);
	free(text);
	queue_event(qc, "started");
}

/* Without marks: the command is over once the pane has been quiet. */
static int
queue_check_quiet(struct window_pane *wp, struct timeval *now)
{
	struct qcmd	*qc = wp->running;
	size_t		 len, have;
	long long	 quiet;
	u_char		*p;

	quiet = options_get_number(global_options, "command-quiet-time");
	if (queue_ms(&qc->started, now) < quiet ||
	    queue_ms(&wp->last_output, now) < quiet)
		return (0);
	/* Drop the terminal's echo of a one-line command. */
	len = strlen(qc->line);
	have = evbuffer_get_length(qc->output);
	if (qc->dropped == 0 && strchr(qc->line, '\n') == NULL &&
	    have >= len + 2) {
		p = evbuffer_pullup(qc->output, len + 2);
		if (memcmp(p, qc->line, len) == 0 &&
		    memcmp(p + len, "\r\n", 2) == 0)
			evbuffer_drain(qc->output, len + 2);
	}
	queue_finish(qc, QCMD_DONE, -1);
	queue_trim(wp);
	return (1);
}

/* The timer: look again. */
static void
queue_timer_cb(evutil_socket_t fd, short events, void *arg)
{
	queue_check_now(arg);
}

/* Start the next command if the pane is ready; otherwise look again soon. */
static void
queue_check_now(struct window_pane *wp)
{
	struct qcmd	*qc, *next = NULL;
	struct timeval	 now, tv;
	int		 again = 0;

	if (wp->fd == -1 || (wp->flags & PANE_EOF))
		return;
	if (wp->running == NULL && wp->queued == 0)
		return;
	if (wp->running != NULL && !(wp->running->flags & QCMD_NOMARKS))
		return;
	gettimeofday(&now, NULL);
	if (wp->running != NULL) {
		if (!(wp->running->flags & QCMD_NOMARKS))
			return;
		if (!queue_check_quiet(wp, &now)) {
			again = 1;
			goto out;
		}
	}
	TAILQ_FOREACH(qc, &queue_all, entry) {
		if (qc->wp == wp && qc->state == QCMD_QUEUED) {
			next = qc;
			break;
		}
	}
	if (next == NULL)
		goto out;
	if (wp->shell == PANE_SHELL_EXPECT &&
	    queue_ms(&wp->spawned, &now) >= QUEUE_EXPECT_MS) {
		log_debug("pane %%%u: no shell integration marks; using quiet "
		    "time", wp->id);
		wp->shell = PANE_SHELL_NONE;
	}
	if (wp->shell == PANE_SHELL_EXPECT || !queue_ready(wp, &now)) {
		again = 1;
		goto out;
	}
	queue_dispatch(next);
	if (wp->running != NULL && (wp->running->flags & QCMD_NOMARKS))
		again = 1;

out:
	if (again && !evtimer_pending(wp->queue_timer, NULL)) {
		tv.tv_sec = 0;
		tv.tv_usec = QUEUE_TICK_MS * 1000;
		evtimer_add(wp->queue_timer, &tv);
	}
}

/* Start the next command if the pane is ready. */
void
queue_check(struct window_pane *wp)
{
	queue_check_now(wp);
}

/* Whether a queued command is waiting for the shell. */
int
queue_waiting(struct window_pane *wp)
{
	return (wp->running == NULL && wp->queued != 0);
}

/* Create the pane's queue timer. */
void
queue_pane_init(struct window_pane *wp)
{
	wp->queue_timer = evtimer_new(server_base, queue_timer_cb, wp);
}
