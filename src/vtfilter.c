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

#include "huddle.h"
#include "term.h"
#include "vtfilter.h"
#include "vtfilter-int.h"

/*
 * The VT filter's parser: a Paul Williams style state machine with the
 * transitions of libtsm 4.0.2's own, run over code points after UTF-8
 * repair, so that the filter and libtsm always agree on where a sequence
 * starts and ends. A sequence is held back until its final byte, then
 * vtfilter-csi.c passes it on unchanged, drops it (keeping the C0 controls
 * libtsm would have run inside it), rewrites or answers it. A sequence
 * longer than VTFILTER_MAX_PENDING is passed on as it comes; if it then has
 * to be dropped, a CAN replaces its final byte so libtsm abandons it too.
 * OSC, DCS, SOS, PM and APC strings never reach libtsm. LIBTSM.md
 * (sections 2 and 7) says why for each case.
 */

static void	vtfilter_cp(struct vtfilter *, uint32_t);
static void	vtfilter_esc(struct vtfilter *, uint32_t);

/* Hand the batched output to the callback. */
void
vtfilter_flush(struct vtfilter *vf)
{
	size_t	len = vf->outlen;

	if (len != 0) {
		vf->outlen = 0;
		vf->cb.output(vf->arg, vf->out, len);
	}
}

/* Queue bytes for libtsm. */
void
vtfilter_put(struct vtfilter *vf, const void *buf, size_t len)
{
	if (vf->outlen + len > sizeof vf->out) {
		vtfilter_flush(vf);
		if (len > sizeof vf->out) {
			vf->cb.output(vf->arg, buf, len);
			return;
		}
	}
	memcpy(vf->out + vf->outlen, buf, len);
	vf->outlen += len;
}

/* Queue one byte for libtsm. */
void
vtfilter_putc(struct vtfilter *vf, u_char c)
{
	if (vf->outlen == sizeof vf->out)
		vtfilter_flush(vf);
	vf->out[vf->outlen++] = c;
}

/* Queue a code point for libtsm. */
static void
vtfilter_put_utf8(struct vtfilter *vf, uint32_t cp)
{
	u_char	buf[4];

	vtfilter_put(vf, buf, utf8_encode(cp, (char *)buf));
}

/* BEL outside a string. */
static void
vtfilter_bell(struct vtfilter *vf)
{
	if (vf->cb.bell != NULL) {
		vtfilter_flush(vf);
		vf->cb.bell(vf->arg);
	}
}

/* Follow the cursor column over n narrow characters, as libtsm moves it. */
static void
vtfilter_advance(struct vtfilter *vf, size_t n)
{
	uint64_t	t;
	u_int		sx = vf->wsx;

	if (!vf->wvalid || sx == 0)
		return;
	if (!vf->wwrap) {
		t = (uint64_t)vf->wx + n;
		vf->wx = (t > sx) ? sx : t;
		return;
	}
	t = (vf->wx >= sx ? 0 : vf->wx) + (uint64_t)n;
	vf->wx = (t <= sx) ? t : ((t - 1) % sx) + 1;
}

/*
 * A wide character is next; returns 0 if it cannot be placed. xterm wraps
 * it from the last column, where libtsm would leave it sticking out (and
 * the cursor past the edge), so put a space there first; without auto-wrap
 * it does not fit. A screen of one column has no room for one at all, and
 * libtsm 4.0.2 overruns the heap writing it in insert mode. The column is
 * asked once, then followed while only text is printed.
 */
static int
vtfilter_wide(struct vtfilter *vf)
{
	u_int	x, y, sx, sy;

	if (!vf->wvalid) {
		if (vf->cb.size == NULL)
			return (1);
		vf->cb.size(vf->arg, &sx, &sy);
		if (sx < 2)
			return (0);
		if (vf->cb.cursor == NULL)
			return (1);
		vtfilter_flush(vf);
		vf->wwrap = (vf->cb.autowrap == NULL ||
		    vf->cb.autowrap(vf->arg));
		vf->cb.cursor(vf->arg, &x, &y);
		vf->wx = x;
		vf->wsx = sx;
		vf->wvalid = 1;
	}
	if (!vf->wwrap) {
		if (vf->wx >= vf->wsx - 1)
			return (0);
		vf->wx += 2;
		return (1);
	}
	if (vf->wx == vf->wsx - 1)
		vtfilter_putc(vf, ' ');
	if (vf->wx >= vf->wsx - 1)
		vf->wx = 2;
	else
		vf->wx += 2;
	return (1);
}

