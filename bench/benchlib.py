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

"""Measurement primitives: processes ended by PID, ptys the harness owns
and drains, one poll loop over all of them, and the two multiplexers
behind one interface."""

import errno
import fcntl
import os
import select
import shlex
import signal
import struct
import subprocess
import sys
import termios
import time

CLK_TCK = os.sysconf('SC_CLK_TCK')
READ_SIZE = 1 << 18
VERBOSE = False


def now():
    return time.monotonic()


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def debug(msg):
    if VERBOSE:
        log('  . ' + msg)


# ---- /proc ---------------------------------------------------------------

def proc_status_kib(pid, field='VmRSS'):
    """A size field of /proc/PID/status in KiB, or None if pid is gone."""
    try:
        with open('/proc/%d/status' % pid) as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def proc_cpu(pid):
    """User plus system CPU seconds of pid, or None if it is gone."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, ValueError, IndexError):
        return None


def pid_alive(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            state = f.read().rsplit(')', 1)[1].split()[0]
        return state != 'Z'
    except OSError:
        return False


# ---- every process we start, ended by its PID ----------------------------

class Registry:
    """PIDs the harness started (or that a server it started forked), so
    that each one can be ended by PID, whatever happens."""

    def __init__(self):
        self.children = {}	# pid -> Popen
        self.others = set()	# daemons and pane programs: not our children

    def child(self, proc):
        self.children[proc.pid] = proc
        return proc

    def other(self, pid):
        if pid:
            self.others.add(pid)

    def end_child(self, proc, grace=1.0):
        """SIGTERM, then SIGKILL after grace seconds; reap."""
        self.children.pop(proc.pid, None)
        if proc.poll() is not None:
            return
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()

    def end_other(self, pid, grace=3.0, sig=signal.SIGTERM):
        """Signal a process that is not our child and wait until it is gone."""
        self.others.discard(pid)
        if not pid or not pid_alive(pid):
            return
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = now() + grace
        while pid_alive(pid) and now() < deadline:
            time.sleep(0.01)
        if pid_alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            deadline = now() + grace
            while pid_alive(pid) and now() < deadline:
                time.sleep(0.01)

    def end_all(self):
        for proc in list(self.children.values()):
            self.end_child(proc, 0.5)
        for pid in list(self.others):
            self.end_other(pid, 1.0)


REG = Registry()


def run_cmd(argv, env, timeout=30, check=True):
    """Run a one-shot command to completion; its output as text."""
    debug(' '.join(argv))
    proc = REG.child(subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE))
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        REG.end_child(proc)
        raise RuntimeError('timed out: %s' % ' '.join(argv))
    REG.children.pop(proc.pid, None)
    if check and proc.returncode != 0:
        raise RuntimeError('%s: exit %d: %s' % (' '.join(argv),
                                                proc.returncode,
                                                err.decode(errors='replace')))
    return out.decode(errors='replace')


# ---- ptys the harness owns -----------------------------------------------

def _take_ctty():
    # Runs in the child after setsid(): stdin is the pty's slave side.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def set_winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))


class Term:
    """A program on a pty whose master side the harness reads: everything
    the program writes is what a user's terminal would receive."""

    def __init__(self, argv, env, cols, rows, name=''):
        master, slave = os.openpty()
        set_winsize(slave, cols, rows)
        self.proc = REG.child(subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            close_fds=True, start_new_session=True, preexec_fn=_take_ctty))
        os.close(slave)
        fl = fcntl.fcntl(master, fcntl.F_GETFL)
        fcntl.fcntl(master, fcntl.F_SETFL, fl | os.O_NONBLOCK)
        self.fd = master
        self.name = name
        self.pid = self.proc.pid
        self.nbytes = 0
        self.last_rx = now()
        self.closed = False
        self.want = None
        self.found_at = None
        self.tail = b''
        self.keep = False	# keep a copy of everything read (debugging)
        self.data = []

    def expect(self, marker):
        """Watch for marker in what is read from now on."""
        self.want = marker
        self.found_at = None
        self.tail = b''

    def read(self):
        """Read what is there; False once the slave side has gone."""
        try:
            data = os.read(self.fd, READ_SIZE)
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EINTR):
                return True
            data = b''
        if not data:
            self.closed = True
            return False
        t = now()
        self.nbytes += len(data)
        self.last_rx = t
        if self.keep:
            self.data.append(data)
        if self.want is not None and self.found_at is None:
            buf = self.tail + data
            if self.want in buf:
                self.found_at = t
            self.tail = buf[-(len(self.want) - 1):] if len(self.want) > 1 \
                else b''
        return True

    def write(self, data):
        os.write(self.fd, data)

    def end(self):
        REG.end_child(self.proc)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def cpu(self):
        return proc_cpu(self.pid)

    def rss(self):
        return proc_status_kib(self.pid)


class Fifo:
    """The read side of a FIFO that a session's program writes to once,
    to say it finished."""

    def __init__(self, path):
        os.mkfifo(path)
        self.path = path
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        self.at = None

    def read(self):
        try:
            data = os.read(self.fd, 4096)
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EINTR):
                return True
            data = b''
        if data and self.at is None:
            self.at = now()
        return bool(data)

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        try:
            os.unlink(self.path)
        except OSError:
            pass


def go(path):
    """Open a FIFO a session's program is blocked reading, and release it."""
    fd = os.open(path, os.O_WRONLY)
    os.write(fd, b'go\n')
    os.close(fd)


