"""Navigation (issue 17) in a real browser and through the quality gates: the site menu at 390 px with and
without JavaScript and by keyboard, previous/next in reading order in every language, and the Nu
validator, link crawl and axe on the navigation fixture (nested sections, a missing translation in the
middle of a section, TOC on and off, an alias and a retired URL)."""
import re
import urllib.parse
import unittest
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chromium
from linkcheck import check_site
from support import Server, build_fixture
from test_accessibility import violations
import test_validation

# The section's pages in reading order (weight, then title); nl lacks "steps" and shows the French text.
READING_ORDER = {
    "fr": ["Vue d’ensemble", "Annexe", "Étapes"],
    "nl": ["Overzicht", "Bijlage", "Étapes"],
    "en": ["Overview", "Appendix", "Steps"],
}


class NavigationTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = build_fixture("navigation")
        cls.server = Server(cls.root)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    KNOWN_VALIDATOR_GAPS = test_validation.ValidationTests.KNOWN_VALIDATOR_GAPS
    KNOWN_CSS_GAPS = test_validation.ValidationTests.KNOWN_CSS_GAPS

    def test_nu_validator_passes(self):
        test_validation.ValidationTests.validate(self, self.root)

    def test_link_crawl_finds_nothing_broken(self):
        starts = [self.server.url] + [self.server.url + path for path in ("fr/a-propos-ancien/", "fr/ancienne-page/")]
        self.assertEqual(check_site(starts, self.server.url)[0], [])

    def test_axe_finds_no_serious_violation(self):
        driver = chromium()
        try:
            for path in ("fr/", "fr/linkedin/", "fr/linkedin/overview/", "nl/linkedin/steps/", "en/about/", "fr/ancienne-page/",
                         "fr/a-propos-ancien/"):
                with self.subTest(path=path):
                    self.assertEqual(violations(driver, self.server.url + path), [])
        finally:
            driver.quit()

    def test_previous_and_next_follow_the_reading_order_in_every_language(self):
        for language, titles in READING_ORDER.items():
            with self.subTest(language=language):
                url = self.server.url + f"{language}/linkedin/overview/"
                seen = []
                for _ in range(10):
                    html = urllib.request.urlopen(url).read().decode()
                    seen.append(re.search(r'<li><a href="./" aria-current="page">([^<]*)</a></li>', html).group(1))
                    following = re.search(r'<a href="([^"]+)" rel="next">', html)
                    if not following:
                        break
                    url = urllib.parse.urljoin(url, following.group(1))
                self.assertEqual(seen, titles)
                # And back again through rel="prev".
                back = []
                for _ in range(10):
                    html = urllib.request.urlopen(url).read().decode()
                    back.append(re.search(r'<li><a href="./" aria-current="page">([^<]*)</a></li>', html).group(1))
                    previous = re.search(r'<a href="([^"]+)" rel="prev">', html)
                    if not previous:
                        break
                    url = urllib.parse.urljoin(url, previous.group(1))
                self.assertEqual(back, list(reversed(titles)))

    def menu_links_visible(self, driver):
        return [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".site-menu a") if link.is_displayed()]

    def test_menu_opens_and_closes_by_keyboard_at_390_px(self):
        driver = chromium(width=390, height=844)
        try:
            driver.get(self.server.url + "fr/linkedin/overview/")
            self.assertEqual(self.menu_links_visible(driver), [], "closed on a phone")
            summary = driver.find_element(By.CSS_SELECTOR, ".menu-compact summary")
            body = driver.find_element(By.TAG_NAME, "body")
            for _ in range(30):
                body = driver.switch_to.active_element
                if body == summary:
                    break
                body.send_keys(Keys.TAB)
            self.assertEqual(driver.switch_to.active_element, summary, "the menu is reachable with Tab")
            summary.send_keys(Keys.ENTER)
            self.assertEqual(self.menu_links_visible(driver), ["LinkedIn", "À propos"])
            summary.send_keys(Keys.ENTER)
            self.assertEqual(self.menu_links_visible(driver), [])
            scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            self.assertLessEqual(scroll, inner, "no horizontal scrolling with the menu open")
        finally:
            driver.quit()

    def test_menu_works_without_javascript_and_is_a_row_on_a_wide_screen(self):
        driver = chromium(javascript=False, width=390, height=844)
        try:
            driver.get(self.server.url + "en/about/")
            driver.find_element(By.CSS_SELECTOR, ".menu-compact summary").click()
            self.assertEqual(self.menu_links_visible(driver), ["LinkedIn", "About"])
            current = driver.find_element(By.CSS_SELECTOR, ".menu-compact a[aria-current='page']")
            self.assertEqual(current.text, "About")
        finally:
            driver.quit()
        wide = chromium(width=1280)
        try:
            wide.get(self.server.url + "en/about/")
            self.assertEqual(self.menu_links_visible(wide), ["LinkedIn", "About"])
            self.assertFalse(wide.find_element(By.CSS_SELECTOR, ".menu-compact").is_displayed())
        finally:
            wide.quit()


if __name__ == "__main__":
    unittest.main()
