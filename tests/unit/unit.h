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

#ifndef UNIT_H
#define UNIT_H

/*
 * A tiny assertion header for the unit tests. Each check that fails prints
 * where and why and counts; UNIT_END exits non-zero if any failed, so the
 * automake harness reports the program as failed.
 */

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond) do {						\
	unit_checks++;							\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		unit_failures++;					\
	}								\
} while (0)

#define CHECK_INT(a, b) do {						\
	long long unit_a = (long long)(a), unit_b = (long long)(b);	\
	unit_checks++;							\
	if (unit_a != unit_b) {						\
		fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n",	\
		    __FILE__, __LINE__, #a, unit_a, unit_b);		\
		unit_failures++;					\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *unit_a = (a), *unit_b = (b);			\
	unit_checks++;							\
	if (unit_a == NULL || unit_b == NULL ||				\
	    strcmp(unit_a, unit_b) != 0) {				\
		fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n",\
		    __FILE__, __LINE__, #a, unit_a ? unit_a : "(null)",	\
		    unit_b ? unit_b : "(null)");			\
		unit_failures++;					\
	}								\
} while (0)

/* Compare a byte buffer with an expected one, printing both escaped. */
#define CHECK_MEM(a, alen, b, blen) do {				\
	unit_checks++;							\
	if ((size_t)(alen) != (size_t)(blen) ||				\
	    memcmp((a), (b), (blen)) != 0) {				\
		fprintf(stderr, "%s:%d: %s differs\n  got:      ",	\
		    __FILE__, __LINE__, #a);				\
		unit_dump((const unsigned char *)(a), (alen));		\
		fprintf(stderr, "\n  expected: ");			\
		unit_dump((const unsigned char *)(b), (blen));		\
		fprintf(stderr, "\n");					\
		unit_failures++;					\
	}								\
} while (0)

static inline void
unit_dump(const unsigned char *p, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\')
			fputc(p[i], stderr);
		else
			fprintf(stderr, "\\x%02x", p[i]);
	}
}

#define UNIT_END() do {							\
	printf("%d checks, %d failed\n", unit_checks, unit_failures);	\
	return (unit_failures == 0 ? 0 : 1);				\
} while (0)

#endif
