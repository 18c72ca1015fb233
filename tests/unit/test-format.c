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
#include <time.h>

#include "huddle.h"
#include "unit.h"

/* Unit tests for format expansion (src/format.c). */

#define OUTPUT_MAX 65536

/* Expand fmt and compare with want. */
static void
check(struct format_tree *ft, const char *fmt, const char *want)
{
	char	*out;

	out = format_expand(ft, fmt);
	if (strcmp(out, want) != 0)
		fprintf(stderr, "format \"%s\":\n", fmt);
	CHECK_STR(out, want);
	free(out);
}

/* A tree with the values most tests use. */
static struct format_tree *
tree(void)
{
	struct format_tree	*ft;

	ft = format_create();
	format_add(ft, "name", "%s", "work");
	format_add(ft, "zero", "0");
	format_add(ft, "one", "%d", 1);
	format_add(ft, "empty", "%s", "");
	format_add(ft, "wide", "%s", "\xe4\xb8\xad\xe6\x96\x87" "ab");
	format_add(ft, "emoji", "%s", "\xf0\x9f\x98\x80x\xf0\x9f\x98\x81");
	format_add(ft, "bad", "%s", "a\xff\xfe" "b");
	format_add(ft, "epoch", "%d", 0);
	format_add(ft, "time", "%lld", 1700000000LL);
	format_add(ft, "evil", "%s", "#{name}#(id)##");
	return (ft);
}

/* Adding, replacing and finding keys. */
static void
test_tree(void)
{
	struct format_tree	*ft;
	char			 key[32], value[32];
	int			 i, k;

	ft = format_create();
	CHECK(format_find(ft, "a") == NULL);
	format_add(ft, "ab", "%s", "2");
	format_add(ft, "a", "%s", "1");
	format_add(ft, "abc", "%s", "3");
	CHECK_STR(format_find(ft, "a"), "1");
	CHECK_STR(format_find(ft, "ab"), "2");
	CHECK_STR(format_find(ft, "abc"), "3");
	CHECK(format_find(ft, "abcd") == NULL);
	CHECK(format_find(ft, "") == NULL);
	format_add(ft, "ab", "%d-%s", 7, "x");
	CHECK_STR(format_find(ft, "ab"), "7-x");

	/* Many keys in a scrambled order are all found. */
	for (i = 0; i < 500; i++) {
		k = (i * 7919) % 500;
		snprintf(key, sizeof key, "key%d", k);
		format_add(ft, key, "v%d", k);
	}
	for (k = 0; k < 500; k++) {
		snprintf(key, sizeof key, "key%d", k);
		snprintf(value, sizeof value, "v%d", k);
		CHECK_STR(format_find(ft, key), value);
	}
	format_free(ft);
	format_free(NULL);
}

/* Names, escapes and what is copied literally. */
static void
test_names(void)
{
	struct format_tree	*ft = tree();
	char			*out;

	check(ft, "", "");
	check(ft, "plain text", "plain text");
	check(ft, "#{name}", "work");
	check(ft, "#{name}:#{one}#{name}", "work:1work");
	check(ft, "[#{nope}]", "[]");
	check(ft, "#{}", "");
	check(ft, "#{empty}x", "x");
	check(ft, "##", "#");
	check(ft, "###", "##");
	check(ft, "####{name}", "##{name}");
	check(ft, "## #, #} #x", "# , } #x");
	check(ft, "a,b}c{", "a,b}c{");
	check(ft, "end#", "end#");
	check(ft, "#[fg=red]#", "#[fg=red]#");

	/* Never runs anything: #( is plain text, wherever it is. */
	check(ft, "#(id)", "#(id)");
	check(ft, "#(touch /tmp/huddle-format-pwned)",
	    "#(touch /tmp/huddle-format-pwned)");
	check(ft, "#{?one,#(id),no}", "#(id)");
	check(ft, "#{==:#(id),#(id)}", "1");

	/* A value is never expanded again. */
	check(ft, "#{evil}", "#{name}#(id)##");
	check(ft, "#{?evil,#{evil},}", "#{name}#(id)##");
	check(ft, "#{=7:evil}", "#{name}");

	/* Without a tree, every name is unknown. */
	out = format_expand(NULL, "a#{name}b");
	CHECK_STR(out, "ab");
	free(out);
	format_free(ft);
}

