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

#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "queue.h"

/*
 * A command's output as text: escape sequences (CSI, OSC, DCS and the other
 * strings, two-byte ESC sequences) and control characters other than tab
 * and newline are removed, and the carriage returns a terminal puts before
 * each newline are dropped. Other bytes are kept.
 */

/* Skip a string (OSC, DCS, SOS, PM, APC) up to BEL or ST. */
static size_t
strip_string(const u_char *p, size_t len, size_t i, int bel)
{
	for (; i < len; i++) {
		if (bel && p[i] == 0x07)
			return (i + 1);
		if (p[i] == 0x1b && i + 1 < len && p[i + 1] == '\\')
			return (i + 2);
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] == 0x9c)
			return (i + 2);
		if (p[i] == 0x18 || p[i] == 0x1a)
			return (i + 1);
	}
	return (len);
}

/* Skip a CSI's parameters and intermediates up to its final byte. */
static size_t
strip_csi(const u_char *p, size_t len, size_t i)
{
	for (; i < len; i++) {
		if (p[i] >= 0x40 && p[i] <= 0x7e)
			return (i + 1);
		if (p[i] < 0x20 || p[i] > 0x7e)
			return (i);	/* broken: stop here */
	}
	return (len);
}

/* Skip the sequence at p[i] (an ESC); returns the index after it. */
static size_t
strip_escape(const u_char *p, size_t len, size_t i)
{
	i++;
	if (i >= len)
		return (len);
	switch (p[i]) {
	case '[':
		return (strip_csi(p, len, i + 1));
	case ']':
		return (strip_string(p, len, i + 1, 1));
	case 'P':
	case 'X':
	case '^':
	case '_':
		return (strip_string(p, len, i + 1, 0));
	}
	while (i < len && p[i] >= 0x20 && p[i] <= 0x2f)
		i++;		/* intermediates */
	if (i < len && p[i] >= 0x30 && p[i] <= 0x7e)
		i++;		/* final */
	return (i);
}

/* The line being built: a carriage return goes back to its start. */
struct strip_line {
	char	*buf;
	size_t	 len;
	size_t	 pos;		/* where the next character goes */
	size_t	 row;		/* where the screen row it is on began */
	u_int	 col;		/* and the column in that row */
	u_int	 width;		/* of the terminal, 0 if unknown */
	int	 returned;	/* a carriage return came in this line */
};

/* Write one character (len bytes) at the line's position. */
static void
strip_put(struct strip_line *sl, const u_char *ch, size_t len)
{
	size_t	old = 0;

	if (sl->width != 0 && sl->col >= sl->width) {
		sl->row = sl->pos;	/* wrapped onto the next row */
		sl->col = 0;
	}
	sl->col++;
	if (sl->pos < sl->len) {
		old = utf8_lead_length((u_char)sl->buf[sl->pos]);
		if (old == 0 || sl->pos + old > sl->len)
			old = 1;
		memmove(sl->buf + sl->pos + len, sl->buf + sl->pos + old,
		    sl->len - sl->pos - old);
		sl->len = sl->len - old + len;
	} else
		sl->len += len;
	memcpy(sl->buf + sl->pos, ch, len);
	sl->pos += len;
}

/* End the line: copy it out (a line that was overwritten loses trailing
 * blanks). */
static void
strip_flush(struct strip_line *sl, char *out, size_t *n, int newline)
{
	if (sl->returned) {
		while (sl->len > 0 && sl->buf[sl->len - 1] == ' ')
			sl->len--;
	}
	memcpy(out + *n, sl->buf, sl->len);
	*n += sl->len;
	if (newline)
		out[(*n)++] = '\n';
	sl->len = sl->pos = sl->row = 0;
	sl->col = 0;
	sl->returned = 0;
}

/*
 * Strip p; a lone carriage return goes back to the start of the screen row
 * (lines wrap at width columns if it is not 0), so progress counters and
 * zsh's PROMPT_SP leave what a terminal would show.
 */
char *
strip_output(const u_char *p, size_t len, u_int width, size_t *outlen)
{
	struct strip_line	 sl;
	char			*out;
	size_t			 i = 0, n = 0, j, k;

	out = xmalloc(len + 1);
	memset(&sl, 0, sizeof sl);
	sl.buf = xmalloc(len + 1);
	sl.width = width;
	while (i < len) {
		if (p[i] == 0x1b) {
			i = strip_escape(p, len, i);
			continue;
		}
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f) {
			/* A C1 control, UTF-8 encoded. */
			if (p[i + 1] == 0x9b)
				i = strip_csi(p, len, i + 2);
			else if (p[i + 1] == 0x9d)
				i = strip_string(p, len, i + 2, 1);
			else if (p[i + 1] == 0x90 || p[i + 1] == 0x98 ||
			    p[i + 1] == 0x9e || p[i + 1] == 0x9f)
				i = strip_string(p, len, i + 2, 0);
			else
				i += 2;
			continue;
		}
		if (p[i] == '\r') {
			for (j = i; j < len && p[j] == '\r'; j++)
				;
			if (j == len || p[j] != '\n') {
				sl.pos = sl.row;
				sl.col = 0;
				sl.returned = 1;
			}
			i = j;
			continue;
		}
		if (p[i] == '\n') {
			strip_flush(&sl, out, &n, 1);
			i++;
			continue;
		}
		if ((p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f) {
			i++;
			continue;
		}
		k = 1;
		if (p[i] >= 0xc2) {
			k = utf8_lead_length(p[i]);
			if (k == 0 || i + k > len)
				k = 1;
			for (j = 1; j < k; j++) {
				if ((p[i + j] & 0xc0) != 0x80)
					k = 1;
			}
		}
		strip_put(&sl, p + i, k);
		i += k;
	}
	strip_flush(&sl, out, &n, 0);
	free(sl.buf);
	out[n] = '\0';
	*outlen = n;
	return (out);
}
