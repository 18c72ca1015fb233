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
#include <strings.h>

#include "huddle.h"

/*
 * Key names, as tmux's send-keys takes them: a named key or one UTF-8
 * character, after any number of C-, M-, S- (either case) or ^ prefixes.
 *
 * A key is a code point or a KEYC_* special key with KEYC_CTRL, KEYC_META
 * and KEYC_SHIFT kept as bits, so C-a is 'a'|KEYC_CTRL (never 0x01) and
 * input.c decides what bytes it becomes. Ctrl with an ASCII letter always
 * stores the lowercase letter. A bare C0 control or DEL is not a key name:
 * keys_parse() refuses it and the caller sends it as text, which gives the
 * same bytes. keys_name() writes such a raw control as its C- form.
 */

/* Named keys; the first name for a key is the one keys_name() writes. */
static const struct keys_table_entry {
	const char	*name;
	uint64_t	 key;
} keys_table[] = {
	{ "Enter",	'\r' },
	{ "Tab",	'\t' },
	{ "BTab",	KEYC_BTAB },
	{ "Escape",	'\033' },
	{ "Esc",	'\033' },
	{ "Space",	' ' },
	{ "BSpace",	KEYC_BSPACE },
	{ "Up",		KEYC_UP },
	{ "Down",	KEYC_DOWN },
	{ "Left",	KEYC_LEFT },
	{ "Right",	KEYC_RIGHT },
	{ "Home",	KEYC_HOME },
	{ "End",	KEYC_END },
	{ "PageUp",	KEYC_PPAGE },
	{ "PgUp",	KEYC_PPAGE },
	{ "PPage",	KEYC_PPAGE },
	{ "PageDown",	KEYC_NPAGE },
	{ "PgDn",	KEYC_NPAGE },
	{ "NPage",	KEYC_NPAGE },
	{ "Insert",	KEYC_IC },
	{ "IC",		KEYC_IC },
	{ "Delete",	KEYC_DC },
	{ "DC",		KEYC_DC },
	{ "F1",		KEYC_F1 },
	{ "F2",		KEYC_F2 },
	{ "F3",		KEYC_F3 },
	{ "F4",		KEYC_F4 },
	{ "F5",		KEYC_F5 },
	{ "F6",		KEYC_F6 },
	{ "F7",		KEYC_F7 },
	{ "F8",		KEYC_F8 },
	{ "F9",		KEYC_F9 },
	{ "F10",	KEYC_F10 },
	{ "F11",	KEYC_F11 },
	{ "F12",	KEYC_F12 },
	{ "KP0",	KEYC_KP_0 },
	{ "KP1",	KEYC_KP_1 },
	{ "KP2",	KEYC_KP_2 },
	{ "KP3",	KEYC_KP_3 },
	{ "KP4",	KEYC_KP_4 },
	{ "KP5",	KEYC_KP_5 },
	{ "KP6",	KEYC_KP_6 },
	{ "KP7",	KEYC_KP_7 },
	{ "KP8",	KEYC_KP_8 },
	{ "KP9",	KEYC_KP_9 },
	{ "KPEnter",	KEYC_KP_ENTER },
	{ "KP/",	KEYC_KP_SLASH },
	{ "KP*",	KEYC_KP_STAR },
	{ "KP-",	KEYC_KP_MINUS },
	{ "KP+",	KEYC_KP_PLUS },
	{ "KP.",	KEYC_KP_PERIOD },
};
#define KEYS_TABLE_SIZE (sizeof keys_table / sizeof keys_table[0])

/* Whether a key is a code point or special key with only modifier bits. */
int
keys_valid(uint64_t key)
{
	uint64_t	 k = key & KEYC_MASK_KEY;

	if ((key & ~(KEYC_MASK_KEY|KEYC_MASK_MODIFIERS)) != 0)
		return (0);
	if (KEYC_IS_SPECIAL(key))
		return (k < KEYC_SPECIAL_END);
	if (k > 0x10ffff || (k >= 0xd800 && k <= 0xdfff))
		return (0);
	return (1);
}

/*
 * Decode exactly one UTF-8 character filling the whole string; refuse
 * overlong forms, surrogates, values above U+10FFFF and trailing bytes.
 */
static int
keys_utf8_decode(const char *s, uint64_t *cp)
{
	const u_char	*p = (const u_char *)s;
	uint64_t	 c, min;
	size_t		 n, i;

	if (p[0] < 0x80) {
		n = 1;
		c = p[0];
		min = 0;
	} else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1f;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else
		return (-1);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (-1);
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (p[n] != '\0')
		return (-1);
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (-1);
	*cp = c;
	return (0);
}

