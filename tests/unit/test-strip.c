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
#include "queue.h"
#include "unit.h"

/* Unit tests for a command's output as text (src/strip.c). */

/* Strip in (width columns) and compare with want. */
static void
check_strip(const char *in, u_int width, const char *want)
{
	char	*out;
	size_t	 len;

	out = strip_output((const u_char *)in, strlen(in), width, &len);
	CHECK_MEM(out, len, want, strlen(want));
	CHECK_INT(out[len], 0);
	free(out);
}

/* Random input, heavy in the bytes that matter: never past the end. */
static void
check_random(void)
{
	static const u_char	 pick[] = { 0x1b, '[', ']', '\\', 0x07, '\r',
				     '\n', 0xc2, 0x9b, 0x9d, 0x9c, 0xe4, 0xb8,
				     0xad, 'P', '_', 'm', ' ', 'a', 0x18 };
	u_char			 buf[256];
	uint32_t		 seed = 12345;
	char			*out;
	size_t			 len, n, i;
	int			 round, bad = 0;

	for (round = 0; round < 20000; round++) {
		seed = seed * 1103515245 + 12345;
		len = (seed >> 16) % sizeof buf;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245 + 12345;
			buf[i] = pick[(seed >> 16) % sizeof pick];
		}
		out = strip_output(buf, len, round % 12, &n);
		if (n > len || out[n] != '\0')
			bad++;
		free(out);
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	/* Terminal newlines. */
	check_strip("a\r\nb\r\n", 80, "a\nb\n");
	check_strip("a\r\r\nb", 80, "a\nb");
	check_strip("", 80, "");
	check_strip("tab\there\n", 80, "tab\there\n");

	/* Sequences of every kind go. */
	check_strip("\033[1;31mred\033[0m\r\n", 80, "red\n");
	check_strip("\033]0;title\007x", 80, "x");
	check_strip("\033]8;;http://x\033\\link\033]8;;\033\\", 80, "link");
	check_strip("\033Pdcs\033\\after", 80, "after");
	check_strip("\033_apc\033\\\033^pm\033\\\033Xsos\033\\ok", 80, "ok");
	check_strip("\033(B\033=\033>\0337\0338z", 80, "z");
	check_strip("\302\233" "31mc1\302\235" "0;t\007!", 80, "c1!");
	check_strip("\302\205next", 80, "next");
	check_strip("bell\007\001\177!", 80, "bell!");
	/* Cut short: what there is goes. */
	check_strip("abc\033[12", 80, "abc");
	check_strip("abc\033]0;unterminated", 80, "abc");
	check_strip("abc\033", 80, "abc");

	/* UTF-8 is kept; invalid bytes too. */
	check_strip("h\303\251llo \344\270\255\n", 80, "h\303\251llo \344\270\255\n");
	check_strip("bad\377\300x", 80, "bad\377\300x");

	/* A carriage return goes back to the start of the row. */
	check_strip("50%\r100%\r\n", 80, "100%\n");
	check_strip("long line\rshort\n", 80, "shortline\n");
	check_strip("\303\251\303\251\303\251\rab\n", 80, "ab\303\251\n");
	check_strip("abc\r   \r", 80, "");	/* overwritten with blanks */
	/* zsh's PROMPT_SP after output with no final newline. */
	check_strip("abc\033[1m\033[7m%\033[27m\033[1m\033[0m"
	    "                   \r \r", 10, "abc%");
	/* ...and after output that ended its line. */
	check_strip("abc\r\n\033[1m\033[7m%\033[27m\033[1m\033[0m"
	    "         \r \r", 10, "abc\n");
	/* Without a width, lines never wrap. */
	check_strip("0123456789AB\rx", 0, "x123456789AB");
	check_strip("0123456789AB\rx", 10, "0123456789xB");

	check_random();
	UNIT_END();
}
