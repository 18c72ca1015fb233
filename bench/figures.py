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

"""The six figures of issue #8. Each measurement starts a fresh server on
a fresh socket and ends every process by PID before the next one; within
a run the multiplexers take turns (their order alternating from run to
run), so a noisy machine slows both alike."""

import os
import random
import resource
import statistics
import sys

from benchlib import Session, Term, log, now, proc_status_kib, sh_quote

HERE = os.path.dirname(os.path.abspath(__file__))
PACE = os.path.join(HERE, 'pace.py')

# Typed one at a time for echo: letters no escape sequence a terminal is
# sent ends with, so a byte found in the output is the echo itself.
ECHO_CHARS = b'aeijkovwyz'
ECHO_PROGRAM = 'stty -icanon -ixon; exec cat >/dev/null'


def harness_cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def turns(cfg, run):
    """The multiplexers in the order they go in this run."""
    return cfg.muxes if run % 2 == 0 else list(reversed(cfg.muxes))


def record(rows, key, metric, mux, value):
    """Append one value to rows[key][metric][mux]."""
    rows.setdefault(key, {}).setdefault(metric, {}).setdefault(
        mux, []).append(value)


def attach_clients(cfg, mux, loop, name, n, cols, rows):
    """One operator and n - 1 observers, each on a pty one row taller than
    the session (both multiplexers keep their status line on)."""
    clients = []
    for i in range(n):
        clients.append(mux.attach(loop, name, i > 0, cols, rows + 1))
    return clients


def end_clients(loop, clients):
    for c in clients:
        loop.remove(c)
        c.end()


def check_size(cfg, mux, name, cols, rows):
    """Once per multiplexer: the session has the size asked for."""
    key = (mux.kind, cols, rows)
    if key in cfg.size_checked:
        return
    cfg.size_checked.add(key)
    fmt = ('#{session_width}x#{session_height}' if mux.kind == 'huddle'
           else '#{window_width}x#{window_height}')
    got = mux.query(fmt, name)
    if got != '%dx%d' % (cols, rows):
        log('warning: %s session is %s, not %dx%d' % (mux.kind, got, cols,
                                                        rows))


# ---- 1. throughput -------------------------------------------------------

def bare_cat(cfg, path, cols, rows):
    """cat on a pty the harness drains, with no multiplexer."""
    loop = cfg.loop
    t0 = now()
    t = Term(['cat', path], cfg.env, cols, rows)
    loop.add(t)
    loop.run(lambda: t.closed, cfg.timeout)
    el = now() - t0
    loop.remove(t)
    t.end()
    return el


def throughput_once(cfg, mux, path, cols, rows, nclients):
    loop = cfg.loop
    mux.start()
    s = Session(mux, loop, 'tp', 'cat %s' % sh_quote(path), cols, rows)
    clients = attach_clients(cfg, mux, loop, 'tp', nclients, cols, rows)
    loop.settle(clients, 0.3, 30)
    if clients:
        check_size(cfg, mux, 'tp', cols, rows)
    for c in clients:
        c.expect(s.marker)
        c.nbytes = 0
    cpu0 = mux.cpu()
    ccpu0 = [c.cpu() or 0 for c in clients]
    h0 = harness_cpu()
    t0 = s.start()
    ok = loop.run(lambda: s.done.at is not None, cfg.timeout)
    res = {'ok': ok}
    if ok:
        res['cat'] = s.done.at - t0
        cur = loop.run(lambda: all(c.found_at is not None for c in clients),
                       cfg.current_timeout)
        if clients and cur:
            res['current'] = max(c.found_at for c in clients) - t0
        elif clients:
            res['stale'] = sum(c.found_at is None for c in clients)
        res['wall'] = now() - t0
        res['server_cpu'] = (mux.cpu() or 0) - (cpu0 or 0)
        res['client_cpu'] = sum((c.cpu() or 0) - a for c, a in
                                zip(clients, ccpu0))
        res['harness_cpu'] = harness_cpu() - h0
        res['bytes'] = clients[0].nbytes if clients else 0
    end_clients(loop, clients)
    mux.stop()
    s.close()
    return res


