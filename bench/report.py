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

"""Markdown tables: medians with min and max over the runs, the ratio
huddle/tmux of the medians, and the targets of issue #8, met or missed."""

import statistics


def med(vals):
    vals = [v for v in vals or [] if v is not None]
    return statistics.median(vals) if vals else None


def fmt(v, unit):
    if v is None:
        return '-'
    if unit == 's':
        return '%.2f' % v
    if unit == 'us':
        return '%.0f' % (v * 1e6)
    if unit == 'ms':
        return '%.2f' % (v * 1e3)
    if unit == 'KiB':
        return '%.0f' % v
    if unit == 'MiB':
        return '%.1f' % (v / 1024.0)
    if unit == 'B':
        return '%.0f' % v
    if unit == 'kB':
        return '%.0f' % (v / 1000.0)
    if unit == '%':
        return '%.0f' % v
    return '%g' % v


def cell(vals, unit):
    """median [min-max], or the single value."""
    vals = [v for v in vals or [] if v is not None]
    if not vals:
        return '-'
    m = fmt(statistics.median(vals), unit)
    if len(vals) == 1:
        return m
    return '%s [%s-%s]' % (m, fmt(min(vals), unit), fmt(max(vals), unit))


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_ratio(r):
    return '-' if r is None else '%.2f' % r


def table(head, rows):
    out = ['| ' + ' | '.join(head) + ' |',
           '|' + '|'.join('---' for _ in head) + '|']
    for r in rows:
        out.append('| ' + ' | '.join(str(x) for x in r) + ' |')
    return '\n'.join(out)


class Report:
    def __init__(self, has_tmux):
        self.parts = []
        self.targets = []
        self.has_tmux = has_tmux

    def add(self, text):
        self.parts.append(text)

    def target(self, fig, what, value, met):
        if met is None:
            state = 'n/a'
        else:
            state = 'met' if met else '**missed**'
        self.targets.append((fig, what, value, state))

    def pair(self, metrics, name, unit):
        """huddle, tmux and ratio cells for one metric."""
        m = metrics.get(name, {})
        h, t = m.get('huddle'), m.get('tmux')
        r = ratio(med(h), med(t))
        return [cell(h, unit), cell(t, unit), fmt_ratio(r)]

    def text(self):
        out = list(self.parts)
        out.append('## Targets\n')
        out.append(table(['figure', 'target', 'value', 'state'],
                         self.targets))
        return '\n\n'.join(out) + '\n'


def fig1(rep, res):
    rows = res['rows']
    lines = []
    for key, m in rows.items():
        kind, size, n = key
        if n == 'bare pty':
            lines.append([kind, size, 'bare pty', cell(m['cat']['bare'], 's'),
                          '', '', '', '', '', '', ''])
            continue
        lines.append([kind, size, n] + rep.pair(m, 'cat', 's') +
                     [cell(m.get('current', {}).get('huddle'), 's'),
                      cell(m.get('current', {}).get('tmux'), 's'),
                      cell(m.get('server_cpu', {}).get('huddle'), 's'),
                      cell(m.get('server_cpu', {}).get('tmux'), 's'),
                      cell(m.get('client_cpu', {}).get('huddle'), 's')])
    inputs = ', '.join('%s %.1f MB (%d run%s)' % (k, v[0] / 1e6, v[1],
                                                  's' if v[1] > 1 else '')
                       for k, v in res['sizes'].items())
    rep.add('## 1. Throughput: cat of a generated file\n\n'
            'Inputs: %s. Seconds from releasing `cat` until it finished (the program '
            'wrote its last byte and its marker); "current" is until every '
            'attached client\'s terminal showed the final screen. Clients: '
            'one operator, the rest observers. CPU: seconds of server CPU '
            '(and of all huddle clients together) over the run.\n\n' % inputs +
            table(['input', 'size', 'clients', 'huddle s', 'tmux s',
                   'huddle/tmux', 'huddle current s', 'tmux current s',
                   'huddle server CPU', 'tmux server CPU',
                   'huddle clients CPU'], lines))
    share = [h / w for m in rows.values() for k in ('huddle', 'tmux')
             for h, w in zip(m.get('harness_cpu', {}).get(k, []),
                             m.get('wall', {}).get(k, [])) if w]
    if share:
        rep.add('The harness draining every client used at most %.0f%% of '
                'one core (median %.0f%%) during these runs.' % (
                    100 * max(share), 100 * statistics.median(share)))
    stale = ['%s %s %s clients (%s: %d)' % (key + (k, sum(v)))
             for key, m in rows.items()
             for k, v in m.get('stale', {}).items()]
    if stale:
        rep.add('Clients whose terminal never showed the final screen '
                'within 30 s of the end (no "current" time): ' +
                ', '.join(stale) + '.')
    for key, m in rows.items():
        kind, size, n = key
        if n == 1:
            r = ratio(med(m['cat'].get('huddle')), med(m['cat'].get('tmux')))
            rep.target(1, '%s %s, 1 client: huddle/tmux <= 0.5' % (kind, size),
                       fmt_ratio(r), None if r is None else r <= 0.5)
    for key, m in rows.items():
        kind, size, n = key
        if n == 10 and (kind, size, 1) in rows:
            one = rows[(kind, size, 1)]['cat']
            h = ratio(med(m['cat'].get('huddle')), med(one.get('huddle')))
            t = ratio(med(m['cat'].get('tmux')), med(one.get('tmux')))
            rep.target(1, '%s %s: 10 clients / 1 client <= 1.2 (tmux %s)' % (
                kind, size, fmt_ratio(t)), fmt_ratio(h),
                None if h is None else h <= 1.2)


