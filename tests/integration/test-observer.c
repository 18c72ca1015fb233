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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "huddle.h"
#include "harness.h"
#include "unit.h"

/*
 * An observer is refused everything that changes a session, whatever path
 * it takes: every command in the table that needs an operator, sent from
 * an observer's command prompt, and every kind of input message. Afterwards
 * the session's screen, size, name and the access list are unchanged.
 */

#define WAIT 8000
#define SESSION "watched"

/* Arguments that make each operator command otherwise valid. */
static const struct {
	const char	*name;
	const char	*argv[8];
} observer_argv[] = {
	{ "access", { "access", "-a", "nobody", NULL } },
	{ "cancel", { "cancel", "cmd-1", NULL } },
	{ "detach", { "detach", "-t", SESSION, NULL } },
	{ "kill", { "kill", "-t", SESSION, NULL } },
	{ "kill-server", { "kill-server", NULL } },
	{ "message", { "message", "hello", NULL } },
	{ "new", { "new", "-d", "-s", "intruder", NULL } },
	{ "record", { "record", "-t", SESSION, "/nonexistent/r.cast", NULL } },
	{ "rename", { "rename", "-t", SESSION, "renamed", NULL } },
	{ "resize", { "resize", "-t", SESSION, "-x", "20", "-y", "5", NULL } },
	{ "run", { "run", "-t", SESSION, "--", "sneaky", NULL } },
	{ "send", { "send", "-t", SESSION, "-l", "sneaky", NULL } },
	{ "set", { "set", "history-limit", "5", NULL } },
	{ "signal", { "signal", "-t", SESSION, "TERM", NULL } },
};

/* The state an observer must not change. */
static char *
observer_state(struct harness *h)
{
	struct run	 r;
	char		*cap, *state;

	harness_run(h, &r, "ls", "-F",
	    "#{session_name} #{session_width}x#{session_height}", NULL);
	cap = harness_capture(h, SESSION, NULL);
	xasprintf(&state, "%s|%s|%s", r.out, cap != NULL ? cap : "",
	    r.err);
	run_free(&r);
	free(cap);
	harness_run(h, &r, "access", NULL);
	state = xrealloc(state, strlen(state) + strlen(r.out) + 2);
	strcat(state, "|");
	strcat(state, r.out);
	run_free(&r);
	harness_run(h, &r, "show", "history-limit", NULL);
	state = xrealloc(state, strlen(state) + strlen(r.out) + 2);
	strcat(state, "|");
	strcat(state, r.out);
	run_free(&r);
	return (state);
}

/* Attach a raw observer connection. */
static int
observer_attach(struct harness *h, struct harness_peer *p)
{
	struct msg_buf	b;

	if (harness_peer_open(h, p, MSG_KIND_ATTACH, 80, 25) != 0)
		return (-1);
	msg_buf_init(&b, MSG_ATTACH);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_string(&b, SESSION);
	msg_put_u8(&b, MSG_ATTACH_READONLY);
	if (harness_peer_send(p, &b) != 0)
		return (-1);
	return (harness_peer_wait(p, MSG_ATTACHED, WAIT));
}

/* Send one prompt command; check it is refused with the right words. */
static void
observer_prompt(struct harness_peer *p, const char *const *argv)
{
	struct msg_buf		 b;
	struct msg_reader	 r;
	char			*text;
	uint32_t		 status = 0;
	int			 argc, i, refused = 0;

	for (argc = 0; argv[argc] != NULL; argc++)
		;
	msg_buf_init(&b, MSG_PROMPT);
	msg_put_u32(&b, argc);
	for (i = 0; i < argc; i++)
		msg_put_string(&b, argv[i]);
	CHECK_INT(harness_peer_send(p, &b), 0);
	for (;;) {
		if (harness_peer_read(p, WAIT) != 0) {
			fprintf(stderr, "%s: no answer\n", argv[0]);
			CHECK(0);
			return;
		}
		msg_reader_init(&r, p->payload, p->size);
		if (p->type == MSG_MESSAGE && msg_get_string(&r, &text) == 0) {
			if (strstr(text, "not allowed: observers are "
			    "read-only") != NULL)
				refused = 1;
			free(text);
		}
		if (p->type == MSG_PROMPT_DONE) {
			msg_get_u32(&r, &status);
			break;
		}
	}
	if (!refused || status != 1)
		fprintf(stderr, "%s: not refused (status %u)\n", argv[0],
		    status);
	CHECK(refused);
	CHECK_INT(status, 1);
}

