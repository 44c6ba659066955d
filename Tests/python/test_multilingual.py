"""Sitemap, robots.txt, feeds, head metadata, root and 404 pages, and every link under any base path."""
import glob
import os
import re
import subprocess
import tempfile
import unittest
import urllib.request

import feedparser
from lxml import etree

from linkcheck import check_site
from support import BINARY, ROOT, SITE, Server, build_fixture, pagefind

SCHEMA = etree.XMLSchema(etree.parse(os.path.join(ROOT, "Tests", "schemas", "sitemap.xsd")))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def build_site(base_url, content=os.path.join(ROOT, "content")):
    output = os.path.join(tempfile.mkdtemp(prefix="guidepost-base-"), "site")
    subprocess.run([BINARY, "build", "--content", content, "--templates", os.path.join(ROOT, "templates"),
                    "--output", output, "--now", "2026-11-22T08:00:00Z", "--base-url", base_url, "--pagefind", pagefind()],
                   check=True, capture_output=True)
    return output


class SitemapTests(unittest.TestCase):
    def test_sitemaps_validate_against_the_schema(self):
        for site in (SITE, build_fixture("basic"), build_fixture("campaigns")):
            document = etree.parse(os.path.join(site, "sitemap.xml"))
            self.assertTrue(SCHEMA.validate(document), SCHEMA.error_log)

    def test_every_translation_lists_all_alternates_including_itself(self):
        document = etree.parse(os.path.join(SITE, "sitemap.xml"))
        urls = document.findall("s:url", NS)
        self.assertEqual(len(urls), 27)
        for url in urls:
            loc = url.find("s:loc", NS).text
            links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            self.assertEqual(set(links) - {"x-default"}, {"fr", "nl", "en"}, loc)
            self.assertIn(loc, links.values())

    def test_untranslated_pages_have_no_alternates(self):
        document = etree.parse(os.path.join(build_fixture("campaigns"), "sitemap.xml"))
        for url in document.findall("s:url", NS):
            if "/fr/" in url.find("s:loc", NS).text and url.find("s:loc", NS).text != "https://example.org/fr/":
                self.assertEqual(url.findall("x:link", NS), [])

    def test_robots_points_to_the_sitemap(self):
        self.assertEqual(read(os.path.join(SITE, "robots.txt")), "User-agent: *\nAllow: /\n\nSitemap: https://guidepost.example.org/sitemap.xml\n")


class FeedTests(unittest.TestCase):
    def test_each_language_has_a_localized_atom_feed(self):
        titles = {"fr": "Meta et l’IA\u202f: s’opposer", "nl": "Meta en AI: bezwaar maken", "en": "Meta and AI: how to object"}
        for language, title in titles.items():
            feed = feedparser.parse(os.path.join(SITE, language, "feed.xml"))
            self.assertEqual(feed.bozo, 0, feed.get("bozo_exception"))
            self.assertEqual(feed.version, "atom10")
            self.assertEqual(feed.feed.title, title)
            self.assertEqual(feed.feed.language, language)
            self.assertEqual(len(feed.entries), 9)
            for entry in feed.entries:
                self.assertTrue(entry.link.startswith(f"https://guidepost.example.org/{language}/"))
                self.assertTrue(entry.summary)

    def test_pages_without_updated_are_not_in_the_feed(self):
        site = build_fixture("campaigns")
        feed = feedparser.parse(os.path.join(site, "fr", "feed.xml"))
        self.assertEqual(feed.bozo, 0)
        self.assertEqual(feed.entries, [])


class HeadTests(unittest.TestCase):
    def test_head_metadata_of_a_translated_page(self):
        html = read(os.path.join(SITE, "nl", "bezwaar-op-facebook", "index.html"))
        self.assertIn('<html lang="nl">', html)
        self.assertIn('<link rel="canonical" href="https://guidepost.example.org/nl/bezwaar-op-facebook/">', html)
        alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
        self.assertEqual(alternates, [
            ("fr", "https://guidepost.example.org/fr/s-opposer-sur-facebook/"),
            ("nl", "https://guidepost.example.org/nl/bezwaar-op-facebook/"),
            ("en", "https://guidepost.example.org/en/object-on-facebook/"),
            ("x-default", "https://guidepost.example.org/fr/s-opposer-sur-facebook/"),
        ])
        self.assertIn('<meta property="og:locale" content="nl_BE">', html)
        self.assertEqual(re.findall(r'og:locale:alternate" content="([^"]+)"', html), ["fr_BE", "en_GB"])
        self.assertIn("<title>Bezwaar maken op Facebook, stap voor stap – Meta en AI: bezwaar maken</title>", html)
        self.assertRegex(html, r'<link rel="stylesheet" href="\.\./\.\./assets/style\.[0-9a-f]{10}\.css">')

    def test_untranslated_page_has_no_hreflang_and_a_marked_switcher(self):
        html = read(os.path.join(build_fixture("campaigns"), "fr", "open", "index.html"))
        self.assertNotIn("hreflang=\"nl\" href=\"https", html)
        self.assertIn('<a href="../../nl/" lang="nl" hreflang="nl" class="missing">Nederlands <small>(nog niet vertaald)</small></a>', html)
        self.assertIn('aria-current="page">Français</a>', html)

    def test_root_lists_every_language_without_javascript(self):
        html = read(os.path.join(SITE, "index.html"))
        for language in ("fr", "nl", "en"):
            self.assertIn(f'<a href="{language}/" hreflang="{language}" data-choose-language="{language}">', html)
        self.assertNotIn("http-equiv=\"refresh\"", html)
        for path in ("404.html", "fr/404.html", "nl/404.html", "en/404.html"):
            self.assertTrue(os.path.exists(os.path.join(SITE, path)), path)

    def test_dates_are_localized(self):
        self.assertIn('Mis à jour le <time datetime="2026-11-22">22 novembre 2026</time>', read(os.path.join(SITE, "fr", "chronologie", "index.html")))
        self.assertIn('Bijgewerkt op <time datetime="2026-11-22">22 november 2026</time>', read(os.path.join(SITE, "nl", "tijdlijn", "index.html")))


class BasePathTests(unittest.TestCase):
    """The same kind of build works at the root and under a sub-path: every link and anchor resolves."""

    def crawl(self, prefix):
        base = "https://example.org" + prefix
        site = build_site(base)
        server = Server(site, prefix=prefix)
        try:
            starts = [server.url + path for path in ("", "fr/", "nl/", "en/")]
            problems, seen = check_site(starts, server.url)
            self.assertEqual(problems, [])
            self.assertGreaterEqual(len([u for u in seen if u.endswith("/")]), 28)
            # 404 pages are served at any depth: their links must work from a deep, missing URL.
            deep = {server.url + f"{lang}404.html": server.url + f"{lang}no/such/page/" for lang in ("", "fr/", "nl/", "en/")}
            problems, _ = check_site(list(deep), server.url, page_urls=deep)
            self.assertEqual(problems, [])
            with urllib.request.urlopen(server.url + "sitemap.xml") as response:
                self.assertIn(("<loc>" + base + "fr/</loc>").encode(), response.read())
        finally:
            server.close()

    def test_at_the_root(self):
        self.crawl("/")

    def test_under_a_sub_path(self):
        self.crawl("/some/sub/path/")


if __name__ == "__main__":
    unittest.main()
