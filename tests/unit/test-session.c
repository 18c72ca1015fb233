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
#include "unit.h"

/* Unit tests for sessions on their own: names and the limit on how many. */

/* Names: printable, no ':' or '.', not too long, not starting with '$'. */
static void
test_names(void)
{
	char	*cause = NULL, name[HUDDLE_MAX_NAME + 2];

	CHECK_INT(session_check_name("build-1", &cause), 0);
	CHECK_INT(session_check_name("caf\xc3\xa9", &cause), 0);
	CHECK_INT(session_check_name("", &cause), -1);
	CHECK_STR(cause, "empty session name");
	free(cause);
	CHECK_INT(session_check_name("a:b", &cause), -1);
	CHECK_STR(cause, "invalid session name: a:b");
	free(cause);
	CHECK_INT(session_check_name("a\nb", &cause), -1);
	CHECK_STR(cause, "invalid session name: a\\nb");
	free(cause);
	CHECK_INT(session_check_name("a\xc2\x9b" "b", &cause), -1);	/* C1 */
	CHECK_STR(cause, "invalid session name: a\\302\\233b");
	free(cause);
	CHECK_INT(session_check_name("a\xff", &cause), -1);	/* invalid */
	free(cause);
	CHECK_INT(session_check_name("a\xe4\xb8", &cause), -1); /* cut short */
	free(cause);
	CHECK_INT(session_check_name("\xe4\xb8\xad", &cause), 0);
	CHECK_INT(session_check_name("$1", &cause), -1);
	free(cause);
	memset(name, 'x', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	CHECK_INT(session_check_name(name, &cause), -1);
	free(cause);
	name[HUDDLE_MAX_NAME] = '\0';
	CHECK_INT(session_check_name(name, &cause), 0);
}

/* No more than HUDDLE_MAX_SESSIONS; one ending makes room for another. */
static void
test_limit(void)
{
	struct session	*s, *last = NULL;
	char		*cause = NULL, name[32];
	int		 i, made = 0;

	for (i = 0; i < HUDDLE_MAX_SESSIONS; i++) {
		snprintf(name, sizeof name, "s%d", i);
		if ((s = session_create(name, 80, 24, &cause)) == NULL) {
			fprintf(stderr, "session %d: %s\n", i, cause);
			free(cause);
			break;
		}
		last = s;
		made++;
	}
	CHECK_INT(made, HUDDLE_MAX_SESSIONS);
	CHECK(session_create("one-more", 80, 24, &cause) == NULL);
	CHECK_STR(cause, "too many sessions (at most 1000)");
	free(cause);
	CHECK(session_create(NULL, 80, 24, &cause) == NULL);
	free(cause);
	CHECK(session_find("one-more") == NULL);

	if (last != NULL)
		session_destroy(last, "test");
	s = session_create("one-more", 80, 24, &cause);
	CHECK(s != NULL);
	CHECK(s != NULL && strcmp(s->name, "one-more") == 0);

	while ((s = TAILQ_FIRST(&sessions)) != NULL)
		session_destroy(s, "test");
}

int
main(void)
{
	test_names();
	test_limit();
	UNIT_END();
}