/*
 * Print a character, settling its width with the system's wcwidth (what
 * the program used): a character the system gives no cell is dropped, one
 * it thinks wide but libtsm narrow gets a space after it. Without a usable
 * wcwidth, libtsm's widths stand.
 */
void
vtfilter_print(struct vtfilter *vf, uint32_t cp)
{
	int	sw;
	u_int	tw;

	if (cp < 0x7f) {
		vtfilter_putc(vf, cp);
		vf->last = cp;
		vtfilter_advance(vf, 1);
		return;
	}
	tw = term_char_width(cp);
	sw = vf->sysok ? term_sys_width(cp) : (tw == 2 ? 2 : 1);
	if (sw <= 0)
		return;
	vf->last = cp;
	if (sw == 1) {
		if (vf->sysok && tw != 1)
			cp = 0xfffd;
		vtfilter_put_utf8(vf, cp);
		if (tw == 1 || cp == 0xfffd)
			vtfilter_advance(vf, 1);
		return;
	}
	if (!vtfilter_wide(vf)) {
		vtfilter_put_utf8(vf, 0xfffd);
		vtfilter_advance(vf, 1);
		return;
	}
	if (tw == 2) {
		vtfilter_put_utf8(vf, cp);
		return;
	}
	vtfilter_put_utf8(vf, tw == 1 ? cp : 0xfffd);
	vtfilter_putc(vf, ' ');
}

/* Pass a run of text and format effectors in ground; returns its length. */
static size_t
vtfilter_text(struct vtfilter *vf, const u_char *buf, size_t len)
{
	size_t	n = 0, ctl = 0;

	while (n < len) {
		if (buf[n] >= 0x20 && buf[n] < 0x7f)
			n++;
		else if (buf[n] >= 0x08 && buf[n] <= 0x0d)
			ctl = ++n;
		else
			break;
	}
	if (n == 0)
		return (0);
	vtfilter_put(vf, buf, n);
	vf->offset += n;
	if (ctl != 0) {
		vf->wvalid = 0;
		vf->last = (ctl == n) ? 0 : buf[n - 1];
	} else {
		vf->last = buf[n - 1];
		vtfilter_advance(vf, n);
	}
	return (n);
}

/* Start holding back a sequence. */
static void
vtfilter_seq_begin(struct vtfilter *vf, enum vtfilter_state state,
    const char *intro, size_t len)
{
	memcpy(vf->seq, intro, len);
	vf->seqlen = len;
	vf->seqflags = 0;
	vf->seqstart = vf->cpstart;
	vf->prefix = 0;
	vf->ninter = 0;
	vf->argc = 0;
	memset(vf->argv, 0xff, sizeof vf->argv);	/* -1: not given */
	vf->state = state;
}

/* Add a byte to the held sequence, or pass it on if it is too long. */
static void
vtfilter_seq_add(struct vtfilter *vf, u_char c)
{
	if (~vf->seqflags & SEQ_OVERFLOW) {
		if (vf->seqlen < sizeof vf->seq) {
			vf->seq[vf->seqlen++] = c;
			return;
		}
		vtfilter_put(vf, vf->seq, vf->seqlen);
		vf->seqlen = 0;
		vf->seqflags |= SEQ_OVERFLOW;
	}
	vtfilter_putc(vf, c);
}

/* A C0 control inside a sequence: libtsm runs it there and then. */
static void
vtfilter_seq_c0(struct vtfilter *vf, uint32_t cp)
{
	if (cp == 0x07) {
		vtfilter_bell(vf);
		return;
	}
	vtfilter_seq_add(vf, cp);
}

/* Pass the held sequence on with its final byte. */
void
vtfilter_seq_pass(struct vtfilter *vf, u_char c)
{
	if (~vf->seqflags & SEQ_OVERFLOW)
		vtfilter_put(vf, vf->seq, vf->seqlen);
	vtfilter_putc(vf, c);
	vf->seqlen = 0;
	vf->state = VF_GROUND;
}

/* Drop the held sequence but keep the controls inside it. */
void
vtfilter_seq_drop(struct vtfilter *vf)
{
	size_t	i;

	if (vf->seqflags & SEQ_OVERFLOW) {
		vtfilter_putc(vf, 0x18);	/* libtsm has part of it */
	} else {
		for (i = 1; i < vf->seqlen; i++) {
			if (vf->seq[i] < 0x20)
				vtfilter_putc(vf, vf->seq[i]);
		}
	}
	vf->seqlen = 0;
	vf->state = VF_GROUND;
}

