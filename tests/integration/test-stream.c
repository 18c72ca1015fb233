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
#include <sys/wait.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "json-parse.h"
#include "unit.h"

/*
 * stream: raw output and JSON events, from the moment it connects to the
 * session's end; a consumer that stops reading loses the oldest events
 * (and is told) and does not hold the session up. huddle's own marks never
 * appear in what a stream, a recording or a command's output holds.
 */

#define WAIT 15000

/* Start `huddle stream ARGS` with its output on a pipe; returns its pid. */
static pid_t
start_stream(struct harness *h, int *fd, const char *const *args)
{
	const char	*argv[16];
	pid_t		 pid;
	int		 p[2], i, n = 0;

	argv[n++] = h->bin;
	argv[n++] = "-S";
	argv[n++] = h->sock;
	argv[n++] = "stream";
	for (i = 0; args[i] != NULL && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(p) != 0)
		return (-1);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		dup2(p[1], 1);
		close(p[1]);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(p[1]);
	harness_track(h, pid);
	*fd = p[0];
	return (pid);
}

/* Read everything until EOF or the deadline. */
static char *
read_all(int fd, size_t *lenp, int timeout_ms)
{
	long long	 deadline = harness_now_ms() + timeout_ms;
	struct pollfd	 pfd;
	char		*buf = NULL, tmp[65536];
	size_t		 len = 0;
	ssize_t		 n;

	pfd.fd = fd;
	pfd.events = POLLIN;
	while (harness_now_ms() < deadline) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		n = read(fd, tmp, sizeof tmp);
		if (n <= 0)
			break;
		buf = xrealloc(buf, len + n + 1);
		memcpy(buf + len, tmp, n);
		len += n;
	}
	if (buf == NULL)
		buf = xstrdup("");
	buf[len] = '\0';
	*lenp = len;
	return (buf);
}

struct events {
	char	 seen[4096];	/* event names in order, space-separated */
	char	*output;	/* all output data */
	size_t	 outlen;
	long	 lost;
	int	 status;	/* the finished command's */
	int	 bad;
};

/* Each JSON line: note its event. */
static int
event_cb(struct json_value *v, void *arg)
{
	struct events	*ev = arg;
	const char	*name = json_string(json_get(v, "event"));
	const char	*data;
	size_t		 len;

	if (name == NULL || json_type(json_get(v, "time")) != JSON_NUMBER) {
		ev->bad++;
		return (0);
	}
	if (strcmp(name, "output") == 0) {
		data = json_string(json_get(v, "data"));
		len = json_string_length(json_get(v, "data"));
		ev->output = xrealloc(ev->output, ev->outlen + len + 1);
		memcpy(ev->output + ev->outlen, data, len);
		ev->outlen += len;
		ev->output[ev->outlen] = '\0';
		return (0);
	}
	if (strcmp(name, "overflow") == 0)
		ev->lost += (long)json_number(json_get(v, "lost"));
	if (strcmp(name, "finished") == 0)
		ev->status = (int)json_number(json_get(v, "status"));
	if (strlen(ev->seen) + strlen(name) + 2 < sizeof ev->seen) {
		strcat(ev->seen, name);
		strcat(ev->seen, " ");
	}
	return (0);
}

/* Events seen by a JSON stream started before a command. */
static void
test_events(struct harness *h)
{
	struct run		 r;
	struct harness_tty	 t;
	struct events		 ev;
	char			*text, *cause = NULL;
	size_t			 len;
	pid_t			 pid, raw;
	int		 fd, rawfd;
	const char *const	 env[] = { "SHELL=/bin/bash", NULL };

	CHECK_INT(harness_run_env(h, &r, env, "-S", h->sock, "new", "-d", "-s",
	    "ev", "-x", "80", "-y", "24", NULL), 0);
	run_free(&r);
	harness_server(h);
	harness_run(h, &r, "run", "-w", "--timeout", "20", "-t", "ev", "--",
	    "true", NULL);	/* the shell is up */
	run_free(&r);

	pid = start_stream(h, &fd, (const char *const[]){ "--json", "-t",
	    "ev", NULL });
	raw = start_stream(h, &rawfd, (const char *const[]){ "-t", "ev",
	    NULL });
	CHECK(pid > 0 && raw > 0);
	harness_msleep(300);	/* both are connected */
	/* An observer comes and goes. */
	CHECK_INT(harness_tty_start(h, &t, 80, 10, "screen-256color",
	    (const char *const[]){ "attach", "-r", "-t", "ev", NULL }), 0);
	CHECK_INT(harness_tty_wait(&t, "observer", WAIT), 0);
	harness_tty_write(&t, "\002d", 2);	/* C-b d */
	CHECK_INT(harness_tty_wait_exit(&t, WAIT), 0);
	harness_tty_free(&t);
	CHECK_INT(harness_run(h, &r, "run", "-w", "--timeout", "20", "-t",
	    "ev", "--", "echo streamed; (exit 2)", NULL), 2);
	CHECK_STR(r.out, "streamed\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "message", "-t", "ev", "hello there",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "resize", "-t", "ev", "-x", "70", "-y",
	    "20", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "kill", "-t", "ev", NULL), 0);
	run_free(&r);

	text = read_all(fd, &len, WAIT);
	close(fd);
	CHECK_INT(harness_reap(pid, WAIT), 0);
	memset(&ev, 0, sizeof ev);
	if (json_parse_lines(text, len, event_cb, &ev, &cause) != 0) {
		fprintf(stderr, "stream --json: %s\n%s\n", cause, text);
		CHECK(0);
		free(cause);
	}
	CHECK_INT(ev.bad, 0);
	/* Attach and detach are also shown as messages. */
	CHECK_STR(ev.seen, "attach message detach message queued started "
	    "finished message resize end ");
	CHECK_INT(ev.status, 2);
	CHECK(ev.output != NULL && strstr(ev.output, "streamed\r\n") != NULL);
	CHECK(ev.output == NULL || strstr(ev.output, "huddle=") == NULL);
	CHECK(strstr(text, "huddle=") == NULL);
	free(ev.output);
	free(text);

	text = read_all(rawfd, &len, WAIT);
	close(rawfd);
	CHECK_INT(harness_reap(raw, WAIT), 0);
	CHECK(strstr(text, "echo streamed; (exit 2)") != NULL);
	CHECK(strstr(text, "streamed\r\n") != NULL);
	CHECK(strstr(text, "133;") == NULL);	/* marks are cut out */
	free(text);
}