/* #{?cond,then,else}, nested and chained. */
static void
test_conditionals(void)
{
	struct format_tree	*ft = tree();

	check(ft, "#{?name,yes,no}", "yes");
	check(ft, "#{?one,yes,no}", "yes");
	check(ft, "#{?zero,yes,no}", "no");
	check(ft, "#{?empty,yes,no}", "no");
	check(ft, "#{?nope,yes,no}", "no");
	check(ft, "#{?name,yes}", "yes");
	check(ft, "#{?nope,yes}", "");
	check(ft, "#{?name}", "");
	check(ft, "#{?name,,no}", "");
	check(ft, "#{?name,#{name},no}", "work");
	check(ft, "#{?name,a#,b,c}", "a,b");
	check(ft, "#{?zero,a,b#,c#}d}", "b,c}d");
	check(ft, "#{?name,x##y,z}", "x#y");
	check(ft, "#{?name,#{?zero,1,2},3}", "2");
	check(ft, "#{?name,#{?one,#{?empty,a,b},c},d}", "b");
	check(ft, "#{?zero,#{?one,1,2},#{?one,3,4}}", "3");
	check(ft, "#{?name,#{==:a,b},z}", "0");

	/* The condition may be an expression. */
	check(ft, "#{?#{name},yes,no}", "yes");
	check(ft, "#{?#{zero},yes,no}", "no");
	check(ft, "#{?#{nope},yes,no}", "no");
	check(ft, "#{?#{==:#{name},work},same,diff}", "same");
	check(ft, "#{?#{!=:#{name},work},diff,same}", "same");
	check(ft, "#{?#{?zero,1,0},yes,no}", "no");

	/* tmux's chains: #{?c1,v1,c2,v2,else}. */
	check(ft, "#{?zero,a,one,b,c}", "b");
	check(ft, "#{?zero,a,empty,b,c}", "c");
	check(ft, "#{?zero,a,empty,b}", "");
	format_free(ft);
}

/* #{==:a,b} and #{!=:a,b}. */
static void
test_compare(void)
{
	struct format_tree	*ft = tree();

	check(ft, "#{==:a,a}", "1");
	check(ft, "#{==:a,b}", "0");
	check(ft, "#{!=:a,b}", "1");
	check(ft, "#{!=:a,a}", "0");
	check(ft, "#{==:,}", "1");
	check(ft, "#{==:#{name},work}", "1");
	check(ft, "#{==:#{name},#{zero}}", "0");
	check(ft, "#{==:name,work}", "0");		/* operands are formats */
	check(ft, "#{==:a#,b,a#,b}", "1");
	check(ft, "#{==:a,b,c}", "0");
	check(ft, "#{==:#{?one,x,y},x}", "1");
	check(ft, "#{==:nocomma}", "");
	check(ft, "x#{==:a,a}y", "x1y");
	format_free(ft);
}

/* #{=N:...}, counting UTF-8 characters. */
static void
test_truncate(void)
{
	struct format_tree	*ft = tree();

	check(ft, "#{=2:name}", "wo");
	check(ft, "#{=-2:name}", "rk");
	check(ft, "#{=4:name}", "work");
	check(ft, "#{=9:name}", "work");
	check(ft, "#{=-9:name}", "work");
	check(ft, "#{=0:name}", "work");		/* as in tmux */
	check(ft, "#{=1:nope}", "");
	check(ft, "#{=99999999999999999999:name}", "work");
	check(ft, "#{=1:wide}", "\xe4\xb8\xad");
	check(ft, "#{=2:wide}", "\xe4\xb8\xad\xe6\x96\x87");
	check(ft, "#{=3:wide}", "\xe4\xb8\xad\xe6\x96\x87" "a");
	check(ft, "#{=-3:wide}", "\xe6\x96\x87" "ab");
	check(ft, "#{=-4:wide}", "\xe4\xb8\xad\xe6\x96\x87" "ab");
	check(ft, "#{=1:emoji}", "\xf0\x9f\x98\x80");
	check(ft, "#{=-1:emoji}", "\xf0\x9f\x98\x81");
	check(ft, "#{=-2:emoji}", "x\xf0\x9f\x98\x81");
	/* Each invalid byte counts as one character. */
	check(ft, "#{=2:bad}", "a\xff");
	check(ft, "#{=-2:bad}", "\xfe" "b");

	/* The value may be an expression or another modifier. */
	check(ft, "#{=2:#{name}}", "wo");
	check(ft, "#{=3:#{?one,abcdef,x}}", "abc");
	check(ft, "#{=-2:=3:name}", "or");
	check(ft, "#{=3:t:epoch}", "Thu");

	/* Malformed: nothing. */
	check(ft, "#{=:name}", "");
	check(ft, "#{=x:name}", "");
	check(ft, "#{=2name}", "");
	check(ft, "#{=-:name}", "");
	format_free(ft);
}

