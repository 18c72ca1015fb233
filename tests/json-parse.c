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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json-parse.h"

/* A strict JSON parser for the tests; see json-parse.h. */

#define JSON_MAX_DEPTH 64

struct json_value {
	enum json_type		  type;
	int			  boolean;
	double			  number;
	char			 *str;		/* decoded UTF-8, NUL-terminated */
	size_t			  len;
	struct json_value	**items;	/* array items or object values */
	char			**keys;		/* object keys */
	size_t			 *keylens;
	size_t			  count;
	size_t			  size;
};

struct json_parser {
	const u_char	*start;
	const u_char	*p;
	const u_char	*end;
	char		 cause[128];
	int		  failed;
};

static struct json_value *json_parse_value(struct json_parser *, int);

/* Allocate or die: these are tests. */
static void *
json_alloc(void *ptr, size_t n, size_t size)
{
	if (n == 0 || size == 0)
		n = size = 1;
	if (size > (size_t)-1 / n) {
		fprintf(stderr, "json-parse: allocation overflow\n");
		abort();
	}
	if ((ptr = realloc(ptr, n * size)) == NULL) {
		fprintf(stderr, "json-parse: out of memory\n");
		abort();
	}
	return (ptr);
}

/* Copy a string or die. */
static char *
json_strdup(const char *s)
{
	size_t	n = strlen(s) + 1;

	return (memcpy(json_alloc(NULL, n, 1), s, n));
}

/* Record the first error with its offset; always returns -1. */
static int
json_fail(struct json_parser *jp, const char *fmt, ...)
{
	va_list	ap;
	char	msg[96];

	if (jp->failed)
		return (-1);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(jp->cause, sizeof jp->cause, "offset %zu: %s",
	    (size_t)(jp->p - jp->start), msg);
	jp->failed = 1;
	return (-1);
}

/* Skip the four JSON whitespace characters. */
static void
json_skip(struct json_parser *jp)
{
	while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' ||
	    *jp->p == '\n' || *jp->p == '\r'))
		jp->p++;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t
json_utf8_len(const u_char *p, size_t left)
{
	u_char	lo = 0x80, hi = 0xbf;
	size_t	n, i;

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
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (left < n || p[1] < lo || p[1] > hi)
		return (0);
	for (i = 2; i < n; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return (0);
	}
	return (n);
}

/* Encode a code point as UTF-8; returns the length. */
static size_t
json_utf8_put(u_char *o, unsigned long ch)
{
	if (ch < 0x80) {
		o[0] = ch;
		return (1);
	}
	if (ch < 0x800) {
		o[0] = 0xc0 | (ch >> 6);
		o[1] = 0x80 | (ch & 0x3f);
		return (2);
	}
	if (ch < 0x10000) {
		o[0] = 0xe0 | (ch >> 12);
		o[1] = 0x80 | ((ch >> 6) & 0x3f);
		o[2] = 0x80 | (ch & 0x3f);
		return (3);
	}
	o[0] = 0xf0 | (ch >> 18);
	o[1] = 0x80 | ((ch >> 12) & 0x3f);
	o[2] = 0x80 | ((ch >> 6) & 0x3f);
	o[3] = 0x80 | (ch & 0x3f);
	return (4);
}

/* Read \uXXXX (the p points at the backslash). */
static int
json_hex4(struct json_parser *jp, unsigned long *v)
{
	int	i, c;

	if (jp->end - jp->p < 6 || jp->p[0] != '\\' || jp->p[1] != 'u')
		return (json_fail(jp, "expected \\u escape"));
	*v = 0;
	for (i = 2; i < 6; i++) {
		c = jp->p[i];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return (json_fail(jp, "bad hex digit in \\u escape"));
	}
	jp->p += 6;
	return (0);
}

