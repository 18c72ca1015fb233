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
#include <sys/wait.h>

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <event2/event.h>

#include "huddle.h"
#include "client.h"
#include "peer.h"
#include "vtfilter.h"

/*
 * The attached client: connect, say hello, attach; then apply frames and
 * status from the server and send it keys, pastes, mouse and focus events.
 * Whatever way it ends, the terminal is given back as it was and one line
 * says why.
 */

#define CLIENT_MESSAGE_SECONDS 4

/* Send one message on the connection. */
static void
client_send(struct client_ctx *cc, struct msg_buf *b)
{
	if (cc->peer != NULL)
		peer_send(cc->peer, b);
	else
		msg_buf_free(b);
}

/* Send a message with no fields. */
void
client_send_simple(struct client_ctx *cc, uint32_t type)
{
	struct msg_buf	b;

	msg_buf_init(&b, type);
	client_send(cc, &b);
}

/* Send a key to the pane. */
void
client_send_key(struct client_ctx *cc, uint64_t key)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_KEY);
	msg_put_u64(&b, key);
	client_send(cc, &b);
}

/* Send a command typed at the prompt. */
void
client_send_prompt(struct client_ctx *cc, int argc, char **argv)
{
	struct msg_buf	b;
	int		i;

	msg_buf_init(&b, MSG_PROMPT);
	msg_put_u32(&b, argc);
	for (i = 0; i < argc; i++)
		msg_put_string(&b, argv[i]);
	client_send(cc, &b);
	cc->prompt_busy = 1;	/* the server takes one at a time */
}

/* The size the session may have: the terminal less the status line. */
static void
client_send_size(struct client_ctx *cc)
{
	struct msg_buf	b;
	u_int		rows = cc->rows;

	if (cc->status != 0 && rows > 1)
		rows--;
	msg_buf_init(&b, MSG_RESIZE);
	msg_put_u16(&b, cc->cols > 0xffff ? 0xffff : cc->cols);
	msg_put_u16(&b, rows > 0xffff ? 0xffff : rows);
	client_send(cc, &b);
}

/* Stop the loop; the caller restores the terminal and prints why. */
static void
client_exit(struct client_ctx *cc, int status, const char *fmt, ...)
{
	va_list	ap;

	if (cc->exit_message != NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&cc->exit_message, fmt, ap);
	va_end(ap);
	cc->exit_status = status;
	event_base_loopexit(cc->base, NULL);
}

/* A message expired. */
static void
client_message_expire(evutil_socket_t fd, short events, void *arg)
{
	struct client_ctx	*cc = arg;

	free(cc->message);
	cc->message = NULL;
	client_draw(cc);
}

/* Show a message and clear it after a while. */
static void
client_message(struct client_ctx *cc, const char *text)
{
	struct timeval	tv = { CLIENT_MESSAGE_SECONDS, 0 };

	client_status_message(cc, text);
	evtimer_add(cc->message_ev, &tv);
}

/* A key after the prefix key. */
static void
client_key_prefix(struct client_ctx *cc, uint64_t key)
{
	if (key == cc->prefix)
		client_send_key(cc, key);
	else if (key == 'd')
		client_send_simple(cc, MSG_DETACH);
	else if (key == ':' && cc->prompt_busy)
		client_message(cc, "the last command is still running");
	else if (key == ':')
		client_status_prompt_start(cc);
	else if (key == '?')
		cc->help = 1;
	else if (key == 'r') {
		client_draw_invalidate(cc);
		client_send_simple(cc, MSG_REDRAW);
	} else
		return;
	client_draw(cc);
}

/* A key from the terminal: an overlay, the prompt, the prefix, or the pane. */
static void
client_key(void *arg, uint64_t key)
{
	struct client_ctx	*cc = arg;

	if (cc->help || cc->view || cc->prompt) {
		if (cc->help)
			cc->help = 0;
		else if (cc->view)
			client_status_view_key(cc, key);
		else
			client_status_key(cc, key);
		client_draw(cc);
		return;
	}
	if (cc->prefix_pending) {
		cc->prefix_pending = 0;
		client_key_prefix(cc, key);
	} else if (key == cc->prefix)
		cc->prefix_pending = 1;
	else
		client_send_key(cc, key);
}

