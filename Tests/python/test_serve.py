"""`guidepost serve`: a real server on a free loopback port, incremental rebuilds, errors, live reload."""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium.webdriver.support.ui import WebDriverWait

from browser import chromium
from support import BINARY, ROOT, SITE


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
        cls.server = subprocess.Popen([BINARY, "serve", "--port", str(cls.port), "--interval", "100"],
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


if __name__ == "__main__":
    unittest.main()
