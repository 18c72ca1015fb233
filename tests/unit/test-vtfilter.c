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
 * The VT filter against LIBTSM.md sections 2 and 7: each case libtsm 4.0.2
 * gets wrong, through the filter and into a real libtsm screen.
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
#include "unit.h"

/* A filter feeding a libtsm screen, with everything it reports. */
struct tvt {
	struct vtfilter		*vf;
	struct tsm_screen	*screen;
	struct tsm_vte		*vte;
	u_int			 sx;
	u_int			 sy;

	u_char			*out;		/* what reached libtsm */
	size_t			 outlen;
	u_int			 outcalls;
	char			 reply[4096];	/* our replies */
	size_t			 replylen;
	char			 tsmreply[4096]; /* libtsm's own */
	size_t			 tsmreplylen;
	char			*log;		/* every callback, in order */
	size_t			 loglen;

	char			 title[1024];
	int			 titles;
	char			 cwd[1024];
	int			 cwds;
	struct vtfilter_mark	 marks[8];
	char			 markparams[8][64];
	int			 nmarks;
	char			 clipsel[64];
	char			*clipdata;
	size_t			 cliplen;
	int			 clips;
	int			 bells;
	int			 cleared;
	int			 modecalls;
	int			 oldmodes;
	int			 newmodes;
};

/* Append to the callback log. */
static void printflike(2, 3)
tvt_log(struct tvt *t, const char *fmt, ...)
{
	va_list	 ap;
	char	 s[512];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(s, sizeof s, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	if ((size_t)n >= sizeof s)
		n = sizeof s - 1;
	t->log = realloc(t->log, t->loglen + n + 1);
	memcpy(t->log + t->loglen, s, n);
	t->loglen += n;
	t->log[t->loglen] = '\0';
}

/* Output: keep it and feed libtsm. */
static void
tvt_output(void *arg, const u_char *buf, size_t len)
{
	struct tvt	*t = arg;

	t->out = realloc(t->out, t->outlen + len + 1);
	memcpy(t->out + t->outlen, buf, len);
	t->outlen += len;
	t->out[t->outlen] = '\0';
	t->outcalls++;
	if (t->vte != NULL)
		tsm_vte_input(t->vte, (const char *)buf, len);
}

/* A reply from the filter. */
static void
tvt_reply(void *arg, const u_char *buf, size_t len)
{
	struct tvt	*t = arg;

	if (t->replylen + len < sizeof t->reply) {
		memcpy(t->reply + t->replylen, buf, len);
		t->replylen += len;
		t->reply[t->replylen] = '\0';
	}
	tvt_log(t, "reply %.*s\n", (int)len, buf);
}

/* The cursor as libtsm has it, unclamped. */
static void
tvt_cursor(void *arg, u_int *x, u_int *y)
{
	struct tvt	*t = arg;

	*x = tsm_screen_get_cursor_x(t->screen);
	*y = tsm_screen_get_cursor_y(t->screen);
}

/* The screen size. */
static void
tvt_size(void *arg, u_int *sx, u_int *sy)
{
	struct tvt	*t = arg;

	*sx = t->sx;
	*sy = t->sy;
}

/* Whether libtsm wraps. */
static int
tvt_autowrap(void *arg)
{
	struct tvt	*t = arg;

	return ((tsm_screen_get_flags(t->screen) & TSM_SCREEN_AUTO_WRAP) != 0);
}

/* CSI 3 J. */
static void
tvt_clear_history(void *arg)
{
	struct tvt	*t = arg;

	t->cleared++;
	tsm_screen_clear_sb(t->screen);
	tvt_log(t, "clear\n");
}

/* A title. */
static void
tvt_title(void *arg, const char *title)
{
	struct tvt	*t = arg;

	snprintf(t->title, sizeof t->title, "%s", title);
	t->titles++;
	tvt_log(t, "title %s\n", title);
}

/* OSC 7. */
static void
tvt_cwd(void *arg, const char *path)
{
	struct tvt	*t = arg;

	snprintf(t->cwd, sizeof t->cwd, "%s", path);
	t->cwds++;
	tvt_log(t, "cwd %s\n", path);
}

/* OSC 133. */
static void
tvt_mark(void *arg, const struct vtfilter_mark *m)
{
	struct tvt	*t = arg;

	if (t->nmarks < 8) {
		t->marks[t->nmarks] = *m;
		snprintf(t->markparams[t->nmarks], 64, "%s", m->params);
		t->marks[t->nmarks].params = t->markparams[t->nmarks];
		t->nmarks++;
	}
	tvt_log(t, "mark %c %s %llu %llu\n", m->kind, m->params,
	    (unsigned long long)m->offset, (unsigned long long)m->end);
}

/* OSC 52. */
static void
tvt_clipboard(void *arg, const char *sel, const char *data, size_t len)
{
	struct tvt	*t = arg;

	snprintf(t->clipsel, sizeof t->clipsel, "%s", sel);
	free(t->clipdata);
	t->clipdata = malloc(len + 1);
	memcpy(t->clipdata, data, len);
	t->clipdata[len] = '\0';
	t->cliplen = len;
	t->clips++;
	tvt_log(t, "clip %s %zu\n", sel, len);
}

/* BEL. */
static void
tvt_bell(void *arg)
{
	struct tvt	*t = arg;

	t->bells++;
	tvt_log(t, "bell\n");
}

/* The mode bits changed. */
static void
tvt_modes(void *arg, int old, int new)
{
	struct tvt	*t = arg;

	t->modecalls++;
	t->oldmodes = old;
	t->newmodes = new;
	tvt_log(t, "modes %x %x\n", old, new);
}

/* A reply from libtsm itself. */
static void
tvt_tsm_write(struct tsm_vte *vte, const char *u8, size_t len, void *arg)
{
	struct tvt	*t = arg;

	(void)vte;
	if (t->tsmreplylen + len < sizeof t->tsmreply) {
		memcpy(t->tsmreply + t->tsmreplylen, u8, len);
		t->tsmreplylen += len;
		t->tsmreply[t->tsmreplylen] = '\0';
	}
}

static const struct vtfilter_cb tvt_cb = {
	.output = tvt_output,
	.reply = tvt_reply,
	.cursor = tvt_cursor,
	.size = tvt_size,
	.autowrap = tvt_autowrap,
	.clear_history = tvt_clear_history,
	.title = tvt_title,
	.cwd = tvt_cwd,
	.mark = tvt_mark,
	.clipboard = tvt_clipboard,
	.bell = tvt_bell,
	.modes = tvt_modes
};

/* A filter on a libtsm screen of sx by sy. */
static struct tvt *
tvt_new(u_int sx, u_int sy)
{
	struct tvt	*t;

	t = calloc(1, sizeof *t);
	t->sx = sx;
	t->sy = sy;
	if (tsm_screen_new(&t->screen, NULL, NULL) != 0 ||
	    tsm_screen_resize(t->screen, sx, sy) != 0 ||
	    tsm_vte_new(&t->vte, t->screen, tvt_tsm_write, t, NULL,
	    NULL) != 0)
		abort();
	tsm_screen_set_max_sb(t->screen, 100);
	t->vf = vtfilter_create(&tvt_cb, t);
	return (t);
}

/* Free it all; libtsm 4.0.2 leaks the scrollback unless it is cleared. */
static void
tvt_free(struct tvt *t)
{
	vtfilter_free(t->vf);
	tsm_vte_unref(t->vte);
	tsm_screen_clear_sb(t->screen);
	tsm_screen_unref(t->screen);
	free(t->out);
	free(t->log);
	free(t->clipdata);
	free(t);
}

/* Forget what was captured so far. */
static void
tvt_clear(struct tvt *t)
{
	t->outlen = 0;
	if (t->out != NULL)
		t->out[0] = '\0';
	t->outcalls = 0;
	t->replylen = 0;
	t->reply[0] = '\0';
	t->tsmreplylen = 0;
	t->tsmreply[0] = '\0';
}

/* Feed bytes. */
static void
tvt_feed(struct tvt *t, const void *buf, size_t len)
{
	vtfilter_input(t->vf, buf, len);
}

/* Feed a string. */
static void
tvt_feeds(struct tvt *t, const char *s)
{
	tvt_feed(t, s, strlen(s));
}

/* Feed a string and check exactly what reached libtsm. */
#define CHECK_OUT(t, in, expect) do {					\
	tvt_clear(t);							\
	tvt_feeds((t), (in));						\
	CHECK_MEM((t)->out, (t)->outlen, (expect), strlen(expect));	\
} while (0)

