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

/*
 * The two width functions of term.c, for building the VT filter's test and
 * fuzz target on their own. The real build links src/term.c instead.
 */

#include <sys/types.h>

#include <stdint.h>
#include <wchar.h>

#include <libtsm.h>

#include "term.h"

/* The width libtsm gives a character. */
u_int
term_char_width(uint32_t ch)
{
	return (tsm_ucs4_get_width(ch));
}

/* The width the system gives it. */
int
term_sys_width(uint32_t ch)
{
	return (wcwidth((wchar_t)ch));
}
