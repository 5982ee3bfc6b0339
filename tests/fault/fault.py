#!/usr/bin/env python3
"""fault.py: the fault suite's driver: lup serve under kill -9, many connections, slow clients
and a backup during writes. Only the standard library. Used by tests/t/t7600-faults.sh (brief
figures, correctness asserted) and tests/fault/soak.sh (`make soak`: the full figures).

Each mode prints one line of key=value figures (the callers read them) and exits 0 when it could
run (the callers judge the figures); 2 on a usage error, 3 when the server would not start.

  fault.py kill --lup LUP --db DB --token T --owner ORG --district D --rounds N
               [--writers W] [--min-s A] [--max-s B] [--log FILE] [--seed S]
      N rounds: start `LUP --db DB serve`, W threads write activities (POST /api/v1/activities
      with the bearer token T, each on its own keep-alive connection) and note each one
      acknowledged (201 with its id), and a random A..B seconds after the first one was
      acknowledged the server gets SIGKILL.
      Every round's server first reads back (GET /api/v1/activities/{id}) the writes the
      previous round acknowledged; a last server reads them all and is stopped with SIGTERM.
      Prints rounds= acked= verified= missing= refused= (answers other than 201: a write the
      server refused, e.g. 503) lost_conn= (writes cut by the kill, no answer) clean_stop=.

  fault.py conns --port P --pid PID --n C --seconds S [--addrs K] URL...
      C keep-alive connections (from 127.0.0.1..127.0.0.K) each send GET requests for the URLs
      in turn for S seconds, reading every answer. Samples the RSS of PID twice a second.
      Prints requests= errors= (not 200, a cut answer, no answer within 30 s) reconnects=
      rate= (requests a second) slowest_s= (the longest wait for an answer) rss_start_kb= rss_warm_kb= (a quarter of the way through)
      rss_peak_kb= rss_end_kb= (once the answers in flight are read) and err_first= (the first
      error, when any).

  fault.py slow --port P --n N --seconds S [--normal K] [--addrs A] URL...
      Normal traffic (K keep-alive connections from 127.0.0.250 fetching the URLs) runs S
      seconds alone, S seconds while N slow clients (from 127.0.0.1..A) send a request head one
      byte a second (reopened when the server cuts them), and S seconds alone again. Prints
      base1= base2= loaded= (requests a second) ratio= (loaded over the mean of the bases)
      errors= (normal requests not answered 200) slow_opened= slow_cut=.

  fault.py backup --port P --token T --owner ORG --district D --before S1 --after S2
                  --acked FILE [--writers W] -- CMD...
      W writers as in kill, for S1 seconds from the first acknowledged write; then CMD runs (the backup) while they go on; S2
      seconds after it ends they stop. Writes the names of the writes acknowledged before CMD
      started into FILE (one a line). Prints acked_before= acked= refused= cmd_rc= cmd_s=.
"""
import argparse
import http.client
import json
import os
import random
import resource
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 20000 if hard == resource.RLIM_INFINITY else min(hard, 20000)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def figures(**kv):
    print(" ".join("%s=%s" % (k, v) for k, v in kv.items()), flush=True)


# --- a server of our own (kill) ----------------------------------------------------------------

