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

#include <event2/event.h>

#include "huddle.h"
#include "peer.h"
#include "term.h"

/*
 * One connection to the server: the hello and version check, then dispatch
 * of each message. A malformed message costs only this connection.
 */

struct clients	 clients = TAILQ_HEAD_INITIALIZER(clients);
static u_int	 client_next_id;

static void	server_client_dispatch(struct peer *, uint32_t,
		    struct msg_reader *, void *);
static void	server_client_peer_lost(struct peer *, const char *, void *);

/* A new connection from an allowed peer. */
struct client *
server_client_create(int fd)
{
	struct client	*c;

	if (client_next_id == 0)
		client_next_id = 1;
	c = xcalloc(1, sizeof *c);
	c->id = client_next_id++;
	gettimeofday(&c->created, NULL);
	c->activity = c->created;
	c->peer = peer_create(server_base, fd, server_client_dispatch,
	    server_client_peer_lost, c);
	TAILQ_INSERT_TAIL(&clients, c, entry);
	return (c);
}

/* Free a client that is gone. */
static void
server_client_free(struct client *c)
{
	TAILQ_REMOVE(&clients, c, entry);
	if (c->kind == MSG_KIND_ATTACH)
		server_attach_lost(c);
	if (c->shadow != NULL) {
		grid_free(c->shadow);
		free(c->shadow);
	}
	if (c->item != NULL) {
		c->item->client = NULL;
		cmd_item_free(c->item);
	}
	peer_free(c->peer);
	free(c->user);
	free(c->term);
	free(c);
}

/* The connection is gone. */
void
server_client_lost(struct client *c)
{
	log_debug("client %u (%s) lost", c->id,
	    c->user != NULL ? c->user : "?");
	server_client_free(c);
	server_exit_check();
}

/* The peer went away or was closed. */
static void
server_client_peer_lost(struct peer *peer, const char *why, void *arg)
{
	struct client	*c = arg;

	log_debug("client %u: %s", c->id, why);
	server_client_lost(c);
}

/* Drop a misbehaving client, logging why. */
void
server_client_drop(struct client *c, const char *why)
{
	log_debug("client %u (%s): %s; closing", c->id,
	    c->user != NULL ? c->user : "?", why);
	c->flags |= CLIENT_DEAD;
	peer_close_after_flush(c->peer);
}

