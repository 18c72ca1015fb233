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

/*
 * libFuzzer target for the VT filter. The first three bytes pick the screen
 * size and how the rest is split into reads. The input goes through the
 * filter twice, whole and in those pieces, each into its own libtsm screen
 * and vte; both must give the same output and callbacks. The output must be
 * strict UTF-8, and a second filter reading it must find nothing left to
 * drop or answer (no OSC, query, CSI 3 J or BEL) and end with the same modes.
 */

#include <sys/types.h>

#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libtsm.h>

#include "huddle.h"
#include "vtfilter.h"

/* One filter on one libtsm screen, with a log of what it reported. */
struct fz {
	struct vtfilter		*vf;
	struct tsm_screen	*screen;
	struct tsm_vte		*vte;
	u_int			 sx;
	u_int			 sy;
	u_char			*out;
	size_t			 outlen;
	char			*log;
	size_t			 loglen;
	struct vtfilter		*check;		/* reads out, if set */
};

/* Something that must not happen. */
static void
fz_fail(const char *why)
{
	fprintf(stderr, "fuzz-vtfilter: %s\n", why);
	abort();
}

/* Append to the log. */
static void printflike(2, 3)
fz_log(struct fz *f, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof buf)
		n = sizeof buf - 1;
	f->log = realloc(f->log, f->loglen + n);
	memcpy(f->log + f->loglen, buf, n);
	f->loglen += n;
}

/* Length of a strict UTF-8 sequence at p, or 0 if it is invalid. */
static size_t
fz_utf8(const u_char *p, size_t len)
{
	size_t	n, i;
	u_char	lo = 0x80, hi = 0xbf;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;
		if (p[0] == 0xed)
			hi = 0x9f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;
		if (p[0] == 0xf4)
			hi = 0x8f;
	} else
		return (0);
	if (len < n)
		return (0);
	for (i = 1; i < n; i++) {
		if (p[i] < lo || p[i] > hi)
			return (0);
		lo = 0x80;
		hi = 0xbf;
	}
	return (n);
}

/* Check a whole buffer is strict UTF-8. */
static void
fz_check_utf8(const u_char *p, size_t len, const char *what)
{
	size_t	n;

	while (len != 0) {
		if ((n = fz_utf8(p, len)) == 0)
			fz_fail(what);
		p += n;
		len -= n;
	}
}

/* Output: keep it, feed libtsm and the checker. */
static void
fz_output(void *arg, const u_char *buf, size_t len)
{
	struct fz	*f = arg;

	if (len == 0)
		fz_fail("empty output");
	f->out = realloc(f->out, f->outlen + len);
	memcpy(f->out + f->outlen, buf, len);
	f->outlen += len;
	tsm_vte_input(f->vte, (const char *)buf, len);
	if (tsm_screen_get_cursor_x(f->screen) > f->sx)
		fz_fail("libtsm's cursor is past the edge");
	if (f->check != NULL)
		vtfilter_input(f->check, buf, len);
}

/* A reply from the filter. */
static void
fz_reply(void *arg, const u_char *buf, size_t len)
{
	fz_log(arg, "reply %.*s\n", (int)len, buf);
}

/* The cursor as libtsm has it, unclamped. */
static void
fz_cursor(void *arg, u_int *x, u_int *y)
{
	struct fz	*f = arg;

	*x = tsm_screen_get_cursor_x(f->screen);
	*y = tsm_screen_get_cursor_y(f->screen);
}

/* The screen size. */
static void
fz_size(void *arg, u_int *sx, u_int *sy)
{
	struct fz	*f = arg;

	*sx = f->sx;
	*sy = f->sy;
}

/* Whether libtsm wraps. */
static int
fz_autowrap(void *arg)
{
	struct fz	*f = arg;

	return ((tsm_screen_get_flags(f->screen) & TSM_SCREEN_AUTO_WRAP) != 0);
}

/* CSI 3 J. */
static void
fz_clear_history(void *arg)
{
	struct fz	*f = arg;

	tsm_screen_clear_sb(f->screen);
	fz_log(f, "clear\n");
}

/* A title: capped, UTF-8, no controls. */
static void
fz_title(void *arg, const char *title)
{
	size_t	len = strlen(title), i;

	if (len > VTFILTER_MAX_TITLE)
		fz_fail("title too long");
	fz_check_utf8((const u_char *)title, len, "title not UTF-8");
	for (i = 0; i < len; i++) {
		if ((u_char)title[i] < 0x20 || title[i] == 0x7f)
			fz_fail("control in title");
	}
	fz_log(arg, "title %s\n", title);
}

/* OSC 7: an absolute path. */
static void
fz_cwd(void *arg, const char *path)
{
	if (path[0] != '/')
		fz_fail("cwd not absolute");
	fz_log(arg, "cwd %s\n", path);
}

/* OSC 133: offsets inside what was read. */
static void
fz_mark(void *arg, const struct vtfilter_mark *m)
{
	struct fz	*f = arg;

	if (m->offset >= m->end || m->end > vtfilter_offset(f->vf) + 1)
		fz_fail("bad mark offsets");
	fz_log(f, "mark %c %s %llu %llu\n", m->kind, m->params,
	    (unsigned long long)m->offset, (unsigned long long)m->end);
}

/* OSC 52: the length given is the string's. */
static void
fz_clipboard(void *arg, const char *sel, const char *data, size_t len)
{
	if (strlen(data) != len || len > VTFILTER_MAX_OSC)
		fz_fail("bad clipboard length");
	fz_log(arg, "clip %s %zu\n", sel, len);
}

/* BEL. */
static void
fz_bell(void *arg)
{
	fz_log(arg, "bell\n");
}

