"""Measures `guidepost serve` on a generated site, as bench/run.py's serve columns: the time to its first
answer, its CPU use while idle, the time from an edit to the browser, and its peak memory.

A client connects to the live-reload WebSocket exactly as the browser's livereload.js does (same path, an
Origin of the page's own server, masked frames), and on "reload" fetches the edited page on a new connection,
as a reloading tab does; that is the edit-to-browser time. A second client polls the page every 2 ms,
the time the new text can first be fetched at all."""
import base64
import http.client
import os
import queue
import socket
import statistics
import struct
import subprocess
import tempfile
import threading
import time

NOW = "2026-11-22T08:00:00Z"  # as the build rows, so serve renders the same pages


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid):
    """User plus system CPU time of a process (every thread), from /proc."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid):
    """The process's peak resident set (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM in /proc/{pid}/status")


def get(connection, path):
    """GET `path` on a kept-alive connection: (status, body text)."""
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


class LiveReloadClient:
    """The live-reload WebSocket of a browser tab (livereload.js): opens /__guidepost/live with the page's
    Origin, answers pings, and hands each text message to `on_message(text, arrival time)` on its own thread."""

    def __init__(self, port, on_message):
        self.on_message = on_message
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        head = (f"GET /__guidepost/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n")
        self.socket.sendall(head.encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.socket.recv(4096)
            if not chunk:
                raise RuntimeError("serve closed the live-reload connection during the handshake")
            data += chunk
        status, _, self.buffer = data.partition(b"\r\n\r\n")
        if not status.startswith(b"HTTP/1.1 101"):
            raise RuntimeError("serve refused the live-reload WebSocket: " + status.decode("latin-1").splitlines()[0])
        self.socket.settimeout(None)
        self.closed = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _send(self, opcode, payload=b""):
        mask = os.urandom(4)
        masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        self.socket.sendall(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)

    def _exactly(self, count):
        while len(self.buffer) < count:
            chunk = self.socket.recv(65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _read(self):
        try:
            while True:
                first, second = self._exactly(2)
                length = second & 0x7F
                if length == 126:
                    length = struct.unpack(">H", self._exactly(2))[0]
                elif length == 127:
                    length = struct.unpack(">Q", self._exactly(8))[0]
                payload = self._exactly(length)
                arrived = time.perf_counter()
                opcode = first & 0x0F
                if opcode == 1:
                    self.on_message(payload.decode("utf-8"), arrived)
                elif opcode == 9:
                    self._send(10, payload)
                elif opcode == 8:
                    return
        except (EOFError, OSError):
            return

    def close(self):
        try:
            self._send(8, struct.pack(">H", 1000))
        except OSError:
            pass
        self.socket.close()
        self.thread.join(timeout=5)


def first_answer(process, port, log):
    """Waits until GET / answers 200 (connections made during the first build wait for it); returns when."""
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with status {process.returncode} before answering:\n{read(log)}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        try:
            status = get(connection, "/")[0]
        except ConnectionError:  # not listening yet, or it stopped (the next turn says how)
            time.sleep(0.002)
            continue
        finally:
            connection.close()
        if status != 200:
            raise RuntimeError(f"serve answered GET / with {status}; its output:\n{read(log)}")
        return time.perf_counter()


def read(log):
    log.flush()
    log.seek(0)
    return log.read()


def edit_to_browser(port, site, paths, timeout=30):
    """For each (source file, page path): appends a unique sentence and times (in ms) the reload message,
    the reload's fetch of the page (what a tab shows) and the first 2 ms poll that has the sentence."""
    events = queue.Queue()
    target = {}

    def on_message(text, arrived):
        # What livereload.js does on "reload": location.reload(), a new request for the page.
        page = target.get("page")
        if text != "reload" or page is None:
            events.put((text, arrived, None, False))
            return
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            status, body = get(connection, page)
        finally:
            connection.close()
        events.put((text, arrived, time.perf_counter(), status == 200 and target["sentence"] in body))

    client = LiveReloadClient(port, on_message)
    poller = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    results = []
    try:
        for number, (source, page) in enumerate(paths, 1):
            if get(poller, page)[0] != 200:
                raise RuntimeError(f"serve does not answer {page} with 200 before the edit")
            sentence = f"Phrase {number} ajoutée par le banc d’essai {time.time_ns()}."
            target.update(page=page, sentence=sentence)
            while not events.empty():
                events.get_nowait()
            start = time.perf_counter()
            with open(os.path.join(site, source), "a", encoding="utf-8") as handle:
                handle.write(f"\n{sentence}\n")
            polled = None
            while polled is None and time.perf_counter() - start < timeout:
                if sentence in get(poller, page)[1]:
                    polled = time.perf_counter()
                else:
                    time.sleep(0.002)
            message = shown = None
            while shown is None and time.perf_counter() - start < timeout:
                try:
                    text, arrived, fetched, has = events.get(timeout=max(0.0, timeout - (time.perf_counter() - start)))
                except queue.Empty:
                    break
                if text != "reload":
                    raise RuntimeError(f"serve sent {text!r} instead of reload after {source} changed")
                message = message or arrived
                if has:
                    shown = fetched
            if polled is None or shown is None:
                raise RuntimeError(f"the edit of {source} did not reach {page} within {timeout} s "
                                   f"(polled: {polled is not None}, reload and fetch: {shown is not None})")
            results.append(tuple(1000 * (moment - start) for moment in (message, shown, polled)))
            time.sleep(0.2)  # the next edit starts after this one is settled
    finally:
        poller.close()
        client.close()
    return results


def stop(process):
    """Terminates `process` and waits for it (kills it after 30 s)."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_server(binary, site, port, log):
    """Starts `guidepost serve` in `site` on `port`, its output to `log`; returns the process and when it started."""
    start = time.perf_counter()
    process = subprocess.Popen([binary, "serve", "--port", str(port), "--now", NOW], cwd=site,
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    return process, start


def first_answer_alone(binary, site):
    """Seconds from starting `guidepost serve` in `site` until GET / answers 200; the server is then stopped."""
    port = free_port()
    log = tempfile.TemporaryFile("w+", encoding="utf-8")
    process = None
    try:
        process, start = start_server(binary, site, port, log)
        return first_answer(process, port, log) - start
    finally:
        if process is not None:
            stop(process)
        log.close()


def measure(binary, site, idle_seconds, edits, starts=1):
    """Starts `guidepost serve` in `site` (a generated Guidepost site), measures it and stops it (always).
    Returns first answer (s; the median of `starts` server starts, as one start is as noisy as one build),
    idle CPU (% of one core over `idle_seconds`), the medians of reload message, reload + fetch and polled
    page (ms) over `edits` edits of different French articles, and peak RSS (MiB)."""
    articles = sorted(name for name in os.listdir(os.path.join(site, "content", "fr")) if name.startswith("a") and name.endswith(".md"))
    step = max(1, len(articles) // edits)
    chosen = articles[step // 2::step][:edits]
    paths = [(os.path.join("content", "fr", name), f"/fr/{name[:-3]}/") for name in chosen]
    originals = {}
    for source, _ in paths:
        with open(os.path.join(site, source), encoding="utf-8") as handle:
            originals[source] = handle.read()
    port = free_port()
    log = tempfile.TemporaryFile("w+", encoding="utf-8")
    process = None
    try:
        process, start = start_server(binary, site, port, log)
        ready = first_answer(process, port, log) - start
        # Idle as with a tab open: the live-reload socket connected, nothing changing.
        idle_client = LiveReloadClient(port, lambda text, arrived: None)
        try:
            time.sleep(1)
            before = cpu_seconds(process.pid)
            began = time.perf_counter()
            time.sleep(idle_seconds)
            idle = 100 * (cpu_seconds(process.pid) - before) / (time.perf_counter() - began)
        finally:
            idle_client.close()
        latencies = edit_to_browser(port, site, paths)
        rss = peak_rss_mib(process.pid)
        if process.poll() is not None:
            raise RuntimeError(f"serve exited with status {process.returncode}:\n{read(log)}")
    finally:
        if process is not None:
            stop(process)
        log.close()
        for source, text in originals.items():
            with open(os.path.join(site, source), "w", encoding="utf-8") as handle:
                handle.write(text)
    message, shown, polled = (statistics.median(values) for values in zip(*latencies))
    ready = statistics.median([ready] + [first_answer_alone(binary, site) for _ in range(starts - 1)])
    return {"ready": ready, "starts": starts, "idle": idle, "idle_seconds": idle_seconds, "message": message, "browser": shown,
            "polled": polled, "edits": len(latencies), "rss": rss}
