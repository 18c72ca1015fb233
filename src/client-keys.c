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

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "huddle.h"
#include "client.h"

/*
 * The attached client's input: the bytes its terminal sends, parsed into
 * keys (xterm, rxvt and linux console forms, with modifiers, and the
 * terminal's own terminfo key strings), pastes (between CSI 200~ and CSI
 * 201~, across any number of reads), mouse events (SGR, and the older forms
 * in case the terminal ignores SGR) and focus changes. An incomplete
 * sequence waits for more bytes or for the escape time to pass.
 */

#define KEYS_MAX_PENDING 256
#define KEYS_MAX_SEQ 64
#define KEYS_PASTE_END "\033[201~"
#define KEYS_INVALID UINT64_MAX	/* or'd into a key, it drops it */

/* A key string from the terminal's terminfo entry. */
struct client_keys_seq {
	u_char		 seq[KEYS_MAX_SEQ];
	size_t		 len;
	uint64_t	 key;
};

struct client_keys {
	const struct client_keys_cb	*cb;
	void				*arg;
	u_char				 buf[KEYS_MAX_PENDING];
	size_t				 len;

	int				 in_paste;
	char				*paste;
	size_t				 paste_len;
	size_t				 paste_size;

	int				 flushing; /* time is up */
	u_char				 backspace; /* VERASE */
	u_int				 mouse_button; /* last pressed */
	struct client_keys_seq		*seqs;
	u_int				 nseqs;
};

/* The keys of CSI n ~ sequences (and rxvt's CSI n $, ^ and @). */
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

/* The keys of CSI letter sequences; lower case arrows are rxvt's Shift. */
static const struct {
	u_char		 c;
	uint64_t	 key;
} keys_csi[] = {
	{ 'A', KEYC_UP }, { 'B', KEYC_DOWN }, { 'C', KEYC_RIGHT },
	{ 'D', KEYC_LEFT }, { 'H', KEYC_HOME }, { 'F', KEYC_END },
	{ 'P', KEYC_F1 }, { 'Q', KEYC_F2 }, { 'R', KEYC_F3 }, { 'S', KEYC_F4 },
	{ 'Z', KEYC_BTAB }, { 'a', KEYC_UP|KEYC_SHIFT },
	{ 'b', KEYC_DOWN|KEYC_SHIFT }, { 'c', KEYC_RIGHT|KEYC_SHIFT },
	{ 'd', KEYC_LEFT|KEYC_SHIFT }
};

/* The keys of SS3 sequences; lower case arrows are rxvt's Ctrl. */
static const struct {
	u_char		 c;
	uint64_t	 key;
} keys_ss3[] = {
	{ 'A', KEYC_UP }, { 'B', KEYC_DOWN }, { 'C', KEYC_RIGHT },
	{ 'D', KEYC_LEFT }, { 'H', KEYC_HOME }, { 'F', KEYC_END },
	{ 'P', KEYC_F1 }, { 'Q', KEYC_F2 }, { 'R', KEYC_F3 }, { 'S', KEYC_F4 },
	{ 'Z', KEYC_BTAB }, { 'M', KEYC_KP_ENTER }, { 'j', KEYC_KP_STAR },
	{ 'k', KEYC_KP_PLUS }, { 'm', KEYC_KP_MINUS }, { 'n', KEYC_KP_PERIOD },
	{ 'o', KEYC_KP_SLASH }, { 'p', KEYC_KP_0 }, { 'q', KEYC_KP_1 },
	{ 'r', KEYC_KP_2 }, { 's', KEYC_KP_3 }, { 't', KEYC_KP_4 },
	{ 'u', KEYC_KP_5 }, { 'v', KEYC_KP_6 }, { 'w', KEYC_KP_7 },
	{ 'x', KEYC_KP_8 }, { 'y', KEYC_KP_9 }, { 'a', KEYC_UP|KEYC_CTRL },
	{ 'b', KEYC_DOWN|KEYC_CTRL }, { 'c', KEYC_RIGHT|KEYC_CTRL },
	{ 'd', KEYC_LEFT|KEYC_CTRL }
};

/* Make a parser. */
struct client_keys *
client_keys_create(const struct client_keys_cb *cb, void *arg)
{
	struct client_keys	*k;

	k = xcalloc(1, sizeof *k);
	k->cb = cb;
	k->arg = arg;
	k->backspace = 0x7f;
	return (k);
}