/* The mode bits changed, and really did. */
static void
fz_modes(void *arg, int old, int new)
{
	struct fz	*f = arg;

	if (old == new || new != vtfilter_modes(f->vf))
		fz_fail("bad modes callback");
	fz_log(f, "modes %x %x\n", old, new);
}

/* A reply from libtsm itself. */
static void
fz_tsm_write(struct tsm_vte *vte, const char *u8, size_t len, void *arg)
{
	(void)vte;
	fz_log(arg, "tsm %.*s\n", (int)len, u8);
}

static const struct vtfilter_cb fz_cb = {
	.output = fz_output,
	.reply = fz_reply,
	.cursor = fz_cursor,
	.size = fz_size,
	.autowrap = fz_autowrap,
	.clear_history = fz_clear_history,
	.title = fz_title,
	.cwd = fz_cwd,
	.mark = fz_mark,
	.clipboard = fz_clipboard,
	.bell = fz_bell,
	.modes = fz_modes
};

/* The checker reads filtered output: none of its callbacks may fire. */

/* Its output goes nowhere. */
static void
fz_check_output(void *arg, const u_char *buf, size_t len)
{
	(void)arg;
	(void)buf;
	(void)len;
}

/* The checker must find no query. */
static void
fz_check_reply(void *arg, const u_char *buf, size_t len)
{
	(void)arg;
	(void)buf;
	(void)len;
	fz_fail("a query got through");
}

/* Nor a title or OSC 7. */
static void
fz_check_string(void *arg, const char *s)
{
	(void)arg;
	(void)s;
	fz_fail("an OSC got through");
}

/* Nor OSC 133. */
static void
fz_check_mark(void *arg, const struct vtfilter_mark *m)
{
	(void)arg;
	(void)m;
	fz_fail("OSC 133 got through");
}

/* Nor OSC 52. */
static void
fz_check_clipboard(void *arg, const char *sel, const char *data, size_t len)
{
	(void)arg;
	(void)sel;
	(void)data;
	(void)len;
	fz_fail("OSC 52 got through");
}

/* Nor BEL or CSI 3 J. */
static void
fz_check_event(void *arg)
{
	(void)arg;
	fz_fail("BEL or CSI 3 J got through");
}

static const struct vtfilter_cb fz_check_cb = {
	.output = fz_check_output,
	.reply = fz_check_reply,
	.clear_history = fz_check_event,
	.title = fz_check_string,
	.cwd = fz_check_string,
	.mark = fz_check_mark,
	.clipboard = fz_check_clipboard,
	.bell = fz_check_event
};

/* Set up a filter and screen. */
static void
fz_init(struct fz *f, u_int sx, u_int sy, int check)
{
	memset(f, 0, sizeof *f);
	f->sx = sx;
	f->sy = sy;
	if (tsm_screen_new(&f->screen, NULL, NULL) != 0 ||
	    tsm_screen_resize(f->screen, sx, sy) != 0 ||
	    tsm_vte_new(&f->vte, f->screen, fz_tsm_write, f, NULL, NULL) != 0)
		abort();
	tsm_screen_set_max_sb(f->screen, 20);
	f->vf = vtfilter_create(&fz_cb, f);
	if (check)
		f->check = vtfilter_create(&fz_check_cb, NULL);
}

/* Tear it down; libtsm 4.0.2 leaks the scrollback unless it is cleared. */
static void
fz_done(struct fz *f)
{
	vtfilter_free(f->vf);
	vtfilter_free(f->check);
	tsm_vte_unref(f->vte);
	tsm_screen_clear_sb(f->screen);
	tsm_screen_unref(f->screen);
	free(f->out);
	free(f->log);
}

/* Widths as in the tests. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_CTYPE, "C.UTF-8");
	return (0);
}

/* One input: whole and split, then checked. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz	 a, b;
	u_int		 sx, sy, seed;
	size_t		 i, n;

	if (size < 3)
		return (0);
	sx = 1 + data[0] % 100;
	sy = 1 + data[1] % 30;
	seed = data[2];
	data += 3;
	size -= 3;

	fz_init(&a, sx, sy, 1);
	fz_init(&b, sx, sy, 0);
	vtfilter_input(a.vf, data, size);
	for (i = 0; i < size; i += n) {
		seed = seed * 1103515245 + 12345;
		n = 1 + (seed >> 16) % 64;
		if (n > size - i)
			n = size - i;
		vtfilter_input(b.vf, data + i, n);
	}

	if (vtfilter_offset(a.vf) != size || vtfilter_offset(b.vf) != size)
		fz_fail("offset is not the input length");
	if (a.outlen != b.outlen ||
	    (a.outlen != 0 && memcmp(a.out, b.out, a.outlen) != 0))
		fz_fail("split input gave different output");
	if (a.loglen != b.loglen ||
	    (a.loglen != 0 && memcmp(a.log, b.log, a.loglen) != 0))
		fz_fail("split input gave different callbacks");
	if (vtfilter_modes(a.vf) != vtfilter_modes(b.vf) ||
	    vtfilter_cursor_style(a.vf) != vtfilter_cursor_style(b.vf) ||
	    vtfilter_modify_other_keys(a.vf) !=
	    vtfilter_modify_other_keys(b.vf))
		fz_fail("split input gave different modes");
	if (vtfilter_cursor_style(a.vf) > 6 ||
	    vtfilter_modify_other_keys(a.vf) > 3)
		fz_fail("cursor style or modifyOtherKeys out of range");
	fz_check_utf8(a.out, a.outlen, "output not UTF-8");
	if (vtfilter_modes(a.check) != vtfilter_modes(a.vf))
		fz_fail("modes differ when the output is read again");

	fz_done(&a);
	fz_done(&b);
	return (0);
}