/* A cell as libtsm drew it. */
struct tvt_cell {
	uint32_t		ch;
	u_int			width;
	struct tsm_screen_attr	attr;
};
struct tvt_draw {
	u_int		x;
	u_int		y;
	struct tvt_cell	cell;
};

/* Keep the cell asked for. */
static int
tvt_draw_cb(struct tsm_screen *con, uint64_t id, const uint32_t *ch,
    size_t len, unsigned int width, unsigned int posx, unsigned int posy,
    const struct tsm_screen_attr *attr, tsm_age_t age, void *data)
{
	struct tvt_draw	*d = data;

	(void)con;
	(void)id;
	(void)age;
	if (posx == d->x && posy == d->y) {
		d->cell.ch = len == 0 ? 0 : ch[0];
		d->cell.width = width;
		d->cell.attr = *attr;
	}
	return (0);
}

/* Read one cell from libtsm. */
static struct tvt_cell
tvt_cell(struct tvt *t, u_int x, u_int y)
{
	struct tvt_draw	d;

	memset(&d, 0, sizeof d);
	d.x = x;
	d.y = y;
	tsm_screen_draw(t->screen, tvt_draw_cb, &d);
	return (d.cell);
}

/* vim's start-up DECRQM is answered and the alternate screen survives. */
static void
test_decrqm_vim(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033[?1049h", "\033[?1049h");
	CHECK_OUT(t, "\033[?12$p", "");
	CHECK_STR(t->reply, "\033[?12;2$y");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE);
	CHECK_OUT(t, "\033[?12h\033[?12$p", "\033[?12h");
	CHECK_STR(t->reply, "\033[?12;1$y");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE);
	CHECK_INT(t->tsmreplylen, 0);
	tvt_free(t);
}

/* DECRQM for set, reset and unknown modes, DEC and ANSI. */
static void
test_decrqm_values(void)
{
	static const int modes[] = { 1, 6, 9, 12, 66, 1000, 1002, 1003, 1004,
	    1005, 1006, 1015, 1016, 2004, 2026, 5, 7, 25, 47, 1047, 1049 };
	struct tvt	*t = tvt_new(80, 24);
	char		 buf[64], expect[64];
	size_t		 i;

	for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		snprintf(buf, sizeof buf, "\033[?%dh\033[?%d$p", modes[i],
		    modes[i]);
		tvt_clear(t);
		tvt_feeds(t, buf);
		snprintf(expect, sizeof expect, "\033[?%d;1$y", modes[i]);
		CHECK_STR(t->reply, expect);

		snprintf(buf, sizeof buf, "\033[?%dl\033[?%d$p", modes[i],
		    modes[i]);
		tvt_clear(t);
		tvt_feeds(t, buf);
		snprintf(expect, sizeof expect, "\033[?%d;2$y", modes[i]);
		CHECK_STR(t->reply, expect);
	}
	CHECK_OUT(t, "\033[?9999$p", "");
	CHECK_STR(t->reply, "\033[?9999;0$y");
	CHECK_OUT(t, "\033[?$p", "");
	CHECK_STR(t->reply, "\033[?0;0$y");

	/* ANSI modes. */
	CHECK_OUT(t, "\033[4$p", "");
	CHECK_STR(t->reply, "\033[4;2$y");
	CHECK_OUT(t, "\033[4h\033[4$p", "\033[4h");
	CHECK_STR(t->reply, "\033[4;1$y");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_INSERT_MODE);
	CHECK_OUT(t, "\033[20h\033[20$p\033[99$p", "\033[20h");
	CHECK_STR(t->reply, "\033[20;1$y\033[99;0$y");

	/* Auto-wrap comes from libtsm itself, so DECRC is seen too. */
	CHECK_OUT(t, "\033[?7h\0337\033[?7l\033[?7$p\0338\033[?7$p",
	    "\033[?7h\0337\033[?7l\0338");
	CHECK_STR(t->reply, "\033[?7;2$y\033[?7;1$y");
	CHECK_INT(t->tsmreplylen, 0);
	tvt_free(t);
}

