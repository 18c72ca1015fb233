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

#include <dirent.h>
#include <limits.h>
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
 * kill, kill-server; the pane's size, TERM, directory and HUDDLE, and
 * commands run inside a session targeting it; a program that exits; the
 * debug logs; options and the configuration file.
 */

#define WAIT 8000

/* Start a detached session; checks it started. */
static void
start(struct harness *h, const char *name, const char *cmd)
{
	struct run	r;

	CHECK_INT(harness_run(h, &r, "new", "-d", "-s", name, "--", cmd,
	    NULL), 0);
	run_free(&r);
	if (h->server_pid == 0)
		harness_server(h);
}

/* ls --json, parsed (checked to be valid JSON); NULL if it fails. */
static struct json_value *
ls_json(struct harness *h)
{
	struct json_value	*v;
	struct run		 r;
	char			*cause = NULL;

	if (harness_run(h, &r, "ls", "--json", NULL) != 0) {
		run_free(&r);
		return (NULL);
	}
	v = json_parse(r.out, strlen(r.out), &cause);
	if (v == NULL)
		fprintf(stderr, "ls --json: %s: %s\n", cause, r.out);
	CHECK(v != NULL);
	CHECK_INT(json_type(v), JSON_ARRAY);
	free(cause);
	run_free(&r);
	return (v);
}

/* A session in ls --json by name; NULL if not there. */
static struct json_value *
json_session(struct json_value *v, const char *name)
{
	struct json_value	*s;
	size_t			 i;

	for (i = 0; i < json_length(v); i++) {
		s = json_index(v, i);
		if (json_string(json_get(s, "name")) != NULL &&
		    strcmp(json_string(json_get(s, "name")), name) == 0)
			return (s);
	}
	return (NULL);
}

/* new -d with its flags; ls shows it in every form. */
static void
test_new_ls(void)
{
	struct harness		 h;
	struct run		 r;
	struct json_value	*v, *s;
	const char		*keys[] = { "id", "width", "height",
				    "created", "activity", "windows",
				    "operators", "observers" };
	size_t			 i;

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
	/* Without -s, the first free number. */
	CHECK_INT(harness_run(&h, &r, "new-session", "-d", "-P", NULL), 0);
	CHECK_STR(r.out, "0:\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-P", "-F",
	    "#{session_name}/#{session_width}", NULL), 0);
	CHECK_STR(r.out, "1/80\n");
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
	CHECK_STR(r.out, "alpha 70x15 1\nbeta 80x24 1\n0 80x24 1\n1 80x24 1\n");
	run_free(&r);

	v = ls_json(&h);
	CHECK_INT(json_length(v), 4);
	s = json_index(v, 0);
	CHECK_STR(json_string(json_get(s, "name")), "alpha");
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (json_type(json_get(s, keys[i])) != JSON_NUMBER)
			fprintf(stderr, "ls --json: %s missing\n", keys[i]);
		CHECK_INT(json_type(json_get(s, keys[i])), JSON_NUMBER);
	}
	CHECK(json_number(json_get(s, "width")) == 70);
	CHECK(json_number(json_get(s, "height")) == 15);
	CHECK(json_number(json_get(s, "windows")) == 1);
	CHECK(json_number(json_get(s, "operators")) == 0);
	CHECK(json_number(json_get(s, "observers")) == 0);
	CHECK(json_number(json_get(s, "created")) > 1000000000);
	CHECK(json_number(json_get(json_index(v, 1), "id")) !=
	    json_number(json_get(s, "id")));
	CHECK_STR(json_string(json_get(json_index(v, 3), "name")), "1");
	json_value_free(v);
	harness_done(&h);
}

