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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * The length of a valid UTF-8 character at s (len bytes, at least one), or
 * 0 if none; a C1 control is not one.
 */
size_t
utf8_valid_length(const u_char *s, size_t len)
{
	size_t	n = utf8_lead_length(s[0]), i;

	if (n < 2 || n > len)
		return (0);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
	}
	/* No overlong forms, no surrogates, nothing past U+10FFFF. */
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
		return (0);
	/* C1 controls, U+0080 to U+009F, are escaped like C0 ones. */
	if (s[0] == 0xc2 && s[1] < 0xa0)
		return (0);
	return (n);
}

/*
 * Escape a string for an error or message line, in C style as vis(3) does
 * with VIS_CSTYLE|VIS_TAB|VIS_NL|VIS_OCTAL: control characters, DEL and
 * bytes that are not valid UTF-8 become \n, \t, \033 and so on, a backslash
 * becomes \\, and valid UTF-8 is kept. Not stravis(3) itself: libbsd's, in
 * a UTF-8 locale, passes invalid bytes through unchanged.
 */
char *
utf8_escape(const char *src)
{
	const u_char	*s = (const u_char *)src;
	size_t		 len = strlen(src), n;
	char		*out, *cp;

	out = cp = xreallocarray(NULL, len + 1, 4);
	while (len > 0) {
		if (*s >= 0x80 && (n = utf8_valid_length(s, len)) != 0) {
			memcpy(cp, s, n);
			cp += n;
			s += n;
			len -= n;
			continue;
		}
		switch (*s) {
		case '\\':
			*cp++ = '\\';
			*cp++ = '\\';
			break;
		case '\n':
			*cp++ = '\\';
			*cp++ = 'n';
			break;
		case '\r':
			*cp++ = '\\';
			*cp++ = 'r';
			break;
		case '\t':
			*cp++ = '\\';
			*cp++ = 't';
			break;
		default:
			if (*s >= 0x20 && *s < 0x7f)
				*cp++ = *s;
			else {
				snprintf(cp, 5, "\\%03o", *s);
				cp += 4;
			}
			break;
		}
		s++;
		len--;
	}
	*cp = '\0';
	return (out);
}

/*
 * Escape a string for a format argument: the result lives until eight more
 * calls, long enough for any one message. NULL gives "(null)".
 */
const char *
esc(const char *s)
{
	static char	*ring[8];
	static u_int	 next;
	char		**slot = &ring[next++ % nitems(ring)];

	free(*slot);
	*slot = utf8_escape(s != NULL ? s : "(null)");
	return (*slot);
}
