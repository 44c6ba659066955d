"""Checklists and deadline banners in a real browser, served over real HTTP."""
import datetime
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chromium, freeze_clock
from support import Server, build_fixture


def millis(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


class ChecklistTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(build_fixture("basic"), prefix="/some/sub/path/")
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.close()

    def boxes(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "[data-checklist] input[type=checkbox]")

    def progress(self):
        return self.driver.find_element(By.CSS_SELECTOR, ".checklist-progress").text

    def test_ticks_survive_reload_and_language_switch_and_reset_clears(self):
        driver = self.driver
        driver.get(self.server.url + "fr/les-guides/etapes/")
        driver.execute_script("localStorage.clear()")
        driver.refresh()
        boxes = self.boxes()
        self.assertEqual(len(boxes), 3)
        self.assertEqual([b.is_selected() for b in boxes], [False, True, False])  # [x] in the Markdown starts ticked
        self.assertEqual(self.progress(), "1 sur 3 étapes faites")
        # Toggle with the keyboard: the checkbox is a real, enabled control.
        boxes[0].send_keys(Keys.SPACE)
        self.driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % boxes[2].get_attribute("id")).click()
        self.assertEqual(self.progress(), "3 sur 3 étapes faites")
        live = driver.find_element(By.CSS_SELECTOR, ".checklist-progress").get_attribute("aria-live")
        self.assertEqual(live, "polite")
        driver.refresh()
        self.assertEqual([b.is_selected() for b in self.boxes()], [True, True, True])
        # Switch language with the switcher: the same steps are ticked in Dutch.
        driver.find_element(By.CSS_SELECTOR, ".language-switcher a[lang=nl]").click()
        self.assertIn("/nl/gidsen/stappen/", driver.current_url)
        self.assertEqual([b.is_selected() for b in self.boxes()], [True, True, True])
        self.assertEqual(self.progress(), "3 van 3 stappen gedaan")
        # Untick one in Dutch; English sees it.
        self.boxes()[1].click()
        driver.find_element(By.CSS_SELECTOR, ".language-switcher a[lang=en]").click()
        self.assertEqual([b.is_selected() for b in self.boxes()], [True, False, True])
        self.assertEqual(self.progress(), "2 of 3 steps done")
        # Reset clears the list, and stays cleared after a reload.
        driver.find_element(By.CSS_SELECTOR, ".checklist-reset").click()
        self.assertEqual([b.is_selected() for b in self.boxes()], [False, False, False])
        self.assertEqual(self.progress(), "0 of 3 steps done")
        driver.refresh()
        self.assertEqual([b.is_selected() for b in self.boxes()], [False, False, False])

    def test_ticks_saved_for_a_list_of_another_length_are_not_shown(self):
        # Steps added or split change the list's length: a tick saved for the old list would mark another step.
        driver = self.driver
        driver.get(self.server.url + "fr/les-guides/etapes/")
        driver.execute_script("localStorage.clear()")
        driver.refresh()
        first = self.boxes()[0].get_attribute("id")
        driver.execute_script("localStorage.setItem(arguments[0], '1'); localStorage.setItem(arguments[0] + '/4', '1')", "guidepost:" + first)
        driver.refresh()
        self.assertEqual([b.is_selected() for b in self.boxes()], [False, True, False])
        self.boxes()[0].click()
        saved = driver.execute_script("return localStorage.getItem(arguments[0])", "guidepost:%s/3" % first)
        self.assertEqual(saved, "1")
        driver.refresh()
        self.assertEqual([b.is_selected() for b in self.boxes()], [True, True, False])


class BannerTests(unittest.TestCase):
    """The fixture was built on 24 May 2025 (closing); the reader's clock decides what they see."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(build_fixture("basic", now="2025-05-24T10:00:00Z"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def banner_at(self, now, language="fr", page="les-guides/etapes/"):
        driver = chromium()
        try:
            freeze_clock(driver, millis(now))
            driver.get(self.server.url + f"{language}/{page}")
            banner = driver.find_element(By.CSS_SELECTOR, "[data-banner]")
            status = banner.find_element(By.CSS_SELECTOR, "[data-banner-status]").text
            after = banner.find_element(By.CSS_SELECTOR, "[data-banner-after]").is_displayed()
            self.calendar_shown = banner.find_element(By.CSS_SELECTOR, "[data-banner-actions]").is_displayed()
            return banner.get_attribute("data-state"), banner.get_attribute("class"), status, after
        finally:
            driver.quit()

    def test_open_weeks_before(self):
        self.assertEqual(self.banner_at("2025-05-10T12:00:00Z"), ("open", "banner banner-open", "Encore 17 jours", False))
        self.assertTrue(self.calendar_shown)

    def test_closing_plural_forms(self):
        self.assertEqual(self.banner_at("2025-05-24T10:00:00Z")[2], "Plus que 3 jours")
        self.assertEqual(self.banner_at("2025-05-24T10:00:00Z", "nl", "gidsen/stappen/")[2], "Nog 3 dagen")
        self.assertEqual(self.banner_at("2025-05-24T10:00:00Z", "en", "guides/steps/")[2], "Only 3 days left")

    def test_last_day_in_brussels_time(self):
        # 00:30 on 26 May in Brussels is still 25 May in UTC.
        self.assertEqual(self.banner_at("2025-05-25T22:30:00Z"), ("last-day", "banner banner-last-day", "Dernier jour, c’est aujourd’hui", False))

    def test_passed_one_second_after_the_deadline(self):
        self.assertEqual(self.banner_at("2025-05-26T22:00:01Z"), ("passed", "banner banner-passed", "La date limite est passée", True))
        self.assertFalse(self.calendar_shown, "a reminder for a day that is over is not offered")
        self.assertEqual(self.banner_at("2025-05-26T21:59:59Z")[0], "last-day")


class NoJavaScriptTests(unittest.TestCase):
    def test_static_page_is_complete_and_true_without_javascript(self):
        server = Server(build_fixture("basic", now="2025-05-24T10:00:00Z"))
        driver = chromium(javascript=False)
        try:
            driver.get(server.url + "fr/les-guides/etapes/")
            deadline = driver.find_element(By.CSS_SELECTOR, ".banner-deadline time")
            self.assertEqual(deadline.text, "27 mai 2025")
            self.assertEqual(deadline.get_attribute("datetime"), "2025-05-27T00:00:00+02:00")
            status = driver.find_element(By.CSS_SELECTOR, ".banner-status").text
            self.assertEqual(status, "Plus que 3 jours (état au 24 mai 2025)")
            boxes = driver.find_elements(By.CSS_SELECTOR, ".checklist input[type=checkbox]")
            self.assertEqual(len(boxes), 3)
            self.assertTrue(all(b.is_enabled() for b in boxes))
            self.assertEqual(driver.find_elements(By.CSS_SELECTOR, ".checklist-reset"), [])
            self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, ".checklist li label")), 3)
        finally:
            driver.quit()
            server.close()


class RootPageTests(unittest.TestCase):
    def test_root_suggests_the_browser_language_without_redirecting(self):
        server = Server(build_fixture("basic"))
        driver = chromium(languages=["nl-BE", "nl"])
        try:
            driver.get(server.url)
            self.assertEqual(driver.current_url, server.url)
            first = driver.find_element(By.CSS_SELECTOR, ".language-chooser li")
            self.assertEqual(first.get_attribute("lang"), "nl")
            self.assertIn("suggested", first.get_attribute("class"))
        finally:
            driver.quit()
            server.close()


if __name__ == "__main__":
    unittest.main()
