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

/* Unit tests for key names. */

/* Parse and compare. */
static void
check_parse(const char *name, uint64_t want)
{
	uint64_t	key = 0;

	if (keys_parse(name, &key) != 0 || key != want)
		fprintf(stderr, "keys_parse(\"%s\")\n", name);
	CHECK_INT(keys_parse(name, &key), 0);
	CHECK(key == want);
}

/* Every name in CLI.md, with and without modifiers. */
static void
test_names(void)
{
	check_parse("Enter", '\r');
	check_parse("Tab", '\t');
	check_parse("BTab", KEYC_BTAB);
	check_parse("Escape", 0x1b);
	check_parse("Space", ' ');
	check_parse("BSpace", KEYC_BSPACE);
	check_parse("Up", KEYC_UP);
	check_parse("Down", KEYC_DOWN);
	check_parse("Left", KEYC_LEFT);
	check_parse("Right", KEYC_RIGHT);
	check_parse("Home", KEYC_HOME);
	check_parse("End", KEYC_END);
	check_parse("PageUp", KEYC_PPAGE);
	check_parse("PgUp", KEYC_PPAGE);
	check_parse("PPage", KEYC_PPAGE);
	check_parse("PageDown", KEYC_NPAGE);
	check_parse("NPage", KEYC_NPAGE);
	check_parse("Insert", KEYC_IC);
	check_parse("Delete", KEYC_DC);
	check_parse("F1", KEYC_F1);
	check_parse("F12", KEYC_F12);
	check_parse("KP0", KEYC_KP_0);
	check_parse("KPEnter", KEYC_KP_ENTER);
	check_parse("C-a", 'a' | KEYC_CTRL);
	check_parse("C-z", 'z' | KEYC_CTRL);
	check_parse("^c", 'c' | KEYC_CTRL);
	check_parse("M-x", 'x' | KEYC_META);
	check_parse("C-M-x", 'x' | KEYC_CTRL | KEYC_META);
	check_parse("S-Up", KEYC_UP | KEYC_SHIFT);
	check_parse("C-Up", KEYC_UP | KEYC_CTRL);
	check_parse("a", 'a');
	check_parse("\303\251", 0xe9);
	check_parse("\344\270\255", 0x4e2d);
}

/* What is not a key name is refused (send then sends it as text). */
static void
test_invalid(void)
{
	const char	*bad[] = { "", "C-", "Foo", "C-Foo", "ab", "hello",
			    "\303", "\377", "F13", "M-", NULL };
	uint64_t	 key;
	int		 i;

	for (i = 0; bad[i] != NULL; i++) {
		if (keys_parse(bad[i], &key) == 0)
			fprintf(stderr, "accepted \"%s\"\n", bad[i]);
		CHECK_INT(keys_parse(bad[i], &key), -1);
	}
}

/* keys_name and keys_parse round-trip over keys and modifiers. */
static void
test_round_trip(void)
{
	const uint64_t	 mods[] = { 0, KEYC_CTRL, KEYC_META, KEYC_SHIFT,
			     KEYC_CTRL|KEYC_META, KEYC_CTRL|KEYC_SHIFT|KEYC_META };
	const uint64_t	 chars[] = { 'a', 'z', '1', ':', 0xe9, 0x4e2d, '\r',
			     '\t', 0x1b, ' ' };
	char		 buf[64];
	uint64_t	 key, back;
	u_int		 m, i;

	for (m = 0; m < nitems(mods); m++) {
		for (key = KEYC_BASE; key < KEYC_SPECIAL_END; key++) {
			keys_name(key | mods[m], buf, sizeof buf);
			CHECK_INT(keys_parse(buf, &back), 0);
			if (back != (key | mods[m]))
				fprintf(stderr, "round trip: %s\n", buf);
			CHECK(back == (key | mods[m]));
		}
	}
	for (i = 0; i < nitems(chars); i++) {
		keys_name(chars[i], buf, sizeof buf);
		CHECK_INT(keys_parse(buf, &back), 0);
		CHECK(back == chars[i]);
	}
	CHECK_STR(keys_name('a' | KEYC_CTRL, buf, sizeof buf), "C-a");
	CHECK_STR(keys_name(KEYC_UP | KEYC_META, buf, sizeof buf), "M-Up");
	CHECK_STR(keys_name('\r', buf, sizeof buf), "Enter");
	CHECK_STR(keys_name(KEYC_F5, buf, sizeof buf), "F5");
}

int
main(void)
{
	test_names();
	test_invalid();
	test_round_trip();
	UNIT_END();
}