/* A paste (or a piece of a large one) from the terminal. */
static void
client_paste(void *arg, const char *buf, size_t len)
{
	struct client_ctx	*cc = arg;
	struct msg_buf		 b;
	size_t			 n;

	while (len > 0) {
		n = len > CLIENT_KEYS_MAX_PASTE ? CLIENT_KEYS_MAX_PASTE : len;
		msg_buf_init(&b, MSG_PASTE);
		msg_put_bytes(&b, buf, n);
		client_send(cc, &b);
		buf += n;
		len -= n;
	}
}

/*
 * A mouse event from the terminal, moved into the session's area (past a
 * status line at the top, and the part of the session in view). Events on
 * the status line, the padding or an overlay are dropped.
 */
static void
client_mouse(void *arg, int type, u_int button, u_int mods, u_int x, u_int y)
{
	struct client_ctx	*cc = arg;
	struct msg_buf		 b;
	u_int			 rows = cc->rows;

	if (cc->status != 0 && rows > 1)
		rows--;
	if (!cc->have_frame || cc->help || cc->view || y < cc->top ||
	    y - cc->top >= rows || x >= cc->cols)
		return;
	x += cc->ox;
	y = y - cc->top + cc->oy;
	if (x >= cc->grid.sx || y >= cc->grid.sy)
		return;
	msg_buf_init(&b, MSG_MOUSE);
	msg_put_u8(&b, type);
	msg_put_u16(&b, button);
	msg_put_u16(&b, mods);
	msg_put_u16(&b, x);
	msg_put_u16(&b, y);
	client_send(cc, &b);
}

/* Focus in or out of the terminal. */
static void
client_focus(void *arg, int in)
{
	struct client_ctx	*cc = arg;
	struct msg_buf		 b;

	msg_buf_init(&b, MSG_FOCUS);
	msg_put_u8(&b, in);
	client_send(cc, &b);
}

static const struct client_keys_cb client_keys_callbacks = {
	.key = client_key,
	.paste = client_paste,
	.mouse = client_mouse,
	.focus = client_focus
};

/* The escape time passed with a partial sequence waiting. */
static void
client_escape_timeout(evutil_socket_t fd, short events, void *arg)
{
	struct client_ctx	*cc = arg;

	client_keys_timeout(cc->keys);
}

/* The terminal has input. */
static void
client_stdin(evutil_socket_t fd, short events, void *arg)
{
	struct client_ctx	*cc = arg;
	struct timeval		 tv;
	u_char			 buf[8192];
	ssize_t			 n;
	u_int			 ms;

	n = read(STDIN_FILENO, buf, sizeof buf);
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		client_exit(cc, 1, "[lost terminal]");
		return;
	}
	client_keys_input(cc->keys, buf, n);
	if (client_keys_in_paste(cc->keys))
		ms = CLIENT_KEYS_PASTE_TIME;
	else if (client_keys_pending(cc->keys))
		ms = cc->escape_time;
	else {
		evtimer_del(cc->escape_ev);
		return;
	}
	tv.tv_sec = ms / 1000;
	tv.tv_usec = (ms % 1000) * 1000;
	evtimer_add(cc->escape_ev, &tv);
}

/* Once a second: the clock on the status line. */
static void
client_clock(evutil_socket_t fd, short events, void *arg)
{
	struct client_ctx	*cc = arg;
	struct timeval		 tv = { 1, 0 };
	char			 now[8];
	struct tm		 tm;
	time_t			 t;

	time(&t);
	localtime_r(&t, &tm);
	strftime(now, sizeof now, "%H:%M", &tm);
	if (strcmp(now, cc->clock) != 0)
		client_draw(cc);
	evtimer_add(cc->clock_ev, &tv);
}