/* has, rename, kill, kill-server; programs are hung up on. */
static void
test_lifecycle(void)
{
	struct harness	 h;
	struct run	 r;
	pid_t		 pid;
	char		*flag[2], *cmd, *got;
	int		 i;

	if (harness_init(&h) != 0)
		return;
	for (i = 0; i < 2; i++) {
		xasprintf(&flag[i], "%s/hup%d", h.dir, i);
		xasprintf(&cmd, "trap 'echo hup > %s; exit 0' HUP; echo ready; "
		    "while :; do sleep 0.1; done", flag[i]);
		start(&h, i == 0 ? "one" : "two", cmd);
		free(cmd);
	}
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
	CHECK_STR(r.out, "");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "one", NULL), 1);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", "-t", "uno", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename-session", "-t", "uno", "two",
	    NULL), 1);
	CHECK_STR(r.err, "huddle: duplicate session: two\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "rename", "-t", "nope", "x", NULL), 1);
	CHECK_STR(r.err, "huddle: can't find session: nope\n");
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "ls", "-F", "#{session_name}", NULL), 0);
	CHECK_STR(r.out, "uno\ntwo\n");
	run_free(&r);

	/* kill: the session goes, its program gets SIGHUP. */
	CHECK_INT(harness_wait_capture(&h, "uno", "ready", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "kill-session", "-t", "uno", NULL), 0);
	run_free(&r);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "uno", NULL), 1);
	run_free(&r);
	got = harness_wait_line(flag[0], WAIT);
	CHECK_STR(got, "hup\n");
	free(got);

	/* kill-server: the same for every session, and the server goes. */
	CHECK_INT(harness_wait_capture(&h, "two", "ready", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "kill-server", NULL), 0);
	CHECK_STR(r.err, "");
	run_free(&r);
	got = harness_wait_line(flag[1], WAIT);
	CHECK_STR(got, "hup\n");
	free(got);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
	CHECK_INT(harness_wait_nofile(h.sock, WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "ls", NULL), 1);
	CHECK(strstr(r.err, "huddle: no server running on ") != NULL);
	run_free(&r);
	for (i = 0; i < 2; i++)
		free(flag[i]);
	harness_done(&h);
}

/* A pane gets its size, TERM, directory and HUDDLE; argv is kept whole. */
static void
test_pane_environment(void)
{
	struct harness		 h;
	struct run		 r;
	struct json_value	*v;
	char			*out, *cmd, *want, dir[PATH_MAX];
	long			 id;

	if (harness_init(&h) != 0)
		return;
	xasprintf(&cmd, "{ echo \"$HUDDLE\"; echo \"$TERM\"; stty size; "
	    "pwd -P; } > %s/env.tmp && mv %s/env.tmp %s/env; read x", h.dir,
	    h.dir, h.dir);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "env", "-x", "61",
	    "-y", "9", "-c", "/", "--", cmd, NULL), 0);
	run_free(&r);
	free(cmd);
	harness_server(&h);
	xasprintf(&cmd, "%s/env", h.dir);
	CHECK_INT(harness_wait_file(cmd, WAIT), 0);
	out = harness_read_file(cmd, NULL);
	free(cmd);
	v = ls_json(&h);
	id = (long)json_number(json_get(json_session(v, "env"), "id"));
	json_value_free(v);
	xasprintf(&want, "%s,%ld,%ld\nscreen-256color\n9 61\n/\n", h.sock,
	    (long)h.server_pid, id);
	CHECK_STR(out, want);
	free(want);
	free(out);

	/* Without -c, the directory new was run from. */
	start(&h, "here", "pwd -P; read x");
	if (realpath(h.dir, dir) != NULL)
		CHECK_INT(harness_wait_capture(&h, "here", dir, WAIT), 0);
	/* A relative -c is from there too. */
	xasprintf(&cmd, "%s/sub", h.dir);
	mkdir(cmd, 0700);
	free(cmd);
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "rel", "-c", "sub",
	    "--", "pwd -P; read x", NULL), 0);
	if (r.status == 0) {
		xasprintf(&want, "%s/sub", dir);
		CHECK_INT(harness_wait_capture(&h, "rel", want, WAIT), 0);
		free(want);
	} else
		fprintf(stderr, "new -c sub: %s", r.err);
	run_free(&r);

	/* Several words after -- are the program and its arguments. */
	CHECK_INT(harness_run(&h, &r, "new", "-d", "-s", "argv", "--", "sh",
	    "-c", "printf '[%s]' \"$@\"; read x", "sh", "a  b", "$HOME", NULL),
	    0);
	run_free(&r);
	CHECK_INT(harness_wait_capture(&h, "argv", "[a  b][$HOME]", WAIT), 0);
	harness_done(&h);
}

