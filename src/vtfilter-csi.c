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
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "huddle.h"
#include "term.h"
#include "vtfilter.h"
#include "vtfilter-int.h"

/*
 * What the VT filter does with each complete escape or control sequence:
 * pass it to libtsm, drop it, rewrite it into a form libtsm has, or answer
 * it here; and the modes it tracks on the way. See LIBTSM.md section 2.
 */

/* DEC private modes tracked in the mode bits. */
static const struct {
	int	mode;
	int	flag;
} vtfilter_dec_modes[] = {
	{ 1, MODE_KCURSOR },
	{ 6, MODE_ORIGIN },
	{ 9, MODE_MOUSE_X10 },
	{ 12, MODE_CURSOR_BLINK },
	{ 66, MODE_KKEYPAD },
	{ 1000, MODE_MOUSE_STANDARD },
	{ 1002, MODE_MOUSE_BUTTON },
	{ 1003, MODE_MOUSE_ALL },
	{ 1004, MODE_FOCUS },
	{ 1005, MODE_MOUSE_UTF8 },
	{ 1006, MODE_MOUSE_SGR },
	{ 1015, MODE_MOUSE_URXVT },
	{ 1016, MODE_MOUSE_SGR_PIXELS },
	{ 2004, MODE_BRACKETPASTE },
	{ 2026, MODE_SYNC }
};

/* Whether the intermediates are exactly s. */
static int
vtfilter_inter(struct vtfilter *vf, const char *s)
{
	size_t	len = strlen(s);

	return (vf->ninter == len && memcmp(vf->inter, s, len) == 0);
}

/* Send a reply to the program, after everything before it reached libtsm. */
static void printflike(2, 3)
vtfilter_reply(struct vtfilter *vf, const char *fmt, ...)
{
	va_list	ap;
	char	buf[64];
	int	n;

	if (vf->cb.reply == NULL)
		return;
	vtfilter_flush(vf);
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof buf)
		vf->cb.reply(vf->arg, (u_char *)buf, n);
}

/* Change the mode bits and tell the owner. */
static void
vtfilter_set_modes(struct vtfilter *vf, int modes)
{
	int	old = vf->modes;

	if (modes == old)
		return;
	vf->modes = modes;
	if (vf->cb.modes != NULL) {
		vtfilter_flush(vf);
		vf->cb.modes(vf->arg, old, modes);
	}
}

/* Forget the tracked state, as RIS and DECSTR make libtsm do. */
void
vtfilter_reset_state(struct vtfilter *vf)
{
	vf->priv = PRIV_WRAP;
	vf->saved = PRIV_WRAP;
	vf->cstyle = 0;
	vf->mok = 0;
	vf->top = 0;
	vf->last = 0;
	vtfilter_set_modes(vf, 0);
}

/* DECSC: libtsm saves origin and wrap modes with the cursor. */
static void
vtfilter_save(struct vtfilter *vf)
{
	vf->saved = (vf->modes & MODE_ORIGIN) | (vf->priv & PRIV_WRAP);
}

/* DECRC: and restores them. */
static void
vtfilter_restore(struct vtfilter *vf)
{
	vf->priv = (vf->priv & ~PRIV_WRAP) | (vf->saved & PRIV_WRAP);
	vtfilter_set_modes(vf,
	    (vf->modes & ~MODE_ORIGIN) | (vf->saved & MODE_ORIGIN));
}

/* An escape sequence is complete. */
void
vtfilter_esc_dispatch(struct vtfilter *vf, u_char c)
{
	if ((vf->seqflags & SEQ_ODD) || vf->ninter > 1 ||
	    (vf->ninter == 1 && strchr("()*+ ", vf->inter[0]) == NULL)) {
		/* libtsm ignores these intermediates: ESC # 8 is DECRC. */
		vtfilter_seq_drop(vf);
		return;
	}
	vtfilter_seq_pass(vf, c);
	vf->last = 0;
	if (vf->ninter != 0)
		return;
	switch (c) {
	case '=':
		vtfilter_set_modes(vf, vf->modes | MODE_KKEYPAD);
		break;
	case '>':
		vtfilter_set_modes(vf, vf->modes & ~MODE_KKEYPAD);
		break;
	case 'c':
		vtfilter_reset_state(vf);
		break;
	case '7':
		vtfilter_save(vf);
		break;
	case '8':
		vtfilter_restore(vf);
		break;
	}
}

