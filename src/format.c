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

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "huddle.h"

/*
 * tmux-style #{} formats. Unlike tmux, nothing here ever runs a command:
 * #(...) is plain text, so a format given by an observer cannot do anything
 * but read the values the server chose to add. Values are copied out and
 * never expanded again, so a session named "#{...}" stays that string.
 *
 * Supported: #{name}; the escapes ## #, #} for # , }; #{?cond,then,else}
 * (and tmux's chained #{?c1,v1,c2,v2,else}); #{==:a,b} and #{!=:a,b};
 * #{=N:...} and #{t:...}. Anything else after # is copied literally, and
 * an unterminated #{ is copied with the rest of the format. Nesting and
 * the length of any expansion are bounded.
 */

#define FORMAT_MAX_DEPTH 32		/* nested #{} */
#define FORMAT_MAX_OUTPUT 65536		/* bytes of any expansion */
#define FORMAT_MAX_PARTS 64		/* branches of one conditional */

struct format_entry {
	char		*key;
	char		*value;
};

struct format_tree {
	struct format_entry *list;	/* sorted by key */
	u_int		 n;
	u_int		 size;
};

/* An expansion in progress, never longer than FORMAT_MAX_OUTPUT. */
struct format_buf {
	char		*buf;
	size_t		 len;
	size_t		 size;
	int		 full;
};

static void	format_expand1(struct format_tree *, const char *, size_t,
		    int, struct format_buf *);
static void	format_replace(struct format_tree *, const char *, size_t,
		    int, struct format_buf *);

/* Create an empty format tree. */
struct format_tree *
format_create(void)
{
	struct format_tree	*ft;

	ft = xcalloc(1, sizeof *ft);
	return (ft);
}

/* Free a format tree and its values. */
void
format_free(struct format_tree *ft)
{
	u_int	i;

	if (ft == NULL)
		return;
	for (i = 0; i < ft->n; i++) {
		free(ft->list[i].key);
		free(ft->list[i].value);
	}
	free(ft->list);
	free(ft);
}

/* Compare a stored key with a key of known length. */
static int
format_cmp(const char *key, const char *s, size_t len)
{
	int	r;

	r = strncmp(key, s, len);
	if (r != 0)
		return (r);
	return (key[len] == '\0' ? 0 : 1);
}

