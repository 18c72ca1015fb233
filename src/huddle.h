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

#ifndef HUDDLE_H
#define HUDDLE_H

#include <sys/types.h>
#include <sys/time.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>

#include "compat.h"
#include "protocol.h"

struct evbuffer;
struct event;
struct bufferevent;

struct term;
struct vtfilter;
struct grid;
struct recorder;
struct qcmd;
struct stream;

/* Default socket name and limits. */
#define HUDDLE_SOCKET_NAME "default"
#define HUDDLE_MAX_SESSIONS 1000
#define HUDDLE_MAX_CLIENTS 1000
#define HUDDLE_MAX_USER_CLIENTS 100	/* for a user other than the owner */
#define HUDDLE_OWNER_CLIENTS 16		/* kept for the owner */
#define HUDDLE_MAX_NAME 128		/* session name length */
#define HUDDLE_MAX_SIZE 1000		/* columns or rows */
#define HUDDLE_MAX_HISTORY 100000	/* history-limit */
#define HUDDLE_DEFAULT_TERM "screen-256color"

/* Exit statuses. */
#define EXIT_USAGE 2

/* Key codes: a Unicode code point, or a special key; modifiers above. */
#define KEYC_NONE		0x0fffffffULL
#define KEYC_BASE		0x10000000ULL
#define KEYC_MASK_KEY		0x0fffffffffULL
#define KEYC_CTRL		0x1000000000ULL
#define KEYC_META		0x2000000000ULL
#define KEYC_SHIFT		0x4000000000ULL
#define KEYC_MASK_MODIFIERS	(KEYC_CTRL|KEYC_META|KEYC_SHIFT)
#define KEYC_IS_SPECIAL(k)	(((k) & KEYC_MASK_KEY) >= KEYC_BASE)
enum key_special {
	KEYC_F1 = KEYC_BASE,
	KEYC_F2,
	KEYC_F3,
	KEYC_F4,
	KEYC_F5,
	KEYC_F6,
	KEYC_F7,
	KEYC_F8,
	KEYC_F9,
	KEYC_F10,
	KEYC_F11,
	KEYC_F12,
	KEYC_IC,
	KEYC_DC,
	KEYC_HOME,
	KEYC_END,
	KEYC_NPAGE,
	KEYC_PPAGE,
	KEYC_BTAB,
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_BSPACE,
	KEYC_KP_SLASH,
	KEYC_KP_STAR,
	KEYC_KP_MINUS,
	KEYC_KP_PLUS,
	KEYC_KP_ENTER,
	KEYC_KP_PERIOD,
	KEYC_KP_0,
	KEYC_KP_1,
	KEYC_KP_2,
	KEYC_KP_3,
	KEYC_KP_4,
	KEYC_KP_5,
	KEYC_KP_6,
	KEYC_KP_7,
	KEYC_KP_8,
	KEYC_KP_9,
	KEYC_SPECIAL_END
};

/* A mouse event to encode for a pane. */
struct mouse_event {
	u_int		 x;		/* pane column, 0-based */
	u_int		 y;		/* pane row, 0-based */
	u_int		 button;	/* 0 left, 1 middle, 2 right, 64/65 wheel */
	u_int		 mods;
#define MOUSE_SHIFT 4
#define MOUSE_META 8
#define MOUSE_CTRL 16
	enum {
		MOUSE_PRESS,
		MOUSE_RELEASE,
		MOUSE_DRAG,	/* motion with a button held */
		MOUSE_MOVE	/* motion with no button */
	}		 type;
};

/* A format tree: name/value pairs for #{name} expansion. */
struct format_tree;

