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
#include <sys/ioctl.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "huddle.h"
#include "queue.h"
#include "term.h"
#include "vtfilter.h"

/*
 * A pane: the pty and the program on it. Output flows pty -> VT filter ->
 * libtsm; input from every source is queued whole, in arrival order, on one
 * write buffer.
 */

#define PANE_READ_SIZE (64 * 1024)
#define PANE_READ_BUDGET 4000	/* read per turn (a pty read is 4095) */
#define PANE_PRIORITY 1			/* the event loop's default */
#define PANE_PRIORITY_BULK 2		/* after everything else */
#define PANE_WRITE_MAX (4 * 1024 * 1024)	/* input waiting for the program */
#define PANE_HOLD_MAX 1024	/* output held while it may be a mark */
#define PANE_MAX_MARKS 64	/* huddle's marks in one read */

static u_int			 pane_next_id;
static struct window_panes	 all_panes = TAILQ_HEAD_INITIALIZER(all_panes);

static void	pane_read_cb(int, short, void *);
static void	pane_write_cb(int, short, void *);

/* VT filter: bytes for libtsm. */
static void
pane_vt_output(void *arg, const u_char *buf, size_t len)
{
	struct window_pane	*wp = arg;

	term_input(wp->term, buf, len);
	if (!(wp->redraw & PANE_REDRAW_DIRTY))
		server_redraw_pane(wp);
}

/* VT filter or libtsm: a reply for the program. */
static void
pane_vt_reply(void *arg, const u_char *buf, size_t len)
{
	pane_write(arg, buf, len);
}

/* libtsm's replies (DA, DSR 5, ENQ). */
static void
pane_term_reply(const u_char *buf, size_t len, void *arg)
{
	pane_write(arg, buf, len);
}

/* VT filter: cursor as libtsm has it. */
static void
pane_vt_cursor(void *arg, u_int *x, u_int *y)
{
	struct window_pane	*wp = arg;

	term_cursor_raw(wp->term, x, y);
}

/* VT filter: screen size. */
static void
pane_vt_size(void *arg, u_int *sx, u_int *sy)
{
	struct window_pane	*wp = arg;

	term_size(wp->term, sx, sy);
}

/* VT filter: auto-wrap. */
static int
pane_vt_autowrap(void *arg)
{
	struct window_pane	*wp = arg;

	return (term_autowrap(wp->term));
}

/* VT filter: CSI 3 J. */
static void
pane_vt_clear_history(void *arg)
{
	struct window_pane	*wp = arg;

	term_clear_history(wp->term);
}

/* VT filter: a new title. */
static void
pane_vt_title(void *arg, const char *title)
{
	struct window_pane	*wp = arg;

	free(wp->title);
	wp->title = xstrdup(title);
	server_redraw_status(wp->window->session);
}

/* VT filter: OSC 7 working directory. */
static void
pane_vt_cwd(void *arg, const char *path)
{
	struct window_pane	*wp = arg;

	free(wp->cwd);
	wp->cwd = xstrdup(path);
}

/*
 * VT filter: OSC 52. Forwarded only when set-clipboard is on, only writes
 * (a query is never answered), and only to operators: an observer's
 * clipboard is never written by the session.
 */
