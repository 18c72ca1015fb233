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

#include <event2/buffer.h>

#include "huddle.h"
#include "json-parse.h"
#include "unit.h"

/* Unit tests for JSON output (json.c) and the tests' own parser. */

/* Escape and compare. */
static void
check_escape(const char *in, size_t len, const char *want)
{
	char	*out = json_escape(in, len);

	CHECK_STR(out, want);
	free(out);
}

/* Quotes, backslashes, controls and invalid UTF-8 are escaped. */
static void
test_escape(void)
{
	check_escape("plain", 5, "\"plain\"");
	check_escape("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	check_escape("\n\r\t\b\f\001\037\177", 8,
	    "\"\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\\u007f\"");
	check_escape("\0x", 2, "\"\\u0000x\"");
	check_escape("\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", 9,
	    "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\"");
	/* Each invalid byte is U+FFFD, and the next byte is kept. */
	check_escape("\xc3(", 2, "\"\\ufffd(\"");
	check_escape("\xc0\x9b", 2, "\"\\ufffd\\ufffd\"");
	check_escape("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xf4\x90\x80\x80", 4,
	    "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	check_escape("\xe4\xb8", 2, "\"\\ufffd\\ufffd\"");
	check_escape("\xff", 1, "\"\\ufffd\"");
	check_escape("\x80", 1, "\"\\ufffd\"");
}

/* Key helpers build an object the parser reads back. */
static void
test_object(void)
{
	struct evbuffer		*b = evbuffer_new();
	struct json_value	*v;
	char			*cause = NULL;

	evbuffer_add(b, "{", 1);
	json_add_key_string(b, 1, "name", "wo\"rk");
	json_add_key_number(b, 0, "n", -42);
	json_add_key_bool(b, 0, "yes", 1);
	json_add_key_bool(b, 0, "no", 0);
	json_add_key_string(b, 0, "none", NULL);
	evbuffer_add(b, "}", 1);
	v = json_parse((char *)evbuffer_pullup(b, -1),
	    evbuffer_get_length(b), &cause);
	CHECK(v != NULL);
	CHECK_STR(json_string(json_get(v, "name")), "wo\"rk");
	CHECK(json_number(json_get(v, "n")) == -42);
	CHECK(json_bool(json_get(v, "yes")));
	CHECK(json_type(json_get(v, "no")) == JSON_BOOL);
	CHECK(json_type(json_get(v, "none")) == JSON_NULL);
	CHECK_INT(json_length(v), 5);
	json_value_free(v);
	evbuffer_free(b);
}

/* Round trip: any valid UTF-8 comes back exactly. */
static void
test_round_trip(void)
{
	const char		*strings[] = { "", "a", "\"\\/", "line\nnext",
				    "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80",
				    "\x01\x1f\x7f", NULL };
	struct json_value	*v;
	char			*out, *cause = NULL;
	int			 i;

	for (i = 0; strings[i] != NULL; i++) {
		out = json_escape(strings[i], strlen(strings[i]));
		v = json_parse(out, strlen(out), &cause);
		CHECK(v != NULL);
		CHECK_STR(json_string(v), strings[i]);
		json_value_free(v);
		free(out);
	}
}

/* The parser is strict. */
static void
test_strict(void)
{
	const char		*bad[] = { "", "{", "[1,]", "{\"a\":1,}", "01",
				    "1.", "-", "\"\x01\"", "\"\\x\"", "[1] x",
				    "{a:1}", "'a'", "\"\\ud800\"", "\"\xc3\"",
				    "tru", "nul", "[", "\"abc", "+1", NULL };
	const char		*good[] = { "0", "-0.5e+3", "[]", "{}", "null",
				    " [1, \"a\", {\"b\": [true, false]}] ",
				    "\"\\ud83d\\ude00\"", NULL };
	struct json_value	*v;
	char			*cause, deep[200];
	int			 i;

	for (i = 0; bad[i] != NULL; i++) {
		cause = NULL;
		v = json_parse(bad[i], strlen(bad[i]), &cause);
		if (v != NULL)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		CHECK(v == NULL);
		json_value_free(v);
		free(cause);
	}
	for (i = 0; good[i] != NULL; i++) {
		cause = NULL;
		v = json_parse(good[i], strlen(good[i]), &cause);
		if (v == NULL)
			fprintf(stderr, "refused: %s (%s)\n", good[i], cause);
		CHECK(v != NULL);
		json_value_free(v);
		free(cause);
	}
	memset(deep, '[', sizeof deep);
	cause = NULL;
	CHECK(json_parse(deep, sizeof deep, &cause) == NULL);
	free(cause);
	cause = NULL;
	CHECK_INT(json_parse_lines("{}\n[1]\n", 7, NULL, NULL, &cause), 0);
	CHECK_INT(json_parse_lines("{}\n[1\n", 6, NULL, NULL, &cause), -1);
	free(cause);
}

int
main(void)
{
	test_escape();
	test_object();
	test_round_trip();
	test_strict();
	UNIT_END();
}