/* Options. */
enum option_type {
	OPTION_NUMBER,
	OPTION_STRING,
	OPTION_FLAG,
	OPTION_CHOICE,
	OPTION_KEY
};
struct option_entry {
	const char	 *name;
	enum option_type  type;
	long long	  minimum;
	long long	  maximum;
	const char	**choices;
	const char	 *default_str;
	long long	  default_num;
	const char	 *text;
};
struct option {
	const struct option_entry *entry;
	char			*str;
	long long		 num;
	TAILQ_ENTRY(option)	 link;
};
TAILQ_HEAD(option_list, option);
struct options {
	struct option_list	 list;
	struct options		*parent;
};

/* Parsed command arguments. */
#define ARGS_LONG_BASE 256
enum args_long_code {
	ARGS_JSON = ARGS_LONG_BASE,
	ARGS_TIMEOUT,
	ARGS_RECORD,
	ARGS_STOP,
	ARGS_INPUT,
	ARGS_VIA,
	ARGS_LONG_END
};
struct args_long {
	const char	*name;
	int		 has_arg;
	int		 code;
};
struct args {
	char		*values[ARGS_LONG_END];	/* flag value, or "" */
	int		 set[ARGS_LONG_END];
	int		 argc;
	char	       **argv;
};

/* One of huddle's own OSC 133 marks, at its place in a pane's output. */
struct pane_mark {
	char		 kind;		/* A, B, C, D or P */
	int		 status;	/* D: exit status, -1 if none */
	int		 cont;		/* P: k=s, a continuation prompt */
	uint64_t	 offset;	/* its first byte */
	uint64_t	 end;		/* just after it */
	u_int		 cx;		/* the cursor when it came */
	u_int		 cy;
};

/* A pane: a pty, the program on it, and its terminal state. */
struct window_pane {
	u_int		 id;
	struct window	*window;

	int		 fd;
	pid_t		 pid;
	int		 flags;
#define PANE_EXITED 0x1		/* child reaped */
#define PANE_EOF 0x2		/* pty gave EOF or an error */
	int		 status;	/* wait status once exited */

	struct event	*read_ev;
	int		 priority;	/* of read_ev */
	struct event	*write_ev;
	struct evbuffer	*write_buf;

	struct term	*term;
	struct vtfilter	*vt;
	u_int		 sx;
	u_int		 sy;

	char		*title;
	char		*cwd;
	uint64_t	 written;	/* bytes read from the program */

	struct recorder	*recorder;	/* asciicast recording, if any */

	/* Output not yet handed to the taps (recorder, streams, queue). */
	struct evbuffer	*raw;
	uint64_t	 raw_off;	/* stream offset of raw's first byte */
	struct pane_mark *marks;	/* huddle's marks in raw, in order */
	u_int		 nmarks;

	/* Shell integration and the command queue (queue.c). */
	int		 shell;
#define PANE_SHELL_NONE 0	/* no marks: fall back on quiet time */
#define PANE_SHELL_EXPECT 1	/* integration injected, no mark yet */
#define PANE_SHELL_MARKS 2	/* the shell's marks drive the queue */
	int		 prompt;
#define PANE_PROMPT_NONE 0	/* drawing a prompt, or unknown */
#define PANE_PROMPT_READY 1	/* at a primary prompt (B seen) */
#define PANE_PROMPT_BUSY 2	/* a command runs (C seen) */
#define PANE_PROMPT_CONT 3	/* at a continuation prompt */
	u_int		 prompt_x;	/* cursor at the B mark */
	u_int		 prompt_y;
	size_t		 typed;		/* input bytes since the B mark */
	int		 typeahead;	/* input came while no prompt was up */
	int		 fresh;		/* a D mark: the next prompt is new */
	u_int		 queued;	/* commands waiting */
	struct timeval	 spawned;
	struct timeval	 last_input;
	struct timeval	 last_output;
	struct qcmd	*running;
	struct event	*queue_timer;

	struct grid	*screen;	/* last snapshot, for frames */
	int		 redraw;
#define PANE_REDRAW_DIRTY 0x1		/* output since the last snapshot */
#define PANE_REDRAW_UPDATED 0x2		/* snapshot changed this round */
	struct timeval	 sync_since;	/* synchronized output began */
	struct timeval	 frame_last;	/* last snapshot for frames */
	u_int		 frame_gen;	/* snapshots taken */

