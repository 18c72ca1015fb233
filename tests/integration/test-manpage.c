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
#include "harness.h"
#include "unit.h"

/*
 * The man page documents every command in the table, with every flag its
 * entry accepts, and passes mandoc -Tlint when mandoc is installed.
 */

/* The text of a command's entry: from ".It Ic name" to the next ".It Ic". */
static char *
manpage_block(const char *page, const char *name)
{
	char		 key[128];
	const char	*p, *end;

	snprintf(key, sizeof key, "\n.It Ic %s", name);
	p = page;
	while ((p = strstr(p, key)) != NULL) {
		end = p + strlen(key);
		if (*end == ' ' || *end == '\n')
			break;
		p = end;
	}
	if (p == NULL)
		return (NULL);
	end = strstr(p + 1, "\n.It Ic ");
	if (end == NULL)
		end = p + strlen(p);
	return (strndup(p, end - p));
}

/* Whether a block has a "Fl" word containing the flag letter. */
static int
manpage_has_flag(const char *block, int flag)
{
	const char	*p = block;
	char		 word[64];
	int		 n;

	while ((p = strstr(p, "Fl ")) != NULL) {
		/* "Fl Fl name" is a long flag, not a group of letters. */
		if (p >= block + 3 && strncmp(p - 3, "Fl ", 3) == 0) {
			p += 3;
			continue;
		}
		p += 3;
		if (sscanf(p, "%63s%n", word, &n) != 1)
			continue;
		if (strcmp(word, "Fl") != 0 && strchr(word, flag) != NULL)
			return (1);
	}
	return (0);
}

/* Check every command and flag. */
static void
test_commands(const char *page)
{
	const struct cmd_entry	**ep, *e;
	const struct args_long	 *l;
	const char		 *a;
	char			 *block, lname[64];

	for (ep = cmd_table; *ep != NULL; ep++) {
		e = *ep;
		block = manpage_block(page, e->name);
		if (block == NULL) {
			fprintf(stderr, "man page lacks command %s\n", e->name);
			CHECK(block != NULL);
			continue;
		}
		for (a = e->args; a != NULL && *a != '\0'; a++) {
			if (*a == ':')
				continue;
			if (!manpage_has_flag(block, *a)) {
				fprintf(stderr, "man page: %s lacks -%c\n",
				    e->name, *a);
				CHECK(0);
			}
		}
		for (l = e->long_args; l != NULL && l->name != NULL; l++) {
			snprintf(lname, sizeof lname, "Fl Fl %s", l->name);
			if (strstr(block, lname) == NULL) {
				fprintf(stderr, "man page: %s lacks --%s\n",
				    e->name, l->name);
				CHECK(0);
			}
		}
		if (e->alias != NULL && strstr(block, e->alias) == NULL) {
			fprintf(stderr, "man page: %s lacks alias %s\n",
			    e->name, e->alias);
			CHECK(0);
		}
		free(block);
	}
}

/* Every option in the table is documented. */
static void
test_options(const char *page)
{
	const struct option_entry	*oe;
	char				 key[128];

	for (oe = options_table; oe->name != NULL; oe++) {
		snprintf(key, sizeof key, "\n.It Ic %s", oe->name);
		if (strstr(page, key) == NULL) {
			fprintf(stderr, "man page lacks option %s\n", oe->name);
			CHECK(0);
		}
	}
}

/* The text of a source file, or NULL. */
static char *
source_file(const char *srcdir, const char *name)
{
	char	path[1024];

	snprintf(path, sizeof path, "%s/src/%s", srcdir, name);
	return (harness_read_file(path, NULL));
}

/* Every "[...]" the attached client leaves with is in the page. */
static void
test_leaving(const char *page, const char *srcdir)
{
	char		*src, msg[128], *p, *end;
	const char	*q;
	size_t		 len;
	u_int		 found = 0;

	if ((src = source_file(srcdir, "client-attach.c")) == NULL) {
		CHECK(src != NULL);
		return;
	}
	for (p = src; (p = strstr(p, "client_exit(cc, ")) != NULL; p++) {
		if ((q = strchr(p, '"')) == NULL || q[1] != '[' ||
		    (end = strstr(q, "]\"")) == NULL)
			continue;
		len = end + 1 - (q + 1);
		if (len >= sizeof msg)
			continue;
		memcpy(msg, q + 1, len);
		msg[len] = '\0';
		if ((end = strstr(msg, "%s")) != NULL) {	/* the name */
			memmove(end + 4, end + 2, strlen(end + 2) + 1);
			memcpy(end, "NAME", 4);
		}
		found++;
		if (strstr(page, msg) == NULL) {
			fprintf(stderr, "man page lacks %s\n", msg);
			CHECK(0);
		}
	}
	CHECK(found >= 8);
	free(src);
}

/* Every control and meta key the command prompt takes is in the page. */
static void
test_prompt_keys(const char *page, const char *srcdir)
{
	char	*src, *section, *p, *start, *end, key[32];
	u_int	 found = 0;

	src = source_file(srcdir, "client-status.c");
	start = strstr(page, "At the prompt,");
	end = start != NULL ? strstr(start, "When the client leaves") : NULL;
	if (src == NULL || end == NULL) {
		CHECK(src != NULL && end != NULL);
		free(src);
		return;
	}
	section = strndup(start, end - start);
	/* From client_status_move() to the end of client_status_key(). */
	p = strstr(src, "\nclient_status_move(");
	end = p != NULL ? strstr(p, "\nclient_status_free(") : NULL;
	for (; p != NULL && p < end; p++) {
		if (strncmp(p, "case '", 6) == 0 &&
		    strncmp(p + 7, "' | KEYC_CTRL:", 14) == 0)
			snprintf(key, sizeof key, "C-%c", p[6]);
		else if (strncmp(p, "case KEYC_BSPACE | KEYC_META:", 29) == 0)
			snprintf(key, sizeof key, "M-BSpace");
		else
			continue;
		found++;
		if (strstr(section, key) == NULL) {
			fprintf(stderr, "man page lacks prompt key %s\n", key);
			CHECK(0);
		}
	}
	CHECK(found >= 10);
	free(section);
	free(src);
}

/* mandoc -Tlint reports nothing. */
static void
test_lint(struct harness *h, const char *path)
{
	struct run	 r;
	const char	*argv[] = { "/usr/bin/mandoc", "-Tlint", "-W", "warning",
			    path, NULL };

	if (access(argv[0], X_OK) != 0) {
		printf("mandoc not installed; lint skipped\n");
		return;
	}
	harness_run_raw(h, &r, argv, NULL);
	if (r.status != 0 || *r.out != '\0' || *r.err != '\0')
		fprintf(stderr, "mandoc -Tlint: %s%s\n", r.out, r.err);
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "");
	run_free(&r);
}

int
main(void)
{
	struct harness	 h;
	const char	*srcdir = getenv("HUDDLE_TEST_SRCDIR");
	char		 path[1024], *page;

	snprintf(path, sizeof path, "%s/man/huddle.1",
	    srcdir != NULL ? srcdir : ".");
	if ((page = harness_read_file(path, NULL)) == NULL) {
		fprintf(stderr, "can't read %s\n", path);
		return (1);
	}
	test_commands(page);
	test_options(page);
	test_leaving(page, srcdir != NULL ? srcdir : ".");
	test_prompt_keys(page, srcdir != NULL ? srcdir : ".");
	if (harness_init(&h) == 0) {
		test_lint(&h, path);
		harness_done(&h);
	}
	free(page);
	UNIT_END();
}
