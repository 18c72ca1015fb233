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

#ifndef QUEUE_H
#define QUEUE_H

/*
 * The command queue: command lines queued for a pane's shell, run one at a
 * time at a fresh prompt, each with its own output and exit status.
 */

#define QUEUE_MAX_QUEUED 256	/* commands waiting, per pane */
#define QUEUE_KEEP_DONE 100	/* finished commands kept, per pane */
#define QUEUE_KEEP_OUTPUT (16 * 1024 * 1024) /* their output, per pane */
#define QUEUE_MAX_LINE 16384	/* bytes in a command line */

struct qwait;

struct qcmd {
	u_int		 id;		/* cmd-N, unique for the server */
	struct window_pane *wp;
	char		*line;
	char		*user;
	uid_t		 uid;

	int		 state;
#define QCMD_QUEUED 0
#define QCMD_RUNNING 1
#define QCMD_DONE 2
#define QCMD_CANCELLED 3
#define QCMD_LOST 4		/* the pane ended before it finished */
	int		 flags;
#define QCMD_OUTPUT 0x1		/* its start mark came: output is its */
#define QCMD_NOMARKS 0x2	/* run without marks: status unknown */
#define QCMD_NOCOMMAND 0x4	/* the shell ran nothing for it */
	int		 status;	/* exit status, -1 if unknown */

	struct timeval	 queued;
	struct timeval	 started;
	struct timeval	 finished;

	struct evbuffer	*output;	/* the last command-output-limit bytes */
	uint64_t	 total;		/* output bytes seen */
	uint64_t	 dropped;	/* dropped from the front */

	TAILQ_HEAD(, qwait) waiters;
	TAILQ_ENTRY(qcmd) entry;
};
TAILQ_HEAD(qcmds, qcmd);

extern struct qcmds	 queue_all;

struct qcmd	*queue_add(struct window_pane *, const char *, const char *,
		     uid_t, char **);
struct qcmd	*queue_find(const char *, char **);
int		 queue_cancel(struct qcmd *, char **);
const char	*queue_state_name(struct qcmd *);
int		 queue_wait(struct cmd_item *, struct qcmd *, int, double);
int		 queue_wait_self(struct cmd_item *, struct window_pane *,
		     double);
void		 queue_pane_gone(struct window_pane *);
void		 queue_mark(struct window_pane *, const struct pane_mark *);
void		 queue_output(struct window_pane *, const u_char *, size_t);
void		 queue_input(struct window_pane *, size_t);
void		 queue_check(struct window_pane *);
int		 queue_waiting(struct window_pane *);
void		 queue_json(struct evbuffer *, struct qcmd *, int, int);
void		 queue_pane_init(struct window_pane *);

/* stream.c */
void		 stream_start(struct cmd_item *, struct session *, int);
void		 stream_output(struct window_pane *, const u_char *, size_t);
void		 stream_command(struct session *, const char *, struct qcmd *);
void		 stream_client(struct session *, const char *, struct client *);
void		 stream_resize(struct session *);
void		 stream_message(struct session *, const char *);
void		 stream_end(struct session *, const char *);

/* cmd-wait.c */
struct qcmd	*cmd_find_queued(struct cmd_item *, const char *);

/* strip.c */
char		*strip_output(const u_char *, size_t, u_int, size_t *);

#endif