/*
 * A command run inside a session, with no -t and no -S, reaches that
 * session through HUDDLE, even when another one was used more recently.
 */
static void
test_inside(void)
{
	struct harness	 h;
	struct run	 r;
	char		*cmd, *go, *cap;
	FILE		*f;

	if (harness_init(&h) != 0)
		return;
	if (*h.bin != '/') {
		printf("HUDDLE_TEST_BIN is not absolute: inside untested\n");
		harness_done(&h);
		return;
	}
	xasprintf(&go, "%s/go", h.dir);
	xasprintf(&cmd, "while [ ! -e %s ]; do sleep 0.05; done; "
	    "%s send -l from-inside && %s rename renamed && exec cat", go,
	    h.bin, h.bin);
	start(&h, "first", cmd);
	free(cmd);
	start(&h, "second", "cat");	/* now the most recent */
	f = fopen(go, "w");
	fclose(f);
	free(go);
	CHECK_INT(harness_wait_gone(&h, "first", WAIT), 0);
	CHECK_INT(harness_wait_capture(&h, "renamed", "from-inside", WAIT), 0);
	CHECK_INT(harness_run(&h, &r, "has", "-t", "second", NULL), 0);
	run_free(&r);
	cap = harness_capture(&h, "second", NULL);
	CHECK(cap != NULL && strstr(cap, "from-inside") == NULL);
	free(cap);

	/* HUDDLE naming another server's pid is not this server's session. */
	{
		char		 env[700];
		const char	*envs[] = { env, NULL };
		const char	*argv[] = { h.bin, "-f", "/dev/null", "send",
				    "-l", "to-recent", NULL };

		harness_run(&h, &r, "send", "-t", "second", NULL);
		run_free(&r);	/* the most recent again */
		snprintf(env, sizeof env, "HUDDLE=%s,1,0", h.sock);
		CHECK_INT(harness_run_raw(&h, &r, argv, envs), 0);
		run_free(&r);
		CHECK_INT(harness_wait_capture(&h, "second", "to-recent",
		    WAIT), 0);
	}
	harness_done(&h);
}

/* Whether the directory holds a file whose name starts with prefix. */
static int
has_file(const char *dir, const char *prefix)
{
	DIR		*d;
	struct dirent	*de;
	int		 found = 0;

	if ((d = opendir(dir)) == NULL)
		return (0);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			found = 1;
	}
	closedir(d);
	return (found);
}

