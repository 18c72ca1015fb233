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

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "huddle.h"
#include "json-parse.h"
#include "unit.h"

/* Unit tests for JSON output (src/json.c) and the tests' parser. */

/* Escape len bytes and compare with want. */
static void
check_escape(const char *in, size_t len, const char *want)
{
	char	*out = json_escape(in, len);

	CHECK_STR(out, want);
	free(out);
}

/* Parse text (a C string) or fail the check; the caller frees. */
static struct json_value *
parse(const char *text)
{
	struct json_value	*v;
	char			*cause = NULL;

	v = json_parse(text, strlen(text), &cause);
	if (v == NULL)
		fprintf(stderr, "refused: %s (%s)\n", text, cause);
	CHECK(v != NULL);
	free(cause);
	return (v);
}

/* Escape bytes, parse them back, and compare with want. */
static void
check_round_trip(const char *in, size_t len, const char *want,
    size_t wantlen)
{
	struct json_value	*v;
	char			*out, *cause = NULL;

	out = json_escape(in, len);
	v = json_parse(out, strlen(out), &cause);
	if (v == NULL)
		fprintf(stderr, "refused %s (%s)\n", out, cause);
	CHECK(v != NULL);
	CHECK_INT(json_type(v), JSON_STRING);
	CHECK_MEM(json_string(v), json_string_length(v), want, wantlen);
	json_value_free(v);
	free(cause);
	free(out);
}

/* Every control character, DEL, quotes and backslashes. */
static void
test_escape_ascii(void)
{
	char	in[1], want[16];
	int	c;

	for (c = 0; c < 0x20; c++) {
		in[0] = c;
		switch (c) {
		case '\b':
			strlcpy(want, "\"\\b\"", sizeof want);
			break;
		case '\f':
			strlcpy(want, "\"\\f\"", sizeof want);
			break;
		case '\n':
			strlcpy(want, "\"\\n\"", sizeof want);
			break;
		case '\r':
			strlcpy(want, "\"\\r\"", sizeof want);
			break;
		case '\t':
			strlcpy(want, "\"\\t\"", sizeof want);
			break;
		default:
			snprintf(want, sizeof want, "\"\\u%04x\"", c);
			break;
		}
		check_escape(in, 1, want);
	}
	check_escape("\x7f", 1, "\"\\u007f\"");
	check_escape("\"", 1, "\"\\\"\"");
	check_escape("\\", 1, "\"\\\\\"");
	check_escape("/", 1, "\"/\"");
	for (c = 0x20; c < 0x7f; c++) {
		if (c == '"' || c == '\\')
			continue;
		in[0] = c;
		snprintf(want, sizeof want, "\"%c\"", c);
		check_escape(in, 1, want);
	}
	check_escape("", 0, "\"\"");
	check_escape(NULL, 0, "\"\"");
	check_escape("plain", 5, "\"plain\"");
	check_escape("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	check_escape("\0x\0", 3, "\"\\u0000x\\u0000\"");
	check_escape("a\r\nb\tc\x1b[0m", 10, "\"a\\r\\nb\\tc\\u001b[0m\"");
	check_escape("stop here\0not this", 9, "\"stop here\"");
}

