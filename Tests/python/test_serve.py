"""`guidepost serve`: a real server on a free loopback port, incremental rebuilds, errors, live reload."""
import base64
import hashlib
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import chromium
from support import BINARY, ROOT, SITE, pagefind


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode("utf-8", "replace")


def raw(port, data, timeout=10, host="127.0.0.1", family=socket.AF_INET):
    """Sends `data` on a new connection and reads until the server closes it: (status line, headers, body)."""
    with socket.socket(family, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        connection.connect((host, port))
        connection.sendall(data)
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return lines[0], headers, body


def request(port, method, path="/", headers=None):
    """One request through http.client (a HEAD reads no body): (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def cpu_seconds(pid):
    """User plus system CPU time of a process, from /proc."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_serve(work, port, *arguments):
    """Starts `guidepost serve` in `work` and waits until it answers (or exits): (process, log file)."""
    log = open(os.path.join(work, f"serve-{port}.log"), "w+", encoding="utf-8")
    process = subprocess.Popen([BINARY, "serve", "--port", str(port), *arguments], cwd=work, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline and process.poll() is None and "serving on" not in read_log(log):
        time.sleep(0.05)
    return process, log


def read_log(log):
    log.flush()
    log.seek(0)
    return log.read()


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


class ServeTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-serve-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(cls.work, "content"))
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(cls.work, "templates"))
        # Serve runs on the real clock and calendars exist only for deadlines still to come: move the copy's deadline ahead.
        facts = os.path.join(cls.work, "content", "facts", "meta-ai.json")
        with open(facts, encoding="utf-8") as handle:
            text = handle.read()
        with open(facts, "w", encoding="utf-8") as handle:
            handle.write(text.replace('"instant": "2025-05-27T00:00:00"', '"instant": "2099-05-27T00:00:00"'))
        cls.port = free_port()
        cls.url = f"http://127.0.0.1:{cls.port}/"
        cls.log = open(os.path.join(cls.work, "serve.log"), "w+", encoding="utf-8")
        cls.server = subprocess.Popen([BINARY, "serve", "--port", str(cls.port), "--interval", "100",
                                       "--header-timeout", "1", "--idle-timeout", "2"],
                                      cwd=cls.work, stdout=cls.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                get(cls.url + "__guidepost/status")
                break
            except OSError:
                time.sleep(0.1)

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=10)
        cls.log.close()
        shutil.rmtree(cls.work, ignore_errors=True)

    def status(self):
        return json.loads(get(self.url + "__guidepost/status")[2])

    @property
    def log(self):
        return self.__class__.log

    def wait_for(self, condition, seconds):
        start = time.time()
        while time.time() - start < seconds:
            if condition():
                return time.time() - start
            time.sleep(0.02)
        self.fail(f"not within {seconds} s")

    def test_1_serves_pages_with_types_indexes_and_404(self):
        self.assertEqual(get(self.url)[0:2], (200, "text/html; charset=utf-8"))
        status, kind, body = get(self.url + "fr/s-opposer-sur-facebook/")
        self.assertEqual((status, kind), (200, "text/html; charset=utf-8"))
        self.assertIn('<script src="/__guidepost/live.js"></script>', body)
        self.assertEqual(get(self.url + "sitemap.xml")[1], "application/xml")
        status, kind, body = get(self.url + "nl/bestaat-niet/")
        self.assertEqual(status, 404)
        self.assertIn('<html lang="nl">', body)
        self.assertEqual(get(self.url + "calendar/meta-ai.fr.ics")[1], "text/calendar; charset=utf-8")

    def test_2_an_edit_shows_up_within_a_second_and_rerenders_only_its_pages(self):
        before = self.status()["version"]
        append(os.path.join(self.work, "content", "fr", "timeline.md"), "\nPhrase ajoutée pendant le test.\n")
        elapsed = self.wait_for(lambda: "Phrase ajoutée pendant le test." in get(self.url + "fr/chronologie/")[2], 1.0)
        self.assertLess(elapsed, 1.0)
        last = self.status()
        self.assertGreater(last["version"], before)
        # The page itself, and its translations (their "source changed" notice depends on it).
        self.assertEqual(sorted(last["last"]["renderedPages"]), ["en/timeline/index.html", "fr/chronologie/index.html", "nl/tijdlijn/index.html"])
        self.assertEqual(last["last"]["trigger"], ["content/fr/timeline.md"])

    def test_3_a_fact_change_rerenders_only_the_pages_using_it(self):
        path = os.path.join(self.work, "content", "facts", "meta-ai.json")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace('"2024-06-11"', '"2024-06-12"'))
        self.wait_for(lambda: "12 juin 2024" in get(self.url + "fr/chronologie/")[2], 2.0)
        self.assertEqual(sorted(self.status()["last"]["renderedPages"]), ["en/timeline/index.html", "fr/chronologie/index.html", "nl/tijdlijn/index.html"])

    def test_4_malformed_json_keeps_the_server_up_and_shows_the_error_then_recovers(self):
        path = os.path.join(self.work, "content", "fr", "about.md")
        with open(path, encoding="utf-8") as handle:
            good = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(good.replace('"title": ', '"title" ', 1))
        self.wait_for(lambda: self.status()["last"]["errors"], 2.0)
        errors = self.status()["last"]["errors"]
        self.assertEqual(len(errors), 1)
        self.assertTrue(errors[0].startswith("content/fr/about.md:1:"), errors[0])
        self.assertIn("malformed JSON", errors[0])
        self.assertEqual(get(self.url + "fr/a-propos/")[0], 200, "the last good version is still served")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(good)
        self.wait_for(lambda: not self.status()["last"]["errors"], 2.0)
        self.assertEqual(get(self.url + "fr/a-propos/")[0], 200)
        self.assertIsNone(self.server.poll(), "the server is still running")

    def test_5_the_page_reloads_by_itself_in_a_browser(self):
        driver = chromium()
        try:
            driver.get(self.url + "en/about/")
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(0.5)  # let the live-reload socket connect
            append(os.path.join(self.work, "content", "en", "about.md"), "\nA sentence added while the browser watches.\n")
            # Read the text by script: an element found just before the reload would go stale mid-read.
            WebDriverWait(driver, 5).until(lambda d: "A sentence added while the browser watches."
                                           in (d.execute_script("return document.body ? document.body.innerText : ''") or ""))
        finally:
            driver.quit()

    def test_6_serve_never_writes_site_and_site_has_no_live_reload(self):
        self.assertFalse(os.path.exists(os.path.join(self.work, "site")))
        for folder, _, names in os.walk(SITE):
            for name in names:
                if name.endswith(".html"):
                    with open(os.path.join(folder, name), encoding="utf-8") as handle:
                        self.assertNotIn("__guidepost", handle.read())

    # Hostile and odd requests (issue 14): limits, timeouts, methods, Host and Origin.

    def test_7_a_300_kb_request_line_is_refused_at_once_while_others_are_served(self):
        results = []

        def attack():
            results.append(raw(self.port, b"GET /" + b"a" * 300_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))

        before = cpu_seconds(self.server.pid)
        attackers = [threading.Thread(target=attack) for _ in range(3)]
        for thread in attackers:
            thread.start()
        # A normal request in parallel is answered.
        self.assertEqual(request(self.port, "GET", "/fr/")[0], 200)
        for thread in attackers:
            thread.join(timeout=30)
        self.assertEqual(len(results), 3, "every long request got an answer")
        for status, headers, body in results:
            self.assertEqual(status, "HTTP/1.1 414 URI Too Long")
            self.assertEqual(headers["connection"], "close")
            self.assertEqual(body, b"The request line is longer than 8 KB (8192 bytes); this server refuses it.\n")
        # Refused after its first 8 KB: three of them cost the server a small fraction of a second, not a minute
        # each as when a line was read in quadratic time (a generous bound, not a timing).
        self.assertLess(cpu_seconds(self.server.pid) - before, 3.0)
        self.assertEqual(request(self.port, "GET", "/fr/")[0], 200)

    def test_8_a_request_line_just_under_8_kb_is_read(self):
        target = "/fr/" + "a" * (8192 - len("GET /fr/ HTTP/1.1\r\n"))
        status, _, _ = raw(self.port, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        self.assertEqual(status, "HTTP/1.1 404 Not Found")
        status, _, _ = raw(self.port, f"GET {target}a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        self.assertEqual(status, "HTTP/1.1 414 URI Too Long")

    def test_9_header_fields_over_64_kb_get_431_and_under_it_are_read(self):
        filler = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"b" * 1000) for i in range(70))
        status, _, body = raw(self.port, b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\n" + filler + b"\r\n")
        self.assertEqual(status, "HTTP/1.1 431 Request Header Fields Too Large")
        self.assertEqual(body, b"The request's header fields are larger than 64 KB (65536 bytes); this server refuses them.\n")
        filler = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"b" * 1000) for i in range(60))
        status, _, _ = raw(self.port, b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + filler + b"\r\n")
        self.assertEqual(status, "HTTP/1.1 200 OK")

    def test_10_a_head_that_stalls_gets_408_and_an_idle_connection_is_closed(self):
        # Started with --header-timeout 1 --idle-timeout 2.
        status, _, body = raw(self.port, b"GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1\r\n", timeout=10)
        self.assertEqual(status, "HTTP/1.1 408 Request Timeout")
        self.assertEqual(body, b"The request head did not arrive within 1 second.\n")
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as idle:
            self.assertEqual(idle.recv(1), b"", "the server closed the idle connection")

    def test_11_head_answers_like_get_without_a_body(self):
        status, headers, body = request(self.port, "GET", "/fr/")
        head_status, head_headers, head_body = request(self.port, "HEAD", "/fr/")
        self.assertEqual((head_status, head_body), (200, b""))
        self.assertEqual(head_headers["content-type"], "text/html; charset=utf-8")
        self.assertEqual(head_headers["content-length"], str(len(body)))
        self.assertEqual(request(self.port, "HEAD", "/nl/bestaat-niet/")[0:3:2], (404, b""))
        # Raw: no byte after the head.
        status_line, headers, rest = raw(self.port, b"HEAD /sitemap.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        self.assertEqual((status_line, headers["content-type"], rest), ("HTTP/1.1 200 OK", "application/xml", b""))

    def test_12_other_methods_get_405_with_allow(self):
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
            status, headers, body = request(self.port, method, "/fr/")
            self.assertEqual(status, 405, method)
            self.assertEqual(headers["allow"], "GET, HEAD")
            self.assertEqual(body, f"Method {method} is not allowed: this preview server answers GET and HEAD.\n".encode())
        # A body that is never read does not leak into a next request: the connection closes after the answer.
        status, headers, _ = raw(self.port, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nGET ")
        self.assertEqual((status, headers["connection"]), ("HTTP/1.1 405 Method Not Allowed", "close"))

    def test_13_only_loopback_names_are_answered_against_dns_rebinding(self):
        for host in [f"localhost:{self.port}", f"127.0.0.1:{self.port}", f"[::1]:{self.port}", "LOCALHOST", "127.0.0.1"]:
            self.assertEqual(request(self.port, "GET", "/fr/", {"Host": host})[0], 200, host)
        for host in [f"evil.example:{self.port}", "127.0.0.1.evil.example", f"localhost:{self.port}x", "localhost.", "[::2]"]:
            status, _, body = request(self.port, "GET", "/fr/", {"Host": host})
            self.assertEqual(status, 403, host)
        self.assertEqual(body.decode(), 'Blocked request: the Host header "[::2]" is not this preview server\'s. It answers only '
                         "127.0.0.1, [::1], localhost (against DNS rebinding); open it through one of those, or start it "
                         "with --host set to the name you use.\n")
        status, _, body = raw(self.port, b"GET /fr/ HTTP/1.1\r\nConnection: close\r\n\r\n")
        self.assertEqual((status, body), ("HTTP/1.1 400 Bad Request", b"Bad request: HTTP/1.1 needs a Host header.\n"))

    def websocket(self, origin):
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET /__guidepost/live HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Upgrade: websocket",
                 "Connection: Upgrade", f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if origin:
            lines.append(f"Origin: {origin}")
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            if head.startswith(b"HTTP/1.1 101"):
                # Close politely: a masked close frame.
                connection.sendall(bytes([0x88, 0x80, 1, 2, 3, 4]))
        lines = head.decode().split("\r\n")
        headers = {line.partition(":")[0].lower(): line.partition(":")[2].strip() for line in lines[1:]}
        expected = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
        return lines[0], headers, body, expected

    def test_14_websockets_from_other_origins_are_refused(self):
        for origin in [f"http://127.0.0.1:{self.port}", f"http://localhost:{self.port}", None]:
            status, headers, _, expected = self.websocket(origin)
            self.assertEqual(status, "HTTP/1.1 101 Switching Protocols", origin)
            self.assertEqual(headers["sec-websocket-accept"], expected)
        for origin in ["http://evil.example", f"http://127.0.0.1.evil.example:{self.port}", "null"]:
            status, _, body, _ = self.websocket(origin)
            self.assertEqual(status, "HTTP/1.1 403 Forbidden", origin)
        self.assertTrue(body.startswith(b'Blocked WebSocket: the Origin "null" is not a page of this preview server'), body)

    def test_15_translation_warnings_are_printed_once_per_change(self):
        path = os.path.join(self.work, "content", "fr", "about.md")
        with open(path, encoding="utf-8") as handle:
            good = handle.read()
        warnings = [f"content/{language}/about.md:1:1: warning: the source page content/fr/about.md changed since this "
                    "translation was made; update the translation, then run guidepost translations mark" for language in ["en", "nl"]]
        try:
            append(path, "\nUne phrase qui rend les traductions périmées.\n")
            self.wait_for(lambda: all(w in read_log(self.log) for w in warnings), 5.0)
            append(path, "\nEncore une.\n")
            self.wait_for(lambda: read_log(self.log).count("rebuilt after content/fr/about.md changed") == 2, 5.0)
        finally:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(good)
        self.wait_for(lambda: "2 translation warnings resolved" in read_log(self.log), 5.0)
        log = read_log(self.log).splitlines()
        self.assertEqual([log.count(w) for w in warnings], [1, 1], "each printed once, not after every rebuild")
        self.assertEqual(log.count("2 translation warnings resolved"), 1)

    def test_16_the_error_overlay_is_readable_and_a_reload_keeps_the_scroll_position(self):
        driver = chromium(height=600)
        path = os.path.join(self.work, "content", "fr", "timeline.md")
        with open(path, encoding="utf-8") as handle:
            good = handle.read()
        try:
            driver.get(self.url + "fr/chronologie/")
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(0.5)  # let the live-reload socket connect
            driver.execute_script("window.scrollTo(0, 700)")
            y = driver.execute_script("return window.scrollY")
            self.assertGreater(y, 300, "the page is long enough to scroll")
            append(path, "\nUne phrase pour recharger sans perdre sa place.\n")
            WebDriverWait(driver, 5).until(lambda d: "Une phrase pour recharger sans perdre sa place." in
                                           (d.execute_script("return document.body ? document.body.innerText : ''") or ""))
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(0.3)
            self.assertEqual(driver.execute_script("return window.scrollY"), y)
            # A bad edit: the overlay, over the last good version, in its own readable styles.
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(good.replace('"title": ', '"title" ', 1))
            WebDriverWait(driver, 5).until(lambda d: d.execute_script("return !!document.getElementById('guidepost-error')"))
            WebDriverWait(driver, 5).until(lambda d: d.execute_script(
                "return getComputedStyle(document.getElementById('guidepost-error')).backgroundColor") == "rgb(29, 29, 31)")
            text = driver.execute_script("return document.getElementById('guidepost-error').innerText")
            self.assertIn("Build failed", text)
            self.assertIn("The last good version is behind this message. Fix the file and save; this page reloads by itself.", text)
            self.assertIn("content/fr/timeline.md:1:", text)
            self.assertEqual(driver.execute_script("return getComputedStyle(document.querySelector('#guidepost-error pre')).color"),
                             "rgb(244, 244, 245)")
            axe = Axe(driver)
            axe.inject()
            result = axe.run(context="#guidepost-error")
            self.assertEqual([v["id"] for v in result["violations"]], [])
        finally:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(good + "\nUne phrase pour recharger sans perdre sa place.\n")
            driver.quit()
        self.wait_for(lambda: not self.status()["last"]["errors"], 5.0)


class ServeStartedOnBrokenContentTests(unittest.TestCase):
    """Started on content that does not build: the error page, not an empty 404, until the file is fixed."""

    def test_the_error_page_is_served_until_the_fix(self):
        work = tempfile.mkdtemp(prefix="guidepost-serve-broken-")
        try:
            shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
            shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
            path = os.path.join(work, "content", "fr", "about.md")
            with open(path, encoding="utf-8") as handle:
                good = handle.read()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(good.replace('"title": ', '"title" ', 1))
            port = free_port()
            process, log = start_serve(work, port, "--interval", "100")
            try:
                url = f"http://127.0.0.1:{port}/"
                output = read_log(log).splitlines()
                self.assertEqual(output[0], "built: 1 error, nothing to serve until they are fixed (the browser shows them)")
                self.assertTrue(output[1].startswith("content/fr/about.md:1:"), output[1])
                for path_ in ["", "fr/", "nl/bestaat-niet/"]:
                    status, kind, body = get(url + path_)
                    self.assertEqual((status, kind), (500, "text/html; charset=utf-8"))
                    self.assertIn("<h1>Build failed</h1>", body)
                    self.assertIn("<p>There is no good version to show yet. Fix the file and save; this page reloads by itself.</p>", body)
                    self.assertIn("<pre>" + output[1].replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;"), body)
                    self.assertIn('<script src="/__guidepost/live.js"></script>', body)
                    self.assertNotIn("last good version", body)
                status = json.loads(get(url + "__guidepost/status")[2])
                self.assertEqual((status["version"], status["last"]["nothingToServe"]), (0, True))
                driver = chromium()
                try:
                    driver.get(url + "fr/")
                    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
                    time.sleep(0.5)  # the script has checked the status and connected
                    self.assertEqual(driver.execute_script("return getComputedStyle(document.getElementById('guidepost-error')).color"),
                                     "rgb(244, 244, 245)")
                    axe = Axe(driver)
                    axe.inject()
                    self.assertEqual([v["id"] for v in axe.run()["violations"]], [])
                    with open(path, "w", encoding="utf-8") as handle:
                        handle.write(good)
                    # The error page turns into the site by itself.
                    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                        "return document.documentElement.lang === 'fr' && !document.getElementById('guidepost-error')"))
                finally:
                    driver.quit()
                self.assertEqual(get(url + "fr/")[0], 200)
            finally:
                process.terminate()
                process.wait(timeout=10)
                log.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)


