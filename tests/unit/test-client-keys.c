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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "client.h"
#include "unit.h"

/* Unit tests for the attached client's parser of its terminal's input. */

struct events {
	char	 text[4096];	/* a readable log of the events */
};

static void
ev_key(void *arg, uint64_t key)
{
	struct events	*e = arg;
	char		 name[64];

	keys_name(key, name, sizeof name);
	snprintf(e->text + strlen(e->text), sizeof e->text - strlen(e->text),
	    "[%s]", name);
}

static void
ev_paste(void *arg, const char *buf, size_t len)
{
	struct events	*e = arg;

	snprintf(e->text + strlen(e->text), sizeof e->text - strlen(e->text),
	    "{paste:%.*s}", (int)len, buf);
}

static void
ev_mouse(void *arg, int type, u_int button, u_int mods, u_int x, u_int y)
{
	struct events	*e = arg;

	snprintf(e->text + strlen(e->text), sizeof e->text - strlen(e->text),
	    "{mouse:%d,%u,%u,%u,%u}", type, button, mods, x, y);
}

static void
ev_focus(void *arg, int in)
{
	struct events	*e = arg;

	snprintf(e->text + strlen(e->text), sizeof e->text - strlen(e->text),
	    "{focus:%d}", in);
}

static const struct client_keys_cb callbacks = {
	ev_key, ev_paste, ev_mouse, ev_focus
};

/* Feed bytes (all at once, then byte by byte) and compare the events. */
static void
check(const char *in, size_t len, int timeout, const char *want)
{
	struct client_keys	*k;
	struct events		 e;
	size_t			 i;
	int			 pass;

	for (pass = 0; pass < 2; pass++) {
		memset(&e, 0, sizeof e);
		k = client_keys_create(&callbacks, &e);
		if (pass == 0)
			client_keys_input(k, (const u_char *)in, len);
		else {
			for (i = 0; i < len; i++)
				client_keys_input(k, (const u_char *)in + i, 1);
		}
		if (timeout)
			client_keys_timeout(k);
		if (strcmp(e.text, want) != 0)
			fprintf(stderr, "pass %d: input \"%.*s\"\n", pass,
			    (int)len, in);
		CHECK_STR(e.text, want);
		client_keys_free(k);
	}
}

#define CHECK_KEYS(s, t, w) check(s, sizeof s - 1, t, w)

int
main(void)
{
	CHECK_KEYS("ab\r\t\177", 0, "[a][b][Enter][Tab][BSpace]");
	CHECK_KEYS("\001\003\032", 0, "[C-a][C-c][C-z]");
	CHECK_KEYS("\303\251\344\270\255", 0, "[\303\251][\344\270\255]");
	CHECK_KEYS("\033[A\033[B\033[C\033[D", 0, "[Up][Down][Right][Left]");
	CHECK_KEYS("\033OA\033OH\033OF", 0, "[Up][Home][End]");
	CHECK_KEYS("\033[1;5A\033[1;2D\033[1;3C", 0,
	    "[C-Up][S-Left][M-Right]");
	CHECK_KEYS("\033[2~\033[3~\033[5~\033[6~\033[3;5~", 0,
	    "[Insert][Delete][PageUp][PageDown][C-Delete]");
	CHECK_KEYS("\033OP\033[15~\033[24~\033[1;5P", 0,
	    "[F1][F5][F12][C-F1]");
	CHECK_KEYS("\033[Z", 0, "[BTab]");
	CHECK_KEYS("\033x\033\177", 0, "[M-x][M-BSpace]");
	/* A lone Escape needs the escape time. */
	CHECK_KEYS("\033", 0, "");
	CHECK_KEYS("\033", 1, "[Escape]");
	CHECK_KEYS("\033[", 1, "[Escape][[]");
	/* Pastes, whole, whatever is inside. */
	CHECK_KEYS("x\033[200~a\033[Ab\r\033[201~y", 0,
	    "[x]{paste:a\033[Ab\r}[y]");
	CHECK_KEYS("\033[200~\033[201", 1, "");
	/* SGR mouse and focus. */
	CHECK_KEYS("\033[<0;10;5M\033[<0;10;5m", 0,
	    "{mouse:0,0,0,9,4}{mouse:1,0,0,9,4}");
	CHECK_KEYS("\033[<32;2;3M\033[<35;2;3M\033[<64;1;1M\033[<18;1;1M", 0,
	    "{mouse:2,0,0,1,2}{mouse:3,3,0,1,2}{mouse:0,64,0,0,0}"
	    "{mouse:0,2,16,0,0}");
	CHECK_KEYS("\033[I\033[O", 0, "{focus:1}{focus:0}");
	/* Garbage is dropped or passed as keys, never a crash. */
	CHECK_KEYS("\033[?1;2c\377", 0, "[\357\277\275]");
	UNIT_END();
}
