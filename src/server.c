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

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "huddle.h"
#include "queue.h"
#include "peer.h"

/*
 * The server: listens on the socket, accepts connections (checking each
 * peer's credentials with the kernel), reaps children and ends cleanly on
 * SIGTERM.
 */

struct event_base	*server_base;
uid_t			 server_uid;

static int		 server_fd = -1;
static struct event	*server_accept_ev;
static struct event	*server_accept_timer;
static struct event	*server_ev_sigchld;
static struct event	*server_ev_sigterm;
static struct event	*server_ev_sigint;
static struct event	*server_ev_sigusr2;
static struct event	*server_ev_idle;
static int		 server_had_session;
static int		 server_exiting;

/* How long a new server waits for its first session before giving up. */
#define SERVER_IDLE_TIMEOUT 10

/* Descriptors the server may need: clients, a pty and a recording a pane. */
#define SERVER_FILES (HUDDLE_MAX_CLIENTS + 2 * HUDDLE_MAX_SESSIONS + 100)

/* The limit on open files the server started with, for its children. */
static struct rlimit	 server_files;
static int		 server_files_saved;

static void	server_accept(int, short, void *);
static void	server_signal(int, short, void *);

/* Read the peer's uid, gid and pid from the kernel. */
static int
server_peer_creds(int fd, uid_t *uid, gid_t *gid, pid_t *pid)
{
#ifdef SO_PEERCRED
	struct ucred	uc;
	socklen_t	len = sizeof uc;

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len) == 0) {
		*uid = uc.uid;
		*gid = uc.gid;
		*pid = uc.pid;
		return (0);
	}
#endif
	*pid = -1;
	return (getpeereid(fd, uid, gid));
}

/* A user name for a uid, or the number. */
char *
server_user_name(uid_t uid)
{
	struct passwd	*pw;
	char		*s;

	if ((pw = getpwuid(uid)) != NULL)
		return (xstrdup(pw->pw_name));
	xasprintf(&s, "%ld", (long)uid);
	return (s);
}

/*
 * A refused connection: it is told why, then what it sends is read and
 * dropped until it closes (closing first could reset the connection before
 * the client reads the reason), or until a short time has passed.
 */
struct server_refused {
	struct peer	*peer;
	struct event	*timer;
};

#define SERVER_REFUSED_SECONDS 5

/* Free a refused connection. */
static void
server_refused_free(struct server_refused *sr)
{
	event_free(sr->timer);
	peer_free(sr->peer);
	free(sr);
}

/* Anything a refused peer sends is dropped. */
static void
server_refused_dispatch(struct peer *peer, uint32_t type,
    struct msg_reader *r, void *arg)
{
}

/* The refused peer went away. */
static void
server_refused_lost(struct peer *peer, const char *why, void *arg)
{
	server_refused_free(arg);
}

/* The refused peer took too long to go. */
static void
server_refused_timeout(evutil_socket_t fd, short events, void *arg)
{
	server_refused_free(arg);
}

/*
 * Refuse a connection: log why, and tell the peer in one line (text, or
 * "access denied for USER" if NULL).
 */
static void
server_refuse(int fd, uid_t uid, const char *why, const char *text)
{
	struct server_refused	*sr;
	struct evbuffer		*ab;
	struct timeval		 tv = { SERVER_REFUSED_SECONDS, 0 };
	struct msg_buf		 b;
	char			*user, *denied = NULL;

	user = server_user_name(uid);
	log_debug("refused connection from uid %ld (%s): %s", (long)uid, user,
	    why);
	if ((ab = audit_start("connect-refused")) != NULL) {
		json_add_key_number(ab, 0, "uid", uid);
		json_add_key_string(ab, 0, "user", user);
		json_add_key_string(ab, 0, "reason", why);
		audit_finish(ab);
	}
	sr = xcalloc(1, sizeof *sr);
	sr->peer = peer_create(server_base, fd, server_refused_dispatch,
	    server_refused_lost, sr);
	sr->timer = evtimer_new(server_base, server_refused_timeout, sr);
	evtimer_add(sr->timer, &tv);
	if (text == NULL)
		xasprintf(&denied, "access denied for %s", user);
	msg_buf_init(&b, MSG_ERROR);
	msg_put_string(&b, text != NULL ? text : denied);
	peer_send(sr->peer, &b);
	free(denied);
	free(user);
}

