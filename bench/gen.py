# Copyright (c) 2026 The huddle authors
#
# Permission to use, copy, modify, and distribute this software for any
# purpose with or without fee is hereby granted, provided that the above
# copyright notice and this permission notice appear in all copies.
#
# THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
# WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
# ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
# WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
# ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
# OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.

"""Generated inputs, the same bytes for both multiplexers. Each kind is a
block of about 2 MB of seeded random content, repeated to the size asked
for (a whole number of blocks, so lines and frames are never cut)."""

import os
import random

BLOCK = 2 * 1024 * 1024
SEED = 8

ESC = '\033'

# Line lengths in columns: mostly short and medium, some past 80 (wrapped
# at 80x24) and a few empty, as in build logs and listings.
LINE_LENGTHS = [0, 8, 20, 32, 40, 48, 56, 64, 72, 79, 90, 110, 150]

SGR = ['0', '1', '2', '4', '7', '22', '24', '27', '31', '32', '33', '34',
       '35', '36', '1;31', '1;32', '1;33', '38;5;%d', '48;5;%d',
       '38;2;%d;%d;%d', '48;2;%d;%d;%d', '39', '49', '90', '97', '44;37']


def _vocab(rng, n=4000):
    letters = 'etaoinshrdlcumwfgypbvkjxqz'
    weights = [12, 9, 8, 7.5, 7, 6.7, 6.3, 6, 5.9, 4.2, 4, 2.8, 2.8, 2.4,
               2.4, 2.2, 2, 2, 1.9, 1.5, 1, 0.8, 0.2, 0.2, 0.1, 0.1]
    words = []
    for _ in range(n):
        k = rng.choice([1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 11])
        words.append(''.join(rng.choices(letters, weights, k=k)))
    words += ['0x%08x' % rng.getrandbits(32) for _ in range(200)]
    words += ['%d' % rng.randrange(100000) for _ in range(200)]
    words += ['src/%s.c:%d:' % (rng.choice(words[:500]), rng.randrange(900))
              for _ in range(200)]
    return words


def _sgr(rng):
    s = rng.choice(SGR)
    n = s.count('%d')
    if n:
        s = s % tuple(rng.randrange(256) for _ in range(n))
    return ESC + '[' + s + 'm'


def _lines(rng, size, word):
    out = []
    total = 0
    while total < size:
        want = rng.choice(LINE_LENGTHS)
        parts = []
        cols = 0
        while cols < want:
            w, width = word()
            parts.append(w)
            cols += width + 1
        line = ' '.join(parts) + '\n'
        out.append(line)
        total += len(line.encode())
    return ''.join(out)


def block_plain(rng):
    vocab = _vocab(rng)

    def word():
        w = rng.choice(vocab)
        return w, len(w)
    return _lines(rng, BLOCK, word)


def block_sgr(rng):
    vocab = _vocab(rng)

    def word():
        w = rng.choice(vocab)
        if rng.random() < 0.6:
            return _sgr(rng) + w, len(w)
        return w, len(w)
    text = _lines(rng, BLOCK, word)
    return text.replace('\n', ESC + '[0m\n')


# Character pools for UTF-8: (first, last, display width).
UTF8_POOLS = [
    (0x00e0, 0x00ff, 1),	# Latin-1 letters
    (0x0100, 0x017f, 1),	# Latin Extended-A
    (0x03b1, 0x03c9, 1),	# Greek
    (0x0430, 0x044f, 1),	# Cyrillic
    (0x2500, 0x257f, 1),	# box drawing
    (0x4e00, 0x9fa5, 2),	# CJK ideographs
    (0x3041, 0x3096, 2),	# Hiragana
    (0xac00, 0xd7a3, 2),	# Hangul syllables
    (0x1f600, 0x1f64f, 2),	# emoticons
    (0x0041, 0x005a, 1),	# ASCII, for contrast
]


def block_utf8(rng):
    def word():
        first, last, width = rng.choice(UTF8_POOLS)
        k = rng.randrange(1, 7)
        return (''.join(chr(rng.randint(first, last)) for _ in range(k)),
                k * width)
    return _lines(rng, BLOCK, word)


