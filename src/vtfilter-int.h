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

#ifndef VTFILTER_INT_H
#define VTFILTER_INT_H

/*
 * The VT filter's insides, shared by vtfilter.c (the parser),
 * vtfilter-csi.c (what each complete sequence does) and vtfilter-osc.c
 * (OSC strings). Nothing else includes this.
 */

#define VTFILTER_MAX_ARGS	16	/* as libtsm: later ones are ignored */
#define VTFILTER_OUT_SIZE	16384	/* output batched per callback */
#define VTFILTER_OSC_KEEP	4096	/* OSC buffer kept between strings */

/* Parser states: libtsm's, with the string states merged. */
enum vtfilter_state {
	VF_GROUND,
	VF_ESC,
	VF_ESC_INT,
	VF_CSI_ENTRY,
	VF_CSI_PARAM,
	VF_CSI_INT,
	VF_CSI_IGNORE,
	VF_OSC,		/* collected and handled here */
	VF_STRING,	/* DCS, SOS, PM, APC: dropped up to ST */
	VF_STRING_ESC	/* ESC inside one of the two above */
};

/* State libtsm keeps but does not show, tracked to answer DECRQM. */
#define PRIV_WRAP 0x1
#define PRIV_HIDDEN 0x2
#define PRIV_ALTERNATE 0x4
#define PRIV_INVERSE 0x8
#define PRIV_INSERT 0x10
#define PRIV_NEWLINE 0x20

struct vtfilter {
	struct vtfilter_cb	 cb;
	void			*arg;

	enum vtfilter_state	 state;
	uint64_t		 offset;	/* input bytes so far */

	/* UTF-8 decoder. */
	uint32_t		 u8cp;
	u_int			 u8need;
	u_char			 u8lo;
	u_char			 u8hi;
	uint64_t		 u8start;
	uint64_t		 cpstart;	/* offset of this character */
	uint64_t		 cpend;		/* and just after it */

	/* The sequence held back, from its ESC, and what it says. */
	u_char			 seq[VTFILTER_MAX_PENDING];
	size_t			 seqlen;
	int			 seqflags;
#define SEQ_OVERFLOW 0x1	/* too long: passed on as it comes */
#define SEQ_ODD 0x2		/* intermediates libtsm would misread */
	uint64_t		 seqstart;
	u_char			 prefix;
	u_char			 inter[2];
	u_int			 ninter;
	u_int			 argc;
	int			 argv[VTFILTER_MAX_ARGS];

	/* The OSC being collected. */
	char			*osc;
	size_t			 osclen;
	size_t			 oscsize;
	int			 oscover;
	int			 oscesc;	/* STRING_ESC was in an OSC */
	uint64_t		 oscstart;
	uint64_t		 escstart;

	/* Output not yet handed to the callback. */
	u_char			 out[VTFILTER_OUT_SIZE];
	size_t			 outlen;

	/* Tracked state. */
	int			 modes;
	int			 priv;
	int			 saved;		/* origin and wrap, by DECSC */
	u_int			 cstyle;
	int			 mok;
	u_int			 top;		/* top margin, 0-based */
	u_int			 topsx;		/* the size it was set at */
	u_int			 topsy;
	uint32_t		 last;		/* last graphic character */

	/* The cursor column, known while only text is printed. */
	int			 wvalid;
	int			 wwrap;
	u_int			 wx;
	u_int			 wsx;
	int			 sysok;		/* wcwidth knows UTF-8 */
};

/* vtfilter.c */
void	vtfilter_flush(struct vtfilter *);
void	vtfilter_put(struct vtfilter *, const void *, size_t);
void	vtfilter_putc(struct vtfilter *, u_char);
void	vtfilter_print(struct vtfilter *, uint32_t);
void	vtfilter_seq_pass(struct vtfilter *, u_char);
void	vtfilter_seq_drop(struct vtfilter *);

/* vtfilter-csi.c */
void	vtfilter_esc_dispatch(struct vtfilter *, u_char);
void	vtfilter_csi_dispatch(struct vtfilter *, u_char);
void	vtfilter_reset_state(struct vtfilter *);

/* vtfilter-osc.c */
void	vtfilter_osc_begin(struct vtfilter *, uint64_t);
void	vtfilter_osc_release(struct vtfilter *);
void	vtfilter_osc_add(struct vtfilter *, uint32_t);
void	vtfilter_osc_dispatch(struct vtfilter *);

#endif