/* A program that exits ends its session; -v logs the exit status. */
static void
test_program_exits(void)
{
	struct harness		 h;
	struct run		 r;
	struct json_value	*v;
	const char		*argv[] = { NULL, "-v", "-S", NULL, "-f",
				    "/dev/null", "new", "-d", "-s", "short",
				    "--", "sh -c 'read x; exit 3'", NULL };
	char			 path[512], *log;
	pid_t			 pid;

	if (harness_init(&h) != 0)
		return;
	argv[0] = h.bin;
	argv[3] = h.sock;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	run_free(&r);
	/* A second session keeps the server up. */
	start(&h, "keep", "cat");
	pid = h.server_pid;
	v = ls_json(&h);
	CHECK(json_session(v, "short") != NULL);
	json_value_free(v);
	harness_run(&h, &r, "send", "-t", "short", "Enter", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_gone(&h, "short", WAIT), 0);
	v = ls_json(&h);
	CHECK_INT(json_length(v), 1);
	CHECK(json_session(v, "short") == NULL);
	CHECK(json_session(v, "keep") != NULL);
	json_value_free(v);

	/* The logs are in the directory of the client that started it. */
	snprintf(path, sizeof path, "%s/huddle-server-%ld.log", h.dir,
	    (long)pid);
	log = harness_read_file(path, NULL);
	CHECK(log != NULL && strstr(log, "exited with status 3") != NULL);
	free(log);
	CHECK(has_file(h.dir, "huddle-client-"));

	/* The last session ending ends the server. */
	harness_run(&h, &r, "kill", "-t", "keep", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_pid(pid, WAIT), 0);
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
	const char	*argv[] = { NULL, "-S", NULL, "-f", NULL, "new", "-d",
			    NULL };
	char		 conf[512], want[2048];
	FILE		*f;

	if (harness_init(&h) != 0)
		return;
	snprintf(conf, sizeof conf, "%s/huddle.conf", h.dir);
	f = fopen(conf, "w");
	fputs("# a comment\nset history-limit 500\nset nope 1\n"
	    "set 'status-position' \\\n  top\nnew -d\n", f);
	fclose(f);
	argv[0] = h.bin;
	argv[2] = h.sock;
	argv[4] = conf;
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

/*
 * A configuration line too long (alone, or joined by backslashes) is one
 * error with its file and line; the lines after it still run.
 */
static void
test_config_long_lines(void)
{
	struct harness	 h;
	struct run	 r;
	const char	*argv[] = { NULL, "-S", NULL, "-f", NULL, "new", "-d",
			    "-s", "x", "--", "cat", NULL };
	char		 conf[512], want[4096], *pad;
	FILE		*f;

	if (harness_init(&h) != 0)
		return;
	pad = malloc(20000);
	memset(pad, 'x', 20000);
	snprintf(conf, sizeof conf, "%s/huddle.conf", h.dir);
	f = fopen(conf, "w");
	fprintf(f, "set history-limit 500\n");		/* 1 */
	fprintf(f, "set bell %.*s\n", 9000, pad);		/* 2: too long */
	fprintf(f, "set status-position top\n");		/* 3 */
	/* 4: exactly 8190 bytes (a comment fills it up) runs. */
	fprintf(f, "set escape-time 77 #%.*s\n", 8190 - 20, pad);
	fprintf(f, "set nope 1 %.*s\\\n", 5000, pad);	/* 5-6: too long */
	fprintf(f, "%.*s\n", 5000, pad);
	fprintf(f, "set status off %.*s\n", 20000, pad);	/* 7: too long */
	fprintf(f, "set bell off\n");			/* 8 */
	fprintf(f, "set nope 2");				/* 9: no newline */
	fclose(f);
	free(pad);
	argv[0] = h.bin;
	argv[2] = h.sock;
	argv[4] = conf;
	CHECK_INT(harness_run_raw(&h, &r, argv, NULL), 0);
	snprintf(want, sizeof want,
	    "huddle: %s:2: line too long (more than 8190 bytes)\n"
	    "huddle: %s:5: line too long (more than 8190 bytes)\n"
	    "huddle: %s:7: line too long (more than 8190 bytes)\n"
	    "huddle: %s:9: unknown option: nope\n", conf, conf, conf, conf);
	CHECK_STR(r.err, want);
	run_free(&r);
	harness_server(&h);
	harness_run(&h, &r, "show", NULL);
	CHECK(strstr(r.out, "history-limit 500\n") != NULL);
	CHECK(strstr(r.out, "status-position top\n") != NULL);
	CHECK(strstr(r.out, "escape-time 77\n") != NULL);
	CHECK(strstr(r.out, "bell off\n") != NULL);
	CHECK(strstr(r.out, "status on\n") != NULL);
	run_free(&r);
	harness_done(&h);
}

int
main(void)
{
	test_config();
	test_config_long_lines();
	test_new_ls();
	test_lifecycle();
	test_pane_environment();
	test_inside();
	test_program_exits();
	test_options();
	UNIT_END();
}
