"""Shared helpers for the output tests: paths, building fixture sites, serving a folder over HTTP."""
import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, ".build", "debug", "guidepost")
SITE = os.path.join(ROOT, "site")


def pagefind():
    """The Pagefind binary installed by scripts/setup.sh (pagefind[bin] from PyPI)."""
    import pagefind_bin
    return os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind")


def build_fixture(name, now="2025-05-24T10:00:00Z"):
    """Builds Tests/Fixtures/<name>/content with the project's templates into a new temporary folder."""
    output = os.path.join(tempfile.mkdtemp(prefix="guidepost-py-"), "site")
    subprocess.run([BINARY, "build", "--content", os.path.join(ROOT, "Tests", "Fixtures", name, "content"),
                    "--templates", os.path.join(ROOT, "templates"), "--output", output, "--now", now],
                   check=True, capture_output=True)
    return output


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """A real HTTP server on a free loopback port serving `directory` under `prefix`."""

    def __init__(self, directory, prefix="/"):
        self.root = tempfile.mkdtemp(prefix="guidepost-serve-")
        target = os.path.join(self.root, prefix.strip("/")) if prefix.strip("/") else self.root
        if prefix.strip("/"):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copytree(directory, target)
        else:
            shutil.rmtree(self.root)
            shutil.copytree(directory, self.root)
        handler = functools.partial(QuietHandler, directory=self.root)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{prefix if prefix.endswith('/') else prefix + '/'}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.root, ignore_errors=True)