/* Decode a \u escape, joining a surrogate pair; p points at the backslash. */
static int
json_unicode(struct json_parser *jp, unsigned long *ch)
{
	unsigned long	lo;

	if (json_hex4(jp, ch) != 0)
		return (-1);
	if (*ch >= 0xdc00 && *ch <= 0xdfff)
		return (json_fail(jp, "lone low surrogate"));
	if (*ch < 0xd800 || *ch > 0xdbff)
		return (0);
	if (json_hex4(jp, &lo) != 0)
		return (json_fail(jp, "lone high surrogate"));
	if (lo < 0xdc00 || lo > 0xdfff)
		return (json_fail(jp, "high surrogate without low"));
	*ch = 0x10000 + ((*ch - 0xd800) << 10) + (lo - 0xdc00);
	return (0);
}

/* Decode one escape after a backslash into o; returns bytes or -1. */
static int
json_escape_one(struct json_parser *jp, u_char *o)
{
	unsigned long	 ch;
	const char	*from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t", *cp;

	if (jp->p + 1 >= jp->end)
		return (json_fail(jp, "unterminated escape"));
	if (jp->p[1] == 'u') {
		if (json_unicode(jp, &ch) != 0)
			return (-1);
		return ((int)json_utf8_put(o, ch));
	}
	if (jp->p[1] == '\0' || (cp = strchr(from, jp->p[1])) == NULL)
		return (json_fail(jp, "bad escape"));
	*o = to[cp - from];
	jp->p += 2;
	return (1);
}

/* Parse a string; p points at the opening quote. */
static int
json_parse_string(struct json_parser *jp, char **out, size_t *outlen)
{
	const u_char	*q;
	u_char		*o;
	size_t		 len = 0, n;
	int		 r;

	/* Decoding never grows a string, so its raw span bounds it. */
	for (q = jp->p + 1; q < jp->end && *q != '"'; q++) {
		if (*q == '\\')
			q++;
	}
	if (q >= jp->end)
		return (json_fail(jp, "unterminated string"));
	o = json_alloc(NULL, q - jp->p, 1);
	jp->p++;
	while (*jp->p != '"') {
		if (*jp->p < 0x20) {
			free(o);
			return (json_fail(jp, "control character 0x%02x in "
			    "string", *jp->p));
		}
		if (*jp->p == '\\') {
			if ((r = json_escape_one(jp, o + len)) < 0) {
				free(o);
				return (-1);
			}
			len += r;
			continue;
		}
		if ((n = json_utf8_len(jp->p, jp->end - jp->p)) == 0) {
			free(o);
			return (json_fail(jp, "invalid UTF-8"));
		}
		memcpy(o + len, jp->p, n);
		len += n;
		jp->p += n;
	}
	jp->p++;
	o[len] = '\0';
	*out = (char *)o;
	*outlen = len;
	return (0);
}

