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
 * Recordings: valid asciicast v2 (a header, then events with times that
 * never go back), resize and input events, and a replay of the output
 * events that reproduces the session's screen exactly.
 */

#define WAIT 8000

struct cast {
	int		 lines;
	int		 bad;
	double		 last;
	char		*output;	/* all "o" data, decoded */
	size_t		 len;
	int		 resizes;
	int		 inputs;
};

/* One line of the file. */
static int
cast_line(struct json_value *v, void *arg)
{
	struct cast	*c = arg;
	const char	*code, *data;
	double		 t;

	if (c->lines++ == 0) {
		if (json_type(v) != JSON_OBJECT)
			c->bad++;
		if (json_number(json_get(v, "version")) != 2 ||
		    json_get(v, "width") == NULL ||
		    json_get(v, "height") == NULL ||
		    json_get(json_get(v, "env"), "TERM") == NULL ||
		    json_string(json_get(v, "title")) == NULL)
			c->bad++;
		return (0);
	}
	if (json_type(v) != JSON_ARRAY || json_length(v) != 3) {
		c->bad++;
		return (0);
	}
	t = json_number(json_index(v, 0));
	code = json_string(json_index(v, 1));
	data = json_string(json_index(v, 2));
	if (code == NULL || data == NULL || t < c->last) {
		c->bad++;
		return (0);
	}
	c->last = t;
	if (strcmp(code, "o") == 0) {
		c->output = realloc(c->output, c->len + strlen(data) + 1);
		memcpy(c->output + c->len, data, strlen(data) + 1);
		c->len += strlen(data);
	} else if (strcmp(code, "r") == 0)
		c->resizes++;
	else if (strcmp(code, "i") == 0)
		c->inputs++;
	return (0);
}

/* Read and check a recording. */
static void
cast_read(const char *path, struct cast *c)
{
	char	*text, *cause = NULL;
	size_t	 len;

	memset(c, 0, sizeof *c);
	text = harness_read_file(path, &len);
	CHECK(text != NULL);
	if (text == NULL)
		return;
	if (json_parse_lines(text, len, cast_line, c, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", path, cause);
		CHECK(0);
	}
	free(cause);
	free(text);
	CHECK_INT(c->bad, 0);
}

/* Replay output into a fresh session of the same size; capture -e it. */
static char *
cast_replay(struct harness *h, struct cast *c, const char *name,
    const char *x, const char *y)
{
	struct run	 r;
	char		 path[512], *cmd, *cap;
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s.raw", h->dir, name);
	f = fopen(path, "w");
	fwrite(c->output, 1, c->len, f);
	fclose(f);
	xasprintf(&cmd, "stty raw -echo; cat %s; printf '\\033[?25h'; "
	    "read x", path);
	harness_run(h, &r, "new", "-d", "-s", name, "-x", x, "-y", y, "--",
	    cmd, NULL);
	run_free(&r);
	free(cmd);
	harness_msleep(300);
	cap = harness_capture(h, name, "-e");
	return (cap);
}

/* new --record: the whole session, replayed exactly; resize events. */
static void
test_new_record(struct harness *h)
{
	struct run	 r;
	struct cast	 c;
	char		 path[512], *orig, *replay;

	snprintf(path, sizeof path, "%s/new.cast", h->dir);
	harness_run(h, &r, "new", "-d", "-s", "rec", "-x", "40", "-y", "8",
	    "--record", path, "--", "printf 'h\\303\\251llo \\033[1;31mred"
	    "\\033[0m \\344\\270\\255\\346\\226\\207 \\033[7mrev\\033[0m\\n';"
	    " seq 1 12; printf done; read x", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_server(h);
	CHECK_INT(harness_wait_capture(h, "rec", "done", WAIT), 0);
	orig = harness_capture(h, "rec", "-e");
	harness_run(h, &r, "record", "-t", "rec", "--stop", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run(h, &r, "record", "-t", "rec", "--stop", NULL);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: not recording\n");
	run_free(&r);
	cast_read(path, &c);
	CHECK(c.lines >= 2);	/* the header and at least one event */
	replay = cast_replay(h, &c, "replay1", "40", "8");
	CHECK(orig != NULL && replay != NULL);
	if (orig != NULL && replay != NULL)
		CHECK_STR(replay, orig);
	free(orig);
	free(replay);
	free(c.output);
}

/* record on a running session starts with its screen; --input, resize. */
static void
test_record_running(struct harness *h)
{
	struct run	 r;
	struct cast	 c;
	char		 path[512], *orig, *replay;

	snprintf(path, sizeof path, "%s/live.cast", h->dir);
	harness_run(h, &r, "new", "-d", "-s", "live", "-x", "30", "-y", "6",
	    "--", "cat", NULL);
	run_free(&r);
	harness_run(h, &r, "send", "-t", "live", "-l", "before", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "live", "before", WAIT), 0);
	harness_run(h, &r, "record", "-t", "live", "--input", path, NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run(h, &r, "record", "-t", "live", path, NULL);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: already recording\n");
	run_free(&r);
	harness_run(h, &r, "send", "-t", "live", "-l", " after", NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "live", "before after", WAIT), 0);
	harness_run(h, &r, "resize", "-t", "live", "-x", "32", "-y", "6",
	    NULL);
	run_free(&r);
	CHECK_INT(harness_wait_capture(h, "live", "before after", WAIT), 0);
	harness_msleep(100);
	orig = harness_capture(h, "live", "-e");
	harness_run(h, &r, "record", "-t", "live", "--stop", NULL);
	run_free(&r);
	cast_read(path, &c);
	CHECK_INT(c.resizes, 1);
	CHECK(c.inputs >= 1);
	replay = cast_replay(h, &c, "replay2", "32", "6");
	CHECK(orig != NULL && replay != NULL);
	if (orig != NULL && replay != NULL)
		CHECK_STR(replay, orig);
	free(orig);
	free(replay);
	free(c.output);
}

/* A file that can't be written is a clear error; the session goes on. */
static void
test_bad_path(struct harness *h)
{
	struct run	r;
	char		path[512];

	harness_run(h, &r, "record", "-t", "live", "/nonexistent/x.cast",
	    NULL);
	CHECK_INT(r.status, 1);
	CHECK_STR(r.err, "huddle: couldn't open /nonexistent/x.cast: No such "
	    "file or directory\n");
	run_free(&r);
	harness_run(h, &r, "new", "-d", "-s", "nope", "--record",
	    "/nonexistent/y.cast", NULL);
	CHECK_INT(r.status, 1);
	run_free(&r);
	harness_run(h, &r, "has", "-t", "nope", NULL);
	CHECK_INT(r.status, 1);
	run_free(&r);
	harness_run(h, &r, "has", "-t", "live", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);

	/* A relative path is from the caller's directory (the test's). */
	harness_run(h, &r, "record", "-t", "live", "relative.cast", NULL);
	CHECK_INT(r.status, 0);
	run_free(&r);
	harness_run(h, &r, "record", "-t", "live", "--stop", NULL);
	run_free(&r);
	snprintf(path, sizeof path, "%s/relative.cast", h->dir);
	CHECK_INT(access(path, F_OK), 0);
}

int
main(void)
{
	struct harness	h;

	if (harness_init(&h) != 0)
		return (1);
	test_new_record(&h);
	test_record_running(&h);
	test_bad_path(&h);
	harness_done(&h);
	UNIT_END();
}
