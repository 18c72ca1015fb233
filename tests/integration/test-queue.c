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
 * The command queue through the real binary and a real bash: run, wait,
 * queue, cancel, exit statuses, exact output, order between callers, input
 * half-typed at the prompt, multi-line commands, timeouts, truncation,
 * forged marks, the fallback without marks, and the startup files the
 * integration must keep working.
 */

#define WAIT 15000

/* Start huddle in the background, its output into a file; returns pid. */
static pid_t
start_bg(struct harness *h, const char *outfile, const char *const *args)
{
	const char	*argv[64];
	pid_t		 pid;
	int		 i, n = 0, fd;

	argv[n++] = h->bin;
	argv[n++] = "-S";
	argv[n++] = h->sock;
	for (i = 0; args[i] != NULL && n < 63; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	pid = fork();
	if (pid == 0) {
		fd = open(outfile, O_WRONLY|O_CREAT|O_TRUNC, 0600);
		if (fd == -1 || dup2(fd, 1) == -1)
			_exit(126);
		if ((fd = open("/dev/null", O_RDONLY)) != -1)
			dup2(fd, 0);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (pid > 0)
		harness_track(h, pid);
	return (pid);
}

/* A file in the test's directory. */
static char *
path(struct harness *h, const char *name)
{
	char	*p;

	xasprintf(&p, "%s/%s", h->dir, name);
	return (p);
}

/* Wait for a bash session's prompt (its shell integration is loaded). */
static void
start_bash(struct harness *h, const char *name)
{
	struct run		 r;
	const char *const	 env[] = { "SHELL=/bin/bash", NULL };

	CHECK_INT(harness_run_env(h, &r, env, "-S", h->sock, "new", "-d", "-s",
	    name, "-x", "80", "-y", "24", NULL), 0);
	CHECK_STR(r.err, "");
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
}

/* run -w with a deadline; returns the run (caller frees). */
static void
run_wait(struct harness *h, struct run *r, const char *target,
    const char *line)
{
	harness_run(h, r, "run", "-w", "--timeout", "20", "-t", target, "--",
	    line, NULL);
}

/* Queue a command (no -w); its ID into id. */
static void
run_id(struct harness *h, const char *target, const char *line, char *id,
    size_t len)
{
	struct run	r;

	CHECK_INT(harness_run(h, &r, "run", "-t", target, "--", line, NULL),
	    0);
	CHECK(strncmp(r.out, "cmd-", 4) == 0);
	snprintf(id, len, "%.*s", (int)strcspn(r.out, "\n"), r.out);
	run_free(&r);
}

/* A command's state in queue --json. */
static char *
state_of(struct harness *h, const char *target, const char *id)
{
	struct run		 r;
	struct json_value	*doc, *cmd;
	char			*cause = NULL, *state = NULL;
	size_t			 i;

	harness_run(h, &r, "queue", "--json", "-t", target, NULL);
	doc = json_parse(r.out, strlen(r.out), &cause);
	if (doc == NULL) {
		fprintf(stderr, "queue --json: %s\n%s\n", cause, r.out);
		CHECK(0);
		free(cause);
		run_free(&r);
		return (xstrdup("?"));
	}
	for (i = 0; i < json_length(doc); i++) {
		cmd = json_index(doc, i);
		if (strcmp(json_string(json_get(cmd, "id")), id) == 0)
			state = xstrdup(json_string(json_get(cmd, "state")));
	}
	json_value_free(doc);
	run_free(&r);
	return (state != NULL ? state : xstrdup("missing"));
}

/* Wait for a command to reach a state. */
static int
wait_state(struct harness *h, const char *target, const char *id,
    const char *want)
{
	long long	 deadline = harness_now_ms() + WAIT;
	char		*state;

	for (;;) {
		state = state_of(h, target, id);
		if (strcmp(state, want) == 0) {
			free(state);
			return (0);
		}
		if (harness_now_ms() > deadline) {
			fprintf(stderr, "%s: state %s, wanted %s\n", id, state,
			    want);
			free(state);
			return (-1);
		}
		free(state);
		harness_msleep(50);
	}
}

/* Exit statuses and exact output. */
static void
test_status(struct harness *h)
{
	struct run	r;
	pid_t		pid;
	char		*out, id[32];

	start_bash(h, "st");
	run_wait(h, &r, "st", "printf 'a\\nb\\n'");
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "a\nb\n");
	CHECK_STR(r.err, "");
	run_free(&r);

	run_wait(h, &r, "st", "true");
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "");
	run_free(&r);

	run_wait(h, &r, "st", "(exit 3)");
	CHECK_INT(r.status, 3);
	run_free(&r);

	run_wait(h, &r, "st", "echo err >&2; false");
	CHECK_INT(r.status, 1);
	CHECK_STR(r.out, "err\n");	/* both streams share the terminal */
	run_free(&r);

	/* -e keeps escape sequences; without it they go. */
	run_wait(h, &r, "st", "printf '\\033[31mred\\033[0m\\n'");
	CHECK_STR(r.out, "red\n");
	run_free(&r);
	harness_run(h, &r, "run", "-ew", "-t", "st", "--",
	    "printf '\\033[31mred\\033[0m\\n'", NULL);
	CHECK_STR(r.out, "\033[31mred\033[0m\r\n");
	run_free(&r);

	/* 130 after signal INT. */
	run_id(h, "st", "sleep 30", id, sizeof id);
	out = path(h, "sleep.out");
	pid = start_bg(h, out, (const char *const[]){ "wait", "--timeout",
	    "20", id, NULL });
	CHECK(pid > 0);
	CHECK_INT(wait_state(h, "st", id, "running"), 0);
	CHECK_INT(harness_wait_capture(h, "st", "sleep 30", WAIT), 0);
	harness_msleep(200);
	CHECK_INT(harness_run(h, &r, "signal", "-t", "st", "INT", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_reap(pid, WAIT), 130);
	free(out);

	/* The status shows in queue, and the secret never in the env. */
	run_wait(h, &r, "st", "env | grep -c HUDDLE_SHELL_SECRET");
	CHECK_STR(r.out, "0\n");
	CHECK_INT(r.status, 1);
	run_free(&r);
	/* Not even in the shell's own first environment; its file is gone. */
	run_wait(h, &r, "st", "tr '\\0' '\\n' </proc/$$/environ | "
	    "grep -c '^HUDDLE_SHELL_SECRET='; f=$(tr '\\0' '\\n' "
	    "</proc/$$/environ | sed -n 's/^HUDDLE_SHELL_SECRET_FILE=//p'); "
	    "test -n \"$f\" && test ! -e \"$f\" && echo gone");
	CHECK_STR(r.out, "0\ngone\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "queue", "-t", "st", NULL), 0);
	CHECK(strstr(r.out, " done 3 ") != NULL);
	CHECK(strstr(r.out, " done 130 ") != NULL);
	run_free(&r);
}

/* run without -w prints the ID; wait gets the output later. */
static void
test_ids(struct harness *h)
{
	struct run		 r;
	struct json_value	*doc, *cmd;
	char			*cause = NULL, id[32], *line;

	start_bash(h, "ids");
	CHECK_INT(harness_run(h, &r, "run", "-t", "ids", "--", "echo one",
	    NULL), 0);
	CHECK(strncmp(r.out, "cmd-", 4) == 0);
	snprintf(id, sizeof id, "%.*s", (int)strcspn(r.out, "\n"), r.out);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	CHECK_STR(r.out, "one\n");
	run_free(&r);
	/* Again: a finished command answers at once. */
	CHECK_INT(harness_run(h, &r, "wait", "-t", "ids", id, NULL), 0);
	CHECK_STR(r.out, "one\n");
	run_free(&r);

	CHECK_INT(harness_run(h, &r, "queue", "--json", "-t", "ids", NULL), 0);
	doc = json_parse(r.out, strlen(r.out), &cause);
	CHECK(doc != NULL);
	CHECK_INT(json_type(doc), JSON_ARRAY);
	cmd = json_index(doc, 0);
	CHECK_STR(json_string(json_get(cmd, "id")), id);
	CHECK_STR(json_string(json_get(cmd, "state")), "done");
	CHECK_STR(json_string(json_get(cmd, "command")), "echo one");
	CHECK(json_string(json_get(cmd, "user")) != NULL);
	CHECK_INT((int)json_number(json_get(cmd, "status")), 0);
	CHECK_INT((int)json_number(json_get(cmd, "output")), 5);
	CHECK(json_number(json_get(cmd, "finished")) >=
	    json_number(json_get(cmd, "started")));
	json_value_free(doc);
	free(cause);
	run_free(&r);

	/* Waiting for itself from inside the session is refused. */
	xasprintf(&line, "%s run -w -- true; echo rc=$?", h->bin);
	run_wait(h, &r, "ids", line);
	free(line);
	CHECK_STR(r.out, "huddle: waiting from inside the same session could "
	    "wait for ever: give --timeout, or queue without waiting\nrc=1\n");
	run_free(&r);

	/* Bad IDs and lines. */
	CHECK_INT(harness_run(h, &r, "wait", "cmd-999", NULL), 1);
	CHECK_STR(r.err, "huddle: no such command: cmd-999\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "bogus", NULL), 1);
	CHECK_STR(r.err, "huddle: not a command ID: bogus\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "run", "-t", "ids", "--", "  ", NULL), 1);
	CHECK_STR(r.err, "huddle: empty command line\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "run", "-t", "ids", "--", "echo \003",
	    NULL), 1);
	CHECK(strstr(r.err, "control characters") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "run", "--timeout", "5", "-t", "ids",
	    "--", "true", NULL), 1);
	CHECK_STR(r.err, "huddle: --timeout needs -w\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "run", "-w", "--timeout", "x", "-t",
	    "ids", "--", "true", NULL), 2);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", NULL), 2);
	run_free(&r);
}

/* Two callers at once each get their own output, in queue order. */
static void
test_two_callers(struct harness *h)
{
	struct run		 r;
	struct json_value	*doc, *one, *two;
	pid_t			 a, b;
	char			*fa, *fb, *ta, *tb, *cause = NULL;

	start_bash(h, "two");
	fa = path(h, "a.out");
	fb = path(h, "b.out");
	a = start_bg(h, fa, (const char *const[]){ "run", "-w", "-t", "two",
	    "--", "sleep 0.3; seq 1 3", NULL });
	b = start_bg(h, fb, (const char *const[]){ "run", "-w", "-t", "two",
	    "--", "seq 10 12", NULL });
	CHECK_INT(harness_reap(a, WAIT), 0);
	CHECK_INT(harness_reap(b, WAIT), 0);
	ta = harness_read_file(fa, NULL);
	tb = harness_read_file(fb, NULL);
	CHECK_STR(ta, "1\n2\n3\n");
	CHECK_STR(tb, "10\n11\n12\n");
	free(ta);
	free(tb);
	free(fa);
	free(fb);

	/* One ran after the other, in the order they were queued. */
	CHECK_INT(harness_run(h, &r, "queue", "--json", "-t", "two", NULL), 0);
	doc = json_parse(r.out, strlen(r.out), &cause);
	CHECK(doc != NULL && json_length(doc) == 2);
	if (doc != NULL && json_length(doc) == 2) {
		one = json_index(doc, 0);
		two = json_index(doc, 1);
		CHECK(json_number(json_get(one, "queued")) <=
		    json_number(json_get(two, "queued")));
		CHECK(json_number(json_get(one, "finished")) <=
		    json_number(json_get(two, "started")));
		CHECK(atoi(json_string(json_get(one, "id")) + 4) <
		    atoi(json_string(json_get(two, "id")) + 4));
	}
	json_value_free(doc);
	free(cause);
	run_free(&r);
}

/* A command waits while someone has typed at the prompt. */
static void
test_half_typed(struct harness *h)
{
	struct run		 r;
	struct harness_tty	 t;
	char			*state, id[32], second[32];
	const char *const	 args[] = { "attach", "-r", "-t", "half", NULL };

	start_bash(h, "half");
	run_wait(h, &r, "half", "true");	/* the prompt is up */
	run_free(&r);
	/* An observer watches: its status line says a command waits. */
	CHECK_INT(harness_tty_start(h, &t, 80, 10, "screen-256color", args),
	    0);
	CHECK_INT(harness_tty_wait(&t, "observer", WAIT), 0);
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "echo half", NULL),
	    0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "half", "echo half", WAIT), 0);
	run_id(h, "half", "echo later", id, sizeof id);
	CHECK_INT(harness_tty_wait(&t, "| queued", WAIT), 0);
	harness_msleep(500);
	state = state_of(h, "half", id);
	CHECK_STR(state, "queued");
	free(state);
	/* The prompt drawn again (C-l, a resize) still has the line on it. */
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "C-l", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "resize", "-t", "half", "-x", "70", "-y",
	    "20", NULL), 0);
	run_free(&r);
	harness_msleep(600);
	state = state_of(h, "half", id);
	CHECK_STR(state, "queued");
	free(state);
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "C-u", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	CHECK_STR(r.out, "later\n");
	run_free(&r);
	CHECK_INT(harness_tty_wait_gone(&t, "| queued", WAIT), 0);
	harness_tty_free(&t);

	/* Typed ahead while a command runs, it shows at the next prompt. */
	run_id(h, "half", "sleep 1", id, sizeof id);
	CHECK_INT(wait_state(h, "half", id, "running"), 0);
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "echo ahead", NULL),
	    0);
	run_free(&r);
	run_id(h, "half", "echo second", second, sizeof second);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	run_free(&r);
	harness_msleep(600);
	state = state_of(h, "half", second);
	CHECK_STR(state, "queued");
	free(state);
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "C-u", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", second, NULL),
	    0);
	CHECK_STR(r.out, "second\n");
	run_free(&r);

	/* C-c at the prompt clears the line (a D mark with no command). */
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "echo abc", NULL),
	    0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "half", "echo abc", WAIT), 0);
	run_id(h, "half", "echo after-cc", id, sizeof id);
	harness_msleep(500);
	state = state_of(h, "half", id);
	CHECK_STR(state, "queued");
	free(state);
	CHECK_INT(harness_run(h, &r, "send", "-t", "half", "C-c", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	CHECK_STR(r.out, "after-cc\n");
	run_free(&r);
	/* The half-typed words never ran. */
	CHECK_INT(harness_run(h, &r, "capture", "-t", "half", NULL), 0);
	CHECK(strstr(r.out, "\nhalf\n") == NULL);
	run_free(&r);
}

/* Multi-line commands arrive whole. */
static void
test_multiline(struct harness *h)
{
	struct run	 r;
	char		*state, id[32];

	start_bash(h, "ml");
	run_wait(h, &r, "ml", "for i in 1 2; do\n  echo \"line $i\"\ndone\n"
	    "echo 'it''s' \"done\"");
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "line 1\nline 2\nits done\n");
	run_free(&r);
	run_wait(h, &r, "ml", "cat <<EOF\nhere doc\nEOF\n(exit 5)");
	CHECK_INT(r.status, 5);
	CHECK_STR(r.out, "here doc\n");
	run_free(&r);

	/* At a continuation prompt (PS2) nothing is typed in. */
	CHECK_INT(harness_run(h, &r, "send", "-t", "ml", "echo \"open",
	    "Enter", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "ml", "\n>", WAIT), 0);
	run_id(h, "ml", "echo after-ps2", id, sizeof id);
	harness_msleep(600);
	state = state_of(h, "ml", id);
	CHECK_STR(state, "queued");
	free(state);
	CHECK_INT(harness_run(h, &r, "send", "-t", "ml", "C-c", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	CHECK_STR(r.out, "after-ps2\n");
	run_free(&r);
}

/* --timeout gives up waiting; the command goes on. */
static void
test_timeout(struct harness *h)
{
	struct run	 r;
	long long	 t0;
	char		*state, *p, id[32];

	start_bash(h, "to");
	t0 = harness_now_ms();
	CHECK_INT(harness_run(h, &r, "run", "-w", "--timeout", "0.5", "-t",
	    "to", "--", "sleep 1.5; echo late", NULL), 124);
	CHECK_STR(r.out, "");
	p = strstr(r.err, "timed out waiting for cmd-");
	CHECK(p != NULL);
	snprintf(id, sizeof id, "%.*s", p != NULL ?
	    (int)strcspn(p + 22, " ") : 0, p != NULL ? p + 22 : "");
	run_free(&r);
	CHECK(harness_now_ms() - t0 < 2500);
	state = state_of(h, "to", id);
	CHECK_STR(state, "running");
	free(state);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", id, NULL), 0);
	CHECK_STR(r.out, "late\n");
	run_free(&r);
}

/* Output beyond command-output-limit is dropped from the front. */
static void
test_truncation(struct harness *h)
{
	struct run	r;
	size_t		len;

	start_bash(h, "tr");
	CHECK_INT(harness_run(h, &r, "set", "command-output-limit", "1024",
	    NULL), 0);
	run_free(&r);
	run_wait(h, &r, "tr", "seq 1 2000");
	CHECK_INT(r.status, 0);
	len = strlen(r.out);
	CHECK(len > 700 && len <= 1024);
	CHECK(len > 10 && strcmp(r.out + len - 10, "1999\n2000\n") == 0);
	CHECK(strstr(r.err, "output truncated") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "queue", "--json", "-t", "tr", NULL), 0);
	CHECK(strstr(r.out, "\"truncated\":true") != NULL);
	CHECK(strstr(r.out, "\"output\":10893") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "set", "-u", "command-output-limit",
	    NULL), 0);
	run_free(&r);
}

