#!/usr/bin/env python3
"""Writes PNG screenshots of the guide: home and Facebook pages in fr, nl and en at phone (390 px) and
desktop (1280 px) widths, and the deadline banner in each state. Run: make screenshots (output: screenshots/)."""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from selenium.webdriver.common.by import By  # noqa: E402

from browser import chromium, freeze_clock  # noqa: E402
from support import ROOT, SITE, Server, build_fixture  # noqa: E402

PAGES = {"fr": ["", "s-opposer-sur-facebook/"], "nl": ["", "bezwaar-op-facebook/"], "en": ["", "object-on-facebook/"]}
WIDTHS = {"phone": 390, "desktop": 1280}


def full_page(driver, path, width):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, max(height, 600) + 120)
    driver.save_screenshot(path)


def main(output):
    os.makedirs(output, exist_ok=True)
    written = []
    site = Server(SITE)
    try:
        for name, width in WIDTHS.items():
            driver = chromium(width=width)
            try:
                for language, pages in PAGES.items():
                    for page in pages:
                        driver.set_window_size(width, 900)
                        driver.get(site.url + f"{language}/{page}")
                        label = "home" if page == "" else "facebook"
                        path = os.path.join(output, f"{label}-{language}-{name}.png")
                        full_page(driver, path, width)
                        written.append(path)
            finally:
                driver.quit()
    finally:
        site.close()
    campaigns = Server(build_fixture("campaigns", now="2025-05-24T10:00:00Z"))
    try:
        driver = chromium(width=390)
        try:
            freeze_clock(driver, int(datetime.datetime(2025, 5, 24, 10, tzinfo=datetime.timezone.utc).timestamp() * 1000))
            for state in ("open", "closing", "last-day", "passed"):
                driver.get(campaigns.url + f"fr/{state}/")
                path = os.path.join(output, f"banner-{state}.png")
                driver.find_element(By.CSS_SELECTOR, "[data-banner]").screenshot(path)
                written.append(path)
        finally:
            driver.quit()
    finally:
        campaigns.close()
    for path in written:
        print(os.path.relpath(path, ROOT))
    return written


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "screenshots"))
