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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "client.h"
#include "unit.h"

/* Unit tests for the attached client's parser of its terminal's input. */

struct events {
	char	 text[4096];	/* a readable log of the events */
	size_t	 pasted;	/* bytes of paste in all */
	u_int	 pastes;	/* paste events */
	int	 bad_paste;	/* a piece that was not what was pasted */
};

static void
ev_log(struct events *e, const char *fmt, ...)
{
	size_t	used = strlen(e->text);
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(e->text + used, sizeof e->text - used, fmt, ap);
	va_end(ap);
}

static void
ev_key(void *arg, uint64_t key)
{
	char	name[64];

	keys_name(key, name, sizeof name);
	ev_log(arg, "[%s]", name);
}

static void
ev_paste(void *arg, const char *buf, size_t len)
{
	struct events	*e = arg;

	e->pasted += len;
	e->pastes++;
	if (len < 200)
		ev_log(e, "{paste:%.*s}", (int)len, buf);
	else
		ev_log(e, "{paste:%zu}", len);
}

static void
ev_mouse(void *arg, int type, u_int button, u_int mods, u_int x, u_int y)
{
	ev_log(arg, "{mouse:%d,%u,%u,%u,%u}", type, button, mods, x, y);
}

static void
ev_focus(void *arg, int in)
{
	ev_log(arg, "{focus:%d}", in);
}

static const struct client_keys_cb callbacks = {
	ev_key, ev_paste, ev_mouse, ev_focus
};

/* Terminfo key strings of an imaginary terminal, for the find tests. */
static void
add_terminfo(struct client_keys *k)
{
	client_keys_add(k, "\033[[A", KEYC_F1);		/* linux */
	client_keys_add(k, "\033Ow", KEYC_END);		/* not KP7 */
	client_keys_add(k, "\033[9X", KEYC_F9);		/* made up */
	client_keys_add(k, "\033[9XY", KEYC_F10);	/* longer wins */
	client_keys_add(k, "\010", KEYC_BSPACE);	/* refused: 1 byte */
	client_keys_add(k, NULL, KEYC_F2);
}

/*
 * Feed bytes (all at once, byte by byte, then in pairs) and compare the
 * events; with timeout, the escape time passes at the end.
 */
static void
check_with(const char *in, size_t len, int timeout, int terminfo,
    u_char erase, const char *want)
{
	struct client_keys	*k;
	struct events		 e;
	size_t			 i, step;
	int			 pass;

	for (pass = 0; pass < 3; pass++) {
		memset(&e, 0, sizeof e);
		k = client_keys_create(&callbacks, &e);
		if (terminfo)
			add_terminfo(k);
		if (erase != 0)
			client_keys_set_backspace(k, erase);
		step = pass == 0 ? len : (size_t)pass;
		for (i = 0; i < len; i += step) {
			client_keys_input(k, (const u_char *)in + i,
			    len - i < step ? len - i : step);
		}
		if (timeout)
			client_keys_timeout(k);
		else
			CHECK(!client_keys_pending(k) || *want == '\0');
		if (strcmp(e.text, want) != 0)
			fprintf(stderr, "pass %d: input \"%.*s\"\n", pass,
			    (int)len, in);
		CHECK_STR(e.text, want);
		client_keys_free(k);
	}
}

#define CHECK_KEYS(s, t, w) check_with(s, sizeof s - 1, t, 0, 0, w)
#define CHECK_TI(s, t, w) check_with(s, sizeof s - 1, t, 1, 0, w)

/* Plain keys, control characters and UTF-8. */
static void
test_plain(void)
{
	CHECK_KEYS("ab Z~", 0, "[a][b][Space][Z][~]");
	CHECK_KEYS("\r\t\177\033", 1, "[Enter][Tab][BSpace][Escape]");
	CHECK_KEYS("\001\003\032\000\034\037", 0,
	    "[C-a][C-c][C-z][C-Space][C-\\][C-_]");
	CHECK_KEYS("\010", 0, "[C-h]");
	CHECK_KEYS("\303\251\344\270\255\360\237\230\200", 0,
	    "[\303\251][\344\270\255][\360\237\230\200]");
	/* Invalid UTF-8: each bad byte is U+FFFD, the rest goes on. */
	CHECK_KEYS("\377a\300\257b", 0,
	    "[\357\277\275][a][\357\277\275][\357\277\275][b]");
	CHECK_KEYS("\355\240\200", 0,	/* a surrogate */
	    "[\357\277\275][\357\277\275][\357\277\275]");
	CHECK_KEYS("\344\270a", 0, "[\357\277\275][\357\277\275][a]");
	/* A truncated character is waited for, then given up. */
	CHECK_KEYS("\344\270", 1, "[\357\277\275][\357\277\275]");
	/* VERASE ^H: then ^H is backspace too. */
	check_with("\010\177", 2, 0, 0, '\010', "[BSpace][BSpace]");
	check_with("\010", 1, 0, 0, 0xff, "[C-h]");
}

