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

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "unit.h"

/* Unit tests for key names: src/keys.c. */

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

/* Every name and alias, with the key it names. */
static const struct {
	const char	*name;
	uint64_t	 key;
} names[] = {
	{ "Enter", '\r' }, { "Tab", '\t' }, { "BTab", KEYC_BTAB },
	{ "Escape", 0x1b }, { "Esc", 0x1b }, { "Space", ' ' },
	{ "BSpace", KEYC_BSPACE },
	{ "Up", KEYC_UP }, { "Down", KEYC_DOWN }, { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT }, { "Home", KEYC_HOME }, { "End", KEYC_END },
	{ "PageUp", KEYC_PPAGE }, { "PgUp", KEYC_PPAGE },
	{ "PPage", KEYC_PPAGE }, { "PageDown", KEYC_NPAGE },
	{ "PgDn", KEYC_NPAGE }, { "NPage", KEYC_NPAGE },
	{ "Insert", KEYC_IC }, { "IC", KEYC_IC },
	{ "Delete", KEYC_DC }, { "DC", KEYC_DC },
	{ "F1", KEYC_F1 }, { "F2", KEYC_F2 }, { "F3", KEYC_F3 },
	{ "F4", KEYC_F4 }, { "F5", KEYC_F5 }, { "F6", KEYC_F6 },
	{ "F7", KEYC_F7 }, { "F8", KEYC_F8 }, { "F9", KEYC_F9 },
	{ "F10", KEYC_F10 }, { "F11", KEYC_F11 }, { "F12", KEYC_F12 },
	{ "KP0", KEYC_KP_0 }, { "KP1", KEYC_KP_1 }, { "KP2", KEYC_KP_2 },
	{ "KP3", KEYC_KP_3 }, { "KP4", KEYC_KP_4 }, { "KP5", KEYC_KP_5 },
	{ "KP6", KEYC_KP_6 }, { "KP7", KEYC_KP_7 }, { "KP8", KEYC_KP_8 },
	{ "KP9", KEYC_KP_9 }, { "KPEnter", KEYC_KP_ENTER },
	{ "KP/", KEYC_KP_SLASH }, { "KP*", KEYC_KP_STAR },
	{ "KP-", KEYC_KP_MINUS }, { "KP+", KEYC_KP_PLUS },
	{ "KP.", KEYC_KP_PERIOD },
};

/* The eight modifier combinations. */
static const uint64_t mods[] = {
	0, KEYC_CTRL, KEYC_META, KEYC_SHIFT, KEYC_CTRL|KEYC_META,
	KEYC_CTRL|KEYC_SHIFT, KEYC_META|KEYC_SHIFT,
	KEYC_CTRL|KEYC_META|KEYC_SHIFT
};

/* Parse a name that must be valid and compare the key. */
static void
check_parse(const char *name, uint64_t want)
{
	uint64_t	key = 0;
	int		r;

	r = keys_parse(name, &key);
	if (r != 0 || key != want) {
		fprintf(stderr, "keys_parse(\"%s\") = %d, 0x%llx, "
		    "expected 0x%llx\n", name, r, (unsigned long long)key,
		    (unsigned long long)want);
	}
	CHECK_INT(r, 0);
	CHECK(key == want);
}

/* Parse a name that must be refused. */
static void
check_bad(const char *name)
{
	uint64_t	key = 0;

	if (keys_parse(name, &key) == 0)
		fprintf(stderr, "accepted \"%s\" as 0x%llx\n", name,
		    (unsigned long long)key);
	CHECK_INT(keys_parse(name, &key), -1);
}

/* Name a key and compare. */
static void
check_name(uint64_t key, const char *want)
{
	char	buf[64];

	CHECK_STR(keys_name(key, buf, sizeof buf), want);
}