class ServeHostOptionTests(unittest.TestCase):
    """`--host` takes names and IPv6 addresses; a host it cannot listen on is a clear error."""

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-serve-host-")
        shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), os.path.join(cls.work, "content"))
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(cls.work, "templates"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def ipv6_loopback(self):
        try:
            with socket.socket(socket.AF_INET6) as probe:
                probe.bind(("::1", 0))
            return True
        except OSError:
            return False

    def serve(self, *arguments):
        port = free_port()
        process, log = start_serve(self.work, port, *arguments)
        self.addCleanup(log.close)
        self.addCleanup(lambda: (process.terminate(), process.wait(timeout=10)))
        return port, process, log

    def test_localhost_listens_on_every_loopback_address(self):
        port, process, log = self.serve("--host", "localhost")
        self.assertIsNone(process.poll(), read_log(log))
        self.assertIn(f"serving on http://localhost:{port}/ (press Ctrl-C to stop)", read_log(log).splitlines())
        self.assertEqual(raw(port, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")[0], "HTTP/1.1 200 OK")
        if self.ipv6_loopback():
            self.assertEqual(raw(port, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                                 host="::1", family=socket.AF_INET6)[0], "HTTP/1.1 200 OK")

    def test_an_ipv6_address(self):
        if not self.ipv6_loopback():
            self.skipTest("no IPv6 loopback on this machine")
        port, process, log = self.serve("--host", "::1")
        self.assertIsNone(process.poll(), read_log(log))
        self.assertIn(f"serving on http://[::1]:{port}/ (press Ctrl-C to stop)", read_log(log).splitlines())
        self.assertEqual(raw(port, f"GET / HTTP/1.1\r\nHost: [::1]:{port}\r\nConnection: close\r\n\r\n".encode(),
                             host="::1", family=socket.AF_INET6)[0], "HTTP/1.1 200 OK")

    def test_an_address_of_another_machine_or_a_busy_port_is_a_clear_error(self):
        port = free_port()
        result = subprocess.run([BINARY, "serve", "--host", "192.0.2.1", "--port", str(port)], cwd=self.work,
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, f"error: cannot listen on 192.0.2.1 port {port}: Cannot assign requested address; "
                         "give --host an address of this machine, such as 127.0.0.1, ::1 or localhost\n")
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            taken = busy.getsockname()[1]
            result = subprocess.run([BINARY, "serve", "--port", str(taken)], cwd=self.work, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, f"error: cannot listen on 127.0.0.1 port {taken}: Address already in use; "
                         "choose another --port, or stop the program using it\n")


class ServePreviewOptionsTests(unittest.TestCase):
    """`--drafts`, `--now` (seen by the pages' scripts too), `--navigate-to-changed`, and search in the preview."""

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-serve-options-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(cls.work, "content"))
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(cls.work, "templates"))
        with open(os.path.join(cls.work, "content", "fr", "brouillon.md"), "w", encoding="utf-8") as handle:
            handle.write('{"title": "Brouillon", "draft": true}\n\nTexte du brouillon.\n')
        cls.port = free_port()
        cls.url = f"http://127.0.0.1:{cls.port}/"
        cls.missing = os.path.join(cls.work, "no-such", "pagefind")
        cls.server, cls.log = start_serve(cls.work, cls.port, "--drafts", "--now", "2025-05-20T12:00:00Z", "--navigate-to-changed",
                                          "--pagefind", cls.missing)
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.terminate()
        cls.server.wait(timeout=10)
        cls.log.close()
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_drafts_are_shown(self):
        status, _, body = get(self.url + "fr/brouillon/")
        self.assertEqual(status, 200)
        self.assertIn("Texte du brouillon.", body)

    def test_now_sets_the_banner_state_in_the_page_and_for_its_scripts(self):
        _, _, body = get(self.url + "fr/")
        self.assertIn('data-state="closing"', body)
        self.assertIn('<time datetime="2025-05-20T12:00:00Z">', body)
        self.driver.get(self.url + "fr/")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
        # guidepost.js recomputes the banner from the time it sees: the --now instant, not the clock (long past the deadline).
        self.assertEqual(self.driver.execute_script("return Date.now()"), 1747742400000)
        self.assertEqual(self.driver.execute_script("return document.querySelector('[data-banner]').getAttribute('data-state')"), "closing")
        # And it stays so after an edit's rebuild.
        time.sleep(0.5)
        append(os.path.join(self.work, "content", "en", "about.md"), "\nAn edit while --now is set.\n")
        deadline = time.time() + 5
        while time.time() < deadline and "An edit while --now is set." not in get(self.url + "en/about/")[2]:
            time.sleep(0.05)
        self.assertIn('data-state="closing"', get(self.url + "fr/")[2])

    def test_search_says_it_is_off_in_the_preview_when_pagefind_is_missing(self):
        message = ('search is unavailable in the preview: content/site.json:1:1: error: "search" is on but Pagefind was not found at '
                   f"{self.missing}; install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>, "
                   'or set "search": false in content/site.json')
        deadline = time.time() + 10
        while time.time() < deadline and message not in read_log(self.log):
            time.sleep(0.05)
        self.assertEqual(read_log(self.log).splitlines().count(message), 1, read_log(self.log))
        self.assertEqual(json.loads(get(self.url + "__guidepost/search")[2]), {"state": "unavailable"})
        status, kind, body = get(self.url + "pagefind/pagefind-ui.js")
        self.assertEqual((status, kind), (200, "text/javascript; charset=utf-8"))
        self.assertEqual(get(self.url + "nl/")[0], 200, "serve goes on without search")
        self.driver.get(self.url + "nl/")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script("return !!document.querySelector('[data-search] .guidepost-search-off')"))
        self.assertEqual(self.driver.execute_script("return document.querySelector('[data-search] .guidepost-search-off').textContent"),
                         "Search is off in the preview (guidepost serve): its index is made by guidepost build.")
        self.driver.get(self.url + "nl/")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script("return !!document.querySelector('[data-search] .guidepost-search-off')"))
        self.assertEqual(self.driver.execute_script("return document.querySelector('[data-search] .guidepost-search-off').textContent"),
                         "Search is off in the preview (guidepost serve): its index is made by guidepost build.")

    def test_navigate_to_changed_takes_the_tab_to_the_edited_page(self):
        self.driver.get(self.url + "en/about/")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)  # let the live-reload socket connect
        append(os.path.join(self.work, "content", "fr", "timeline.md"), "\nUne phrase qui attire l’onglet.\n")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script("return location.pathname") == "/fr/chronologie/")
        WebDriverWait(self.driver, 5).until(lambda d: "Une phrase qui attire l’onglet." in
                                            (d.execute_script("return document.body ? document.body.innerText : ''") or ""))


