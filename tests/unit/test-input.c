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

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

/* Compare out with a string literal, NULs included. */
#define CHECK_OUT(out, len, lit) CHECK_MEM(out, len, lit, sizeof (lit) - 1)

/* Mode sets every key test runs under. */
static const int key_modes[] = {
	0, MODE_KCURSOR, MODE_KKEYPAD, MODE_KCURSOR|MODE_KKEYPAD
};

/* The seven modifier combinations and their xterm parameter. */
static const struct {
	uint64_t	 mods;
	u_int		 param;
} key_mods[] = {
	{ KEYC_SHIFT, 2 },
	{ KEYC_META, 3 },
	{ KEYC_SHIFT|KEYC_META, 4 },
	{ KEYC_CTRL, 5 },
	{ KEYC_CTRL|KEYC_SHIFT, 6 },
	{ KEYC_CTRL|KEYC_META, 7 },
	{ KEYC_CTRL|KEYC_META|KEYC_SHIFT, 8 },
};

/* Encode a key and compare with len expected bytes. */
static void
check_key_len(uint64_t key, int modes, const char *want, size_t wantlen)
{
	u_char	buf[INPUT_KEY_MAX];
	int	len;

	len = input_key_encode(key, modes, buf, sizeof buf);
	if (len < 0)
		fprintf(stderr, "key 0x%llx modes 0x%x refused\n",
		    (unsigned long long)key, modes);
	CHECK(len >= 0);
	if (len >= 0)
		CHECK_MEM(buf, len, want, wantlen);
}

/* Encode a key and compare with a string. */
static void
check_key(uint64_t key, int modes, const char *want)
{
	check_key_len(key, modes, want, strlen(want));
}

/* Encode a key under every mode set and compare. */
static void
check_key_all(uint64_t key, const char *want)
{
	size_t	i;

	for (i = 0; i < NITEMS(key_modes); i++)
		check_key(key, key_modes[i], want);
}

/* Code points, Enter, Tab, Escape, Space, Shift on characters. */
static void
test_chars(void)
{
	check_key_all('a', "a");
	check_key_all('A', "A");
	check_key_all('~', "~");
	check_key_all(0xe9, "\303\251");
	check_key_all(0x20ac, "\342\202\254");
	check_key_all(0x4e2d, "\344\270\255");
	check_key_all(0x1f600, "\360\237\230\200");
	check_key_all(0x10ffff, "\364\217\277\277");
	check_key_all('\r', "\r");
	check_key_all('\t', "\t");
	check_key_all(0x1b, "\033");
	check_key_all(' ', " ");
	check_key_all('a' | KEYC_SHIFT, "A");
	check_key_all('A' | KEYC_SHIFT, "A");
	check_key_all('1' | KEYC_SHIFT, "1");
	check_key_all('\t' | KEYC_SHIFT, "\033[Z");
	check_key_all('\r' | KEYC_SHIFT, "\r");
	check_key_all(' ' | KEYC_SHIFT, " ");
	check_key_all(0xe9 | KEYC_SHIFT, "\303\251");
	/* A raw control character goes as itself. */
	check_key_all(0x01, "\001");
	check_key_len(0x00, 0, "", 1);
	check_key_all(0x7f, "\177");
}