/* Cursor, editing and function keys in every form, with modifiers. */
static void
test_special(void)
{
	CHECK_KEYS("\033[A\033[B\033[C\033[D", 0, "[Up][Down][Right][Left]");
	CHECK_KEYS("\033OA\033OB\033OC\033OD\033OH\033OF", 0,
	    "[Up][Down][Right][Left][Home][End]");
	CHECK_KEYS("\033[H\033[F\033[1~\033[4~\033[7~\033[8~", 0,
	    "[Home][End][Home][End][Home][End]");
	CHECK_KEYS("\033[2~\033[3~\033[5~\033[6~", 0,
	    "[Insert][Delete][PageUp][PageDown]");
	CHECK_KEYS("\033OP\033OQ\033OR\033OS", 0, "[F1][F2][F3][F4]");
	CHECK_KEYS("\033[11~\033[12~\033[13~\033[14~\033[15~\033[17~", 0,
	    "[F1][F2][F3][F4][F5][F6]");
	CHECK_KEYS("\033[18~\033[19~\033[20~\033[21~\033[23~\033[24~", 0,
	    "[F7][F8][F9][F10][F11][F12]");
	CHECK_KEYS("\033[[A\033[[E", 0, "[F1][F5]");	/* linux console */
	CHECK_KEYS("\033[Z", 0, "[BTab]");
	/* xterm modifiers: 2 S, 3 M, 4 S-M, 5 C, 6 C-S, 7 C-M, 8 C-M-S. */
	CHECK_KEYS("\033[1;2A\033[1;3B\033[1;4C\033[1;5D", 0,
	    "[S-Up][M-Down][M-S-Right][C-Left]");
	CHECK_KEYS("\033[1;6H\033[1;7F\033[1;8A", 0,
	    "[C-S-Home][C-M-End][C-M-S-Up]");
	CHECK_KEYS("\033[3;5~\033[5;3~\033[6;2~\033[2;5~", 0,
	    "[C-Delete][M-PageUp][S-PageDown][C-Insert]");
	CHECK_KEYS("\033[1;5P\033[1;2Q\033[15;5~\033[24;2~", 0,
	    "[C-F1][S-F2][C-F5][S-F12]");
	CHECK_KEYS("\033O5A\033O2P", 0, "[C-Up][S-F1]");
	/* rxvt: Shift $, Ctrl ^, Ctrl-Shift @, lower case arrows. */
	CHECK_KEYS("\033[3$\033[5^\033[2@", 0,
	    "[S-Delete][C-PageUp][C-S-Insert]");
	CHECK_KEYS("\033[a\033[d\033Ob\033Oc", 0,
	    "[S-Up][S-Left][C-Down][C-Right]");
	/* The keypad in application mode. */
	CHECK_KEYS("\033OM\033Oj\033Ok\033Om\033On\033Oo", 0,
	    "[KPEnter][KP*][KP+][KP-][KP.][KP/]");
	CHECK_KEYS("\033Op\033Oy", 0, "[KP0][KP9]");
	/* modifyOtherKeys and CSI u. */
	CHECK_KEYS("\033[27;5;13~\033[27;2;9~\033[27;6;97~", 0,
	    "[C-Enter][S-Tab][C-S-a]");
	CHECK_KEYS("\033[97;5u\033[13;2u\033[127u\033[27u", 0,
	    "[C-a][S-Enter][BSpace][Escape]");
}