class ServeSearchTests(unittest.TestCase):
    """The search box works in `serve`: Pagefind indexes the pages in memory in the background (here through a
    wrapper that makes the first run 3 s slower, so the page first sees the index being made), in a private folder
    under the temporary directory that serve removes when it stops; an edit's new word is found after the re-index."""

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-serve-search-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(cls.work, "content"))
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(cls.work, "templates"))
        cls.temporary = os.path.join(cls.work, "tmp")
        os.mkdir(cls.temporary)
        cls.wrapper = os.path.join(cls.work, "slow-pagefind")
        with open(cls.wrapper, "w", encoding="utf-8") as handle:
            handle.write(f"#!/bin/sh\n[ -e '{cls.wrapper}.ran' ] || {{ touch '{cls.wrapper}.ran'; sleep 3; }}\nexec '{pagefind()}' \"$@\"\n")
        os.chmod(cls.wrapper, 0o755)
        cls.port = free_port()
        cls.url = f"http://127.0.0.1:{cls.port}/"
        cls.log = open(os.path.join(cls.work, "serve.log"), "w+", encoding="utf-8")
        cls.server = subprocess.Popen([BINARY, "serve", "--port", str(cls.port), "--pagefind", cls.wrapper], cwd=cls.work,
                                      stdout=cls.log, stderr=subprocess.STDOUT, env={**os.environ, "TMPDIR": cls.temporary})
        deadline = time.time() + 30
        while time.time() < deadline and cls.server.poll() is None and "serving on" not in read_log(cls.log):
            time.sleep(0.05)
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        if cls.server.poll() is None:
            cls.server.terminate()
            cls.server.wait(timeout=10)
        cls.log.close()
        shutil.rmtree(cls.work, ignore_errors=True)

    def search(self, page, query):
        """Opens `page`, types `query` into the search box, and returns the result links (or [] after 30 s)."""
        self.driver.get(self.url + page)
        field = WebDriverWait(self.driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search] input"))[0]
        field.send_keys(query)
        try:
            WebDriverWait(self.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
        except Exception:
            return []
        return [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]

    def test_1_the_search_box_finds_a_word_and_a_new_word_after_an_edit(self):
        # Before the first index is made, the box says so; then Pagefind's own box replaces the note.
        self.driver.get(self.url + "fr/")
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script(
            "var n = document.querySelector('[data-search] .guidepost-search-off'); return n && n.textContent"))
        self.assertEqual(self.driver.execute_script("return document.querySelector('[data-search] .guidepost-search-off').textContent"),
                         "The preview's search index is being made; the search box appears here when it is ready.")
        self.assertEqual(len(os.listdir(self.temporary)), 1, "one private folder for the index")
        WebDriverWait(self.driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-search] input"))
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "[data-search] .guidepost-search-off"))
        # The field gets its visible label, as when Pagefind's box is there from the start.
        WebDriverWait(self.driver, 5).until(lambda d: d.execute_script(
            "var f = document.querySelector('[data-search] input'); var l = f && f.id && document.querySelector('label[for=\"' + f.id + '\"]');"
            "return l && l.textContent"))
        self.assertEqual(self.driver.execute_script("return document.querySelector('[data-search] label').textContent"), "Rechercher dans le guide")

        links = self.search("fr/", "formulaire")
        self.assertTrue(links, "no result for formulaire")
        for link in links:
            self.assertTrue(link.startswith(self.url + "fr/"), f"{link} is not a French page")
        blocked = [entry["message"] for entry in self.driver.get_log("browser") if "Content Security Policy" in entry["message"]]
        self.assertEqual(blocked, [], "the search UI must work under the page's Content-Security-Policy")

        about = self.url + "fr/a-propos/"
        self.assertNotIn(about, self.search("fr/", "zorglubique"), "the word is not in the page yet")
        append(os.path.join(self.work, "content", "fr", "about.md"), "\nLe mot zorglubique ne figure que sur cette page.\n")
        deadline = time.time() + 30
        while time.time() < deadline and read_log(self.log).count("search index made:") < 2:
            time.sleep(0.1)
        self.assertIn(about, self.search("fr/", "zorglubique"), read_log(self.log))

    def test_2_stopping_serve_removes_the_private_folder(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.assertEqual(os.listdir(self.temporary), [])


class ServeIdleTests(unittest.TestCase):
    """On a 3 × 300-article site from bench/, an idle `serve` (inotify) costs far less CPU than the same
    server polling every file's modification time (`--poll`, the old loop), measured side by side over
    the same 10 s; an edit still reaches the served page."""

    def test_idle_cpu_is_far_below_polling_and_an_edit_still_arrives(self):
        sys.path.insert(0, os.path.join(ROOT, "bench"))
        from generate import generate
        work = tempfile.mkdtemp(prefix="guidepost-serve-idle-")
        servers = []
        try:
            generate(work, 300)
            site = os.path.join(work, "guidepost")
            for arguments in [(), ("--poll",)]:
                port = free_port()
                process, log = start_serve(site, port, *arguments)
                servers.append((port, process, log))
                self.assertIsNone(process.poll(), read_log(log))
            time.sleep(1)
            before = [cpu_seconds(process.pid) for _, process, _ in servers]
            time.sleep(10)
            used = [cpu_seconds(process.pid) - start for (_, process, _), start in zip(servers, before)]
            watching, polling = used
            self.assertGreater(polling, 0, "the polling server used some CPU")
            self.assertLess(watching, polling / 4, f"inotify: {watching:.2f} s of CPU, polling: {polling:.2f} s over 10 s")
            port = servers[0][0]
            append(os.path.join(site, "content", "fr", "a00007.md"), "\nUne phrase ajoutée pendant que rien ne bouge.\n")
            deadline = time.time() + 10
            while time.time() < deadline and "Une phrase ajoutée pendant que rien ne bouge." not in get(f"http://127.0.0.1:{port}/fr/a00007/")[2]:
                time.sleep(0.02)
            self.assertIn("Une phrase ajoutée pendant que rien ne bouge.", get(f"http://127.0.0.1:{port}/fr/a00007/")[2])
            self.assertIn("rebuilt after content/fr/a00007.md changed", read_log(servers[0][2]))
        finally:
            for _, process, log in servers:
                process.terminate()
                process.wait(timeout=10)
                log.close()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