/* Ctrl: C0 codes, the fallback without one, combined with Meta. */
static void
test_ctrl(void)
{
	static const struct {
		uint64_t	 c;
		u_char		 code;
	} punct[] = {
		{ ' ', 0x00 }, { '@', 0x00 }, { '[', 0x1b }, { '\\', 0x1c },
		{ ']', 0x1d }, { '^', 0x1e }, { '_', 0x1f }, { '?', 0x7f },
	};
	char	want[2];
	size_t	i;
	int	c;

	for (c = 'a'; c <= 'z'; c++) {
		want[0] = c - 'a' + 1;
		check_key_len(c | KEYC_CTRL, 0, want, 1);
		check_key_len((c - 'a' + 'A') | KEYC_CTRL, 0, want, 1);
		check_key_len(c | KEYC_CTRL | KEYC_SHIFT, 0, want, 1);
		want[0] = '\033';
		want[1] = c - 'a' + 1;
		check_key_len(c | KEYC_CTRL | KEYC_META, MODE_KCURSOR, want,
		    2);
	}
	for (i = 0; i < NITEMS(punct); i++) {
		want[0] = punct[i].code;
		check_key_len(punct[i].c | KEYC_CTRL, 0, want, 1);
		want[0] = '\033';
		want[1] = punct[i].code;
		check_key_len(punct[i].c | KEYC_CTRL | KEYC_META, 0, want, 2);
	}

	/* No control code: the character alone (modifyOtherKeys off). */
	for (c = '0'; c <= '9'; c++) {
		want[0] = c;
		check_key_len(c | KEYC_CTRL, 0, want, 1);
	}
	check_key('=' | KEYC_CTRL, 0, "=");
	check_key('~' | KEYC_CTRL, 0, "~");
	check_key(0xe9 | KEYC_CTRL, 0, "\303\251");
	check_key('1' | KEYC_CTRL | KEYC_META, 0, "\0331");

	/* Already control characters. */
	check_key('\r' | KEYC_CTRL, 0, "\r");
	check_key('\t' | KEYC_CTRL, 0, "\t");
	check_key(0x1b | KEYC_CTRL, 0, "\033");
}

/* Meta as an ESC prefix on everything without a modified form. */
static void
test_meta(void)
{
	check_key_all('x' | KEYC_META, "\033x");
	check_key_all('X' | KEYC_META, "\033X");
	check_key_all(0xe9 | KEYC_META, "\033\303\251");
	check_key_all('\r' | KEYC_META, "\033\r");
	check_key_all('\t' | KEYC_META, "\033\t");
	check_key_all(0x1b | KEYC_META, "\033\033");
	check_key_all(' ' | KEYC_META, "\033 ");
	check_key_all('a' | KEYC_META | KEYC_SHIFT, "\033A");
	check_key_all('\t' | KEYC_META | KEYC_SHIFT, "\033\033[Z");
	check_key_all(KEYC_BTAB | KEYC_META, "\033\033[Z");
	check_key_all(KEYC_BSPACE | KEYC_META, "\033\177");
}

/* Backspace is DEL; Ctrl makes it ^H; BTab is CSI Z. */
static void
test_bspace(void)
{
	check_key_all(KEYC_BSPACE, "\177");
	check_key_all(KEYC_BSPACE | KEYC_SHIFT, "\177");
	check_key_all(KEYC_BSPACE | KEYC_CTRL, "\010");
	check_key_all(KEYC_BSPACE | KEYC_CTRL | KEYC_META, "\033\010");
	check_key_all(KEYC_BTAB, "\033[Z");
	check_key_all(KEYC_BTAB | KEYC_SHIFT, "\033[Z");
	check_key_all(KEYC_BTAB | KEYC_CTRL, "\033[Z");
}

