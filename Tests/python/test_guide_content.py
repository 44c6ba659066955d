"""The guide's text is our own, and every external link comes from a sourced fact."""
import glob
import html.parser
import json
import os
import re
import unittest

from support import ROOT, SITE

SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


WORD = re.compile(r"[0-9a-zà-öø-ÿœæ]+", re.IGNORECASE)


def words(text):
    text = text.replace("’", "'").replace("‘", "'").lower()
    return WORD.findall(text)


def ngrams(tokens, size):
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


class OwnWordsTests(unittest.TestCase):
    def test_no_run_of_eight_words_from_the_seeds(self):
        seeds = set()
        for path in glob.glob(os.path.join(SEEDS, "*.txt")):
            seeds |= ngrams(words(read(path)), 8)
        self.assertGreater(len(seeds), 1000, "the seed articles were not found")
        copied = []
        for path in sorted(glob.glob(os.path.join(ROOT, "content", "**", "*.*"), recursive=True)):
            for gram in ngrams(words(read(path)), 8) & seeds:
                copied.append(f"{os.path.relpath(path, ROOT)}: {' '.join(gram)}")
        self.assertEqual(copied, [])


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and value.startswith(("http://", "https://")):
                self.links.append(value)


class ExternalLinkTests(unittest.TestCase):
    def sourced_urls(self):
        urls = set()
        for path in glob.glob(os.path.join(ROOT, "content", "facts", "*.json")):
            for key, fact in json.loads(read(path)).items():
                if not isinstance(fact, dict):
                    continue
                if "url" in fact and fact.get("sources"):
                    urls.add(fact["url"])
                if "source" in fact and fact["source"].get("url"):
                    urls.add(fact["source"]["url"])
        return urls

    def test_every_external_link_is_a_sourced_fact(self):
        allowed = self.sourced_urls()
        with open(os.path.join(ROOT, "content", "site.json"), encoding="utf-8") as handle:
            base = json.load(handle)["baseURL"]
        stray = []
        for path in glob.glob(os.path.join(SITE, "**", "*.html"), recursive=True):
            collector = LinkCollector()
            collector.feed(read(path))
            for url in collector.links:
                if not url.startswith(base) and url not in allowed:
                    stray.append(f"{os.path.relpath(path, SITE)}: {url}")
        self.assertEqual(stray, [])

    def test_markdown_has_no_literal_external_urls(self):
        literal = []
        for path in glob.glob(os.path.join(ROOT, "content", "*", "**", "*.md"), recursive=True):
            for match in re.finditer(r"https?://\S+", read(path)):
                literal.append(f"{os.path.relpath(path, ROOT)}: {match.group(0)}")
        self.assertEqual(literal, [], "write URLs as facts ({{namespace.key}}), not in the text")


if __name__ == "__main__":
    unittest.main()