/* Signals: resize, or leave. */
static void
client_signal(evutil_socket_t sig, short events, void *arg)
{
	struct client_ctx	*cc = arg;

	switch (sig) {
	case SIGWINCH:
		if (!cc->screen_up)
			break;	/* MSG_ATTACHED sends the size */
		client_draw_resize(cc);
		client_send_size(cc);
		client_draw(cc);
		break;
	case SIGTERM:
		client_exit(cc, 1, "[terminated]");
		break;
	case SIGHUP:
		client_exit(cc, 1, "[hung up]");
		break;
	case SIGCONT:
		client_draw_resume(cc);
		client_draw(cc);
		break;
	}
}

/* Read the client options (as in MSG_OPTIONS). */
static int
client_get_options(struct client_ctx *cc, struct msg_reader *r)
{
	uint64_t	prefix;
	uint16_t	escape;
	uint8_t		status, bell;

	if (msg_get_u64(r, &prefix) != 0 || msg_get_u16(r, &escape) != 0 ||
	    msg_get_u8(r, &status) != 0 || msg_get_u8(r, &bell) != 0 ||
	    status > 2)
		return (-1);
	if (!cc->prefix_forced)
		cc->prefix = prefix;
	cc->escape_time = escape;
	cc->bell = bell;
	if (cc->status != status) {
		cc->status = status;
		if (cc->screen_up) {
			client_draw_invalidate(cc);
			client_send_size(cc);
		}
	}
	return (0);
}

/* MSG_ATTACHED: the screen can start. */
static int
client_attached(struct client_ctx *cc, struct msg_reader *r)
{
	struct timeval	 tv = { 1, 0 };
	uint8_t		 readonly;

	if (cc->session != NULL || msg_get_string(r, &cc->session) != 0 ||
	    msg_get_u8(r, &readonly) != 0 || msg_get_u32(r, &cc->id) != 0 ||
	    client_get_options(cc, r) != 0)
		return (-1);
	cc->readonly = readonly;
	client_draw_start(cc);
	event_add(cc->stdin_ev, NULL);
	evtimer_add(cc->clock_ev, &tv);
	client_send_size(cc);
	client_draw(cc);
	return (0);
}

/* MSG_STATUS. */
static int
client_status(struct client_ctx *cc, struct msg_reader *r)
{
	char		*name, *user, *title;
	uint16_t	 ops, obs;
	uint8_t		 readonly, flags;

	if (msg_get_string(r, &name) != 0)
		return (-1);
	if (msg_get_u8(r, &readonly) != 0 || msg_get_u16(r, &ops) != 0 ||
	    msg_get_u16(r, &obs) != 0 || msg_get_string(r, &user) != 0) {
		free(name);
		return (-1);
	}
	if (msg_get_string(r, &title) != 0 || msg_get_u8(r, &flags) != 0) {
		free(name);
		free(user);
		return (-1);
	}
	free(cc->session);
	cc->session = name;
	free(cc->last_user);
	cc->last_user = user;
	free(cc->title);
	cc->title = title;
	cc->readonly = readonly;
	cc->ops = ops;
	cc->obs = obs;
	cc->status_flags = flags;
	return (0);
}

/* MSG_DETACHED: the server says why we are leaving. */
static int
client_detached(struct client_ctx *cc, struct msg_reader *r)
{
	char	*name;
	uint8_t	 reason;

	if (msg_get_u8(r, &reason) != 0 || msg_get_string(r, &name) != 0)
		return (-1);
	switch (reason) {
	case MSG_DETACH_DETACHED:
		client_exit(cc, 0, "[detached (from session %s)]",
		    esc(name));
		break;
	case MSG_DETACH_EXITED:
	case MSG_DETACH_KILLED:
		client_exit(cc, 0, "[exited]");
		break;
	case MSG_DETACH_SERVER_EXITED:
		client_exit(cc, 0, "[server exited]");
		break;
	case MSG_DETACH_ACCESS:
		client_exit(cc, 1, "[detached (access revoked)]");
		break;
	default:
		client_exit(cc, 1, "[detached]");
		break;
	}
	free(name);
	return (0);
}

