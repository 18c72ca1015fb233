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
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "huddle.h"
#include "vtfilter.h"
#include "vtfilter-int.h"

/*
 * OSC strings, which libtsm never sees (its callback cuts them at 127 bytes
 * and fires on cancelled ones): titles, OSC 7, OSC 133 marks and OSC 52.
 * Any other OSC, OSC 8 included, is dropped.
 */

/* Start an OSC. */
void
vtfilter_osc_begin(struct vtfilter *vf, uint64_t start)
{
	vf->state = VF_OSC;
	vf->osclen = 0;
	vf->oscover = 0;
	vf->oscstart = start;
}

/* Free a large OSC buffer once its string is over. */
void
vtfilter_osc_release(struct vtfilter *vf)
{
	if (vf->oscsize > VTFILTER_OSC_KEEP) {
		free(vf->osc);
		vf->osc = NULL;
		vf->oscsize = 0;
	}
	vf->osclen = 0;
}

/* Add a character to the OSC; past the limit it is lost. */
void
vtfilter_osc_add(struct vtfilter *vf, uint32_t cp)
{
	u_char	buf[4];
	size_t	n, size;

	if (vf->oscover)
		return;
	n = utf8_encode(cp, (char *)buf);
	if (vf->osclen + n > VTFILTER_MAX_OSC) {
		vf->oscover = 1;
		return;
	}
	if (vf->osclen + n + 1 > vf->oscsize) {
		size = (vf->oscsize == 0) ? 256 : vf->oscsize * 2;
		if (size > VTFILTER_MAX_OSC + 1)
			size = VTFILTER_MAX_OSC + 1;
		vf->osc = xrealloc(vf->osc, size);
		vf->oscsize = size;
	}
	memcpy(vf->osc + vf->osclen, buf, n);
	vf->osclen += n;
}

/* OSC 0, 1 and 2: the title without controls, cut at a character. */
static void
vtfilter_osc_title(struct vtfilter *vf, const char *s)
{
	char		 title[VTFILTER_MAX_TITLE + 1];
	const u_char	*p = (const u_char *)s;
	size_t		 len = 0, n;

	while (*p != '\0') {
		if (*p < 0x80)
			n = 1;
		else if (*p < 0xe0)
			n = 2;
		else if (*p < 0xf0)
			n = 3;
		else
			n = 4;
		if (*p < 0x20 || *p == 0x7f || (*p == 0xc2 && p[1] < 0xa0)) {
			p += n;
			continue;
		}
		if (len + n > VTFILTER_MAX_TITLE)
			break;
		memcpy(title + len, p, n);
		len += n;
		p += n;
	}
	title[len] = '\0';
	if (vf->cb.title != NULL)
		vf->cb.title(vf->arg, title);
}

/* Value of a hexadecimal digit, or -1. */
static int
vtfilter_hex(u_char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* OSC 7: file://host/path, percent-decoded in place. */
static void
vtfilter_osc_cwd(struct vtfilter *vf, char *s)
{
	char	*p, *q, *path;
	int	 c, hi, lo;

	if (vf->cb.cwd == NULL || strncasecmp(s, "file://", 7) != 0)
		return;
	if ((path = strchr(s + 7, '/')) == NULL)
		return;
	for (p = q = path; *p != '\0'; q++) {
		c = (u_char)*p++;
		if (c == '%' && (hi = vtfilter_hex(p[0])) != -1 &&
		    (lo = vtfilter_hex(p[1])) != -1) {
			c = hi << 4 | lo;
			p += 2;
		}
		if (c < 0x20 || c == 0x7f)
			return;
		*q = c;
	}
	*q = '\0';
	vf->cb.cwd(vf->arg, path);
}

/* OSC 133: a shell integration mark, with its place in the stream. */
static void
vtfilter_osc_mark(struct vtfilter *vf, const char *s)
{
	struct vtfilter_mark	mark;

	if (vf->cb.mark == NULL || *s < 0x21 || *s > 0x7e)
		return;
	mark.kind = *s++;
	if (*s == ';')
		s++;
	mark.params = s;
	mark.offset = vf->oscstart;
	mark.end = vf->cpend;
	vf->cb.mark(vf->arg, &mark);
}

/* OSC 52: the selection parameter and the base64 data, as sent. */
static void
vtfilter_osc_clipboard(struct vtfilter *vf, char *s)
{
	char	*data;

	if (vf->cb.clipboard == NULL || (data = strchr(s, ';')) == NULL)
		return;
	*data++ = '\0';
	vf->cb.clipboard(vf->arg, s, data, vf->osclen - (data - vf->osc));
}

/* A complete OSC: handle the ones huddle knows, drop the rest. */
void
vtfilter_osc_dispatch(struct vtfilter *vf)
{
	char	*p;
	u_int	 n = 0;

	if (vf->oscover || vf->osclen == 0)
		return;
	vf->osc[vf->osclen] = '\0';
	for (p = vf->osc; *p >= '0' && *p <= '9' && n < 100000; p++)
		n = n * 10 + *p - '0';
	if (p == vf->osc || *p++ != ';')
		return;
	vtfilter_flush(vf);
	switch (n) {
	case 0:
	case 1:
	case 2:
		vtfilter_osc_title(vf, p);
		break;
	case 7:
		vtfilter_osc_cwd(vf, p);
		break;
	case 52:
		vtfilter_osc_clipboard(vf, p);
		break;
	case 133:
		vtfilter_osc_mark(vf, p);
		break;
	}
}