/* Find the index of a key, or where it would be inserted. */
static u_int
format_search(struct format_tree *ft, const char *s, size_t len, int *found)
{
	u_int	lo = 0, hi = ft->n, mid;
	int	r;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = format_cmp(ft->list[mid].key, s, len);
		if (r == 0) {
			*found = 1;
			return (mid);
		}
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* Add a key with a printf-style value, replacing any existing value. */
void
format_add(struct format_tree *ft, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	*value;
	u_int	 idx;
	int	 found;

	va_start(ap, fmt);
	xvasprintf(&value, fmt, ap);
	va_end(ap);

	idx = format_search(ft, key, strlen(key), &found);
	if (found) {
		free(ft->list[idx].value);
		ft->list[idx].value = value;
		return;
	}
	if (ft->n == ft->size) {
		ft->size = ft->size == 0 ? 16 : ft->size * 2;
		ft->list = xreallocarray(ft->list, ft->size,
		    sizeof *ft->list);
	}
	memmove(&ft->list[idx + 1], &ft->list[idx],
	    (ft->n - idx) * sizeof *ft->list);
	ft->list[idx].key = xstrdup(key);
	ft->list[idx].value = value;
	ft->n++;
}

/* Look up a key of known length; NULL if absent. */
static const char *
format_find_len(struct format_tree *ft, const char *s, size_t len)
{
	u_int	idx;
	int	found;

	if (ft == NULL)
		return (NULL);
	idx = format_search(ft, s, len, &found);
	return (found ? ft->list[idx].value : NULL);
}

/* Look up a key; NULL if absent. */
const char *
format_find(struct format_tree *ft, const char *key)
{
	return (format_find_len(ft, key, strlen(key)));
}

/* Append to an expansion, dropping whatever passes the size limit. */
static void
format_buf_add(struct format_buf *fb, const char *s, size_t len)
{
	size_t	want;

	if (len > FORMAT_MAX_OUTPUT - fb->len) {
		len = FORMAT_MAX_OUTPUT - fb->len;
		fb->full = 1;
	}
	if (len == 0)
		return;
	want = fb->len + len + 1;
	if (want > fb->size) {
		if (fb->size == 0)
			fb->size = 64;
		while (fb->size < want)
			fb->size *= 2;
		fb->buf = xrealloc(fb->buf, fb->size);
	}
	memcpy(fb->buf + fb->len, s, len);
	fb->len += len;
	fb->buf[fb->len] = '\0';
}

/* Length of the valid UTF-8 character at s, or 1 for an invalid byte. */
static size_t
format_utf8_len(const u_char *s, size_t left)
{
	u_char	lo = 0x80, hi = 0xbf;
	size_t	n, i;

	if (s[0] < 0xc2 || s[0] > 0xf4)
		return (1);
	if (s[0] < 0xe0)
		n = 2;
	else if (s[0] < 0xf0)
		n = 3;
	else
		n = 4;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (left < n || s[1] < lo || s[1] > hi)
		return (1);
	for (i = 2; i < n; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return (1);
	}
	return (n);
}

/* Drop an incomplete UTF-8 character left at the end by truncation. */
static void
format_buf_trim(struct format_buf *fb)
{
	const u_char	*s = (const u_char *)fb->buf;
	size_t		 i, n;

	for (i = fb->len; i > 0 && fb->len - i < 3; i--) {
		if ((s[i - 1] & 0xc0) == 0x80)
			continue;
		if (s[i - 1] >= 0xc2 && s[i - 1] <= 0xf4) {
			n = format_utf8_len(s + i - 1, fb->len - (i - 1));
			if (n == 1)
				fb->len = i - 1;
		}
		break;
	}
	if (fb->buf != NULL)
		fb->buf[fb->len] = '\0';
}

/* Is a value true: set, not empty and not "0". */
static int
format_true(const char *s)
{
	return (s != NULL && *s != '\0' && strcmp(s, "0") != 0);
}

/* Find the first of the characters in end outside any nested #{}. */
static const char *
format_skip(const char *s, const char *e, const char *end)
{
	int	brackets = 0;

	for (; s < e; s++) {
		if (*s == '#' && s + 1 < e) {
			if (s[1] == '{')
				brackets++;
			if (s[1] == '{' || s[1] == '}' || s[1] == ',' ||
			    s[1] == '#') {
				s++;
				continue;
			}
		}
		if (*s == '}') {
			if (brackets == 0 && strchr(end, '}') != NULL)
				return (s);
			if (brackets > 0)
				brackets--;
			continue;
		}
		if (brackets == 0 && *s != '\0' && strchr(end, *s) != NULL)
			return (s);
	}
	return (NULL);
}

/* Expand a piece of a format into a new buffer the caller frees. */
static char *
format_sub(struct format_tree *ft, const char *s, size_t len, int depth)
{
	struct format_buf	fb;

	memset(&fb, 0, sizeof fb);
	format_expand1(ft, s, len, depth, &fb);
	if (fb.buf == NULL)
		return (xstrdup(""));
	return (fb.buf);
}

/* Does the inside of a #{} start with a modifier (?, =, ==:, !=:, t:)? */
static int
format_modifier(const char *s, size_t len)
{
	if (len == 0)
		return (0);
	if (*s == '?' || *s == '=')
		return (1);
	if (len >= 2 && strncmp(s, "t:", 2) == 0)
		return (1);
	return (len >= 3 && strncmp(s, "!=:", 3) == 0);
}

/*
 * The value a condition or a modifier works on: a name, a nested
 * expression such as #{name}, or another modified value (=5:t:name).
 */
static char *
format_value(struct format_tree *ft, const char *s, size_t len, int depth)
{
	struct format_buf	 fb;
	const char		*value;

	if (format_modifier(s, len)) {
		memset(&fb, 0, sizeof fb);
		format_replace(ft, s, len, depth, &fb);
		return (fb.buf == NULL ? xstrdup("") : fb.buf);
	}
	if (memchr(s, '#', len) != NULL)
		return (format_sub(ft, s, len, depth));
	value = format_find_len(ft, s, len);
	return (xstrdup(value == NULL ? "" : value));
}

/* Choose a branch of #{?c1,v1,c2,v2,...,else} and expand it. */
static void
format_conditional(struct format_tree *ft, const char *s, size_t len,
    int depth, struct format_buf *fb)
{
	const char	*part[FORMAT_MAX_PARTS], *e = s + len, *cp;
	size_t		 plen[FORMAT_MAX_PARTS];
	u_int		 n = 0, i;
	char		*cond;
	int		 yes;

	for (;;) {
		cp = NULL;
		if (n < FORMAT_MAX_PARTS - 1)
			cp = format_skip(s, e, ",");
		part[n] = s;
		plen[n++] = (cp == NULL ? e : cp) - s;
		if (cp == NULL)
			break;
		s = cp + 1;
	}
	if (n < 2)
		return;
	for (i = 0; i + 1 < n; i += 2) {
		cond = format_value(ft, part[i], plen[i], depth);
		yes = format_true(cond);
		free(cond);
		if (yes) {
			format_expand1(ft, part[i + 1], plen[i + 1], depth, fb);
			return;
		}
	}
	if (i < n)
		format_expand1(ft, part[i], plen[i], depth, fb);
}

/* Expand #{==:a,b} or #{!=:a,b} to "1" or "0". */
static void
format_compare(struct format_tree *ft, const char *s, size_t len,
    int equal, int depth, struct format_buf *fb)
{
	const char	*cp;
	char		*a, *b;
	int		 same;

	cp = format_skip(s, s + len, ",");
	if (cp == NULL)
		return;
	a = format_sub(ft, s, cp - s, depth);
	b = format_sub(ft, cp + 1, len - (cp + 1 - s), depth);
	same = (strcmp(a, b) == 0);
	free(a);
	free(b);
	format_buf_add(fb, (same == equal) ? "1" : "0", 1);
}

/* Add the first n (or, if n is negative, the last -n) characters of s. */
static void
format_truncate(const char *s, long long n, struct format_buf *fb)
{
	const u_char	*p = (const u_char *)s;
	size_t		 len = strlen(s), i, count = 0, skip;

	if (n >= 0) {
		for (i = 0; i < len && count < (size_t)n; count++)
			i += format_utf8_len(p + i, len - i);
		format_buf_add(fb, s, i);
		return;
	}
	for (i = 0; i < len; count++)
		i += format_utf8_len(p + i, len - i);
	if ((unsigned long long)-n >= count) {
		format_buf_add(fb, s, len);
		return;
	}
	skip = count - (size_t)-n;
	for (i = 0; skip > 0; skip--)
		i += format_utf8_len(p + i, len - i);
	format_buf_add(fb, s + i, len - i);
}

/* Expand #{=N:...}; N of zero leaves the value whole, as in tmux. */
static void
format_limit(struct format_tree *ft, const char *s, size_t len, int depth,
    struct format_buf *fb)
{
	const char	*e = s + len, *cp = s;
	long long	 n = 0;
	int		 neg = 0;
	char		*value;

	if (cp < e && *cp == '-') {
		neg = 1;
		cp++;
	}
	if (cp == e || !isdigit((u_char)*cp))
		return;
	for (; cp < e && isdigit((u_char)*cp); cp++) {
		if (n <= FORMAT_MAX_OUTPUT)
			n = n * 10 + (*cp - '0');
	}
	if (cp == e || *cp != ':')
		return;
	cp++;
	value = format_value(ft, cp, e - cp, depth);
	if (n == 0)
		format_buf_add(fb, value, strlen(value));
	else
		format_truncate(value, neg ? -n : n, fb);
	free(value);
}

/* Expand #{t:...}: a unix time in seconds as local time, like tmux. */
static void
format_time(struct format_tree *ft, const char *s, size_t len, int depth,
    struct format_buf *fb)
{
	char		*value, *end, out[64];
	long long	 ll;
	time_t		 t;
	struct tm	 tm;
	size_t		 n = 0;

	value = format_value(ft, s, len, depth);
	if (isdigit((u_char)*value) || (*value == '-' &&
	    isdigit((u_char)value[1]))) {
		ll = strtoll(value, &end, 10);
		t = (time_t)ll;
		if (*end == '\0' && t == ll && localtime_r(&t, &tm) != NULL) {
			n = strftime(out, sizeof out, "%a %b %e %H:%M:%S %Y",
			    &tm);
		}
	}
	free(value);
	if (n != 0)
		format_buf_add(fb, out, n);
}

/* Expand the inside of one #{...}. */
static void
format_replace(struct format_tree *ft, const char *s, size_t len, int depth,
    struct format_buf *fb)
{
	const char	*value;

	if (++depth > FORMAT_MAX_DEPTH)
		return;
	if (len > 0 && *s == '?')
		format_conditional(ft, s + 1, len - 1, depth, fb);
	else if (len >= 3 && strncmp(s, "==:", 3) == 0)
		format_compare(ft, s + 3, len - 3, 1, depth, fb);
	else if (len >= 3 && strncmp(s, "!=:", 3) == 0)
		format_compare(ft, s + 3, len - 3, 0, depth, fb);
	else if (len > 0 && *s == '=')
		format_limit(ft, s + 1, len - 1, depth, fb);
	else if (len >= 2 && strncmp(s, "t:", 2) == 0)
		format_time(ft, s + 2, len - 2, depth, fb);
	else if ((value = format_find_len(ft, s, len)) != NULL)
		format_buf_add(fb, value, strlen(value));
}

/* Expand a format of known length into a buffer. */
static void
format_expand1(struct format_tree *ft, const char *s, size_t len, int depth,
    struct format_buf *fb)
{
	const char	*e = s + len, *run = s, *end;

	while (s < e && !fb->full) {
		if (*s != '#' || s + 1 == e) {
			s++;
			continue;
		}
		format_buf_add(fb, run, s - run);
		switch (s[1]) {
		case '#':
		case ',':
		case '}':
			format_buf_add(fb, s + 1, 1);
			s += 2;
			break;
		case '{':
			end = format_skip(s + 2, e, "}");
			if (end == NULL) {
				format_buf_add(fb, s, e - s);
				s = e;
				break;
			}
			format_replace(ft, s + 2, end - (s + 2), depth, fb);
			s = end + 1;
			break;
		default:
			format_buf_add(fb, s, 1);
			s++;
			break;
		}
		run = s;
	}
	format_buf_add(fb, run, s - run);
}

/* Expand a format; the result is allocated and never longer than 64 KiB. */
char *
format_expand(struct format_tree *ft, const char *fmt)
{
	struct format_buf	fb;

	memset(&fb, 0, sizeof fb);
	if (fmt != NULL)
		format_expand1(ft, fmt, strlen(fmt), 0, &fb);
	if (fb.full)
		format_buf_trim(&fb);
	if (fb.buf == NULL)
		return (xstrdup(""));
	return (fb.buf);
}
