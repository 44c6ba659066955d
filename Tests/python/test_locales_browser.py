"""The 10-language fixture in Chromium: the live countdown's plural forms (Intl.PluralRules) in Polish and
Arabic with a moved clock, and the right-to-left Arabic page passes axe and fits a 390 px screen."""
import datetime
import unittest

from selenium.webdriver.common.by import By

from browser import chromium, freeze_clock
from support import Server, build_fixture
from test_accessibility import violations

# The fixture's campaign ends at midnight starting 30 June 2025 in Brussels: the last day is 29 June.
LAST_DAY = datetime.date(2025, 6, 29)


def noon_utc(day):
    moment = datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=datetime.timezone.utc)
    return int(moment.timestamp() * 1000)


class LiveCountdownPluralTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(build_fixture("languages", now="2025-05-24T10:00:00Z"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def status(self, language, days):
        """The banner's status when `days` days are left (the last day counts as one)."""
        driver = chromium()
        try:
            freeze_clock(driver, noon_utc(LAST_DAY - datetime.timedelta(days=days - 1)))
            driver.get(self.server.url + f"{language}/")
            return driver.find_element(By.CSS_SELECTOR, "[data-banner] [data-banner-status]").text
        finally:
            driver.quit()

    def test_polish_and_arabic_forms_at_1_2_5_22_101_days(self):
        # CLDR: pl 2 few, 5 many, 22 few, 101 many; ar 2 two, 5 few, 22 many, 101 other, in ar_EG's Arabic-Indic
        # digits, as the build writes them. One day left is the last day (its own sentence, no count).
        expected = {
            "pl": {2: "few! 2 [pl]", 5: "many! 5 [pl]", 22: "few: 22 [pl]", 101: "many: 101 [pl]"},
            "ar": {2: "two! ٢ [ar]", 5: "few! ٥ [ar]", 22: "many: ٢٢ [ar]", 101: "other: ١٠١ [ar]"},
        }
        for language, cases in expected.items():
            self.assertEqual(self.status(language, 1), "Today is the last day")
            for days, text in cases.items():
                self.assertEqual(self.status(language, days), text, f"{language} {days}")


class RightToLeftTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(build_fixture("languages", now="2025-05-24T10:00:00Z"))

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_arabic_pages_pass_axe(self):
        driver = chromium()
        try:
            for page in ["ar/", "ar/404.html", ""]:
                self.assertEqual(violations(driver, self.server.url + page), [], page)
            driver.get(self.server.url + "ar/")
            self.assertEqual(driver.find_element(By.TAG_NAME, "html").get_attribute("dir"), "rtl")
            self.assertEqual(driver.execute_script("return getComputedStyle(document.querySelector('[data-banner]')).direction"), "rtl")
        finally:
            driver.quit()

    def test_arabic_pages_fit_a_phone_without_horizontal_scrolling(self):
        driver = chromium(width=390, height=844)
        try:
            for page in ["ar/", "ar/404.html", "fr/", ""]:
                driver.get(self.server.url + page)
                width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                self.assertLessEqual(width[0], width[1], page)
        finally:
            driver.quit()

    def test_checklist_works_right_to_left(self):
        driver = chromium()
        try:
            driver.get(self.server.url + "ar/")
            boxes = driver.find_elements(By.CSS_SELECTOR, "[data-checklist] input[type=checkbox]")
            boxes[0].click()
            progress = driver.find_element(By.CSS_SELECTOR, ".checklist-progress").text
            # Three items: CLDR's Arabic category for 3 is "few".
            self.assertEqual(progress, "١/٣ few")
            label = driver.find_element(By.CSS_SELECTOR, "[data-checklist] label")
            box = boxes[0].rect
            # Right to left, the box sits at the label's right edge (the start of the line).
            self.assertGreater(box["x"], label.rect["x"] + label.rect["width"] / 2)
        finally:
            driver.quit()


if __name__ == "__main__":
    unittest.main()
