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

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"

/* Look for a whole message at the start of buf: type and payload length. */
enum msg_parse
msg_parse_check(const u_char *buf, size_t len, uint32_t *type, size_t *size)
{
	struct msg_reader	r;
	uint32_t		t, n;

	if (len < MSG_HEADER_SIZE)
		return (MSG_PARSE_MORE);
	msg_reader_init(&r, buf, len);
	msg_get_u32(&r, &t);
	msg_get_u32(&r, &n);
	if (n > MSG_MAX_PAYLOAD)
		return (MSG_PARSE_BAD);
	if (len - MSG_HEADER_SIZE < n)
		return (MSG_PARSE_MORE);
	*type = t;
	*size = n;
	return (MSG_PARSE_OK);
}

/* Name of a message type, for the log. */
const char *
msg_type_name(uint32_t type)
{
	switch (type) {
	case MSG_HELLO:
		return ("HELLO");
	case MSG_HELLO_OK:
		return ("HELLO_OK");
	case MSG_ERROR:
		return ("ERROR");
	case MSG_COMMAND:
		return ("COMMAND");
	case MSG_OUTPUT:
		return ("OUTPUT");
	case MSG_EXIT:
		return ("EXIT");
	case MSG_ATTACH:
		return ("ATTACH");
	case MSG_ATTACHED:
		return ("ATTACHED");
	case MSG_FRAME:
		return ("FRAME");
	case MSG_STATUS:
		return ("STATUS");
	case MSG_MESSAGE:
		return ("MESSAGE");
	case MSG_BELL:
		return ("BELL");
	case MSG_DETACHED:
		return ("DETACHED");
	case MSG_CLIPBOARD:
		return ("CLIPBOARD");
	case MSG_KEY:
		return ("KEY");
	case MSG_PASTE:
		return ("PASTE");
	case MSG_MOUSE:
		return ("MOUSE");
	case MSG_RESIZE:
		return ("RESIZE");
	case MSG_FOCUS:
		return ("FOCUS");
	case MSG_DETACH:
		return ("DETACH");
	case MSG_REDRAW:
		return ("REDRAW");
	case MSG_PROMPT:
		return ("PROMPT");
	case MSG_PROMPT_DONE:
		return ("PROMPT_DONE");
	case MSG_OPTIONS:
		return ("OPTIONS");
	}
	return ("unknown");
}

/* Start reading a payload. */
void
msg_reader_init(struct msg_reader *r, const u_char *p, size_t len)
{
	r->p = p;
	r->left = len;
}

/* Read one byte. */
int
msg_get_u8(struct msg_reader *r, uint8_t *v)
{
	if (r->left < 1)
		return (-1);
	*v = r->p[0];
	r->p++;
	r->left--;
	return (0);
}

/* Read a 16-bit number. */
int
msg_get_u16(struct msg_reader *r, uint16_t *v)
{
	if (r->left < 2)
		return (-1);
	*v = (uint16_t)(r->p[0] << 8 | r->p[1]);
	r->p += 2;
	r->left -= 2;
	return (0);
}

/* Read a 32-bit number. */
int
msg_get_u32(struct msg_reader *r, uint32_t *v)
{
	if (r->left < 4)
		return (-1);
	*v = (uint32_t)r->p[0] << 24 | (uint32_t)r->p[1] << 16 |
	    (uint32_t)r->p[2] << 8 | r->p[3];
	r->p += 4;
	r->left -= 4;
	return (0);
}

/* Read a 64-bit number. */
int
msg_get_u64(struct msg_reader *r, uint64_t *v)
{
	uint32_t	hi, lo;

	if (r->left < 8)
		return (-1);
	msg_get_u32(r, &hi);
	msg_get_u32(r, &lo);
	*v = (uint64_t)hi << 32 | lo;
	return (0);
}

/* Read a length-prefixed byte string, pointing into the payload. */
int
msg_get_bytes(struct msg_reader *r, const u_char **p, size_t *len)
{
	uint32_t	n;

	if (msg_get_u32(r, &n) != 0)
		return (-1);
	if (n > r->left)
		return (-1);
	*p = r->p;
	*len = n;
	r->p += n;
	r->left -= n;
	return (0);
}

/* Read a string: no embedded NUL, at most MSG_MAX_STRING. */
int
msg_get_string(struct msg_reader *r, char **s)
{
	const u_char	*p;
	size_t		 len;

	if (msg_get_bytes(r, &p, &len) != 0)
		return (-1);
	if (len > MSG_MAX_STRING || memchr(p, '\0', len) != NULL)
		return (-1);
	*s = xmalloc(len + 1);
	memcpy(*s, p, len);
	(*s)[len] = '\0';
	return (0);
}

/* Check that nothing is left over after the last field. */
int
msg_get_end(struct msg_reader *r)
{
	return (r->left == 0 ? 0 : -1);
}

