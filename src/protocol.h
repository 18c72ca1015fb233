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

#ifndef PROTOCOL_H
#define PROTOCOL_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

/*
 * The wire contract between huddle clients and the server.
 *
 * Every message is an 8-byte header followed by a payload:
 *	u32 type, u32 payload length	(network byte order)
 * Fields inside payloads are encoded in order, in network byte order:
 *	u8, u16, u32, u64	fixed width
 *	str			u32 length, then that many bytes (no NUL)
 *	bytes			u32 length, then that many bytes
 * No file descriptor is ever passed, so the same bytes work through an
 * SSH-forwarded socket or `huddle proxy`.
 *
 * Never renumber a type; a retired type stays as a comment. Any change to a
 * message's fields bumps HUDDLE_PROTOCOL_VERSION in the same commit.
 */
#define HUDDLE_PROTOCOL_VERSION 1

/* Limits: checked before anything is allocated. */
#define MSG_HEADER_SIZE 8
#define MSG_MAX_PAYLOAD (1024 * 1024)	/* largest payload accepted */
#define MSG_MAX_STRING (256 * 1024)	/* largest string field */
#define MSG_MAX_ARGS 1024		/* argv entries in MSG_COMMAND */
#define MSG_OUTPUT_CHUNK (64 * 1024)	/* output is split at this size */

enum msg_type {
	/*
	 * MSG_HELLO: u32 protocol version, u8 kind (enum msg_kind), str
	 * terminal type (may be empty), u16 columns, u16 rows, u8 via (enum
	 * msg_via). Always the first message from a client.
	 */
	MSG_HELLO = 1,
	/* MSG_HELLO_OK: u32 protocol version, u32 client id, u32 server pid. */
	MSG_HELLO_OK = 2,
	/* MSG_ERROR: str message. The sender closes the connection after it. */
	MSG_ERROR = 3,

	/*
	 * MSG_COMMAND: str cwd, str current (the HUDDLE variable of the
	 * caller, may be empty), u32 argc, argc x str argv.
	 */
	MSG_COMMAND = 100,
	/* MSG_OUTPUT: u8 stream (1 stdout, 2 stderr), bytes data. */
	MSG_OUTPUT = 101,
	/* MSG_EXIT: u32 exit status. The server closes after it. */
	MSG_EXIT = 102,

	/*
	 * Attached clients (hello kind MSG_KIND_ATTACH).
	 *
	 * MSG_ATTACH (client): str cwd, str current (HUDDLE), str target (may
	 * be empty), u8 flags (MSG_ATTACH_*). The first message after hello.
	 * Answered with MSG_ATTACHED, or MSG_ERROR saying why it failed.
	 */
	MSG_ATTACH = 200,
	/*
	 * MSG_ATTACHED (server): str session name, u8 readonly (1 observer),
	 * u32 client id, then the client options as in MSG_OPTIONS. Frames
	 * follow.
	 */
	MSG_ATTACHED = 201,
	/*
	 * MSG_FRAME (server): u16 sx, u16 sy (the area the frame covers), u16
	 * cx, u16 cy (cursor), u8 cursor flags (MSG_CURSOR_*), u8 cursor style
	 * (DECSCUSR 0-6), u32 modes (the program's MODE_* bits the outer
	 * terminal should mirror: mouse, bracketed paste, focus), u8 flags
	 * (MSG_FRAME_*), u32 nruns, then nruns runs of: u16 y, u16 x, u16 n,
	 * and n cells. Each cell is a u32: bits 0-20 the code point (0 for a
	 * blank cell), bits 24-25 the width (0 for the right half of a wide
	 * character, which carries no code point), bit 31 set if attributes
	 * follow as u16 attr (CELL_*), u32 fg, u32 bg (term.h colours);
	 * otherwise the previous cell's attributes (in the same run; a run
	 * starts from default attributes) apply.
	 */
	MSG_FRAME = 202,
	/*
	 * MSG_STATUS (server): str session name, u8 readonly, u16 operators,
	 * u16 observers, str user who typed last (may be empty), str title
	 * (control characters removed), u8 flags (MSG_STATUS_*).
	 */
	MSG_STATUS = 203,
	/* MSG_MESSAGE (server): str text for the status line. */
	MSG_MESSAGE = 204,
	/* MSG_BELL (server): empty. */
	MSG_BELL = 205,
	/*
	 * MSG_DETACHED (server): u8 reason (MSG_DETACH_*), str session name.
	 * The server closes after it.
	 */
	MSG_DETACHED = 206,
	/*
	 * MSG_CLIPBOARD (server): str selection (OSC 52's first field), bytes
	 * base64 data. Only with the set-clipboard option, only to operators.
	 */
	MSG_CLIPBOARD = 207,