def fig_echo(rep, res, fig, title):
    rows = res['rows']
    lines = []
    for key, m in rows.items():
        for metric in ('p50', 'p99', 'max'):
            lines.append([key[0], metric] + rep.pair(m, metric, 'us'))
        lines.append([key[0], 'server CPU %'] +
                     rep.pair(m, 'server_cpu_pct', '%'))
        if 'observer_cpu_pct' in m and key[0] != 'idle' and \
                key[0] != 'flood':
            lines.append([key[0], 'observers\' CPU %'] +
                         rep.pair(m, 'observer_cpu_pct', '%'))
        lost = sum(sum(v) for v in m.get('lost', {}).values())
        if lost:
            lines.append([key[0], 'echoes lost (2 s)', lost, '', ''])
    rep.add('## %d. %s\n\n%d keys per run, 16-26 ms apart, typed into `cat` '
            '(terminal in -icanon mode) through an attached operator; '
            'microseconds from writing the byte to the client\'s pty until '
            'it came back. Median [min-max] over runs of each '
            'percentile.\n\n' % (fig, title, res['samples']) +
            table(['condition', 'statistic', 'huddle us', 'tmux us',
                   'huddle/tmux'], lines))
    return rows


def fig2(rep, res):
    rows = fig_echo(rep, res, 2, 'Keystroke echo latency')
    idle = rows.get(('idle',))
    if idle:
        for p in ('p50', 'p99'):
            r = ratio(med(idle[p].get('huddle')), med(idle[p].get('tmux')))
            rep.target(2, 'idle %s: huddle <= tmux' % p, fmt_ratio(r),
                       None if r is None else r <= 1.0)
    flood = rows.get(('flood',))
    if flood:
        r = ratio(med(flood['p50'].get('huddle')),
                  med(flood['p50'].get('tmux')))
        rep.target(2, 'p50 under flood: huddle/tmux <= 0.25', fmt_ratio(r),
                   None if r is None else r <= 0.25)


def fig6(rep, res):
    rows = fig_echo(rep, res, 6, 'Scale: observers, an operator typing, '
                    'a flood in another session')
    for key, m in rows.items():
        p99 = med(m['p99'].get('huddle'))
        rep.target(6, '%s: operator echo p99 < 5 ms' % key[0],
                   fmt(p99, 'ms') + ' ms' if p99 is not None else '-',
                   None if p99 is None else p99 < 0.005)