/* XTMODKEYS is dropped (libtsm made it bold and underline) and tracked. */
static void
test_xtmodkeys(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\033[>4;2mX", "X");
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 2);
	c = tvt_cell(t, 0, 0);
	CHECK_INT(c.ch, 'X');
	CHECK_INT(c.attr.bold, 0);
	CHECK_INT(c.attr.underline, 0);
	CHECK_OUT(t, "\033[>4;1m", "");
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 1);
	CHECK_OUT(t, "\033[>4m", "");
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 0);
	CHECK_OUT(t, "\033[>4;2m\033[>m", "");
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 0);
	CHECK_OUT(t, "\033[>4;2m\033[>4n", "");
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 0);
	CHECK_OUT(t, "\033[?1m\033[=5m\033[<1m\033[1$m\033[1m",
	    "\033[1m");

	/* 38 or 48 as the 16th SGR parameter: libtsm reads past its array. */
	CHECK_OUT(t, "\033[1;;3;4;5;7;1;1;1;1;1;1;1;1;65535;38m",
	    "\033[1;;3;4;5;7;1;1;1;1;1;1;1;1;65535m");
	CHECK_OUT(t, "\033[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;48;5;1m",
	    "\033[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1m");
	CHECK_OUT(t, "\033[1;1;1;1;1;1;1;1;1;1;1;1;1;1;38;5;1m",
	    "\033[1;1;1;1;1;1;1;1;1;1;1;1;1;1;38;5;1m");
	tvt_free(t);
}