def start_server(lup, db, log):
    """starts `lup serve` on a free port; returns (Popen, port) or (None, 0) after 60 s"""
    pf = "%s.port" % log
    if os.path.exists(pf):
        os.unlink(pf)
    with open(log, "ab") as lf:
        p = subprocess.Popen([lup, "--db", db, "serve", "--listen", "127.0.0.1:0",
                              "--port-file", pf, "--quiet"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=lf)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            with open(pf) as f:
                port = int(f.read().strip() or 0)
            if port:
                return p, port
        except (OSError, ValueError):
            pass
        if p.poll() is not None:
            break
        time.sleep(0.05)
    p.kill()
    p.wait()
    return None, 0


class Writers:
    """W threads writing activities through the API until stopped or cut off"""

    def __init__(self, port, token, owner, district, tag, n):
        self.port, self.token, self.owner, self.district, self.tag = port, token, owner, district, tag
        self.acked = []          # (id, name), in the order acknowledged
        self.refused = 0
        self.refusals = []
        self.lost = 0
        self.lock = threading.Lock()
        self.first = threading.Event()      # set at the first acknowledged write
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(w,)) for w in range(n)]

    def start(self):
        for t in self.threads:
            t.start()

    def join(self):
        self.stop.set()
        for t in self.threads:
            t.join()

    def run(self, w):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        hdrs = {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"}
        i = 0
        while not self.stop.is_set():
            i += 1
            name = "fault-%s-%d-%d" % (self.tag, w, i)
            body = json.dumps({"owner": self.owner, "name": name, "start": "2023-01",
                               "districts": [self.district]})
            try:
                conn.request("POST", "/api/v1/activities", body, hdrs)
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.lost += 1
                return      # the server is gone (killed) or stopping
            with self.lock:
                if resp.status == 201:
                    self.acked.append((json.loads(data)["id"], name))
                    self.first.set()
                else:
                    self.refused += 1
                    if len(self.refusals) < 3:
                        self.refusals.append("%d %s" % (resp.status, data[:120].decode("utf-8", "replace")))
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()


def verify(port, token, acked):
    """reads back every (id, name) in acked; returns the list of those missing"""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    hdrs = {"Authorization": "Bearer " + token}
    missing = []
    for aid, name in acked:
        for attempt in range(3):
            try:
                conn.request("GET", "/api/v1/activities/%d" % aid, headers=hdrs)
                resp = conn.getresponse()
                data = resp.read()
                break
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        else:
            missing.append((aid, name))
            continue
        if resp.status != 200 or json.loads(data).get("name") != name:
            missing.append((aid, name))
    conn.close()
    return missing


def mode_kill(a):
    rnd = random.Random(a.seed)
    log = a.log or (a.db + ".serve.log")
    acked, last, missing, refused, lost, refusals = [], [], [], 0, 0, []
    for r in range(1, a.rounds + 1):
        p, port = start_server(a.lup, a.db, log)
        if not p:
            figures(rounds=r - 1, error="the server did not start in round %d (see %s)" % (r, log))
            return 3
        missing += verify(port, a.token, last)
        w = Writers(port, a.token, a.owner, a.district, "k%d" % r, a.writers)
        w.start()
        # the kill falls A..B seconds after the writes flow (a token's first check is slow)
        w.first.wait(60)
        time.sleep(rnd.uniform(a.min_s, a.max_s))
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        w.join()
        acked += w.acked
        last = w.acked
        refused += w.refused
        lost += w.lost
        refusals += w.refusals
    p, port = start_server(a.lup, a.db, log)
    if not p:
        figures(rounds=a.rounds, error="the server did not start after the last kill (see %s)" % log)
        return 3
    final = verify(port, a.token, acked)
    p.send_signal(signal.SIGTERM)
    rc = p.wait()
    gone = {x for x in missing} | set(final)
    figures(rounds=a.rounds, acked=len(acked), verified=len(acked) - len(final), missing=len(gone),
            refused=refused, lost_conn=lost, clean_stop=int(rc == 0),
            first_refusal=json.dumps(refusals[0]) if refusals else "-",
            first_missing=("%d:%s" % sorted(gone)[0]) if gone else "-")
    return 0


# --- many connections (conns, slow) --------------------------------------------------------------

def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def connect_from(port, src):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.bind((src, 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


class Client:
    """one keep-alive connection fetching URLs in turn; answers parsed by Content-Length"""

    def __init__(self, load, src, k):
        self.load, self.src, self.k = load, src, k
        self.sock = None
        self.open()

    def open(self):
        self.sock = connect_from(self.load.port, self.src)
        self.buf = b""
        self.sent = False
        self.t0 = time.monotonic()
        self.load.sel.register(self.sock, selectors.EVENT_WRITE, self)

    def close(self):
        self.load.sel.unregister(self.sock)
        self.sock.close()

    def send(self):
        url = self.load.urls[self.k % len(self.load.urls)]
        self.k += 1
        req = ("GET %s HTTP/1.1\r\nHost: lup\r\n\r\n" % url).encode()
        self.sock.send(req)     # small: it fits the socket buffer
        self.sent = True
        self.t0 = time.monotonic()
        self.load.sel.modify(self.sock, selectors.EVENT_READ, self)

    def answered(self):
        """a whole answer in buf: returns (status, rest) or None while incomplete"""
        head_end = self.buf.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = self.buf[:head_end].decode("latin-1").split("\r\n")
        length = 0
        close = False
        for line in head[1:]:
            k, _, v = line.partition(":")
            if k.strip().lower() == "content-length":
                length = int(v.strip())
            elif k.strip().lower() == "connection" and "close" in v.lower():
                close = True
        if len(self.buf) < head_end + 4 + length:
            return None
        status = int(head[0].split()[1])
        return status, close

    def event(self, ev):
        load = self.load
        try:
            if ev & selectors.EVENT_WRITE:
                if not load.running():
                    self.close()
                    return
                self.send()
                return
            data = self.sock.recv(262144)
        except OSError as e:
            data = None
            err = str(e)
        if data:
            self.buf += data
            got = self.answered()
            if not got:
                return
            status, close = got
            load.slowest = max(load.slowest, time.monotonic() - self.t0)
            if status == 200:
                load.ok += 1
            else:
                load.error("status %d for %s" % (status, load.urls[(self.k - 1) % len(load.urls)]))
            self.buf = b""
            if close or not load.running():
                self.close()
                if load.running():
                    load.reconnects += 1
                    self.open()
                return
            self.send()
            return
        # closed by the server (b"") or failed (None)
        if self.sent or data is None:
            load.error("connection %s after %d bytes of an answer, %.2f s after the request" %
                       ("cut" if data is not None else "failed (%s)" % err, len(self.buf),
                        time.monotonic() - self.t0))
            load.cut_after.append(time.monotonic() - self.t0)
        self.close()
        if load.running():
            load.reconnects += 1
            self.open()


class Load:
    def __init__(self, port, urls):
        self.port, self.urls = port, urls
        self.sel = selectors.DefaultSelector()
        self.ok = self.errors = self.reconnects = 0
        self.slowest = 0.0       # the longest wait for an answer (s)
        self.cut_after = []      # for each request cut unanswered: the seconds it had waited
        self.err_first = "-"
        self.end = 0

    def running(self):
        return time.monotonic() < self.end

    def error(self, what):
        self.errors += 1
        if self.err_first == "-":
            self.err_first = json.dumps(what)


def mode_conns(a):
    raise_fd_limit()
    load = Load(a.port, a.url)
    load.end = time.monotonic() + a.seconds
    clients = [Client(load, "127.0.0.%d" % (1 + i % a.addrs), i) for i in range(a.n)]
    start = rss_kb(a.pid)
    peak, end_rss, warm = start, start, 0
    next_sample = time.monotonic()
    t0 = time.monotonic()
    while load.running():
        for key, ev in load.sel.select(0.2):
            key.data.event(ev)
        now = time.monotonic()
        if now >= next_sample:
            end_rss = rss_kb(a.pid)
            peak = max(peak, end_rss)
            if not warm and now - t0 >= a.seconds / 4:
                warm = end_rss      # once the caches and the connections' memory are there
            next_sample = now + 0.5
        for c in clients:          # a stuck answer (30 s) is an error, and the connection goes
            if c.sent and now - c.t0 > 30 and c.sock.fileno() >= 0:
                load.error("no answer within 30 s")
                c.close()
                c.open()
    elapsed = time.monotonic() - t0
    # the answers in flight when the time is up are read to the end (30 s at most)
    drain_end = time.monotonic() + 30
    while load.sel.get_map() and time.monotonic() < drain_end:
        for key, ev in load.sel.select(0.2):
            key.data.event(ev)
    for key in list(load.sel.get_map().values()):
        if key.data.sent:
            load.error("no answer within 30 s")
        key.data.close()
    end_rss = rss_kb(a.pid)
    peak = max(peak, end_rss)
    figures(requests=load.ok + load.errors, errors=load.errors, reconnects=load.reconnects,
            rate="%.0f" % (load.ok / elapsed), slowest_s="%.2f" % load.slowest, rss_start_kb=start, rss_warm_kb=warm, rss_peak_kb=peak, rss_end_kb=end_rss,
            err_first=load.err_first, cut_after_s=",".join("%.1f" % x for x in sorted(load.cut_after)[::max(1, len(load.cut_after) // 8)]) or "-")
    return 0


class Slow:
    """one client sending a request head a byte a second, reopened when cut"""
    HEAD = b"GET /healthz HTTP/1.1\r\nHost: lup\r\nX-Slow: " + b"x" * 100000

    def __init__(self, load, src):
        self.load, self.src = load, src
        self.open()

    def open(self):
        self.sock = connect_from(self.load.port, self.src)
        self.pos = 0
        self.load.slow_opened += 1
        self.load.sel.register(self.sock, selectors.EVENT_READ, self)

    def tick(self):
        try:
            self.sock.send(self.HEAD[self.pos:self.pos + 1])
            self.pos += 1
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            self.event(0)

    def event(self, ev):
        try:
            data = self.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if data:
            return      # an answer (408, 431...): the server closes next
        self.load.slow_cut += 1
        self.load.sel.unregister(self.sock)
        self.sock.close()
        if self.load.slow_on:
            self.open()


def run_normal(load, a, seconds, slow):
    """normal traffic for seconds (with the slow clients ticking when given); returns req/s"""
    ok0 = load.ok
    load.end = time.monotonic() + seconds
    clients = [Client(load, "127.0.0.250", i) for i in range(a.normal)]
    t0 = time.monotonic()
    next_tick = t0
    while load.running():
        for key, ev in load.sel.select(0.1):
            key.data.event(ev)
        now = time.monotonic()
        if slow and now >= next_tick:
            for s in slow:
                s.tick()
            next_tick = now + 1.0
        for c in clients:
            if c.sent and now - c.t0 > 30:
                load.error("no answer within 30 s")
                c.close()
                c.open()
    elapsed = time.monotonic() - t0
    drain_end = time.monotonic() + 30
    while any(c.sent and c.sock.fileno() >= 0 for c in clients) and time.monotonic() < drain_end:
        for key, ev in load.sel.select(0.1):
            key.data.event(ev)
        if slow and time.monotonic() >= next_tick:
            for s in slow:
                s.tick()
            next_tick = time.monotonic() + 1.0
    for c in clients:
        if c.sock.fileno() >= 0:
            if c.sent:
                load.error("no answer within 30 s")
            c.close()
    return (load.ok - ok0) / elapsed


def mode_slow(a):
    raise_fd_limit()
    load = Load(a.port, a.url)
    load.slow_opened = load.slow_cut = 0
    load.slow_on = False
    base1 = run_normal(load, a, a.seconds, None)
    load.slow_on = True
    slow = [Slow(load, "127.0.0.%d" % (1 + i % a.addrs)) for i in range(a.n)]
    for s in slow:
        s.tick()
    time.sleep(1)
    loaded = run_normal(load, a, a.seconds, slow)
    load.slow_on = False
    for key in list(load.sel.get_map().values()):
        load.sel.unregister(key.fileobj)
        key.fileobj.close()
    base2 = run_normal(load, a, a.seconds, None)
    base = (base1 + base2) / 2
    figures(base1="%.0f" % base1, base2="%.0f" % base2, loaded="%.0f" % loaded,
            ratio="%.2f" % (loaded / base if base else 0), errors=load.errors,
            slow_opened=load.slow_opened, slow_cut=load.slow_cut, err_first=load.err_first)
    return 0


# --- a backup during writes ----------------------------------------------------------------------

def mode_backup(a):
    w = Writers(a.port, a.token, a.owner, a.district, "b", a.writers)
    w.start()
    w.first.wait(60)
    time.sleep(a.before)
    with w.lock:
        before = list(w.acked)
    t0 = time.monotonic()
    rc = subprocess.call(a.cmd, stdout=subprocess.DEVNULL)
    cmd_s = time.monotonic() - t0
    time.sleep(a.after)
    w.join()
    with open(a.acked, "w") as f:
        for _, name in before:
            f.write(name + "\n")
    figures(acked_before=len(before), acked=len(w.acked), refused=w.refused, lost_conn=w.lost,
            cmd_rc=rc, cmd_s="%.2f" % cmd_s,
            first_refusal=json.dumps(w.refusals[0]) if w.refusals else "-")
    return 0


def main():
    ap = argparse.ArgumentParser(description="lup's fault suite driver (see the docstring)")
    sub = ap.add_subparsers(dest="mode", required=True)
    k = sub.add_parser("kill")
    k.add_argument("--lup", required=True)
    k.add_argument("--db", required=True)
    k.add_argument("--log")
    for p in (k, sub.add_parser("backup")):
        p.add_argument("--token", required=True)
        p.add_argument("--owner", required=True)
        p.add_argument("--district", required=True)
        p.add_argument("--writers", type=int, default=4)
    k.add_argument("--rounds", type=int, required=True)
    k.add_argument("--min-s", type=float, default=0.3)
    k.add_argument("--max-s", type=float, default=1.5)
    k.add_argument("--seed", type=int)
    c = sub.add_parser("conns")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--pid", type=int, required=True)
    c.add_argument("--n", type=int, required=True)
    c.add_argument("--seconds", type=float, required=True)
    c.add_argument("--addrs", type=int, default=16)
    c.add_argument("url", nargs="+")
    s = sub.add_parser("slow")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--n", type=int, required=True)
    s.add_argument("--seconds", type=float, required=True)
    s.add_argument("--normal", type=int, default=8)
    s.add_argument("--addrs", type=int, default=16)
    s.add_argument("url", nargs="+")
    b = sub._name_parser_map["backup"]
    b.add_argument("--port", type=int, required=True)
    b.add_argument("--before", type=float, required=True)
    b.add_argument("--after", type=float, required=True)
    b.add_argument("--acked", required=True)
    b.add_argument("cmd", nargs="+")
    a = ap.parse_args()
    return {"kill": mode_kill, "conns": mode_conns, "slow": mode_slow, "backup": mode_backup}[a.mode](a)


if __name__ == "__main__":
    sys.exit(main())