def fig3(rep, res):
    rows = res['rows']
    lines = []
    for key, m in rows.items():
        if key[0] == 'sessions':
            lines.append(['%d idle sessions' % key[1], 'server RSS'] +
                         rep.pair(m, 'rss', 'KiB'))
    for key, m in rows.items():
        if key[0] == 'clients':
            lines.append(['clients at %s' % key[1],
                          'server RSS added per client'] +
                         rep.pair(m, 'server_per_client', 'KiB'))
            lines.append(['clients at %s' % key[1], 'client process RSS'] +
                         rep.pair(m, 'client_rss', 'KiB'))
    rep.add('## 3. Memory\n\nKiB of VmRSS. Sessions run `cat` at 80x24. '
            'Per client: %d clients (one operator) attached to a session '
            'whose screen and history hold coloured text; the server\'s RSS '
            'after they attached less before, divided by %d. The tmux '
            'client only relays; its server draws.\n\n' %
            (res['clients'], res['clients']) +
            table(['case', 'measure', 'huddle KiB', 'tmux KiB',
                   'huddle/tmux'], lines))
    one = rows.get(('sessions', 1))
    if one:
        h, t = med(one['rss'].get('huddle')), med(one['rss'].get('tmux'))
        r = ratio(h, t)
        rep.target(3, 'one idle session: server RSS <= tmux', '%s vs %s KiB' %
                   (fmt(h, 'KiB'), fmt(t, 'KiB')),
                   None if r is None else r <= 1.0)
    for key, m in rows.items():
        if key[0] == 'clients' and key[1] == '200x50':
            h = med(m['server_per_client'].get('huddle'))
            rep.target(3, 'server RSS per client at 200x50 <= 300 KiB',
                       '%s KiB' % fmt(h, 'KiB'), None if h is None
                       else h <= 300)


def fig4(rep, res):
    rows = res['rows']
    lines = []
    for key, m in rows.items():
        lines.append([key[0], key[1]] + rep.pair(m, 'bytes', 'kB') +
                     [cell(m.get('secs', {}).get('huddle'), 's'),
                      cell(m.get('secs', {}).get('tmux'), 's')])
    rep.add('## 4. Bytes delivered to an attached client\n\nkB (1000 '
            'bytes) read from the operator\'s pty from the start of the '
            'workload until its final screen arrived, and the seconds that '
            'took.\n\n' +
            table(['workload', 'size', 'huddle kB', 'tmux kB', 'huddle/tmux',
                   'huddle s', 'tmux s'], lines))
    for key, m in rows.items():
        r = ratio(med(m['bytes'].get('huddle')), med(m['bytes'].get('tmux')))
        rep.target(4, '%s %s: bytes <= tmux' % key, fmt_ratio(r),
                   None if r is None else r <= 1.0)


def fig5(rep, res):
    rows = res['rows']
    lines = []
    for key, m in rows.items():
        lines.append([key[0], 'cat s'] + rep.pair(m, 'cat', 's'))
        lines.append([key[0], 'normal client lag ms'] +
                     rep.pair(m, 'lag', 'ms'))
        lines.append([key[0], 'server RSS growth MiB'] +
                     rep.pair(m, 'rss_growth', 'MiB'))
        if 'stalled_alive' in m:
            lines.append([key[0], 'runs with the stalled client still '
                          'attached'] +
                         ['%d/%d' % (sum(v), len(v)) for v in
                          (m['stalled_alive'].get(k, []) for k in
                           ('huddle', 'tmux'))] + [''])
    rep.add('## 5. A stalled client during a flood\n\ncat of the mixed file '
            'at 80x24 with one normal operator, with and without an observer '
            'whose pty is never read. Lag: from `cat` finishing until the '
            'normal client showed the final screen. RSS growth: peak VmRSS '
            '(sampled every 50 ms, and VmHWM) less VmRSS before.\n\n' +
            table(['case', 'measure', 'huddle', 'tmux', 'huddle/tmux'], lines))
    w = rows.get(('with stalled client',))
    wo = rows.get(('without stalled client',))
    if w:
        hl, tl = med(w.get('lag', {}).get('huddle')), \
            med(w.get('lag', {}).get('tmux'))
        rep.target(5, 'normal client lag: huddle <= tmux',
                   '%s vs %s ms' % (fmt(hl, 'ms'), fmt(tl, 'ms')),
                   None if hl is None or tl is None else hl <= tl)
        g = med(w.get('rss_growth', {}).get('huddle'))
        rep.target(5, 'server RSS growth < 16 MiB', '%s MiB' % fmt(g, 'MiB'),
                   None if g is None else g < 16 * 1024)
    if w and wo:
        r = ratio(med(w['cat'].get('huddle')), med(wo['cat'].get('huddle')))
        rep.target(5, 'completion with stalled client within 10%',
                   fmt_ratio(r), None if r is None else r <= 1.10)


FIGURES = {1: fig1, 2: fig2, 3: fig3, 4: fig4, 5: fig5, 6: fig6}