/* How many clients are connected, of any kind and state; and from uid. */
static u_int
server_count_clients(uid_t uid, u_int *from)
{
	struct client	*c;
	u_int		 n = 0;

	*from = 0;
	TAILQ_FOREACH(c, &clients, entry) {
		n++;
		if (c->uid == uid)
			(*from)++;
	}
	return (n);
}

/* Accept again, a while after running out of descriptors. */
static void
server_accept_resume(evutil_socket_t fd, short events, void *arg)
{
	if (server_fd != -1)
		event_add(server_accept_ev, NULL);
}

/* Stop accepting for a second. */
static void
server_accept_pause(void)
{
	struct timeval	tv = { 1, 0 };

	event_del(server_accept_ev);
	evtimer_add(server_accept_timer, &tv);
}

/* A new connection. */
static void
server_accept(int fd, short events, void *arg)
{
	struct client	*c;
	struct evbuffer	*ab;
	uid_t		 uid;
	gid_t		 gid;
	pid_t		 pid;
	char		*text;
	int		 newfd, readonly;
	u_int		 total, from;

	newfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK);
	if (newfd == -1) {
		if (errno == EAGAIN || errno == EINTR || errno == ECONNABORTED)
			return;
		log_debug("accept: %s", strerror(errno));
		/* Out of descriptors: the connection would wake us forever. */
		if (errno == EMFILE || errno == ENFILE)
			server_accept_pause();
		return;
	}
	if (server_peer_creds(newfd, &uid, &gid, &pid) != 0) {
		log_debug("couldn't read peer credentials: %s",
		    strerror(errno));
		close(newfd);
		return;
	}
	if (server_acl_check(uid, gid, &readonly) != 0) {
		server_refuse(newfd, uid, "not in the access list", NULL);
		return;
	}
	/*
	 * Another user may hold only so many connections, and never the last
	 * few: someone granted access cannot lock the owner out.
	 */
	total = server_count_clients(uid, &from);
	if (uid != server_uid && uid != 0 &&
	    (from >= HUDDLE_MAX_USER_CLIENTS ||
	    total >= HUDDLE_MAX_CLIENTS - HUDDLE_OWNER_CLIENTS)) {
		xasprintf(&text, "too many clients (at most %d for a user "
		    "other than the owner)", HUDDLE_MAX_USER_CLIENTS);
		server_refuse(newfd, uid, "too many clients", text);
		free(text);
		return;
	}
	if (total >= HUDDLE_MAX_CLIENTS) {
		xasprintf(&text, "too many clients (at most %d)",
		    HUDDLE_MAX_CLIENTS);
		server_refuse(newfd, uid, "too many clients", text);
		free(text);
		return;
	}
	c = server_client_create(newfd);
	c->uid = uid;
	c->gid = gid;
	c->pid = pid;
	c->user = server_user_name(uid);
	c->granted_readonly = readonly;
	if (readonly)
		c->flags |= CLIENT_READONLY;
	if (uid == server_uid || uid == 0)
		c->flags |= CLIENT_OWNER;
	log_debug("client %u: accepted uid %ld (%s) pid %ld", c->id,
	    (long)uid, c->user, (long)pid);
	if ((ab = audit_start("connect")) != NULL) {
		json_add_key_number(ab, 0, "client", c->id);
		json_add_key_number(ab, 0, "uid", uid);
		json_add_key_string(ab, 0, "user", c->user);
		json_add_key_number(ab, 0, "pid", pid);
		audit_finish(ab);
	}
}

