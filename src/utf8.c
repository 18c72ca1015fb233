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

#include "huddle.h"

/* Encode a code point as UTF-8 into buf (4 bytes); U+FFFD if invalid. */
int
utf8_encode(uint32_t ch, char *buf)
{
	u_char	*p = (u_char *)buf;

	if ((ch >= 0xd800 && ch <= 0xdfff) || ch > 0x10ffff)
		ch = 0xfffd;
	if (ch < 0x80) {
		p[0] = ch;
		return (1);
	}
	if (ch < 0x800) {
		p[0] = 0xc0 | (ch >> 6);
		p[1] = 0x80 | (ch & 0x3f);
		return (2);
	}
	if (ch < 0x10000) {
		p[0] = 0xe0 | (ch >> 12);
		p[1] = 0x80 | ((ch >> 6) & 0x3f);
		p[2] = 0x80 | (ch & 0x3f);
		return (3);
	}
	p[0] = 0xf0 | (ch >> 18);
	p[1] = 0x80 | ((ch >> 12) & 0x3f);
	p[2] = 0x80 | ((ch >> 6) & 0x3f);
	p[3] = 0x80 | (ch & 0x3f);
	return (4);
}

/* Bytes in the UTF-8 sequence a byte starts: 1 for ASCII, 2 to 4 for a
 * lead byte, 0 for a continuation or a byte that never starts one. */
size_t
utf8_lead_length(u_char c)
{
	if (c < 0x80)
		return (1);
	if (c >= 0xc2 && c <= 0xdf)
		return (2);
	if (c >= 0xe0 && c <= 0xef)
		return (3);
	if (c >= 0xf0 && c <= 0xf4)
		return (4);
	return (0);
}