/* The mode bit for a DEC private mode, or 0. */
static int
vtfilter_dec_flag(int mode)
{
	size_t	i;

	for (i = 0; i < sizeof vtfilter_dec_modes /
	    sizeof vtfilter_dec_modes[0]; i++) {
		if (vtfilter_dec_modes[i].mode == mode)
			return (vtfilter_dec_modes[i].flag);
	}
	return (0);
}

/* Track a DEC private mode libtsm implements. */
static void
vtfilter_priv_mode(struct vtfilter *vf, int mode, int set)
{
	int	flag;

	switch (mode) {
	case 5:
		flag = PRIV_INVERSE;
		break;
	case 7:
		flag = PRIV_WRAP;
		break;
	case 25:
		flag = PRIV_HIDDEN;
		set = !set;
		break;
	case 47:
	case 1047:
	case 1049:
		flag = PRIV_ALTERNATE;
		break;
	default:
		return;
	}
	if (set)
		vf->priv |= flag;
	else
		vf->priv &= ~flag;
}

/*
 * SM and RM. Mouse tracking modes exclude each other and any reset turns
 * tracking off; encodings exclude each other and a reset only clears its
 * own (both as xterm).
 */
static void
vtfilter_csi_mode(struct vtfilter *vf, u_char c)
{
	int	modes = vf->modes, set = (c == 'h'), flag, mode;
	u_int	i;

	if (vf->ninter != 0 || (vf->prefix != 0 && vf->prefix != '?')) {
		vtfilter_seq_drop(vf);
		return;
	}
	vtfilter_seq_pass(vf, c);
	for (i = 0; i < vf->argc; i++) {
		mode = vf->argv[i];
		if (vf->prefix == 0) {
			if (mode == 4 || mode == 20) {
				flag = (mode == 4) ? PRIV_INSERT : PRIV_NEWLINE;
				vf->priv = set ? vf->priv | flag :
				    vf->priv & ~flag;
			}
			continue;
		}
		vtfilter_priv_mode(vf, mode, set);
		flag = vtfilter_dec_flag(mode);
		if (flag & MODE_MOUSE_ANY)
			modes &= ~MODE_MOUSE_ANY;
		else if ((flag & MODE_MOUSE_ENCODING) && set)
			modes &= ~MODE_MOUSE_ENCODING;
		modes = set ? modes | flag : modes & ~flag;
	}
	vtfilter_set_modes(vf, modes);
}

/* The DECRQM value of a mode: 1 set, 2 reset, 0 not recognised. */
static int
vtfilter_mode_value(struct vtfilter *vf, int dec, int mode)
{
	int	flag;

	if (!dec) {
		if (mode == 4)
			return ((vf->priv & PRIV_INSERT) ? 1 : 2);
		if (mode == 20)
			return ((vf->priv & PRIV_NEWLINE) ? 1 : 2);
		return (0);
	}
	switch (mode) {
	case 5:
		return ((vf->priv & PRIV_INVERSE) ? 1 : 2);
	case 7:
		if (vf->cb.autowrap == NULL)
			return ((vf->priv & PRIV_WRAP) ? 1 : 2);
		vtfilter_flush(vf);
		return (vf->cb.autowrap(vf->arg) ? 1 : 2);
	case 25:
		return ((vf->priv & PRIV_HIDDEN) ? 2 : 1);
	case 47:
	case 1047:
	case 1049:
		return ((vf->priv & PRIV_ALTERNATE) ? 1 : 2);
	}
	if ((flag = vtfilter_dec_flag(mode)) == 0)
		return (0);
	return ((vf->modes & flag) ? 1 : 2);
}

/* CSI ... p: DECRQM is answered here, DECSTR passed, the rest dropped. */
static void
vtfilter_csi_p(struct vtfilter *vf)
{
	int	dec = (vf->prefix == '?'), mode;

	if ((vf->prefix == 0 || dec) && vtfilter_inter(vf, "$")) {
		vtfilter_seq_drop(vf);
		mode = vf->argv[0] < 0 ? 0 : vf->argv[0];
		vtfilter_reply(vf, "\033[%s%d;%d$y", dec ? "?" : "", mode,
		    vtfilter_mode_value(vf, dec, mode));
		return;
	}
	if (vf->prefix == 0 && vtfilter_inter(vf, "!")) {
		vtfilter_seq_pass(vf, 'p');
		vtfilter_reset_state(vf);
		return;
	}
	vtfilter_seq_drop(vf);	/* DECSCL, XTSMPOINTER and the like */
}