/* Alt as an ESC prefix, and Escape alone after the escape time. */
static void
test_escape(void)
{
	struct client_keys	*k;
	struct events		 e;

	CHECK_KEYS("\033x\033X\033\177\033\001\033 ", 0,
	    "[M-x][M-X][M-BSpace][C-M-a][M-Space]");
	CHECK_KEYS("\033\303\251", 0, "[M-\303\251]");
	CHECK_KEYS("\033\033[A\033\033OB\033\033[1;5C", 0,
	    "[M-Up][M-Down][C-M-Right]");
	/* A lone Escape needs the escape time. */
	CHECK_KEYS("\033", 0, "");
	CHECK_KEYS("\033", 1, "[Escape]");
	CHECK_KEYS("\033\033", 1, "[Escape][Escape]");
	CHECK_KEYS("\033\033x", 0, "[Escape][M-x]");
	CHECK_KEYS("\033[", 1, "[M-[]");
	CHECK_KEYS("\033O", 1, "[M-O]");
	CHECK_KEYS("\033[1;5", 1, "[Escape][[][1][;][5]");
	CHECK_KEYS("\033\033[", 1, "[Escape][M-[]");
	CHECK_KEYS("\033\344", 1, "[Escape][\357\277\275]");
	/* Escape, then a key after the escape time: two keys, no Alt. */
	memset(&e, 0, sizeof e);
	k = client_keys_create(&callbacks, &e);
	client_keys_input(k, (const u_char *)"\033", 1);
	CHECK(client_keys_pending(k));
	client_keys_timeout(k);
	CHECK(!client_keys_pending(k));
	client_keys_input(k, (const u_char *)"j", 1);
	CHECK_STR(e.text, "[Escape][j]");
	client_keys_free(k);
}

/* The terminal's own key strings come first; the longest wins. */
static void
test_terminfo(void)
{
	CHECK_TI("\033Ow\033[[A\033[9X", 1, "[End][F1][F9]");
	CHECK_TI("\033[9Xz", 0, "[F9][z]");
	CHECK_TI("\033[9XY", 0, "[F10]");
	CHECK_TI("\033[9X", 1, "[F9]");
	CHECK_TI("\033\033Ow", 0, "[M-End]");
	CHECK_TI("\010", 0, "[C-h]");
	CHECK_TI("\033OA", 0, "[Up]");	/* built in still */
}

/* Pastes: whole, whatever is inside, across reads; bounded. */
static void
test_paste(void)
{
	struct client_keys	*k;
	struct events		 e;
	char			*big;
	size_t			 len, i;

	CHECK_KEYS("x\033[200~a\033[Ab\r\033[201~y", 0,
	    "[x]{paste:a\033[Ab\r}[y]");
	CHECK_KEYS("\033[200~\033[20\033[201\033[201~", 0,
	    "{paste:\033[20\033[201}");
	CHECK_KEYS("\033[200~\303\251\033\033[201~\033", 1,
	    "{paste:\303\251\033}[Escape]");
	CHECK_KEYS("\033[200~\033[201~", 0, "");
	/* A paste whose end never comes ends at the paste time. */
	CHECK_KEYS("\033[200~abc\033[20", 1, "{paste:abc\033[20}");
	CHECK_KEYS("\033[200~abc\033[20", 0, "");

	/* Larger than a piece: handed over in pieces, none lost. */
	len = CLIENT_KEYS_MAX_PASTE * 2 + 100;
	big = xmalloc(len + 20);
	memcpy(big, "\033[200~", 6);
	for (i = 6; i < len + 6; i++)
		big[i] = 'a' + i % 26;
	big[CLIENT_KEYS_MAX_PASTE + 5] = '\344';	/* cut in two */
	big[CLIENT_KEYS_MAX_PASTE + 6] = '\270';
	big[CLIENT_KEYS_MAX_PASTE + 7] = '\255';
	memcpy(big + len + 6, "\033[201~q", 7);
	memset(&e, 0, sizeof e);
	k = client_keys_create(&callbacks, &e);
	for (i = 0; i < len + 13; i += 8191)
		client_keys_input(k, (u_char *)big + i,
		    len + 13 - i < 8191 ? len + 13 - i : 8191);
	CHECK_INT(e.pasted, len);
	CHECK_INT(e.pastes, 3);
	CHECK(strstr(e.text, "{paste:1048511}") != NULL);
	CHECK(strstr(e.text, "[q]") != NULL);
	CHECK(!client_keys_in_paste(k));
	client_keys_free(k);
	free(big);
}