/* Every name and alias, as written and in other cases. */
static void
test_names(void)
{
	char	buf[64];
	size_t	i, j;

	for (i = 0; i < NITEMS(names); i++) {
		check_parse(names[i].name, names[i].key);
		strlcpy(buf, names[i].name, sizeof buf);
		for (j = 0; buf[j] != '\0'; j++)
			buf[j] = tolower((u_char)buf[j]);
		check_parse(buf, names[i].key);
		for (j = 0; buf[j] != '\0'; j++)
			buf[j] = toupper((u_char)buf[j]);
		check_parse(buf, names[i].key);
	}
	check_parse("eNtEr", '\r');
	check_parse("pGdN", KEYC_NPAGE);
	check_parse("kpenter", KEYC_KP_ENTER);
}

/* Ctrl: letters stored lowercase, the punctuation with C0 codes, ^x. */
static void
test_ctrl(void)
{
	char	buf[8];
	int	c;

	for (c = 'a'; c <= 'z'; c++) {
		snprintf(buf, sizeof buf, "C-%c", c);
		check_parse(buf, c | KEYC_CTRL);
		snprintf(buf, sizeof buf, "C-%c", c - 'a' + 'A');
		check_parse(buf, c | KEYC_CTRL);
		snprintf(buf, sizeof buf, "c-%c", c);
		check_parse(buf, c | KEYC_CTRL);
		snprintf(buf, sizeof buf, "^%c", c);
		check_parse(buf, c | KEYC_CTRL);
		snprintf(buf, sizeof buf, "^%c", c - 'a' + 'A');
		check_parse(buf, c | KEYC_CTRL);
	}
	check_parse("C-Space", ' ' | KEYC_CTRL);
	check_parse("C- ", ' ' | KEYC_CTRL);
	check_parse("C-@", '@' | KEYC_CTRL);
	check_parse("C-[", '[' | KEYC_CTRL);
	check_parse("C-\\", '\\' | KEYC_CTRL);
	check_parse("C-]", ']' | KEYC_CTRL);
	check_parse("C-^", '^' | KEYC_CTRL);
	check_parse("C-_", '_' | KEYC_CTRL);
	check_parse("C-?", '?' | KEYC_CTRL);
	check_parse("^@", '@' | KEYC_CTRL);
	check_parse("^[", '[' | KEYC_CTRL);
	check_parse("^?", '?' | KEYC_CTRL);
	check_parse("^^", '^' | KEYC_CTRL);
	check_parse("C--", '-' | KEYC_CTRL);
	check_parse("C-1", '1' | KEYC_CTRL);
	check_parse("C-\303\251", 0xe9 | KEYC_CTRL);
	check_parse("C-Enter", '\r' | KEYC_CTRL);
	check_parse("C-Up", KEYC_UP | KEYC_CTRL);
	check_parse("C-F5", KEYC_F5 | KEYC_CTRL);
	check_parse("C-BSpace", KEYC_BSPACE | KEYC_CTRL);
	check_parse("^Up", KEYC_UP | KEYC_CTRL);
}

/* Meta and Shift, every order, either case, repeated. */
static void
test_modifiers(void)
{
	static const char *orders[] = {
		"C-M-S-", "C-S-M-", "M-C-S-", "M-S-C-", "S-C-M-", "S-M-C-",
		"c-m-s-", "^M-S-", "M-^S-", "S-M-^"
	};
	const uint64_t	 all = KEYC_CTRL|KEYC_META|KEYC_SHIFT;
	char		 buf[64];
	size_t		 i;

	check_parse("M-x", 'x' | KEYC_META);
	check_parse("m-x", 'x' | KEYC_META);
	check_parse("M-X", 'X' | KEYC_META);
	check_parse("M-Up", KEYC_UP | KEYC_META);
	check_parse("M-BSpace", KEYC_BSPACE | KEYC_META);
	check_parse("M--", '-' | KEYC_META);
	check_parse("M-^", '^' | KEYC_META);
	check_parse("M-C", 'C' | KEYC_META);
	check_parse("M-\344\270\255", 0x4e2d | KEYC_META);
	check_parse("S-Up", KEYC_UP | KEYC_SHIFT);
	check_parse("s-Up", KEYC_UP | KEYC_SHIFT);
	check_parse("S-Tab", '\t' | KEYC_SHIFT);
	check_parse("S-a", 'a' | KEYC_SHIFT);
	check_parse("S-F12", KEYC_F12 | KEYC_SHIFT);
	check_parse("C-M-x", 'x' | KEYC_CTRL | KEYC_META);
	check_parse("C-C-a", 'a' | KEYC_CTRL);
	check_parse("C-M-C-M-a", 'a' | KEYC_CTRL | KEYC_META);
	check_parse("C-S-A", 'a' | KEYC_CTRL | KEYC_SHIFT);
	check_parse("M-KP-", KEYC_KP_MINUS | KEYC_META);

	for (i = 0; i < NITEMS(orders); i++) {
		snprintf(buf, sizeof buf, "%sUp", orders[i]);
		check_parse(buf, KEYC_UP | all);
		snprintf(buf, sizeof buf, "%sx", orders[i]);
		check_parse(buf, 'x' | all);
		snprintf(buf, sizeof buf, "%sX", orders[i]);
		check_parse(buf, 'x' | all);
		snprintf(buf, sizeof buf, "%sKP/", orders[i]);
		check_parse(buf, KEYC_KP_SLASH | all);
	}
}