	TAILQ_ENTRY(window_pane) entry;
	TAILQ_ENTRY(window_pane) all_entry;
};
TAILQ_HEAD(window_panes, window_pane);

/* A window: panes sharing one area of the session. */
struct window {
	u_int		 id;
	u_int		 idx;
	struct session	*session;
	struct window_panes panes;
	struct window_pane *active;
	u_int		 sx;
	u_int		 sy;
	TAILQ_ENTRY(window) entry;
};
TAILQ_HEAD(windows, window);

/* A session. */
struct session {
	u_int		 id;
	char		*name;
	struct timeval	 created;
	struct timeval	 activity;
	struct windows	 windows;
	struct window	*curw;
	u_int		 sx;
	u_int		 sy;
	int		 flags;
#define SESSION_DEAD 0x1
	int		 references;
	char		*last_user;	/* who typed last */
	u_int		 last_client;	/* id of the client that typed last */
	char		 secret[33];	/* in huddle's own OSC 133 marks */
	TAILQ_HEAD(, stream) streams;	/* stream subscribers */
	TAILQ_ENTRY(session) entry;
};
TAILQ_HEAD(sessions, session);

/* A connection to the server. */
struct client {
	u_int		 id;
	struct peer	*peer;
	uid_t		 uid;
	gid_t		 gid;
	pid_t		 pid;
	char		*user;
	int		 flags;
#define CLIENT_HELLO 0x1	/* hello received */
#define CLIENT_READONLY 0x2	/* observer */
#define CLIENT_OWNER 0x4	/* the server's owner or root */
#define CLIENT_DEAD 0x8		/* closing, ignore further input */
#define CLIENT_EXIT 0x10	/* close once output is flushed */
	enum msg_kind	 kind;
	enum msg_via	 via;
	char		*term;
	u_int		 sx;
	u_int		 sy;
	struct timeval	 created;
	struct timeval	 activity;

	struct session	*session;
	struct cmd_item	*item;		/* command in flight */

	/* Attached clients. */
	struct grid	*shadow;	/* what the client is known to hold */
	u_int		 shadow_pane;	/* the shadow is this pane's snapshot */
	u_int		 shadow_gen;	/* number shadow_gen; 0 if not known */
	int		 redraw;
#define CLIENT_REDRAW_FRAME 0x1		/* send a frame when possible */
#define CLIENT_REDRAW_CLEAR 0x2		/* the client must start afresh */
#define CLIENT_REDRAW_STATUS 0x4	/* send MSG_STATUS */
	struct timeval	 last_input;
	u_int		 refused;	/* input refused (observer) */
	int		 granted_readonly; /* highest mode allowed is observer */
	int		 asked_readonly;	/* attach -r */
	struct timeval	 size_time;	/* last attached, resized or typed */

	TAILQ_ENTRY(client) entry;
};
TAILQ_HEAD(clients, client);

/* A command in the table. */
#define CMD_OPERATOR 0x1	/* needs an operator */
#define CMD_STARTSERVER 0x2	/* may start a server (new) */
#define CMD_CLIENTSIDE 0x4	/* runs in the client process (attach, proxy) */
#define CMD_OWNER 0x8		/* only the server's owner */
enum cmd_retval {
	CMD_RETURN_NORMAL = 0,
	CMD_RETURN_ERROR = 1,
	CMD_RETURN_USAGE = 2,
	CMD_RETURN_WAIT = 3	/* finished later with cmd_done() */
};
struct cmd_item;
struct cmd_entry {
	const char		*name;
	const char		*alias;
	const char		*alias2;
	const char		*args;		/* getopt-style short flags */
	const struct args_long	*long_args;
	int			 min_args;
	int			 max_args;
	const char		*usage;
	int			 flags;
	int			(*readonly)(struct args *); /* this use reads only */
	enum cmd_retval		(*exec)(struct cmd_item *);
};
struct cmd_item {
	struct client		*client;
	const struct cmd_entry	*entry;
	struct args		*args;
	char			*cwd;
	char			*current;	/* caller's HUDDLE variable */
	int			 retval;
	void			*data;		/* command-private, for WAIT */
	void			(*cancel)(struct cmd_item *);
};

