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
#include <sys/stat.h>

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
 * Sessions from the command line: new, ls (text, -F, --json), has, rename,
 * kill, kill-server; the pane's size, TERM and HUDDLE; a program that
 * exits; the debug log.
 */

#define WAIT 8000

/* new -d with its flags; ls shows it in every form. */
static void
test_new_ls(void)
{
	struct harness		 h;
	struct run		 r;
	struct json_value	*v, *s;
	char			*cause = NULL;

	if (harness_init(&h) != 0)
		return;
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "alpha", "-x", "70",
	    "-y", "15", NULL), 0);
	CHECK_STR(r.out, "");
	CHECK_STR(r.err, "");
	run_free(&r);
	harness_server(&h);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "beta", "-P", NULL),
	    0);
	CHECK_STR(r.out, "beta:\n");
	run_free(&r);
	/* A name that is taken, or bad. */
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "alpha", NULL), 1);
	CHECK_STR(r.err, "huddle: duplicate session: alpha\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "a:b", NULL), 1);
	CHECK_STR(r.err, "huddle: invalid session name: a:b\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-x", "0", NULL), 1);
	CHECK(strstr(r.err, "width") != NULL);
	run_free(&r);
	/* Sizes are bounded, so no one can make the server allocate wildly. */
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-y", "1001", NULL), 1);
	CHECK_STR(r.err, "huddle: height out of range (1 to 1000): 1001\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "set", "history-limit", "100001", NULL),
	    1);
	run_free(&r);

	CHECK_INT(harness_run(&h, &r, "ls", NULL), 0);
	CHECK(strncmp(r.out, "alpha: 1 windows (created ", 26) == 0);
	CHECK(strstr(r.out, "[70x15]\nbeta: 1 windows") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "list-sessions", "-F",
	    "#{session_name} #{session_width}x#{session_height} "
	    "#{session_windows}", NULL), 0);
	CHECK_STR(r.out, "alpha 70x15 1\nbeta 80x24 1\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "ls", "--json", NULL), 0);
	v = json_parse(r.out, strlen(r.out), &cause);
	CHECK(v != NULL);
	CHECK_INT(json_length(v), 2);
	s = json_index(v, 0);
	CHECK_STR(json_string(json_get(s, "name")), "alpha");
	CHECK(json_number(json_get(s, "width")) == 70);
	CHECK(json_number(json_get(s, "height")) == 15);
	CHECK(json_number(json_get(s, "operators")) == 0);
	json_value_free(v);
	run_free(&r);
	harness_done(&h);
}

/* has, rename, kill, kill-server. */
static void
test_lifecycle(void)
{
	struct harness	h;
	struct run	r;
	pid_t		pid;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "one", NULL);
	run_free(&r);
	harness_run(&h, &r, "new", "-d", "-s", "two", NULL);
	run_free(&r);
	pid = harness_server(&h);
	CHECK(pid > 0);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "one", NULL), 0);
	CHECK_STR(r.out, "");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has-session", "-t", "nope", NULL), 1);
	CHECK_STR(r.out, "");
	CHECK_STR(r.err, "");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", "-t", "one", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", "-t", "uno", "two", NULL), 1);
	CHECK_STR(r.err, "huddle: duplicate session: two\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", "-t", "nope", "x", NULL), 1);
	CHECK_STR(r.err, "huddle: can't find session: nope\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "kill", "-t", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "uno", NULL), 1);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "kill-server", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	CHECK(strstr(r.err, "huddle: no server running on ") != NULL);
	run_free(&r);
	/* The server process is gone and so is its socket. */
	CHECK(access(h.sock, F_OK) != 0);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	harness_done(&h);
}

/* A pane gets its size, TERM and HUDDLE; commands inside target it. */
static void
test_pane_environment(void)
{
	struct harness	 h;
	struct run	 r;
	char		 cmd[1024], *cap;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", "-s", "env", "-x", "61", "-y", "9",
	    "-c", "/", NULL);
	run_free(&r);
	harness_server(&h);
	/* A more recent session, so a default target would pick it. */
	harness_run(&h, &r, "new", "-d", "-s", "other", NULL);
	run_free(&r);
	harness_run(&h, &r, "send", "-t", "env",
	    "stty size; echo \"T=$TERM\"; pwd; echo \"H=$HUDDLE\"", "Enter",
	    NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, "env", "9 61", WAIT), 0);
	CHECK_INT(harness_wait_capture(&h, "env", "T=screen-256color", WAIT),
	    0);
	snprintf(cmd, sizeof cmd, "H=%s,", h.sock);
	CHECK_INT(harness_wait_capture(&h, "env", cmd, WAIT), 0);
	/* huddle run inside the session targets that session. */
	snprintf(cmd, sizeof cmd, "%s rename inside", h.bin);
	harness_run(&h, &r, "send", "-t", "env", cmd, "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_gone(&h, "env", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "inside", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "other", NULL), 0);
	run_free(&r);
	cap = harness_capture(&h, "inside", NULL);
	CHECK(cap != NULL && strstr(cap, "\n/\n") != NULL);
	free(cap);
	/* A relative -c is from the caller's directory (the test's). */
	snprintf(cmd, sizeof cmd, "%s/sub", h.dir);
	mkdir(cmd, 0755);
	harness_run(&h, &r, "new", "-d", "-s", "rel", "-c", "sub", "--",
	    "pwd; read x", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, "rel", "/sub\n", WAIT), 0);
	harness_done(&h);
}