static void
pane_vt_clipboard(void *arg, const char *sel, const char *data, size_t len)
{
	struct window_pane	*wp = arg;

	if (!options_get_number(global_options, "set-clipboard"))
		return;
	if (len == 0 || (len == 1 && *data == '?') ||
	    strspn(sel, "cpqs01234567") != strlen(sel) ||
	    strspn(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/=") != len)
		return;
	server_clipboard(wp->window->session, sel, data, len);
}

/* Compare the secret without stopping at the first difference. */
static int
pane_secret_equal(const char *a, const char *b, size_t len)
{
	u_char	diff = 0;
	size_t	i;

	for (i = 0; i < len; i++)
		diff |= (u_char)a[i] ^ (u_char)b[i];
	return (diff == 0);
}

/*
 * VT filter: an OSC 133 mark. Only huddle's own (those that carry the
 * session's secret) are kept, with where they are and where the cursor is;
 * the rest are passed over and stay in the output like any other bytes.
 */
static void
pane_vt_mark(void *arg, const struct vtfilter_mark *vm)
{
	struct window_pane	*wp = arg;
	struct session		*s = wp->window->session;
	struct pane_mark	*m;
	const char		*p, *field, *end;
	size_t			 len, slen = strlen(s->secret);
	int			 ours = 0, cont = 0, status = -1, n = 0;

	if (slen == 0 || strchr("ABCDP", vm->kind) == NULL)
		return;
	for (p = vm->params; p != NULL; p = (*end == ';') ? end + 1 : NULL) {
		field = p;
		end = strchr(field, ';');
		if (end == NULL)
			end = field + strlen(field);
		len = end - field;
		if (len == 7 + slen && strncmp(field, "huddle=", 7) == 0 &&
		    pane_secret_equal(field + 7, s->secret, slen))
			ours = 1;
		else if (len == 3 && strncmp(field, "k=s", 3) == 0)
			cont = 1;
		else if (n == 0 && vm->kind == 'D' && len > 0 && len <= 3 &&
		    strspn(field, "0123456789") == len)
			status = atoi(field);
		n++;
	}
	if (!ours)
		return;
	if (wp->nmarks == PANE_MAX_MARKS) {
		log_debug("pane %%%u: too many marks, one dropped", wp->id);
		return;
	}
	if (wp->marks == NULL)
		wp->marks = xcalloc(PANE_MAX_MARKS, sizeof *wp->marks);
	m = &wp->marks[wp->nmarks++];
	m->kind = vm->kind;
	m->status = (status > 255) ? 255 : status;
	m->cont = cont;
	m->offset = vm->offset;
	m->end = vm->end;
	term_cursor_raw(wp->term, &m->cx, &m->cy);
}

/* VT filter: BEL. */
static void
pane_vt_bell(void *arg)
{
	server_bell(arg);
}

/* VT filter: the program changed modes (mouse, paste) clients mirror. */
static void
pane_vt_modes(void *arg, int old, int new)
{
	server_redraw_pane(arg);
}

static const struct vtfilter_cb pane_vt_cb = {
	.output = pane_vt_output,
	.reply = pane_vt_reply,
	.cursor = pane_vt_cursor,
	.size = pane_vt_size,
	.autowrap = pane_vt_autowrap,
	.clear_history = pane_vt_clear_history,
	.title = pane_vt_title,
	.cwd = pane_vt_cwd,
	.mark = pane_vt_mark,
	.clipboard = pane_vt_clipboard,
	.bell = pane_vt_bell,
	.modes = pane_vt_modes,
};

/* Create a pane in a window; it has no program until pane_spawn. */
struct window_pane *
pane_create(struct window *w, u_int sx, u_int sy, u_int history)
{
	struct window_pane	*wp;

	wp = xcalloc(1, sizeof *wp);
	wp->id = pane_next_id++;
	wp->window = w;
	wp->fd = -1;
	wp->pid = -1;
	wp->sx = sx;
	wp->sy = sy;
	wp->write_buf = evbuffer_new();
	wp->raw = evbuffer_new();
	queue_pane_init(wp);
	wp->term = term_create(sx, sy, history, pane_term_reply, wp);
	wp->vt = vtfilter_create(&pane_vt_cb, wp);
	wp->title = xstrdup("");
	TAILQ_INSERT_TAIL(&w->panes, wp, entry);
	TAILQ_INSERT_TAIL(&all_panes, wp, all_entry);
	if (w->active == NULL)
		w->active = wp;
	return (wp);
}

/* Free a pane; the program gets SIGHUP if it is still running. */
void
pane_destroy(struct window_pane *wp)
{
	TAILQ_REMOVE(&all_panes, wp, all_entry);
	queue_pane_gone(wp);
	pane_record_stop(wp);
	if (wp->pid > 0 && !(wp->flags & PANE_EXITED))
		kill(-wp->pid, SIGHUP);
	if (wp->read_ev != NULL)
		event_free(wp->read_ev);
	if (wp->write_ev != NULL)
		event_free(wp->write_ev);
	if (wp->fd != -1)
		close(wp->fd);
	evbuffer_free(wp->write_buf);
	evbuffer_free(wp->raw);
	free(wp->marks);
	event_free(wp->queue_timer);
	vtfilter_free(wp->vt);
	term_free(wp->term);
	if (wp->screen != NULL) {
		grid_free(wp->screen);
		free(wp->screen);
	}
	free(wp->title);
	free(wp->cwd);
	free(wp);
}

/* Start the program: argv (argc 0 means the shell) in cwd. */
int
pane_spawn(struct window_pane *wp, int argc, char **argv, const char *cwd,
    char **cause)
{
	struct session	*s = wp->window->session;
	char		*env[7], **shell_args = NULL;
	pid_t		 pid;
	int		 fd, nenv = 0, i, inject = 0;

	xasprintf(&env[nenv++], "TERM=%s",
	    options_get_string(global_options, "default-terminal"));
	xasprintf(&env[nenv++], "HUDDLE=%s,%ld,%u", socket_path,
	    (long)getpid(), s->id);
	if (argc == 0 &&
	    options_get_number(global_options, "shell-integration"))
		inject = shell_prepare(getshell(), s->secret, env, &nenv,
		    &shell_args);
	env[nenv] = NULL;
	pid = spawn_pty(argc, argv, cwd, env, shell_args, wp->sx, wp->sy, &fd,
	    cause);
	for (i = 0; i < nenv; i++)
		free(env[i]);
	for (i = 0; shell_args != NULL && shell_args[i] != NULL; i++)
		free(shell_args[i]);
	free(shell_args);
	if (pid == -1)
		return (-1);
	/* Other shells may print marks too; the first one says so. */
	wp->shell = (inject == 1) ? PANE_SHELL_EXPECT : PANE_SHELL_NONE;
	gettimeofday(&wp->spawned, NULL);
	wp->last_output = wp->spawned;
	wp->pid = pid;
	wp->fd = fd;
	wp->read_ev = event_new(server_base, fd, EV_READ|EV_PERSIST,
	    pane_read_cb, wp);
	wp->priority = PANE_PRIORITY;
	event_priority_set(wp->read_ev, PANE_PRIORITY);
	wp->write_ev = event_new(server_base, fd, EV_WRITE, pane_write_cb, wp);
	event_add(wp->read_ev, NULL);
	log_debug("pane %%%u: pid %ld", wp->id, (long)pid);
	return (0);
}

/* The pane is finished once the pty is closed and the child reaped. */
static void
pane_check_dead(struct window_pane *wp)
{
	struct window	*w = wp->window;
	struct session	*s = w->session;

	if ((wp->flags & (PANE_EOF|PANE_EXITED)) != (PANE_EOF|PANE_EXITED))
		return;
	log_debug("pane %%%u finished", wp->id);
	window_remove_pane(w, wp);
	session_pane_gone(s);
}

/* Output for the taps: a recording, the streams and the command queue. */
static void
pane_tap(struct window_pane *wp, const u_char *buf, size_t len)
{
	if (len == 0)
		return;
	if (wp->recorder != NULL)
		record_output(wp->recorder, buf, len);
	stream_output(wp, buf, len);
	queue_output(wp, buf, len);
}

/* Hand held output up to offset to the taps. */
static void
pane_tap_raw(struct window_pane *wp, uint64_t offset)
{
	size_t	len;

	if (offset <= wp->raw_off)
		return;
	len = offset - wp->raw_off;
	pane_tap(wp, evbuffer_pullup(wp->raw, len), len);
	evbuffer_drain(wp->raw, len);
	wp->raw_off = offset;
}

/*
 * After the filter has seen buf: give the taps the output with huddle's
 * marks cut out, and the queue the marks in their places. Output that may be
 * the start of a mark is held until the filter knows.
 */
static void
pane_output(struct window_pane *wp, const u_char *buf, size_t len)
{
	struct pane_mark	*m;
	uint64_t		 end = wp->raw_off + evbuffer_get_length(wp->raw)
				     + len, hold, skip;
	u_int			 i;

	hold = vtfilter_hold(wp->vt);
	if (end - hold > PANE_HOLD_MAX)
		hold = end;	/* too long to be one of ours */
	if (wp->nmarks == 0 && evbuffer_get_length(wp->raw) == 0 &&
	    hold == end) {
		pane_tap(wp, buf, len);
		wp->raw_off = end;
		return;
	}
	evbuffer_add(wp->raw, buf, len);
	for (i = 0; i < wp->nmarks; i++) {
		m = &wp->marks[i];
		pane_tap_raw(wp, m->offset);
		if (m->end > wp->raw_off) {
			skip = m->end - wp->raw_off;
			evbuffer_drain(wp->raw, skip);
			wp->raw_off = m->end;
		}
		queue_mark(wp, m);
	}
	wp->nmarks = 0;
	pane_tap_raw(wp, hold);
}

/* The program wrote something. */
static void
pane_read_cb(int fd, short events, void *arg)
{
	struct window_pane	*wp = arg;
	u_char			 buf[PANE_READ_SIZE];
	size_t			 have = 0;
	ssize_t			 n;
	int			 prio;

	/*
	 * A pty gives at most a few KiB a read: take a few at once, but no
	 * more than a budget, so other panes and the clients get a turn.
	 */
	do {
		n = read(fd, buf + have, sizeof buf - have);
		if (n > 0)
			have += n;
	} while (n > 0 && have < PANE_READ_BUDGET);
	if (have != 0) {
		/* Once a read: the queue and frame timing both use it. */
		gettimeofday(&wp->last_output, NULL);
		wp->written += have;
		vtfilter_input(wp->vt, buf, have);
		pane_output(wp, buf, have);
		queue_check(wp);
	}
	if (n > 0 || (n == -1 && (errno == EAGAIN || errno == EINTR))) {
		/*
		 * A pane that spent its budget is flooding: until it stops,
		 * it waits each turn until clients and quieter panes have
		 * had theirs.
		 */
		prio = (have >= PANE_READ_BUDGET) ? PANE_PRIORITY_BULK :
		    PANE_PRIORITY;
		if (prio != wp->priority &&
		    event_priority_set(wp->read_ev, prio) == 0)
			wp->priority = prio;
		return;
	}
	log_debug("pane %%%u: pty %s", wp->id, n == 0 ? "EOF" : strerror(errno));
	event_del(wp->read_ev);
	event_del(wp->write_ev);
	pane_tap_raw(wp, wp->raw_off + evbuffer_get_length(wp->raw));
	wp->flags |= PANE_EOF;
	pane_check_dead(wp);
}

/* The pty can take more input. */
static void
pane_write_cb(int fd, short events, void *arg)
{
	struct window_pane	*wp = arg;

	if (evbuffer_write(wp->write_buf, fd) == -1 &&
	    errno != EAGAIN && errno != EINTR) {
		log_debug("pane %%%u: write: %s", wp->id, strerror(errno));
		evbuffer_drain(wp->write_buf,
		    evbuffer_get_length(wp->write_buf));
		return;
	}
	if (evbuffer_get_length(wp->write_buf) != 0)
		event_add(wp->write_ev, NULL);
}

/* Queue bytes for the program, whole, after anything already queued. */
void
pane_write(struct window_pane *wp, const void *buf, size_t len)
{
	if (len == 0 || wp->fd == -1 || (wp->flags & PANE_EOF))
		return;
	/* A program that never reads cannot make the server grow. */
	if (evbuffer_get_length(wp->write_buf) + len > PANE_WRITE_MAX) {
		log_debug("pane %%%u: input dropped (%zu bytes waiting)",
		    wp->id, evbuffer_get_length(wp->write_buf));
		return;
	}
	/* Nothing waiting: try at once rather than a turn of the loop later. */
	if (evbuffer_get_length(wp->write_buf) == 0) {
		evbuffer_add(wp->write_buf, buf, len);
		if (evbuffer_write(wp->write_buf, wp->fd) == -1 &&
		    errno != EAGAIN && errno != EINTR)
			log_debug("pane %%%u: write: %s", wp->id,
			    strerror(errno));
		if (evbuffer_get_length(wp->write_buf) != 0)
			event_add(wp->write_ev, NULL);
		return;
	}
	evbuffer_add(wp->write_buf, buf, len);
	event_add(wp->write_ev, NULL);
}

/* Queue input someone typed (recorded as input, unlike replies). */
void
pane_write_input(struct window_pane *wp, const void *buf, size_t len)
{
	queue_input(wp, len);
	if (wp->recorder != NULL)
		record_input(wp->recorder, buf, len);
	pane_write(wp, buf, len);
}

/* Encode a key for the program's current modes and queue it. */
int
pane_write_key(struct window_pane *wp, uint64_t key)
{
	u_char	buf[INPUT_KEY_MAX];
	int	len;

	len = input_key_encode(key, pane_modes(wp), buf, sizeof buf);
	if (len <= 0)
		return (-1);
	pane_write_input(wp, buf, len);
	return (0);
}

/* Stop recording the pane, if it is being recorded. */
void
pane_record_stop(struct window_pane *wp)
{
	struct recorder	*rec = wp->recorder;

	if (rec == NULL)
		return;
	wp->recorder = NULL;
	record_stop(rec);
}

/* Whether the program is writing faster than a turn of the loop reads. */
int
pane_flooding(struct window_pane *wp)
{
	return (wp->priority == PANE_PRIORITY_BULK);
}

/* The modes the program asked for. */
int
pane_modes(struct window_pane *wp)
{
	return (vtfilter_modes(wp->vt));
}

/* Resize the terminal and tell the program. */
void
pane_resize(struct window_pane *wp, u_int sx, u_int sy)
{
	struct winsize	ws;

	if (wp->sx == sx && wp->sy == sy)
		return;
	wp->sx = sx;
	wp->sy = sy;
	term_resize(wp->term, sx, sy);
	if (wp->recorder != NULL)
		record_resize(wp->recorder, sx, sy);
	server_redraw_pane(wp);
	if (wp->fd == -1)
		return;
	memset(&ws, 0, sizeof ws);
	ws.ws_col = sx;
	ws.ws_row = sy;
	if (ioctl(wp->fd, TIOCSWINSZ, &ws) == -1)
		log_debug("pane %%%u: TIOCSWINSZ: %s", wp->id, strerror(errno));
}

/* The child was reaped with this wait status. */
void
pane_child_exited(struct window_pane *wp, int status)
{
	wp->flags |= PANE_EXITED;
	wp->status = status;
	if (WIFEXITED(status))
		log_debug("pane %%%u: pid %ld exited with status %d", wp->id,
		    (long)wp->pid, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		log_debug("pane %%%u: pid %ld killed by signal %d", wp->id,
		    (long)wp->pid, WTERMSIG(status));
	pane_check_dead(wp);
}

/* Find the pane whose program has this pid. */
struct window_pane *
pane_find_by_pid(pid_t pid)
{
	struct window_pane	*wp;

	TAILQ_FOREACH(wp, &all_panes, all_entry) {
		if (wp->pid == pid)
			return (wp);
	}
	return (NULL);
}
