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

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "huddle.h"
#include "queue.h"
#include "peer.h"
#include "term.h"

/*
 * Attached clients: attaching to a session, their input (checked against
 * their mode in one place), resizing, detaching and the command prompt.
 */

/* The area a client's terminal gives the session (less the status line). */
int
server_attach_area(struct client *c, u_int *sx, u_int *sy)
{
	*sx = c->sx;
	*sy = c->sy;
	if (options_get_number(global_options, "status") && *sy > 1)
		(*sy)--;
	if (*sx == 0 || *sy == 0)
		return (-1);
	if (*sx > HUDDLE_MAX_SIZE)
		*sx = HUDDLE_MAX_SIZE;
	if (*sy > HUDDLE_MAX_SIZE)
		*sy = HUDDLE_MAX_SIZE;
	return (0);
}

/* Put the client options (prefix, escape time, status, bell) in a message. */
static void
server_attach_put_options(struct msg_buf *b)
{
	uint64_t	 key;
	const char	*pos;
	int		 status = 0;

	if (keys_parse(options_get_string(global_options, "prefix"),
	    &key) != 0)
		key = 'b' | KEYC_CTRL;
	if (options_get_number(global_options, "status")) {
		pos = options_get_string(global_options, "status-position");
		status = strcmp(pos, "top") == 0 ? 2 : 1;
	}
	msg_put_u64(b, key);
	msg_put_u16(b, options_get_number(global_options, "escape-time"));
	msg_put_u8(b, status);
	msg_put_u8(b, options_get_number(global_options, "bell"));
}

/* Tell an attached client its options changed. */
void
server_attach_options(struct client *c)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_OPTIONS);
	server_attach_put_options(&b);
	server_client_send(c, MSG_OPTIONS, &b);
}

/* Detach every other client attached to a session. */
static void
server_attach_detach_others(struct client *c, struct session *s)
{
	struct client	*loop, *loop1;

	TAILQ_FOREACH_SAFE(loop, &clients, entry, loop1) {
		if (loop != c && loop->kind == MSG_KIND_ATTACH &&
		    loop->session == s)
			server_attach_detach(loop, MSG_DETACH_DETACHED);
	}
}

/* This client (attached, resized or typing) may now set the size. */
static void
server_attach_size(struct client *c)
{
	if (c->session == NULL || (c->flags & CLIENT_READONLY))
		return;
	gettimeofday(&c->size_time, NULL);
	session_recalc_size(c->session);
}

/* Tell a new operator which other operators are attached, and how idle. */
static void
server_attach_others(struct client *c)
{
	struct client	*loop;
	struct timeval	 now;
	char		*text;
	long long	 idle;

	if (c->flags & CLIENT_READONLY)
		return;
	gettimeofday(&now, NULL);
	TAILQ_FOREACH(loop, &clients, entry) {
		if (loop == c || loop->session != c->session ||
		    loop->kind != MSG_KIND_ATTACH ||
		    (loop->flags & (CLIENT_READONLY|CLIENT_EXIT)))
			continue;
		idle = now.tv_sec - loop->activity.tv_sec;
		if (idle >= 60)
			xasprintf(&text, "%s is also attached as operator "
			    "(idle %lldm)", loop->user, idle / 60);
		else
			xasprintf(&text, "%s is also attached as operator "
			    "(idle %llds)", loop->user, idle);
		server_client_message(c, text);
		free(text);
	}
}

/* Audit an attached client's event. */
void
server_attach_audit(const char *event, struct client *c, struct session *s)
{
	struct evbuffer	*b;

	if (s != NULL)
		stream_client(s, event, c);
	if ((b = audit_start(event)) == NULL)
		return;
	audit_add_client(b, c);
	if (s != NULL)
		json_add_key_string(b, 0, "session", s->name);
	audit_finish(b);
}