/* Collect an intermediate; libtsm reads only the first one or two. */
static void
vtfilter_collect(struct vtfilter *vf, uint32_t cp)
{
	if (cp > 0x7f || vf->ninter == sizeof vf->inter)
		vf->seqflags |= SEQ_ODD;
	else
		vf->inter[vf->ninter++] = cp;
	if (cp < 0x7f)
		vtfilter_seq_add(vf, cp);
}

/* Collect a parameter byte, with libtsm's limits. */
static void
vtfilter_param(struct vtfilter *vf, u_char c)
{
	int	*v;

	vtfilter_seq_add(vf, c);
	if (c == ';') {
		if (vf->argc < VTFILTER_MAX_ARGS)
			vf->argc++;
		return;
	}
	if (vf->argc >= VTFILTER_MAX_ARGS)
		return;
	v = &vf->argv[vf->argc];
	if (*v > 0xffff)
		return;
	*v = (*v <= 0) ? c - '0' : *v * 10 + c - '0';
}

/*
 * The parameter bytes of a CSI, when a run of them is in the buffer: the
 * same as vtfilter_param for each, without the per-byte call chain.
 * Returns how many were taken.
 */
static size_t
vtfilter_params(struct vtfilter *vf, const u_char *buf, size_t len)
{
	size_t	n, room = sizeof vf->seq - vf->seqlen;
	u_char	c;
	int	*v;

	if (room < len)
		len = room;
	for (n = 0; n < len; n++) {
		c = buf[n];
		if (c == ';') {
			if (vf->argc < VTFILTER_MAX_ARGS)
				vf->argc++;
			continue;
		}
		if (c < '0' || c > '9')
			break;
		if (vf->argc >= VTFILTER_MAX_ARGS)
			continue;
		v = &vf->argv[vf->argc];
		if (*v <= 0xffff)
			*v = (*v <= 0) ? c - '0' : *v * 10 + c - '0';
	}
	if (n != 0) {
		memcpy(vf->seq + vf->seqlen, buf, n);
		vf->seqlen += n;
		vf->offset += n;
		vf->state = VF_CSI_PARAM;
	}
	return (n);
}

/* A string ended with BEL or ST. */
static void
vtfilter_string_end(struct vtfilter *vf)
{
	if (vf->state == VF_OSC ||
	    (vf->state == VF_STRING_ESC && vf->oscesc))
		vtfilter_osc_dispatch(vf);
	vtfilter_osc_release(vf);
	vf->state = VF_GROUND;
}

/* Abandon whatever sequence or string is under way. */
static void
vtfilter_abort(struct vtfilter *vf)
{
	switch (vf->state) {
	case VF_ESC:
	case VF_ESC_INT:
	case VF_CSI_ENTRY:
	case VF_CSI_PARAM:
	case VF_CSI_INT:
	case VF_CSI_IGNORE:
		vtfilter_seq_drop(vf);
		break;
	case VF_OSC:
	case VF_STRING:
	case VF_STRING_ESC:
		vtfilter_osc_release(vf);
		break;
	case VF_GROUND:
		break;
	}
	vf->state = VF_GROUND;
}

/* In ESC or ESC_INT. */
static void
vtfilter_esc(struct vtfilter *vf, uint32_t cp)
{
	if (cp < 0x20) {
		vtfilter_seq_c0(vf, cp);
		return;
	}
	if (cp == 0x7f)
		return;
	if (cp < 0x30 || cp > 0x7f) {
		vtfilter_collect(vf, cp);
		vf->state = VF_ESC_INT;
		return;
	}
	if (vf->state == VF_ESC) {
		switch (cp) {
		case '[':
			vtfilter_seq_add(vf, cp);
			vf->state = VF_CSI_ENTRY;
			return;
		case ']':
			vtfilter_seq_drop(vf);
			vtfilter_osc_begin(vf, vf->seqstart);
			return;
		case 'P':
		case 'X':
		case '^':
		case '_':
			vtfilter_seq_drop(vf);
			vf->state = VF_STRING;
			return;
		}
	}
	vtfilter_esc_dispatch(vf, cp);
}

