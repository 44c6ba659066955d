"""Every page fits a 390 px phone screen (no horizontal scrolling), and the screenshot command works."""
import os
import tempfile
import unittest

from browser import chromium
from screenshots import main as take_screenshots
from support import SITE, Server


class LayoutTests(unittest.TestCase):
    def test_no_horizontal_scrolling_at_phone_width(self):
        server = Server(SITE)
        driver = chromium(width=390, height=844)
        try:
            pages = []
            for folder, _, names in os.walk(SITE):
                if "pagefind" in folder:
                    continue
                pages += [os.path.relpath(os.path.join(folder, n), SITE) for n in names if n.endswith(".html")]
            overflowing = []
            for page in sorted(pages):
                driver.get(server.url + page)
                width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                if width[0] > width[1]:
                    overflowing.append(f"{page}: {width[0]} px wide in a {width[1]} px window")
            self.assertGreaterEqual(len(pages), 31)
            self.assertEqual(overflowing, [])
        finally:
            driver.quit()
            server.close()

    def test_screenshots_are_written(self):
        written = take_screenshots(tempfile.mkdtemp(prefix="guidepost-shots-"))
        self.assertEqual(len(written), 16)
        for path in written:
            with open(path, "rb") as handle:
                self.assertEqual(handle.read(8), b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main()
