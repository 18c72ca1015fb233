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

#ifndef CLIENT_H
#define CLIENT_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "term.h"
#include "frame.h"

/*
 * The attached client: its terminal's input parsed into events
 * (client-keys.c), the shared screen drawn with ncurses (client-draw.c), the
 * status line, prompt and help (client-status.c), and the connection
 * (client-attach.c).
 */

/* What the key parser found. */
struct client_keys_cb {
	void	(*key)(void *, uint64_t);
	void	(*paste)(void *, const char *, size_t);
	void	(*mouse)(void *, int, u_int, u_int, u_int, u_int);
	void	(*focus)(void *, int);
};

/* A paste is handed over in pieces of at most this (one MSG_PASTE each). */
#define CLIENT_KEYS_MAX_PASTE (MSG_MAX_PAYLOAD - 64)
/* A paste whose end marker does not come within this ends anyway. */
#define CLIENT_KEYS_PASTE_TIME 2000

struct client_keys;

struct client_keys	*client_keys_create(const struct client_keys_cb *,
			     void *);
void			 client_keys_free(struct client_keys *);
void			 client_keys_add(struct client_keys *, const char *,
			     uint64_t);
void			 client_keys_set_backspace(struct client_keys *,
			     u_char);
void			 client_keys_input(struct client_keys *,
			     const u_char *, size_t);
int			 client_keys_pending(struct client_keys *);
int			 client_keys_in_paste(struct client_keys *);
void			 client_keys_timeout(struct client_keys *);

/* The attached client's state. */
struct client_ctx {
	struct event_base	*base;
	struct peer		*peer;
	struct client_keys	*keys;
	struct event		*stdin_ev;
	struct event		*escape_ev;
	struct event		*clock_ev;
	struct event		*message_ev;

	char			*session;
	int			 readonly;
	u_int			 id;
	uint64_t		 prefix;
	int			 prefix_forced;	/* attach -p */
	u_int			 escape_time;
	int			 status;	/* 0 off, 1 bottom, 2 top */
	int			 bell;

	struct grid		 grid;
	struct frame_info	 fi;
	int			 have_frame;
	u_char			 dirty[HUDDLE_MAX_SIZE]; /* rows frames changed */
	struct cell		*drawn;		/* what each terminal cell has */
	u_int			 drawn_sx;
	u_int			 drawn_sy;
	int			 dirty_all;
	struct event		*draw_ev;	/* draw once frames are in */
	int			 modes;		/* outer modes turned on */
	u_int			 cursor_style;
	u_int			 cursor_x;	/* where the cursor is drawn */
	u_int			 cursor_y;
	int			 cursor_on;
	u_int			 top;		/* the session's first row */
	u_int			 ox;		/* grid cell in the top left */
	u_int			 oy;

	u_int			 cols;		/* the terminal's size */
	u_int			 rows;

	/* Status line. */
	u_int			 ops;
	u_int			 obs;
	int			 status_flags;	/* MSG_STATUS_* */
	char			*last_user;
	char			*title;
	char			*message;
	char			 clock[8];

	/* Prefix, prompt, command output and help. */
	int			 prefix_pending;
	int			 prompt;
	int			 prompt_busy;	/* sent, not yet done */
	char			*line;
	size_t			 line_len;
	size_t			 line_cursor;
	char		       **history;
	u_int			 nhistory;
	u_int			 history_at;
	char		       **output;	/* the prompt's output */
	u_int			 noutput;
	int			 view;		/* output is shown */
	u_int			 view_top;
	int			 help;

	int			 screen_up;	/* ncurses is running */
	int			 exit_status;
	char			*exit_message;
};

/* client-draw.c */
void	client_draw_frames(struct client_ctx *);
void	client_draw_start(struct client_ctx *);
void	client_draw_init(struct client_ctx *);
void	client_draw_stop(struct client_ctx *);
void	client_draw_resume(struct client_ctx *);
void	client_draw_resize(struct client_ctx *);
void	client_draw(struct client_ctx *);
void	client_draw_modes(struct client_ctx *, int);
void	client_draw_bell(struct client_ctx *);
void	client_draw_invalidate(struct client_ctx *);
void	client_draw_osc(struct client_ctx *, const char *);
void	client_draw_keys(struct client_keys *);
uint32_t client_draw_palette(u_int);
int	client_draw_nearest(uint32_t, u_int);
int	client_draw_map(uint32_t, int, int, int *);
u_int	client_draw_char(uint32_t, u_int, wchar_t *);

/* client-status.c */
void	client_status_draw(struct client_ctx *, int);
void	client_status_message(struct client_ctx *, const char *);
void	client_status_key(struct client_ctx *, uint64_t);
void	client_status_prompt_start(struct client_ctx *);
void	client_status_help_draw(struct client_ctx *);
void	client_status_output(struct client_ctx *, const char *);
int	client_status_output_done(struct client_ctx *);
void	client_status_view_draw(struct client_ctx *, u_int, u_int);
void	client_status_view_key(struct client_ctx *, uint64_t);
void	client_status_free(struct client_ctx *);

/* client-attach.c */
int	client_attach(const char *, int, const char *, const char *,
	    const char *);
void	client_send_key(struct client_ctx *, uint64_t);
void	client_send_prompt(struct client_ctx *, int, char **);
void	client_send_simple(struct client_ctx *, uint32_t);

#endif