/* Is p at a digit? */
static int
json_digit(struct json_parser *jp)
{
	return (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9');
}

/* Parse a number, by the grammar, not by strtod's looser one. */
static int
json_parse_number(struct json_parser *jp, double *number)
{
	const u_char	*start = jp->p;
	char		 buf[512];

	if (jp->p < jp->end && *jp->p == '-')
		jp->p++;
	if (!json_digit(jp))
		return (json_fail(jp, "unexpected character"));
	if (*jp->p++ == '0') {
		if (json_digit(jp))
			return (json_fail(jp, "leading zero"));
	} else {
		while (json_digit(jp))
			jp->p++;
	}
	if (jp->p < jp->end && *jp->p == '.') {
		jp->p++;
		if (!json_digit(jp))
			return (json_fail(jp, "no digits after ."));
		while (json_digit(jp))
			jp->p++;
	}
	if (jp->p < jp->end && (*jp->p == 'e' || *jp->p == 'E')) {
		jp->p++;
		if (jp->p < jp->end && (*jp->p == '+' || *jp->p == '-'))
			jp->p++;
		if (!json_digit(jp))
			return (json_fail(jp, "no digits in exponent"));
		while (json_digit(jp))
			jp->p++;
	}
	if ((size_t)(jp->p - start) >= sizeof buf)
		return (json_fail(jp, "number too long"));
	memcpy(buf, start, jp->p - start);
	buf[jp->p - start] = '\0';
	*number = strtod(buf, NULL);
	return (0);
}

/* Add an item, and for an object its key, to a container. */
static int
json_append(struct json_parser *jp, struct json_value *v, char *key,
    size_t keylen, struct json_value *item)
{
	size_t	i;

	for (i = 0; key != NULL && i < v->count; i++) {
		if (v->keylens[i] == keylen &&
		    memcmp(v->keys[i], key, keylen) == 0)
			return (json_fail(jp, "duplicate key \"%.40s\"", key));
	}
	if (v->count == v->size) {
		v->size = v->size == 0 ? 8 : v->size * 2;
		v->items = json_alloc(v->items, v->size, sizeof *v->items);
		v->keys = json_alloc(v->keys, v->size, sizeof *v->keys);
		v->keylens = json_alloc(v->keylens, v->size,
		    sizeof *v->keylens);
	}
	v->items[v->count] = item;
	v->keys[v->count] = key;
	v->keylens[v->count] = keylen;
	v->count++;
	return (0);
}

/* Parse one "key": value member of an object and add it. */
static int
json_parse_member(struct json_parser *jp, struct json_value *v, int depth)
{
	struct json_value	*item;
	char			*key;
	size_t			 keylen;

	json_skip(jp);
	if (jp->p >= jp->end || *jp->p != '"')
		return (json_fail(jp, "expected a key"));
	if (json_parse_string(jp, &key, &keylen) != 0)
		return (-1);
	json_skip(jp);
	if (jp->p >= jp->end || *jp->p != ':') {
		free(key);
		return (json_fail(jp, "expected ':'"));
	}
	jp->p++;
	if ((item = json_parse_value(jp, depth)) == NULL) {
		free(key);
		return (-1);
	}
	if (json_append(jp, v, key, keylen, item) != 0) {
		free(key);
		json_value_free(item);
		return (-1);
	}
	return (0);
}

/* Parse an array or object; p points at the opening bracket. */
static int
json_parse_container(struct json_parser *jp, struct json_value *v, int depth)
{
	struct json_value	*item;
	u_char			 close = v->type == JSON_ARRAY ? ']' : '}';

	if (depth > JSON_MAX_DEPTH)
		return (json_fail(jp, "nested deeper than %d", JSON_MAX_DEPTH));
	jp->p++;
	json_skip(jp);
	if (jp->p < jp->end && *jp->p == close) {
		jp->p++;
		return (0);
	}
	for (;;) {
		if (v->type == JSON_OBJECT) {
			if (json_parse_member(jp, v, depth) != 0)
				return (-1);
		} else {
			if ((item = json_parse_value(jp, depth)) == NULL)
				return (-1);
			json_append(jp, v, NULL, 0, item);
		}
		json_skip(jp);
		if (jp->p < jp->end && *jp->p == close) {
			jp->p++;
			return (0);
		}
		if (jp->p >= jp->end || *jp->p != ',')
			return (json_fail(jp, "expected ',' or '%c'", close));
		jp->p++;
	}
}

/* Match a literal word: true, false or null. */
static int
json_word(struct json_parser *jp, const char *word)
{
	size_t	len = strlen(word);

	if ((size_t)(jp->end - jp->p) < len || memcmp(jp->p, word, len) != 0)
		return (json_fail(jp, "unexpected character"));
	jp->p += len;
	return (0);
}

/* Parse any value at the given depth. */
static struct json_value *
json_parse_value(struct json_parser *jp, int depth)
{
	struct json_value	*v;
	int			 r;

	json_skip(jp);
	if (jp->p >= jp->end) {
		json_fail(jp, "unexpected end of input");
		return (NULL);
	}
	v = json_alloc(NULL, 1, sizeof *v);
	memset(v, 0, sizeof *v);
	switch (*jp->p) {
	case '{':
	case '[':
		v->type = *jp->p == '{' ? JSON_OBJECT : JSON_ARRAY;
		r = json_parse_container(jp, v, depth + 1);
		break;
	case '"':
		v->type = JSON_STRING;
		r = json_parse_string(jp, &v->str, &v->len);
		break;
	case 't':
	case 'f':
		v->type = JSON_BOOL;
		v->boolean = (*jp->p == 't');
		r = json_word(jp, v->boolean ? "true" : "false");
		break;
	case 'n':
		v->type = JSON_NULL;
		r = json_word(jp, "null");
		break;
	default:
		v->type = JSON_NUMBER;
		r = json_parse_number(jp, &v->number);
		break;
	}
	if (r != 0) {
		json_value_free(v);
		return (NULL);
	}
	return (v);
}

/* Parse one whole document; NULL with a cause on any error. */
struct json_value *
json_parse(const char *text, size_t len, char **cause)
{
	struct json_parser	 jp;
	struct json_value	*v;

	memset(&jp, 0, sizeof jp);
	jp.start = jp.p = (const u_char *)text;
	jp.end = jp.p + len;
	if ((v = json_parse_value(&jp, 0)) != NULL) {
		json_skip(&jp);
		if (jp.p != jp.end) {
			json_fail(&jp, "trailing characters");
			json_value_free(v);
			v = NULL;
		}
	}
	if (v == NULL && cause != NULL)
		*cause = json_strdup(jp.cause);
	return (v);
}

/* Free a value and everything in it. */
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
	free(v->keylens);
	free(v->str);
	free(v);
}

