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
#include <time.h>
#include <wchar.h>

#include <curses.h>

#include "huddle.h"
#include "client.h"

/*
 * The status line (session, own mode, who is attached and who typed last,
 * the title and the time), messages shown there for a while, the command
 * prompt with editing and history, the output of a command run from it,
 * and the help overlay.
 */

#define STATUS_HISTORY_MAX 100
#define STATUS_LINE_MAX 4096	/* bytes at the prompt */
#define STATUS_OUTPUT_MAX 10000	/* lines of a command's output kept */

static const char *status_help[] = {
	"",
	"  d        detach",
	"  :        command prompt (any huddle command)",
	"  ?        this help",
	"  r        redraw the screen",
	"  prefix   send the prefix key itself",
	"",
	"At the prompt: Enter runs the command; Escape, C-c or",
	"C-g cancels; Left, Right, Home, End, C-a, C-e, C-b, C-f",
	"move; BSpace, Delete, C-h, C-d, C-u, C-k, C-w, M-BSpace",
	"delete; Up, Down, C-p, C-n go through the history.",
	"",
	"Press any key to close."
};

/* Copy text for display: control characters become '?'. */
static char *
client_status_clean(const char *s)
{
	char	*out = xstrdup(s), *p;

	for (p = out; *p != '\0'; p++) {
		if ((u_char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	}
	return (out);
}

/* The next character of s (len bytes): its width and length. */
static size_t
client_status_next(const char *s, size_t len, wchar_t *wc, int *width)
{
	mbstate_t	ps;
	size_t		n;

	memset(&ps, 0, sizeof ps);
	n = mbrtowc(wc, s, len, &ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		n = 1;
	}
	*width = wcwidth(*wc);
	if (*wc < 0x20 || (*wc >= 0x7f && *wc < 0xa0) || *width < 0) {
		*wc = L'?';
		*width = 1;
	}
	return (n);
}

/* The columns the first len bytes of s take. */
static u_int
client_status_width(const char *s, size_t len)
{
	wchar_t	wc;
	size_t	n;
	u_int	used = 0;
	int	w;

	while (len > 0) {
		n = client_status_next(s, len, &wc, &w);
		used += w;
		s += n;
		len -= n;
	}
	return (used);
}

/* Write text at (x, y), at most width columns; returns columns used. */
static u_int
client_status_put(const char *s, u_int x, u_int y, u_int width)
{
	wchar_t	 wc;
	size_t	 n, len = strlen(s);
	int	 w;
	u_int	 used = 0;

	move(y, x);
	while (len > 0 && used < width) {
		n = client_status_next(s, len, &wc, &w);
		if (used + w > width)
			break;
		addnwstr(&wc, 1);
		used += w;
		s += n;
		len -= n;
	}
	return (used);
}

/* Fill row y with spaces in the current attributes. */
static void
client_status_blank(struct client_ctx *cc, u_int y)
{
	u_int	x;

	move(y, 0);
	for (x = 0; x < cc->cols; x++)
		addch(' ');
}

/* Draw the prompt on row y, scrolled so the cursor is in view. */
static void
client_status_prompt_draw(struct client_ctx *cc, u_int y)
{
	u_int	avail = cc->cols > 2 ? cc->cols - 2 : 1;
	size_t	start = 0;
	wchar_t	wc;
	int	w;

	while (start < cc->line_cursor &&
	    client_status_width(cc->line + start, cc->line_cursor - start) >
	    avail)
		start += client_status_next(cc->line + start,
		    cc->line_len - start, &wc, &w);
	client_status_put(":", 0, y, cc->cols);
	client_status_put(cc->line + start, 1, y, cc->cols - 1);
	attrset(A_NORMAL);
	move(y, 1 + client_status_width(cc->line + start,
	    cc->line_cursor - start));
}

/* The left part of the status line. */
static void
client_status_left(struct client_ctx *cc, char *buf, size_t len)
{
	char	*title;

	title = client_status_clean(cc->title != NULL ? cc->title : "");
	snprintf(buf, len, "[%s] %s | %u op%s %u obs%s%s%s%s%s",
	    cc->session != NULL ? cc->session : "",
	    cc->readonly ? "observer" : "operator", cc->ops,
	    cc->ops == 1 ? "" : "s", cc->obs,
	    cc->last_user != NULL && *cc->last_user != '\0' ? " | typed: " : "",
	    cc->last_user != NULL ? cc->last_user : "",
	    (cc->status_flags & MSG_STATUS_QUEUE_WAITING) ? " | queued" : "",
	    *title != '\0' ? " | " : "", title);
	free(title);
}

/* Draw the status line (or the prompt, or a message) on row y. */
void
client_status_draw(struct client_ctx *cc, int y)
{
	char		 left[1024], right[16];
	struct tm	 tm;
	time_t		 now;
	u_int		 rlen;

	attrset(A_REVERSE);
	client_status_blank(cc, y);
	if (cc->prompt) {
		client_status_prompt_draw(cc, y);
		return;
	}
	if (cc->message != NULL) {
		client_status_put(cc->message, 0, y, cc->cols);
		attrset(A_NORMAL);
		return;
	}
	client_status_left(cc, left, sizeof left);
	time(&now);
	localtime_r(&now, &tm);
	strftime(cc->clock, sizeof cc->clock, "%H:%M", &tm);
	snprintf(right, sizeof right, " %s", cc->clock);
	rlen = strlen(right);
	client_status_put(left, 0, y, cc->cols > rlen ? cc->cols - rlen :
	    cc->cols);
	if (cc->cols > rlen)
		client_status_put(right, cc->cols - rlen, y, rlen);
	attrset(A_NORMAL);
}

/* Show a message for a few seconds. */
void
client_status_message(struct client_ctx *cc, const char *text)
{
	free(cc->message);
	cc->message = client_status_clean(text);
}

/* Draw the help box in the middle of the screen. */
void
client_status_help_draw(struct client_ctx *cc)
{
	u_int	i, n = nitems(status_help), w = 60, x, y, top, left;
	char	name[64], title[128];

	keys_name(cc->prefix, name, sizeof name);
	snprintf(title, sizeof title, "huddle key bindings, after the prefix "
	    "key %s:", name);
	top = cc->rows > n + 3 ? (cc->rows - n - 3) / 2 : 0;
	left = cc->cols > w ? (cc->cols - w) / 2 : 0;
	attrset(A_REVERSE);
	for (y = 0; y < n + 3 && top + y < cc->rows; y++) {
		move(top + y, left);
		for (x = 0; x < w && left + x < cc->cols; x++)
			addch(' ');
	}
	for (i = 0; i <= n && top + 1 + i < cc->rows; i++) {
		client_status_put(i == 0 ? title : status_help[i - 1],
		    left + 2, top + 1 + i,
		    cc->cols > left + 2 ? cc->cols - left - 2 : 0);
	}
	attrset(A_NORMAL);
}

/* Forget a command's output. */
static void
client_status_output_clear(struct client_ctx *cc)
{
	u_int	i;

	for (i = 0; i < cc->noutput; i++)
		free(cc->output[i]);
	free(cc->output);
	cc->output = NULL;
	cc->noutput = 0;
	cc->view = 0;
	cc->view_top = 0;
}

/* A line of output from the prompt's command. */
void
client_status_output(struct client_ctx *cc, const char *text)
{
	if (cc->noutput >= STATUS_OUTPUT_MAX)
		return;
	cc->output = xreallocarray(cc->output, cc->noutput + 1,
	    sizeof *cc->output);
	cc->output[cc->noutput++] = client_status_clean(text);
}

/*
 * The prompt's command finished: one line of output is a message (returns
 * 1), more are shown over the screen until a key is pressed.
 */
int
client_status_output_done(struct client_ctx *cc)
{
	if (cc->noutput == 1) {
		client_status_message(cc, cc->output[0]);
		client_status_output_clear(cc);
		return (1);
	}
	if (cc->noutput > 1) {
		cc->view = 1;
		cc->view_top = 0;
	}
	return (0);
}

/* The rows the session's area has. */
static u_int
client_status_area(struct client_ctx *cc)
{
	if (cc->status != 0 && cc->rows > 1)
		return (cc->rows - 1);
	return (cc->rows);
}

/* Draw the command's output over the session's area. */
void
client_status_view_draw(struct client_ctx *cc, u_int top, u_int rows)
{
	char	hint[128];
	u_int	y, shown = rows > 1 ? rows - 1 : 1, end;

	for (y = 0; y < shown; y++) {
		client_status_blank(cc, top + y);
		if (cc->view_top + y < cc->noutput)
			client_status_put(cc->output[cc->view_top + y], 0,
			    top + y, cc->cols);
	}
	if (rows < 2)
		return;
	end = cc->view_top + shown;
	if (end > cc->noutput)
		end = cc->noutput;
	snprintf(hint, sizeof hint, "[%u-%u of %u] Up/Down/PageUp/PageDown "
	    "scroll, any other key closes", cc->view_top + 1, end,
	    cc->noutput);
	attrset(A_REVERSE);
	client_status_blank(cc, top + shown);
	client_status_put(hint, 0, top + shown, cc->cols);
	attrset(A_NORMAL);
}

/* A key while the output is shown: scroll, or close it. */
void
client_status_view_key(struct client_ctx *cc, uint64_t key)
{
	u_int	area = client_status_area(cc), page, last;

	page = area > 2 ? area - 1 : 1;
	last = cc->noutput > page ? cc->noutput - page : 0;
	switch (key) {
	case KEYC_UP:
	case 'k':
		cc->view_top = cc->view_top > 0 ? cc->view_top - 1 : 0;
		break;
	case KEYC_DOWN:
	case 'j':
		cc->view_top++;
		break;
	case KEYC_PPAGE:
		cc->view_top = cc->view_top > page ? cc->view_top - page : 0;
		break;
	case KEYC_NPAGE:
	case ' ':
		cc->view_top += page;
		break;
	case KEYC_HOME:
		cc->view_top = 0;
		break;
	case KEYC_END:
		cc->view_top = last;
		break;
	default:
		client_status_output_clear(cc);
		return;
	}
	if (cc->view_top > last)
		cc->view_top = last;
}

/* Open the command prompt. */
void
client_status_prompt_start(struct client_ctx *cc)
{
	cc->prompt = 1;
	free(cc->line);
	cc->line = xstrdup("");
	cc->line_len = cc->line_cursor = 0;
	cc->history_at = cc->nhistory;
	free(cc->message);
	cc->message = NULL;
}

/* Replace the prompt's text. */
static void
client_status_set_line(struct client_ctx *cc, const char *s)
{
	free(cc->line);
	cc->line = xstrdup(s);
	cc->line_len = cc->line_cursor = strlen(s);
}

/* Keep a line in the history, unless it repeats the last one. */
static void
client_status_remember(struct client_ctx *cc, const char *line)
{
	if (cc->nhistory != 0 &&
	    strcmp(cc->history[cc->nhistory - 1], line) == 0)
		return;
	if (cc->nhistory == STATUS_HISTORY_MAX) {
		free(cc->history[0]);
		memmove(cc->history, cc->history + 1,
		    (cc->nhistory - 1) * sizeof *cc->history);
		cc->nhistory--;
	}
	cc->history = xreallocarray(cc->history, cc->nhistory + 1,
	    sizeof *cc->history);
	cc->history[cc->nhistory++] = xstrdup(line);
}

/* Run the prompt's line. */
static void
client_status_enter(struct client_ctx *cc)
{
	char	**argv, *cause = NULL;
	int	  argc;

	cc->prompt = 0;
	if (cc->line_len == 0)
		return;
	client_status_remember(cc, cc->line);
	if (cmd_split(cc->line, &argc, &argv, &cause) != 0) {
		client_status_message(cc, cause);
		free(cause);
		return;
	}
	if (argc != 0) {
		client_status_output_clear(cc);
		client_send_prompt(cc, argc, argv);
	}
	cmd_free_argv(argc, argv);
}

/* Start of the UTF-8 character before position at. */
static size_t
client_status_back(const char *s, size_t at)
{
	if (at == 0)
		return (0);
	at--;
	while (at > 0 && ((u_char)s[at] & 0xc0) == 0x80)
		at--;
	return (at);
}

/* End of the UTF-8 character at position at. */
static size_t
client_status_forward(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return (len);
	at++;
	while (at < len && ((u_char)s[at] & 0xc0) == 0x80)
		at++;
	return (at);
}

/* Delete bytes [from, to) of the line. */
static void
client_status_delete(struct client_ctx *cc, size_t from, size_t to)
{
	memmove(cc->line + from, cc->line + to, cc->line_len - to + 1);
	cc->line_len -= to - from;
	cc->line_cursor = from;
}

/* Insert a character at the cursor. */
static void
client_status_insert(struct client_ctx *cc, uint64_t key)
{
	char	buf[8];
	int	n;

	n = utf8_encode((uint32_t)key, buf);
	if (n <= 0 || cc->line_len + n > STATUS_LINE_MAX)
		return;
	cc->line = xrealloc(cc->line, cc->line_len + n + 1);
	memmove(cc->line + cc->line_cursor + n, cc->line + cc->line_cursor,
	    cc->line_len - cc->line_cursor + 1);
	memcpy(cc->line + cc->line_cursor, buf, n);
	cc->line_len += n;
	cc->line_cursor += n;
}

/* Walk the history. */
static void
client_status_history(struct client_ctx *cc, int up)
{
	if (up && cc->history_at > 0)
		cc->history_at--;
	else if (!up && cc->history_at < cc->nhistory)
		cc->history_at++;
	else
		return;
	client_status_set_line(cc, cc->history_at < cc->nhistory ?
	    cc->history[cc->history_at] : "");
}

/* Delete the word before the cursor. */
static void
client_status_delete_word(struct client_ctx *cc)
{
	size_t	at = cc->line_cursor;

	while (at > 0 && cc->line[at - 1] == ' ')
		at--;
	while (at > 0 && cc->line[at - 1] != ' ')
		at--;
	client_status_delete(cc, at, cc->line_cursor);
}

/* A key that moves the cursor or walks the history; 0 if not one. */
static int
client_status_move(struct client_ctx *cc, uint64_t key)
{
	switch (key) {
	case KEYC_LEFT:
	case 'b' | KEYC_CTRL:
		cc->line_cursor = client_status_back(cc->line, cc->line_cursor);
		return (1);
	case KEYC_RIGHT:
	case 'f' | KEYC_CTRL:
		cc->line_cursor = client_status_forward(cc->line, cc->line_len,
		    cc->line_cursor);
		return (1);
	case KEYC_HOME:
	case 'a' | KEYC_CTRL:
		cc->line_cursor = 0;
		return (1);
	case KEYC_END:
	case 'e' | KEYC_CTRL:
		cc->line_cursor = cc->line_len;
		return (1);
	case KEYC_UP:
	case 'p' | KEYC_CTRL:
		client_status_history(cc, 1);
		return (1);
	case KEYC_DOWN:
	case 'n' | KEYC_CTRL:
		client_status_history(cc, 0);
		return (1);
	}
	return (0);
}

/* A key typed at the prompt. */
void
client_status_key(struct client_ctx *cc, uint64_t key)
{
	switch (key) {
	case '\r':
	case KEYC_KP_ENTER:
		client_status_enter(cc);
		return;
	case '\033':
	case 'c' | KEYC_CTRL:
	case 'g' | KEYC_CTRL:
		cc->prompt = 0;
		return;
	case KEYC_BSPACE:
	case 'h' | KEYC_CTRL:
		client_status_delete(cc, client_status_back(cc->line,
		    cc->line_cursor), cc->line_cursor);
		return;
	case KEYC_DC:
	case 'd' | KEYC_CTRL:
		client_status_delete(cc, cc->line_cursor,
		    client_status_forward(cc->line, cc->line_len,
		    cc->line_cursor));
		return;
	case 'u' | KEYC_CTRL:
		client_status_delete(cc, 0, cc->line_cursor);
		return;
	case 'k' | KEYC_CTRL:
		client_status_delete(cc, cc->line_cursor, cc->line_len);
		return;
	case 'w' | KEYC_CTRL:
	case KEYC_BSPACE | KEYC_META:
		client_status_delete_word(cc);
		return;
	}
	if (client_status_move(cc, key))
		return;
	if ((key & KEYC_MASK_MODIFIERS) == 0 && !KEYC_IS_SPECIAL(key) &&
	    key >= 0x20 && key != 0x7f && (key < 0x80 || key >= 0xa0))
		client_status_insert(cc, key);
}

/* Free what the status line holds. */
void
client_status_free(struct client_ctx *cc)
{
	u_int	i;

	client_status_output_clear(cc);
	free(cc->line);
	free(cc->message);
	free(cc->title);
	free(cc->last_user);
	for (i = 0; i < cc->nhistory; i++)
		free(cc->history[i]);
	free(cc->history);
}
