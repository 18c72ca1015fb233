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

#ifndef COMPAT_H
#define COMPAT_H

/*
 * What libbsd provides on Linux (through its overlay, so <sys/queue.h> and
 * <string.h> carry the BSD functions) and another system may lack. The
 * replacements are built from compat/ when configure does not find them.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <sys/types.h>
#include <sys/queue.h>

#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef __dead
#define __dead __attribute__ ((__noreturn__))
#endif
#ifndef __unused
#define __unused __attribute__ ((__unused__))
#endif
#ifndef printflike
#define printflike(a, b) __attribute__ ((format (printf, a, b)))
#endif

#ifndef nitems
#define nitems(a) (sizeof (a) / sizeof (a)[0])
#endif

#ifndef TAILQ_FOREACH_SAFE
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#endif

#ifndef HAVE_STRLCPY
size_t	strlcpy(char *, const char *, size_t);
#endif
#ifndef HAVE_STRLCAT
size_t	strlcat(char *, const char *, size_t);
#endif
#ifndef HAVE_REALLOCARRAY
void	*reallocarray(void *, size_t, size_t);
#endif
#ifndef HAVE_GETPEEREID
int	getpeereid(int, uid_t *, gid_t *);
#endif
#ifndef HAVE_CLOSEFROM
void	closefrom(int);
#endif
#ifndef HAVE_SETPROCTITLE
void	setproctitle(const char *, ...);
#endif

#endif
