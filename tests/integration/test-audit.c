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
#include "json-parse.h"
#include "unit.h"

/*
 * The audit log: JSON lines with a time and an event, for the server, the
 * connections, attaches, refusals, access changes, renames, kills and
 * signals; who typed but never what.
 */

#define WAIT 8000

struct audit_seen {
	char	events[4096];
	int	bad;
};

/* Note each event's name; check every line has a time. */
static int
audit_line(struct json_value *v, void *arg)
{
	struct audit_seen	*seen = arg;
	const char		*event, *when;

	event = json_string(json_get(v, "event"));
	when = json_string(json_get(v, "time"));
	if (event == NULL || when == NULL || strlen(when) != 24)
		seen->bad++;
	else {
		strlcat(seen->events, event, sizeof seen->events);
		strlcat(seen->events, " ", sizeof seen->events);
	}
	return (0);
}

int
main(void)
{
	struct harness		 h;
	struct harness_peer	 p;
	struct run		 r;
	struct msg_buf		 b;
	struct audit_seen	 seen;
	const char		*argv[12];
	char			 conf[512], log[512], *text, *cause = NULL;
	FILE			*f;
	size_t			 len;
	int			 n = 0;

	if (harness_init(&h) != 0)
		return (1);
	snprintf(conf, sizeof conf, "%s/conf", h.dir);
	snprintf(log, sizeof log, "%s/audit.log", h.dir);
	f = fopen(conf, "w");
	fprintf(f, "set audit-log '%s'\n", log);
	fclose(f);
	argv[n++] = h.bin;
	argv[n++] = "-S";
	argv[n++] = h.sock;
	argv[n++] = "-f";
	argv[n++] = conf;
	argv[n++] = "new";
	argv[n++] = "-d";
	argv[n++] = "-s";
	argv[n++] = "audited";
	argv[n++] = "--";
	argv[n++] = "cat";
	argv[n] = NULL;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	run_free(&r);
	harness_server(&h);

	/* A log that can't be opened is an error and changes nothing. */
	CHECK_INT(harness_run(&h, &r, "set", "audit-log", "/nonexistent/x",
	    NULL), 1);
	CHECK(strncmp(r.err, "huddle: couldn't open audit log /nonexistent/x:",
	    47) == 0);
	run_free(&r);

	/* An observer types and tries a command. */
	CHECK_INT(harness_peer_open(&h, &p, MSG_KIND_ATTACH, 60, 11), 0);
	msg_buf_init(&b, MSG_ATTACH);
	msg_put_string(&b, "/");
	msg_put_string(&b, "");
	msg_put_string(&b, "audited");
	msg_put_u8(&b, MSG_ATTACH_READONLY);
	harness_peer_send(&p, &b);
	CHECK_INT(harness_peer_wait(&p, MSG_ATTACHED, WAIT), 0);
	msg_buf_init(&b, MSG_PASTE);
	msg_put_bytes(&b, "secret-password", 15);
	harness_peer_send(&p, &b);
	msg_buf_init(&b, MSG_PROMPT);
	msg_put_u32(&b, 3);
	msg_put_string(&b, "kill");
	msg_put_string(&b, "-t");
	msg_put_string(&b, "audited");
	harness_peer_send(&p, &b);
	CHECK_INT(harness_peer_wait(&p, MSG_PROMPT_DONE, WAIT), 0);
	harness_peer_close(&p);

	harness_run(&h, &r, "send", "-t", "audited", "-l", "typed", NULL);
	run_free(&r);
	/* A queued command: queued, started and finished (who, status). */
	harness_run(&h, &r, "set", "command-quiet-time", "100", NULL);
	run_free(&r);
	harness_run(&h, &r, "run", "-w", "--timeout", "20", "-t", "audited",
	    "--", "queued-line", NULL);
	CHECK(strstr(r.err, "exit status unknown") != NULL);
	run_free(&r);
	harness_run(&h, &r, "rename", "-t", "audited", "renamed", NULL);
	run_free(&r);
	harness_run(&h, &r, "access", "-a", "99999", NULL);
	run_free(&r);
	harness_run(&h, &r, "signal", "-t", "renamed", "CONT", NULL);
	run_free(&r);
	harness_run(&h, &r, "kill", "-t", "renamed", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);

	text = harness_read_file(log, &len);
	CHECK(text != NULL);
	if (text == NULL)
		goto out;
	memset(&seen, 0, sizeof seen);
	CHECK_INT(json_parse_lines(text, len, audit_line, &seen, &cause), 0);
	free(cause);
	CHECK_INT(seen.bad, 0);
	printf("events: %s\n", seen.events);
	CHECK(strncmp(seen.events, "server-start ", 13) == 0);
	CHECK(strstr(seen.events, "connect ") != NULL);
	CHECK(strstr(seen.events, "attach ") != NULL);
	CHECK(strstr(seen.events, "refused-input ") != NULL);
	CHECK(strstr(seen.events, "refused ") != NULL);
	CHECK(strstr(seen.events, "detach ") != NULL);
	CHECK(strstr(seen.events, "command ") != NULL);
	CHECK(strstr(seen.events, "rename ") != NULL);
	CHECK(strstr(seen.events, "queued started finished ") != NULL);
	CHECK(strstr(text, "\"id\":\"cmd-1\"") != NULL);
	CHECK(strstr(text, "queued-line") == NULL);	/* never the line */
	CHECK(strstr(seen.events, "access ") != NULL);
	CHECK(strstr(seen.events, "signal ") != NULL);
	CHECK(strstr(seen.events, "kill ") != NULL);
	CHECK(strstr(seen.events, "session-end ") != NULL);
	CHECK(strstr(seen.events, "server-stop ") != NULL);
	/* Who typed is there; what they typed is not. */
	CHECK(strstr(text, "\"user\":\"") != NULL);
	CHECK(strstr(text, "secret-password") == NULL);
	CHECK(strstr(text, "typed") == NULL);
	CHECK(strstr(text, "\"mode\":\"observer\"") != NULL);
	free(text);
out:
	harness_done(&h);
	UNIT_END();
}
