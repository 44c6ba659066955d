"""axe-core in Chromium on every page type in every language: no serious or critical violations."""
import datetime
import unittest

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chromium, freeze_clock
from support import SITE, Server, build_fixture

SERIOUS = {"serious", "critical"}


def violations(driver, url):
    driver.get(url)
    axe = Axe(driver)
    axe.inject()
    result = axe.run()
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in SERIOUS]


class AccessibilityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Server(SITE)
        cls.campaigns = Server(build_fixture("campaigns", now="2025-05-24T10:00:00Z"))
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.site.close()
        cls.campaigns.close()

    def test_every_page_type_in_every_language(self):
        pages = ["", "fr/", "nl/", "en/", "fr/s-opposer-sur-facebook/", "nl/bezwaar-op-facebook/", "en/object-on-facebook/",
                 "fr/sources/", "nl/bronnen/", "en/sources/", "fr/404.html", "nl/404.html", "en/404.html", "404.html",
                 "fr/chronologie/", "nl/whatsapp-en-meta-ai/", "en/after-you-object/"]
        found = {page: violations(self.driver, self.site.url + page) for page in pages}
        self.maxDiff = None
        self.assertEqual({page: v for page, v in found.items() if v}, {})

    def test_banner_in_each_state(self):
        driver = chromium()
        try:
            freeze_clock(driver, int(datetime.datetime(2025, 5, 24, 10, tzinfo=datetime.timezone.utc).timestamp() * 1000))
            found = {}
            for state in ("open", "closing", "last-day", "passed"):
                found[state] = violations(driver, self.campaigns.url + f"fr/{state}/")
                self.assertEqual(driver.find_element(By.CSS_SELECTOR, "[data-banner]").get_attribute("data-state"), state)
            self.assertEqual({state: v for state, v in found.items() if v}, {})
        finally:
            driver.quit()

    def test_language_switcher_and_checklist_work_by_keyboard(self):
        driver = self.driver
        driver.get(self.site.url + "fr/s-opposer-sur-facebook/")
        driver.execute_script("localStorage.clear()")
        driver.refresh()
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        reached = []
        for _ in range(40):
            active = driver.switch_to.active_element
            reached.append((active.tag_name, active.get_attribute("lang") or active.get_attribute("type") or active.get_attribute("class")))
            if active.get_attribute("type") == "checkbox":
                active.send_keys(Keys.SPACE)
                self.assertTrue(active.is_selected())
                break
            active.send_keys(Keys.TAB)
        self.assertIn(("a", "nl"), reached, "the Dutch switcher link is reachable by Tab")
        self.assertEqual(reached[-1], ("input", "checkbox"), "a checklist item is reachable by Tab and toggled by Space")
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, ".checklist-progress").text, "1 sur 7 étapes faites")
        # Enter on a focused switcher link follows it.
        link = driver.find_element(By.CSS_SELECTOR, ".language-switcher a[lang=en]")
        link.send_keys(Keys.ENTER)
        self.assertTrue(driver.current_url.endswith("/en/object-on-facebook/"))
        self.assertEqual(driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "en")


if __name__ == "__main__":
    unittest.main()