/* MSG_ATTACH: find the session and attach to it. */
void
server_attach(struct client *c, struct msg_reader *r)
{
	struct cmd_item	 item;
	struct session	*s;
	struct msg_buf	 b;
	char		*cwd = NULL, *current = NULL, *target = NULL;
	char		*cause = NULL;
	uint8_t		 flags;

	if (c->kind != MSG_KIND_ATTACH || c->session != NULL ||
	    msg_get_string(r, &cwd) != 0 || msg_get_string(r, &current) != 0 ||
	    msg_get_string(r, &target) != 0 || msg_get_u8(r, &flags) != 0 ||
	    msg_get_end(r) != 0) {
		log_debug("client %u: bad attach", c->id);
		server_client_error(c, "bad attach request");
		server_client_exit(c, 1);
		goto out;
	}
	memset(&item, 0, sizeof item);
	item.client = c;
	item.current = current;
	s = target_find_session(&item, *target == '\0' ? NULL : target,
	    &cause);
	if (s == NULL) {
		server_client_error(c, cause);
		server_client_exit(c, 1);
		goto out;
	}
	if (flags & MSG_ATTACH_READONLY) {
		c->asked_readonly = 1;
		c->flags |= CLIENT_READONLY;
	}
	if ((flags & MSG_ATTACH_DETACH_OTHERS) &&
	    !(c->flags & CLIENT_READONLY))
		server_attach_detach_others(c, s);
	c->session = s;
	gettimeofday(&c->activity, NULL);
	log_debug("client %u (%s) attached to %s as %s", c->id, c->user,
	    s->name, (c->flags & CLIENT_READONLY) ? "observer" : "operator");

	msg_buf_init(&b, MSG_ATTACHED);
	msg_put_string(&b, s->name);
	msg_put_u8(&b, (c->flags & CLIENT_READONLY) ? 1 : 0);
	msg_put_u32(&b, c->id);
	server_attach_put_options(&b);
	server_client_send(c, MSG_ATTACHED, &b);

	server_attach_audit("attach", c, s);
	server_attach_size(c);
	session_update_activity(s);
	server_attach_others(c);
	server_message(s, "%s attached as %s", c->user,
	    (c->flags & CLIENT_READONLY) ? "observer" : "operator");
	server_redraw_client(c, CLIENT_REDRAW_CLEAR);
	server_redraw_status(s);
out:
	free(cwd);
	free(current);
	free(target);
	free(cause);
}

/* Tell a client why it is leaving and let it go. */
void
server_attach_detach(struct client *c, enum msg_detach reason)
{
	struct session	*s = c->session;
	struct msg_buf	 b;

	if (c->flags & (CLIENT_DEAD|CLIENT_EXIT))
		return;
	log_debug("client %u (%s) detached (reason %d)", c->id, c->user,
	    reason);
	server_attach_audit("detach", c, s);
	msg_buf_init(&b, MSG_DETACHED);
	msg_put_u8(&b, reason);
	msg_put_string(&b, s != NULL ? s->name : "");
	server_client_send(c, MSG_DETACHED, &b);
	c->flags |= CLIENT_EXIT;
	c->session = NULL;
	peer_close_after_flush(c->peer);
	if (s != NULL && !(s->flags & SESSION_DEAD)) {
		server_message(s, "%s detached", c->user);
		server_redraw_status(s);
		session_recalc_size(s);
	}
}

/* An attached client went away. */
void
server_attach_lost(struct client *c)
{
	struct session	*s = c->session;

	if (s != NULL)
		server_attach_audit("detach", c, s);
	c->session = NULL;
	if (s != NULL && !(s->flags & SESSION_DEAD)) {
		server_message(s, "%s detached", c->user);
		server_redraw_status(s);
		session_recalc_size(s);
	}
}

/* Audit who typed (never what): the kind of input and the session. */
static void
server_attach_audit_input(const char *event, struct client *c, uint32_t type)
{
	struct evbuffer	*b;

	if ((b = audit_start(event)) == NULL)
		return;
	audit_add_client(b, c);
	json_add_key_string(b, 0, "session", c->session->name);
	json_add_key_string(b, 0, "input", type == MSG_KEY ? "key" :
	    type == MSG_PASTE ? "paste" : type == MSG_MOUSE ? "mouse" :
	    type == MSG_FOCUS ? "focus" : "resize");
	audit_finish(b);
}

/*
 * The one check every piece of typed input passes: an observer's input is
 * refused, counted and logged, and never reaches the pane.
 */
static int
server_attach_input_allowed(struct client *c, uint32_t type)
{
	if (!(c->flags & CLIENT_READONLY))
		return (1);
	c->refused++;
	log_debug("client %u (%s): refused %s: observer", c->id, c->user,
	    msg_type_name(type));
	server_attach_audit_input("refused-input", c, type);
	return (0);
}

/* Note who typed last, for the status line. */
static void
server_attach_typed(struct client *c)
{
	struct session	*s = c->session;

	gettimeofday(&c->last_input, NULL);
	c->activity = c->last_input;
	session_update_activity(s);
	/* Under window-size latest, the operator who types sets the size. */
	if (s->last_client != c->id) {
		s->last_client = c->id;
		server_attach_size(c);
	}
	if (s->last_user == NULL || strcmp(s->last_user, c->user) != 0) {
		free(s->last_user);
		s->last_user = xstrdup(c->user);
		server_redraw_status(s);
	}
}