/* Free a parser. */
void
client_keys_free(struct client_keys *k)
{
	free(k->seqs);
	free(k->paste);
	free(k);
}

/*
 * Add a key string of the terminal's (from terminfo). Only strings that
 * start with ESC are taken: single bytes are always what they say.
 */
void
client_keys_add(struct client_keys *k, const char *s, uint64_t key)
{
	struct client_keys_seq	*seq;
	size_t			 len;

	if (s == NULL || s[0] != '\033' || (len = strlen(s)) < 2 ||
	    len >= KEYS_MAX_SEQ || k->nseqs >= 256)
		return;
	k->seqs = xreallocarray(k->seqs, k->nseqs + 1, sizeof *k->seqs);
	seq = &k->seqs[k->nseqs++];
	memcpy(seq->seq, s, len);
	seq->len = len;
	seq->key = key;
}

/* Set the byte the terminal sends for backspace (its VERASE). */
void
client_keys_set_backspace(struct client_keys *k, u_char c)
{
	if (c != 0 && c != 0xff)
		k->backspace = c;
}

/* Whether bytes of a key sequence are waiting to be completed. */
int
client_keys_pending(struct client_keys *k)
{
	return (k->len != 0 && !k->in_paste);
}

/* Whether a paste has started and not yet ended. */
int
client_keys_in_paste(struct client_keys *k)
{
	return (k->in_paste);
}

/*
 * An xterm modifier parameter (1 + shift 1 + alt 2 + ctrl 4 + meta 8) as
 * KEYC bits; KEYS_INVALID if it can be no such thing.
 */
