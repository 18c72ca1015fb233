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
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "huddle.h"
#include "unit.h"

/*
 * The server's side of an attached client, driven directly: a client on
 * one end of a socket pair, the test reading the other end. For states a
 * real client cannot reach with the commands there are today.
 */

/* Read the next message from fd, running the loop until it arrives. */
static int
next_message(int fd, u_char *buf, size_t *len, uint32_t *type,
    struct msg_reader *r)
{
	size_t	size;
	ssize_t	n;
	int	tries;

	for (tries = 0; tries < 200; tries++) {
		if (msg_parse_check(buf, *len, type, &size) == MSG_PARSE_OK) {
			msg_reader_init(r, buf + MSG_HEADER_SIZE, size);
			return (0);
		}
		event_base_loop(server_base, EVLOOP_NONBLOCK);
		n = read(fd, buf + *len, 65536 - *len);
		if (n == 0)
			return (-1);
		if (n > 0)
			*len += n;
		else
			usleep(5000);
	}
	return (-1);
}

/* Drop the message at the start of buf. */
static void
drop_message(u_char *buf, size_t *len)
{
	uint32_t	type;
	size_t		size;

	if (msg_parse_check(buf, *len, &type, &size) != MSG_PARSE_OK)
		return;
	memmove(buf, buf + MSG_HEADER_SIZE + size,
	    *len - MSG_HEADER_SIZE - size);
	*len -= MSG_HEADER_SIZE + size;
}

/* Whether a client is still in the server's list (not freed). */
static int
listed(struct client *c)
{
	struct client	*loop;

	TAILQ_FOREACH(loop, &clients, entry) {
		if (loop == c)
			return (1);
	}
	return (0);
}

/* A second prompt while a command runs is answered; the client stays. */
static void
test_prompt_busy(void)
{
	struct session		 s;
	struct client		*c;
	struct cmd_item		*busy;
	struct msg_buf		 b;
	struct msg_reader	 r;
	u_char			*buf;
	size_t			 len = 0;
	uint32_t		 type = 0, status = 0;
	char			*text = NULL;
	int			 sv[2];

	server_base = event_base_new();
	global_options = options_create(NULL);
	options_default(global_options);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		CHECK(0);
		return;
	}
	fcntl(sv[1], F_SETFL, fcntl(sv[1], F_GETFL) | O_NONBLOCK);
	buf = xmalloc(65536);

	memset(&s, 0, sizeof s);
	s.name = (char *)"work";
	s.id = 7;
	TAILQ_INIT(&s.windows);
	c = server_client_create(sv[0]);
	c->kind = MSG_KIND_ATTACH;
	c->flags |= CLIENT_HELLO;
	c->user = xstrdup("tester");
	c->session = &s;
	/* A command from the prompt still running. */
	busy = xcalloc(1, sizeof *busy);
	busy->client = c;
	busy->entry = cmd_find("ls", &text);
	c->item = busy;

	msg_buf_init(&b, MSG_PROMPT);
	msg_put_u32(&b, 1);
	msg_put_string(&b, "ls");
	msg_buf_finish(&b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	server_attach_prompt(c, &r);
	msg_buf_free(&b);
	if (!listed(c)) {
		fprintf(stderr, "the client was dropped\n");
		CHECK(0);
		goto out;	/* and its command freed with it */
	}
	CHECK(!(c->flags & (CLIENT_DEAD|CLIENT_EXIT)));
	CHECK(c->item == busy);

	CHECK_INT(next_message(sv[1], buf, &len, &type, &r), 0);
	CHECK_INT(type, MSG_MESSAGE);
	if (type == MSG_MESSAGE && msg_get_string(&r, &text) == 0) {
		CHECK_STR(text, "the last command is still running");
		free(text);
	}
	drop_message(buf, &len);
	CHECK_INT(next_message(sv[1], buf, &len, &type, &r), 0);
	CHECK_INT(type, MSG_PROMPT_DONE);
	CHECK(msg_get_u32(&r, &status) == 0 && status == 1);
	CHECK(!(c->flags & (CLIENT_DEAD|CLIENT_EXIT)));

	c->item = NULL;
	free(busy);
	c->session = NULL;
out:
	server_client_free_all();
	options_free(global_options);
	close(sv[1]);
	free(buf);
	event_base_free(server_base);
	server_base = NULL;
}

int
main(void)
{
	test_prompt_busy();
	UNIT_END();
}