/* Check the hello: protocol version and what the client is for. */
static void
server_client_hello(struct client *c, struct msg_reader *r)
{
	struct msg_hello	 m;
	struct msg_buf		 b;
	uint32_t		 version;
	char			*text;

	if (c->flags & CLIENT_HELLO) {
		server_client_drop(c, "second hello");
		return;
	}
	/* Read the version alone first, so any version gets a clear answer. */
	if (r->left < 4) {
		server_client_drop(c, "short hello");
		return;
	}
	version = (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 |
	    (uint32_t)r->p[2] << 8 | r->p[3];
	if (version != HUDDLE_PROTOCOL_VERSION) {
		xasprintf(&text, "protocol version mismatch (client %u, "
		    "server %u)", version, HUDDLE_PROTOCOL_VERSION);
		log_debug("client %u: %s", c->id, text);
		c->flags |= CLIENT_DEAD;
		peer_send_error(c->peer, text);
		free(text);
		return;
	}
	if (msg_hello_decode(r, &m) != 0) {
		server_client_drop(c, "malformed hello");
		return;
	}
	c->flags |= CLIENT_HELLO;
	c->kind = m.kind;
	c->via = m.via;
	c->term = m.term;
	c->sx = m.sx;
	c->sy = m.sy;
	log_debug("client %u: hello, kind %u, via %u, term %s, %ux%u", c->id,
	    c->kind, c->via, c->term, c->sx, c->sy);

	msg_buf_init(&b, MSG_HELLO_OK);
	msg_put_u32(&b, HUDDLE_PROTOCOL_VERSION);
	msg_put_u32(&b, c->id);
	msg_put_u32(&b, (uint32_t)getpid());
	peer_send(c->peer, &b);
}

/* A command to run. */
static void
server_client_command(struct client *c, struct msg_reader *r)
{
	struct msg_command	m;

	if (c->kind != MSG_KIND_COMMAND || c->item != NULL ||
	    (c->flags & CLIENT_EXIT)) {
		server_client_drop(c, "unexpected command");
		return;
	}
	if (msg_command_decode(r, &m) != 0) {
		server_client_drop(c, "malformed command");
		return;
	}
	gettimeofday(&c->activity, NULL);
	cmd_run(c, &m);
	msg_command_clear(&m);
}

/* One message from the client. */
static void
server_client_dispatch(struct peer *peer, uint32_t type, struct msg_reader *r,
    void *arg)
{
	struct client	*c = arg;

	if (c->flags & CLIENT_DEAD)
		return;
	log_debug("client %u: message %s (%u), %zu bytes", c->id,
	    msg_type_name(type), type, r->left);
	if (!(c->flags & CLIENT_HELLO) && type != MSG_HELLO) {
		server_client_drop(c, "message before hello");
		return;
	}
	if (type >= MSG_ATTACH && c->kind != MSG_KIND_ATTACH) {
		server_client_drop(c, "attach message from a command client");
		return;
	}
	if (type > MSG_ATTACH && c->session == NULL) {
		if (!(c->flags & CLIENT_EXIT))
			server_client_drop(c, "input before attach");
		return;
	}
	switch (type) {
	case MSG_HELLO:
		server_client_hello(c, r);
		break;
	case MSG_COMMAND:
		server_client_command(c, r);
		break;
	case MSG_ATTACH:
		server_attach(c, r);
		break;
	case MSG_KEY:
	case MSG_PASTE:
	case MSG_MOUSE:
	case MSG_FOCUS:
	case MSG_RESIZE:
		server_attach_input(c, type, r);
		break;
	case MSG_DETACH:
		server_attach_detach(c, MSG_DETACH_DETACHED);
		break;
	case MSG_REDRAW:
		server_redraw_client(c, CLIENT_REDRAW_CLEAR|
		    CLIENT_REDRAW_STATUS);
		break;
	case MSG_PROMPT:
		server_attach_prompt(c, r);
		break;
	default:
		server_client_drop(c, "unexpected message type");
		break;
	}
}

/* Send a message to a client. */
void
server_client_send(struct client *c, uint32_t type, struct msg_buf *b)
{
	if (c->flags & CLIENT_DEAD) {
		msg_buf_free(b);
		return;
	}
	if (peer_send(c->peer, b) != 0)
		log_debug("client %u: message %u too big", c->id, type);
}

/* Show command output on an attached client, a message per line. */
static void
server_client_output_lines(struct client *c, const char *buf, size_t len)
{
	const char	*nl;
	char		*line;
	size_t		 n;

	while (len > 0) {
		nl = memchr(buf, '\n', len);
		n = nl != NULL ? (size_t)(nl - buf) : len;
		line = xstrndup(buf, n);
		server_client_message(c, line);
		free(line);
		if (nl == NULL)
			break;
		buf += n + 1;
		len -= n + 1;
	}
}

/* Send output for the client's standard output or error. */
void
server_client_output(struct client *c, int stream, const void *buf,
    size_t len)
{
	struct msg_buf	b;

	if (c->kind == MSG_KIND_ATTACH) {
		server_client_output_lines(c, buf, len);
		return;
	}

	msg_buf_init(&b, MSG_OUTPUT);
	msg_put_u8(&b, stream);
	msg_put_bytes(&b, buf, len);
	server_client_send(c, MSG_OUTPUT, &b);
}

/*
 * Send "huddle: text" to the client's standard error. A client that has
 * not attached yet (its attach failed) gets MSG_ERROR and is closed: it
 * prints the one line and exits 1.
 */
void
server_client_error(struct client *c, const char *text)
{
	char	*line;

	if (c->kind == MSG_KIND_ATTACH && c->session == NULL) {
		if (c->flags & (CLIENT_DEAD|CLIENT_EXIT))
			return;
		log_debug("client %u: error: %s", c->id, text);
		c->flags |= CLIENT_EXIT;
		peer_send_error(c->peer, text);
		return;
	}
	xasprintf(&line, "huddle: %s\n", text);
	server_client_output(c, MSG_STDERR, line, strlen(line));
	free(line);
}

/* Tell the client its exit status and close once it is out. */
void
server_client_exit(struct client *c, int status)
{
	struct msg_buf	b;

	if (c->flags & (CLIENT_DEAD|CLIENT_EXIT))
		return;
	c->flags |= CLIENT_EXIT;
	msg_buf_init(&b, MSG_EXIT);
	msg_put_u32(&b, status);
	server_client_send(c, MSG_EXIT, &b);
	peer_close_after_flush(c->peer);
}

/* Show a message on an attached client's status line. */
void
server_client_message(struct client *c, const char *text)
{
	struct msg_buf	b;

	if (c->kind != MSG_KIND_ATTACH)
		return;
	log_debug("client %u: message: %s", c->id, text);
	if (peer_pending(c->peer) > 1024 * 1024)
		return;	/* stalled: it would never see it in time anyway */
	msg_buf_init(&b, MSG_MESSAGE);
	msg_put_string(&b, text);
	server_client_send(c, MSG_MESSAGE, &b);
}

/* A command from an attached client's prompt finished. */
void
server_client_prompt_done(struct client *c, int status)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_PROMPT_DONE);
	msg_put_u32(&b, status);
	server_client_send(c, MSG_PROMPT_DONE, &b);
}