/* Valid UTF-8 is copied; every kind of invalid byte is U+FFFD. */
static void
test_escape_utf8(void)
{
	/* Valid, at each boundary. */
	check_escape("\xc2\x80", 2, "\"\xc2\x80\"");
	check_escape("\xdf\xbf", 2, "\"\xdf\xbf\"");
	check_escape("\xe0\xa0\x80", 3, "\"\xe0\xa0\x80\"");
	check_escape("\xed\x9f\xbf", 3, "\"\xed\x9f\xbf\"");
	check_escape("\xee\x80\x80", 3, "\"\xee\x80\x80\"");
	check_escape("\xef\xbf\xbf", 3, "\"\xef\xbf\xbf\"");
	check_escape("\xf0\x90\x80\x80", 4, "\"\xf0\x90\x80\x80\"");
	check_escape("\xf4\x8f\xbf\xbf", 4, "\"\xf4\x8f\xbf\xbf\"");
	check_escape("\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", 9,
	    "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"");

	/* Stray continuation bytes. */
	check_escape("\x80", 1, "\"\\ufffd\"");
	check_escape("\xbf", 1, "\"\\ufffd\"");
	check_escape("a\x80\x80z", 4, "\"a\\ufffd\\ufffdz\"");
	/* Bytes that never appear. */
	check_escape("\xc0", 1, "\"\\ufffd\"");
	check_escape("\xc1", 1, "\"\\ufffd\"");
	check_escape("\xf5", 1, "\"\\ufffd\"");
	check_escape("\xf8\x88\x80\x80\x80", 5,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xfe\xff", 2, "\"\\ufffd\\ufffd\"");
	/* Overlongs. */
	check_escape("\xc0\xaf", 2, "\"\\ufffd\\ufffd\"");
	check_escape("\xc1\xbf", 2, "\"\\ufffd\\ufffd\"");
	check_escape("\xe0\x80\xaf", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xe0\x9f\xbf", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xf0\x80\x80\xaf", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xf0\x8f\xbf\xbf", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* Surrogates. */
	check_escape("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xed\xbf\xbf", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xed\xa0\xbd\xed\xb8\x80", 6,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* Above U+10FFFF. */
	check_escape("\xf4\x90\x80\x80", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xf7\xbf\xbf\xbf", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* Truncated, at the end and before other characters. */
	check_escape("\xc3", 1, "\"\\ufffd\"");
	check_escape("\xe4\xb8", 2, "\"\\ufffd\\ufffd\"");
	check_escape("\xf0\x9f\x98", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xc3(", 2, "\"\\ufffd(\"");
	check_escape("\xe4\xb8x", 3, "\"\\ufffd\\ufffdx\"");
	check_escape("\xf0\x9f\x98\"", 4, "\"\\ufffd\\ufffd\\ufffd\\\"\"");
	check_escape("\xe4\xc3\xa9", 3, "\"\\ufffd\xc3\xa9\"");
	check_escape("\xe4\xb8\n", 3, "\"\\ufffd\\ufffd\\n\"");
}

/* Every single byte, and random bytes, give a document that parses. */
static void
test_always_valid(void)
{
	struct json_value	*v;
	char			 in[64], *out, *cause;
	unsigned int		 seed = 7;
	int			 c, i, j, n;

	for (c = 0; c < 256; c++) {
		in[0] = c;
		out = json_escape(in, 1);
		cause = NULL;
		v = json_parse(out, strlen(out), &cause);
		CHECK(v != NULL);
		if (c < 0x80)
			CHECK_MEM(json_string(v), json_string_length(v), in, 1);
		else
			CHECK_STR(json_string(v), "\xef\xbf\xbd");
		json_value_free(v);
		free(cause);
		free(out);
	}
	for (i = 0; i < 20000; i++) {
		n = rand_r(&seed) % sizeof in;
		for (j = 0; j < n; j++)
			in[j] = rand_r(&seed) % 256;
		out = json_escape(in, n);
		cause = NULL;
		v = json_parse(out, strlen(out), &cause);
		if (v == NULL)
			fprintf(stderr, "refused: %s (%s)\n", out, cause);
		CHECK(v != NULL);
		json_value_free(v);
		free(cause);
		free(out);
	}
}

/* Encode a code point as UTF-8; returns the length. */
static size_t
encode(unsigned long ch, char *out)
{
	u_char	*o = (u_char *)out;

	if (ch < 0x80) {
		o[0] = ch;
		return (1);
	}
	if (ch < 0x800) {
		o[0] = 0xc0 | (ch >> 6);
		o[1] = 0x80 | (ch & 0x3f);
		return (2);
	}
	if (ch < 0x10000) {
		o[0] = 0xe0 | (ch >> 12);
		o[1] = 0x80 | ((ch >> 6) & 0x3f);
		o[2] = 0x80 | (ch & 0x3f);
		return (3);
	}
	o[0] = 0xf0 | (ch >> 18);
	o[1] = 0x80 | ((ch >> 12) & 0x3f);
	o[2] = 0x80 | ((ch >> 6) & 0x3f);
	o[3] = 0x80 | (ch & 0x3f);
	return (4);
}

/* Valid UTF-8 comes back byte for byte; invalid bytes as U+FFFD. */
static void
test_round_trip(void)
{
	static const unsigned long	 boundaries[] = { 0, 1, 0x1f, 0x20,
					    0x7e, 0x7f, 0x80, 0x7ff, 0x800,
					    0xd7ff, 0xe000, 0xfffd, 0xffff,
					    0x10000, 0x10ffff };
	char				 in[256];
	unsigned int			 seed = 42;
	unsigned long			 ch;
	size_t				 i, j, len;
	int				 c;

	for (c = 0; c < 0x80; c++) {
		in[0] = c;
		check_round_trip(in, 1, in, 1);
	}
	for (i = 0; i < sizeof boundaries / sizeof boundaries[0]; i++) {
		len = encode(boundaries[i], in);
		check_round_trip(in, len, in, len);
	}
	check_round_trip("a\0b", 3, "a\0b", 3);
	check_round_trip("x\xffy", 3, "x\xef\xbf\xbdy", 5);
	for (i = 0; i < 5000; i++) {
		len = 0;
		for (j = rand_r(&seed) % 40; j > 0; j--) {
			switch (rand_r(&seed) % 4) {
			case 0:
				ch = rand_r(&seed) % 0x80;
				break;
			case 1:
				ch = rand_r(&seed) % 0x800;
				break;
			case 2:
				ch = rand_r(&seed) % 0x10000;
				break;
			default:
				ch = rand_r(&seed) % 0x110000;
				break;
			}
			if (ch >= 0xd800 && ch <= 0xdfff)
				ch = 0xfffd;
			len += encode(ch, in + len);
		}
		check_round_trip(in, len, in, len);
	}
}

/* The key helpers build an object the parser reads back. */
static void
test_object(void)
{
	struct evbuffer		*b;
	struct json_value	*v;
	char			*cause = NULL;
	const char		*want;
	size_t			 len;

	b = evbuffer_new();
	evbuffer_add(b, "{", 1);
	json_add_key_string(b, 1, "name", "wo\"rk\n");
	json_add_key_number(b, 0, "n", -42);
	json_add_key_number(b, 0, "min", LLONG_MIN);
	json_add_key_number(b, 0, "max", LLONG_MAX);
	json_add_key_bool(b, 0, "yes", 1);
	json_add_key_bool(b, 0, "no", 0);
	json_add_key_bool(b, 0, "seven", 7);
	json_add_key_string(b, 0, "none", NULL);
	json_add_key(b, 0, "k\"ey");
	evbuffer_add(b, "[]", 2);
	evbuffer_add(b, "}", 1);

	len = evbuffer_get_length(b);
	want = "{\"name\":\"wo\\\"rk\\n\",\"n\":-42,"
	    "\"min\":-9223372036854775808,\"max\":9223372036854775807,"
	    "\"yes\":true,\"no\":false,\"seven\":true,\"none\":null,"
	    "\"k\\\"ey\":[]}";
	CHECK_MEM(evbuffer_pullup(b, -1), len, want, strlen(want));

	v = json_parse((char *)evbuffer_pullup(b, -1), len, &cause);
	CHECK(v != NULL);
	CHECK_INT(json_type(v), JSON_OBJECT);
	CHECK_INT(json_length(v), 9);
	CHECK_STR(json_string(json_get(v, "name")), "wo\"rk\n");
	CHECK(json_number(json_get(v, "n")) == -42);
	CHECK(json_number(json_get(v, "max")) > 9.2e18);
	CHECK_INT(json_type(json_get(v, "yes")), JSON_BOOL);
	CHECK(json_bool(json_get(v, "yes")));
	CHECK(!json_bool(json_get(v, "no")));
	CHECK_INT(json_type(json_get(v, "none")), JSON_NULL);
	CHECK_INT(json_type(json_get(v, "k\"ey")), JSON_ARRAY);
	CHECK(json_get(v, "missing") == NULL);
	json_value_free(v);
	evbuffer_free(b);
}

/* Documents the parser must refuse. */
static void
test_parse_bad(void)
{
	static const char	*bad[] = { "", " ", "\n", "{", "}", "[", "]",
				    "[1,]", "[,1]", "[,]", "[1 2]", "[1,,2]",
				    "{\"a\":1,}", "{\"a\" 1}", "{\"a\":}", "{,}",
				    "{\"a\"}", "{1:2}", "{a:1}", "{'a':1}",
				    "{\"a\":1 \"b\":2}", "{\"a\":1,\"a\":2}",
				    "01", "-01", "00", "1.", ".5", "-", "+1",
				    "1e", "1e+", "1.e3", "0x10", "NaN",
				    "Infinity", "-Infinity", "1 2", "--1",
				    "'a'", "\"abc", "\"\\\"", "\"\x01\"",
				    "\"\t\"", "\"\n\"", "\"\x1f\"", "\"\\x\"",
				    "\"\\a\"", "\"\\'\"", "\"\\U0041\"",
				    "\"\\u12\"", "\"\\u12G4\"", "\"\\u\"",
				    "\"\\ud800\"", "\"\\udc00\"",
				    "\"\\ud800x\"", "\"\\ud800\\u0041\"",
				    "\"\\ud800\\ud800\"", "\"\\udc00\\ud800\"",
				    "\"\xc3\"", "\"\xc0\x80\"", "\"\x80\"",
				    "\"\xed\xa0\x80\"", "\"\xe0\x80\xaf\"",
				    "\"\xf4\x90\x80\x80\"", "\"\xff\"",
				    "\"\xe4\xb8\"", "tru", "truex", "nul",
				    "nulll", "True", "NULL", "fals", "[1] x",
				    "[1]]", "{}{}", "{\"a\":1}{}", "[1]\f",
				    "\xef\xbb\xbf[]", "/* */1", "[1]//", "\f1",
				    "[1,2", "{\"a\":[}", "[\"a\":1]", NULL };
	struct json_value	*v;
	char			*cause;
	int			 i;

	for (i = 0; bad[i] != NULL; i++) {
		cause = NULL;
		v = json_parse(bad[i], strlen(bad[i]), &cause);
		if (v != NULL)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		CHECK(v == NULL);
		CHECK(cause != NULL && strncmp(cause, "offset ", 7) == 0);
		json_value_free(v);
		free(cause);
	}

	/* A NUL byte is not whitespace, inside or after a document. */
	cause = NULL;
	CHECK(json_parse("[1]\0", 4, &cause) == NULL);
	free(cause);
	cause = NULL;
	CHECK(json_parse("\"a\0\"", 4, &cause) == NULL);
	free(cause);
	cause = NULL;
	CHECK(json_parse("[1]", 2, &cause) == NULL);
	free(cause);
	CHECK(json_parse("[", 1, NULL) == NULL);
}

/* Documents the parser must accept, and what it reads from them. */
static void
test_parse_good(void)
{
	static const char	*good[] = { "0", "-0", "1", "-1", "0.5",
				    "-0.5e+3", "1E10", "1e-2", "10", "[]", "{}",
				    "null", "true", "false", "\"\"", "\"\x7f\"",
				    " \t\r\n[ 1 , \"a\" , { \"b\" : [ true , "
				    "false , null ] } ] \n", NULL };
	struct json_value	*v, *a;
	int			 i;

	for (i = 0; good[i] != NULL; i++)
		json_value_free(parse(good[i]));

	v = parse("-0.5e+3");
	CHECK(json_number(v) == -500);
	json_value_free(v);
	v = parse("123456789");
	CHECK(json_number(v) == 123456789);
	json_value_free(v);

	v = parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u4e2d\"");
	CHECK_STR(json_string(v),
	    "\"\\/\b\f\n\r\tA\xc3\xa9\xe4\xb8\xad");
	json_value_free(v);
	v = parse("\"\\ud83d\\ude00\\uD83D\\uDE01\"");
	CHECK_STR(json_string(v), "\xf0\x9f\x98\x80\xf0\x9f\x98\x81");
	json_value_free(v);
	v = parse("\"a\\u0000b\"");
	CHECK_MEM(json_string(v), json_string_length(v), "a\0b", 3);
	json_value_free(v);
	v = parse("\"\\udbff\\udfff\"");
	CHECK_STR(json_string(v), "\xf4\x8f\xbf\xbf");
	json_value_free(v);

	v = parse("[1, \"a\", {\"b\": [true, false, null]}, []]");
	CHECK_INT(json_type(v), JSON_ARRAY);
	CHECK_INT(json_length(v), 4);
	CHECK(json_number(json_index(v, 0)) == 1);
	CHECK_STR(json_string(json_index(v, 1)), "a");
	CHECK(json_index(v, 4) == NULL);
	a = json_get(json_index(v, 2), "b");
	CHECK_INT(json_length(a), 3);
	CHECK(json_bool(json_index(a, 0)) == 1);
	CHECK(json_bool(json_index(a, 1)) == 0);
	CHECK_INT(json_type(json_index(a, 2)), JSON_NULL);
	CHECK_INT(json_length(json_index(v, 3)), 0);

	/* Accessors on the wrong type or NULL. */
	CHECK(json_get(v, "b") == NULL);
	CHECK(json_index(json_index(v, 2), 0) == NULL);
	CHECK(json_string(json_index(v, 0)) == NULL);
	CHECK(json_number(json_index(v, 1)) == 0);
	CHECK(json_bool(json_index(v, 1)) == 0);
	CHECK_INT(json_length(json_index(v, 1)), 0);
	CHECK_INT(json_type(NULL), JSON_NULL);
	CHECK(json_get(NULL, "a") == NULL);
	CHECK(json_index(NULL, 0) == NULL);
	CHECK_INT(json_length(NULL), 0);
	CHECK(json_string(NULL) == NULL);
	json_value_free(v);
	json_value_free(NULL);

	/* Keys may hold escapes and differ only by them. */
	v = parse("{\"a\":1,\"a\\u0000\":2,\"\\u00e9\":3}");
	CHECK(json_number(json_get(v, "a")) == 1);
	CHECK(json_number(json_get(v, "\xc3\xa9")) == 3);
	json_value_free(v);
}

/* Nesting deeper than 64 is refused. */
static void
test_parse_depth(void)
{
	struct json_value	*v;
	char			 text[2048], *cause;
	int			 depth, i, len;

	for (depth = 63; depth <= 66; depth++) {
		len = 0;
		for (i = 0; i < depth; i++)
			text[len++] = '[';
		for (i = 0; i < depth; i++)
			text[len++] = ']';
		cause = NULL;
		v = json_parse(text, len, &cause);
		CHECK((v != NULL) == (depth <= 64));
		json_value_free(v);
		free(cause);

		len = 0;
		for (i = 0; i < depth; i++) {
			memcpy(text + len, "{\"a\":", 5);
			len += 5;
		}
		text[len++] = '1';
		for (i = 0; i < depth; i++)
			text[len++] = '}';
		cause = NULL;
		v = json_parse(text, len, &cause);
		CHECK((v != NULL) == (depth <= 64));
		json_value_free(v);
		free(cause);
	}
	memset(text, '[', sizeof text);
	cause = NULL;
	CHECK(json_parse(text, sizeof text, &cause) == NULL);
	free(cause);
}

/* Count documents and check each is an object with "n". */
static int
lines_cb(struct json_value *v, void *arg)
{
	int	*count = arg;

	if (json_type(v) != JSON_OBJECT || json_get(v, "n") == NULL)
		return (-1);
	(*count)++;
	return (0);
}

/* JSON lines: every line one document. */
static void
test_parse_lines(void)
{
	const char	*text;
	char		*cause;
	int		 count;

	count = 0;
	text = "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n";
	CHECK_INT(json_parse_lines(text, strlen(text), lines_cb, &count,
	    NULL), 0);
	CHECK_INT(count, 3);

	count = 0;
	text = "{\"n\":1}\n{\"n\":2}";
	CHECK_INT(json_parse_lines(text, strlen(text), lines_cb, &count,
	    NULL), 0);
	CHECK_INT(count, 2);

	count = 0;
	CHECK_INT(json_parse_lines("", 0, lines_cb, &count, NULL), 0);
	CHECK_INT(count, 0);
	CHECK_INT(json_parse_lines("{}\n[1]\n", 7, NULL, NULL, NULL), 0);

	cause = NULL;
	text = "{\"n\":1}\n{\"n\":2\n{\"n\":3}\n";
	CHECK_INT(json_parse_lines(text, strlen(text), NULL, NULL, &cause),
	    -1);
	CHECK(cause != NULL && strncmp(cause, "line 2: ", 8) == 0);
	free(cause);

	cause = NULL;
	text = "{\"n\":1}\n\n{\"n\":3}\n";
	CHECK_INT(json_parse_lines(text, strlen(text), NULL, NULL, &cause),
	    -1);
	free(cause);

	cause = NULL;
	text = "{\"n\":1}\n{\"n\":2}\n\n";
	CHECK_INT(json_parse_lines(text, strlen(text), NULL, NULL, &cause),
	    -1);
	free(cause);

	cause = NULL;
	text = "{\"n\":1} {\"n\":2}\n";
	CHECK_INT(json_parse_lines(text, strlen(text), NULL, NULL, &cause),
	    -1);
	free(cause);

	count = 0;
	cause = NULL;
	text = "{\"n\":1}\n{\"x\":2}\n{\"n\":3}\n";
	CHECK_INT(json_parse_lines(text, strlen(text), lines_cb, &count,
	    &cause), -1);
	CHECK_INT(count, 1);
	CHECK_STR(cause, "line 2: refused by callback");
	free(cause);
}

int
main(void)
{
	test_escape_ascii();
	test_escape_utf8();
	test_always_valid();
	test_round_trip();
	test_object();
	test_parse_bad();
	test_parse_good();
	test_parse_depth();
	test_parse_lines();
	UNIT_END();
}
