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

#ifndef HARNESS_H
#define HARNESS_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

struct msg_buf;

/*
 * The integration test harness: a private temporary directory and socket,
 * the real huddle binary run with a deadline, the screen read back with
 * capture, waits on a condition (never a bare sleep), and every process
 * started ended by its recorded PID.
 */

#define HARNESS_TIMEOUT_MS 10000

struct harness {
	char		 dir[256];
	char		 sock[300];
	const char	*bin;
	pid_t		 server_pid;
	pid_t		 extra[32];	/* other processes to end by PID */
	int		 nextra;
};

/* Result of running the binary. */
struct run {
	int		 status;	/* exit status, or 128+signal */
	char		*out;
	char		*err;
};

int	 harness_init(struct harness *);
void	 harness_done(struct harness *);
int	 harness_run(struct harness *, struct run *, ...);
int	 harness_runv(struct harness *, struct run *, const char *const *);
int	 harness_run_raw(struct harness *, struct run *, const char *const *,
	     const char *const *);
int	 harness_run_env(struct harness *, struct run *, const char *const *,
	     ...);
void	 run_free(struct run *);
int	 harness_run_as(struct harness *, struct run *, uid_t, gid_t,
	     const char *const *);
char	*harness_capture(struct harness *, const char *, const char *);
int	 harness_wait_capture(struct harness *, const char *, const char *,
	     int);
int	 harness_wait_gone(struct harness *, const char *, int);
int	 harness_wait_file(const char *, int);
int	 harness_wait_nofile(const char *, int);
char	*harness_wait_line(const char *, int);
int	 harness_wait_pid(pid_t, int);
int	 harness_reap(pid_t, int);
pid_t	 harness_server(struct harness *);
void	 harness_track(struct harness *, pid_t);
void	 harness_msleep(int);
long long harness_now_ms(void);
char	*harness_read_file(const char *, size_t *);
int	 harness_connect(struct harness *);
int	 harness_skip(const char *);

/*
 * An attached client on a pty the test owns. Everything the client writes
 * is fed into a libtsm screen of the test's own, so tests read exactly what
 * a user would see.
 */
struct harness_tty {
	pid_t		 pid;
	int		 fd;
	struct term	*term;
	unsigned int	 sx;
	unsigned int	 sy;
	int		 exited;
	int		 status;
	char		*raw;		/* everything written, for checks */
	size_t		 rawlen;
};

int	 harness_tty_start(struct harness *, struct harness_tty *,
	     unsigned int, unsigned int, const char *, const char *const *);
int	 harness_tty_start_as(struct harness *, struct harness_tty *,
	     unsigned int, unsigned int, const char *, const char *const *,
	     uid_t, gid_t);
int	 harness_tty_pump(struct harness_tty *, int);
char	*harness_tty_screen(struct harness_tty *);
int	 harness_tty_wait(struct harness_tty *, const char *, int);
int	 harness_tty_wait_gone(struct harness_tty *, const char *, int);
void	 harness_tty_write(struct harness_tty *, const char *, size_t);
void	 harness_tty_resize(struct harness_tty *, unsigned int,
	     unsigned int);
int	 harness_tty_wait_exit(struct harness_tty *, int);
void	 harness_tty_free(struct harness_tty *);

/* A raw protocol connection, for tests that speak to the server directly. */
struct harness_peer {
	int		 fd;
	unsigned char	*buf;
	size_t		 len;
	/* The last message read. */
	uint32_t	 type;
	unsigned char	*payload;
	size_t		 size;
};

int	 harness_peer_open(struct harness *, struct harness_peer *, int,
	     unsigned int, unsigned int);
int	 harness_peer_send(struct harness_peer *, struct msg_buf *);
int	 harness_peer_read(struct harness_peer *, int);
int	 harness_peer_wait(struct harness_peer *, uint32_t, int);
void	 harness_peer_close(struct harness_peer *);

#define HARNESS_SKIP 77	/* automake's exit status for a skipped test */

#endif