/* Access was revoked: the client goes at once. */
void
server_client_revoke(struct client *c)
{
	char	*text;

	if (c->kind == MSG_KIND_ATTACH && c->session != NULL) {
		server_attach_detach(c, MSG_DETACH_ACCESS);
		return;
	}
	xasprintf(&text, "access denied for %s", c->user);
	if (c->item != NULL) {
		c->item->client = NULL;
		cmd_item_free(c->item);
		c->item = NULL;
	}
	server_client_error(c, text);
	free(text);
	server_client_exit(c, 1);
}

/* The highest mode allowed changed: apply it, and tell everyone. */
void
server_client_set_mode(struct client *c, int readonly, int was)
{
	struct session	*s = c->session;
	int		 now, before;

	before = (c->flags & CLIENT_READONLY) != 0;
	now = readonly || c->asked_readonly;
	if (now == before)
		return;
	if (now)
		c->flags |= CLIENT_READONLY;
	else
		c->flags &= ~CLIENT_READONLY;
	log_debug("client %u (%s) is now %s", c->id, c->user,
	    now ? "an observer" : "an operator");
	server_attach_audit("mode", c, s);
	if (c->kind != MSG_KIND_ATTACH || s == NULL)
		return;
	server_message(s, "%s is now %s", c->user,
	    now ? "an observer" : "an operator");
	server_redraw_status(s);
	server_redraw_client(c, 0);
}

/* The client's session has ended. */
void
server_client_session_gone(struct client *c, const char *why)
{
	enum msg_detach	reason = MSG_DETACH_EXITED;

	if (c->kind != MSG_KIND_ATTACH) {
		c->session = NULL;
		return;
	}
	if (strcmp(why, "killed") == 0)
		reason = MSG_DETACH_KILLED;
	else if (strcmp(why, "server exited") == 0)
		reason = MSG_DETACH_SERVER_EXITED;
	server_attach_detach(c, reason);
}

/* The server is going away: tell the client and let it go. */
void
server_client_shutdown(struct client *c)
{
	if (c->kind == MSG_KIND_ATTACH)
		server_attach_detach(c, MSG_DETACH_SERVER_EXITED);
	else if (c->item != NULL) {
		server_client_error(c, "server exited");
		cmd_done(c->item, 1);
	} else
		server_client_exit(c, 1);
}

/* Free every client (at exit). */
void
server_client_free_all(void)
{
	struct client	*c;

	while ((c = TAILQ_FIRST(&clients)) != NULL)
		server_client_free(c);
}
