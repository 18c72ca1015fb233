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
#include <unistd.h>

#include "huddle.h"
#include "unit.h"

/* Unit tests for target parsing and session lookup. */

/* SESSION[:WINDOW[.PANE]] splits into its parts; bad indexes fail. */
static void
test_parse(void)
{
	struct target	 t;
	char		*cause = NULL;

	CHECK_INT(target_parse(NULL, &t, &cause), 0);
	CHECK(t.session == NULL);
	CHECK_INT(t.window, -1);
	CHECK_INT(t.pane, -1);

	CHECK_INT(target_parse("work", &t, &cause), 0);
	CHECK_STR(t.session, "work");
	CHECK_INT(t.window, -1);
	target_clear(&t);

	CHECK_INT(target_parse("work:2.1", &t, &cause), 0);
	CHECK_STR(t.session, "work");
	CHECK_INT(t.window, 2);
	CHECK_INT(t.pane, 1);
	target_clear(&t);

	CHECK_INT(target_parse(":3", &t, &cause), 0);
	CHECK(t.session == NULL);
	CHECK_INT(t.window, 3);
	target_clear(&t);

	CHECK_INT(target_parse("w:.0", &t, &cause), 0);
	CHECK_INT(t.window, -1);
	CHECK_INT(t.pane, 0);
	target_clear(&t);

	CHECK_INT(target_parse("w:x", &t, &cause), -1);
	CHECK_STR(cause, "invalid target: w:x");
	free(cause);
	CHECK_INT(target_parse("w:1.-2", &t, &cause), -1);
	free(cause);
	CHECK_INT(target_parse("w:99999999999999", &t, &cause), -1);
	free(cause);
}

/* Names, ids, prefixes, the caller's own session and the most recent. */
static void
test_lookup(void)
{
	struct cmd_item	 item;
	struct session	*a, *b, *c, *s;
	char		*cause = NULL, current[128];

	memset(&item, 0, sizeof item);
	item.current = (char *)"";
	CHECK(target_find_session(&item, NULL, &cause) == NULL);
	CHECK_STR(cause, "no sessions");
	free(cause);

	a = session_create("alpha", 80, 24, &cause);
	b = session_create("beta", 80, 24, &cause);
	c = session_create("alps", 80, 24, &cause);
	CHECK(a != NULL && b != NULL && c != NULL);
	CHECK(session_create("alpha", 80, 24, &cause) == NULL);
	CHECK_STR(cause, "duplicate session: alpha");
	free(cause);
	CHECK(session_create("a:b", 80, 24, &cause) == NULL);
	CHECK_STR(cause, "invalid session name: a:b");
	free(cause);
	CHECK(session_create("", 80, 24, &cause) == NULL);
	free(cause);

	CHECK(target_find_session(&item, "beta", &cause) == b);
	CHECK(target_find_session(&item, "be", &cause) == b);
	CHECK(target_find_session(&item, "alpha:0.0", &cause) == a);
	CHECK(target_find_session(&item, "al", &cause) == NULL);
	CHECK_STR(cause, "more than one session matches: al");
	free(cause);
	CHECK(target_find_session(&item, "gamma", &cause) == NULL);
	CHECK_STR(cause, "can't find session: gamma");
	free(cause);
	snprintf(current, sizeof current, "$%u", c->id);
	CHECK(target_find_session(&item, current, &cause) == c);

	/* Most recently used when nothing else says. */
	a->activity.tv_sec = 100;
	b->activity.tv_sec = 300;
	c->activity.tv_sec = 200;
	CHECK(target_find_session(&item, NULL, &cause) == b);

	/* The caller's HUDDLE variable wins, if it names this server. */
	snprintf(current, sizeof current, "/tmp/x,%ld,%u", (long)getpid(),
	    a->id);
	item.current = current;
	CHECK(target_find_session(&item, NULL, &cause) == a);
	snprintf(current, sizeof current, "/tmp/x,%ld,%u",
	    (long)getpid() + 1, a->id);
	CHECK(target_find_session(&item, NULL, &cause) == b);
	snprintf(current, sizeof current, "garbage");
	CHECK(target_find_session(&item, NULL, &cause) == b);

	while ((s = TAILQ_FIRST(&sessions)) != NULL)
		session_destroy(s, "test");
}

int
main(void)
{
	test_parse();
	test_lookup();
	UNIT_END();
}
