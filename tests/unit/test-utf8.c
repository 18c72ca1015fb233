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
#include "unit.h"

/* Unit tests for UTF-8 encoding and for escaping text for error lines. */

/* Escape src and compare with want. */
#define CHECK_ESCAPE(src, want) do {					\
	char	*unit_e = utf8_escape(src);				\
	CHECK_STR(unit_e, want);					\
	free(unit_e);							\
} while (0)

/* Printable text, including valid UTF-8, is kept as it is. */
static void
test_escape_plain(void)
{
	CHECK_ESCAPE("", "");
	CHECK_ESCAPE("build-1_x y", "build-1_x y");
	CHECK_ESCAPE("~!@#$%^&*()[]{}'\"", "~!@#$%^&*()[]{}'\"");
	CHECK_ESCAPE("caf\xc3\xa9", "caf\xc3\xa9");		/* é */
	CHECK_ESCAPE("\xc2\xa0", "\xc2\xa0");			/* U+00A0 */
	CHECK_ESCAPE("\xe2\x82\xac", "\xe2\x82\xac");		/* € */
	CHECK_ESCAPE("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");	/* U+1F600 */
	CHECK_ESCAPE("\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf");	/* U+10FFFF */
}

/* Control characters, DEL and backslash in C style or octal. */
static void
test_escape_controls(void)
{
	CHECK_ESCAPE("a\nb", "a\\nb");
	CHECK_ESCAPE("a\rb", "a\\rb");
	CHECK_ESCAPE("a\tb", "a\\tb");
	CHECK_ESCAPE("\033[31mred", "\\033[31mred");
	CHECK_ESCAPE("\001\037", "\\001\\037");
	CHECK_ESCAPE("del\177", "del\\177");
	CHECK_ESCAPE("a\\nb", "a\\\\nb");
	CHECK_ESCAPE("\\", "\\\\");
	/* C1 controls (U+0080 to U+009F), encoded or as bare bytes. */
	CHECK_ESCAPE("\xc2\x9b" "2J", "\\302\\233" "2J");
	CHECK_ESCAPE("\x9b" "2J", "\\233" "2J");
	CHECK_ESCAPE("\xc2\x85", "\\302\\205");
}

/* Bytes that are not valid UTF-8 are escaped one by one. */
static void
test_escape_invalid(void)
{
	CHECK_ESCAPE("bad\xff\xfe", "bad\\377\\376");
	CHECK_ESCAPE("\x80", "\\200");			/* lone continuation */
	CHECK_ESCAPE("cut\xc3", "cut\\303");		/* truncated at end */
	CHECK_ESCAPE("\xc3x", "\\303x");		/* truncated mid */
	CHECK_ESCAPE("\xe2\x82", "\\342\\202");
	CHECK_ESCAPE("\xc0\xaf", "\\300\\257");		/* overlong '/' */
	CHECK_ESCAPE("\xe0\x80\xaf", "\\340\\200\\257");	/* overlong */
	CHECK_ESCAPE("\xf0\x80\x80\xaf", "\\360\\200\\200\\257");
	CHECK_ESCAPE("\xed\xa0\x80", "\\355\\240\\200");	/* surrogate */
	CHECK_ESCAPE("\xf4\x90\x80\x80", "\\364\\220\\200\\200"); /* > max */
	CHECK_ESCAPE("\xf5\x80\x80\x80", "\\365\\200\\200\\200");
	/* A good character after a bad byte is kept. */
	CHECK_ESCAPE("\xff\xc3\xa9", "\\377\xc3\xa9");
}

/* The result never holds a control character, whatever goes in. */
static void
test_escape_all_bytes(void)
{
	char		 in[512], *out;
	const u_char	*p;
	int		 i, ok = 1;

	for (i = 0; i < 255; i++) {
		in[2 * i] = (char)(i + 1);
		in[2 * i + 1] = 'x';
	}
	in[510] = '\0';
	out = utf8_escape(in);
	for (p = (const u_char *)out; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f || *p >= 0x80)
			ok = 0;
	}
	CHECK(ok);
	CHECK(strlen(out) <= 4 * strlen(in));
	free(out);
}

/* esc() results stay valid for several calls in one message. */
static void
test_esc(void)
{
	char		 buf[256];
	const char	*a, *b;
	int		 i;

	a = esc("one\n");
	b = esc("two\t");
	snprintf(buf, sizeof buf, "%s %s %s %s", a, b, esc("\033"),
	    esc(NULL));
	CHECK_STR(buf, "one\\n two\\t \\033 (null)");
	for (i = 0; i < 100; i++)
		CHECK_STR(esc("x\ny"), "x\\ny");
}

/* Encoding code points, the replacement for invalid ones. */
static void
test_encode(void)
{
	char	buf[4];

	CHECK_INT(utf8_encode('A', buf), 1);
	CHECK_MEM(buf, 1, "A", 1);
	CHECK_INT(utf8_encode(0xe9, buf), 2);
	CHECK_MEM(buf, 2, "\xc3\xa9", 2);
	CHECK_INT(utf8_encode(0x20ac, buf), 3);
	CHECK_MEM(buf, 3, "\xe2\x82\xac", 3);
	CHECK_INT(utf8_encode(0x1f600, buf), 4);
	CHECK_MEM(buf, 4, "\xf0\x9f\x98\x80", 4);
	CHECK_INT(utf8_encode(0xd800, buf), 3);
	CHECK_MEM(buf, 3, "\xef\xbf\xbd", 3);
	CHECK_INT(utf8_lead_length('a'), 1);
	CHECK_INT(utf8_lead_length(0xc3), 2);
	CHECK_INT(utf8_lead_length(0x80), 0);
	CHECK_INT(utf8_lead_length(0xc1), 0);
	CHECK_INT(utf8_lead_length(0xf5), 0);
}

int
main(void)
{
	test_escape_plain();
	test_escape_controls();
	test_escape_invalid();
	test_escape_all_bytes();
	test_esc();
	test_encode();
	UNIT_END();
}