/* Keys with a modified form, in both cursor modes and all modifiers. */
static void
test_cursor(void)
{
	static const struct {
		uint64_t	 key;
		const char	*normal;
		const char	*app;	/* under MODE_KCURSOR */
		u_int		 param;
		char		 final;
	} keys[] = {
		{ KEYC_UP, "\033[A", "\033OA", 1, 'A' },
		{ KEYC_DOWN, "\033[B", "\033OB", 1, 'B' },
		{ KEYC_RIGHT, "\033[C", "\033OC", 1, 'C' },
		{ KEYC_LEFT, "\033[D", "\033OD", 1, 'D' },
		/* As screen-256color's khome and kend, in both modes. */
		{ KEYC_HOME, "\033[1~", "\033[1~", 1, 'H' },
		{ KEYC_END, "\033[4~", "\033[4~", 1, 'F' },
		{ KEYC_IC, "\033[2~", "\033[2~", 2, '~' },
		{ KEYC_DC, "\033[3~", "\033[3~", 3, '~' },
		{ KEYC_PPAGE, "\033[5~", "\033[5~", 5, '~' },
		{ KEYC_NPAGE, "\033[6~", "\033[6~", 6, '~' },
		{ KEYC_F1, "\033OP", "\033OP", 1, 'P' },
		{ KEYC_F2, "\033OQ", "\033OQ", 1, 'Q' },
		{ KEYC_F3, "\033OR", "\033OR", 1, 'R' },
		{ KEYC_F4, "\033OS", "\033OS", 1, 'S' },
		{ KEYC_F5, "\033[15~", "\033[15~", 15, '~' },
		{ KEYC_F6, "\033[17~", "\033[17~", 17, '~' },
		{ KEYC_F7, "\033[18~", "\033[18~", 18, '~' },
		{ KEYC_F8, "\033[19~", "\033[19~", 19, '~' },
		{ KEYC_F9, "\033[20~", "\033[20~", 20, '~' },
		{ KEYC_F10, "\033[21~", "\033[21~", 21, '~' },
		{ KEYC_F11, "\033[23~", "\033[23~", 23, '~' },
		{ KEYC_F12, "\033[24~", "\033[24~", 24, '~' },
	};
	char	want[32];
	size_t	i, m, j;

	for (i = 0; i < NITEMS(keys); i++) {
		check_key(keys[i].key, 0, keys[i].normal);
		check_key(keys[i].key, MODE_KKEYPAD, keys[i].normal);
		check_key(keys[i].key, MODE_KCURSOR, keys[i].app);
		check_key(keys[i].key, MODE_KCURSOR|MODE_KKEYPAD,
		    keys[i].app);
		for (m = 0; m < NITEMS(key_mods); m++) {
			snprintf(want, sizeof want, "\033[%u;%u%c",
			    keys[i].param, key_mods[m].param, keys[i].final);
			for (j = 0; j < NITEMS(key_modes); j++) {
				check_key(keys[i].key | key_mods[m].mods,
				    key_modes[j], want);
			}
		}
	}

	/* A few written out, to pin the table above. */
	check_key(KEYC_UP | KEYC_CTRL, MODE_KCURSOR, "\033[1;5A");
	check_key(KEYC_LEFT | KEYC_CTRL | KEYC_SHIFT | KEYC_META, 0,
	    "\033[1;8D");
	check_key(KEYC_HOME | KEYC_CTRL, 0, "\033[1;5H");
	check_key(KEYC_END | KEYC_SHIFT, MODE_KCURSOR, "\033[1;2F");
	check_key(KEYC_DC | KEYC_CTRL, 0, "\033[3;5~");
	check_key(KEYC_F1 | KEYC_META, 0, "\033[1;3P");
	check_key(KEYC_F5 | KEYC_CTRL, 0, "\033[15;5~");
	check_key(KEYC_F12 | KEYC_SHIFT, 0, "\033[24;2~");
}

/* Keypad keys: characters, or ESC O x under application keypad. */
static void
test_keypad(void)
{
	static const struct {
		uint64_t	 key;
		const char	*normal;
		const char	*app;
	} keys[] = {
		{ KEYC_KP_0, "0", "\033Op" }, { KEYC_KP_1, "1", "\033Oq" },
		{ KEYC_KP_2, "2", "\033Or" }, { KEYC_KP_3, "3", "\033Os" },
		{ KEYC_KP_4, "4", "\033Ot" }, { KEYC_KP_5, "5", "\033Ou" },
		{ KEYC_KP_6, "6", "\033Ov" }, { KEYC_KP_7, "7", "\033Ow" },
		{ KEYC_KP_8, "8", "\033Ox" }, { KEYC_KP_9, "9", "\033Oy" },
		{ KEYC_KP_SLASH, "/", "\033Oo" },
		{ KEYC_KP_STAR, "*", "\033Oj" },
		{ KEYC_KP_MINUS, "-", "\033Om" },
		{ KEYC_KP_PLUS, "+", "\033Ok" },
		{ KEYC_KP_PERIOD, ".", "\033On" },
		{ KEYC_KP_ENTER, "\r", "\033OM" },
	};
	char	want[32];
	size_t	i;

	for (i = 0; i < NITEMS(keys); i++) {
		check_key(keys[i].key, 0, keys[i].normal);
		check_key(keys[i].key, MODE_KCURSOR, keys[i].normal);
		check_key(keys[i].key, MODE_KKEYPAD, keys[i].app);
		check_key(keys[i].key, MODE_KKEYPAD|MODE_KCURSOR,
		    keys[i].app);
		/* Ctrl and Shift are ignored, Meta is an ESC prefix. */
		check_key(keys[i].key | KEYC_CTRL | KEYC_SHIFT, 0,
		    keys[i].normal);
		check_key(keys[i].key | KEYC_CTRL, MODE_KKEYPAD,
		    keys[i].app);
		snprintf(want, sizeof want, "\033%s", keys[i].normal);
		check_key(keys[i].key | KEYC_META, 0, want);
		snprintf(want, sizeof want, "\033%s", keys[i].app);
		check_key(keys[i].key | KEYC_META, MODE_KKEYPAD, want);
	}
}