/* #{t:...} in local time. */
static void
test_time(void)
{
	struct format_tree	*ft = tree();

	setenv("TZ", "UTC", 1);
	tzset();
	check(ft, "#{t:epoch}", "Thu Jan  1 00:00:00 1970");
	check(ft, "#{t:time}", "Tue Nov 14 22:13:20 2023");
	check(ft, "#{t:#{time}}", "Tue Nov 14 22:13:20 2023");
	check(ft, "(#{t:time})", "(Tue Nov 14 22:13:20 2023)");
	format_add(ft, "neg", "-1");
	check(ft, "#{t:neg}", "Wed Dec 31 23:59:59 1969");
	check(ft, "#{t:nope}", "");
	check(ft, "#{t:name}", "");
	format_add(ft, "junk", "12x");
	check(ft, "#{t:junk}", "");
	format_add(ft, "huge", "99999999999999999999999");
	check(ft, "#{t:huge}", "");
	format_add(ft, "minus", "-");
	check(ft, "#{t:minus}", "");
	format_free(ft);
}

/* Unterminated #{ copies the rest literally. */
static void
test_unterminated(void)
{
	struct format_tree	*ft = tree();

	check(ft, "#{name", "#{name");
	check(ft, "a #{name} #{name", "a work #{name");
	check(ft, "#{", "#{");
	check(ft, "x#{?name,a,b", "x#{?name,a,b");
	check(ft, "#{?#{name},a", "#{?#{name},a");
	check(ft, "#{?one,#{name,b}", "#{?one,#{name,b}");
	check(ft, "#{name#}", "#{name#}");
	format_free(ft);
}

/* Nesting is bounded: 32 levels work, deeper ones give nothing. */
static void
test_depth(void)
{
	struct format_tree	*ft = tree();
	char			*fmt, *out;
	size_t			 i, n, len;

	for (n = 30; n <= 34; n++) {
		fmt = xmalloc(n * 8 + 2);
		fmt[0] = '\0';
		for (i = 0; i < n; i++)
			strcat(fmt, "#{?one,");
		strcat(fmt, "X");
		for (i = 0; i < n; i++)
			strcat(fmt, "}");
		out = format_expand(ft, fmt);
		CHECK_STR(out, n <= 32 ? "X" : "");
		free(out);
		free(fmt);
	}

	/* Very deep input, closed or not, and long modifier chains. */
	n = 100000;
	fmt = xmalloc(n * 4 + 1);
	for (i = 0; i < n; i++)
		memcpy(fmt + i * 2, "#{", 2);
	for (i = 0; i < n; i++)
		fmt[n * 2 + i] = '}';
	fmt[n * 3] = '\0';
	out = format_expand(ft, fmt);
	CHECK_STR(out, "");
	free(out);
	fmt[n * 2] = '\0';
	out = format_expand(ft, fmt);
	CHECK_INT(strlen(out), OUTPUT_MAX);
	free(out);
	fmt[2000] = '\0';
	out = format_expand(ft, fmt);
	CHECK_STR(out, fmt);
	free(out);
	len = 0;
	fmt[len++] = '#';
	fmt[len++] = '{';
	for (i = 0; i < n; i++) {
		memcpy(fmt + len, "=9:", 3);
		len += 3;
	}
	memcpy(fmt + len, "name}", 6);
	out = format_expand(ft, fmt);
	CHECK_STR(out, "");
	free(out);

	/* A conditional with many branches. */
	len = 0;
	memcpy(fmt, "#{?", 3);
	len = 3;
	for (i = 0; i < 1000; i++) {
		memcpy(fmt + len, "zero,a,", 7);
		len += 7;
	}
	memcpy(fmt + len, "one,b,c}", 9);
	out = format_expand(ft, fmt);
	free(out);
	free(fmt);
	format_free(ft);
}