/* Start a message of the given type; the header is filled in at the end. */
void
msg_buf_init(struct msg_buf *b, uint32_t type)
{
	b->size = 256;
	b->data = xmalloc(b->size);
	b->len = 0;
	msg_put_u32(b, type);
	msg_put_u32(b, 0);
}

/* Free a message buffer. */
void
msg_buf_free(struct msg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->size = 0;
}

/* Make room for len more bytes. */
static void
msg_buf_grow(struct msg_buf *b, size_t len)
{
	while (b->size - b->len < len) {
		b->data = xreallocarray(b->data, 2, b->size);
		b->size *= 2;
	}
}

/* Append one byte. */
void
msg_put_u8(struct msg_buf *b, uint8_t v)
{
	msg_buf_grow(b, 1);
	b->data[b->len++] = v;
}

/* Append a 16-bit number. */
void
msg_put_u16(struct msg_buf *b, uint16_t v)
{
	msg_buf_grow(b, 2);
	b->data[b->len++] = v >> 8;
	b->data[b->len++] = v & 0xff;
}

/* Append a 32-bit number. */
void
msg_put_u32(struct msg_buf *b, uint32_t v)
{
	msg_buf_grow(b, 4);
	b->data[b->len++] = v >> 24;
	b->data[b->len++] = (v >> 16) & 0xff;
	b->data[b->len++] = (v >> 8) & 0xff;
	b->data[b->len++] = v & 0xff;
}

/* Append a 64-bit number. */
void
msg_put_u64(struct msg_buf *b, uint64_t v)
{
	msg_put_u32(b, v >> 32);
	msg_put_u32(b, v & 0xffffffffU);
}

/* Append a length-prefixed byte string. */
void
msg_put_bytes(struct msg_buf *b, const void *p, size_t len)
{
	msg_put_u32(b, len);
	msg_buf_grow(b, len);
	if (len != 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
}

/* Append a string. */
void
msg_put_string(struct msg_buf *b, const char *s)
{
	msg_put_bytes(b, s, strlen(s));
}

/* Fill in the payload length; -1 if the message is too big to send. */
int
msg_buf_finish(struct msg_buf *b)
{
	size_t	n = b->len - MSG_HEADER_SIZE;

	if (n > MSG_MAX_PAYLOAD)
		return (-1);
	b->data[4] = n >> 24;
	b->data[5] = (n >> 16) & 0xff;
	b->data[6] = (n >> 8) & 0xff;
	b->data[7] = n & 0xff;
	return (0);
}

/* Decode MSG_HELLO. */
int
msg_hello_decode(struct msg_reader *r, struct msg_hello *m)
{
	memset(m, 0, sizeof *m);
	if (msg_get_u32(r, &m->version) != 0)
		return (-1);
	if (msg_get_u8(r, &m->kind) != 0 ||
	    msg_get_string(r, &m->term) != 0)
		return (-1);
	if (msg_get_u16(r, &m->sx) != 0 ||
	    msg_get_u16(r, &m->sy) != 0 ||
	    msg_get_u8(r, &m->via) != 0 ||
	    msg_get_end(r) != 0) {
		msg_hello_clear(m);
		return (-1);
	}
	if (m->kind == 0 || m->kind > MSG_KIND_MAX || m->via > MSG_VIA_MAX) {
		msg_hello_clear(m);
		return (-1);
	}
	return (0);
}

/* Free what a decoded MSG_HELLO holds. */
void
msg_hello_clear(struct msg_hello *m)
{
	free(m->term);
	m->term = NULL;
}

/* Decode MSG_COMMAND. */
int
msg_command_decode(struct msg_reader *r, struct msg_command *m)
{
	uint32_t	argc, i;

	memset(m, 0, sizeof *m);
	if (msg_get_string(r, &m->cwd) != 0 ||
	    msg_get_string(r, &m->current) != 0 ||
	    msg_get_u32(r, &argc) != 0)
		goto bad;
	/* Each argument needs at least its 4-byte length. */
	if (argc == 0 || argc > MSG_MAX_ARGS || argc > r->left / 4)
		goto bad;
	m->argv = xcalloc(argc + 1, sizeof *m->argv);
	for (i = 0; i < argc; i++) {
		if (msg_get_string(r, &m->argv[i]) != 0)
			goto bad;
		m->argc++;
	}
	if (msg_get_end(r) != 0)
		goto bad;
	return (0);

bad:
	msg_command_clear(m);
	return (-1);
}

/* Free what a decoded MSG_COMMAND holds. */
void
msg_command_clear(struct msg_command *m)
{
	int	i;

	free(m->cwd);
	free(m->current);
	if (m->argv != NULL) {
		for (i = 0; i < m->argc; i++)
			free(m->argv[i]);
		free(m->argv);
	}
	memset(m, 0, sizeof *m);
}
