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
 * A small, strict JSON parser for the tests: every --json document huddle
 * prints must parse with it.
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

struct json_value	*json_parse(const char *, size_t, char **);
void			 json_value_free(struct json_value *);
enum json_type		 json_type(const struct json_value *);
struct json_value	*json_get(const struct json_value *, const char *);
struct json_value	*json_index(const struct json_value *, size_t);
size_t			 json_length(const struct json_value *);
const char		*json_string(const struct json_value *);
double			 json_number(const struct json_value *);
int			 json_bool(const struct json_value *);
int			 json_parse_lines(const char *, size_t,
			     int (*)(struct json_value *, void *), void *,
			     char **);

#endif
