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
#include <string.h>

#include "huddle.h"
#include "vtfilter.h"

/*
 * What a pane's program receives for keys, pastes, mouse events and focus
 * changes, encoded as xterm does from the modes the program asked for (as
 * tracked by the VT filter). libtsm's own keyboard handler is not used; see
 * LIBTSM.md section 7.2.
 *
 * Keys with an xterm modified form (cursor keys, Home, End, Insert, Delete,
 * PageUp, PageDown, F1-F12) carry any modifiers as CSI parameter 1 + shift
 * + 2 * alt + 4 * ctrl. Unmodified Home and End are CSI 1~ and CSI 4~ in
 * both cursor modes: the khome and kend of the screen-256color TERM panes
 * get. Every other key takes Meta as an ESC prefix. Ctrl on a character
 * maps to its C0 code where one exists; where none does (C-1, C-=, C-é) the
 * character is sent alone, as xterm does with modifyOtherKeys off. Shift on
 * a character uppercases an ASCII letter and is otherwise ignored, except
 * that S-Tab is BTab. C-BSpace is ^H (0x08), as xterm and VTE send it. Ctrl
 * and Shift on the keypad keys, Enter, Escape and BTab are ignored.
 */

/* Special keys: bytes without modifiers, and the modified form. */
static const struct input_key_entry {
	uint64_t	 key;
	const char	*data;		/* normal mode */
	const char	*app;		/* application mode, or NULL */
	int		 mode;		/* mode bit choosing app */
	u_int		 param;		/* CSI param;m final or 0 */
	char		 final;
} input_key_table[] = {
	{ KEYC_F1, "\033OP", NULL, 0, 1, 'P' },
	{ KEYC_F2, "\033OQ", NULL, 0, 1, 'Q' },
	{ KEYC_F3, "\033OR", NULL, 0, 1, 'R' },
	{ KEYC_F4, "\033OS", NULL, 0, 1, 'S' },
	{ KEYC_F5, "\033[15~", NULL, 0, 15, '~' },
	{ KEYC_F6, "\033[17~", NULL, 0, 17, '~' },
	{ KEYC_F7, "\033[18~", NULL, 0, 18, '~' },
	{ KEYC_F8, "\033[19~", NULL, 0, 19, '~' },
	{ KEYC_F9, "\033[20~", NULL, 0, 20, '~' },
	{ KEYC_F10, "\033[21~", NULL, 0, 21, '~' },
	{ KEYC_F11, "\033[23~", NULL, 0, 23, '~' },
	{ KEYC_F12, "\033[24~", NULL, 0, 24, '~' },
	{ KEYC_IC, "\033[2~", NULL, 0, 2, '~' },
	{ KEYC_DC, "\033[3~", NULL, 0, 3, '~' },
	/* Home and End as screen-256color's khome and kend (and tmux). */
	{ KEYC_HOME, "\033[1~", NULL, 0, 1, 'H' },
	{ KEYC_END, "\033[4~", NULL, 0, 1, 'F' },
	{ KEYC_NPAGE, "\033[6~", NULL, 0, 6, '~' },
	{ KEYC_PPAGE, "\033[5~", NULL, 0, 5, '~' },
	{ KEYC_BTAB, "\033[Z", NULL, 0, 0, 0 },
	{ KEYC_UP, "\033[A", "\033OA", MODE_KCURSOR, 1, 'A' },
	{ KEYC_DOWN, "\033[B", "\033OB", MODE_KCURSOR, 1, 'B' },
	{ KEYC_RIGHT, "\033[C", "\033OC", MODE_KCURSOR, 1, 'C' },
	{ KEYC_LEFT, "\033[D", "\033OD", MODE_KCURSOR, 1, 'D' },
	{ KEYC_BSPACE, "\177", NULL, 0, 0, 0 },
	{ KEYC_KP_SLASH, "/", "\033Oo", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_STAR, "*", "\033Oj", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_MINUS, "-", "\033Om", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_PLUS, "+", "\033Ok", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_ENTER, "\r", "\033OM", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_PERIOD, ".", "\033On", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_0, "0", "\033Op", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_1, "1", "\033Oq", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_2, "2", "\033Or", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_3, "3", "\033Os", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_4, "4", "\033Ot", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_5, "5", "\033Ou", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_6, "6", "\033Ov", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_7, "7", "\033Ow", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_8, "8", "\033Ox", MODE_KKEYPAD, 0, 0 },
	{ KEYC_KP_9, "9", "\033Oy", MODE_KKEYPAD, 0, 0 },
};
#define INPUT_KEY_TABLE_SIZE \
	(sizeof input_key_table / sizeof input_key_table[0])