/* Reap children and hand their status to their panes. */
static void
server_child(void)
{
	struct window_pane	*wp;
	pid_t			 pid;
	int			 status;

	for (;;) {
		pid = waitpid(WAIT_ANY, &status, WNOHANG);
		if (pid <= 0)
			break;
		if ((wp = pane_find_by_pid(pid)) != NULL)
			pane_child_exited(wp, status);
		else if (WIFEXITED(status))
			log_debug("pid %ld exited with status %d", (long)pid,
			    WEXITSTATUS(status));
		else if (WIFSIGNALED(status))
			log_debug("pid %ld killed by signal %d", (long)pid,
			    WTERMSIG(status));
	}
}

/* Signals, delivered through the event loop. */
static void
server_signal(int sig, short events, void *arg)
{
	switch (sig) {
	case SIGCHLD:
		server_child();
		break;
	case SIGTERM:
	case SIGINT:
		log_debug("signal %d: shutting down", sig);
		server_shutdown();
		break;
	case SIGUSR2:
		log_toggle("server");
		break;
	}
}

/* A new server with no session after a while has nothing to do. */
static void
server_idle(int fd, short events, void *arg)
{
	if (!server_had_session)
		log_debug("no session was created; exiting");
	server_exit_check();
	if (!server_had_session && TAILQ_EMPTY(&sessions))
		server_shutdown();
}

/* Audit an event of the server itself. */
static void
server_audit_simple(const char *event)
{
	struct evbuffer	*b;

	if ((b = audit_start(event)) == NULL)
		return;
	json_add_key_number(b, 0, "pid", getpid());
	json_add_key_string(b, 0, "socket", socket_path);
	audit_finish(b);
}

/* Show a message on every client attached to a session. */
void
server_message(struct session *s, const char *fmt, ...)
{
	struct client	*c;
	va_list		 ap;
	char		*text;

	va_start(ap, fmt);
	xvasprintf(&text, fmt, ap);
	va_end(ap);
	log_debug("message to %s: %s", s != NULL ? s->name : "(none)", text);
	if (s != NULL)
		stream_message(s, text);
	TAILQ_FOREACH(c, &clients, entry) {
		if (c->kind == MSG_KIND_ATTACH && c->session == s)
			server_client_message(c, text);
	}
	free(text);
}

/* Note that a session exists, so the server stays until the last ends. */
void
server_add_session(void)
{
	server_had_session = 1;
}

/* Exit once the last session has gone and nobody is connected. */
void
server_exit_check(void)
{
	if (server_exiting) {
		/* Shutting down: stop once every client has been flushed. */
		if (TAILQ_EMPTY(&clients))
			event_base_loopexit(server_base, NULL);
		return;
	}
	if (!server_had_session)
		return;
	if (!TAILQ_EMPTY(&sessions) || !TAILQ_EMPTY(&clients))
		return;
	log_debug("no sessions left; exiting");
	server_shutdown();
}

/* End everything: panes get SIGHUP, clients are told, the socket goes. */
void
server_shutdown(void)
{
	server_shutdown_except(NULL);
}

/* Shut down, leaving one client (the one that asked) to finish normally. */
void
server_shutdown_except(struct client *keep)
{
	struct timeval	 tv = { 2, 0 };
	struct session	*s;
	struct client	*c, *c1;

	if (server_exiting)
		return;
	server_exiting = 1;
	server_audit_simple("server-stop");
	if (server_fd != -1) {
		event_del(server_accept_ev);
		evtimer_del(server_accept_timer);
		close(server_fd);
		server_fd = -1;
		unlink(socket_path);
	}
	while ((s = TAILQ_FIRST(&sessions)) != NULL)
		session_destroy(s, "server exited");
	shell_cleanup();
	TAILQ_FOREACH_SAFE(c, &clients, entry, c1) {
		if (c != keep)
			server_client_shutdown(c);
	}
	/* Give clients a moment to take their last messages. */
	event_base_loopexit(server_base, &tv);
	server_exit_check();
}