class Loop:
    """One poll over every pty and FIFO the harness drains."""

    def __init__(self):
        self.poll = select.poll()
        self.objs = {}
        self.first = None	# read this one first when it is ready

    def add(self, obj):
        self.objs[obj.fd] = obj
        self.poll.register(obj.fd, select.POLLIN)

    def remove(self, obj):
        if obj.fd in self.objs:
            del self.objs[obj.fd]
            self.poll.unregister(obj.fd)

    def once(self, ms):
        ready = self.poll.poll(ms)
        if self.first is not None and len(ready) > 1:
            ready.sort(key=lambda r: r[0] != self.first.fd)
        for fd, ev in ready:
            obj = self.objs.get(fd)
            if obj is not None and not obj.read():
                self.remove(obj)
        return len(ready)

    def run(self, until, timeout, step=0.05):
        """Drain until until() is true; False if timeout came first."""
        deadline = now() + timeout
        while True:
            if until():
                return True
            left = deadline - now()
            if left <= 0:
                return False
            self.once(int(min(left, step) * 1000) + 1)

    def sleep(self, secs):
        self.run(lambda: False, secs)

    def settle(self, terms, quiet=0.3, timeout=10.0):
        """Drain until none of terms has written for quiet seconds."""
        if not terms:
            return True
        return self.run(lambda: now() - max(t.last_rx for t in terms) >= quiet,
                        timeout)


# ---- the multiplexers ----------------------------------------------------

class Mux:
    """huddle or tmux, each run on a private socket with the same shell,
    TERM, history, size and status line."""

    def __init__(self, kind, binary, tmp, env):
        self.kind = kind
        self.binary = binary
        self.tmp = tmp
        self.env = env
        self.sock = None
        self.spid = None
        self.panes = []
        self.count = 0

    def base(self):
        return [self.binary, '-f', '/dev/null', '-S', self.sock]

    def version(self):
        out = run_cmd([self.binary, '-V'], self.env, check=False)
        return out.strip()

    def start(self):
        """Forget any earlier server: the next session starts a new one."""
        self.count += 1
        self.sock = os.path.join(self.tmp, '%s-%d.sock' % (self.kind[0],
                                                           self.count))
        self.spid = None
        self.panes = []

    def new_session(self, name, cmd, cols, rows):
        argv = self.base()
        if self.kind == 'tmux' and self.spid is None:
            # tmux's own default is "screen"; huddle's is screen-256color.
            argv += ['set', '-g', 'default-terminal', 'screen-256color', ';']
        argv += ['new', '-d', '-s', name, '-x', str(cols), '-y', str(rows)]
        if self.kind == 'huddle':
            argv += ['--']
        argv += [cmd]
        run_cmd(argv, self.env)
        if self.spid is None:
            self.spid = self.query_pid()
            REG.other(self.spid)
        pid = self.pane_pid(name)
        if pid:
            self.panes.append(pid)
            REG.other(pid)

    def query(self, fmt, target=None):
        if self.kind == 'huddle':
            if target is None:
                argv = self.base() + ['ls', '-F', fmt]
            else:
                argv = self.base() + ['message', '-p', '-t', target, fmt]
        else:
            argv = self.base() + ['display', '-p']
            if target is not None:
                argv += ['-t', target]
            argv += [fmt]
        return run_cmd(argv, self.env).split('\n')[0].strip()

    def query_pid(self):
        return int(self.query('#{pid}'))

    def pane_pid(self, name):
        try:
            return int(self.query('#{pane_pid}', name))
        except (RuntimeError, ValueError):
            return None

    def attach_argv(self, name, readonly):
        argv = [self.binary, '-S', self.sock, 'attach']
        if readonly:
            argv += ['-r']
        return argv + ['-t', name]

    def attach(self, loop, name, readonly, cols, rows, drained=True):
        """An attached client on a pty the harness owns (and, if drained,
        reads)."""
        t = Term(self.attach_argv(name, readonly), self.env, cols, rows,
                 name='%s-%s' % (self.kind, 'ro' if readonly else 'rw'))
        if drained:
            loop.add(t)
        return t

    def rss(self):
        return proc_status_kib(self.spid)

    def cpu(self):
        return proc_cpu(self.spid)

    def stop(self):
        """End the server by its PID, then any pane program left."""
        if self.spid:
            REG.end_other(self.spid)
        for pid in self.panes:
            REG.end_other(pid, 1.0, signal.SIGKILL)
        self.spid = None
        self.panes = []
        for suffix in ('', '.lock'):
            try:
                os.unlink(self.sock + suffix)
            except OSError:
                pass


def sh_quote(s):
    return shlex.quote(s)


class Session:
    """A benchmark session: a program that waits for GO, runs body, clears
    the screen, prints a marker, says DONE, and then idles, so the session
    outlives the measurement."""

    seq = 0

    def __init__(self, mux, loop, name, body, cols, rows):
        Session.seq += 1
        n = Session.seq
        self.go_path = os.path.join(mux.tmp, 'go-%d' % n)
        os.mkfifo(self.go_path)
        self.done = Fifo(os.path.join(mux.tmp, 'done-%d' % n))
        loop.add(self.done)
        self.loop = loop
        # No two equal characters side by side: nothing may abbreviate it.
        self.marker = ('Zq%dXjK%dwV' % (n, n * 7 + 1)).encode()
        cmd = ('read x < %s; %s; printf "\\033[H\\033[2J%%s\\n" %s; '
               'echo done > %s; exec sleep 100000' %
               (sh_quote(self.go_path), body, self.marker.decode(),
                sh_quote(self.done.path)))
        mux.new_session(name, cmd, cols, rows)

    def start(self):
        t = now()
        go(self.go_path)
        return t

    def close(self):
        self.loop.remove(self.done)
        self.done.close()
        try:
            os.unlink(self.go_path)
        except OSError:
            pass