/* Encode a code point as UTF-8 into buf (at least five bytes). */
static void
keys_utf8_encode(uint64_t cp, char *buf)
{
	u_char	*p = (u_char *)buf;

	if (cp < 0x80)
		*p++ = cp;
	else if (cp < 0x800) {
		*p++ = 0xc0 | (cp >> 6);
		*p++ = 0x80 | (cp & 0x3f);
	} else if (cp < 0x10000) {
		*p++ = 0xe0 | (cp >> 12);
		*p++ = 0x80 | ((cp >> 6) & 0x3f);
		*p++ = 0x80 | (cp & 0x3f);
	} else {
		*p++ = 0xf0 | (cp >> 18);
		*p++ = 0x80 | ((cp >> 12) & 0x3f);
		*p++ = 0x80 | ((cp >> 6) & 0x3f);
		*p++ = 0x80 | (cp & 0x3f);
	}
	*p = '\0';
}

/* Take the modifier prefixes off the front of a name. */
static const char *
keys_parse_modifiers(const char *s, uint64_t *mods)
{
	for (;;) {
		if (s[0] == '^' && s[1] != '\0') {
			*mods |= KEYC_CTRL;
			s++;
			continue;
		}
		if (s[0] == '\0' || s[1] != '-' || s[2] == '\0')
			return (s);
		switch (s[0]) {
		case 'C':
		case 'c':
			*mods |= KEYC_CTRL;
			break;
		case 'M':
		case 'm':
			*mods |= KEYC_META;
			break;
		case 'S':
		case 's':
			*mods |= KEYC_SHIFT;
			break;
		default:
			return (s);
		}
		s += 2;
	}
}

/* Parse a key name; 0 and the key, or -1 if it is not a key name. */
int
keys_parse(const char *name, uint64_t *key)
{
	const char	*s;
	uint64_t	 mods = 0, k;
	size_t		 i;

	if (name == NULL || *name == '\0')
		return (-1);
	s = keys_parse_modifiers(name, &mods);

	for (i = 0; i < KEYS_TABLE_SIZE; i++) {
		if (strcasecmp(s, keys_table[i].name) == 0)
			break;
	}
	if (i != KEYS_TABLE_SIZE)
		k = keys_table[i].key;
	else {
		if (keys_utf8_decode(s, &k) != 0)
			return (-1);
		if (k < 0x20 || k == 0x7f)
			return (-1);
		if ((mods & KEYC_CTRL) && k >= 'A' && k <= 'Z')
			k += 'a' - 'A';
	}
	*key = k | mods;
	return (0);
}

/* The name of a table key, or NULL. */
static const char *
keys_find_name(uint64_t k)
{
	size_t	i;

	for (i = 0; i < KEYS_TABLE_SIZE; i++) {
		if (keys_table[i].key == k)
			return (keys_table[i].name);
	}
	return (NULL);
}

/* Write the canonical name of a key into buf and return buf. */
const char *
keys_name(uint64_t key, char *buf, size_t len)
{
	uint64_t	 k = key & KEYC_MASK_KEY;
	const char	*name;
	char		 tmp[8];
	int		 ctrl;

	if (len == 0)
		return (buf);
	*buf = '\0';
	if (key == KEYC_NONE) {
		strlcpy(buf, "None", len);
		return (buf);
	}
	if (!keys_valid(key)) {
		strlcpy(buf, "Unknown", len);
		return (buf);
	}

	name = keys_find_name(k);
	ctrl = (key & KEYC_CTRL) ||
	    (name == NULL && (k < 0x20 || k == 0x7f));
	if (ctrl)
		strlcat(buf, "C-", len);
	if (key & KEYC_META)
		strlcat(buf, "M-", len);
	if (key & KEYC_SHIFT)
		strlcat(buf, "S-", len);

	if (name != NULL)
		strlcat(buf, name, len);
	else if (k == 0x7f)
		strlcat(buf, "?", len);
	else if (k < 0x20) {
		tmp[0] = (k == 0 ? '@' : (k <= 26 ? 'a' + k - 1 : '@' + k));
		tmp[1] = '\0';
		strlcat(buf, tmp, len);
	} else {
		keys_utf8_encode(k, tmp);
		strlcat(buf, tmp, len);
	}
	return (buf);
}