/* Print a line from the server, its control characters shown as '?'. */
static void
client_print(FILE *f, const char *text)
{
	const char	*p;

	for (p = text; *p != '\0'; p++)
		fputc((u_char)*p < 0x20 || *p == 0x7f ? '?' : *p, f);
	fputc('\n', f);
}

/*
 * MSG_MESSAGE: a line for the status line, or of the prompt's command's
 * output; before attaching, why it failed ("huddle: ...") for stderr.
 */
static int
client_message_in(struct client_ctx *cc, struct msg_reader *r)
{
	char	*text;

	if (msg_get_string(r, &text) != 0)
		return (-1);
	if (!cc->screen_up)
		client_print(stderr, text);
	else if (cc->prompt_busy)
		client_status_output(cc, text);
	else
		client_message(cc, text);
	free(text);
	client_draw(cc);
	return (0);
}

/* MSG_ERROR or MSG_EXIT: the server is done with this client. */
static int
client_finished(struct client_ctx *cc, uint32_t type, struct msg_reader *r)
{
	char		*text;
	uint32_t	 status;

	if (type == MSG_EXIT) {
		if (msg_get_u32(r, &status) != 0)
			return (-1);
		client_exit(cc, status > 255 ? 1 : (int)status, "%s", "");
		return (0);
	}
	if (msg_get_string(r, &text) != 0)
		return (-1);
	client_exit(cc, 1, "huddle: %s", text);
	free(text);
	return (0);
}

/* Output before attaching is an error to print (the command failed). */
static int
client_output(struct client_ctx *cc, struct msg_reader *r)
{
	const u_char	*data;
	size_t		 len;
	uint8_t		 stream;

	if (msg_get_u8(r, &stream) != 0 || msg_get_bytes(r, &data, &len) != 0)
		return (-1);
	if (cc->screen_up)
		return (0);
	fflush(stdout);
	if (write(stream == MSG_STDOUT ? STDOUT_FILENO : STDERR_FILENO, data,
	    len) == -1)
		return (0);
	return (0);
}

/* MSG_CLIPBOARD: set the terminal's clipboard (OSC 52), checked again. */
static int
client_clipboard(struct client_ctx *cc, struct msg_reader *r)
{
	const u_char	*data;
	char		*sel, *seq;
	size_t		 len;

	if (msg_get_string(r, &sel) != 0)
		return (-1);
	if (msg_get_bytes(r, &data, &len) != 0 || len > VTFILTER_MAX_OSC ||
	    strspn(sel, "cpqs01234567") != strlen(sel)) {
		free(sel);
		return (-1);
	}
	xasprintf(&seq, "\033]52;%s;%.*s", sel, (int)len, (const char *)data);
	if (strspn(seq + 6 + strlen(sel), "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/=") == len)
		client_draw_osc(cc, seq);
	free(seq);
	free(sel);
	return (0);
}

/*
 * MSG_FRAME: apply the changed cells to the local grid and draw. A frame
 * that does not decode (every run is checked against the size and the
 * message) ends the connection.
 */
static int
client_frame(struct client_ctx *cc, struct msg_reader *r)
{
	struct timeval	tv = { 0, 0 };

	if (!cc->screen_up || frame_decode_rows(r, &cc->fi, &cc->grid,
	    cc->dirty, &cc->dirty_all) != 0)
		return (-1);
	cc->have_frame = 1;
	/* Draw once the frames that have arrived together are all in. */
	if (!evtimer_pending(cc->draw_ev, NULL))
		evtimer_add(cc->draw_ev, &tv);
	return (0);
}

/* Frames came in: draw what they changed. */
static void
client_draw_pending(evutil_socket_t fd, short events, void *arg)
{
	client_draw_frames(arg);
}

