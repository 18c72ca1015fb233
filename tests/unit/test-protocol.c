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
#include "unit.h"

/* Unit tests for the protocol codec: framing, fields, bounds. */

/* Each fixed-width field round-trips and a short read fails. */
static void
test_numbers(void)
{
	struct msg_buf		b;
	struct msg_reader	r;
	uint8_t			u8;
	uint16_t		u16;
	uint32_t		u32;
	uint64_t		u64;

	msg_buf_init(&b, 7);
	msg_put_u8(&b, 0xab);
	msg_put_u16(&b, 0xbeef);
	msg_put_u32(&b, 0xdeadbeefU);
	msg_put_u64(&b, 0x0102030405060708ULL);
	CHECK_INT(msg_buf_finish(&b), 0);
	CHECK_INT(b.len, MSG_HEADER_SIZE + 15);
	/* Network byte order on the wire. */
	CHECK_MEM(b.data, 8, "\0\0\0\x07\0\0\0\x0f", 8);
	CHECK_MEM(b.data + 8, 3, "\xab\xbe\xef", 3);

	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, 15);
	CHECK_INT(msg_get_u8(&r, &u8), 0);
	CHECK_INT(u8, 0xab);
	CHECK_INT(msg_get_u16(&r, &u16), 0);
	CHECK_INT(u16, 0xbeef);
	CHECK_INT(msg_get_u32(&r, &u32), 0);
	CHECK(u32 == 0xdeadbeefU);
	CHECK_INT(msg_get_u64(&r, &u64), 0);
	CHECK(u64 == 0x0102030405060708ULL);
	CHECK_INT(msg_get_end(&r), 0);
	CHECK_INT(msg_get_u8(&r, &u8), -1);
	CHECK_INT(msg_get_u16(&r, &u16), -1);
	CHECK_INT(msg_get_u32(&r, &u32), -1);
	CHECK_INT(msg_get_u64(&r, &u64), -1);
	msg_buf_free(&b);

	/* A partial number is not read and not consumed. */
	msg_reader_init(&r, (const u_char *)"\1\2\3", 3);
	CHECK_INT(msg_get_u32(&r, &u32), -1);
	CHECK_INT(r.left, 3);
}

/* Strings: NUL-free, bounded, lengths checked against what is left. */
static void
test_strings(void)
{
	struct msg_buf		 b;
	struct msg_reader	 r;
	char			*s;
	const u_char		*p;
	size_t			 len;

	msg_buf_init(&b, 1);
	msg_put_string(&b, "hello");
	msg_put_string(&b, "");
	msg_put_bytes(&b, "a\0b", 3);
	msg_buf_finish(&b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_get_string(&r, &s), 0);
	CHECK_STR(s, "hello");
	free(s);
	CHECK_INT(msg_get_string(&r, &s), 0);
	CHECK_STR(s, "");
	free(s);
	/* Embedded NUL is fine as bytes, refused as a string. */
	{
		struct msg_reader	r2 = r;

		CHECK_INT(msg_get_string(&r2, &s), -1);
	}
	CHECK_INT(msg_get_bytes(&r, &p, &len), 0);
	CHECK_INT(len, 3);
	CHECK_MEM(p, len, "a\0b", 3);
	CHECK_INT(msg_get_end(&r), 0);
	msg_buf_free(&b);

	/* A length larger than what is left fails. */
	msg_reader_init(&r, (const u_char *)"\0\0\0\x10" "abc", 7);
	CHECK_INT(msg_get_string(&r, &s), -1);
	/* A huge length fails without allocating. */
	msg_reader_init(&r, (const u_char *)"\xff\xff\xff\xff" "abc", 7);
	CHECK_INT(msg_get_bytes(&r, &p, &len), -1);
}

/* Framing: more bytes needed, oversize, and a whole message. */
static void
test_frame(void)
{
	uint32_t	type;
	size_t		size;
	u_char		hdr[12] = { 0, 0, 0, 100, 0, 0, 0, 4, 'a', 'b', 'c', 'd' };
	u_char		big[8] = { 0, 0, 0, 1, 0x7f, 0xff, 0xff, 0xff };

	CHECK_INT(msg_parse_check(hdr, 0, &type, &size), MSG_PARSE_MORE);
	CHECK_INT(msg_parse_check(hdr, 7, &type, &size), MSG_PARSE_MORE);
	CHECK_INT(msg_parse_check(hdr, 11, &type, &size), MSG_PARSE_MORE);
	CHECK_INT(msg_parse_check(hdr, 12, &type, &size), MSG_PARSE_OK);
	CHECK_INT(type, 100);
	CHECK_INT(size, 4);
	CHECK_INT(msg_parse_check(big, 8, &type, &size), MSG_PARSE_BAD);
	big[4] = 0;
	big[5] = 0x10;	/* exactly MSG_MAX_PAYLOAD + 0: 1 MiB is allowed */
	big[6] = 0;
	big[7] = 0;
	CHECK_INT(msg_parse_check(big, 8, &type, &size), MSG_PARSE_MORE);
	big[7] = 1;
	CHECK_INT(msg_parse_check(big, 8, &type, &size), MSG_PARSE_BAD);
	CHECK_STR(msg_type_name(MSG_HELLO), "HELLO");
	CHECK_STR(msg_type_name(12345), "unknown");
}

