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

#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "client.h"

/*
 * The attached client's input: the bytes its terminal sends, parsed into
 * keys (with xterm modifiers), pastes (between CSI 200~ and CSI 201~, across
 * any number of reads), SGR mouse events and focus changes. An incomplete
 * sequence waits for more bytes or for the escape time to pass.
 */

#define KEYS_MAX_PENDING 256
#define KEYS_MAX_PASTE (1024 * 1024)
#define KEYS_PASTE_END "\033[201~"

struct client_keys {
	const struct client_keys_cb	*cb;
	void				*arg;
	u_char				 buf[KEYS_MAX_PENDING];
	size_t				 len;
	int				 in_paste;
	char				*paste;
	size_t				 paste_len;
};

/* The keys of CSI n ~ sequences. */
static const struct {
	u_int		 n;
	uint64_t	 key;
} keys_tilde[] = {
	{ 1, KEYC_HOME }, { 2, KEYC_IC }, { 3, KEYC_DC }, { 4, KEYC_END },
	{ 5, KEYC_PPAGE }, { 6, KEYC_NPAGE }, { 7, KEYC_HOME },
	{ 8, KEYC_END }, { 11, KEYC_F1 }, { 12, KEYC_F2 }, { 13, KEYC_F3 },
	{ 14, KEYC_F4 }, { 15, KEYC_F5 }, { 17, KEYC_F6 }, { 18, KEYC_F7 },
	{ 19, KEYC_F8 }, { 20, KEYC_F9 }, { 21, KEYC_F10 }, { 23, KEYC_F11 },
	{ 24, KEYC_F12 }
};

/* The keys of SS3 and CSI letter sequences. */
static const struct {
	u_char		 c;
	uint64_t	 key;
} keys_letter[] = {
	{ 'A', KEYC_UP }, { 'B', KEYC_DOWN }, { 'C', KEYC_RIGHT },
	{ 'D', KEYC_LEFT }, { 'H', KEYC_HOME }, { 'F', KEYC_END },
	{ 'P', KEYC_F1 }, { 'Q', KEYC_F2 }, { 'R', KEYC_F3 }, { 'S', KEYC_F4 },
	{ 'Z', KEYC_BTAB }, { 'M', KEYC_KP_ENTER }, { 'j', KEYC_KP_STAR },
	{ 'k', KEYC_KP_PLUS }, { 'm', KEYC_KP_MINUS }, { 'n', KEYC_KP_PERIOD },
	{ 'o', KEYC_KP_SLASH }, { 'p', KEYC_KP_0 }, { 'q', KEYC_KP_1 },
	{ 'r', KEYC_KP_2 }, { 's', KEYC_KP_3 }, { 't', KEYC_KP_4 },
	{ 'u', KEYC_KP_5 }, { 'v', KEYC_KP_6 }, { 'w', KEYC_KP_7 },
	{ 'x', KEYC_KP_8 }, { 'y', KEYC_KP_9 }
};

/* Make a parser. */
struct client_keys *
client_keys_create(const struct client_keys_cb *cb, void *arg)
{
	struct client_keys	*k;

	k = xcalloc(1, sizeof *k);
	k->cb = cb;
	k->arg = arg;
	return (k);
}

/* Free a parser. */
void
client_keys_free(struct client_keys *k)
{
	free(k->paste);
	free(k);
}

/* Whether bytes are waiting to be completed. */
int
client_keys_pending(struct client_keys *k)
{
	return (k->len != 0 && !k->in_paste);
}

/* An xterm modifier parameter (1 + shift 1 + alt 2 + ctrl 4) as KEYC bits. */
static uint64_t
client_keys_modifiers(u_int m)
{
	uint64_t	mods = 0;

	if (m < 2)
		return (0);
	m--;
	if (m & 1)
		mods |= KEYC_SHIFT;
	if (m & (2|8))
		mods |= KEYC_META;
	if (m & 4)
		mods |= KEYC_CTRL;
	return (mods);
}

/* A control character as a key. */
static uint64_t
client_keys_control(u_char c)
{
	switch (c) {
	case '\r':
	case '\t':
	case '\033':
		return (c);
	case 0x7f:
		return (KEYC_BSPACE);
	case 0:
		return (' ' | KEYC_CTRL);
	}
	if (c >= 0x1c && c <= 0x1f)
		return (("\\]^_")[c - 0x1c] | KEYC_CTRL);
	return (('a' + c - 1) | KEYC_CTRL);
}