/* Every operator command in the table is refused from the prompt. */
static void
test_commands(struct harness *h, struct harness_peer *p)
{
	const struct cmd_entry	**ep;
	u_int			  i, n;

	n = sizeof observer_argv / sizeof observer_argv[0];
	for (ep = cmd_table; *ep != NULL; ep++) {
		if (!((*ep)->flags & CMD_OPERATOR))
			continue;
		for (i = 0; i < n; i++) {
			if (strcmp(observer_argv[i].name, (*ep)->name) == 0)
				break;
		}
		if (i == n) {
			fprintf(stderr, "no observer test for %s\n",
			    (*ep)->name);
			CHECK(0);
			continue;
		}
		observer_prompt(p, observer_argv[i].argv);
	}
}

/* Every kind of input message is dropped. */
static void
test_input(struct harness_peer *p)
{
	struct msg_buf	b;

	msg_buf_init(&b, MSG_KEY);
	msg_put_u64(&b, 'x');
	CHECK_INT(harness_peer_send(p, &b), 0);
	msg_buf_init(&b, MSG_KEY);
	msg_put_u64(&b, 'c' | KEYC_CTRL);
	CHECK_INT(harness_peer_send(p, &b), 0);
	msg_buf_init(&b, MSG_PASTE);
	msg_put_bytes(&b, "pasted\r", 7);
	CHECK_INT(harness_peer_send(p, &b), 0);
	msg_buf_init(&b, MSG_MOUSE);
	msg_put_u8(&b, 0);
	msg_put_u16(&b, 0);
	msg_put_u16(&b, 0);
	msg_put_u16(&b, 1);
	msg_put_u16(&b, 1);
	CHECK_INT(harness_peer_send(p, &b), 0);
	msg_buf_init(&b, MSG_FOCUS);
	msg_put_u8(&b, 1);
	CHECK_INT(harness_peer_send(p, &b), 0);
	msg_buf_init(&b, MSG_RESIZE);
	msg_put_u16(&b, 30);
	msg_put_u16(&b, 7);
	CHECK_INT(harness_peer_send(p, &b), 0);
}

int
main(void)
{
	struct harness		 h;
	struct harness_peer	 p;
	struct run		 r;
	char			*before, *after;

	if (harness_init(&h) != 0)
		return (1);
	/* cat shows anything that reaches the pane. */
	harness_run(&h, &r, "new", "-d", "-s", SESSION, "-x", "50", "-y", "8",
	    "--", "cat", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "send", "-t", SESSION, "-l", "start", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, SESSION, "start", WAIT), 0);
	before = observer_state(&h);

	CHECK_INT(observer_attach(&h, &p), 0);
	test_commands(&h, &p);
	test_input(&p);
	/* Anything that got through would show by now: a last round trip. */
	observer_prompt(&p, (const char *const[]){ "send", "-t", SESSION,
	    "x", NULL });
	harness_run(&h, &r, "send", "-t", SESSION, "-l", "end", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, SESSION, "startend", WAIT), 0);

	after = observer_state(&h);
	harness_run(&h, &r, "send", "-t", SESSION, "BSpace", "BSpace",
	    "BSpace", NULL);
	run_free(&r);
	/* Only our own "end" differs. */
	CHECK(strstr(after, "startend") != NULL);
	{
		char	*p1 = strstr(before, "start"), *p2;

		p2 = strstr(after, "startend");
		CHECK(p1 != NULL && p2 != NULL);
		if (p1 != NULL && p2 != NULL) {
			memmove(p2 + 5, p2 + 8, strlen(p2 + 8) + 1);
			CHECK_STR(after, before);
		}
	}
	free(before);
	free(after);
	harness_peer_close(&p);
	harness_done(&h);
	UNIT_END();
}
