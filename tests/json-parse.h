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


#ifndef JSON_PARSE_H
#define JSON_PARSE_H

#include <stddef.h>

/*
 * A small, strict JSON parser (RFC 8259) for the tests only: every --json
 * document huddle prints must parse with it. It refuses what a lenient
 * parser lets through: trailing garbage or commas, leading zeros, bad or
 * lone-surrogate escapes, invalid UTF-8, raw control characters in strings,
 * duplicate object keys, and nesting deeper than 64.
 *
 * Accessors are safe on NULL and on the wrong type: json_get() and
 * json_index() give NULL, json_string() NULL, json_number() 0, json_bool()
 * 0, json_length() 0, json_type() JSON_NULL.
 */

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

struct json_value;

/* Parse one document; NULL with an allocated *cause on any error. */
struct json_value	*json_parse(const char *, size_t, char **);
void			 json_value_free(struct json_value *);

enum json_type		 json_type(const struct json_value *);
struct json_value	*json_get(const struct json_value *, const char *);
struct json_value	*json_index(const struct json_value *, size_t);
size_t			 json_length(const struct json_value *);
const char		*json_string(const struct json_value *);
size_t			 json_string_length(const struct json_value *);
double			 json_number(const struct json_value *);
int			 json_bool(const struct json_value *);

/*
 * Parse JSON lines: one document on each line, each line must parse (an
 * empty line is an error; a final newline is optional). cb, if not NULL, is
 * called with each document, which is freed when it returns; a non-zero
 * return stops. Returns 0, or -1 with an allocated *cause.
 */
int			 json_parse_lines(const char *, size_t,
			     int (*)(struct json_value *, void *), void *,
			     char **);

#endif