/* Decode and deliver a mouse event. */
static int
server_attach_mouse(struct window_pane *wp, struct msg_reader *r)
{
	struct mouse_event	 m;
	u_char			 buf[64];
	uint16_t		 button, mods, x, y;
	uint8_t			 type;
	int			 len;

	if (msg_get_u8(r, &type) != 0 || msg_get_u16(r, &button) != 0 ||
	    msg_get_u16(r, &mods) != 0 || msg_get_u16(r, &x) != 0 ||
	    msg_get_u16(r, &y) != 0 || msg_get_end(r) != 0 ||
	    type > MOUSE_MOVE)
		return (-1);
	memset(&m, 0, sizeof m);
	m.type = type;
	m.button = button;
	m.mods = mods & (MOUSE_SHIFT|MOUSE_META|MOUSE_CTRL);
	m.x = x;
	m.y = y;
	len = input_mouse_encode(&m, pane_modes(wp), wp->sx, wp->sy, buf,
	    sizeof buf);
	if (len > 0)
		pane_write_input(wp, buf, len);
	return (0);
}

/* Input from an attached client: keys, paste, mouse, focus, resize. */
void
server_attach_input(struct client *c, uint32_t type, struct msg_reader *r)
{
	struct window_pane	*wp;
	const u_char		*data;
	char			*paste;
	size_t			 len, outlen;
	uint64_t		 key;
	uint16_t		 sx, sy;
	uint8_t			 in;
	u_char			 buf[16];
	int			 n;

	if (c->session == NULL || c->session->curw == NULL ||
	    (wp = c->session->curw->active) == NULL)
		return;
	if (type == MSG_RESIZE) {
		if (msg_get_u16(r, &sx) != 0 || msg_get_u16(r, &sy) != 0 ||
		    msg_get_end(r) != 0)
			goto bad;
		c->sx = sx;
		c->sy = sy + (options_get_number(global_options, "status") ?
		    1 : 0);
		server_attach_size(c);
		server_redraw_client(c, CLIENT_REDRAW_CLEAR);
		return;
	}
	if (!server_attach_input_allowed(c, type))
		return;
	switch (type) {
	case MSG_KEY:
		if (msg_get_u64(r, &key) != 0 || msg_get_end(r) != 0)
			goto bad;
		pane_write_key(wp, key);
		break;
	case MSG_PASTE:
		if (msg_get_bytes(r, &data, &len) != 0 || msg_get_end(r) != 0)
			goto bad;
		paste = input_paste_encode((const char *)data, len,
		    pane_modes(wp), &outlen);
		pane_write_input(wp, paste, outlen);
		free(paste);
		break;
	case MSG_MOUSE:
		if (server_attach_mouse(wp, r) != 0)
			goto bad;
		break;
	case MSG_FOCUS:
		if (msg_get_u8(r, &in) != 0 || msg_get_end(r) != 0)
			goto bad;
		n = input_focus_encode(in, pane_modes(wp), buf, sizeof buf);
		if (n > 0)
			pane_write(wp, buf, n);
		return;	/* focus is not typing */
	}
	server_attach_typed(c);
	server_attach_audit_input("input", c, type);
	return;

bad:
	log_debug("client %u: malformed %s", c->id, msg_type_name(type));
	server_client_drop(c, "malformed input");
}

/*
 * MSG_PROMPT: run a command typed at the client's command prompt. One runs
 * at a time: another while it runs is answered, not run, and the client
 * stays.
 */
void
server_attach_prompt(struct client *c, struct msg_reader *r)
{
	struct cmd_item	*item;
	char		**argv = NULL, *cause = NULL, current[512];
	uint32_t	  argc, i;
	int		  status;
	enum cmd_retval	  retval;

	if (c->session == NULL || msg_get_u32(r, &argc) != 0 || argc == 0 ||
	    argc > MSG_MAX_ARGS || argc > r->left / 4) {
		server_client_drop(c, "malformed prompt");
		return;
	}
	argv = xcalloc(argc + 1, sizeof *argv);
	for (i = 0; i < argc; i++) {
		if (msg_get_string(r, &argv[i]) != 0) {
			cmd_free_argv(i, argv);
			server_client_drop(c, "malformed prompt");
			return;
		}
	}
	if (c->item != NULL) {
		log_debug("client %u: prompt while %s runs", c->id,
		    c->item->entry->name);
		cmd_free_argv(argc, argv);
		server_client_message(c, "the last command is still running");
		server_client_prompt_done(c, CMD_RETURN_ERROR);
		return;
	}
	/* The default target is the client's own session. */
	snprintf(current, sizeof current, "%s,%ld,%u", socket_path,
	    (long)getpid(), c->session->id);
	item = cmd_prepare(c, argc, argv, "/", current, &cause, &status);
	cmd_free_argv(argc, argv);
	if (item == NULL) {
		server_client_message(c, cause);
		server_client_prompt_done(c, status);
		free(cause);
		return;
	}
	if (item->entry->flags & CMD_CLIENTSIDE) {
		cmd_error(item, "%s can't be used from the prompt",
		    item->entry->name);
		cmd_done(item, CMD_RETURN_ERROR);
		return;
	}
	c->item = item;
	retval = item->entry->exec(item);
	if (retval != CMD_RETURN_WAIT)
		cmd_done(item, retval);
}
