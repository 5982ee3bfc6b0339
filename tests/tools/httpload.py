#!/usr/bin/env python3
"""httpload.py: many and slow HTTP connections against a local server, for the tests.

  httpload.py burst PORT N ROUNDS [ADDRS]
      ROUNDS times, back to back: N connections at once (from the source addresses
      127.0.0.1 .. 127.0.0.ADDRS in turn, default 16), each sending GET /healthz with
      Connection: close. Prints per round "round=I ok=A failed=B" (ok: a 200 read to the end;
      failed: anything else, or no answer within 20 s) and stops after the first round with a
      failure. Exit 0.

  httpload.py slow PORT N ADDRS SECONDS [--reconnect] [--probe-every S]
      N connections from 127.0.0.1 .. 127.0.0.ADDRS in turn, each sending a request head one
      byte a second (it never ends), for SECONDS. --reconnect opens new ones every second in
      place of those the server closed (the pressure stays). Meanwhile a probe from 127.0.0.250 every S
      seconds (default 0.5) sends GET /healthz and waits up to 5 s for its 200. Prints
      "opened=O cut=C open=P probes=Q answered=A": O connections opened, C closed by the
      server, P still open at the end, Q probes made, A answered with 200.

  httpload.py raw PORT
      Sends standard input as it is (a request with whatever bytes a test needs) and prints
      the status code of the answer, or 000 when none comes within 5 s; then a second line
      with the body of the answer.

Only the standard library; raises its own descriptor limit as far as the hard limit allows.
"""
import resource
import selectors
import socket
import sys
import threading
import time

REQ = b"GET /healthz HTTP/1.1\r\nHost: lup\r\nConnection: close\r\n\r\n"
HEAD = b"GET /healthz HTTP/1.1\r\nHost: lup\r\nX-Slow: "


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 20000 if hard == resource.RLIM_INFINITY else min(hard, 20000)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def connect_from(port, i, addrs):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.bind(("127.0.0.%d" % (1 + i % addrs), 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s


def burst_round(port, n, addrs):
    sel = selectors.DefaultSelector()
    got = {}
    for i in range(n):
        s = connect_from(port, i, addrs)
        got[s] = b""
        sel.register(s, selectors.EVENT_WRITE)
    ok = failed = 0
    end = time.monotonic() + 20
    while got and time.monotonic() < end:
        for key, ev in sel.select(0.5):
            s = key.fileobj
            try:
                if ev & selectors.EVENT_WRITE:
                    s.send(REQ)
                    sel.modify(s, selectors.EVENT_READ)
                    continue
                data = s.recv(65536)
            except OSError:
                data = None
            if data:
                got[s] += data
                continue
            if data is not None and got[s].startswith(b"HTTP/1.1 200"):
                ok += 1
            else:
                failed += 1
            sel.unregister(s)
            s.close()
            del got[s]
    failed += len(got)
    for s in got:
        s.close()
    return ok, failed


def burst(port, n, rounds, addrs=16):
    for r in range(1, rounds + 1):
        ok, failed = burst_round(port, n, addrs)
        print("round=%d ok=%d failed=%d" % (r, ok, failed), flush=True)
        if failed:
            break


def probe(port):
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        s.bind(("127.0.0.250", 0))
        s.connect(("127.0.0.1", port))
        s.sendall(REQ)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        return data.startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def prober(port, every, stop, counts):
    while not stop.is_set():
        t = time.monotonic()
        counts[0] += 1
        counts[1] += probe(port)
        stop.wait(max(0.0, every - (time.monotonic() - t)))


def slow(port, n, addrs, seconds, reconnect, every):
    sel = selectors.DefaultSelector()
    opened = cut = 0
    conns = {}
    counts = [0, 0]
    stop = threading.Event()

    def open_one(i):
        nonlocal opened
        s = connect_from(port, i, addrs)
        conns[s] = 0
        sel.register(s, selectors.EVENT_READ)
        opened += 1

    for i in range(n):
        open_one(i)
    th = threading.Thread(target=prober, args=(port, every, stop, counts))
    th.start()
    end = time.monotonic() + seconds
    next_tick = time.monotonic()
    while time.monotonic() < end:
        closed = []
        for key, _ in sel.select(0.2):
            s = key.fileobj
            try:
                if s.recv(65536):
                    continue
            except BlockingIOError:
                continue
            except OSError:
                pass
            closed.append(s)
        if time.monotonic() >= next_tick:
            next_tick += 1
            while reconnect and len(conns) < n:
                open_one(opened)
            for s in list(conns):
                if s in closed:
                    continue
                data = HEAD if conns[s] == 0 else b"a"
                try:
                    s.send(data)
                    conns[s] += 1
                except BlockingIOError:
                    pass
                except OSError:
                    closed.append(s)
        for s in set(closed):
            sel.unregister(s)
            s.close()
            del conns[s]
            cut += 1
    stop.set()
    th.join()
    print("opened=%d cut=%d open=%d probes=%d answered=%d" % (opened, cut, len(conns), counts[0], counts[1]))
    for s in conns:
        s.close()


def raw(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    data = b""
    try:
        s.sendall(sys.stdin.buffer.read())
        end = time.monotonic() + 5
        while time.monotonic() < end:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            cl = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
            if sep and cl and len(body) >= int(cl[0].split(b":")[1]):
                break
    except OSError:
        pass
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    print(head[9:12].decode() if head.startswith(b"HTTP/1.") else "000")
    print(body.decode("utf-8", "replace").replace("\n", " "))


def main(argv):
    raise_fd_limit()
    if len(argv) == 2 and argv[0] == "raw":
        raw(int(argv[1]))
        return 0
    if len(argv) >= 4 and argv[0] == "burst":
        burst(int(argv[1]), int(argv[2]), int(argv[3]), *(int(a) for a in argv[4:5]))
        return 0
    if len(argv) >= 5 and argv[0] == "slow":
        every = float(argv[argv.index("--probe-every") + 1]) if "--probe-every" in argv else 0.5
        slow(int(argv[1]), int(argv[2]), int(argv[3]), float(argv[4]), "--reconnect" in argv, every)
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
