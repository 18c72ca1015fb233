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
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "huddle.h"

/*
 * Formats: #{name} is replaced by a value; #{?cond,then,else},
 * #{==:a,b}, #{!=:a,b}, #{=N:name} (truncate to N characters, from the end
 * if N is negative) and #{t:name} (a time) are understood; ## is #. Formats
 * never run anything: #( is copied as it is.
 */

#define FORMAT_MAX_DEPTH 32
#define FORMAT_MAX_OUT (64 * 1024)

struct format_entry {
	char	*key;
	char	*value;
};

struct format_tree {
	struct format_entry	*list;
	u_int			 n;
};

/* Output being built. */
struct format_out {
	char	*buf;
	size_t	 len;
	size_t	 size;
};

static void	format_expand1(struct format_tree *, const char *, size_t,
		    struct format_out *, int);

/* Create an empty tree. */
struct format_tree *
format_create(void)
{
	return (xcalloc(1, sizeof(struct format_tree)));
}

/* Free a tree. */
void
format_free(struct format_tree *ft)
{
	u_int	i;

	for (i = 0; i < ft->n; i++) {
		free(ft->list[i].key);
		free(ft->list[i].value);
	}
	free(ft->list);
	free(ft);
}

/* Add (or replace) a value. */
void
format_add(struct format_tree *ft, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	*value;
	u_int	 i;

	va_start(ap, fmt);
	xvasprintf(&value, fmt, ap);
	va_end(ap);
	for (i = 0; i < ft->n; i++) {
		if (strcmp(ft->list[i].key, key) == 0) {
			free(ft->list[i].value);
			ft->list[i].value = value;
			return;
		}
	}
	ft->list = xreallocarray(ft->list, ft->n + 1, sizeof *ft->list);
	ft->list[ft->n].key = xstrdup(key);
	ft->list[ft->n].value = value;
	ft->n++;
}

/* Find a value, or NULL. */
const char *
format_find(struct format_tree *ft, const char *key)
{
	u_int	i;

	for (i = 0; i < ft->n; i++) {
		if (strcmp(ft->list[i].key, key) == 0)
			return (ft->list[i].value);
	}
	return (NULL);
}

/* Append bytes, up to the output limit. */
static void
format_put(struct format_out *o, const char *s, size_t len)
{
	if (o->len + len > FORMAT_MAX_OUT)
		len = FORMAT_MAX_OUT - o->len;
	if (len == 0)
		return;
	if (o->len + len + 1 > o->size) {
		o->size = o->len + len + 256;
		o->buf = xrealloc(o->buf, o->size);
	}
	memcpy(o->buf + o->len, s, len);
	o->len += len;
	o->buf[o->len] = '\0';
}

/* Find the } closing a #{ at s (s points after the {); NULL if none. */
static const char *
format_close(const char *s, const char *end)
{
	int	depth = 1;

	for (; s < end; s++) {
		if (*s == '#' && s + 1 < end) {
			if (s[1] == '{')
				depth++;
			s++;
			continue;
		}
		if (*s == '}' && --depth == 0)
			return (s);
	}
	return (NULL);
}

/* Split at the first top-level comma; NULL if there is none. */
static const char *
format_comma(const char *s, const char *end)
{
	int	depth = 0;

	for (; s < end; s++) {
		if (*s == '#' && s + 1 < end) {
			if (s[1] == '{')
				depth++;
			s++;
			continue;
		}
		if (*s == '}' && depth > 0)
			depth--;
		else if (*s == ',' && depth == 0)
			return (s);
	}
	return (NULL);
}

/* Expand a piece into a new string. */
static char *
format_sub(struct format_tree *ft, const char *s, size_t len, int depth)
{
	struct format_out	o;

	o.buf = xstrdup("");
	o.len = 0;
	o.size = 1;
	format_expand1(ft, s, len, &o, depth + 1);
	return (o.buf);
}

/* Whether a value counts as true. */
static int
format_true(const char *v)
{
	return (v != NULL && *v != '\0' && strcmp(v, "0") != 0);
}