/* The command from the prompt finished: show what it said. */
static void
client_prompt_done(struct client_ctx *cc)
{
	struct timeval	tv = { CLIENT_MESSAGE_SECONDS, 0 };

	cc->prompt_busy = 0;
	if (client_status_output_done(cc))
		evtimer_add(cc->message_ev, &tv);
	client_draw(cc);
}

/* One message from the server. */
static void
client_dispatch(struct peer *peer, uint32_t type, struct msg_reader *r,
    void *arg)
{
	struct client_ctx	*cc = arg;
	uint32_t		 status;
	int			 rv = 0;

	switch (type) {
	case MSG_HELLO_OK:
		break;
	case MSG_ERROR:
	case MSG_EXIT:
		rv = client_finished(cc, type, r);
		break;
	case MSG_OUTPUT:
		rv = client_output(cc, r);
		break;
	case MSG_ATTACHED:
		rv = client_attached(cc, r);
		break;
	case MSG_FRAME:
		rv = client_frame(cc, r);
		break;
	case MSG_STATUS:
		if ((rv = client_status(cc, r)) == 0)
			client_draw(cc);
		break;
	case MSG_MESSAGE:
		rv = client_message_in(cc, r);
		break;
	case MSG_BELL:
		client_draw_bell(cc);
		break;
	case MSG_CLIPBOARD:
		rv = client_clipboard(cc, r);
		break;
	case MSG_DETACHED:
		rv = client_detached(cc, r);
		break;
	case MSG_PROMPT_DONE:
		if (msg_get_u32(r, &status) != 0)
			rv = -1;
		else
			client_prompt_done(cc);
		break;
	case MSG_OPTIONS:
		if ((rv = client_get_options(cc, r)) == 0)
			client_draw(cc);
		break;
	default:
		rv = -1;
		break;
	}
	if (rv != 0) {
		log_debug("bad message %u from server", type);
		client_exit(cc, 1, "[lost server (bad message)]");
	}
}

/* The connection went away. */
static void
client_lost(struct peer *peer, const char *why, void *arg)
{
	struct client_ctx	*cc = arg;

	client_exit(cc, 1, "[lost server]");
}

/* Send MSG_ATTACH. */
static void
client_send_attach(struct client_ctx *cc, const char *target, int flags)
{
	struct msg_buf	 b;
	char		 cwd[PATH_MAX];
	const char	*current = getenv("HUDDLE");

	if (getcwd(cwd, sizeof cwd) == NULL)
		strlcpy(cwd, "/", sizeof cwd);
	msg_buf_init(&b, MSG_ATTACH);
	msg_put_string(&b, cwd);
	msg_put_string(&b, current != NULL ? current : "");
	msg_put_string(&b, target != NULL ? target : "");
	msg_put_u8(&b, flags);
	client_send(cc, &b);
}

/* Set up the event loop's events. */
static void
client_events(struct client_ctx *cc, struct event **sigs)
{
	const int	signals[] = { SIGWINCH, SIGTERM, SIGHUP, SIGCONT };
	u_int		i;

	/* The terminal is read once the screen is up (client_attached). */
	cc->stdin_ev = event_new(cc->base, STDIN_FILENO, EV_READ|EV_PERSIST,
	    client_stdin, cc);
	cc->escape_ev = evtimer_new(cc->base, client_escape_timeout, cc);
	cc->clock_ev = evtimer_new(cc->base, client_clock, cc);
	cc->message_ev = evtimer_new(cc->base, client_message_expire, cc);
	cc->draw_ev = evtimer_new(cc->base, client_draw_pending, cc);
	for (i = 0; i < nitems(signals); i++) {
		sigs[i] = evsignal_new(cc->base, signals[i], client_signal, cc);
		evsignal_add(sigs[i], NULL);
	}
}