/* Output is bounded to 64 KiB, never ending in half a character. */
static void
test_output_limit(void)
{
	struct format_tree	*ft = format_create();
	char			*big, *fmt, *out;
	size_t			 i, len;

	big = xmalloc(10001);
	memset(big, 'x', 10000);
	big[10000] = '\0';
	format_add(ft, "big", "%s", big);
	fmt = xmalloc(100 * 6 + 1);
	fmt[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(fmt, "#{big}");
	out = format_expand(ft, fmt);
	CHECK_INT(strlen(out), OUTPUT_MAX);
	free(out);

	/* Branches and operands are bounded too. */
	free(fmt);
	fmt = xmalloc(100 * 6 + 64);
	strlcpy(fmt, "#{==:", 100 * 6 + 64);
	for (i = 0; i < 100; i++)
		strcat(fmt, "#{big}");
	strcat(fmt, ",x}");
	out = format_expand(ft, fmt);
	CHECK_STR(out, "0");
	free(out);

	/* "x" then two-byte characters: the cut falls inside one. */
	big = xrealloc(big, 2 * 40000 + 2);
	big[0] = 'x';
	for (i = 0; i < 40000; i++)
		memcpy(big + 1 + i * 2, "\xc3\xa9", 2);
	big[1 + 2 * 40000] = '\0';
	format_add(ft, "accents", "%s", big);
	out = format_expand(ft, "#{accents}");
	len = strlen(out);
	CHECK_INT(len, OUTPUT_MAX - 1);
	CHECK(memcmp(out + len - 2, "\xc3\xa9", 2) == 0);
	free(out);

	/* Literal text is bounded as well. */
	free(fmt);
	fmt = xmalloc(200001);
	memset(fmt, 'y', 200000);
	fmt[200000] = '\0';
	out = format_expand(ft, fmt);
	CHECK_INT(strlen(out), OUTPUT_MAX);
	free(out);
	free(fmt);
	free(big);
	format_free(ft);
}

/* Random input never crashes and never passes the size limit. */
static void
test_random(void)
{
	static const char	*pieces[] = { "#", "{", "}", "#{", "?", ",",
				    "=", ":", "!", "-", "t:", "==:", "!=:",
				    "=-2:", "=3:", "name", "one", "zero", "big",
				    "#(", ")", "##", "#,", "#}", "\xc3", "\xa9",
				    "\xf0\x9f\x98\x80", "5", "x" };
	struct format_tree	*ft = tree();
	char			*fmt, *out, *big;
	unsigned int		 seed = 20260101;
	size_t			 i, j, k, len, npieces;

	big = xmalloc(5001);
	memset(big, 'b', 5000);
	big[5000] = '\0';
	format_add(ft, "big", "%s", big);
	free(big);
	npieces = sizeof pieces / sizeof pieces[0];
	fmt = xmalloc(4096);
	for (i = 0; i < 30000; i++) {
		len = 0;
		k = 1 + rand_r(&seed) % 200;
		for (j = 0; j < k; j++) {
			const char *p = pieces[rand_r(&seed) % npieces];

			if (len + strlen(p) + 1 > 4096)
				break;
			memcpy(fmt + len, p, strlen(p));
			len += strlen(p);
		}
		fmt[len] = '\0';
		out = format_expand(ft, fmt);
		CHECK(strlen(out) <= OUTPUT_MAX);
		free(out);
	}
	for (i = 0; i < 10000; i++) {
		k = rand_r(&seed) % 256;
		for (j = 0; j < k; j++)
			fmt[j] = 1 + rand_r(&seed) % 255;
		fmt[k] = '\0';
		out = format_expand(ft, fmt);
		CHECK(strlen(out) <= OUTPUT_MAX);
		free(out);
	}
	free(fmt);
	format_free(ft);
}

int
main(void)
{
	test_tree();
	test_names();
	test_conditionals();
	test_compare();
	test_truncate();
	test_time();
	test_unterminated();
	test_depth();
	test_output_limit();
	test_random();
	UNIT_END();
}
