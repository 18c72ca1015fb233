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

"""Run inside a session: write a file to the terminal at a steady pace, so
both multiplexers get the same input at the same rate.

    pace.py rate FILE BYTES_PER_SECOND SECONDS   lines, in 10 ms slices
    pace.py frames FILE INTERVAL COUNT           one redraw (ESC [ H ...)
                                                 every INTERVAL seconds
"""

import os
import sys
import time


def write_all(data):
    while data:
        n = os.write(1, data)
        data = data[n:]


def at(t):
    d = t - time.monotonic()
    if d > 0:
        time.sleep(d)


def rate(path, bps, secs):
    slice_s = 0.01
    want = int(bps * secs)
    with open(path, 'rb') as f:
        data = f.read(want)
    # Whole lines only, so the last slice leaves no partial line behind.
    data = data[:data.rfind(b'\n') + 1]
    per = max(1, int(bps * slice_s))
    t0 = time.monotonic()
    i = 0
    off = 0
    while off < len(data):
        at(t0 + i * slice_s)
        write_all(data[off:off + per])
        off += per
        i += 1


def frames(path, interval, count):
    with open(path, 'rb') as f:
        data = f.read()
    parts = data.split(b'\033[H')[1:]
    t0 = time.monotonic()
    for i in range(count):
        at(t0 + i * interval)
        write_all(b'\033[H' + parts[i % len(parts)])


def main():
    mode = sys.argv[1]
    if mode == 'rate':
        rate(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    elif mode == 'frames':
        frames(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit('pace.py: unknown mode %s' % mode)


if __name__ == '__main__':
    main()
