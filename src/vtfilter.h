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

#ifndef VTFILTER_H
#define VTFILTER_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

/*
 * The VT filter: a VT500-style parser over the bytes a program writes to its
 * pty, run before libtsm. It tracks the modes libtsm hides, drops or rewrites
 * what libtsm gets wrong, repairs UTF-8, handles OSC and BEL itself and
 * answers some queries. See LIBTSM.md for every case.
 */

/* Modes tracked by the filter; also used by the input encoder. */
#define MODE_KCURSOR		0x1	/* DECCKM, CSI ? 1 h */
#define MODE_KKEYPAD		0x2	/* DECKPAM, ESC = */
#define MODE_MOUSE_X10		0x4	/* CSI ? 9 h */
#define MODE_MOUSE_STANDARD	0x8	/* CSI ? 1000 h */
#define MODE_MOUSE_BUTTON	0x10	/* CSI ? 1002 h */
#define MODE_MOUSE_ALL		0x20	/* CSI ? 1003 h */
#define MODE_MOUSE_UTF8		0x40	/* CSI ? 1005 h */
#define MODE_MOUSE_SGR		0x80	/* CSI ? 1006 h */
#define MODE_MOUSE_URXVT	0x100	/* CSI ? 1015 h */
#define MODE_MOUSE_SGR_PIXELS	0x200	/* CSI ? 1016 h */
#define MODE_FOCUS		0x400	/* CSI ? 1004 h */
#define MODE_BRACKETPASTE	0x800	/* CSI ? 2004 h */
#define MODE_SYNC		0x1000	/* CSI ? 2026 h */
#define MODE_CURSOR_BLINK	0x2000	/* CSI ? 12 h */
#define MODE_ORIGIN		0x4000	/* DECOM, CSI ? 6 h */
#define MODE_MOUSE_ANY \
	(MODE_MOUSE_X10|MODE_MOUSE_STANDARD|MODE_MOUSE_BUTTON|MODE_MOUSE_ALL)
#define MODE_MOUSE_ENCODING \
	(MODE_MOUSE_UTF8|MODE_MOUSE_SGR|MODE_MOUSE_URXVT|MODE_MOUSE_SGR_PIXELS)

/* Limits. */
#define VTFILTER_MAX_PENDING	4096	/* unfinished sequence held back */
#define VTFILTER_MAX_TITLE	256	/* bytes of a title kept */
#define VTFILTER_MAX_OSC	(128 * 1024)	/* OSC payload kept (OSC 52) */

/* OSC 133 mark as seen by the filter. */
struct vtfilter_mark {
	char		 kind;		/* 'A', 'B', 'C', 'D', 'P', 'N', ... */
	const char	*params;	/* everything after "133;X", may be "" */
	uint64_t	 offset;	/* byte offset of the ESC in the stream */
	uint64_t	 end;		/* byte offset just after the terminator */
};

/*
 * What the filter hands back to its owner (the pane). Every callback but
 * output is made only after all output before it has gone to output, so
 * libtsm is up to date whenever one is called.
 */
struct vtfilter_cb {
	/* Bytes for libtsm. Must be fed to libtsm before returning. */
	void	(*output)(void *, const u_char *, size_t);
	/* A reply to write back to the program's pty. */
	void	(*reply)(void *, const u_char *, size_t);
	/*
	 * Cursor position as libtsm has it now (0-based, absolute rows). x is
	 * not clamped: it is the width while a wrap is pending.
	 */
	void	(*cursor)(void *, u_int *, u_int *);
	/* Screen width and height. */
	void	(*size)(void *, u_int *, u_int *);
	/* Whether libtsm's auto-wrap is on. */
	int	(*autowrap)(void *);
	/* CSI 3 J: clear the scrollback. */
	void	(*clear_history)(void *);
	/* OSC 0/1/2: the new title, control characters already removed. */
	void	(*title)(void *, const char *);
	/* OSC 7: the working directory path (decoded), host ignored. */
	void	(*cwd)(void *, const char *);
	/* OSC 133 mark. */
	void	(*mark)(void *, const struct vtfilter_mark *);
	/* OSC 52: selection parameter and base64 data as sent. */
	void	(*clipboard)(void *, const char *, const char *, size_t);
	/* BEL outside a string. */
	void	(*bell)(void *);
	/* Modes changed (old, new). */
	void	(*modes)(void *, int, int);
};

struct vtfilter;

struct vtfilter	*vtfilter_create(const struct vtfilter_cb *, void *);
void		 vtfilter_free(struct vtfilter *);
void		 vtfilter_input(struct vtfilter *, const u_char *, size_t);
void		 vtfilter_reset(struct vtfilter *);
int		 vtfilter_modes(struct vtfilter *);
u_int		 vtfilter_cursor_style(struct vtfilter *);
int		 vtfilter_modify_other_keys(struct vtfilter *);
uint64_t	 vtfilter_offset(struct vtfilter *);
uint64_t	 vtfilter_hold(struct vtfilter *);

#endif