/* Parse up to three numeric parameters separated by ';'. */
static u_int
client_keys_params(const u_char *p, size_t len, u_int *v, u_int max)
{
	u_int	n = 0;
	size_t	i;

	memset(v, 0, max * sizeof *v);
	for (i = 0; i < len; i++) {
		if (p[i] == ';') {
			if (++n >= max)
				break;
		} else if (p[i] >= '0' && p[i] <= '9') {
			if (v[n] < 100000)
				v[n] = v[n] * 10 + (p[i] - '0');
		} else if (p[i] != ':')
			return (0);
	}
	return (len == 0 ? 0 : n + 1);
}

/* An SGR mouse report: CSI < b ; x ; y M or m. */
static void
client_keys_mouse(struct client_keys *k, const u_char *p, size_t len,
    u_char final)
{
	u_int	v[3], b, type, button;

	if (client_keys_params(p, len, v, 3) != 3 || v[1] == 0 || v[2] == 0)
		return;
	b = v[0];
	button = b & ~(4|8|16|32);
	if (final == 'm')
		type = MOUSE_RELEASE;
	else if ((b & 32) && (button & 3) == 3)
		type = MOUSE_MOVE;
	else if (b & 32)
		type = MOUSE_DRAG;
	else
		type = MOUSE_PRESS;
	if (k->cb->mouse != NULL)
		k->cb->mouse(k->arg, type, button, b & (4|8|16), v[1] - 1,
		    v[2] - 1);
}

/* Emit a key. */
static void
client_keys_emit(struct client_keys *k, uint64_t key)
{
	if (k->cb->key != NULL)
		k->cb->key(k->arg, key);
}

/* A complete CSI sequence (params p, final byte). */
static void
client_keys_csi(struct client_keys *k, const u_char *p, size_t len,
    u_char final, uint64_t meta)
{
	u_int	v[3], n, i;

	if (len > 0 && p[0] == '<' && (final == 'M' || final == 'm')) {
		client_keys_mouse(k, p + 1, len - 1, final);
		return;
	}
	n = client_keys_params(p, len, v, 3);
	if (len != 0 && n == 0)
		return;	/* private or malformed: ignore */
	if (final == '~') {
		if (v[0] == 200) {
			k->in_paste = 1;
			return;
		}
		for (i = 0; i < nitems(keys_tilde); i++) {
			if (keys_tilde[i].n == v[0]) {
				client_keys_emit(k, keys_tilde[i].key |
				    client_keys_modifiers(v[1]) | meta);
				return;
			}
		}
		return;
	}
	if (final == 'I' || final == 'O') {
		if (len == 0 && k->cb->focus != NULL)
			k->cb->focus(k->arg, final == 'I');
		return;
	}
	if (final == 'u' && n >= 1 && v[0] != 0 && v[0] < 0x110000) {
		client_keys_emit(k, v[0] | client_keys_modifiers(v[1]) | meta);
		return;
	}
	for (i = 0; i < nitems(keys_letter); i++) {
		if (keys_letter[i].c == final && final < 'a') {
			client_keys_emit(k, keys_letter[i].key |
			    client_keys_modifiers(v[1]) | meta);
			return;
		}
	}
}

/* Decode one UTF-8 character; 0 if incomplete, -1 if invalid. */
static int
client_keys_utf8(const u_char *p, size_t len, uint32_t *ch, size_t *used)
{
	size_t	n = utf8_lead_length(p[0]), i;

	if (n == 0)
		return (-1);
	if (len < n)
		return (0);
	*ch = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (-1);
		*ch = *ch << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && *ch < 0x800) || (n == 4 && *ch < 0x10000) ||
	    *ch > 0x10ffff || (*ch >= 0xd800 && *ch <= 0xdfff))
		return (-1);
	*used = n;
	return (1);
}

/*
 * Parse one item at p: returns the bytes used, 0 if more are needed.
 * meta is KEYC_META when an ESC came before it.
 */