/* A program printing marks cannot end a command or change its status. */
static void
test_forged(struct harness *h)
{
	struct run	r;

	start_bash(h, "fg");
	run_wait(h, &r, "fg",
	    "printf '\\033]133;D;0\\007one\\n'; "
	    "printf '\\033]133;D;0;huddle=0123456789abcdef0123456789abcdef"
	    "\\007two\\n'; "
	    "printf '\\033]133;A\\033\\\\\\033]133;B\\007three\\n'; "
	    "sleep 0.2; echo four; (exit 6)");
	CHECK_INT(r.status, 6);
	CHECK_STR(r.out, "one\ntwo\nthree\nfour\n");
	run_free(&r);
}

/* cancel removes a command that has not started. */
static void
test_cancel(struct harness *h)
{
	struct run	 r;
	char		*state, *ran, *want, one[32], two[32];

	start_bash(h, "cn");
	ran = path(h, "cancelled-ran");
	run_id(h, "cn", "sleep 2", one, sizeof one);
	run_id(h, "cn", "touch cancelled-ran", two, sizeof two);
	CHECK_INT(wait_state(h, "cn", one, "running"), 0);
	CHECK_INT(harness_run(h, &r, "cancel", one, NULL), 1);
	xasprintf(&want, "huddle: %s has started\n", one);
	CHECK_STR(r.err, want);
	free(want);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "cancel", "-t", "cn", two, NULL), 0);
	run_free(&r);
	state = state_of(h, "cn", two);
	CHECK_STR(state, "cancelled");
	free(state);
	CHECK_INT(harness_run(h, &r, "wait", two, NULL), 1);
	xasprintf(&want, "huddle: %s was cancelled\n", two);
	CHECK_STR(r.err, want);
	free(want);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "wait", "--timeout", "20", one, NULL), 0);
	run_free(&r);
	harness_msleep(300);
	CHECK(access(ran, F_OK) != 0);
	free(ran);
	/* The shell exits under a command: its waiters are told. */
	start_bash(h, "gone");
	run_id(h, "gone", "sleep 0.5", two, sizeof two);
	run_wait(h, &r, "gone", "exit");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "the pane ended before it finished") != NULL);
	run_free(&r);

	/* A command in another pane is not there. */
	CHECK_INT(harness_run(h, &r, "wait", "-t", "st", one, NULL), 1);
	xasprintf(&want, "huddle: %s is not in that pane\n", one);
	CHECK_STR(r.err, want);
	free(want);
	run_free(&r);
}