/* Set up signal handling in the server. */
static void
server_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGTTIN, &sa, NULL);
	sigaction(SIGTTOU, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);

	server_ev_sigchld = evsignal_new(server_base, SIGCHLD, server_signal,
	    NULL);
	server_ev_sigterm = evsignal_new(server_base, SIGTERM, server_signal,
	    NULL);
	server_ev_sigint = evsignal_new(server_base, SIGINT, server_signal,
	    NULL);
	server_ev_sigusr2 = evsignal_new(server_base, SIGUSR2, server_signal,
	    NULL);
	evsignal_add(server_ev_sigchld, NULL);
	evsignal_add(server_ev_sigterm, NULL);
	evsignal_add(server_ev_sigint, NULL);
	evsignal_add(server_ev_sigusr2, NULL);
}

/* Free what the event loop holds, so sanitizers see no leaks at exit. */
static void
server_free(void)
{
	event_free(server_ev_sigchld);
	event_free(server_ev_sigterm);
	event_free(server_ev_sigint);
	event_free(server_ev_sigusr2);
	event_free(server_ev_idle);
	if (server_accept_ev != NULL)
		event_free(server_accept_ev);
	if (server_accept_timer != NULL)
		event_free(server_accept_timer);
	server_client_free_all();
	server_acl_free();
	audit_close();
	server_redraw_free();
	options_free(global_options);
	event_base_free(server_base);
	log_close();
}

/*
 * Raise the soft limit on open files so the client and session limits are
 * reached before the descriptors run out (1024 is a common default).
 */
static void
server_raise_files(void)
{
	struct rlimit	rl;
	rlim_t		want = SERVER_FILES;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	server_files = rl;
	server_files_saved = 1;
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
		want = rl.rlim_max;
	rl.rlim_cur = want;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
		log_debug("couldn't raise the open file limit: %s",
		    strerror(errno));
	else
		log_debug("open file limit raised to %llu",
		    (unsigned long long)want);
}

/* In a child about to run a program: the limit the server started with. */
void
server_restore_files(void)
{
	if (server_files_saved)
		setrlimit(RLIMIT_NOFILE, &server_files);
}

/*
 * Run the server in this (already forked and detached) process. readyfd
 * gets one line: "ok", or the reason it could not start; configuration
 * errors follow "ok" as warnings. Returns the exit status.
 */
int
server_start(const char *cfgfile, int required, int readyfd, char **cause)
{
	struct timeval	 tv = { SERVER_IDLE_TIMEOUT, 0 };
	char		*errors, *line;
	ssize_t		 n;

	server_uid = getuid();
	global_options = options_create(NULL);
	options_default(global_options);
	server_base = event_base_new();
	if (server_base == NULL) {
		*cause = xstrdup("couldn't create event loop");
		return (1);
	}
	/* Three priorities: everything at 1, flooding panes' output at 2. */
	event_base_priority_init(server_base, 3);
	server_signals();
	server_raise_files();
	if ((server_fd = socket_listen(socket_path, cause)) == -1)
		return (1);
	fcntl(server_fd, F_SETFL, fcntl(server_fd, F_GETFL) | O_NONBLOCK);
	server_accept_ev = event_new(server_base, server_fd,
	    EV_READ|EV_PERSIST, server_accept, NULL);
	event_add(server_accept_ev, NULL);
	server_accept_timer = evtimer_new(server_base, server_accept_resume,
	    NULL);
	server_ev_idle = evtimer_new(server_base, server_idle, NULL);
	evtimer_add(server_ev_idle, &tv);
	log_debug("server started on %s, pid %ld, uid %ld", socket_path,
	    (long)getpid(), (long)server_uid);

	if (cfgfile != NULL)
		cfg_load(cfgfile, required);
	errors = cfg_take_errors();
	xasprintf(&line, "ok\n%s", errors != NULL ? errors : "");
	n = write(readyfd, line, strlen(line));
	(void)n;
	free(line);
	free(errors);
	close(readyfd);

	server_audit_simple("server-start");
	setproctitle("server (%s)", socket_path);
	event_base_dispatch(server_base);
	log_debug("server exiting");
	shell_cleanup();
	server_free();
	return (0);
}