/* Build a hello payload. */
static void
make_hello(struct msg_buf *b, uint32_t version, uint8_t kind, uint8_t via)
{
	msg_buf_init(b, MSG_HELLO);
	msg_put_u32(b, version);
	msg_put_u8(b, kind);
	msg_put_string(b, "xterm-256color");
	msg_put_u16(b, 80);
	msg_put_u16(b, 24);
	msg_put_u8(b, via);
	msg_buf_finish(b);
}

/* MSG_HELLO decodes, and every truncation or bad value is refused. */
static void
test_hello(void)
{
	struct msg_buf		b;
	struct msg_reader	r;
	struct msg_hello	m;
	size_t			n, plen;

	make_hello(&b, HUDDLE_PROTOCOL_VERSION, MSG_KIND_COMMAND,
	    MSG_VIA_LOCAL);
	plen = b.len - MSG_HEADER_SIZE;
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, plen);
	CHECK_INT(msg_hello_decode(&r, &m), 0);
	CHECK_INT(m.version, HUDDLE_PROTOCOL_VERSION);
	CHECK_INT(m.kind, MSG_KIND_COMMAND);
	CHECK_STR(m.term, "xterm-256color");
	CHECK_INT(m.sx, 80);
	CHECK_INT(m.sy, 24);
	msg_hello_clear(&m);
	for (n = 0; n < plen; n++) {
		msg_reader_init(&r, b.data + MSG_HEADER_SIZE, n);
		CHECK_INT(msg_hello_decode(&r, &m), -1);
	}
	msg_buf_free(&b);

	make_hello(&b, HUDDLE_PROTOCOL_VERSION, 0, MSG_VIA_LOCAL);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_hello_decode(&r, &m), -1);
	msg_buf_free(&b);
	make_hello(&b, HUDDLE_PROTOCOL_VERSION, MSG_KIND_MAX + 1, 0);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_hello_decode(&r, &m), -1);
	msg_buf_free(&b);
	make_hello(&b, HUDDLE_PROTOCOL_VERSION, 1, MSG_VIA_MAX + 1);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_hello_decode(&r, &m), -1);
	msg_buf_free(&b);
}

/* MSG_COMMAND decodes; argc is bounded by what the payload can hold. */
static void
test_command(void)
{
	struct msg_buf		b;
	struct msg_reader	r;
	struct msg_command	m;
	size_t			n, plen;

	msg_buf_init(&b, MSG_COMMAND);
	msg_put_string(&b, "/tmp");
	msg_put_string(&b, "");
	msg_put_u32(&b, 3);
	msg_put_string(&b, "send");
	msg_put_string(&b, "-t");
	msg_put_string(&b, "work");
	msg_buf_finish(&b);
	plen = b.len - MSG_HEADER_SIZE;
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, plen);
	CHECK_INT(msg_command_decode(&r, &m), 0);
	CHECK_STR(m.cwd, "/tmp");
	CHECK_STR(m.current, "");
	CHECK_INT(m.argc, 3);
	CHECK_STR(m.argv[0], "send");
	CHECK_STR(m.argv[2], "work");
	CHECK(m.argv[3] == NULL);
	msg_command_clear(&m);
	for (n = 0; n < plen; n++) {
		msg_reader_init(&r, b.data + MSG_HEADER_SIZE, n);
		CHECK_INT(msg_command_decode(&r, &m), -1);
	}
	msg_buf_free(&b);

	/* argc claims far more than the payload holds: refused. */
	msg_buf_init(&b, MSG_COMMAND);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_u32(&b, 1000);
	msg_put_string(&b, "ls");
	msg_buf_finish(&b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_command_decode(&r, &m), -1);
	msg_buf_free(&b);

	/* Zero arguments, or trailing bytes: refused. */
	msg_buf_init(&b, MSG_COMMAND);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_u32(&b, 0);
	msg_buf_finish(&b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_command_decode(&r, &m), -1);
	msg_buf_free(&b);
	msg_buf_init(&b, MSG_COMMAND);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_u32(&b, 1);
	msg_put_string(&b, "ls");
	msg_put_u8(&b, 0);
	msg_buf_finish(&b);
	msg_reader_init(&r, b.data + MSG_HEADER_SIZE, b.len - MSG_HEADER_SIZE);
	CHECK_INT(msg_command_decode(&r, &m), -1);
	msg_buf_free(&b);
}

/* A buffer too big to send is refused by finish. */
static void
test_oversize(void)
{
	struct msg_buf	 b;
	char		*big;

	big = xcalloc(1, MSG_MAX_PAYLOAD + 1);
	msg_buf_init(&b, MSG_OUTPUT);
	msg_put_bytes(&b, big, MSG_MAX_PAYLOAD);
	CHECK_INT(msg_buf_finish(&b), -1);
	msg_buf_free(&b);
	free(big);
}

int
main(void)
{
	test_numbers();
	test_strings();
	test_frame();
	test_hello();
	test_command();
	test_oversize();
	UNIT_END();
}