/* Queue an SGR with the first n parameters held. */
static void
vtfilter_put_sgr(struct vtfilter *vf, u_int n)
{
	char	buf[256];
	size_t	len;
	u_int	i;

	len = snprintf(buf, sizeof buf, "\033[");
	for (i = 0; i < n; i++) {
		if (i != 0)
			buf[len++] = ';';
		if (vf->argv[i] >= 0)
			len += snprintf(buf + len, sizeof buf - len, "%d",
			    vf->argv[i]);
	}
	buf[len++] = 'm';
	vtfilter_put(vf, buf, len);
}

/* CSI ... m: SGR passes; XTMODKEYS is tracked; libtsm misreads the rest. */
static void
vtfilter_csi_m(struct vtfilter *vf)
{
	u_int	last = VTFILTER_MAX_ARGS - 1;
	int	v;

	if (vf->prefix == 0 && vf->ninter == 0) {
		if (vf->argc == VTFILTER_MAX_ARGS &&
		    (vf->argv[last] == 38 || vf->argv[last] == 48)) {
			/* libtsm reads past its array for the colour. */
			vtfilter_seq_drop(vf);
			vtfilter_put_sgr(vf, last);
			return;
		}
		vtfilter_seq_pass(vf, 'm');
		return;
	}
	vtfilter_seq_drop(vf);
	if (vf->prefix != '>' || vf->ninter != 0)
		return;
	if (vf->argv[0] < 0)
		vf->mok = 0;
	else if (vf->argv[0] == 4) {
		v = vf->argv[1] < 0 ? 0 : vf->argv[1];
		if (v <= 3)
			vf->mok = v;
	}
}

/* CPR: answered here, with the column clamped and origin mode applied. */
static void
vtfilter_cpr(struct vtfilter *vf)
{
	u_int	x, y, sx = 0, sy = 0, row, top;

	vtfilter_flush(vf);
	vf->cb.cursor(vf->arg, &x, &y);
	if (vf->cb.size != NULL)
		vf->cb.size(vf->arg, &sx, &sy);
	if (sx != 0 && x >= sx)
		x = sx - 1;
	row = y + 1;
	if (vf->modes & MODE_ORIGIN) {
		/* libtsm resets the margins on a resize. */
		top = (sx == vf->topsx && sy == vf->topsy) ? vf->top : 0;
		row = (y >= top) ? y - top + 1 : 1;
	}
	vtfilter_reply(vf, "\033[%u;%uR", row, x + 1);
}

/* CSI ... n: DSR 5 passes, CPR is answered here, the rest dropped. */
static void
vtfilter_csi_n(struct vtfilter *vf)
{
	if (vf->ninter == 0 && (vf->prefix == 0 || vf->prefix == '?') &&
	    vf->argv[0] == 6) {
		if (vf->cb.cursor == NULL) {
			vtfilter_seq_pass(vf, 'n');
			return;
		}
		vtfilter_seq_drop(vf);
		vtfilter_cpr(vf);
		return;
	}
	if (vf->prefix == 0 && vf->ninter == 0 && vf->argv[0] == 5) {
		vtfilter_seq_pass(vf, 'n');
		return;
	}
	vtfilter_seq_drop(vf);
	if (vf->prefix == '>' && vf->ninter == 0 && vf->argv[0] == 4)
		vf->mok = 0;
}

/* CSI ... q: DECSCUSR is tracked, XTVERSION answered; all dropped. */
static void
vtfilter_csi_q(struct vtfilter *vf)
{
	vtfilter_seq_drop(vf);
	if (vf->prefix == 0 && vtfilter_inter(vf, " ")) {
		if (vf->argv[0] <= 6)
			vf->cstyle = vf->argv[0] < 0 ? 0 : vf->argv[0];
	} else if (vf->prefix == '>' && vf->ninter == 0 && vf->argv[0] <= 0)
		vtfilter_reply(vf, "\033P>|huddle\033\\");
}

/* DECSTBM passed to libtsm: follow its top margin, by its rules. */
static void
vtfilter_margins(struct vtfilter *vf)
{
	u_int	t, b, sx = 0, sy = UINT32_MAX;

	t = vf->argv[0] <= 0 ? 1 : vf->argv[0];
	b = vf->argv[1] < 0 ? 0 : vf->argv[1];
	if (vf->cb.size != NULL)
		vf->cb.size(vf->arg, &sx, &sy);
	vf->top = (b <= t || b > sy) ? 0 : t - 1;
	vf->topsx = sx;
	vf->topsy = sy;
}

