"""The 10-language fixture against an independent oracle, Babel (PyPI `babel`, which carries CLDR):
dates, times, numbers and plural categories in fr, nl, en, de, pl, ar, ja, cy, ru and pt-BR."""
import datetime
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from support import BINARY, ROOT

FIXTURE = os.path.join(ROOT, "Tests", "Fixtures", "languages", "content")
NOW = datetime.datetime(2025, 5, 24, 10, 0, tzinfo=datetime.timezone.utc)
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

# Where the build differs from Babel on purpose or because ICU's CLDR data differs from Babel's: each with its reason.
# French "1er" for the first day of a month: a refinement the README cites (Imprimerie nationale, OQLF).
# Arabic long dates: ICU 76 (the ICU Foundation carries) writes "d MMMM، y" with an Arabic comma where
# Babel 2.17 writes "d MMMM y"; Babel also keeps Latin digits where CLDR's default numbering system for
# ar_EG is Arabic-Indic (arab), so Arabic digits are compared as digit values.
# Polish four-digit numbers: see minimumGroupingDigits below. Arabic times: ICU puts a no-break space before م, Babel a space.


def site_config():
    with open(os.path.join(FIXTURE, "site.json"), encoding="utf-8") as handle:
        return json.load(handle)


def paragraphs(html):
    """The `X-name=value` paragraphs of a page, as a dict."""
    return {m.group(1): m.group(2) for m in re.finditer(r"<p>([DTN]-[a-z]+)=([^<]*)</p>", html)}


class LocaleOracleTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-locales-")
        content = os.path.join(cls.work, "content")
        shutil.copytree(FIXTURE, content)
        # 199 more campaigns, ending 2 to 200 days after the build: every banner shows one count.
        config = site_config()
        for days in range(2, 201):
            name = f"c{days:03d}"
            config["campaigns"].append(name)
            deadline = (NOW + datetime.timedelta(days=days)).strftime("%Y-%m-%dT00:00:00")
            with open(os.path.join(content, "facts", f"{name}.json"), "w", encoding="utf-8") as handle:
                json.dump({"deadline": {"instant": deadline, "timeZone": "UTC"}, "title": name}, handle)
        with open(os.path.join(content, "site.json"), "w", encoding="utf-8") as handle:
            json.dump(config, handle, ensure_ascii=False)
        cls.output = os.path.join(cls.work, "site")
        subprocess.run([BINARY, "build", "--content", content, "--templates", os.path.join(ROOT, "templates"),
                        "--output", cls.output, "--now", NOW.strftime("%Y-%m-%dT%H:%M:%SZ")], check=True, capture_output=True)
        cls.config = config

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def page(self, language):
        with open(os.path.join(self.output, language, "index.html"), encoding="utf-8") as handle:
            return handle.read()

    def test_ten_languages_built(self):
        self.assertEqual(self.config["languages"], ["fr", "nl", "en", "de", "pl", "ar", "ja", "cy", "ru", "pt-br"])
        for language in self.config["languages"]:
            self.assertIn(f'<html lang="{language}"', self.page(language))
        self.assertIn('<html lang="ar" dir="rtl" data-numbering="arab">', self.page("ar"))
        self.assertIn('<html lang="fr">', self.page("fr"))

    def test_dates_times_and_numbers_match_babel(self):
        dates = {"announced": datetime.date(2025, 4, 14), "first": datetime.date(2025, 3, 1),
                 "newyear": datetime.date(2026, 1, 1), "leap": datetime.date(2024, 2, 29)}
        opens = datetime.datetime(2025, 5, 1, 14, 5)
        numbers = {"people": 1234567, "ratio": 1234.5, "small": 0.25, "count": 18}
        checked = 0
        for language in self.config["languages"]:
            locale = self.config["locales"][language]
            found = paragraphs(self.page(language))
            for name, day in dates.items():
                expected = format_date(day, "long", locale=locale)
                if language == "fr" and day.day == 1:
                    expected = expected.replace("1 ", "1er ", 1)
                actual = found[f"D-{name}"]
                if language == "ar":
                    actual = actual.translate(ARABIC_DIGITS).replace("،", "")
                self.assertEqual(actual, expected, f"{language} {name}")
                checked += 1
            # Babel 2.17 does not carry CLDR's "atTime" joiners ("{1} 'à' {0}") that ICU uses for a long date
            # with a time, so the date and the time are each compared, and the joiner between them is not.
            short = Locale.parse(locale).time_formats["short"].pattern
            expected_clock = format_datetime(opens, short, locale=locale)
            expected_day = format_date(opens.date(), "long", locale=locale)
            if language == "fr":
                expected_day = expected_day.replace("1 ", "1er ", 1)
            actual_time = found["T-opens"]
            if language == "ar":
                actual_time = actual_time.translate(ARABIC_DIGITS).replace("،", "").replace("\xa0", " ")
                expected_clock = expected_clock.replace("\xa0", " ")
                expected_clock = expected_clock.translate(ARABIC_DIGITS)
            self.assertTrue(actual_time.startswith(expected_day), f"{language}: {actual_time!r} vs {expected_day!r}")
            self.assertTrue(actual_time.endswith(expected_clock), f"{language}: {actual_time!r} vs {expected_clock!r}")
            for name, value in numbers.items():
                expected = format_decimal(value, locale=locale, numbering_system="default")
                # Babel 2.17 ignores CLDR's minimumGroupingDigits, which is 2 for Polish (numbers/minimumGroupingDigits
                # in pl.xml): a four-digit integer part is not grouped there ("1234,5").
                if language == "pl" and 1000 <= abs(value) < 10000:
                    expected = format_decimal(value, locale=locale, group_separator=False)
                actual = found[f"N-{name}"]
                if language == "ar":
                    actual = actual.translate(ARABIC_DIGITS)
                self.assertEqual(actual, expected, f"{language} {name}")
                checked += 1
        self.assertEqual(checked, 80)

    def test_plural_categories_for_counts_2_to_200_match_babel(self):
        for language in self.config["languages"]:
            locale = Locale.parse(self.config["locales"][language])
            statuses = re.findall(r"<strong data-banner-status>([^<]*)</strong>", self.page(language))
            counts = {}
            for status in statuses:
                status = status.translate(ARABIC_DIGITS)
                match = re.fullmatch(r"(zero|one|two|few|many|other)[:!] (\d+) \[" + re.escape(language) + r"\]", status)
                if match:
                    counts[int(match.group(2))] = match.group(1)
            self.assertEqual(sorted(counts), list(range(2, 201)), language)
            for count, category in counts.items():
                self.assertEqual(category, locale.plural_form(count), f"{language} {count}")

    def test_the_committed_plural_table_is_babels(self):
        """Tests/Fixtures/languages/babel-plurals.json (which the Swift test LocaleTests.pluralCategoriesMatchBabel
        compares the build's ICU rules with, for counts 0 to 200) is exactly what Babel computes."""
        with open(os.path.join(ROOT, "Tests", "Fixtures", "languages", "babel-plurals.json"), encoding="utf-8") as handle:
            table = json.load(handle)
        self.assertEqual(sorted(table), sorted(self.config["languages"]))
        for language, categories in table.items():
            locale = Locale.parse(self.config["locales"][language])
            self.assertEqual(categories, [locale.plural_form(n) for n in range(201)], language)

    def test_each_plural_string_carries_every_category_cldr_uses(self):
        for language in self.config["languages"]:
            locale = Locale.parse(self.config["locales"][language])
            needed = {locale.plural_form(n) for n in range(0, 10000)}
            page = self.page(language)
            carried = set(re.findall(r'data-open-(zero|one|two|few|many|other)="', page))
            self.assertTrue(needed <= carried, f"{language}: {needed - carried}")
            progress = set(re.findall(r'data-progress-(zero|one|two|few|many|other)="', page))
            self.assertTrue(needed <= progress, f"{language}: {needed - progress}")


if __name__ == "__main__":
    unittest.main()