/* global.c */
extern struct options	*global_options;
extern const char	*socket_path;
extern int		 log_level;
extern struct timeval	 start_time;
const char	*getshell(void);
int		 checkshell(const char *);

/* socket.c */
char		*huddle_socket_path(const char *, const char *, char **);
int		 socket_connect(const char *);
int		 socket_listen(const char *, char **);
int		 socket_lock(const char *);
void		 socket_unlock(const char *, int);

/* log.c */
void		 log_add_level(void);
int		 log_get_level(void);
void		 log_set_dir(void);
void		 log_open(const char *);
void		 log_toggle(const char *);
void		 log_close(void);
void printflike(1, 2) log_debug(const char *, ...);
__dead void printflike(1, 2) fatal(const char *, ...);
__dead void printflike(1, 2) fatalx(const char *, ...);

/* xmalloc.c */
void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xrealloc(void *, size_t);
void		*xreallocarray(void *, size_t, size_t);
char		*xstrdup(const char *);
char		*xstrndup(const char *, size_t);
int printflike(2, 3) xasprintf(char **, const char *, ...);
int		 xvasprintf(char **, const char *, va_list);
int printflike(3, 4) xsnprintf(char *, size_t, const char *, ...);

/* keys.c */
int		 keys_parse(const char *, uint64_t *);
int		 keys_valid(uint64_t);
const char	*keys_name(uint64_t, char *, size_t);

/* input.c */
#define INPUT_KEY_MAX 64
int		 input_key_encode(uint64_t, int, u_char *, size_t);
char		*input_paste_encode(const char *, size_t, int, size_t *);
int		 input_mouse_encode(const struct mouse_event *, int, u_int,
		     u_int, u_char *, size_t);
int		 input_focus_encode(int, int, u_char *, size_t);

/* format.c */
struct format_tree *format_create(void);
void		 format_free(struct format_tree *);
void printflike(3, 4) format_add(struct format_tree *, const char *,
		     const char *, ...);
const char	*format_find(struct format_tree *, const char *);
char		*format_expand(struct format_tree *, const char *);

/* format-fill.c */
void		 format_fill_server(struct format_tree *);
void		 format_fill_session(struct format_tree *, struct session *);
void		 format_fill_pane(struct format_tree *, struct window_pane *);
u_int		 session_count_windows(struct session *);

/* json.c */
void		 json_add_string(struct evbuffer *, const char *, size_t);
void		 json_add_key(struct evbuffer *, int, const char *);
void		 json_add_key_string(struct evbuffer *, int, const char *,
		     const char *);
void		 json_add_key_number(struct evbuffer *, int, const char *,
		     long long);
void		 json_add_key_bool(struct evbuffer *, int, const char *, int);
void		 json_add_key_time(struct evbuffer *, int, const char *,
		     const struct timeval *);
char		*json_escape(const char *, size_t);

/* utf8.c */
int		 utf8_encode(uint32_t, char *);
size_t		 utf8_lead_length(u_char);
size_t		 utf8_valid_length(const u_char *, size_t);
char		*utf8_escape(const char *);
const char	*esc(const char *);

/* target.c */
struct target {
	char		*session;	/* NULL: default */
	int		 window;	/* -1: current */
	int		 pane;		/* -1: active */
};
int		 target_parse(const char *, struct target *, char **);
void		 target_clear(struct target *);
struct session	*target_find_session(struct cmd_item *, const char *,
		     char **);