/* Single characters: their code point, case kept. */
static void
test_chars(void)
{
	check_parse("a", 'a');
	check_parse("A", 'A');
	check_parse("~", '~');
	check_parse(" ", ' ');
	check_parse("^", '^');
	check_parse("-", '-');
	check_parse("C", 'C');
	check_parse("M", 'M');
	check_parse("\302\240", 0xa0);			/* NBSP */
	check_parse("\303\251", 0xe9);			/* é */
	check_parse("\342\202\254", 0x20ac);		/* € */
	check_parse("\344\270\255", 0x4e2d);		/* 中 */
	check_parse("\360\237\230\200", 0x1f600);	/* 😀 */
	check_parse("\364\217\277\277", 0x10ffff);	/* last */
}

/* What is not a key name is refused (send then sends it as text). */
static void
test_invalid(void)
{
	static const char *bad[] = {
		"", "C-", "M-", "S-", "C-M-", "^C-", "Foo", "C-Foo", "M-Foo",
		"ab", "hello", "C-ab", "F0", "F13", "F01", "KP10", "KP", "KPx",
		"Enter2", " Enter", "Enter ", "None", "Unknown", "X-a", "C_a",
		"C+a", "Up-", "\001", "\r", "\033", "\177", "C-\001",
		"\303", "\377", "\200", "\303(", "\300\257", "\340\200\257",
		"\355\240\200", "\364\220\200\200", "\370\210\200\200\200",
		"\303\251a", "a\303\251", "\344\270\255\344\270\255"
	};
	uint64_t	 key = 0x1234;
	size_t		 i;

	for (i = 0; i < NITEMS(bad); i++)
		check_bad(bad[i]);
	CHECK_INT(keys_parse(NULL, &key), -1);
	CHECK(key == 0x1234);		/* untouched on failure */
}