def fig1(cfg):
    rows = {}
    sizes = {}
    for kind in cfg.kinds:
        runs = cfg.runs if kind == 'mixed' else cfg.runs_kinds
        for cols, srows in cfg.sizes:
            path, size = cfg.inputs[(kind, cols, srows)]
            sizes[kind] = (size, runs)
            for run in range(runs):
                key = (kind, '%dx%d' % (cols, srows), 'bare pty')
                el = bare_cat(cfg, path, cols, srows)
                record(rows, key, 'cat', 'bare', el)
                log('fig1 %s %dx%d bare run %d: %.2fs' % (kind, cols, srows,
                                                          run, el))
                for n in cfg.clients:
                    key = (kind, '%dx%d' % (cols, srows), n)
                    for mux in turns(cfg, run):
                        r = throughput_once(cfg, mux, path, cols, srows, n)
                        for m in ('cat', 'current', 'server_cpu',
                                  'client_cpu', 'harness_cpu', 'bytes',
                                  'wall', 'stale'):
                            if m in r:
                                record(rows, key, m, mux.kind, r[m])
                        if not r['ok']:
                            record(rows, key, 'failed', mux.kind, 1)
                        log('fig1 %s %dx%d %d clients %s run %d: cat %s '
                            'current %s cpu %s' % (
                                kind, cols, srows, n, mux.kind, run,
                                fmt_s(r.get('cat')), fmt_s(r.get('current')),
                                fmt_s(r.get('server_cpu'))))
    return {'rows': rows, 'sizes': sizes}


def fmt_s(v):
    return '-' if v is None else '%.2fs' % v


# ---- 2 and 6. keystroke echo ---------------------------------------------

