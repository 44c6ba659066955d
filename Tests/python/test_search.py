"""Pagefind search in a real browser: one index per language, results only in the page's language."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from browser import chromium
from support import SITE, Server


class SearchTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(SITE, prefix="/guide/")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def results(self, language, page, query):
        driver = chromium()
        try:
            driver.get(self.server.url + f"{language}/{page}")
            field = WebDriverWait(driver, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-search] input")))
            field.send_keys(query)
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
            links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")]
            blocked = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
            return links, blocked
        finally:
            driver.quit()

    def test_results_stay_in_the_page_language(self):
        for language, page, query in (("fr", "", "formulaire"), ("nl", "tijdlijn/", "formulier"), ("en", "about/", "form")):
            links, blocked = self.results(language, page, query)
            self.assertTrue(links, f"no results for {query} in {language}")
            for link in links:
                self.assertTrue(link.startswith(self.server.url + f"{language}/"), f"{link} is not a {language} page")
            self.assertEqual(blocked, [], "the search UI must work under the page's Content-Security-Policy")


if __name__ == "__main__":
    unittest.main()