/* A consumer that stops reading loses the oldest events, is told, and
 * does not hold up the session. */
static void
test_stalled(struct harness *h)
{
	struct run	 r;
	struct events	 ev;
	char		*text, *cause = NULL;
	size_t		 len;
	pid_t		 pid;
	int		 fd;

	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", "flood", "-x", "80",
	    "-y", "24", "--", "/bin/sh", NULL), 0);
	run_free(&r);
	pid = start_stream(h, &fd, (const char *const[]){ "--json", "-t",
	    "flood", NULL });
	CHECK(pid > 0);
	harness_msleep(300);
	/*
	 * Several megabytes while nobody reads the stream. (The quotes keep
	 * the typed line from matching what the wait looks for.)
	 */
	CHECK_INT(harness_run(h, &r, "send", "-t", "flood",
	    "seq 1 400000; echo FLOOD-DO''NE", "Enter", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "flood", "FLOOD-DONE\n", 60000), 0);
	CHECK_INT(harness_run(h, &r, "message", "-t", "flood", "after",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "kill", "-t", "flood", NULL), 0);
	run_free(&r);

	text = read_all(fd, &len, 30000);
	close(fd);
	CHECK_INT(harness_reap(pid, WAIT), 0);
	memset(&ev, 0, sizeof ev);
	if (json_parse_lines(text, len, event_cb, &ev, &cause) != 0) {
		fprintf(stderr, "stream --json: %s\n", cause);
		CHECK(0);
		free(cause);
	}
	CHECK_INT(ev.bad, 0);
	CHECK(ev.lost > 0);
	/* The newest events are kept: the end and what came just before. */
	CHECK(strstr(ev.seen, "overflow ") != NULL);
	CHECK(strstr(ev.seen, "message end ") != NULL);
	CHECK(ev.output != NULL && strstr(ev.output, "FLOOD-DONE") != NULL);
	CHECK(len < 4 * 1024 * 1024);
	free(ev.output);
	free(text);
}

/* A recording holds no marks, and `m` markers name the commands. */
static void
test_record_markers(struct harness *h)
{
	struct run	 r;
	char		*cast, *text;
	size_t		 len;
	const char *const env[] = { "SHELL=/bin/bash", NULL };

	xasprintf(&cast, "%s/q.cast", h->dir);
	CHECK_INT(harness_run_env(h, &r, env, "-S", h->sock, "new", "-d", "-s",
	    "rec", "--record", cast, NULL), 0);
	run_free(&r);
	harness_run(h, &r, "run", "-w", "--timeout", "20", "-t", "rec", "--",
	    "echo recorded; (exit 3)", NULL);
	CHECK_INT(r.status, 3);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "record", "-t", "rec", "--stop", NULL),
	    0);
	run_free(&r);
	text = harness_read_file(cast, &len);
	CHECK(text != NULL);
	if (text != NULL) {
		CHECK(strstr(text, "recorded") != NULL);
		CHECK(strstr(text, "huddle=") == NULL);
		CHECK(strstr(text, "133;") == NULL);
		CHECK(strstr(text, ", \"m\", \"cmd-") != NULL ||
		    strstr(text, ",\"m\",\"cmd-") != NULL);
		CHECK(strstr(text, " started\"") != NULL);
		CHECK(strstr(text, " finished 3\"") != NULL);
	}
	free(text);
	free(cast);
}

int
main(void)
{
	struct harness	h;
	int		rc;

	if ((rc = harness_init(&h)) != 0)
		return (rc);
	if (access("/bin/bash", X_OK) != 0) {
		harness_done(&h);
		return (harness_skip("bash is not installed"));
	}
	test_events(&h);
	test_stalled(&h);
	test_record_markers(&h);
	harness_done(&h);
	UNIT_END();
}