def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = (len(xs) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def echo_once(cfg, mux, flood, observers, samples, cols=80, rows=24):
    """Type samples keys, one at a time, into a session through an
    attached operator; time each until its echo reaches the operator's
    terminal."""
    loop = cfg.loop
    rng = random.Random(42)
    mux.start()
    mux.new_session('echo', ECHO_PROGRAM, cols, rows)
    if flood:
        path = cfg.inputs[('mixed', cols, rows)][0]
        mux.new_session('flood', 'while :; do cat %s; done' %
                        sh_quote(path), cols, rows)
    op = mux.attach(loop, 'echo', False, cols, rows + 1)
    obs = [mux.attach(loop, 'echo', True, cols, rows + 1)
           for _ in range(observers)]
    loop.settle([op] + obs, 0.3, 60)
    check_size(cfg, mux, 'echo', cols, rows)
    loop.first = op
    loop.sleep(0.5)
    lat = []
    lost = 0
    cpu0 = mux.cpu() or 0
    ocpu0 = sum(c.cpu() or 0 for c in obs)
    t_start = now()
    for i in range(samples):
        ch = ECHO_CHARS[i % len(ECHO_CHARS):][:1]
        op.expect(ch)
        t0 = now()
        op.write(ch)
        if loop.run(lambda: op.found_at is not None, 2.0, step=2.0):
            lat.append(op.found_at - t0)
        else:
            lost += 1
        # Typing pace: 16-26 ms between keys, longer than huddle's frame
        # interval (15 ms), so each echo takes the idle path.
        loop.sleep(rng.uniform(0.016, 0.026))
    wall = now() - t_start
    cpu = (mux.cpu() or 0) - cpu0
    ocpu = sum(c.cpu() or 0 for c in obs) - ocpu0
    loop.first = None
    end_clients(loop, [op] + obs)
    mux.stop()
    res = {'p50': percentile(lat, 0.5), 'p99': percentile(lat, 0.99),
           'max': max(lat) if lat else None, 'lost': lost,
           'server_cpu_pct': 100.0 * cpu / wall,
           'observer_cpu_pct': 100.0 * ocpu / wall}
    return res


def fig_echo(cfg, conditions, label):
    rows = {}
    for run in range(cfg.runs_echo):
        for name, flood, observers in conditions:
            for mux in turns(cfg, run):
                r = echo_once(cfg, mux, flood, observers, cfg.samples)
                for m, v in r.items():
                    if v is not None:
                        record(rows, (name,), m, mux.kind, v)
                log('%s %s %s run %d: p50 %.0fus p99 %.0fus max %.0fus '
                    'lost %d server cpu %.0f%%' % (
                        label, name, mux.kind, run, (r['p50'] or 0) * 1e6,
                        (r['p99'] or 0) * 1e6, (r['max'] or 0) * 1e6,
                        r['lost'], r['server_cpu_pct']))
    return {'rows': rows, 'samples': cfg.samples}


def fig2(cfg):
    return fig_echo(cfg, [('idle', False, 0), ('flood', True, 0)], 'fig2')


def fig6(cfg):
    return fig_echo(cfg, [('%d observers + flood' % cfg.observers, True,
                           cfg.observers)], 'fig6')


# ---- 3. memory -----------------------------------------------------------

def mem_sessions(cfg, mux, n):
    mux.start()
    for i in range(n):
        mux.new_session('s%d' % i, 'exec cat', 80, 24)
    cfg.loop.sleep(1.0)
    rss = mux.rss()
    mux.stop()
    return rss


def mem_clients(cfg, mux, cols, rows, n):
    """Server RSS added per attached client, and each client's own RSS, on
    a session whose screen and history are full of coloured text."""
    loop = cfg.loop
    path = cfg.inputs[('sgr', cols, rows)][0]
    mux.start()
    mux.new_session('m', 'head -c 300000 %s; exec cat' % sh_quote(path),
                    cols, rows)
    loop.sleep(1.0)
    rss0 = mux.rss()
    clients = attach_clients(cfg, mux, loop, 'm', n, cols, rows)
    loop.settle(clients, 0.5, 30)
    loop.sleep(1.0)
    rss1 = mux.rss()
    crss = [c.rss() for c in clients]
    end_clients(loop, clients)
    mux.stop()
    return (rss1 - rss0) / n, statistics.median(x for x in crss if x)


def fig3(cfg):
    rows = {}
    for run in range(cfg.runs_mem):
        for n in cfg.mem_sessions:
            for mux in turns(cfg, run):
                rss = mem_sessions(cfg, mux, n)
                record(rows, ('sessions', n), 'rss', mux.kind, rss)
                log('fig3 %d sessions %s run %d: %d KiB' % (n, mux.kind, run,
                                                           rss))
        for cols, srows in cfg.sizes:
            for mux in turns(cfg, run):
                per, crss = mem_clients(cfg, mux, cols, srows,
                                        cfg.mem_clients)
                key = ('clients', '%dx%d' % (cols, srows))
                record(rows, key, 'server_per_client', mux.kind, per)
                record(rows, key, 'client_rss', mux.kind, crss)
                log('fig3 %dx%d %s run %d: +%.0f KiB/client in server, '
                    'client %d KiB' % (cols, srows, mux.kind, run, per, crss))
    return {'rows': rows, 'clients': cfg.mem_clients}


# ---- 4. bytes delivered --------------------------------------------------

def bytes_once(cfg, mux, body, cols, rows):
    loop = cfg.loop
    mux.start()
    s = Session(mux, loop, 'by', body, cols, rows)
    op = mux.attach(loop, 'by', False, cols, rows + 1)
    loop.settle([op], 0.3, 30)
    op.expect(s.marker)
    op.nbytes = 0
    t0 = s.start()
    ok = loop.run(lambda: s.done.at is not None, cfg.timeout) and \
        loop.run(lambda: op.found_at is not None, cfg.current_timeout)
    res = {}
    if ok:
        res = {'bytes': op.nbytes, 'secs': op.found_at - t0}
    loop.remove(op)
    op.end()
    mux.stop()
    s.close()
    return res


def fig4(cfg):
    rows = {}
    py = sys.executable
    for cols, srows in cfg.sizes:
        sgr = cfg.inputs[('sgr', cols, srows)][0]
        frames = cfg.frames[(cols, srows)]
        work = [
            ('scroll %.0f s at %.0f MB/s' % (cfg.scroll_secs,
                                             cfg.scroll_rate / 1e6),
             '%s %s rate %s %d %g' % (py, PACE, sh_quote(sgr),
                                      cfg.scroll_rate, cfg.scroll_secs)),
            ('200 redraws, burst', 'cat %s' % sh_quote(frames)),
            ('200 redraws, 1 per 25 ms', '%s %s frames %s 0.025 200' % (
                py, PACE, sh_quote(frames))),
        ]
        for run in range(cfg.runs_bytes):
            for name, body in work:
                for mux in turns(cfg, run):
                    r = bytes_once(cfg, mux, body, cols, srows)
                    key = (name, '%dx%d' % (cols, srows))
                    for m, v in r.items():
                        record(rows, key, m, mux.kind, v)
                    log('fig4 %s %dx%d %s run %d: %s bytes in %s' % (
                        name, cols, srows, mux.kind, run, r.get('bytes'),
                        fmt_s(r.get('secs'))))
    return {'rows': rows}


# ---- 5. a stalled client -------------------------------------------------

def stall_once(cfg, mux, stalled, cols=80, rows=24):
    loop = cfg.loop
    path = cfg.inputs[('mixed', cols, rows)][0]
    mux.start()
    s = Session(mux, loop, 'st', 'cat %s' % sh_quote(path), cols, rows)
    normal = mux.attach(loop, 'st', False, cols, rows + 1)
    clients = [normal]
    if stalled:
        # Attached on a pty nobody reads: once the pty's buffer is full,
        # the client (or, for tmux, the server) can write no more.
        clients.append(mux.attach(loop, 'st', True, cols, rows + 1,
                                  drained=False))
    loop.settle([normal], 0.3, 30)
    loop.sleep(0.5)
    normal.expect(s.marker)
    rss0 = mux.rss()
    peak = [rss0]

    def sample():
        r = mux.rss()
        if r:
            peak[0] = max(peak[0], r)

    last = [0.0]

    def until(cond):
        def f():
            if now() - last[0] >= 0.05:
                last[0] = now()
                sample()
            return cond()
        return f

    t0 = s.start()
    ok = loop.run(until(lambda: s.done.at is not None), cfg.timeout)
    res = {}
    if ok:
        res['cat'] = s.done.at - t0
        if loop.run(until(lambda: normal.found_at is not None),
                    2 * cfg.current_timeout):
            res['lag'] = normal.found_at - s.done.at
        sample()
        hwm = proc_status_kib(mux.spid, 'VmHWM') or 0
        res['rss_growth'] = max(peak[0], hwm) - rss0
        if stalled:
            res['stalled_alive'] = int(clients[1].proc.poll() is None)
    end_clients(loop, clients)
    mux.stop()
    s.close()
    return res


def fig5(cfg):
    rows = {}
    for run in range(cfg.runs_stall):
        for stalled in (False, True):
            for mux in turns(cfg, run):
                r = stall_once(cfg, mux, stalled)
                key = ('with stalled client' if stalled
                       else 'without stalled client',)
                for m, v in r.items():
                    record(rows, key, m, mux.kind, v)
                log('fig5 %s %s run %d: cat %s lag %s rss +%s KiB' % (
                    key[0], mux.kind, run, fmt_s(r.get('cat')),
                    fmt_s(r.get('lag')), r.get('rss_growth')))
    return {'rows': rows}


FIGURES = {1: fig1, 2: fig2, 3: fig3, 4: fig4, 5: fig5, 6: fig6}