/* Every special key with every modifier encodes, and fits. */
static void
test_every_key(void)
{
	static const uint64_t mods[] = {
		0, KEYC_CTRL, KEYC_META, KEYC_SHIFT, KEYC_CTRL|KEYC_META,
		KEYC_CTRL|KEYC_SHIFT, KEYC_META|KEYC_SHIFT,
		KEYC_CTRL|KEYC_META|KEYC_SHIFT
	};
	u_char		 buf[INPUT_KEY_MAX];
	uint64_t	 key;
	size_t		 m, j;
	int		 len, bad = 0;

	for (key = KEYC_BASE; key < KEYC_SPECIAL_END; key++) {
		for (m = 0; m < NITEMS(mods); m++) {
			for (j = 0; j < NITEMS(key_modes); j++) {
				len = input_key_encode(key | mods[m],
				    key_modes[j], buf, sizeof buf);
				if (len <= 0 || len > INPUT_KEY_MAX)
					bad++;
			}
		}
	}
	CHECK_INT(bad, 0);
}

/* What cannot be encoded, or does not fit, is refused. */
static void
test_key_errors(void)
{
	u_char	buf[INPUT_KEY_MAX];

	CHECK_INT(input_key_encode(KEYC_NONE, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode(KEYC_SPECIAL_END, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode(KEYC_MASK_KEY, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode(0xd800, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode(0xdfff, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode(0x110000, 0, buf, sizeof buf), -1);
	CHECK_INT(input_key_encode('a' | (1ULL << 40), 0, buf, sizeof buf),
	    -1);
	CHECK_INT(input_key_encode('a', 0, NULL, 0), -1);

	/* Size: exact fits, one less does not. */
	CHECK_INT(input_key_encode(KEYC_F5, 0, buf, 5), 5);
	CHECK_INT(input_key_encode(KEYC_F5, 0, buf, 4), -1);
	CHECK_INT(input_key_encode(0x4e2d, 0, buf, 3), 3);
	CHECK_INT(input_key_encode(0x4e2d, 0, buf, 2), -1);
	CHECK_INT(input_key_encode('a', 0, buf, 0), -1);
	CHECK_INT(input_key_encode(KEYC_F12 | KEYC_CTRL, 0, buf, 7), 7);
	CHECK_INT(input_key_encode(KEYC_F12 | KEYC_CTRL, 0, buf, 6), -1);
}

/* Parsed names encode as send would type them. */
static void
test_names(void)
{
	static const struct {
		const char	*name;
		const char	*want;
	} names[] = {
		{ "Enter", "\r" }, { "C-c", "\003" }, { "C-C", "\003" },
		{ "^d", "\004" }, { "Escape", "\033" }, { "M-x", "\033x" },
		{ "C-Space", "" }, { "C-[", "\033" }, { "C-?", "\177" },
		{ "Up", "\033[A" }, { "S-Up", "\033[1;2A" },
		{ "C-M-Right", "\033[1;7C" }, { "F5", "\033[15~" },
		{ "BSpace", "\177" }, { "M-BSpace", "\033\177" },
		{ "PgUp", "\033[5~" }, { "KP/", "/" }, { "S-Tab", "\033[Z" },
		{ "\303\251", "\303\251" }, { "C-1", "1" },
	};
	u_char		 buf[INPUT_KEY_MAX];
	uint64_t	 key;
	size_t		 i, wantlen;
	int		 len;

	for (i = 0; i < NITEMS(names); i++) {
		CHECK_INT(keys_parse(names[i].name, &key), 0);
		len = input_key_encode(key, 0, buf, sizeof buf);
		wantlen = strlen(names[i].want);
		if (wantlen == 0)
			wantlen = 1;	/* NUL */
		CHECK(len >= 0);
		if (len >= 0)
			CHECK_MEM(buf, len, names[i].want, wantlen);
	}
}

/* Paste a string and compare. */
static void
check_paste(const char *text, int modes, const char *want)
{
	char	*out;
	size_t	 len = 12345;

	out = input_paste_encode(text, strlen(text), modes, &len);
	CHECK(out != NULL);
	CHECK_MEM(out, len, want, strlen(want));
	CHECK(out[len] == '\0');
	free(out);
}

/* Pastes are bracketed only under 2004; markers inside are removed. */
static void
test_paste(void)
{
	const int	 bp = MODE_BRACKETPASTE;
	char		*out;
	size_t		 len;

	check_paste("hello\nworld", 0, "hello\nworld");
	check_paste("hello\nworld", bp, "\033[200~hello\nworld\033[201~");
	check_paste("a\033[201~b\033[200~c", 0, "abc");
	check_paste("a\033[201~b\033[200~c", bp, "\033[200~abc\033[201~");
	check_paste("\033[201~", bp, "\033[200~\033[201~");
	check_paste("\033[201~rm -rf ~\r", bp,
	    "\033[200~rm -rf ~\r\033[201~");
	check_paste("\033[201~\033[201~x\033[200~", 0, "x");

	/* A marker left by removing another is removed too. */
	check_paste("\033[20\033[201~1~", 0, "");
	check_paste("\033[20\033[201~1~", bp, "\033[200~\033[201~");
	check_paste("\033\033[200~[201~x", bp, "\033[200~x\033[201~");
	check_paste("\033[2\033[20\033[201~1~01~", 0, "");

	/* Near misses are kept. */
	check_paste("\033[202~", bp, "\033[200~\033[202~\033[201~");
	check_paste("\033[201", 0, "\033[201");
	check_paste("\033[201;5~", 0, "\033[201;5~");
	check_paste("[201~", 0, "[201~");
	check_paste("~~~", bp, "\033[200~~~~\033[201~");
	check_paste("~", 0, "~");
	check_paste("a~b~", 0, "a~b~");
	check_paste("\303\251\344\270\255", bp,
	    "\033[200~\303\251\344\270\255\033[201~");

	/* Other modes change nothing. */
	check_paste("x", MODE_KCURSOR|MODE_FOCUS|MODE_MOUSE_ALL, "x");

	/* Empty, and bytes with NULs. */
	out = input_paste_encode("", 0, 0, &len);
	CHECK(out != NULL);
	CHECK_INT(len, 0);
	CHECK(out[0] == '\0');
	free(out);
	out = input_paste_encode(NULL, 0, bp, &len);
	CHECK_OUT(out, len, "\033[200~\033[201~");
	free(out);
	out = input_paste_encode("a\0b", 3, 0, &len);
	CHECK_OUT(out, len, "a\0b");
	free(out);
}

/* Encode a mouse event in an 80x24 pane. */
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
	else
		out[0] = '\0';
	return (len);
}

/*
 * Each event at column 9, row 4 (10, 5 on the wire) in each tracking
 * mode and each encoding. An empty expected string means not reported.
 */
static void
test_mouse_matrix(void)
{
	static const int tracking[] = {
		MODE_MOUSE_X10, MODE_MOUSE_STANDARD, MODE_MOUSE_BUTTON,
		MODE_MOUSE_ALL
	};
	static const int encodings[] = {
		0, MODE_MOUSE_UTF8, MODE_MOUSE_SGR, MODE_MOUSE_URXVT
	};
	static const struct {
		int		 type;
		u_int		 button;
		u_int		 mods;
		int		 from;	/* first tracking mode to report */
		int		 x10;	/* under X10: 1, 0, -1 skip */
		const char	*want[4];	/* per encoding */
	} events[] = {
		{ MOUSE_PRESS, 0, 0, 0, 1, { "\033[M *%", "\033[M *%",
		    "\033[<0;10;5M", "\033[32;10;5M" } },
		{ MOUSE_PRESS, 1, 0, 0, 1, { "\033[M!*%", "\033[M!*%",
		    "\033[<1;10;5M", "\033[33;10;5M" } },
		{ MOUSE_PRESS, 2, 0, 0, 1, { "\033[M\"*%", "\033[M\"*%",
		    "\033[<2;10;5M", "\033[34;10;5M" } },
		{ MOUSE_RELEASE, 0, 0, 1, 0, { "\033[M#*%", "\033[M#*%",
		    "\033[<0;10;5m", "\033[35;10;5M" } },
		{ MOUSE_RELEASE, 2, 0, 1, 0, { "\033[M#*%", "\033[M#*%",
		    "\033[<2;10;5m", "\033[35;10;5M" } },
		{ MOUSE_DRAG, 0, 0, 2, 0, { "\033[M@*%", "\033[M@*%",
		    "\033[<32;10;5M", "\033[64;10;5M" } },
		{ MOUSE_DRAG, 1, 0, 2, 0, { "\033[MA*%", "\033[MA*%",
		    "\033[<33;10;5M", "\033[65;10;5M" } },
		{ MOUSE_MOVE, 0, 0, 3, 0, { "\033[MC*%", "\033[MC*%",
		    "\033[<35;10;5M", "\033[67;10;5M" } },
		{ MOUSE_PRESS, 64, 0, 0, 1, { "\033[M`*%", "\033[M`*%",
		    "\033[<64;10;5M", "\033[96;10;5M" } },
		{ MOUSE_PRESS, 65, 0, 0, 1, { "\033[Ma*%", "\033[Ma*%",
		    "\033[<65;10;5M", "\033[97;10;5M" } },
		{ MOUSE_RELEASE, 64, 0, 4, 0, { "", "", "", "" } },
		{ MOUSE_RELEASE, 65, 0, 4, 0, { "", "", "", "" } },
		/* Modifiers: shift 4 + meta 8 + ctrl 16. */
		{ MOUSE_PRESS, 2, MOUSE_SHIFT|MOUSE_META|MOUSE_CTRL, 1, -1,
		    { "\033[M>*%", "\033[M>*%", "\033[<30;10;5M",
		    "\033[62;10;5M" } },
		{ MOUSE_PRESS, 0, MOUSE_CTRL, 1, -1, { "\033[M0*%",
		    "\033[M0*%", "\033[<16;10;5M", "\033[48;10;5M" } },
		{ MOUSE_RELEASE, 1, MOUSE_SHIFT, 1, 0, { "\033[M'*%",
		    "\033[M'*%", "\033[<5;10;5m", "\033[39;10;5M" } },
		{ MOUSE_DRAG, 0, MOUSE_META, 2, 0, { "\033[MH*%", "\033[MH*%",
		    "\033[<40;10;5M", "\033[72;10;5M" } },
		{ MOUSE_MOVE, 0, MOUSE_SHIFT, 3, 0, { "\033[MG*%",
		    "\033[MG*%", "\033[<39;10;5M", "\033[71;10;5M" } },
		{ MOUSE_PRESS, 65, MOUSE_CTRL, 1, -1, { "\033[Mq*%",
		    "\033[Mq*%", "\033[<81;10;5M", "\033[113;10;5M" } },
	};
	char		 out[64];
	const char	*want;
	size_t		 e, t, c;
	int		 len, reported;

	for (e = 0; e < NITEMS(events); e++) {
		for (t = 0; t < NITEMS(tracking); t++) {
			if (t == 0 && events[e].x10 < 0)
				continue;
			for (c = 0; c < NITEMS(encodings); c++) {
				reported = (t == 0) ? events[e].x10 :
				    ((int)t >= events[e].from);
				want = reported ? events[e].want[c] : "";
				len = mouse(events[e].type, events[e].button,
				    events[e].mods, 9, 4,
				    tracking[t] | encodings[c], out);
				if (strcmp(out, want) != 0)
					fprintf(stderr, "mouse event %zu "
					    "tracking %zu encoding %zu\n",
					    e, t, c);
				CHECK_INT(len, strlen(want));
				CHECK_STR(out, want);
			}
		}
	}
}

/* X10 drops modifiers; the other modes and no mode at all. */
static void
test_mouse_modes(void)
{
	char	out[64];
	int	all = MOUSE_SHIFT|MOUSE_META|MOUSE_CTRL;

	/* X10 reports a press with modifiers, but without them. */
	mouse(MOUSE_PRESS, 2, all, 9, 4, MODE_MOUSE_X10, out);
	CHECK_STR(out, "\033[M\"*%");
	mouse(MOUSE_PRESS, 2, all, 9, 4, MODE_MOUSE_X10|MODE_MOUSE_SGR, out);
	CHECK_STR(out, "\033[<2;10;5M");
	mouse(MOUSE_PRESS, 64, MOUSE_CTRL, 9, 4, MODE_MOUSE_X10, out);
	CHECK_STR(out, "\033[M`*%");

	/* No tracking mode: nothing, whatever the encoding. */
	CHECK_INT(mouse(MOUSE_PRESS, 0, 0, 1, 2, 0, out), 0);
	CHECK_INT(mouse(MOUSE_PRESS, 0, 0, 1, 2, MODE_MOUSE_SGR, out), 0);
	CHECK_INT(mouse(MOUSE_MOVE, 0, 0, 1, 2, MODE_MOUSE_ENCODING, out), 0);
	CHECK_INT(mouse(MOUSE_RELEASE, 0, 0, 1, 2, MODE_FOCUS, out), 0);

	/* With several tracking modes, the widest applies. */
	CHECK(mouse(MOUSE_MOVE, 0, 0, 1, 2, MODE_MOUSE_ANY, out) > 0);
	CHECK(mouse(MOUSE_DRAG, 0, 0, 1, 2,
	    MODE_MOUSE_X10|MODE_MOUSE_BUTTON, out) > 0);

	/* Encodings: SGR over URXVT over UTF-8; 1016 as SGR. */
	mouse(MOUSE_PRESS, 0, 0, 9, 4, MODE_MOUSE_STANDARD|
	    MODE_MOUSE_ENCODING, out);
	CHECK_STR(out, "\033[<0;10;5M");
	mouse(MOUSE_PRESS, 0, 0, 9, 4, MODE_MOUSE_STANDARD|MODE_MOUSE_URXVT|
	    MODE_MOUSE_UTF8, out);
	CHECK_STR(out, "\033[32;10;5M");
	mouse(MOUSE_RELEASE, 1, 0, 9, 4, MODE_MOUSE_STANDARD|
	    MODE_MOUSE_SGR_PIXELS, out);
	CHECK_STR(out, "\033[<1;10;5m");
	mouse(MOUSE_PRESS, 0, 0, 9, 4, MODE_MOUSE_STANDARD|
	    MODE_MOUSE_SGR_PIXELS|MODE_MOUSE_URXVT, out);
	CHECK_STR(out, "\033[<0;10;5M");

	/* Unknown modifier bits are dropped. */
	mouse(MOUSE_PRESS, 0, 0x1 | 0x40 | MOUSE_CTRL, 9, 4,
	    MODE_MOUSE_STANDARD|MODE_MOUSE_SGR, out);
	CHECK_STR(out, "\033[<16;10;5M");
}

/* Encode a press at x, y in a pane of sx by sy. */
static int
mouse_at(u_int x, u_int y, u_int sx, u_int sy, int modes, u_char *out)
{
	struct mouse_event	m;

	memset(&m, 0, sizeof m);
	m.type = MOUSE_PRESS;
	m.x = x;
	m.y = y;
	return (input_mouse_encode(&m, modes | MODE_MOUSE_STANDARD, sx, sy,
	    out, 64));
}

/* Coordinates are clamped to the pane and to what the encoding holds. */
static void
test_mouse_clamp(void)
{
	u_char	out[64];
	int	len;

	/* To the pane. */
	len = mouse_at(500, 500, 80, 24, MODE_MOUSE_SGR, out);
	CHECK_OUT(out, len, "\033[<0;80;24M");
	len = mouse_at(80, 24, 80, 24, MODE_MOUSE_SGR, out);
	CHECK_OUT(out, len, "\033[<0;80;24M");
	len = mouse_at(79, 23, 80, 24, MODE_MOUSE_SGR, out);
	CHECK_OUT(out, len, "\033[<0;80;24M");
	len = mouse_at(0, 0, 80, 24, MODE_MOUSE_SGR, out);
	CHECK_OUT(out, len, "\033[<0;1;1M");
	len = mouse_at(500, 500, 80, 24, 0, out);
	CHECK_OUT(out, len, "\033[M p8");		/* 32+80, 32+24 */
	len = mouse_at(5, 5, 1, 1, 0, out);
	CHECK_OUT(out, len, "\033[M !!");

	/* X10 bytes hold 223 at most: 255 on the wire. */
	len = mouse_at(222, 222, 300, 300, 0, out);
	CHECK_OUT(out, len, "\033[M \377\377");
	len = mouse_at(250, 260, 300, 300, 0, out);
	CHECK_OUT(out, len, "\033[M \377\377");
	len = mouse_at(10000, 10000, 10000, 10000, 0, out);
	CHECK_OUT(out, len, "\033[M \377\377");

	/* UTF-8 goes two bytes past 95 and holds 2015 at most. */
	len = mouse_at(94, 95, 300, 300, MODE_MOUSE_UTF8, out);
	CHECK_OUT(out, len, "\033[M \177\302\200");	/* 127, 128 */
	len = mouse_at(250, 260, 300, 300, MODE_MOUSE_UTF8, out);
	CHECK_OUT(out, len, "\033[M \304\233\304\245"); /* 283, 293 */
	len = mouse_at(2014, 2014, 3000, 3000, MODE_MOUSE_UTF8, out);
	CHECK_OUT(out, len, "\033[M \337\277\337\277");  /* 2047 */
	len = mouse_at(2500, 2999, 3000, 3000, MODE_MOUSE_UTF8, out);
	CHECK_OUT(out, len, "\033[M \337\277\337\277");

	/* SGR and URXVT are not limited. */
	len = mouse_at(2500, 2999, 3000, 3000, MODE_MOUSE_SGR, out);
	CHECK_OUT(out, len, "\033[<0;2501;3000M");
	len = mouse_at(2500, 2999, 3000, 3000, MODE_MOUSE_URXVT, out);
	CHECK_OUT(out, len, "\033[32;2501;3000M");
}

/* Malformed events and short buffers are errors. */
static void
test_mouse_errors(void)
{
	struct mouse_event	m;
	u_char			out[64];

	memset(&m, 0, sizeof m);
	m.type = MOUSE_PRESS;
	CHECK_INT(input_mouse_encode(NULL, MODE_MOUSE_STANDARD, 80, 24, out,
	    sizeof out), -1);
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 80, 24, NULL,
	    0), -1);
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 0, 24, out,
	    sizeof out), -1);
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 80, 0, out,
	    sizeof out), -1);
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 80, 24, out, 5),
	    -1);
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 80, 24, out, 6),
	    6);
	m.button = 7;
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_STANDARD, 80, 24, out,
	    sizeof out), -1);
	m.button = 64;
	m.type = MOUSE_DRAG;
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_BUTTON, 80, 24, out,
	    sizeof out), -1);
	m.button = 0;
	m.type = 42;
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_ALL, 80, 24, out,
	    sizeof out), -1);
	/* Motion ignores the button. */
	m.type = MOUSE_MOVE;
	m.button = 7;
	CHECK_INT(input_mouse_encode(&m, MODE_MOUSE_ALL, 80, 24, out,
	    sizeof out), 6);
}