/* SGR mouse, the older encodings, focus. */
static void
test_mouse(void)
{
	/* Press, release, drag, move, wheel, modifiers (1-based in). */
	CHECK_KEYS("\033[<0;10;5M\033[<0;10;5m", 0,
	    "{mouse:0,0,0,9,4}{mouse:1,0,0,9,4}");
	CHECK_KEYS("\033[<2;1;1M\033[<34;2;1M\033[<2;2;1m", 0,
	    "{mouse:0,2,0,0,0}{mouse:2,2,0,1,0}{mouse:1,2,0,1,0}");
	CHECK_KEYS("\033[<35;2;3M\033[<64;1;1M\033[<65;300;200M", 0,
	    "{mouse:3,3,0,1,2}{mouse:0,64,0,0,0}{mouse:0,65,0,299,199}");
	CHECK_KEYS("\033[<4;1;1M\033[<8;1;1M\033[<16;1;1M\033[<28;1;1M", 0,
	    "{mouse:0,0,4,0,0}{mouse:0,0,8,0,0}{mouse:0,0,16,0,0}"
	    "{mouse:0,0,28,0,0}");
	/* Zero coordinates and short reports are dropped. */
	CHECK_KEYS("\033[<0;0;5M\033[<0;5M\033[<0;1;1;1Mz", 0, "[z]");
	/* X10 and urxvt, should the terminal not do SGR. */
	CHECK_KEYS("\033[M !!\033[M#!!\033[M`\"#", 0,
	    "{mouse:0,0,0,0,0}{mouse:1,0,0,0,0}{mouse:0,64,0,1,2}");
	CHECK_KEYS("\033[M\"++\033[M@,,\033[MC--", 0,
	    "{mouse:0,2,0,10,10}{mouse:2,0,0,11,11}{mouse:3,3,0,12,12}");
	CHECK_KEYS("\033[32;5;6M\033[35;5;6M", 0,
	    "{mouse:0,0,0,4,5}{mouse:1,0,0,4,5}");
	CHECK_KEYS("\033[M !", 1, "");	/* cut short: dropped */
	/* Focus. */
	CHECK_KEYS("\033[I\033[O", 0, "{focus:1}{focus:0}");
}

/* Garbage is dropped or passed as keys, never a crash or a hang. */
static void
test_garbage(void)
{
	struct client_keys	*k;
	struct events		 e;
	u_char			 buf[4096];
	u_int			 i, seed = 1;

	CHECK_KEYS("\033[?1;2c\033[>1;2;3c\033[12;5R", 0, "");
	CHECK_KEYS("\033[99~\033[1;99A\033[999999999999~x", 0, "[x]");
	CHECK_KEYS("\033[1;17A\033[1;16A\033[2A", 0, "[C-M-S-Up]");
	CHECK_KEYS("\033[1;2;3;4;5A\033[;A", 0, "[Up]");
	CHECK_KEYS("\033[1\001", 0, "[Escape][[][1][C-a]");
	CHECK_KEYS("\033[0u\033[1114112u\033[55296u", 0, "");

	/* A sequence too long to be a key is dropped. */
	memset(buf, '1', 200);
	buf[0] = '\033';
	buf[1] = '[';
	memset(&e, 0, sizeof e);
	k = client_keys_create(&callbacks, &e);
	client_keys_input(k, buf, 200);
	client_keys_input(k, (const u_char *)"a", 1);
	client_keys_timeout(k);
	CHECK(strncmp(e.text, "[1]", 3) == 0);
	CHECK(strstr(e.text, "[1][a]") != NULL);
	client_keys_free(k);

	/* Random bytes. */
	k = client_keys_create(&callbacks, &e);
	add_terminfo(k);
	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245 + 12345;
		buf[i % sizeof buf] = (seed >> 16) % 4 == 0 ? '\033' :
		    (u_char)(seed >> 8);
		if (i % 97 == 0) {
			memset(&e, 0, sizeof e);
			client_keys_input(k, buf, i % sizeof buf);
			if (i % 3 == 0)
				client_keys_timeout(k);
		}
	}
	client_keys_timeout(k);
	CHECK(!client_keys_pending(k));
	client_keys_free(k);
}

int
main(void)
{
	test_plain();
	test_special();
	test_escape();
	test_terminfo();
	test_paste();
	test_mouse();
	test_garbage();
	UNIT_END();
}
