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
 * prompt with editing and history, and the help overlay.
 */

#define STATUS_HISTORY_MAX 100

static const char *status_help[] = {
	"huddle key bindings (after the prefix key)",
	"",
	"  d       detach",
	"  :       command prompt (any huddle command)",
	"  ?       this help",
	"  r       redraw the screen",
	"  prefix  send the prefix key itself",
	"",
	"At the prompt: Enter runs, Escape or C-c cancels,",
	"Up and Down go through the history.",
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

/* Write text at (x, y), at most width columns; returns columns used. */
static u_int
client_status_put(const char *s, u_int x, u_int y, u_int width)
{
	wchar_t	 wc;
	mbstate_t ps;
	size_t	 n;
	int	 w;
	u_int	 used = 0;

	memset(&ps, 0, sizeof ps);
	move(y, x);
	while (*s != '\0' && used < width) {
		n = mbrtowc(&wc, s, strlen(s), &ps);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			wc = L'?';
			n = 1;
			memset(&ps, 0, sizeof ps);
		}
		w = wcwidth(wc);
		if (w < 0)
			w = 1, wc = L'?';
		if (used + w > width)
			break;
		addnwstr(&wc, 1);
		used += w;
		s += n;
	}
	return (used);
}

/* Draw the status line (or the prompt, or a message) on row y. */
void
client_status_draw(struct client_ctx *cc, int y)
{
	char		 left[512], right[512], *title;
	struct tm	 tm;
	time_t		 now;
	u_int		 x, rlen;

	attrset(A_REVERSE);
	move(y, 0);
	for (x = 0; x < cc->cols; x++)
		addch(' ');
	if (cc->prompt) {
		client_status_put(":", 0, y, cc->cols);
		client_status_put(cc->line, 1, y, cc->cols - 1);
		attrset(A_NORMAL);
		move(y, 1 + cc->line_cursor < cc->cols ?
		    1 + cc->line_cursor : cc->cols - 1);
		return;
	}
	if (cc->message != NULL) {
		client_status_put(cc->message, 0, y, cc->cols);
		attrset(A_NORMAL);
		return;
	}
	title = client_status_clean(cc->title != NULL ? cc->title : "");
	snprintf(left, sizeof left, "[%s] %s | %u op%s %u obs%s%s%s%s",
	    cc->session, cc->readonly ? "observer" : "operator", cc->ops,
	    cc->ops == 1 ? "" : "s", cc->obs,
	    cc->last_user != NULL && *cc->last_user != '\0' ? " | typed: " : "",
	    cc->last_user != NULL ? cc->last_user : "",
	    *title != '\0' ? " | " : "", title);
	free(title);
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
	u_int	i, n = nitems(status_help), w = 52, x, y, top, left;

	top = cc->rows > n + 2 ? (cc->rows - n - 2) / 2 : 0;
	left = cc->cols > w ? (cc->cols - w) / 2 : 0;
	attrset(A_REVERSE);
	for (y = 0; y < n + 2 && top + y < cc->rows; y++) {
		move(top + y, left);
		for (x = 0; x < w && left + x < cc->cols; x++)
			addch(' ');
	}
	for (i = 0; i < n && top + 1 + i < cc->rows; i++)
		client_status_put(status_help[i], left + 2, top + 1 + i,
		    cc->cols > left + 2 ? cc->cols - left - 2 : 0);
	attrset(A_NORMAL);
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

/* Run the prompt's line. */
static void
client_status_enter(struct client_ctx *cc)
{
	char	**argv, *cause = NULL;
	int	  argc;

	cc->prompt = 0;
	if (cc->line_len == 0)
		return;
	if (cc->nhistory == STATUS_HISTORY_MAX) {
		free(cc->history[0]);
		memmove(cc->history, cc->history + 1,
		    (cc->nhistory - 1) * sizeof *cc->history);
		cc->nhistory--;
	}
	cc->history = xreallocarray(cc->history, cc->nhistory + 1,
	    sizeof *cc->history);
	cc->history[cc->nhistory++] = xstrdup(cc->line);
	if (cmd_split(cc->line, &argc, &argv, &cause) != 0) {
		client_status_message(cc, cause);
		free(cause);
		return;
	}
	if (argc != 0)
		client_send_prompt(cc, argc, argv);
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

/* A key typed at the prompt. */
void
client_status_key(struct client_ctx *cc, uint64_t key)
{
	size_t	at;

	switch (key) {
	case '\r':
		client_status_enter(cc);
		return;
	case '\033':
	case 'c' | KEYC_CTRL:
		cc->prompt = 0;
		return;
	case KEYC_LEFT:
	case 'b' | KEYC_CTRL:
		cc->line_cursor = client_status_back(cc->line, cc->line_cursor);
		return;
	case KEYC_RIGHT:
	case 'f' | KEYC_CTRL:
		cc->line_cursor = client_status_forward(cc->line, cc->line_len,
		    cc->line_cursor);
		return;
	case KEYC_HOME:
	case 'a' | KEYC_CTRL:
		cc->line_cursor = 0;
		return;
	case KEYC_END:
	case 'e' | KEYC_CTRL:
		cc->line_cursor = cc->line_len;
		return;
	case KEYC_UP:
		client_status_history(cc, 1);
		return;
	case KEYC_DOWN:
		client_status_history(cc, 0);
		return;
	case KEYC_BSPACE:
	case 'h' | KEYC_CTRL:
		at = client_status_back(cc->line, cc->line_cursor);
		client_status_delete(cc, at, cc->line_cursor);
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
		at = cc->line_cursor;
		while (at > 0 && cc->line[at - 1] == ' ')
			at--;
		while (at > 0 && cc->line[at - 1] != ' ')
			at--;
		client_status_delete(cc, at, cc->line_cursor);
		return;
	}
	if ((key & KEYC_MASK_MODIFIERS) == 0 && !KEYC_IS_SPECIAL(key) &&
	    key >= 0x20 && key != 0x7f && cc->line_len < 4096)
		client_status_insert(cc, key);
}

/* Free what the status line holds. */
void
client_status_free(struct client_ctx *cc)
{
	u_int	i;

	free(cc->line);
	free(cc->message);
	free(cc->title);
	free(cc->last_user);
	for (i = 0; i < cc->nhistory; i++)
		free(cc->history[i]);
	free(cc->history);
}