/* The type of a value; JSON_NULL for NULL. */
enum json_type
json_type(const struct json_value *v)
{
	return (v == NULL ? JSON_NULL : v->type);
}

/* An object's member by key, or NULL. */
struct json_value *
json_get(const struct json_value *v, const char *key)
{
	size_t	i, len = strlen(key);

	if (v == NULL || v->type != JSON_OBJECT)
		return (NULL);
	for (i = 0; i < v->count; i++) {
		if (v->keylens[i] == len && memcmp(v->keys[i], key, len) == 0)
			return (v->items[i]);
	}
	return (NULL);
}

/* An array's item by index, or NULL. */
struct json_value *
json_index(const struct json_value *v, size_t i)
{
	if (v == NULL || v->type != JSON_ARRAY || i >= v->count)
		return (NULL);
	return (v->items[i]);
}

/* The number of items or members; 0 for anything else. */
size_t
json_length(const struct json_value *v)
{
	if (v == NULL || (v->type != JSON_ARRAY && v->type != JSON_OBJECT))
		return (0);
	return (v->count);
}

/* A string's decoded UTF-8 (which may hold \u0000), or NULL. */
const char *
json_string(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_STRING ? v->str : NULL);
}

/* A string's length in bytes; 0 for anything else. */
size_t
json_string_length(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_STRING ? v->len : 0);
}

/* A number's value; 0 for anything else. */
double
json_number(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_NUMBER ? v->number : 0);
}

/* A boolean's value; 0 for anything else. */
int
json_bool(const struct json_value *v)
{
	return (v != NULL && v->type == JSON_BOOL ? v->boolean : 0);
}

/* Parse JSON lines, one document per line, calling cb with each. */
int
json_parse_lines(const char *text, size_t len,
    int (*cb)(struct json_value *, void *), void *arg, char **cause)
{
	const char		*p = text, *end = text + len, *nl;
	struct json_value	*v;
	char			*why, msg[192];
	size_t			 n, line = 1;
	int			 r;

	for (; p < end; p += n + 1, line++) {
		nl = memchr(p, '\n', end - p);
		n = (nl != NULL ? nl : end) - p;
		if ((v = json_parse(p, n, &why)) == NULL) {
			snprintf(msg, sizeof msg, "line %zu: %s", line, why);
			free(why);
			goto fail;
		}
		r = (cb != NULL) ? cb(v, arg) : 0;
		json_value_free(v);
		if (r != 0) {
			snprintf(msg, sizeof msg, "line %zu: refused by "
			    "callback", line);
			goto fail;
		}
	}
	return (0);

fail:
	if (cause != NULL)
		*cause = json_strdup(msg);
	return (-1);
}