/* Canonical names. */
static void
test_name(void)
{
	char	small[4];

	check_name('a' | KEYC_CTRL, "C-a");
	check_name(KEYC_UP | KEYC_META, "M-Up");
	check_name('\r', "Enter");
	check_name(KEYC_F5, "F5");
	check_name(0xe9, "\303\251");
	check_name(0x20ac, "\342\202\254");
	check_name(0x4e2d, "\344\270\255");
	check_name(0x1f600, "\360\237\230\200");
	check_name('\t', "Tab");
	check_name(0x1b, "Escape");
	check_name(' ', "Space");
	check_name(' ' | KEYC_CTRL, "C-Space");
	check_name('@' | KEYC_CTRL, "C-@");
	check_name('?' | KEYC_CTRL, "C-?");
	check_name(KEYC_PPAGE, "PageUp");
	check_name(KEYC_NPAGE, "PageDown");
	check_name(KEYC_IC, "Insert");
	check_name(KEYC_DC, "Delete");
	check_name(KEYC_BSPACE, "BSpace");
	check_name(KEYC_BTAB, "BTab");
	check_name(KEYC_KP_ENTER, "KPEnter");
	check_name(KEYC_KP_SLASH, "KP/");
	check_name(KEYC_KP_0, "KP0");
	check_name(KEYC_UP | KEYC_SHIFT | KEYC_META | KEYC_CTRL, "C-M-S-Up");
	check_name('x' | KEYC_SHIFT | KEYC_META, "M-S-x");
	check_name('-' | KEYC_CTRL, "C--");

	/* A raw control character is written as its Ctrl form. */
	check_name(0x01, "C-a");
	check_name(0x1a, "C-z");
	check_name(0x00, "C-@");
	check_name(0x1c, "C-\\");
	check_name(0x1f, "C-_");
	check_name(0x7f, "C-?");
	check_name(0x01 | KEYC_META, "C-M-a");

	/* Not keys. */
	check_name(KEYC_NONE, "None");
	check_name(KEYC_SPECIAL_END, "Unknown");
	check_name(0xd800, "Unknown");
	check_name(0x110000, "Unknown");
	check_name('a' | (1ULL << 40), "Unknown");

	/* A short buffer is truncated and terminated. */
	CHECK_STR(keys_name(KEYC_UP | KEYC_CTRL, small, sizeof small), "C-U");
	small[0] = 'x';
	CHECK(keys_name('a', small, 0) == small && small[0] == 'x');
}

/* keys_parse(keys_name(k)) == k for every special and sampled key. */
static void
test_round_trip(void)
{
	static const uint64_t chars[] = {
		'a', 'm', 'z', 'A', 'Z', '0', '1', '9', ':', '-', '^', '@',
		'[', '\\', ']', '_', '?', '~', '!', 'C', 'M', 'S', '\r', '\t',
		0x1b, ' ', 0xa0, 0xe9, 0x20ac, 0x4e2d, 0x1f600, 0x10ffff
	};
	char		 buf[64];
	uint64_t	 key, back;
	size_t		 m, i;
	int		 bad = 0;

	for (m = 0; m < NITEMS(mods); m++) {
		for (key = KEYC_BASE; key < KEYC_SPECIAL_END; key++) {
			keys_name(key | mods[m], buf, sizeof buf);
			back = 0;
			CHECK_INT(keys_parse(buf, &back), 0);
			if (back != (key | mods[m]))
				fprintf(stderr, "round trip: %s\n", buf);
			CHECK(back == (key | mods[m]));
		}
		for (i = 0; i < NITEMS(chars); i++) {
			/* Ctrl stores lowercase letters only. */
			if ((mods[m] & KEYC_CTRL) &&
			    chars[i] >= 'A' && chars[i] <= 'Z')
				continue;
			keys_name(chars[i] | mods[m], buf, sizeof buf);
			back = 0;
			CHECK_INT(keys_parse(buf, &back), 0);
			if (back != (chars[i] | mods[m]))
				fprintf(stderr, "round trip: %s\n", buf);
			CHECK(back == (chars[i] | mods[m]));
		}
		for (i = 0; i < NITEMS(names); i++) {
			keys_name(names[i].key | mods[m], buf, sizeof buf);
			CHECK_INT(keys_parse(buf, &back), 0);
			CHECK(back == (names[i].key | mods[m]));
		}
	}

	/* Every code point a name can hold, without modifiers. */
	for (key = 0x20; key <= 0x10ffff; key++) {
		if (key == 0x7f || (key >= 0xd800 && key <= 0xdfff))
			continue;
		keys_name(key, buf, sizeof buf);
		if (keys_parse(buf, &back) != 0 || back != key) {
			if (bad++ < 5)
				fprintf(stderr, "round trip: U+%04llx\n",
				    (unsigned long long)key);
		}
	}
	CHECK_INT(bad, 0);
}

int
main(void)
{
	test_names();
	test_ctrl();
	test_modifiers();
	test_chars();
	test_invalid();
	test_name();
	test_round_trip();
	UNIT_END();
}