	/* MSG_KEY (client): u64 key code (KEYC_* in huddle.h). */
	MSG_KEY = 220,
	/* MSG_PASTE (client): bytes text (without the bracketing). */
	MSG_PASTE = 221,
	/*
	 * MSG_MOUSE (client): u8 type (press 0, release 1, drag 2, move 3),
	 * u16 button, u16 modifiers, u16 x, u16 y (0-based, in the session).
	 */
	MSG_MOUSE = 222,
	/* MSG_RESIZE (client): u16 columns, u16 rows of the client's terminal. */
	MSG_RESIZE = 223,
	/* MSG_FOCUS (client): u8 1 in, 0 out. */
	MSG_FOCUS = 224,
	/* MSG_DETACH (client): empty. The client wants to leave. */
	MSG_DETACH = 225,
	/* MSG_REDRAW (client): empty. Send the whole screen again. */
	MSG_REDRAW = 226,
	/*
	 * MSG_PROMPT (client): u32 argc, argc x str argv: a command typed at
	 * the command prompt. Answered with MSG_MESSAGE lines and
	 * MSG_PROMPT_DONE. One runs at a time: another sent while one runs is
	 * not run, and is answered with a MSG_MESSAGE and MSG_PROMPT_DONE 1.
	 */
	MSG_PROMPT = 227,
	/* MSG_PROMPT_DONE (server): u32 exit status. */
	MSG_PROMPT_DONE = 228,
	/*
	 * MSG_OPTIONS (server): u64 prefix key, u16 escape-time (ms), u8
	 * status line (0 off, 1 bottom, 2 top), u8 bell (0 off, 1 on). Sent
	 * when they change.
	 */
	MSG_OPTIONS = 229,
};

/* MSG_ATTACH flags. */
#define MSG_ATTACH_READONLY 0x1		/* attach -r */
#define MSG_ATTACH_DETACH_OTHERS 0x2	/* attach -d */

/* MSG_FRAME cursor flags. */
#define MSG_CURSOR_VISIBLE 0x1
#define MSG_CURSOR_BLINK 0x2

/* MSG_FRAME flags. */
#define MSG_FRAME_CLEAR 0x1	/* the client must clear before applying */

/* MSG_FRAME cell word. */
#define MSG_CELL_CH_MASK 0x1fffff
#define MSG_CELL_WIDTH_SHIFT 24
#define MSG_CELL_WIDTH_MASK 0x3
#define MSG_CELL_ATTR 0x80000000U

/* MSG_STATUS flags. */
#define MSG_STATUS_QUEUE_WAITING 0x1	/* a queued command waits */

/* MSG_DETACHED reasons. */
enum msg_detach {
	MSG_DETACH_DETACHED = 0,	/* asked to, by itself or another */
	MSG_DETACH_EXITED = 1,		/* the session ended */
	MSG_DETACH_SERVER_EXITED = 2,	/* the server is shutting down */
	MSG_DETACH_KILLED = 3,		/* the session was killed */
	MSG_DETACH_ACCESS = 4		/* access was revoked */
};
#define MSG_DETACH_MAX MSG_DETACH_ACCESS

/* What a connection is for, declared in MSG_HELLO. */
enum msg_kind {
	MSG_KIND_COMMAND = 1,	/* a one-shot command */
	MSG_KIND_ATTACH = 2,	/* an attached terminal */
};
#define MSG_KIND_MAX MSG_KIND_ATTACH

/* How the client reached the server, as the client says (for display only). */
enum msg_via {
	MSG_VIA_LOCAL = 0,
	MSG_VIA_SSH = 1,
	MSG_VIA_PROXY = 2,
};
#define MSG_VIA_MAX MSG_VIA_PROXY

/* Output streams in MSG_OUTPUT. */
#define MSG_STDOUT 1
#define MSG_STDERR 2

/* A decoding cursor that cannot overrun. */
struct msg_reader {
	const u_char	*p;
	size_t		 left;
};

/* A growable encoding buffer. */
struct msg_buf {
	u_char		*data;
	size_t		 len;
	size_t		 size;
};

/* Result of looking for a whole message in a byte buffer. */
enum msg_parse {
	MSG_PARSE_OK,		/* a whole message is there */
	MSG_PARSE_MORE,		/* need more bytes */
	MSG_PARSE_BAD		/* oversize: close the connection */
};

enum msg_parse	 msg_parse_check(const u_char *, size_t, uint32_t *,
		     size_t *);
const char	*msg_type_name(uint32_t);

void		 msg_reader_init(struct msg_reader *, const u_char *, size_t);
int		 msg_get_u8(struct msg_reader *, uint8_t *);
int		 msg_get_u16(struct msg_reader *, uint16_t *);
int		 msg_get_u32(struct msg_reader *, uint32_t *);
int		 msg_get_u64(struct msg_reader *, uint64_t *);
int		 msg_get_bytes(struct msg_reader *, const u_char **,
		     size_t *);
int		 msg_get_string(struct msg_reader *, char **);
int		 msg_get_end(struct msg_reader *);

void		 msg_buf_init(struct msg_buf *, uint32_t);
void		 msg_buf_free(struct msg_buf *);
void		 msg_put_u8(struct msg_buf *, uint8_t);
void		 msg_put_u16(struct msg_buf *, uint16_t);
void		 msg_put_u32(struct msg_buf *, uint32_t);
void		 msg_put_u64(struct msg_buf *, uint64_t);
void		 msg_put_bytes(struct msg_buf *, const void *, size_t);
void		 msg_put_string(struct msg_buf *, const char *);
int		 msg_buf_finish(struct msg_buf *);

/* Decoded messages. */
struct msg_hello {
	uint32_t	 version;
	uint8_t		 kind;
	char		*term;
	uint16_t	 sx;
	uint16_t	 sy;
	uint8_t		 via;
};
int		 msg_hello_decode(struct msg_reader *, struct msg_hello *);
void		 msg_hello_clear(struct msg_hello *);

struct msg_command {
	char		*cwd;
	char		*current;
	int		 argc;
	char	       **argv;
};
int		 msg_command_decode(struct msg_reader *, struct msg_command *);
void		 msg_command_clear(struct msg_command *);

#endif