/* In one of the CSI states: libtsm's transitions exactly. */
static void
vtfilter_csi(struct vtfilter *vf, uint32_t cp)
{
	if (cp < 0x20) {
		vtfilter_seq_c0(vf, cp);
		return;
	}
	if (cp == 0x7f)
		return;
	if (cp > 0x7f) {
		vf->state = VF_CSI_IGNORE;
		return;
	}
	if (cp >= 0x40) {
		if (vf->state == VF_CSI_IGNORE)
			vtfilter_seq_drop(vf);
		else
			vtfilter_csi_dispatch(vf, cp);
		return;
	}
	if (vf->state == VF_CSI_IGNORE) {
		vtfilter_seq_add(vf, cp);
		return;
	}
	if (cp < 0x30) {
		vtfilter_collect(vf, cp);
		vf->state = VF_CSI_INT;
		return;
	}
	if (vf->state != VF_CSI_INT && cp != ':' && cp < 0x3c) {
		vtfilter_param(vf, cp);
		vf->state = VF_CSI_PARAM;
		return;
	}
	vtfilter_seq_add(vf, cp);
	if (vf->state == VF_CSI_ENTRY && cp >= 0x3c) {
		vf->prefix = cp;
		vf->state = VF_CSI_PARAM;
	} else
		vf->state = VF_CSI_IGNORE;
}

/* ESC in a string: ST if a backslash follows, else a new sequence. */
static void
vtfilter_string_esc(struct vtfilter *vf, uint32_t cp)
{
	if (cp == '\\') {
		vtfilter_string_end(vf);
		return;
	}
	vtfilter_osc_release(vf);
	vtfilter_seq_begin(vf, VF_ESC, "\033", 1);
	vf->seqstart = vf->escstart;
	vtfilter_esc(vf, cp);
}

/* ESC, from any state. */
static void
vtfilter_escape(struct vtfilter *vf)
{
	if (vf->state == VF_OSC || vf->state == VF_STRING) {
		vf->oscesc = (vf->state == VF_OSC);
		vf->escstart = vf->cpstart;
		vf->state = VF_STRING_ESC;
		return;
	}
	vtfilter_abort(vf);
	vtfilter_seq_begin(vf, VF_ESC, "\033", 1);
}

/* A C1 control (UTF-8 encoded, as libtsm takes them), from any state. */
static void
vtfilter_c1(struct vtfilter *vf, uint32_t cp)
{
	if (cp == 0x9c && (vf->state == VF_OSC || vf->state == VF_STRING)) {
		vtfilter_string_end(vf);
		return;
	}
	vtfilter_abort(vf);
	switch (cp) {
	case 0x9b:
		vtfilter_seq_begin(vf, VF_CSI_ENTRY, "\033[", 2);
		break;
	case 0x9d:
		vtfilter_osc_begin(vf, vf->cpstart);
		break;
	case 0x90:
	case 0x98:
	case 0x9e:
	case 0x9f:
		vf->state = VF_STRING;
		break;
	default:
		vtfilter_put_utf8(vf, cp);	/* libtsm runs it */
		vf->last = 0;
		break;
	}
}

/* One code point into the parser. */
static void
vtfilter_cp(struct vtfilter *vf, uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x80 && cp < 0xa0) || vf->state != VF_GROUND)
		vf->wvalid = 0;
	if (cp == 0x18 || cp == 0x1a) {
		vtfilter_abort(vf);
		vtfilter_putc(vf, cp);
		return;
	}
	if (cp == 0x1b) {
		vtfilter_escape(vf);
		return;
	}
	if (cp >= 0x80 && cp < 0xa0) {
		vtfilter_c1(vf, cp);
		return;
	}
	switch (vf->state) {
	case VF_GROUND:
		if (cp == 0x07) {
			vtfilter_bell(vf);
		} else if (cp < 0x20) {
			vtfilter_putc(vf, cp);
			vf->last = 0;
		} else if (cp == 0x7f) {
			vtfilter_putc(vf, cp);
		} else
			vtfilter_print(vf, cp);
		break;
	case VF_ESC:
	case VF_ESC_INT:
		vtfilter_esc(vf, cp);
		break;
	case VF_CSI_ENTRY:
	case VF_CSI_PARAM:
	case VF_CSI_INT:
	case VF_CSI_IGNORE:
		vtfilter_csi(vf, cp);
		break;
	case VF_OSC:
		if (cp == 0x07)
			vtfilter_string_end(vf);
		else if (cp >= 0x20)
			vtfilter_osc_add(vf, cp);
		break;
	case VF_STRING:
		break;
	case VF_STRING_ESC:
		vtfilter_string_esc(vf, cp);
		break;
	}
}

/*
 * One byte through the UTF-8 decoder. Each maximal invalid subpart becomes
 * one U+FFFD and the byte that broke a sequence is read again, so overlong
 * forms, surrogates, values past U+10FFFF and truncated sequences can never
 * hide or swallow a control. Raw C1 bytes are invalid, like libtsm's.
 */
