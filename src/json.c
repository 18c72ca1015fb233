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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "huddle.h"

/*
 * JSON output: strings are escaped and always valid UTF-8 (each invalid
 * byte becomes U+FFFD), so every --json document parses.
 */

/* Length of a valid UTF-8 sequence at p (at most left bytes), or 0. */
static size_t
json_utf8_len(const u_char *p, size_t left)
{
	uint32_t	ch;
	size_t		n, i;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (left < n)
		return (0);
	ch = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		ch = ch << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && ch < 0x800) || (n == 4 && ch < 0x10000) ||
	    ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff))
		return (0);
	return (n);
}

/* Append a quoted, escaped JSON string. */
void
json_add_string(struct evbuffer *b, const char *s, size_t len)
{
	const u_char	*p = (const u_char *)s, *end = p + len;
	size_t		 n;

	evbuffer_add(b, "\"", 1);
	while (p < end) {
		switch (*p) {
		case '"':
			evbuffer_add(b, "\\\"", 2);
			p++;
			continue;
		case '\\':
			evbuffer_add(b, "\\\\", 2);
			p++;
			continue;
		case '\n':
			evbuffer_add(b, "\\n", 2);
			p++;
			continue;
		case '\r':
			evbuffer_add(b, "\\r", 2);
			p++;
			continue;
		case '\t':
			evbuffer_add(b, "\\t", 2);
			p++;
			continue;
		}
		if (*p < 0x20 || *p == 0x7f) {
			evbuffer_add_printf(b, "\\u%04x", *p);
			p++;
			continue;
		}
		if ((n = json_utf8_len(p, end - p)) == 0) {
			evbuffer_add(b, "\\ufffd", 6);
			p++;
			continue;
		}
		evbuffer_add(b, p, n);
		p += n;
	}
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

/* Append "key":"value" (or null). */
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

/* Append "key":true or false. */
void
json_add_key_bool(struct evbuffer *b, int first, const char *key, int value)
{
	json_add_key(b, first, key);
	if (value)
		evbuffer_add(b, "true", 4);
	else
		evbuffer_add(b, "false", 5);
}

/* A quoted, escaped JSON string as a new C string. */
char *
json_escape(const char *s, size_t len)
{
	struct evbuffer	*b = evbuffer_new();
	char		*out;
	size_t		 n;

	json_add_string(b, s, len);
	n = evbuffer_get_length(b);
	out = xmalloc(n + 1);
	evbuffer_remove(b, out, n);
	out[n] = '\0';
	evbuffer_free(b);
	return (out);
}