static size_t
client_keys_one(struct client_keys *k, const u_char *p, size_t len,
    uint64_t meta)
{
	uint32_t	ch;
	size_t		i, used;
	int		r;

	if (p[0] == '\033') {
		if (len == 1)
			return (0);
		if (p[1] == '[') {
			for (i = 2; i < len; i++) {
				if (p[i] >= 0x40 && p[i] <= 0x7e) {
					client_keys_csi(k, p + 2, i - 2, p[i],
					    meta);
					return (i + 1);
				}
				if (p[i] < 0x20 || p[i] > 0x7e)
					break;	/* not a sequence */
			}
			if (i == len && len < 64)
				return (0);
			client_keys_emit(k, '\033');
			return (1);
		}
		if (p[1] == 'O') {
			if (len == 2)
				return (0);
			for (i = 0; i < nitems(keys_letter); i++) {
				if (keys_letter[i].c == p[2]) {
					client_keys_emit(k, keys_letter[i].key |
					    meta);
					return (3);
				}
			}
			client_keys_emit(k, 'O' | KEYC_META);
			return (2);
		}
		if (meta == 0 && p[1] != '\033') {
			/* Alt: ESC then the key. */
			used = client_keys_one(k, p + 1, len - 1, KEYC_META);
			return (used == 0 ? 0 : used + 1);
		}
		client_keys_emit(k, '\033' | meta);
		return (1);
	}
	if (p[0] < 0x20 || p[0] == 0x7f) {
		client_keys_emit(k, client_keys_control(p[0]) | meta);
		return (1);
	}
	if (p[0] < 0x80) {
		client_keys_emit(k, p[0] | meta);
		return (1);
	}
	r = client_keys_utf8(p, len, &ch, &used);
	if (r == 0)
		return (0);
	if (r < 0) {
		client_keys_emit(k, 0xfffd | meta);
		return (1);
	}
	client_keys_emit(k, ch | meta);
	return (used);
}

/* Hand the paste collected so far to the owner. */
static void
client_keys_flush_paste(struct client_keys *k)
{
	if (k->paste_len != 0 && k->cb->paste != NULL)
		k->cb->paste(k->arg, k->paste, k->paste_len);
	k->paste_len = 0;
}

/* Collect paste bytes until the end marker; returns bytes used. */
static size_t
client_keys_paste(struct client_keys *k, const u_char *p, size_t len)
{
	const size_t	 elen = sizeof KEYS_PASTE_END - 1;
	const u_char	*end;
	size_t		 take, keep;

	end = memmem(p, len, KEYS_PASTE_END, elen);
	if (end != NULL)
		take = end - p;
	else {
		/* Keep back what could be the start of the end marker. */
		for (keep = elen - 1; keep > 0; keep--) {
			if (len >= keep &&
			    memcmp(p + len - keep, KEYS_PASTE_END, keep) == 0)
				break;
		}
		take = len - keep;
	}
	if (k->paste_len + take > KEYS_MAX_PASTE)
		client_keys_flush_paste(k);
	k->paste = xrealloc(k->paste, k->paste_len + take + 1);
	memcpy(k->paste + k->paste_len, p, take);
	k->paste_len += take;
	if (end == NULL)
		return (take);
	client_keys_flush_paste(k);
	k->in_paste = 0;
	return (take + elen);
}

/* Parse everything complete in the buffer. */
static void
client_keys_parse(struct client_keys *k)
{
	size_t	used;

	while (k->len != 0) {
		if (k->in_paste)
			used = client_keys_paste(k, k->buf, k->len);
		else
			used = client_keys_one(k, k->buf, k->len, 0);
		if (used == 0)
			break;
		memmove(k->buf, k->buf + used, k->len - used);
		k->len -= used;
	}
	if (k->len == sizeof k->buf && !k->in_paste)
		k->len = 0;	/* garbage that never completes */
}

/* Feed bytes from the terminal. */
void
client_keys_input(struct client_keys *k, const u_char *buf, size_t len)
{
	size_t	n;

	while (len > 0) {
		n = sizeof k->buf - k->len;
		if (n > len)
			n = len;
		memcpy(k->buf + k->len, buf, n);
		k->len += n;
		buf += n;
		len -= n;
		client_keys_parse(k);
	}
}

/* The escape time passed: what is waiting is taken as it stands. */
void
client_keys_timeout(struct client_keys *k)
{
	size_t	i;

	if (k->in_paste || k->len == 0)
		return;
	if (k->len >= 2 && k->buf[0] == '\033' && k->buf[1] != '[' &&
	    k->buf[1] != 'O' && k->buf[1] < 0x80) {
		/* ESC then an incomplete character: Escape, then the rest. */
		client_keys_emit(k, '\033');
		memmove(k->buf, k->buf + 1, --k->len);
		client_keys_parse(k);
	}
	for (i = 0; i < k->len; i++) {
		if (k->buf[i] == '\033')
			client_keys_emit(k, '\033');
		else if (k->buf[i] < 0x80)
			client_keys_emit(k, k->buf[i] < 0x20 ?
			    client_keys_control(k->buf[i]) : k->buf[i]);
		else
			client_keys_emit(k, 0xfffd);
	}
	k->len = 0;
}
