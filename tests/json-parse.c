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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json-parse.h"

/* A strict JSON parser for tests (RFC 8259), with a depth limit. */

#define JSON_MAX_DEPTH 64

struct json_value {
	enum json_type		 type;
	int			 b;
	double			 n;
	char			*s;		/* string (decoded UTF-8) */
	char			**keys;		/* object keys */
	struct json_value	**items;	/* array items or object values */
	size_t			 count;
};

struct json_parser {
	const char	*p;
	const char	*end;
	char		*error;
};

static struct json_value *json_parse_value(struct json_parser *, int);

/* Record the first error. */
static void
json_fail(struct json_parser *jp, const char *what)
{
	if (jp->error == NULL && asprintf(&jp->error, "%s at offset %ld",
	    what, (long)(jp->end - jp->p)) == -1)
		jp->error = NULL;
}

/* Skip whitespace. */
static void
json_skip(struct json_parser *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' ||
	    *jp->p == '\n' || *jp->p == '\r'))
		jp->p++;
}

/* Append a code point as UTF-8. */
static void
json_put_utf8(char *out, size_t *len, unsigned long ch)
{
	unsigned char	*o = (unsigned char *)out + *len;

	if (ch < 0x80) {
		o[0] = ch;
		*len += 1;
	} else if (ch < 0x800) {
		o[0] = 0xc0 | (ch >> 6);
		o[1] = 0x80 | (ch & 0x3f);
		*len += 2;
	} else if (ch < 0x10000) {
		o[0] = 0xe0 | (ch >> 12);
		o[1] = 0x80 | ((ch >> 6) & 0x3f);
		o[2] = 0x80 | (ch & 0x3f);
		*len += 3;
	} else {
		o[0] = 0xf0 | (ch >> 18);
		o[1] = 0x80 | ((ch >> 12) & 0x3f);
		o[2] = 0x80 | ((ch >> 6) & 0x3f);
		o[3] = 0x80 | (ch & 0x3f);
		*len += 4;
	}
}

/* Four hex digits. */
static int
json_hex4(struct json_parser *jp, unsigned long *v)
{
	int	i;
	char	c;

	*v = 0;
	if (jp->end - jp->p < 4)
		return (-1);
	for (i = 0; i < 4; i++) {
		c = *jp->p++;
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return (-1);
	}
	return (0);
}