/* An overlong ESC (C0 9B) is two U+FFFD, never an escape. */
static void
test_overlong_esc(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\xc0\x9b[31mX",
	    "\xef\xbf\xbd\xef\xbf\xbd[31mX");
	c = tvt_cell(t, 0, 0);
	CHECK_INT(c.ch, 0xfffd);
	c = tvt_cell(t, 6, 0);
	CHECK_INT(c.ch, 'X');
	CHECK_INT(c.attr.fccode, TSM_COLOR_FOREGROUND);

	/* Other invalid forms. */
	CHECK_OUT(t, "\xe0\x80\xaf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_OUT(t, "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_OUT(t, "\xf4\x90\x80\x80",
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_OUT(t, "\xf0\x80\x80\x80",
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_OUT(t, "\xf5\xff\xfe", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_OUT(t, "\x9b" "31m", "\xef\xbf\xbd" "31m");
	CHECK_OUT(t, "\xf0\x9f\x98Z", "\xef\xbf\xbdZ");
	CHECK_OUT(t, "\xc3\xa9", "\xc3\xa9");
	tvt_free(t);
}

/* A truncated sequence does not swallow the ESC after it. */
static void
test_truncated_utf8(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\xc3\033[31mB", "\xef\xbf\xbd\033[31mB");
	c = tvt_cell(t, 1, 0);
	CHECK_INT(c.ch, 'B');
	CHECK_INT(c.attr.fccode, TSM_COLOR_RED);
	CHECK_OUT(t, "\xc3Z", "\xef\xbf\xbdZ");

	/* And split across two reads. */
	tvt_clear(t);
	tvt_feeds(t, "\xe4\xb8");
	CHECK_INT(t->outlen, 0);
	tvt_feeds(t, "\033[0m");
	CHECK_MEM(t->out, t->outlen, "\xef\xbf\xbd\033[0m", 7);
	tvt_free(t);
}

/* UTF-8 encoded C1 controls are controls, as libtsm takes them. */
static void
test_c1(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\xc2\x9b" "32mG", "\033[32mG");
	c = tvt_cell(t, 0, 0);
	CHECK_INT(c.attr.fccode, TSM_COLOR_GREEN);
	CHECK_OUT(t, "\xc2\x9d" "2;c1 title\xc2\x9cX", "X");
	CHECK_STR(t->title, "c1 title");
	CHECK_OUT(t, "\xc2\x9b?12$p", "");
	CHECK_STR(t->reply, "\033[?12;2$y");
	CHECK_OUT(t, "\xc2\x90$qm\xc2\x9cY", "Y");
	CHECK_OUT(t, "\xc2\x84", "\xc2\x84");
	CHECK_OUT(t, "\033[3\xc2\x9b" "1mZ", "\033[1mZ");
	tvt_free(t);
}

/* OSC longer than libtsm's 127 bytes: titles capped, OSC 52 whole. */
static void
test_osc_long(void)
{
	static const char	 b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	struct tvt		*t = tvt_new(80, 24);
	char			*buf;
	size_t			 i, n;

	buf = malloc(16384);
	n = snprintf(buf, 16384, "\033]2;");
	for (i = 0; i < 1000; i++)
		buf[n++] = 'a' + i % 26;
	buf[n++] = '\007';
	buf[n] = '\0';
	CHECK_OUT(t, buf, "");
	CHECK_INT(strlen(t->title), VTFILTER_MAX_TITLE);
	CHECK(strncmp(t->title, "abcdefghij", 10) == 0);

	/* Not cut inside a character. */
	n = snprintf(buf, 16384, "\033]0;");
	for (i = 0; i < 500; i++)
		n += snprintf(buf + n, 16384 - n, "\xe4\xb8\x80");
	snprintf(buf + n, 16384 - n, "\033\\");
	CHECK_OUT(t, buf, "");
	CHECK_INT(strlen(t->title), (VTFILTER_MAX_TITLE / 3) * 3);

	/* 10 KB of OSC 52. */
	n = snprintf(buf, 16384, "\033]52;c;");
	for (i = 0; i < 10240; i++)
		buf[n++] = b64[i % 64];
	buf[n++] = '\033';
	buf[n++] = '\\';
	buf[n] = '\0';
	CHECK_OUT(t, buf, "");
	CHECK_INT(t->clips, 1);
	CHECK_STR(t->clipsel, "c");
	CHECK_INT(t->cliplen, 10240);
	CHECK(t->clipdata != NULL && memcmp(t->clipdata, buf + 7, 10240) == 0);
	free(buf);

	/* Past VTFILTER_MAX_OSC the whole string is lost. */
	n = VTFILTER_MAX_OSC + 64;
	buf = malloc(n + 16);
	memcpy(buf, "\033]52;c;", 7);
	memset(buf + 7, 'A', n - 7);
	memcpy(buf + n, "\007ok", 4);
	CHECK_OUT(t, buf, "ok");
	CHECK_INT(t->clips, 1);
	free(buf);
	tvt_free(t);
}

/* OSC fed a byte at a time, and cancelled ones. */
static void
test_osc_split(void)
{
	struct tvt	*t = tvt_new(80, 24);
	const char	*s = "\033]2;split \xc3\xa9 title\033\\\033]133;A\007";
	size_t		 i;

	for (i = 0; s[i] != '\0'; i++)
		tvt_feed(t, s + i, 1);
	CHECK_STR(t->title, "split \xc3\xa9 title");
	CHECK_INT(t->nmarks, 1);
	CHECK_INT(t->outlen, 0);

	/* CAN and SUB cancel; ESC other than ST ends and starts over. */
	t->titles = 0;
	CHECK_OUT(t, "\033]2;partial\030", "\030");
	CHECK_OUT(t, "\033]2;partial\032", "\032");
	CHECK_OUT(t, "\033]2;partial\033[1m", "\033[1m");
	CHECK_OUT(t, "\033]2;partial\033\033[2m", "\033[2m");
	CHECK_INT(t->titles, 0);

	/* Unknown OSC and OSC 8 are dropped. */
	CHECK_OUT(t, "\033]8;;http://example.com\033\\link\033]8;;\033\\",
	    "link");
	CHECK_OUT(t, "\033]4;1;?\007\033]11;?\007\033]1337;x\007", "");
	CHECK_INT(t->titles, 0);
	tvt_free(t);
}

/* OSC 0/1/2: control characters removed. */
static void
test_title(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033]2;a\tb\x7f" "c\rd\007", "");
	CHECK_STR(t->title, "abcd");
	CHECK_OUT(t, "\033]0;zero\033\\", "");
	CHECK_STR(t->title, "zero");
	CHECK_OUT(t, "\033]1;one\007", "");
	CHECK_STR(t->title, "one");
	CHECK_OUT(t, "\033]2;\007", "");
	CHECK_STR(t->title, "");
	CHECK_INT(t->titles, 4);
	CHECK_OUT(t, "\033]2\007\033]x;y\007", "");
	CHECK_INT(t->titles, 4);
	tvt_free(t);
}

/* OSC 7: the path, decoded. */
static void
test_osc7(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033]7;file://host.example/home/u/my%20dir\033\\", "");
	CHECK_STR(t->cwd, "/home/u/my dir");
	CHECK_OUT(t, "\033]7;file:///tmp/%e4%b8%80\007", "");
	CHECK_STR(t->cwd, "/tmp/\xe4\xb8\x80");
	CHECK_INT(t->cwds, 2);
	CHECK_OUT(t, "\033]7;/no/scheme\007", "");
	CHECK_OUT(t, "\033]7;file://hostonly\007", "");
	CHECK_OUT(t, "\033]7;file:///a%00b\007", "");
	CHECK_OUT(t, "\033]7;file:///a%0ab\007", "");
	CHECK_INT(t->cwds, 2);
	CHECK_OUT(t, "\033]7;file:///100%\007", "");
	CHECK_STR(t->cwd, "/100%");
	tvt_free(t);
}

/* OSC 133 marks at exact input offsets. */
static void
test_osc133(void)
{
	struct tvt	*t = tvt_new(80, 24);
	const char	*a = "abc";
	const char	*b = "\033]133;A\033\\";		/* 3..12 */
	const char	*c = "$ ";				/* 12..14 */
	const char	*d = "\033]133;B\007";			/* 14..22 */
	const char	*e = "ls\r\n";				/* 22..26 */
	const char	*f = "\xc2\x9d" "133;D;0\xc2\x9c";	/* 26..37 */

	tvt_feeds(t, a);
	tvt_feeds(t, b);
	tvt_feeds(t, c);
	tvt_feeds(t, d);
	tvt_feeds(t, e);
	tvt_feeds(t, f);
	CHECK_INT(vtfilter_offset(t->vf), 37);
	CHECK_INT(t->nmarks, 3);
	CHECK_INT(t->marks[0].kind, 'A');
	CHECK_STR(t->marks[0].params, "");
	CHECK_INT(t->marks[0].offset, 3);
	CHECK_INT(t->marks[0].end, 12);
	CHECK_INT(t->marks[1].kind, 'B');
	CHECK_INT(t->marks[1].offset, 14);
	CHECK_INT(t->marks[1].end, 22);
	CHECK_INT(t->marks[2].kind, 'D');
	CHECK_STR(t->marks[2].params, "0");
	CHECK_INT(t->marks[2].offset, 26);
	CHECK_INT(t->marks[2].end, 37);
	CHECK_MEM(t->out, t->outlen, "abc$ ls\r\n", 9);
	tvt_free(t);
}

/* BEL outside a string is a bell and goes no further. */
static void
test_bell(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "a\007b", "ab");
	CHECK_INT(t->bells, 1);
	CHECK_OUT(t, "\033[1\007m", "\033[1m");
	CHECK_INT(t->bells, 2);
	CHECK_OUT(t, "\033]2;x\007", "");
	CHECK_INT(t->bells, 2);
	tvt_free(t);
}

/* REP: the last graphic character again. */
static void
test_rep(void)
{
	struct tvt	*t = tvt_new(10, 3);
	struct tvt_cell	 c;

	CHECK_OUT(t, "a\033[3bZ", "aaaaZ");
	c = tvt_cell(t, 4, 0);
	CHECK_INT(c.ch, 'Z');
	CHECK_OUT(t, "\r\n\033[b", "\r\n");
	CHECK_OUT(t, "x\033[b", "xx");
	CHECK_OUT(t, "\033[H\033[2J\xe4\xb8\x80\033[2b",
	    "\033[H\033[2J\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80");
	c = tvt_cell(t, 4, 0);
	CHECK_INT(c.ch, 0x4e00);

	/* At most a screenful. */
	tvt_clear(t);
	tvt_feeds(t, "q\033[65535b");
	CHECK_INT(t->outlen, 31);
	tvt_free(t);
}

/* CNL and CPL become CUD and CUU and a CR. */
static void
test_cnl_cpl(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "abc\033[2E", "abc\033[2B\r");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 0);
	CHECK_INT(tsm_screen_get_cursor_y(t->screen), 2);
	CHECK_OUT(t, "abc\033[F", "abc\033[A\r");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 0);
	CHECK_INT(tsm_screen_get_cursor_y(t->screen), 1);
	CHECK_OUT(t, "\033[0E", "\033[B\r");
	CHECK_OUT(t, "\033[?2E\033[>E", "");
	tvt_free(t);
}

/* HPA and HPR become CHA and CUF. */
static void
test_hpa_hpr(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033[10`", "\033[10G");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 9);
	CHECK_OUT(t, "\033[5a", "\033[5C");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 14);
	CHECK_OUT(t, "\033[`\033[a", "\033[G\033[C");
	tvt_free(t);
}

/* SCOSC and SCORC become DECSC and DECRC; kitty's keyboard is dropped. */
static void
test_scosc(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033[5;5H\033[s\033[H\033[u",
	    "\033[5;5H\0337\033[H\0338");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 4);
	CHECK_INT(tsm_screen_get_cursor_y(t->screen), 4);
	CHECK_OUT(t, "\033[1;2s\033[>1u\033[<u\033[=1;1u\033[?u\033[1u", "");
	CHECK_INT(t->replylen, 0);
	tvt_free(t);
}

/* CSI 3 J clears the history; the other EDs pass. */
static void
test_e3(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033[3J", "");
	CHECK_INT(t->cleared, 1);
	CHECK_OUT(t, "\033[J\033[0J\033[1J\033[2J\033[?2J",
	    "\033[J\033[0J\033[1J\033[2J\033[?2J");
	CHECK_INT(t->cleared, 1);
	CHECK_OUT(t, "\033[3;1J", "");
	CHECK_INT(t->cleared, 2);
	tvt_free(t);
}

/* DECSCL and the other soft resets in disguise are dropped. */
static void
test_decscl(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\033[?1049h\033[31m", "\033[?1049h\033[31m");
	CHECK_OUT(t, "\033[61\"p\033[62\"p\033[64;1\"p\033[65p\033[p"
	    "\033[>1p\033[>p\033[?5p\033[=1p\033[1#p\033[5*p", "");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE);
	CHECK_OUT(t, "\xc3\xa9", "\xc3\xa9");
	c = tvt_cell(t, 0, 0);
	CHECK_INT(c.ch, 0xe9);
	CHECK_INT(c.attr.fccode, TSM_COLOR_RED);
	CHECK_INT(t->replylen, 0);
	tvt_free(t);
}

/* Wide characters: the last column, and libtsm's narrow ones. */
static void
test_wide(void)
{
	struct tvt	*t = tvt_new(80, 24);
	struct tvt_cell	 c;
	char		 buf[128];

	/* In the last column: a space first, so it wraps like xterm. */
	CHECK_OUT(t, "\033[1;80H\xe4\xb8\x80", "\033[1;80H \xe4\xb8\x80");
	c = tvt_cell(t, 0, 1);
	CHECK_INT(c.ch, 0x4e00);
	CHECK_INT(c.width, 2);
	c = tvt_cell(t, 1, 1);
	CHECK_INT(c.width, 0);

	/* With a wrap pending, libtsm wraps by itself. */
	memset(buf, 'x', 80);
	memcpy(buf + 80, "\xe4\xb8\x80", 4);
	tvt_feeds(t, "\033[H\033[2J");
	CHECK_OUT(t, buf, buf);
	c = tvt_cell(t, 0, 1);
	CHECK_INT(c.ch, 0x4e00);

	/* Runs that reach the edge, followed without asking again. */
	tvt_feeds(t, "\033[H\033[2J");
	CHECK_OUT(t, "\033[1;77H\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80",
	    "\033[1;77H\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80");
	c = tvt_cell(t, 0, 1);
	CHECK_INT(c.ch, 0x4e00);
	CHECK_OUT(t, "\033[1;78H\xe4\xb8\x80\xe4\xb8\x80",
	    "\033[1;78H\xe4\xb8\x80 \xe4\xb8\x80");
	CHECK_OUT(t, "\033[1;76H\xe4\xb8\x80" "ab\xe4\xb8\x80",
	    "\033[1;76H\xe4\xb8\x80" "ab \xe4\xb8\x80");
	CHECK_OUT(t, "\033[1;75H\xe4\xb8\x80" "ab\xe4\xb8\x80",
	    "\033[1;75H\xe4\xb8\x80" "ab\xe4\xb8\x80");
	CHECK_OUT(t, "\033[1;75Habc\xe4\xb8\x80",
	    "\033[1;75Habc\xe4\xb8\x80");

	/* No auto-wrap: it does not fit (test_wide_unplaceable). */
	CHECK_OUT(t, "\033[?7l\033[1;80H\xe4\xb8\x80\033[?7h",
	    "\033[?7l\033[1;80H\xef\xbf\xbd\033[?7h");

	/* glibc 2, libtsm 1: a space after it. */
	CHECK_OUT(t, "\033[H\xf0\x9f\xa5\xb0|", "\033[H\xf0\x9f\xa5\xb0 |");
	c = tvt_cell(t, 2, 0);
	CHECK_INT(c.ch, '|');

	/* glibc 0: dropped (combining marks, U+FEFF). */
	CHECK_OUT(t, "e\xcc\x81\xef\xbb\xbfx", "ex");

	/* glibc 1, libtsm 2: U+FFFD. */
	CHECK_OUT(t, "\xf0\x9f\xa4\xbb", "\xef\xbf\xbd");
	tvt_free(t);
}

/*
 * Wide characters libtsm cannot place: on a one-column screen (in insert
 * mode libtsm 4.0.2 overruns the heap) and in the last column without
 * auto-wrap (the cursor ends past the edge).
 */
static void
test_wide_unplaceable(void)
{
	struct tvt	*t = tvt_new(1, 3);
	struct tvt_cell	 c;

	CHECK_OUT(t, "\033[4h\xe4\xb8\x80\xf0\x9f\xa5\xb0",
	    "\033[4h\xef\xbf\xbd\xef\xbf\xbd");
	tvt_free(t);

	t = tvt_new(10, 3);
	CHECK_OUT(t, "\033[?7l\033[1;9H\xe4\xb8\x80\xe4\xb8\x80x",
	    "\033[?7l\033[1;9H\xe4\xb8\x80\xef\xbf\xbdx");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 10);
	c = tvt_cell(t, 9, 0);
	CHECK_INT(c.ch, 'x');
	CHECK_OUT(t, "\033[1;1H\xe4\xb8\x80\xe4\xb8\x80",
	    "\033[1;1H\xe4\xb8\x80\xe4\xb8\x80");
	CHECK_INT(tsm_screen_get_cursor_x(t->screen), 4);

	/* The column is asked again after a resize between reads. */
	CHECK_OUT(t, "\033[?7h\033[1;5H\xe4\xb8\x80",
	    "\033[?7h\033[1;5H\xe4\xb8\x80");
	tsm_screen_resize(t->screen, 7, 3);
	t->sx = 7;
	CHECK_OUT(t, "\xe4\xb8\x80", " \xe4\xb8\x80");
	tvt_free(t);
}

/* CPR with a wrap pending, and in origin mode. */
static void
test_cpr(void)
{
	struct tvt	*t = tvt_new(80, 24);
	char		 buf[128];

	memset(buf, 'x', 80);
	memcpy(buf + 80, "\033[6n", 5);
	tvt_clear(t);
	tvt_feeds(t, buf);
	CHECK_MEM(t->out, t->outlen, buf, 80);
	CHECK_STR(t->reply, "\033[1;80R");
	CHECK_INT(t->tsmreplylen, 0);

	CHECK_OUT(t, "\033[5;10r\033[?6h\033[2;3H\033[6n",
	    "\033[5;10r\033[?6h\033[2;3H");
	CHECK_STR(t->reply, "\033[2;3R");
	CHECK_OUT(t, "\033[?6n", "");
	CHECK_STR(t->reply, "\033[2;3R");
	CHECK_OUT(t, "\033[?6l\033[6n", "\033[?6l");
	CHECK_STR(t->reply, "\033[6;3R");

	/* DECSC and DECRC carry origin mode. */
	CHECK_OUT(t, "\033[?6h\0337\033[?6l\0338\033[1;1H\033[6n",
	    "\033[?6h\0337\033[?6l\0338\033[1;1H");
	CHECK_STR(t->reply, "\033[1;1R");
	CHECK(vtfilter_modes(t->vf) & MODE_ORIGIN);

	/* libtsm resets the margins on a resize and on CSI 5 r. */
	tsm_screen_resize(t->screen, 70, 20);
	t->sx = 70;
	t->sy = 20;
	CHECK_OUT(t, "\033[3;1H\033[6n", "\033[3;1H");
	CHECK_STR(t->reply, "\033[3;1R");
	CHECK_OUT(t, "\033[5;10r\033[5r\033[3;1H\033[6n",
	    "\033[5;10r\033[5r\033[3;1H");
	CHECK_STR(t->reply, "\033[3;1R");
	CHECK_OUT(t, "\033[2;20r\033[3;1H\033[6n", "\033[2;20r\033[3;1H");
	CHECK_STR(t->reply, "\033[3;1R");
	CHECK_INT(tsm_screen_get_cursor_y(t->screen), 3);

	/* DSR 5, DA1, DA2 and ENQ are libtsm's. */
	CHECK_OUT(t, "\033[5n\033[c\033[>c\033[=c\005",
	    "\033[5n\033[c\033[>c\005");
	CHECK_INT(t->replylen, 0);
	CHECK_STR(t->tsmreply,
	    "\033[0n\033[?60;1;6;9;15c\033[>1;1;0c\006");
	tvt_free(t);
}

/* Each mode bit, set and reset, and RIS and DECSTR. */
static void
test_modes(void)
{
	static const struct {
		const char	*set;
		const char	*reset;
		int		 flag;
	} m[] = {
		{ "\033[?1h", "\033[?1l", MODE_KCURSOR },
		{ "\033=", "\033>", MODE_KKEYPAD },
		{ "\033[?66h", "\033[?66l", MODE_KKEYPAD },
		{ "\033[?9h", "\033[?9l", MODE_MOUSE_X10 },
		{ "\033[?1000h", "\033[?1000l", MODE_MOUSE_STANDARD },
		{ "\033[?1002h", "\033[?1002l", MODE_MOUSE_BUTTON },
		{ "\033[?1003h", "\033[?1003l", MODE_MOUSE_ALL },
		{ "\033[?1005h", "\033[?1005l", MODE_MOUSE_UTF8 },
		{ "\033[?1006h", "\033[?1006l", MODE_MOUSE_SGR },
		{ "\033[?1015h", "\033[?1015l", MODE_MOUSE_URXVT },
		{ "\033[?1016h", "\033[?1016l", MODE_MOUSE_SGR_PIXELS },
		{ "\033[?1004h", "\033[?1004l", MODE_FOCUS },
		{ "\033[?2004h", "\033[?2004l", MODE_BRACKETPASTE },
		{ "\033[?2026h", "\033[?2026l", MODE_SYNC },
		{ "\033[?12h", "\033[?12l", MODE_CURSOR_BLINK },
		{ "\033[?6h", "\033[?6l", MODE_ORIGIN }
	};
	struct tvt	*t = tvt_new(80, 24);
	size_t		 i;
	int		 all = 0;

	for (i = 0; i < sizeof m / sizeof m[0]; i++) {
		CHECK_OUT(t, m[i].set, m[i].set);
		CHECK_INT(vtfilter_modes(t->vf), m[i].flag);
		CHECK_INT(t->oldmodes, 0);
		CHECK_INT(t->newmodes, m[i].flag);
		CHECK_OUT(t, m[i].reset, m[i].reset);
		CHECK_INT(vtfilter_modes(t->vf), 0);
		CHECK_INT(t->oldmodes, m[i].flag);
		CHECK_INT(t->newmodes, 0);
	}

	/* Several in one sequence; mouse modes exclude each other. */
	CHECK_OUT(t, "\033[?1000;1006;2004h", "\033[?1000;1006;2004h");
	CHECK_INT(vtfilter_modes(t->vf),
	    MODE_MOUSE_STANDARD|MODE_MOUSE_SGR|MODE_BRACKETPASTE);
	tvt_feeds(t, "\033[?1002h\033[?1005h");
	CHECK_INT(vtfilter_modes(t->vf),
	    MODE_MOUSE_BUTTON|MODE_MOUSE_UTF8|MODE_BRACKETPASTE);
	tvt_feeds(t, "\033[?1006l");
	CHECK_INT(vtfilter_modes(t->vf),
	    MODE_MOUSE_BUTTON|MODE_MOUSE_UTF8|MODE_BRACKETPASTE);
	tvt_feeds(t, "\033[?1000l\033[?1005l\033[?2004l");
	CHECK_INT(vtfilter_modes(t->vf), 0);

	/* The modes libtsm needs still reach it. */
	CHECK_OUT(t, "\033[?1;6;7;25;47;5h", "\033[?1;6;7;25;47;5h");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE);
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_REL_ORIGIN);
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_INVERSE);
	CHECK_OUT(t, "\033[?1049l\033[?1047l\033[?1048h\033[?25l\033[?5l",
	    "\033[?1049l\033[?1047l\033[?1048h\033[?25l\033[?5l");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_HIDE_CURSOR);

	/* Cursor style. */
	CHECK_OUT(t, "\033[4 q", "");
	CHECK_INT(vtfilter_cursor_style(t->vf), 4);
	CHECK_OUT(t, "\033[7 q", "");
	CHECK_INT(vtfilter_cursor_style(t->vf), 4);
	CHECK_OUT(t, "\033[ q", "");
	CHECK_INT(vtfilter_cursor_style(t->vf), 0);

	/* RIS and DECSTR reset everything and reach libtsm. */
	for (i = 0; i < sizeof m / sizeof m[0]; i++) {
		tvt_feeds(t, m[i].set);
		all |= m[i].flag;
	}
	all &= ~(MODE_MOUSE_ANY|MODE_MOUSE_ENCODING);
	all |= MODE_MOUSE_ALL|MODE_MOUSE_SGR_PIXELS;
	tvt_feeds(t, "\033[?1003;1016h\033[2 q\033[>4;2m");
	CHECK_INT(vtfilter_modes(t->vf), all);
	CHECK_OUT(t, "\033c", "\033c");
	CHECK_INT(vtfilter_modes(t->vf), 0);
	CHECK_INT(t->oldmodes, all);
	CHECK_INT(vtfilter_cursor_style(t->vf), 0);
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 0);
	for (i = 0; i < sizeof m / sizeof m[0]; i++)
		tvt_feeds(t, m[i].set);
	tvt_feeds(t, "\033[?1003;1016h\033[2 q\033[>4;2m");
	CHECK_OUT(t, "\033[!p", "\033[!p");
	CHECK_INT(vtfilter_modes(t->vf), 0);
	CHECK_INT(vtfilter_cursor_style(t->vf), 0);
	CHECK_INT(vtfilter_modify_other_keys(t->vf), 0);
	CHECK_OUT(t, "\033[?2004h", "\033[?2004h");
	vtfilter_reset(t->vf);
	CHECK_INT(vtfilter_modes(t->vf), 0);

	/* Odd prefixes and intermediates libtsm would misread. */
	CHECK_OUT(t, "\033[>4h\033[?1$h\033[=1h\033[1 h", "");
	CHECK_INT(vtfilter_modes(t->vf), 0);
	CHECK(~tsm_screen_get_flags(t->screen) & TSM_SCREEN_INSERT_MODE);
	tvt_free(t);
}

/* ESC sequences with intermediates libtsm would misread are dropped. */
static void
test_esc(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033(0\033)B\033*A\033+B\033 F",
	    "\033(0\033)B\033*A\033+B\033 F");
	CHECK_OUT(t, "\033#8\033%G\033(%5\033-A", "");
	CHECK_OUT(t, "\033\xc3\xa9" "7", "");
	CHECK_OUT(t, "\033\n7", "\033\n7");
	CHECK_OUT(t, "\033\n#8", "\n");
	CHECK_OUT(t, "\033\\", "\033\\");
	tvt_free(t);
}

/* DCS, SOS, PM and APC never reach libtsm; XTVERSION is answered. */
static void
test_strings(void)
{
	struct tvt	*t = tvt_new(80, 24);

	CHECK_OUT(t, "\033P$qm\033\\a", "a");
	CHECK_OUT(t, "\033P+q544e\033\\b", "b");
	CHECK_OUT(t, "\033Ppayload\007still\033\\c", "c");
	CHECK_OUT(t, "\033_Gf=100;AAAA\033\\d\033^pm\033\\e\033Xsos\033\\f",
	    "def");
	CHECK_OUT(t, "\033Pq#0;2;0;0;0~~\030g", "\030g");
	CHECK_OUT(t, "\033Pq\033[1mh", "\033[1mh");
	CHECK_INT(t->replylen, 0);
	CHECK_OUT(t, "\033[>q", "");
	CHECK_STR(t->reply, "\033P>|huddle\033\\");
	CHECK_OUT(t, "\033[>0q", "");
	CHECK_OUT(t, "\033[18t\033[>1T\033[?5r\033[$r", "");
	CHECK_INT(t->bells, 0);
	tvt_free(t);
}

/* A sequence past VTFILTER_MAX_PENDING passes as it comes. */
static void
test_pending_bound(void)
{
	struct tvt	*t = tvt_new(80, 24);
	char		*buf;
	size_t		 n = 0, i;

	buf = malloc(32768);
	n = snprintf(buf, 32768, "\033[");
	for (i = 0; i < 5000; i++) {
		buf[n++] = '1';
		buf[n++] = ';';
	}
	buf[n++] = 'm';
	buf[n++] = 'X';
	buf[n] = '\0';
	tvt_clear(t);
	tvt_feed(t, buf, n);
	CHECK_MEM(t->out, t->outlen, buf, n);

	/* Fed a byte at a time, it is the same. */
	tvt_clear(t);
	for (i = 0; i < n; i++)
		tvt_feed(t, buf + i, 1);
	CHECK_MEM(t->out, t->outlen, buf, n);

	/* One to drop is abandoned in libtsm with CAN instead. */
	tvt_feeds(t, "\033[?1049h");
	n = snprintf(buf, 32768, "\033[?");
	memset(buf + n, '0', 10000);
	n += 10000;
	n += snprintf(buf + n, 32768 - n, "12$pY");
	tvt_clear(t);
	tvt_feed(t, buf, n);
	CHECK_INT(t->outlen, n);
	CHECK(t->outlen > 2 && memcmp(t->out + t->outlen - 2, "\030Y", 2) == 0);
	CHECK_STR(t->reply, "\033[?12;2$y");
	CHECK(tsm_screen_get_flags(t->screen) & TSM_SCREEN_ALTERNATE);
	free(buf);
	tvt_free(t);
}

/* Plain text and SGR go through unchanged and in few calls. */
static void
test_plain(void)
{
	struct tvt	*t = tvt_new(80, 24);
	char		*buf;
	size_t		 n = 0;

	buf = malloc(70000);
	while (n < 65536) {
		n += snprintf(buf + n, 70000 - n,
		    "line %zu \033[1;38;5;%zum\xc3\xa9t\xc3\xa9\033[0m\r\n",
		    n, n % 256);
	}
	tvt_clear(t);
	tvt_feed(t, buf, n);
	CHECK_MEM(t->out, t->outlen, buf, n);
	CHECK(t->outcalls <= n / 16384 + 1);
	free(buf);
	tvt_free(t);
}

/* Cases for the split test: each is fed whole and in every split. */
static const char *split_cases[] = {
	"plain text\r\n\033[1;31mred\033[0m \033[38;2;1;2;3mrgb\033[m",
	"\033[?1049h\033[?12$p\033[?2004$p\033[4$p\033[?1000;1006h",
	"\033]2;title \xc3\xa9\007\033]0;zero\033\\\033]7;file://h/t%20x\007",
	"x\033]133;A\033\\$ \033]133;B\007ls\r\n\033]133;D;0\xc2\x9c",
	"\033]52;c;SGVsbG8=\007\033]8;;u\033\\l\033]8;;\033\\",
	"a\033[3b\033[2E\033[F\033[5`\033[2a\033[s\033[u\033[3J\033[2J",
	"\xe4\xb8\x80\xf0\x9f\xa5\xb0" "e\xcc\x81\xc0\x9b\xc3\033[31m"
	    "\xed\xa0\x80",
	"\033[1;79H\xe4\xb8\x80\xe4\xb8\x80\033[6n\033[?6h\033[6n\033[?6l",
	"\xc2\x9b" "1m\xc2\x9d" "2;c1\xc2\x9c\xc2\x90q\xc2\x9c\xc2\x84",
	"\033P$qm\033\\\033_apc\033\\\033[>4;2m\033[>q\033[4 q\033[61\"p",
	"\033]2;cancel\030\033]2;x\033[1m\033[1\n2\007m\033c\033[!p",
	"\033(0lqk\033(B\033#8\033=\033>\0337\0338\033[5;10r\033[r\033\\",
	"\033[?1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;1000h\033[?25l",
	"\033[?\xe4\xb8\x80h\033[1:2m\033[?1\x7f" "2h\033\x7f[1m",
	NULL
};

/* Run one case, fed in the given chunk sizes (0: whole). */
static void
split_run(const char *s, size_t len, size_t chunk, size_t first,
    u_char **out, size_t *outlen, char **log)
{
	struct tvt	*t = tvt_new(80, 24);
	size_t		 i = 0, n;

	if (first != 0) {
		tvt_feed(t, s, first);
		i = first;
	}
	while (i < len) {
		n = (chunk == 0 || chunk > len - i) ? len - i : chunk;
		tvt_feed(t, s + i, n);
		i += n;
	}
	tvt_log(t, "modes %x style %u mok %d offset %llu\n",
	    vtfilter_modes(t->vf), vtfilter_cursor_style(t->vf),
	    vtfilter_modify_other_keys(t->vf),
	    (unsigned long long)vtfilter_offset(t->vf));
	*out = t->out;
	*outlen = t->outlen;
	*log = t->log;
	t->out = NULL;
	t->log = NULL;
	tvt_free(t);
}

/* A sequence split at any byte gives the same as unsplit. */
static void
test_split(void)
{
	u_char	*out0, *out1;
	char	*log0, *log1;
	size_t	 len0, len1, len, k, i;
	int	 bad;

	for (i = 0; split_cases[i] != NULL; i++) {
		len = strlen(split_cases[i]);
		split_run(split_cases[i], len, 0, 0, &out0, &len0, &log0);
		bad = 0;
		for (k = 0; k <= len; k++) {
			if (k == len)	/* a byte at a time */
				split_run(split_cases[i], len, 1, 0, &out1,
				    &len1, &log1);
			else
				split_run(split_cases[i], len, 0, k, &out1,
				    &len1, &log1);
			if (len0 != len1 ||
			    (len0 != 0 && memcmp(out0, out1, len0) != 0) ||
			    strcmp(log0, log1) != 0) {
				if (!bad++) {
					fprintf(stderr, "case %zu split %zu:\n",
					    i, k);
					CHECK_MEM(out1, len1, out0, len0);
					CHECK_STR(log1, log0);
				}
			}
			free(out1);
			free(log1);
		}
		CHECK_INT(bad, 0);
		free(out0);
		free(log0);
	}
}

/* No callbacks but output: still safe, and libtsm answers CPR. */
static void
test_null_callbacks(void)
{
	static const struct vtfilter_cb cb = { .output = tvt_output };
	struct tvt		*t = tvt_new(80, 24);
	struct vtfilter		*vf;
	size_t			 i;

	vf = vtfilter_create(&cb, t);
	for (i = 0; split_cases[i] != NULL; i++)
		vtfilter_input(vf, (const u_char *)split_cases[i],
		    strlen(split_cases[i]));
	tvt_clear(t);
	vtfilter_input(vf, (const u_char *)"\033[6n\xe4\xb8\x80\033[3b", 11);
	CHECK_MEM(t->out, t->outlen,
	    "\033[6n\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80", 16);
	CHECK(t->tsmreplylen > 0);
	vtfilter_free(vf);
	tvt_free(t);
}

/* Run every test. */
int
main(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		fprintf(stderr, "no C.UTF-8 locale\n");
		return (77);
	}
	test_decrqm_vim();
	test_decrqm_values();
	test_xtmodkeys();
	test_overlong_esc();
	test_truncated_utf8();
	test_c1();
	test_osc_long();
	test_osc_split();
	test_title();
	test_osc7();
	test_osc133();
	test_bell();
	test_rep();
	test_cnl_cpl();
	test_hpa_hpr();
	test_scosc();
	test_e3();
	test_decscl();
	test_wide();
	test_wide_unplaceable();
	test_cpr();
	test_modes();
	test_esc();
	test_strings();
	test_pending_bound();
	test_plain();
	test_split();
	test_null_callbacks();
	UNIT_END();
}