/* Without marks: the output comes back, the status is unknown. */
static void
test_nomarks(struct harness *h)
{
	struct run	r;

	CHECK_INT(harness_run(h, &r, "set", "command-quiet-time", "300",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", "sh", "-x", "80",
	    "-y", "24", "--", "/bin/sh", NULL), 0);
	run_free(&r);
	run_wait(h, &r, "sh", "printf 'x\\ny\\n'");
	CHECK_INT(r.status, 1);
	CHECK(strncmp(r.out, "x\ny\n", 4) == 0);
	CHECK(strstr(r.err, "exit status unknown") != NULL);
	run_free(&r);

	/* shell-integration off: bash has no marks either. */
	CHECK_INT(harness_run(h, &r, "set", "shell-integration", "off",
	    NULL), 0);
	run_free(&r);
	start_bash(h, "off");
	run_wait(h, &r, "off", "(exit 3)");
	CHECK_INT(r.status, 1);
	CHECK(strstr(r.err, "exit status unknown") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "set", "-u", "shell-integration", NULL),
	    0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "set", "-u", "command-quiet-time", NULL),
	    0);
	run_free(&r);
}

/* The user's startup files, prompt, history file and traps still work. */
static void
test_startup_files(struct harness *h)
{
	struct run	 r;
	char		*rc;
	FILE		*f;

	rc = path(h, ".bash_profile");
	f = fopen(rc, "w");
	CHECK(f != NULL);
	/* Like a prompt framework, PROMPT_COMMAND sets PS1 every time. */
	fprintf(f, "FROM_PROFILE=yes\nHISTFILE=$HOME/my-history\n"
	    "PROMPT_COMMAND='last=$?; PS1=\"custom> \"'\n"
	    "trap 'echo bye' USR1\n");
	fclose(f);
	start_bash(h, "rc");
	CHECK_INT(harness_wait_capture(h, "rc", "custom>", WAIT), 0);
	run_wait(h, &r, "rc", "echo $FROM_PROFILE $HISTFILE");
	CHECK_INT(r.status, 0);
	CHECK(strstr(r.out, "yes ") == r.out);
	CHECK(strstr(r.out, "/my-history\n") != NULL);
	run_free(&r);
	run_wait(h, &r, "rc", "false");
	run_free(&r);
	run_wait(h, &r, "rc", "echo $last; trap -p USR1");
	CHECK_STR(r.out, "1\ntrap -- 'echo bye' SIGUSR1\n");
	run_free(&r);
	unlink(rc);
	free(rc);
}

