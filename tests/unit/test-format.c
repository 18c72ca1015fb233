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

/* Unit tests for format expansion. */

/* Expand and compare. */
static void
check(struct format_tree *ft, const char *fmt, const char *want)
{
	char	*out;

	out = format_expand(ft, fmt);
	if (strcmp(out, want) != 0)
		fprintf(stderr, "format \"%s\"\n", fmt);
	CHECK_STR(out, want);
	free(out);
}

/* Names, escapes, conditionals, comparisons, truncation, times. */
static void
test_expand(void)
{
	struct format_tree	*ft;

	ft = format_create();
	format_add(ft, "name", "%s", "work");
	format_add(ft, "zero", "0");
	format_add(ft, "empty", "%s", "");
	format_add(ft, "n", "%d", 3);
	format_add(ft, "wide", "%s", "\xe4\xb8\xad\xe6\x96\x87" "ab");
	format_add(ft, "time", "%d", 0);
	CHECK_STR(format_find(ft, "name"), "work");
	CHECK(format_find(ft, "nope") == NULL);
	format_add(ft, "n", "%d", 4);	/* replaces */
	CHECK_STR(format_find(ft, "n"), "4");

	check(ft, "plain", "plain");
	check(ft, "#{name}:#{n}", "work:4");
	check(ft, "#{nope}x", "x");
	check(ft, "## #, #} #x", "# , } #x");
	check(ft, "#{?name,yes,no}", "yes");
	check(ft, "#{?zero,yes,no}", "no");
	check(ft, "#{?empty,yes,no}", "no");
	check(ft, "#{?nope,yes}", "");
	check(ft, "#{?name,a#,b,c}", "a,b");
	check(ft, "#{?name,#{?zero,1,2},3}", "2");
	check(ft, "#{?#{==:#{name},work},same,diff}", "same");
	check(ft, "#{==:#{name},work}", "1");
	check(ft, "#{!=:#{name},work}", "0");
	check(ft, "#{=2:name}", "wo");
	check(ft, "#{=-2:name}", "rk");
	check(ft, "#{=9:name}", "work");
	check(ft, "#{=1:wide}", "\xe4\xb8\xad");
	check(ft, "#{=-3:wide}", "\xe6\x96\x87" "ab");
	check(ft, "unterminated #{name", "unterminated #{name");
	/* Never runs anything. */
	check(ft, "#(id)", "#(id)");
	check(ft, "#{t:nope}", "");
	format_free(ft);
}

/* Deep nesting and long output are bounded; random input never crashes. */
static void
test_bounds(void)
{
	struct format_tree	*ft;
	char			*fmt, *out;
	unsigned int		 seed = 1;
	size_t			 i, j;
	const char		 alphabet[] = "#{}?,=:!-1a";

	ft = format_create();
	format_add(ft, "a", "%s", "x");
	fmt = xmalloc(100 * 5 + 1);
	fmt[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(fmt, "#{?a,");
	out = format_expand(ft, fmt);
	free(out);
	free(fmt);

	fmt = xmalloc(200000 + 1);
	for (i = 0; i < 200000; i += 4)
		memcpy(fmt + i, "#{a}", 4);
	fmt[200000] = '\0';
	out = format_expand(ft, fmt);
	CHECK(strlen(out) <= 64 * 1024);
	free(out);
	free(fmt);

	fmt = xmalloc(65);
	for (i = 0; i < 20000; i++) {
		for (j = 0; j < 64; j++)
			fmt[j] = alphabet[rand_r(&seed) % (sizeof alphabet - 1)];
		fmt[64] = '\0';
		out = format_expand(ft, fmt);
		free(out);
	}
	free(fmt);
	format_free(ft);
}

int
main(void)
{
	test_expand();
	test_bounds();
	UNIT_END();
}