/* A program that exits ends its session; -v logs the exit status. */
static void
test_program_exits(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*argv[16];
	char		 path[512], *log;
	pid_t		 pid;
	int		 n = 0;

	if (harness_init(&h) != 0)
		return;
	argv[n++] = h.bin;
	argv[n++] = "-v";
	argv[n++] = "-S";
	argv[n++] = h.sock;
	argv[n++] = "-f";
	argv[n++] = "/dev/null";
	argv[n++] = "new";
	argv[n++] = "-d";
	argv[n++] = "-s";
	argv[n++] = "short";
	argv[n++] = "--";
	argv[n++] = "sh -c 'read x; exit 3'";
	argv[n] = NULL;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	run_free(&r);
	/* A second session keeps the server up. */
	harness_run(&h, &r, "new", "-d", "-s", "keep", NULL);
	run_free(&r);
	pid = harness_server(&h);
	harness_run(&h, &r, "send", "-t", "short", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_gone(&h, "short", WAIT), 0);
	harness_run(&h, &r, "ls", "--json", NULL);
	CHECK(strstr(r.out, "short") == NULL);
	run_free(&r);
	snprintf(path, sizeof path, "%s/huddle-server-%ld.log", h.dir,
	    (long)pid);
	log = harness_read_file(path, NULL);
	CHECK(log != NULL && strstr(log, "exited with status 3") != NULL);
	free(log);
	/* The last session ending ends the server. */
	harness_run(&h, &r, "kill", "-t", "keep", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);
	harness_done(&h);
}

/* The history-limit option, and show/set errors. */
static void
test_options(void)
{
	struct harness	h;
	struct run	r;

	if (harness_init(&h) != 0)
		return;
	harness_run(&h, &r, "new", "-d", NULL);
	run_free(&r);
	harness_server(&h);
	CHECK_INT(harness_run(&h, &r, "show", "history-limit", NULL), 0);
	CHECK_STR(r.out, "history-limit 2000\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "set", "history-limit", "50", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "show", "-v", "history-limit", NULL), 0);
	CHECK_STR(r.out, "50\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "set", "history-limit", "lots", NULL),
	    1);
	CHECK(strstr(r.err, "history-limit: expected a number") != NULL);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "set", "nope", "1", NULL), 1);
	CHECK_STR(r.err, "huddle: unknown option: nope\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "show", "default-terminal", NULL), 0);
	CHECK_STR(r.out, "default-terminal screen-256color\n");
	run_free(&r);
	harness_done(&h);
}

/* A configuration file runs; each bad line is one error naming it. */
static void
test_config(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*argv[16];
	char		 conf[512], want[2048];
	FILE		*f;
	int		 n = 0;

	if (harness_init(&h) != 0)
		return;
	snprintf(conf, sizeof conf, "%s/huddle.conf", h.dir);
	f = fopen(conf, "w");
	fputs("# a comment\nset history-limit 500\nset nope 1\n"
	    "set 'status-position' \\\n  top\nnew -d\n", f);
	fclose(f);
	argv[n++] = h.bin;
	argv[n++] = "-S";
	argv[n++] = h.sock;
	argv[n++] = "-f";
	argv[n++] = conf;
	argv[n++] = "new";
	argv[n++] = "-d";
	argv[n] = NULL;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	snprintf(want, sizeof want, "huddle: %s:3: unknown option: nope\n"
	    "huddle: %s:6: new cannot be run from a configuration file\n",
	    conf, conf);
	CHECK_STR(r.err, want);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "show", "-v", "history-limit", NULL);
	CHECK_STR(r.out, "500\n");
	run_free(&r);
	harness_run(&h, &r, "show", "-v", "status-position", NULL);
	CHECK_STR(r.out, "top\n");
	run_free(&r);
	harness_done(&h);
}

int
main(void)
{
	test_config();
	test_new_ls();
	test_lifecycle();
	test_pane_environment();
	test_program_exits();
	test_options();
	UNIT_END();
}