/* zsh, through its ZDOTDIR wrapper. */
static void
test_zsh(struct harness *h)
{
	struct run	 r;
	char		*rc;
	FILE		*f;

	if (access("/usr/bin/zsh", X_OK) != 0 &&
	    access("/bin/zsh", X_OK) != 0) {
		fprintf(stderr, "zsh not installed: zsh checks skipped\n");
		return;
	}
	rc = path(h, ".zshrc");
	f = fopen(rc, "w");
	CHECK(f != NULL);
	fprintf(f, "FROM_ZSHRC=yes\nHISTFILE=${ZDOTDIR:-$HOME}/.zhist\n"
	    "PS1='zsh> '\n");
	fclose(f);
	CHECK_INT(harness_run(h, &r, "set", "default-shell",
	    access("/usr/bin/zsh", X_OK) == 0 ? "/usr/bin/zsh" : "/bin/zsh",
	    NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", "zsh", "-x", "80",
	    "-y", "24", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "zsh", "zsh>", WAIT), 0);
	run_wait(h, &r, "zsh", "echo ${ZDOTDIR-unset} $FROM_ZSHRC; "
	    "echo $HISTFILE");
	CHECK_INT(r.status, 0);
	CHECK(strncmp(r.out, "unset yes\n", 10) == 0);
	CHECK(strstr(r.out, "/.zhist\n") != NULL);
	run_free(&r);
	run_wait(h, &r, "zsh", "(exit 4)");
	CHECK_INT(r.status, 4);
	CHECK_STR(r.out, "");
	run_free(&r);
	run_wait(h, &r, "zsh", "for i in 1 2\ndo echo z$i\ndone");
	CHECK_INT(r.status, 0);
	CHECK_STR(r.out, "z1\nz2\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "set", "-u", "default-shell", NULL), 0);
	run_free(&r);
	unlink(rc);
	free(rc);
}

/*
 * fish, with the lines the manual gives (read from the manual itself, so
 * they stay right): marks from a shell huddle does not set up.
 */
static void
test_fish(struct harness *h)
{
	struct run	 r;
	const char	*srcdir = getenv("HUDDLE_TEST_SRCDIR"), *fish;
	char		*man, *start, *end, *dir, *path, *line;
	FILE		*f;

	fish = access("/usr/bin/fish", X_OK) == 0 ? "/usr/bin/fish" : NULL;
	if (fish == NULL || srcdir == NULL) {
		fprintf(stderr, "fish not installed: fish checks skipped\n");
		return;
	}
	xasprintf(&path, "%s/man/huddle.1", srcdir);
	man = harness_read_file(path, NULL);
	free(path);
	CHECK(man != NULL);
	if (man == NULL)
		return;
	start = strstr(man, "conf.d/huddle.fish");
	start = start != NULL ? strstr(start, ".Bd -literal") : NULL;
	start = start != NULL ? strchr(start, '\n') : NULL;
	end = start != NULL ? strstr(start, "\n.Ed\n") : NULL;
	CHECK(start != NULL && end != NULL);
	if (start == NULL || end == NULL) {
		free(man);
		return;
	}
	xasprintf(&dir, "%s/.config/fish/conf.d", h->dir);
	xasprintf(&line, "mkdir -p %s", dir);
	CHECK_INT(system(line), 0);
	free(line);
	xasprintf(&path, "%s/huddle.fish", dir);
	f = fopen(path, "w");
	CHECK(f != NULL);
	/* mdoc's \e is a backslash. */
	for (start++; start < end + 1; start++) {
		if (start[0] == '\\' && start[1] == 'e') {
			fputc('\\', f);
			start++;
		} else
			fputc(*start, f);
	}
	fclose(f);
	free(man);

	CHECK_INT(harness_run(h, &r, "set", "default-shell", fish, NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", "fish", "-x", "80",
	    "-y", "24", NULL), 0);
	run_free(&r);
	run_wait(h, &r, "fish", "echo fishy; sh -c 'exit 4'");
	CHECK_INT(r.status, 4);
	CHECK_STR(r.out, "fishy\n");
	CHECK_STR(r.err, "");
	run_free(&r);
	run_wait(h, &r, "fish", "env | grep -c HUDDLE_SHELL");
	CHECK_STR(r.out, "0\n");
	run_free(&r);
	CHECK_INT(harness_run(h, &r, "set", "-u", "default-shell", NULL), 0);
	run_free(&r);
	unlink(path);
	free(path);
	free(dir);
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
	test_status(&h);
	test_ids(&h);
	test_two_callers(&h);
	test_half_typed(&h);
	test_multiline(&h);
	test_timeout(&h);
	test_truncation(&h);
	test_forged(&h);
	test_cancel(&h);
	test_nomarks(&h);
	test_startup_files(&h);
	test_zsh(&h);
	test_fish(&h);
	harness_done(&h);
	UNIT_END();
}