def frame(rng, cols, rows, n):
    """One full-screen redraw, as top(1) or a TUI would draw it: home,
    then every row placed and written in colour, the rest of it erased."""
    out = [ESC + '[H' + ESC + '[0m']
    header = (' frame %6d  load %.2f %.2f %.2f  tasks %d ' %
              (n, rng.random() * 4, rng.random() * 4, rng.random() * 4,
               rng.randrange(400)))
    out.append(ESC + '[1;1H' + ESC + '[7m' + header[:cols - 1].ljust(cols - 1)
               + ESC + '[0m')
    for r in range(2, rows + 1):
        fields = []
        width = 0
        while width < cols - 1:
            kind = rng.randrange(5)
            if kind == 0:
                f = '%7d' % rng.randrange(10000000)
            elif kind == 1:
                f = '%5.1f%%' % (rng.random() * 100)
            elif kind == 2:
                f = '[' + '|' * rng.randrange(12) + ']'
            elif kind == 3:
                f = ''.join(rng.choices('abcdefghijklmnopqrstuvwxyz_/',
                                        k=rng.randrange(3, 14)))
            else:
                f = rng.choice(['root', 'www', 'dev', 'nobody', 'S', 'R',
                                'D'])
            if width + len(f) + 1 > cols - 1:
                f = f[:cols - 1 - width - 1]
            fields.append((_sgr(rng) if rng.random() < 0.5 else '') + f +
                          ESC + '[0m')
            width += len(f) + 1
        out.append(ESC + '[%d;1H' % r + ' '.join(fields) + ESC + '[K')
    return ''.join(out)


def block_redraw(rng, cols, rows, size=BLOCK):
    out = []
    total = 0
    n = 0
    while total < size:
        f = frame(rng, cols, rows, n)
        out.append(f)
        total += len(f.encode())
        n += 1
    return ''.join(out)


def frames_file(path, cols, rows, count):
    """count distinct full-screen redraws, each starting with ESC [ H."""
    rng = random.Random(SEED * 31 + cols)
    with open(path, 'w', encoding='utf-8') as f:
        for n in range(count):
            f.write(frame(rng, cols, rows, n))
    return os.path.getsize(path)


def _write_repeated(path, block, size):
    data = block.encode()
    reps = max(1, -(-size // len(data)))
    with open(path, 'wb') as f:
        for _ in range(reps):
            f.write(data)
    return os.path.getsize(path)


def block_mixed(blocks, rng, size=BLOCK):
    """Chunks of about 64 KB of each kind in turn, cut at line or frame
    boundaries."""
    chunks = {k: _cut(v) for k, v in blocks.items()}
    order = ['plain', 'sgr', 'utf8', 'redraw']
    out = []
    total = 0
    i = 0
    while total < size:
        k = order[i % len(order)]
        c = chunks[k][rng.randrange(len(chunks[k]))]
        out.append(c)
        total += len(c.encode())
        i += 1
    return ''.join(out)


def _cut(text, target=64 * 1024):
    """Split text into pieces of about target characters, at a newline or
    the start of a frame."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + target)
        if end < len(text):
            nl = text.find('\n', end)
            fr = text.find(ESC + '[H', end)
            cands = [p for p in (nl + 1 if nl >= 0 else -1, fr) if p > 0]
            end = min(cands) if cands else len(text)
        pieces.append(text[start:end])
        start = end
    return pieces


def make_inputs(dirpath, size, kind_size, sizes):
    """Write every input file: the mixed one of size bytes, the others of
    kind_size; returns {(kind, cols, rows): (path, bytes)}. Line kinds do
    not depend on the terminal size and are shared."""
    files = {}
    base = {}
    for kind, fn in (('plain', block_plain), ('sgr', block_sgr),
                     ('utf8', block_utf8)):
        base[kind] = fn(random.Random('%d-%s' % (SEED, kind)))
        path = os.path.join(dirpath, '%s.txt' % kind)
        n = _write_repeated(path, base[kind], kind_size)
        for cols, rows in sizes:
            files[(kind, cols, rows)] = (path, n)
    for cols, rows in sizes:
        rng = random.Random('%d-redraw-%dx%d' % (SEED, cols, rows))
        red = block_redraw(rng, cols, rows)
        path = os.path.join(dirpath, 'redraw-%dx%d.txt' % (cols, rows))
        files[('redraw', cols, rows)] = (path, _write_repeated(path, red,
                                                               kind_size))
        blocks = dict(base, redraw=red)
        mix = block_mixed(blocks, random.Random('%d-mixed-%dx%d' %
                                                (SEED, cols, rows)))
        path = os.path.join(dirpath, 'mixed-%dx%d.txt' % (cols, rows))
        files[('mixed', cols, rows)] = (path, _write_repeated(path, mix,
                                                              size))
    return files
