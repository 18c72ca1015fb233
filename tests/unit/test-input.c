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
#include "vtfilter.h"
#include "unit.h"

/* Unit tests for encoding input for the modes a program asked for. */

/* Encode a key and compare with the expected bytes. */
static void
check_key(uint64_t key, int modes, const char *want)
{
	u_char	buf[INPUT_KEY_MAX];
	int	len;

	len = input_key_encode(key, modes, buf, sizeof buf);
	CHECK(len >= 0);
	if (len >= 0)
		CHECK_MEM(buf, len, want, strlen(want));
}

/* Plain, control and meta keys; cursor and keypad in both modes. */
static void
test_keys(void)
{
	check_key('a', 0, "a");
	check_key(0xe9, 0, "\303\251");
	check_key('\r', 0, "\r");
	check_key('a' | KEYC_CTRL, 0, "\001");
	check_key('c' | KEYC_CTRL, 0, "\003");
	check_key('x' | KEYC_META, 0, "\033x");
	check_key(KEYC_BSPACE, 0, "\177");
	check_key(KEYC_BSPACE | KEYC_META, 0, "\033\177");
	check_key(KEYC_BTAB, 0, "\033[Z");
	check_key(KEYC_UP, 0, "\033[A");
	check_key(KEYC_UP, MODE_KCURSOR, "\033OA");
	check_key(KEYC_LEFT, MODE_KCURSOR, "\033OD");
	check_key(KEYC_HOME, 0, "\033[1~");
	check_key(KEYC_END, MODE_KCURSOR, "\033[4~");
	check_key(KEYC_HOME | KEYC_CTRL, 0, "\033[1;5H");
	check_key(KEYC_UP | KEYC_CTRL, 0, "\033[1;5A");
	check_key(KEYC_UP | KEYC_CTRL, MODE_KCURSOR, "\033[1;5A");
	check_key(KEYC_RIGHT | KEYC_SHIFT, 0, "\033[1;2C");
	check_key(KEYC_DOWN | KEYC_META, 0, "\033[1;3B");
	check_key(KEYC_LEFT | KEYC_CTRL | KEYC_SHIFT | KEYC_META, 0,
	    "\033[1;8D");
	check_key(KEYC_IC, 0, "\033[2~");
	check_key(KEYC_DC | KEYC_CTRL, 0, "\033[3;5~");
	check_key(KEYC_PPAGE, 0, "\033[5~");
	check_key(KEYC_NPAGE | KEYC_SHIFT, 0, "\033[6;2~");
	check_key(KEYC_F1, 0, "\033OP");
	check_key(KEYC_F1 | KEYC_CTRL, 0, "\033[1;5P");
	check_key(KEYC_F5, 0, "\033[15~");
	check_key(KEYC_F12 | KEYC_SHIFT, 0, "\033[24;2~");
	check_key(KEYC_KP_1, 0, "1");
	check_key(KEYC_KP_1, MODE_KKEYPAD, "\033Oq");
	check_key(KEYC_KP_ENTER, MODE_KKEYPAD, "\033OM");
	check_key(KEYC_KP_ENTER, 0, "\r");
	{
		u_char	buf[INPUT_KEY_MAX];

		CHECK_INT(input_key_encode(' ' | KEYC_CTRL, 0, buf,
		    sizeof buf), 1);
		CHECK_INT(buf[0], 0);
	}
}

/* Pastes are bracketed only under 2004; markers inside are removed. */
static void
test_paste(void)
{
	const char	*text = "a\033[201~b\033[200~c";
	char		*out;
	size_t		 len;

	out = input_paste_encode(text, strlen(text), 0, &len);
	CHECK_MEM(out, len, "abc", 3);
	free(out);
	out = input_paste_encode(text, strlen(text), MODE_BRACKETPASTE, &len);
	CHECK_MEM(out, len, "\033[200~abc\033[201~", 15);
	free(out);
	out = input_paste_encode("", 0, 0, &len);
	CHECK_INT(len, 0);
	free(out);
}

/* Encode a mouse event. */
static int
mouse(int type, u_int button, u_int mods, u_int x, u_int y, int modes,
    char *out)
{
	struct mouse_event	m;
	int			len;

	memset(&m, 0, sizeof m);
	m.type = type;
	m.button = button;
	m.mods = mods;
	m.x = x;
	m.y = y;
	len = input_mouse_encode(&m, modes, 80, 24, (u_char *)out, 64);
	if (len >= 0)
		out[len] = '\0';
	return (len);
}

/* Mouse events only as asked for, in the chosen encoding, clamped. */
static void
test_mouse(void)
{
	char	out[64];

	CHECK_INT(mouse(MOUSE_PRESS, 0, 0, 1, 2, 0, out), 0);
	CHECK_INT(mouse(MOUSE_PRESS, 0, 0, 1, 2, MODE_MOUSE_STANDARD, out), 6);
	CHECK_STR(out, "\033[M \"#");
	mouse(MOUSE_RELEASE, 0, 0, 1, 2, MODE_MOUSE_STANDARD, out);
	CHECK_STR(out, "\033[M#\"#");
	CHECK_INT(mouse(MOUSE_DRAG, 0, 0, 1, 2, MODE_MOUSE_STANDARD, out), 0);
	CHECK(mouse(MOUSE_DRAG, 0, 0, 1, 2, MODE_MOUSE_BUTTON, out) > 0);
	CHECK_INT(mouse(MOUSE_MOVE, 3, 0, 1, 2, MODE_MOUSE_BUTTON, out), 0);
	CHECK(mouse(MOUSE_MOVE, 3, 0, 1, 2, MODE_MOUSE_ALL, out) > 0);
	CHECK_INT(mouse(MOUSE_RELEASE, 0, 0, 1, 2, MODE_MOUSE_X10, out), 0);
	mouse(MOUSE_PRESS, 2, MOUSE_CTRL, 9, 4,
	    MODE_MOUSE_STANDARD|MODE_MOUSE_SGR, out);
	CHECK_STR(out, "\033[<18;10;5M");
	mouse(MOUSE_RELEASE, 2, 0, 9, 4, MODE_MOUSE_STANDARD|MODE_MOUSE_SGR,
	    out);
	CHECK_STR(out, "\033[<2;10;5m");
	mouse(MOUSE_PRESS, 64, 0, 0, 0, MODE_MOUSE_STANDARD|MODE_MOUSE_SGR,
	    out);
	CHECK_STR(out, "\033[<64;1;1M");
	mouse(MOUSE_PRESS, 0, 0, 9, 4, MODE_MOUSE_STANDARD|MODE_MOUSE_URXVT,
	    out);
	CHECK_STR(out, "\033[32;10;5M");
	/* Clamped to the pane. */
	mouse(MOUSE_PRESS, 0, 0, 500, 500,
	    MODE_MOUSE_STANDARD|MODE_MOUSE_SGR, out);
	CHECK_STR(out, "\033[<0;80;24M");
}

/* Focus events only under 1004. */
static void
test_focus(void)
{
	u_char	buf[16];

	CHECK_INT(input_focus_encode(1, 0, buf, sizeof buf), 0);
	CHECK_INT(input_focus_encode(1, MODE_FOCUS, buf, sizeof buf), 3);
	CHECK_MEM(buf, 3, "\033[I", 3);
	CHECK_INT(input_focus_encode(0, MODE_FOCUS, buf, sizeof buf), 3);
	CHECK_MEM(buf, 3, "\033[O", 3);
}

int
main(void)
{
	test_keys();
	test_paste();
	test_mouse();
	test_focus();
	UNIT_END();
}