static void
vtfilter_byte(struct vtfilter *vf, u_char b)
{
	if (vf->u8need != 0) {
		if (b >= vf->u8lo && b <= vf->u8hi) {
			vf->u8cp = (vf->u8cp << 6) | (b & 0x3f);
			vf->u8lo = 0x80;
			vf->u8hi = 0xbf;
			if (--vf->u8need == 0) {
				vf->cpstart = vf->u8start;
				vf->cpend = vf->offset + 1;
				vtfilter_cp(vf, vf->u8cp);
			}
			return;
		}
		vf->u8need = 0;
		vf->cpstart = vf->u8start;
		vf->cpend = vf->offset;
		vtfilter_cp(vf, 0xfffd);
	}
	vf->cpstart = vf->offset;
	vf->cpend = vf->offset + 1;
	if (b < 0x80) {
		vtfilter_cp(vf, b);
		return;
	}
	vf->u8lo = 0x80;
	vf->u8hi = 0xbf;
	if (b >= 0xc2 && b <= 0xdf) {
		vf->u8need = 1;
		vf->u8cp = b & 0x1f;
	} else if (b >= 0xe0 && b <= 0xef) {
		vf->u8need = 2;
		vf->u8cp = b & 0x0f;
		if (b == 0xe0)
			vf->u8lo = 0xa0;
		else if (b == 0xed)
			vf->u8hi = 0x9f;
	} else if (b >= 0xf0 && b <= 0xf4) {
		vf->u8need = 3;
		vf->u8cp = b & 0x07;
		if (b == 0xf0)
			vf->u8lo = 0x90;
		else if (b == 0xf4)
			vf->u8hi = 0x8f;
	} else {
		vtfilter_cp(vf, 0xfffd);
		return;
	}
	vf->u8start = vf->offset;
}

/* Create a filter; cb->output is required, the rest may be NULL. */
struct vtfilter *
vtfilter_create(const struct vtfilter_cb *cb, void *arg)
{
	struct vtfilter	*vf;

	vf = xcalloc(1, sizeof *vf);
	vf->cb = *cb;
	vf->arg = arg;
	vf->state = VF_GROUND;
	vf->priv = vf->saved = PRIV_WRAP;

	/* In a locale without UTF-8, wcwidth knows nothing: trust libtsm. */
	vf->sysok = (term_sys_width(0x4e00) == 2 && term_sys_width(0xe9) == 1);
	return (vf);
}

/* Free a filter. */
void
vtfilter_free(struct vtfilter *vf)
{
	if (vf == NULL)
		return;
	free(vf->osc);
	free(vf);
}

/* Feed bytes the program wrote. */
void
vtfilter_input(struct vtfilter *vf, const u_char *buf, size_t len)
{
	size_t	i = 0;

	vf->wvalid = 0;		/* the pane may have been resized */
	while (i < len) {
		if (vf->u8need == 0) {
			if (vf->state == VF_GROUND)
				i += vtfilter_text(vf, buf + i, len - i);
			else if ((vf->state == VF_CSI_ENTRY ||
			    vf->state == VF_CSI_PARAM) &&
			    (~vf->seqflags & SEQ_OVERFLOW))
				i += vtfilter_params(vf, buf + i, len - i);
			if (i == len)
				break;
		}
		vtfilter_byte(vf, buf[i++]);
		vf->offset++;
	}
	vtfilter_flush(vf);
}

/* Forget any partial sequence and the tracked modes (a new program). */
void
vtfilter_reset(struct vtfilter *vf)
{
	vtfilter_abort(vf);
	vtfilter_flush(vf);
	vf->u8need = 0;
	vf->wvalid = 0;
	vtfilter_reset_state(vf);
}

/* The MODE_* bits the program has set. */
int
vtfilter_modes(struct vtfilter *vf)
{
	return (vf->modes);
}

/* DECSCUSR cursor style, 0 to 6. */
u_int
vtfilter_cursor_style(struct vtfilter *vf)
{
	return (vf->cstyle);
}

/* modifyOtherKeys level, 0 to 3. */
int
vtfilter_modify_other_keys(struct vtfilter *vf)
{
	return (vf->mok);
}

/*
 * Where an unfinished sequence that may yet be an OSC began (its ESC), or
 * the offset of the next byte if there is none: the owner holds output from
 * there until the filter knows whether it was a mark.
 */
uint64_t
vtfilter_hold(struct vtfilter *vf)
{
	switch (vf->state) {
	case VF_ESC:
		return (vf->seqstart);
	case VF_OSC:
		return (vf->oscstart);
	case VF_STRING_ESC:
		if (vf->oscesc)
			return (vf->oscstart);
		break;
	default:
		break;
	}
	return (vf->offset);
}

/* Bytes fed so far. */
uint64_t
vtfilter_offset(struct vtfilter *vf)
{
	return (vf->offset);
}