/* Paste brackets; both are removed from pasted text. */
#define INPUT_PASTE_START "\033[200~"
#define INPUT_PASTE_END "\033[201~"
#define INPUT_PASTE_MARK_LEN 6

/* Largest 1-based mouse coordinate each encoding can carry. */
#define INPUT_MOUSE_MAX_X10 223		/* 32 + 223 = 255, one byte */
#define INPUT_MOUSE_MAX_UTF8 2015	/* 32 + 2015 = 2047, two bytes */

/* Apply Ctrl to a code point: its C0 code, or the code point unchanged. */
static uint64_t
input_key_ctrl(uint64_t c)
{
	if (c >= 'a' && c <= 'z')
		return (c - 'a' + 1);
	if (c >= '@' && c <= '_')	/* @, A-Z, [ \ ] ^ _ */
		return (c - '@');
	if (c == ' ')
		return (0);
	if (c == '?')
		return (0x7f);
	return (c);
}

/* Encode a code point key with its modifiers into buf; the length. */
static size_t
input_key_char(uint64_t key, u_char *buf)
{
	uint64_t	 c = key & KEYC_MASK_KEY;
	size_t		 n = 0;

	if (key & KEYC_META)
		buf[n++] = '\033';
	if (c == '\t' && (key & KEYC_SHIFT)) {
		memcpy(buf + n, "\033[Z", 3);
		return (n + 3);
	}
	if (key & KEYC_CTRL)
		c = input_key_ctrl(c);
	else if ((key & KEYC_SHIFT) && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	return (n + utf8_encode((uint32_t)c, (char *)buf + n));
}

/* Encode a special key with its modifiers into buf; the length or -1. */
static int
input_key_special(uint64_t key, int modes, u_char *buf)
{
	const struct input_key_entry	*ike = NULL;
	uint64_t			 k = key & KEYC_MASK_KEY;
	const char			*data;
	size_t				 i, n = 0;
	u_int				 m;

	for (i = 0; i < INPUT_KEY_TABLE_SIZE; i++) {
		if (input_key_table[i].key == k) {
			ike = &input_key_table[i];
			break;
		}
	}
	if (ike == NULL)
		return (-1);

	if ((key & KEYC_MASK_MODIFIERS) != 0 && ike->param != 0) {
		m = 1;
		if (key & KEYC_SHIFT)
			m += 1;
		if (key & KEYC_META)
			m += 2;
		if (key & KEYC_CTRL)
			m += 4;
		return (xsnprintf((char *)buf, INPUT_KEY_MAX, "\033[%u;%u%c",
		    ike->param, m, ike->final));
	}

	if (key & KEYC_META)
		buf[n++] = '\033';
	if (k == KEYC_BSPACE && (key & KEYC_CTRL))
		data = "\010";
	else if (ike->app != NULL && (modes & ike->mode))
		data = ike->app;
	else
		data = ike->data;
	memcpy(buf + n, data, strlen(data));
	return ((int)(n + strlen(data)));
}

/* Encode a key for a pane with these modes; the length, or -1. */
int
input_key_encode(uint64_t key, int modes, u_char *out, size_t size)
{
	u_char	buf[INPUT_KEY_MAX];
	int	len;

	if (out == NULL || !keys_valid(key))
		return (-1);
	if (KEYC_IS_SPECIAL(key))
		len = input_key_special(key, modes, buf);
	else
		len = input_key_char(key, buf);
	if (len < 0 || (size_t)len > size)
		return (-1);
	memcpy(out, buf, len);
	return (len);
}

/*
 * Wrap a paste in brackets under 2004. Either way, drop both bracket
 * markers from the text so it cannot end the paste early or fake one. The
 * output never holds a marker, so a new one can only end at the byte just
 * added; checking there also catches markers assembled from the pieces
 * left by a removal ("\033[20\033[201~1~"). The 8-bit CSI forms are left
 * alone: 0x9b is also a UTF-8 continuation byte.
 */
char *
input_paste_encode(const char *buf, size_t len, int modes, size_t *outlen)
{
	char	*out;
	size_t	 n = 0, i;
	int	 bracket = (modes & MODE_BRACKETPASTE);

	if (len > SIZE_MAX - 2 * INPUT_PASTE_MARK_LEN - 1)
		fatalx("%s: paste too large", __func__);
	out = xmalloc(len + 2 * INPUT_PASTE_MARK_LEN + 1);

	if (bracket) {
		memcpy(out, INPUT_PASTE_START, INPUT_PASTE_MARK_LEN);
		n = INPUT_PASTE_MARK_LEN;
	}
	for (i = 0; i < len; i++) {
		out[n++] = buf[i];
		if (buf[i] != '~' ||
		    n < (bracket ? 2 : 1) * INPUT_PASTE_MARK_LEN)
			continue;
		if (memcmp(out + n - INPUT_PASTE_MARK_LEN, INPUT_PASTE_START,
		    INPUT_PASTE_MARK_LEN) == 0 ||
		    memcmp(out + n - INPUT_PASTE_MARK_LEN, INPUT_PASTE_END,
		    INPUT_PASTE_MARK_LEN) == 0)
			n -= INPUT_PASTE_MARK_LEN;
	}
	if (bracket) {
		memcpy(out + n, INPUT_PASTE_END, INPUT_PASTE_MARK_LEN);
		n += INPUT_PASTE_MARK_LEN;
	}
	out[n] = '\0';
	if (outlen != NULL)
		*outlen = n;
	return (out);
}

/* Whether the pane's mouse mode asks for this event. */
static int
input_mouse_wanted(const struct mouse_event *m, int modes)
{
	int	wheel = (m->button >= 64);

	if (m->type == MOUSE_PRESS)
		return (modes & MODE_MOUSE_ANY);
	if (m->type == MOUSE_RELEASE)
		return (!wheel && (modes & (MODE_MOUSE_STANDARD|
		    MODE_MOUSE_BUTTON|MODE_MOUSE_ALL)));
	if (m->type == MOUSE_DRAG)
		return (modes & (MODE_MOUSE_BUTTON|MODE_MOUSE_ALL));
	return (modes & MODE_MOUSE_ALL);
}

/* The button value to report, before the +32 of the legacy encodings. */
static int
input_mouse_button(const struct mouse_event *m, int modes)
{
	u_int	b;

	switch (m->button) {
	case 0:
	case 1:
	case 2:
		break;
	case 64:
	case 65:
	case 66:
	case 67:
		if (m->type == MOUSE_DRAG)
			return (-1);
		break;
	default:
		if (m->type != MOUSE_MOVE)
			return (-1);
		break;
	}

	switch (m->type) {
	case MOUSE_PRESS:
		b = m->button;
		break;
	case MOUSE_RELEASE:
		b = (modes & (MODE_MOUSE_SGR|MODE_MOUSE_SGR_PIXELS)) ?
		    m->button : 3;
		break;
	case MOUSE_DRAG:
		b = m->button + 32;
		break;
	case MOUSE_MOVE:
		b = 3 + 32;
		break;
	default:
		return (-1);
	}
	if (!(modes & (MODE_MOUSE_STANDARD|MODE_MOUSE_BUTTON|MODE_MOUSE_ALL)))
		return (b);		/* X10: no modifiers */
	return (b + (m->mods & (MOUSE_SHIFT|MOUSE_META|MOUSE_CTRL)));
}

/*
 * Encode a mouse event at 0-based x, y already inside the pane, in the
 * encoding the pane chose; the length. Coordinates past what the X10 and
 * UTF-8 encodings can hold are clamped to their limit.
 */
static int
input_mouse_format(u_int b, u_int x, u_int y, int release, int modes,
    u_char *buf)
{
	size_t	n;

	if (modes & (MODE_MOUSE_SGR|MODE_MOUSE_SGR_PIXELS)) {
		return (xsnprintf((char *)buf, INPUT_KEY_MAX,
		    "\033[<%u;%u;%u%c", b, x + 1, y + 1, release ? 'm' : 'M'));
	}
	if (modes & MODE_MOUSE_URXVT) {
		return (xsnprintf((char *)buf, INPUT_KEY_MAX, "\033[%u;%u;%uM",
		    b + 32, x + 1, y + 1));
	}
	memcpy(buf, "\033[M", 3);
	n = 3;
	if (modes & MODE_MOUSE_UTF8) {
		if (x + 1 > INPUT_MOUSE_MAX_UTF8)
			x = INPUT_MOUSE_MAX_UTF8 - 1;
		if (y + 1 > INPUT_MOUSE_MAX_UTF8)
			y = INPUT_MOUSE_MAX_UTF8 - 1;
		n += utf8_encode(b + 32, (char *)buf + n);
		n += utf8_encode(x + 1 + 32, (char *)buf + n);
		n += utf8_encode(y + 1 + 32, (char *)buf + n);
		return ((int)n);
	}
	if (x + 1 > INPUT_MOUSE_MAX_X10)
		x = INPUT_MOUSE_MAX_X10 - 1;
	if (y + 1 > INPUT_MOUSE_MAX_X10)
		y = INPUT_MOUSE_MAX_X10 - 1;
	buf[n++] = b + 32;
	buf[n++] = x + 1 + 32;
	buf[n++] = y + 1 + 32;
	return ((int)n);
}

/*
 * Encode a mouse event for a pane of sx by sy; the length, 0 if the pane
 * did not ask for it, -1 if it is malformed or out does not fit it. SGR
 * pixel mode (1016) is reported as SGR in cells: the server has no pixels.
 */
int
input_mouse_encode(const struct mouse_event *m, int modes, u_int sx, u_int sy,
    u_char *out, size_t size)
{
	u_char	buf[INPUT_KEY_MAX];
	u_int	x, y;
	int	b, len;

	if (m == NULL || out == NULL || sx == 0 || sy == 0)
		return (-1);
	if (m->type != MOUSE_PRESS && m->type != MOUSE_RELEASE &&
	    m->type != MOUSE_DRAG && m->type != MOUSE_MOVE)
		return (-1);
	if ((b = input_mouse_button(m, modes)) < 0)
		return (-1);
	if (!input_mouse_wanted(m, modes))
		return (0);

	x = (m->x < sx) ? m->x : sx - 1;
	y = (m->y < sy) ? m->y : sy - 1;
	len = input_mouse_format(b, x, y, m->type == MOUSE_RELEASE, modes,
	    buf);
	if ((size_t)len > size)
		return (-1);
	memcpy(out, buf, len);
	return (len);
}

/* Encode a focus change (in is non-zero for focus in); 0 without 1004. */
int
input_focus_encode(int in, int modes, u_char *out, size_t size)
{
	if (!(modes & MODE_FOCUS))
		return (0);
	if (out == NULL || size < 3)
		return (-1);
	memcpy(out, in ? "\033[I" : "\033[O", 3);
	return (3);
}