static uint64_t
client_keys_modifiers(u_int m)
{
	uint64_t	mods = 0;

	if (m > 16)
		return (KEYS_INVALID);
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

/* A control character (or DEL) as a key. */
static uint64_t
client_keys_control(struct client_keys *k, u_char c)
{
	if (c == k->backspace || c == 0x7f)
		return (KEYC_BSPACE);
	switch (c) {
	case '\r':
	case '\t':
	case '\033':
		return (c);
	case 0:
		return (' ' | KEYC_CTRL);
	}
	if (c >= 0x1c && c <= 0x1f)
		return (("\\]^_")[c - 0x1c] | KEYC_CTRL);
	return (('a' + c - 1) | KEYC_CTRL);
}

/* A code point from CSI u or CSI 27 ; m ; k ~ as a key. */
static uint64_t
client_keys_codepoint(struct client_keys *k, u_int ch, u_int m)
{
	uint64_t	key;

	if (ch == 0 || ch >= 0x110000 || (ch >= 0xd800 && ch <= 0xdfff))
		return (KEYS_INVALID);
	key = ch < 0x20 || ch == 0x7f ? client_keys_control(k, ch) : ch;
	return (key | client_keys_modifiers(m));
}

/*
 * Parse up to max numeric parameters separated by ';'; 0 if malformed. A
 * number too large for anything is UINT_MAX.
 */
static u_int
client_keys_params(const u_char *p, size_t len, u_int *v, u_int max)
{
	u_int	n = 0;
	size_t	i;

	memset(v, 0, max * sizeof *v);
	for (i = 0; i < len; i++) {
		if (p[i] == ';') {
			if (++n >= max)
				return (0);
		} else if (p[i] >= '0' && p[i] <= '9') {
			if (v[n] < 10000000)
				v[n] = v[n] * 10 + (p[i] - '0');
			else
				v[n] = UINT_MAX;
		} else if (p[i] != ':')
			return (0);
	}
	return (len == 0 ? 0 : n + 1);
}

/* Emit a key. */
static void
client_keys_emit(struct client_keys *k, uint64_t key)
{
	if (key != KEYS_INVALID && k->cb->key != NULL)
		k->cb->key(k->arg, key);
}

/* Emit a mouse event: b the button byte without the +32, x and y 0-based. */
static void
client_keys_mouse(struct client_keys *k, u_int b, u_int x, u_int y,
    int release)
{
	u_int	type, button = b & ~(4|8|16|32);

	if (release) {
		type = MOUSE_RELEASE;
		if ((button & 3) == 3)
			button = k->mouse_button;	/* unsaid */
	} else if ((b & 32) && (button & 3) == 3)
		type = MOUSE_MOVE;
	else if (b & 32)
		type = MOUSE_DRAG;
	else {
		type = MOUSE_PRESS;
		if (button < 64)
			k->mouse_button = button;
	}
	if (k->cb->mouse != NULL && x < 0xffff && y < 0xffff)
		k->cb->mouse(k->arg, type, button, b & (4|8|16), x, y);
}

/* An SGR (CSI < b ; x ; y M or m) or urxvt (CSI b ; x ; y M) report. */
static void
client_keys_mouse_params(struct client_keys *k, const u_char *p, size_t len,
    u_char final, int sgr)
{
	u_int	v[3], b;

	if (client_keys_params(p, len, v, 3) != 3 || v[1] == 0 || v[2] == 0)
		return;
	if (sgr)
		client_keys_mouse(k, v[0], v[1] - 1, v[2] - 1, final == 'm');
	else if (v[0] >= 32) {
		b = v[0] - 32;
		client_keys_mouse(k, b, v[1] - 1, v[2] - 1,
		    (b & 3) == 3 && !(b & (32|64)));
	}
}

/* An X10-encoded report, CSI M b x y, each byte plus 32. */
static void
client_keys_mouse_x10(struct client_keys *k, const u_char *p)
{
	u_int	b;

	if (p[0] < 32 || p[1] < 33 || p[2] < 33)
		return;
	b = p[0] - 32;
	client_keys_mouse(k, b, p[1] - 33, p[2] - 33,
	    (b & 3) == 3 && !(b & (32|64)));
}

/* A CSI sequence ending in ~ (or rxvt's $, ^ and @ for the modifiers). */
static void
client_keys_tilde(struct client_keys *k, u_int *v, u_int n, u_char final,
    uint64_t meta)
{
	uint64_t	mods;
	u_int		i;

	if (final == '~' && n == 1 && v[0] == 200) {
		k->in_paste = 1;
		return;
	}
	if (final == '~' && n == 3 && v[0] == 27) {	/* modifyOtherKeys */
		client_keys_emit(k, client_keys_codepoint(k, v[2], v[1]) |
		    meta);
		return;
	}
	if (final == '~')
		mods = client_keys_modifiers(v[1]);
	else if (final == '$')
		mods = KEYC_SHIFT;
	else if (final == '^')
		mods = KEYC_CTRL;
	else
		mods = KEYC_CTRL|KEYC_SHIFT;
	for (i = 0; i < nitems(keys_tilde); i++) {
		if (keys_tilde[i].n == v[0]) {
			client_keys_emit(k, keys_tilde[i].key | mods | meta);
			return;
		}
	}
}

/* A complete CSI sequence (parameters p, final byte). */
static void
client_keys_csi(struct client_keys *k, const u_char *p, size_t len,
    u_char final, uint64_t meta)
{
	u_int	v[3], n, i;

	if (len > 0 && p[0] == '<' && (final == 'M' || final == 'm')) {
		client_keys_mouse_params(k, p + 1, len - 1, final, 1);
		return;
	}
	n = client_keys_params(p, len, v, 3);
	if (len != 0 && n == 0)
		return;	/* private or malformed: ignore */
	if (final == 'M' && n == 3) {
		client_keys_mouse_params(k, p, len, final, 0);
		return;
	}
	if (final == '~' || final == '$' || final == '^' || final == '@') {
		if (n != 0)
			client_keys_tilde(k, v, n, final, meta);
		return;
	}
	if ((final == 'I' || final == 'O') && len == 0) {
		if (k->cb->focus != NULL)
			k->cb->focus(k->arg, final == 'I');
		return;
	}
	if (final == 'u') {
		client_keys_emit(k, client_keys_codepoint(k, v[0], v[1]) |
		    meta);
		return;
	}
	if (v[0] > 1)
		return;	/* a report (CSI row ; col R) or malformed */
	for (i = 0; i < nitems(keys_csi); i++) {
		if (keys_csi[i].c == final) {
			client_keys_emit(k, keys_csi[i].key |
			    client_keys_modifiers(v[1]) | meta);
			return;
		}
	}
}

/*
 * The end of a CSI sequence starting at p (ESC [ ...): its length, 0 if it
 * is not complete yet, -1 if these bytes are no sequence, -2 if it is too
 * long to be one.
 */
static ssize_t
client_keys_csi_end(const u_char *p, size_t len)
{
	size_t	i;
	int	digits = 1;

	for (i = 2; i < len; i++) {
		if (p[i] >= 0x40 && p[i] <= 0x7e)
			return (i + 1);
		if (p[i] == '$' && i > 2 && digits)
			return (i + 1);		/* rxvt's Shift */
		if (p[i] < 0x20 || p[i] > 0x7e)
			return (-1);
		if (p[i] < '0' || p[i] > '9')
			digits = 0;
	}
	return (len < KEYS_MAX_SEQ ? 0 : -2);
}

/* ESC [ at p: a CSI sequence, an X10 mouse report or a linux F key. */
static size_t
client_keys_csi_one(struct client_keys *k, const u_char *p, size_t len,
    uint64_t meta)
{
	ssize_t	end;

	if (len < 3)
		return (0);
	if (p[2] == 'M') {
		if (len < 6)
			return (0);
		client_keys_mouse_x10(k, p + 3);
		return (6);
	}
	if (p[2] == '[') {	/* the linux console's F1 to F5 */
		if (len < 4)
			return (0);
		if (p[3] >= 'A' && p[3] <= 'E')
			client_keys_emit(k, (KEYC_F1 + p[3] - 'A') | meta);
		return (4);
	}
	end = client_keys_csi_end(p, len);
	if (end == 0)
		return (0);
	if (end == -2)
		return (KEYS_MAX_SEQ);	/* drop it */
	if (end < 0) {
		client_keys_emit(k, '\033' | meta);
		return (1);
	}
	client_keys_csi(k, p + 2, end - 3, p[end - 1], meta);
	return (end);
}

/* ESC O at p: an SS3 key, perhaps with a modifier digit before it. */
static size_t
client_keys_ss3(struct client_keys *k, const u_char *p, size_t len,
    uint64_t meta)
{
	uint64_t	mods = 0;
	size_t		at = 2;
	u_int		i;

	if (len < 3)
		return (0);
	if (p[2] >= '1' && p[2] <= '9') {
		if (len < 4)
			return (0);
		mods = client_keys_modifiers(p[2] - '0');
		at = 3;
	}
	for (i = 0; i < nitems(keys_ss3); i++) {
		if (keys_ss3[i].c == p[at]) {
			client_keys_emit(k, keys_ss3[i].key | mods | meta);
			return (at + 1);
		}
	}
	client_keys_emit(k, 'O' | KEYC_META);
	return (2);
}

/*
 * The terminal's own key strings: bytes used, 0 if one (or a longer one)
 * may still be coming, -1 if none matches.
 */
static ssize_t
client_keys_find(struct client_keys *k, const u_char *p, size_t len,
    uint64_t meta)
{
	struct client_keys_seq	*seq, *best = NULL;
	u_int			 i;
	int			 partial = 0;

	for (i = 0; i < k->nseqs; i++) {
		seq = &k->seqs[i];
		if (len < seq->len) {
			if (memcmp(p, seq->seq, len) == 0)
				partial = 1;
		} else if (memcmp(p, seq->seq, seq->len) == 0 &&
		    (best == NULL || seq->len > best->len))
			best = seq;
	}
	if (partial && !k->flushing)
		return (0);
	if (best == NULL)
		return (-1);
	client_keys_emit(k, best->key | meta);
	return (best->len);
}

static size_t	client_keys_one(struct client_keys *, const u_char *,
		    size_t, uint64_t);

/* A sequence starting with ESC. */
static size_t
client_keys_escape(struct client_keys *k, const u_char *p, size_t len,
    uint64_t meta)
{
	ssize_t	used;

	if (len == 1)
		return (0);
	if ((used = client_keys_find(k, p, len, meta)) >= 0)
		return (used);
	if (p[1] == '[')
		return (client_keys_csi_one(k, p, len, meta));
	if (p[1] == 'O')
		return (client_keys_ss3(k, p, len, meta));
	if (meta != 0) {
		client_keys_emit(k, '\033' | meta);
		return (1);
	}
	if (p[1] == '\033') {
		/* ESC then a sequence is that key with Alt. */
		if (len == 2)
			return (0);
		if (p[2] != '[' && p[2] != 'O') {
			client_keys_emit(k, '\033');
			return (1);
		}
	}
	/* Alt: ESC then the key. */
	used = client_keys_one(k, p + 1, len - 1, KEYC_META);
	return (used == 0 ? 0 : used + 1);
}

/* Length of a UTF-8 sequence from its first byte; 0 if invalid. */
static size_t
client_keys_utf8_len(u_char c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return (2);
	if (c >= 0xe0 && c <= 0xef)
		return (3);
	if (c >= 0xf0 && c <= 0xf4)
		return (4);
	return (0);
}

/* Decode one UTF-8 character; 0 if incomplete, -1 if invalid. */
static int
client_keys_utf8(const u_char *p, size_t len, uint32_t *ch, size_t *used)
{
	size_t	n = client_keys_utf8_len(p[0]), i;

	if (n == 0)
		return (-1);
	for (i = 1; i < n && i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (-1);
	}
	if (len < n)
		return (0);
	*ch = p[0] & (0x7f >> n);
	for (i = 1; i < n; i++)
		*ch = *ch << 6 | (p[i] & 0x3f);
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
	size_t		used;
	int		r;

	if (p[0] == '\033')
		return (client_keys_escape(k, p, len, meta));
	if (p[0] < 0x20 || p[0] == 0x7f || p[0] == k->backspace) {
		client_keys_emit(k, client_keys_control(k, p[0]) | meta);
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

/*
 * The paste is full: hand over all but a character cut in two, which starts
 * the next piece (each piece reaches the program bracketed on its own).
 */
static void
client_keys_flush_piece(struct client_keys *k)
{
	size_t	cut = k->paste_len, i, n;

	for (i = k->paste_len; i > 0 && k->paste_len - i < 4; i--) {
		if (((u_char)k->paste[i - 1] & 0xc0) != 0x80) {
			n = client_keys_utf8_len(k->paste[i - 1]);
			if (n > k->paste_len - (i - 1))
				cut = i - 1;
			break;
		}
	}
	if (cut == 0)
		cut = k->paste_len;
	n = k->paste_len - cut;
	k->paste_len = cut;
	client_keys_flush_paste(k);
	memmove(k->paste, k->paste + cut, n);
	k->paste_len = n;
}

/* Add bytes to the paste, handing it over in pieces past the limit. */
static void
client_keys_add_paste(struct client_keys *k, const u_char *p, size_t len)
{
	size_t	n;

	while (len > 0) {
		if (k->paste_len == CLIENT_KEYS_MAX_PASTE)
			client_keys_flush_piece(k);
		n = CLIENT_KEYS_MAX_PASTE - k->paste_len;
		if (n > len)
			n = len;
		if (k->paste_len + n > k->paste_size) {
			if (k->paste_size == 0)
				k->paste_size = 4096;
			while (k->paste_size < k->paste_len + n)
				k->paste_size *= 2;
			if (k->paste_size > CLIENT_KEYS_MAX_PASTE)
				k->paste_size = CLIENT_KEYS_MAX_PASTE;
			k->paste = xrealloc(k->paste, k->paste_size);
		}
		memcpy(k->paste + k->paste_len, p, n);
		k->paste_len += n;
		p += n;
		len -= n;
	}
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
	client_keys_add_paste(k, p, take);
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

/*
 * The escape time passed (or, in a paste, the paste time): what is waiting
 * is taken as it stands. A paste whose end never came ends here, so input
 * can never be stuck in one.
 */
void
client_keys_timeout(struct client_keys *k)
{
	size_t	i;

	if (k->in_paste) {
		client_keys_add_paste(k, k->buf, k->len);
		client_keys_flush_paste(k);
		k->in_paste = 0;
		k->len = 0;
		return;
	}
	/* The terminal's own key strings, now without waiting for more. */
	k->flushing = 1;
	client_keys_parse(k);
	k->flushing = 0;
	if (k->len >= 3 && memcmp(k->buf, "\033[M", 3) == 0) {
		k->len = 0;	/* a mouse report cut short */
		return;
	}
	if (k->len >= 2 && k->buf[0] == '\033' && k->buf[1] != '[' &&
	    k->buf[1] != 'O' && k->buf[1] < 0x80) {
		/* ESC then an incomplete sequence: Escape, then the rest. */
		client_keys_emit(k, '\033');
		memmove(k->buf, k->buf + 1, --k->len);
		client_keys_parse(k);
	}
	if (k->len == 2 && k->buf[0] == '\033' &&
	    (k->buf[1] == '[' || k->buf[1] == 'O')) {
		/* Alt-[ or Alt-O, not the start of a sequence after all. */
		client_keys_emit(k, k->buf[1] | KEYC_META);
		k->len = 0;
		return;
	}
	for (i = 0; i < k->len; i++) {
		if (k->buf[i] < 0x20 || k->buf[i] == 0x7f)
			client_keys_emit(k, client_keys_control(k, k->buf[i]));
		else if (k->buf[i] < 0x80)
			client_keys_emit(k, k->buf[i]);
		else
			client_keys_emit(k, 0xfffd);
	}
	k->len = 0;
}