struct session	*target_current(const char *);
struct window_pane *target_find_pane(struct cmd_item *, const char *,
		     struct session **, char **);

/* options.c */
extern const struct option_entry options_table[];
struct options	*options_create(struct options *);
void		 options_free(struct options *);
const struct option_entry *options_entry_find(const char *);
struct option	*options_get(struct options *, const char *);
const char	*options_get_string(struct options *, const char *);
long long	 options_get_number(struct options *, const char *);
int		 options_set(struct options *, const char *, const char *,
		     char **);
void		 options_unset(struct options *, const char *);
void		 options_default(struct options *);
void		 options_default_one(struct options *,
		     const struct option_entry *);
char		*options_to_string(struct option *);

/* args.c */
struct args	*args_parse(const struct cmd_entry *, int, char **, char **);
void		 args_free(struct args *);
int		 args_has(struct args *, int);
const char	*args_get(struct args *, int);
long long	 args_number(struct args *, int, long long, long long,
		     char **);
int		 args_seconds(struct args *, int, double *, char **);

/* cmd.c */
extern const struct cmd_entry *cmd_table[];
const struct cmd_entry *cmd_find(const char *, char **);
struct cmd_item	*cmd_prepare(struct client *, int, char **, const char *,
		     const char *, char **, int *);
void		 cmd_run(struct client *, struct msg_command *);
int		 cmd_run_internal(int, char **, char **);
void printflike(2, 3) cmd_print(struct cmd_item *, const char *, ...);
void		 cmd_write(struct cmd_item *, int, const void *, size_t);
enum cmd_retval printflike(2, 3) cmd_error(struct cmd_item *, const char *,
		     ...);
void		 cmd_done(struct cmd_item *, int);
void		 cmd_item_free(struct cmd_item *);
int		 cmd_split(const char *, int *, char ***, char **);
void		 cmd_free_argv(int, char **);
char		*cmd_path(struct cmd_item *, const char *);
const char	*cmd_usage_line(const struct cmd_entry *, char *, size_t);

/* client.c */
int		 client_connect(int, const char *, int);
void		 client_send_hello(int, enum msg_kind, enum msg_via);
int		 client_wait(int);
int		 client_command(int, char **, int, const char *, int);
int		 client_command_capture(int, char **, int, const char *, int,
		     char **);

/* proxy.c */
int		 proxy_main(void);
int		 proxy_spawn(const char *, const char *, pid_t *, char **);

/* audit.c */
int		 audit_open(const char *, char **);
void		 audit_close(void);
struct evbuffer	*audit_start(const char *);
void		 audit_add_client(struct evbuffer *, struct client *);
void		 audit_finish(struct evbuffer *);

/* record.c */
struct recorder	*record_start(struct window_pane *, const char *, int, int,
		     char **);
void		 record_stop(struct recorder *);
void		 record_output(struct recorder *, const u_char *, size_t);
void		 record_resize(struct recorder *, u_int, u_int);
void		 record_input(struct recorder *, const void *, size_t);
void		 record_marker(struct recorder *, const char *);

/* cfg.c */
int		 cfg_load(const char *, int);
void printflike(1, 2) cfg_add_error(const char *, ...);
char		*cfg_take_errors(void);
const char	*cfg_where(void);

/* server.c */
extern struct sessions	 sessions;
extern struct clients	 clients;
extern struct event_base *server_base;
extern uid_t		 server_uid;
int		 server_start(const char *, int, int, char **);
void		 server_exit_check(void);
void		 server_shutdown(void);
void		 server_shutdown_except(struct client *);
void		 server_add_session(void);
char		*server_user_name(uid_t);
void printflike(2, 3) server_message(struct session *, const char *, ...);
void		 server_restore_files(void);

/* server-client.c */
struct client	*server_client_create(int);
void		 server_client_lost(struct client *);
void		 server_client_send(struct client *, uint32_t,
		     struct msg_buf *);