/* Free everything the loop used. */
static void
client_free(struct client_ctx *cc, struct event **sigs)
{
	u_int	i;

	for (i = 0; i < 4; i++)
		event_free(sigs[i]);
	event_free(cc->stdin_ev);
	event_free(cc->escape_ev);
	event_free(cc->clock_ev);
	event_free(cc->message_ev);
	event_free(cc->draw_ev);
	if (cc->peer != NULL)
		peer_free(cc->peer);
	client_keys_free(cc->keys);
	grid_free(&cc->grid);
	free(cc->drawn);
	client_status_free(cc);
	free(cc->session);
	event_base_free(cc->base);
}

/*
 * Connect to the server, or through `huddle proxy` run by via_command;
 * says hello. Returns the descriptor, or -1 after printing why.
 */
static int
client_open(const char *via_command, const char *sockflags, pid_t *proxy_pid)
{
	enum msg_via	 via = MSG_VIA_LOCAL;
	char		*cause = NULL;
	int		 fd;

	if (via_command != NULL) {
		fd = proxy_spawn(via_command, sockflags, proxy_pid, &cause);
		if (fd == -1) {
			fprintf(stderr, "huddle: %s\n", cause);
			free(cause);
			return (-1);
		}
		via = MSG_VIA_PROXY;
	} else {
		fd = client_connect(0, NULL, 0);
		if (getenv("SSH_CONNECTION") != NULL)
			via = MSG_VIA_SSH;
	}
	client_send_hello(fd, MSG_KIND_ATTACH, via);
	return (fd);
}

/*
 * Attach this terminal to a session (target may be NULL); flags are
 * MSG_ATTACH_*, prefix a key name for this client or NULL, via a command
 * that reaches a remote `huddle proxy` (e.g. "ssh host") or NULL. Returns
 * the exit status: 0 after [detached (from session NAME)], [exited] or
 * [server exited]; 1 after [lost server], [terminated] (SIGTERM), [hung up]
 * (SIGHUP), [lost terminal], [detached (access revoked)] or a failure to
 * attach (printed as "huddle: ..." before the screen was ever touched).
 */
int
client_attach(const char *target, int flags, const char *prefix,
    const char *via_command, const char *sockflags)
{
	struct client_ctx	 ctx, *cc = &ctx;
	struct event		*sigs[4];
	struct termios		 saved;
	pid_t			 proxy_pid = -1;
	int			 fd, status, have_tios, was_up;

	memset(cc, 0, sizeof *cc);
	cc->prefix = 'b' | KEYC_CTRL;
	if (prefix != NULL) {
		if (keys_parse(prefix, &cc->prefix) != 0) {
			fprintf(stderr, "huddle: not a key: %s\n", esc(prefix));
			return (1);
		}
		cc->prefix_forced = 1;
	}
	cc->escape_time = 10;
	signal(SIGPIPE, SIG_IGN);
	have_tios = tcgetattr(STDIN_FILENO, &saved) == 0;
	if ((fd = client_open(via_command, sockflags, &proxy_pid)) == -1)
		return (1);
	cc->base = event_base_new();
	cc->peer = peer_create(cc->base, fd, client_dispatch, client_lost, cc);
	cc->keys = client_keys_create(&client_keys_callbacks, cc);
	if (have_tios)
		client_keys_set_backspace(cc->keys, saved.c_cc[VERASE]);
	grid_init(&cc->grid, 1, 1);
	client_events(cc, sigs);
	client_send_attach(cc, target, flags);

	event_base_dispatch(cc->base);

	was_up = cc->screen_up;
	client_draw_stop(cc);
	if (have_tios)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
	if (cc->exit_message != NULL && *cc->exit_message != '\0') {
		client_print(cc->exit_status == 0 || was_up ? stdout : stderr,
		    cc->exit_message);
	}
	status = cc->exit_status;
	free(cc->exit_message);
	client_free(cc, sigs);
	if (proxy_pid != -1)
		waitpid(proxy_pid, NULL, 0);
	return (status);
}
