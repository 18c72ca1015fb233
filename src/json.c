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

#include <event2/buffer.h>

#include "huddle.h"

/*
 * JSON output for --json. Strings are always valid UTF-8: each byte that is
 * not part of a valid UTF-8 sequence (stray continuation bytes, truncated
 * sequences, overlongs, surrogates, anything above U+10FFFF) becomes
 * \ufffd on its own, so every document huddle prints parses strictly,
 * whatever a program in a pane wrote into a title or a session name.
 */

/* Length of the valid UTF-8 sequence at p (at most left bytes), or 0. */
static size_t
json_utf8_len(const u_char *p, size_t left)
{
	u_char	lo = 0x80, hi = 0xbf;
	size_t	n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (p[0] == 0xe0)
		lo = 0xa0;		/* overlong */
	else if (p[0] == 0xed)
		hi = 0x9f;		/* surrogates */
	else if (p[0] == 0xf0)
		lo = 0x90;		/* overlong */
	else if (p[0] == 0xf4)
		hi = 0x8f;		/* above U+10FFFF */
	if (left < n || p[1] < lo || p[1] > hi)
		return (0);
	for (i = 2; i < n; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return (0);
	}
	return (n);
}

/* The escape for one ASCII byte, or NULL if it is copied as it is. */
static const char *
json_escape_byte(u_char ch, char *tmp, size_t tmplen)
{
	switch (ch) {
	case '"':
		return ("\\\"");
	case '\\':
		return ("\\\\");
	case '\n':
		return ("\\n");
	case '\r':
		return ("\\r");
	case '\t':
		return ("\\t");
	case '\b':
		return ("\\b");
	case '\f':
		return ("\\f");
	}
	if (ch < 0x20 || ch == 0x7f) {
		snprintf(tmp, tmplen, "\\u%04x", ch);
		return (tmp);
	}
	return (NULL);
}

/* Append a quoted, escaped JSON string. */
void
json_add_string(struct evbuffer *b, const char *s, size_t len)
{
	const u_char	*p = (const u_char *)s, *end = p + len, *run;
	const char	*esc;
	char		 tmp[8];
	size_t		 n;

	evbuffer_add(b, "\"", 1);
	run = p;
	while (p < end) {
		if (*p >= 0x80) {
			if ((n = json_utf8_len(p, end - p)) != 0) {
				p += n;
				continue;
			}
			esc = "\\ufffd";
		} else if ((esc = json_escape_byte(*p, tmp, sizeof tmp)) ==
		    NULL) {
			p++;
			continue;
		}
		evbuffer_add(b, run, p - run);
		evbuffer_add(b, esc, strlen(esc));
		run = ++p;
	}
	evbuffer_add(b, run, p - run);
	evbuffer_add(b, "\"", 1);
}

/* Append "key": with a comma before it unless it is the first. */
void
json_add_key(struct evbuffer *b, int first, const char *key)
{
	if (!first)
		evbuffer_add(b, ",", 1);
	json_add_string(b, key, strlen(key));
	evbuffer_add(b, ":", 1);
}

/* Append "key":"value", or "key":null if value is NULL. */
void
json_add_key_string(struct evbuffer *b, int first, const char *key,
    const char *value)
{
	json_add_key(b, first, key);
	if (value == NULL)
		evbuffer_add(b, "null", 4);
	else
		json_add_string(b, value, strlen(value));
}

/* Append "key":number. */
void
json_add_key_number(struct evbuffer *b, int first, const char *key,
    long long value)
{
	json_add_key(b, first, key);
	evbuffer_add_printf(b, "%lld", value);
}

/* Append "key":true or "key":false. */
void
json_add_key_bool(struct evbuffer *b, int first, const char *key, int value)
{
	json_add_key(b, first, key);
	if (value)
		evbuffer_add(b, "true", 4);
	else
		evbuffer_add(b, "false", 5);
}

/* Return a quoted, escaped JSON string as a new C string. */
/*
 * A time as seconds since the epoch with milliseconds; a zero time (not
 * yet) is null.
 */
void
json_add_key_time(struct evbuffer *b, int first, const char *key,
    const struct timeval *tv)
{
	json_add_key(b, first, key);
	if (tv->tv_sec == 0)
		evbuffer_add(b, "null", 4);
	else
		evbuffer_add_printf(b, "%lld.%03ld", (long long)tv->tv_sec,
		    (long)tv->tv_usec / 1000);
}

char *
json_escape(const char *s, size_t len)
{
	struct evbuffer	*b;
	char		*out;
	size_t		 n;

	if ((b = evbuffer_new()) == NULL)
		fatalx("evbuffer_new failed");
	json_add_string(b, s, len);
	n = evbuffer_get_length(b);
	out = xmalloc(n + 1);
	if (evbuffer_remove(b, out, n) != (int)n)
		fatalx("evbuffer_remove failed");
	out[n] = '\0';
	evbuffer_free(b);
	return (out);
}