/* Keep the first (n > 0) or last (n < 0) |n| UTF-8 characters. */
static void
format_truncate(struct format_out *o, const char *v, long n)
{
	const char	*p, *start = v;
	long		 count = 0, total = 0, want;

	for (p = v; *p != '\0'; p++) {
		if (((u_char)*p & 0xc0) != 0x80)
			total++;
	}
	want = n < 0 ? -n : n;
	if (want >= total) {
		format_put(o, v, strlen(v));
		return;
	}
	if (n > 0) {
		for (p = v; *p != '\0'; p++) {
			if (((u_char)*p & 0xc0) != 0x80 && count++ == want)
				break;
		}
		format_put(o, v, p - v);
		return;
	}
	for (p = v; *p != '\0'; p++) {
		if (((u_char)*p & 0xc0) != 0x80 && count++ == total - want) {
			start = p;
			break;
		}
	}
	format_put(o, start, strlen(start));
}

/* A time value as text. */
static void
format_time(struct format_out *o, const char *v)
{
	struct tm	 tm;
	time_t		 t;
	char		 buf[64];

	if (v == NULL)
		return;
	t = (time_t)strtoll(v, NULL, 10);
	if (localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
	format_put(o, buf, strlen(buf));
}

/* Expand the inside of #{...}. */
static void
format_replace(struct format_tree *ft, const char *s, size_t len,
    struct format_out *o, int depth)
{
	const char	*end = s + len, *comma, *comma2, *colon;
	char		*a, *b, *key, *cond;
	long		 n;

	if (len > 0 && *s == '?') {
		comma = format_comma(s + 1, end);
		if (comma == NULL)
			return;
		comma2 = format_comma(comma + 1, end);
		cond = format_sub(ft, s + 1, comma - s - 1, depth);
		if (strchr(cond, '#') == NULL && s[1] != '#') {
			key = cond;
			cond = xstrdup(format_true(format_find(ft, key)) ?
			    "1" : "0");
			free(key);
		}
		if (format_true(cond))
			format_expand1(ft, comma + 1, (comma2 != NULL ? comma2 :
			    end) - comma - 1, o, depth + 1);
		else if (comma2 != NULL)
			format_expand1(ft, comma2 + 1, end - comma2 - 1, o,
			    depth + 1);
		free(cond);
		return;
	}
	if (len > 3 && (strncmp(s, "==:", 3) == 0 || strncmp(s, "!=:", 3) == 0)) {
		comma = format_comma(s + 3, end);
		if (comma == NULL)
			return;
		a = format_sub(ft, s + 3, comma - s - 3, depth);
		b = format_sub(ft, comma + 1, end - comma - 1, depth);
		n = (strcmp(a, b) == 0) == (*s == '=');
		format_put(o, n ? "1" : "0", 1);
		free(a);
		free(b);
		return;
	}
	key = xstrndup(s, len);
	if (*key == '=' && (colon = strchr(key, ':')) != NULL) {
		n = strtol(key + 1, NULL, 10);
		format_truncate(o, format_find(ft, colon + 1) != NULL ?
		    format_find(ft, colon + 1) : "", n);
	} else if (strncmp(key, "t:", 2) == 0)
		format_time(o, format_find(ft, key + 2));
	else if (format_find(ft, key) != NULL)
		format_put(o, format_find(ft, key), strlen(format_find(ft, key)));
	free(key);
}

/* Expand len bytes of s into o. */
static void
format_expand1(struct format_tree *ft, const char *s, size_t len,
    struct format_out *o, int depth)
{
	const char	*end = s + len, *close;

	if (depth > FORMAT_MAX_DEPTH)
		return;
	while (s < end) {
		if (*s != '#' || s + 1 >= end) {
			format_put(o, s++, 1);
			continue;
		}
		switch (s[1]) {
		case '#':
		case ',':
		case '}':
			format_put(o, s + 1, 1);
			s += 2;
			continue;
		case '{':
			close = format_close(s + 2, end);
			if (close == NULL) {
				format_put(o, s, end - s);
				return;
			}
			format_replace(ft, s + 2, close - s - 2, o, depth);
			s = close + 1;
			continue;
		}
		format_put(o, s++, 1);
	}
}

/* Expand a format; the result is a new string. */
char *
format_expand(struct format_tree *ft, const char *fmt)
{
	struct format_out	o;

	o.buf = xstrdup("");
	o.len = 0;
	o.size = 1;
	format_expand1(ft, fmt, strlen(fmt), &o, 0);
	return (o.buf);
}