void		 server_client_exit(struct client *, int);
void		 server_client_output(struct client *, int, const void *,
		     size_t);
void		 server_client_error(struct client *, const char *);
void		 server_client_session_gone(struct client *, const char *);
void		 server_client_shutdown(struct client *);
void		 server_client_message(struct client *, const char *);
void		 server_client_prompt_done(struct client *, int);
void		 server_client_drop(struct client *, const char *);
void		 server_client_revoke(struct client *);
void		 server_client_set_mode(struct client *, int, int);
void		 server_client_free_all(void);

/* cmd-clients.c */
const char	*cmd_clients_via(struct client *);

/* server-acl.c */
int		 server_acl_parse(const char *, int *, id_t *, char **);
char		*server_acl_name(int, id_t);
int		 server_acl_check(uid_t, gid_t, int *);
int		 server_acl_set(const char *, int, int, char **);
int		 server_acl_remove(const char *, char **);
void		 server_acl_each(void (*)(int, id_t, int, void *), void *);
void		 server_acl_recheck(void);
void		 server_acl_free(void);

/* server-attach.c */
void		 server_attach(struct client *, struct msg_reader *);
void		 server_attach_input(struct client *, uint32_t,
		     struct msg_reader *);
void		 server_attach_detach(struct client *, enum msg_detach);
void		 server_attach_lost(struct client *);
void		 server_attach_prompt(struct client *, struct msg_reader *);
void		 server_attach_options(struct client *);
void		 server_attach_audit(const char *, struct client *,
		     struct session *);
int		 server_attach_area(struct client *, u_int *, u_int *);

/* server-redraw.c */
void		 server_redraw_pane(struct window_pane *);
void		 server_redraw_client(struct client *, int);
void		 server_redraw_session(struct session *, int);
void		 server_redraw_status(struct session *);
void		 server_redraw_free(void);
void		 server_bell(struct window_pane *);
void		 server_clipboard(struct session *, const char *, const char *,
		     size_t);

/* session.c */
void		 session_resize(struct session *, u_int, u_int);
void		 session_recalc_size(struct session *);
struct session	*session_create(const char *, u_int, u_int, char **);
void		 session_destroy(struct session *, const char *);
struct session	*session_find(const char *);
struct session	*session_find_id(u_int);
struct session	*session_most_recent(void);
int		 session_check_name(const char *, char **);
void		 session_update_activity(struct session *);
void		 session_pane_gone(struct session *);
u_int		 session_count_clients(struct session *, int);

/* window.c */
struct window	*window_create(struct session *, u_int, u_int);
void		 window_destroy(struct window *);
void		 window_resize(struct window *, u_int, u_int);
void		 window_remove_pane(struct window *, struct window_pane *);

/* pane.c */
struct window_pane *pane_create(struct window *, u_int, u_int, u_int);
void		 pane_destroy(struct window_pane *);
int		 pane_spawn(struct window_pane *, int, char **, const char *,
		     char **);
void		 pane_write(struct window_pane *, const void *, size_t);
int		 pane_write_key(struct window_pane *, uint64_t);
void		 pane_write_input(struct window_pane *, const void *, size_t);
void		 pane_record_stop(struct window_pane *);
void		 pane_resize(struct window_pane *, u_int, u_int);
void		 pane_child_exited(struct window_pane *, int);
int		 pane_modes(struct window_pane *);
int		 pane_flooding(struct window_pane *);
struct window_pane *pane_find_by_pid(pid_t);

/* spawn.c */
pid_t		 spawn_pty(int, char **, const char *, char **, char **,
		     u_int, u_int, int *, char **);

/* shell.c */
int		 shell_secret(char *, size_t);
int		 shell_prepare(const char *, const char *, char **, int *,
		     char ***);
void		 shell_cleanup(void);

#endif