/* Length of a valid UTF-8 sequence, or 0. */
static size_t
json_utf8_valid(const unsigned char *p, size_t left)
{
	unsigned long	ch;
	size_t		n, i;

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

/* A string (after the opening quote). */
static char *
json_parse_string(struct json_parser *jp)
{
	char		*out;
	size_t		 len = 0, n;
	unsigned long	 ch, lo;
	unsigned char	 c;

	out = malloc((jp->end - jp->p) * 2 + 1);
	while (jp->p < jp->end && *jp->p != '"') {
		c = *jp->p;
		if (c < 0x20) {
			json_fail(jp, "control character in string");
			goto bad;
		}
		if (c >= 0x80) {
			n = json_utf8_valid((const unsigned char *)jp->p,
			    jp->end - jp->p);
			if (n == 0) {
				json_fail(jp, "invalid UTF-8");
				goto bad;
			}
			memcpy(out + len, jp->p, n);
			len += n;
			jp->p += n;
			continue;
		}
		jp->p++;
		if (c != '\\') {
			out[len++] = c;
			continue;
		}
		if (jp->p >= jp->end)
			goto bad;
		c = *jp->p++;
		switch (c) {
		case '"': case '\\': case '/':
			out[len++] = c;
			break;
		case 'b': out[len++] = '\b'; break;
		case 'f': out[len++] = '\f'; break;
		case 'n': out[len++] = '\n'; break;
		case 'r': out[len++] = '\r'; break;
		case 't': out[len++] = '\t'; break;
		case 'u':
			if (json_hex4(jp, &ch) != 0)
				goto badesc;
			if (ch >= 0xd800 && ch <= 0xdbff) {
				if (jp->end - jp->p < 6 || jp->p[0] != '\\' ||
				    jp->p[1] != 'u')
					goto badesc;
				jp->p += 2;
				if (json_hex4(jp, &lo) != 0 || lo < 0xdc00 ||
				    lo > 0xdfff)
					goto badesc;
				ch = 0x10000 + ((ch - 0xd800) << 10) +
				    (lo - 0xdc00);
			} else if (ch >= 0xdc00 && ch <= 0xdfff)
				goto badesc;
			json_put_utf8(out, &len, ch);
			break;
		default:
			goto badesc;
		}
	}
	if (jp->p >= jp->end) {
		json_fail(jp, "unterminated string");
		goto bad;
	}
	jp->p++;
	out[len] = '\0';
	return (out);
badesc:
	json_fail(jp, "bad escape");
bad:
	free(out);
	return (NULL);
}

/* A number, strictly. */
static int
json_parse_number(struct json_parser *jp, double *n)
{
	const char	*start = jp->p;
	char		*copy;

	if (jp->p < jp->end && *jp->p == '-')
		jp->p++;
	if (jp->p >= jp->end)
		return (-1);
	if (*jp->p == '0')
		jp->p++;
	else if (*jp->p >= '1' && *jp->p <= '9') {
		while (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9')
			jp->p++;
	} else
		return (-1);
	if (jp->p < jp->end && *jp->p == '.') {
		jp->p++;
		if (jp->p >= jp->end || *jp->p < '0' || *jp->p > '9')
			return (-1);
		while (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9')
			jp->p++;
	}
	if (jp->p < jp->end && (*jp->p == 'e' || *jp->p == 'E')) {
		jp->p++;
		if (jp->p < jp->end && (*jp->p == '+' || *jp->p == '-'))
			jp->p++;
		if (jp->p >= jp->end || *jp->p < '0' || *jp->p > '9')
			return (-1);
		while (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9')
			jp->p++;
	}
	copy = strndup(start, jp->p - start);
	*n = strtod(copy, NULL);
	free(copy);
	return (0);
}

/* Add an item (and key) to an array or object. */
static void
json_append(struct json_value *v, char *key, struct json_value *item)
{
	v->items = realloc(v->items, (v->count + 1) * sizeof *v->items);
	v->keys = realloc(v->keys, (v->count + 1) * sizeof *v->keys);
	v->items[v->count] = item;
	v->keys[v->count] = key;
	v->count++;
}

/* An array or object (after the opening bracket). */
static int
json_parse_container(struct json_parser *jp, struct json_value *v, int depth)
{
	struct json_value	*item;
	char			*key = NULL;
	char			 close = v->type == JSON_ARRAY ? ']' : '}';

	json_skip(jp);
	if (jp->p < jp->end && *jp->p == close) {
		jp->p++;
		return (0);
	}
	for (;;) {
		json_skip(jp);
		if (v->type == JSON_OBJECT) {
			if (jp->p >= jp->end || *jp->p != '"') {
				json_fail(jp, "expected a key");
				return (-1);
			}
			jp->p++;
			if ((key = json_parse_string(jp)) == NULL)
				return (-1);
			json_skip(jp);
			if (jp->p >= jp->end || *jp->p != ':') {
				free(key);
				json_fail(jp, "expected :");
				return (-1);
			}
			jp->p++;
		}
		if ((item = json_parse_value(jp, depth + 1)) == NULL) {
			free(key);
			return (-1);
		}
		json_append(v, key, item);
		key = NULL;
		json_skip(jp);
		if (jp->p < jp->end && *jp->p == ',') {
			jp->p++;
			continue;
		}
		if (jp->p < jp->end && *jp->p == close) {
			jp->p++;
			return (0);
		}
		json_fail(jp, "expected , or end");
		return (-1);
	}
}

/* Match a literal word. */
static int
json_word(struct json_parser *jp, const char *word)
{
	size_t	len = strlen(word);

	if ((size_t)(jp->end - jp->p) < len || strncmp(jp->p, word, len) != 0)
		return (-1);
	jp->p += len;
	return (0);
}

/* Any value. */
static struct json_value *
json_parse_value(struct json_parser *jp, int depth)
{
	struct json_value	*v;

	if (depth > JSON_MAX_DEPTH) {
		json_fail(jp, "too deep");
		return (NULL);
	}
	json_skip(jp);
	if (jp->p >= jp->end) {
		json_fail(jp, "unexpected end");
		return (NULL);
	}
	v = calloc(1, sizeof *v);
	switch (*jp->p) {
	case '{':
	case '[':
		v->type = *jp->p == '{' ? JSON_OBJECT : JSON_ARRAY;
		jp->p++;
		if (json_parse_container(jp, v, depth) != 0)
			goto bad;
		return (v);
	case '"':
		v->type = JSON_STRING;
		jp->p++;
		if ((v->s = json_parse_string(jp)) == NULL)
			goto bad;
		return (v);
	case 't':
	case 'f':
		v->type = JSON_BOOL;
		v->b = *jp->p == 't';
		if (json_word(jp, v->b ? "true" : "false") != 0)
			goto badword;
		return (v);
	case 'n':
		v->type = JSON_NULL;
		if (json_word(jp, "null") != 0)
			goto badword;
		return (v);
	}
	v->type = JSON_NUMBER;
	if (json_parse_number(jp, &v->n) == 0)
		return (v);
badword:
	json_fail(jp, "unexpected character");
bad:
	json_value_free(v);
	return (NULL);
}

/* Parse one whole document; NULL with a cause on any error. */
struct json_value *
json_parse(const char *text, size_t len, char **cause)
{
	struct json_parser	 jp;
	struct json_value	*v;

	jp.p = text;
	jp.end = text + len;
	jp.error = NULL;
	v = json_parse_value(&jp, 0);
	if (v != NULL) {
		json_skip(&jp);
		if (jp.p != jp.end) {
			json_fail(&jp, "trailing characters");
			json_value_free(v);
			v = NULL;
		}
	}
	if (v == NULL) {
		if (cause != NULL)
			*cause = jp.error != NULL ? jp.error : strdup("error");
		else
			free(jp.error);
	}
	return (v);
}

/* Free a value. */
void
json_value_free(struct json_value *v)
{
	size_t	i;

	if (v == NULL)
		return;
	for (i = 0; i < v->count; i++) {
		json_value_free(v->items[i]);
		free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->s);
	free(v);
}

/* Accessors; each is safe on NULL. */
enum json_type
json_type(const struct json_value *v)
{
	return (v == NULL ? JSON_NULL : v->type);
}

struct json_value *
json_get(const struct json_value *v, const char *key)
{
	size_t	i;

	if (v == NULL || v->type != JSON_OBJECT)
		return (NULL);
	for (i = 0; i < v->count; i++) {
		if (strcmp(v->keys[i], key) == 0)
			return (v->items[i]);
	}
	return (NULL);
}

struct json_value *
json_index(const struct json_value *v, size_t i)
{
	if (v == NULL || v->type != JSON_ARRAY || i >= v->count)
		return (NULL);
	return (v->items[i]);
}

size_t
json_length(const struct json_value *v)
{
	if (v == NULL || (v->type != JSON_ARRAY && v->type != JSON_OBJECT))
		return (0);
	return (v->count);
}

const char *
json_string(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_STRING ? v->s : NULL);
}

double
json_number(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_NUMBER ? v->n : 0);
}

int
json_bool(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_BOOL ? v->b : 0);
}

/* Parse JSON lines: each line one document; cb gets each (and frees it). */
int
json_parse_lines(const char *text, size_t len, int (*cb)(struct json_value *,
    void *), void *arg, char **cause)
{
	const char		*p = text, *nl;
	struct json_value	*v;
	size_t			 n;

	while (p < text + len) {
		nl = memchr(p, '\n', text + len - p);
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(text + len - p);
		if ((v = json_parse(p, n, cause)) == NULL)
			return (-1);
		if (cb != NULL && cb(v, arg) != 0) {
			json_value_free(v);
			return (-1);
		}
		json_value_free(v);
		p += n + 1;
	}
	return (0);
}