/* REP: print the last graphic character again, at most a screenful. */
static void
vtfilter_rep(struct vtfilter *vf)
{
	u_char	buf[256];
	u_int	sx = 80, sy = 24, n, max, i;

	if (vf->last == 0)
		return;
	n = vf->argv[0] <= 0 ? 1 : vf->argv[0];
	if (vf->cb.size != NULL)
		vf->cb.size(vf->arg, &sx, &sy);
	max = (sx == 0 || sy == 0) ? 1 : sx * sy;
	if (n > max)
		n = max;
	if (vf->last >= 0x7f) {
		for (i = 0; i < n; i++)
			vtfilter_print(vf, vf->last);
		return;
	}
	memset(buf, vf->last, sizeof buf);
	for (; n > sizeof buf; n -= sizeof buf)
		vtfilter_put(vf, buf, sizeof buf);
	vtfilter_put(vf, buf, n);
}

/* Queue CSI n c, or CSI c when n is the default. */
static void
vtfilter_put_csi(struct vtfilter *vf, int n, u_char c)
{
	char	buf[32];

	if (n > 0)
		snprintf(buf, sizeof buf, "\033[%d%c", n, c);
	else
		snprintf(buf, sizeof buf, "\033[%c", c);
	vtfilter_put(vf, buf, strlen(buf));
}

/* Sequences libtsm lacks, in forms it has. */
static void
vtfilter_csi_rewrite(struct vtfilter *vf, u_char c)
{
	int	n = vf->argv[0], bare = (vf->argc == 1 && n < 0);

	vtfilter_seq_drop(vf);
	if (vf->prefix != 0 || vf->ninter != 0)
		return;
	switch (c) {
	case 'E':	/* CNL */
	case 'F':	/* CPL */
		vtfilter_put_csi(vf, n, c == 'E' ? 'B' : 'A');
		vtfilter_putc(vf, '\r');
		break;
	case '`':	/* HPA */
		vtfilter_put_csi(vf, n, 'G');
		break;
	case 'a':	/* HPR */
		vtfilter_put_csi(vf, n, 'C');
		break;
	case 'b':	/* REP */
		vtfilter_rep(vf);
		break;
	case 's':	/* SCOSC */
		if (bare) {
			vtfilter_put(vf, "\0337", 2);
			vtfilter_save(vf);
		}
		break;
	case 'u':	/* SCORC; with parameters, kitty's keyboard */
		if (bare) {
			vtfilter_put(vf, "\0338", 2);
			vtfilter_restore(vf);
		}
		break;
	}
}

/* A control sequence is complete: pass, rewrite, answer or drop it. */
void
vtfilter_csi_dispatch(struct vtfilter *vf, u_char c)
{
	int	plain = (vf->prefix == 0 && vf->ninter == 0);

	if (vf->argc < VTFILTER_MAX_ARGS)
		vf->argc++;
	if (vf->seqflags & SEQ_ODD) {
		vtfilter_seq_drop(vf);
		return;
	}
	switch (c) {
	case 'h':
	case 'l':
		vtfilter_csi_mode(vf, c);
		return;
	case 'm':
		vtfilter_csi_m(vf);
		return;
	case 'n':
		vtfilter_csi_n(vf);
		return;
	case 'p':
		vtfilter_csi_p(vf);
		return;
	case 'q':
		vtfilter_csi_q(vf);
		return;
	case 'E':
	case 'F':
	case '`':
	case 'a':
	case 'b':
	case 's':
	case 'u':
		vtfilter_csi_rewrite(vf, c);
		return;
	case 'J':
		if (plain && vf->argv[0] == 3) {
			vtfilter_seq_drop(vf);
			if (vf->cb.clear_history != NULL) {
				vtfilter_flush(vf);
				vf->cb.clear_history(vf->arg);
			}
			return;
		}
		/* FALLTHROUGH */
	case 'K':
		plain = (vf->ninter == 0 &&
		    (vf->prefix == 0 || vf->prefix == '?'));
		break;
	case 'c':
		plain = (vf->ninter == 0 &&
		    (vf->prefix == 0 || vf->prefix == '>'));
		break;
	case 'r':
		if (plain) {
			vtfilter_seq_pass(vf, c);
			vtfilter_margins(vf);
			return;
		}
		break;
	case '@': case 'A': case 'B': case 'C': case 'D': case 'G':
	case 'H': case 'I': case 'L': case 'M': case 'P': case 'S':
	case 'T': case 'X': case 'Z': case 'd': case 'e': case 'f':
	case 'g':
		break;
	default:
		plain = 0;	/* libtsm does nothing with it */
		break;
	}
	if (plain)
		vtfilter_seq_pass(vf, c);
	else
		vtfilter_seq_drop(vf);
}
