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

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "huddle.h"
#include "frame.h"

/*
 * libFuzzer target for the protocol decoder: split the input into messages
 * as the server does, and decode each one by its type (frames included, as
 * a client decodes them).
 */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct msg_reader	 r;
	struct msg_hello	 hello;
	struct msg_command	 command;
	struct frame_info	 fi;
	struct grid		 g;
	const u_char		*p;
	char			*s;
	uint32_t		 type, v;
	size_t			 payload, len;
	uint8_t			 u8;

	while (msg_parse_check(data, size, &type, &payload) == MSG_PARSE_OK) {
		msg_reader_init(&r, data + MSG_HEADER_SIZE, payload);
		switch (type) {
		case MSG_HELLO:
			if (msg_hello_decode(&r, &hello) == 0)
				msg_hello_clear(&hello);
			break;
		case MSG_COMMAND:
			if (msg_command_decode(&r, &command) == 0)
				msg_command_clear(&command);
			break;
		case MSG_ERROR:
			if (msg_get_string(&r, &s) == 0)
				free(s);
			break;
		case MSG_OUTPUT:
			if (msg_get_u8(&r, &u8) == 0)
				msg_get_bytes(&r, &p, &len);
			break;
		case MSG_EXIT:
			msg_get_u32(&r, &v);
			break;
		case MSG_FRAME:
			grid_init(&g, 1, 1);
			frame_decode(&r, &fi, &g);
			grid_free(&g);
			break;
		}
		data += MSG_HEADER_SIZE + payload;
		size -= MSG_HEADER_SIZE + payload;
	}
	return (0);
}