/* Focus events only under 1004. */
static void
test_focus(void)
{
	u_char	buf[16];

	CHECK_INT(input_focus_encode(1, 0, buf, sizeof buf), 0);
	CHECK_INT(input_focus_encode(0, 0, buf, sizeof buf), 0);
	CHECK_INT(input_focus_encode(1, MODE_MOUSE_ALL|MODE_BRACKETPASTE, buf,
	    sizeof buf), 0);
	CHECK_INT(input_focus_encode(1, MODE_FOCUS, buf, sizeof buf), 3);
	CHECK_MEM(buf, 3, "\033[I", 3);
	CHECK_INT(input_focus_encode(0, MODE_FOCUS, buf, sizeof buf), 3);
	CHECK_MEM(buf, 3, "\033[O", 3);
	CHECK_INT(input_focus_encode(1, MODE_FOCUS|MODE_KCURSOR, buf, 3), 3);
	CHECK_MEM(buf, 3, "\033[I", 3);
	CHECK_INT(input_focus_encode(1, MODE_FOCUS, buf, 2), -1);
	CHECK_INT(input_focus_encode(1, MODE_FOCUS, NULL, 0), -1);
}

int
main(void)
{
	test_chars();
	test_ctrl();
	test_meta();
	test_bspace();
	test_cursor();
	test_keypad();
	test_every_key();
	test_key_errors();
	test_names();
	test_paste();
	test_mouse_matrix();
	test_mouse_modes();
	test_mouse_clamp();
	test_mouse_errors();
	test_focus();
	UNIT_END();
}
