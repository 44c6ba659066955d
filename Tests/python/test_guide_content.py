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


def own_text(path):
    """A file's text, leaving out the exact titles of sources (a citation must quote a title, seeds' included)."""
    text = read(path)
    if not path.endswith(".json"):
        return text
    facts = json.loads(text)
    if not isinstance(facts, dict):
        return text
    for fact in facts.values():
        if isinstance(fact, dict) and isinstance(fact.get("source"), dict):
            fact["source"].pop("title", None)
    return json.dumps(facts, ensure_ascii=False)


# Official names of institutions are names, not sentences: a guide must write them as they are. They are
# replaced by a placeholder word before comparing, so the words around them still count.
INSTITUTIONS = [
    "autorité irlandaise de protection des données",
    "autorité de protection des données",
    "comité européen de la protection des données",
]


def without_institutions(text):
    text = text.replace("’", "'").lower()
    for name in INSTITUTIONS:
        text = text.replace(name, " institution ")
    return text


def ngrams(tokens, size):
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


class OwnWordsTests(unittest.TestCase):
    def test_no_run_of_eight_words_from_the_seeds(self):
        seeds = set()
        for path in glob.glob(os.path.join(SEEDS, "*.txt")):
            seeds |= ngrams(words(without_institutions(read(path))), 8)
        self.assertGreater(len(seeds), 1000, "the seed articles were not found")
        copied = []
        for path in sorted(glob.glob(os.path.join(ROOT, "content", "**", "*.*"), recursive=True)):
            for gram in ngrams(words(without_institutions(own_text(path))), 8) & seeds:
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

    @staticmethod
    def source_facts():
        sources = {}
        for path in glob.glob(os.path.join(ROOT, "content", "facts", "*.json")):
            namespace = os.path.basename(path)[:-len(".json")]
            for key, fact in json.loads(read(path)).items():
                if isinstance(fact, dict) and "source" in fact:
                    sources[f"{namespace}.{key}"] = fact
        return sources

    def test_every_external_link_is_a_sourced_fact(self):
        allowed = self.sourced_urls()
        with open(os.path.join(ROOT, "content", "site.json"), encoding="utf-8") as handle:
            site = json.load(handle)
        base = site["baseURL"]
        if site.get("publisher", {}).get("url"):
            allowed.add(site["publisher"]["url"])
        for fact in self.source_facts().values():
            if fact["source"].get("via"):
                allowed.add(fact["source"]["via"])
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


class SourceListParser(html.parser.HTMLParser):
    """The citation markers (`<sup class="cite"><a href="#source-…">n</a>`) and the source list of a page."""

    def __init__(self):
        super().__init__()
        self.citations = []  # (key, number as printed)
        self.items = []  # [key, cite lang, title text]
        self._in_cite_sup = False
        self._citation = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "sup" and attrs.get("class") == "cite":
            self._in_cite_sup = True
        elif tag == "a" and self._in_cite_sup:
            self._citation = [attrs["href"][len("#source-"):], ""]
        elif tag == "li" and (attrs.get("id") or "").startswith("source-"):
            self.items.append([attrs["id"][len("source-"):], None, ""])
        elif tag == "cite" and self.items and self.items[-1][1] is None:
            self.items[-1][1] = attrs.get("lang")
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "a" and self._citation is not None:
            self.citations.append(tuple(self._citation))
            self._citation = None
        elif tag == "sup":
            self._in_cite_sup = False
        elif tag == "cite":
            self._in_title = False

    def handle_data(self, data):
        if self._citation is not None:
            self._citation[1] += data
        if self._in_title:
            self.items[-1][2] += data


def parse_page(path):
    parser = SourceListParser()
    parser.feed(read(path))
    return parser


class CitationTests(unittest.TestCase):
    def pages(self, language):
        return sorted(glob.glob(os.path.join(SITE, language, "**", "index.html"), recursive=True))

    def test_each_claim_marker_resolves_to_a_listed_source_with_its_number(self):
        checked = 0
        for language in ("fr", "nl", "en"):
            for path in self.pages(language):
                page = parse_page(path)
                listed = [key for key, _, _ in page.items]
                for key, number in page.citations:
                    checked += 1
                    self.assertIn(key, listed, f"{os.path.relpath(path, SITE)}: marker {number} points at no listed source")
                    self.assertEqual(int(number), listed.index(key) + 1,
                                     f"{os.path.relpath(path, SITE)}: marker for {key} does not show its place in the list")
        self.assertGreater(checked, 100, "the guide should cite its sources claim by claim")

    def test_sources_on_french_pages_show_their_own_titles(self):
        sources = ExternalLinkTests.source_facts()
        seen = 0
        for path in self.pages("fr"):
            for key, lang, title in parse_page(path).items:
                seen += 1
                source = sources[key]["source"]
                where = f"{os.path.relpath(path, SITE)}: {key}"
                self.assertFalse(title.strip().startswith("["), f"{where} has a placeholder title")
                self.assertEqual(lang, source["language"], f"{where} is not marked with its language")
                self.assertIn(lang, ("fr", "nl", "de", "en"), where)
                # The title as printed is the source's own title (typography aside), in its own language.
                normalise = lambda text: re.sub(r"[\s\u202f\u00a0]+", " ", text.replace("’", "'")).strip()
                self.assertEqual(normalise(title), normalise(source["title"]), where)
        self.assertGreater(seen, 30)
        # No source anywhere is an English placeholder: every French-language source keeps a French title.
        for key, fact in sources.items():
            self.assertFalse(fact["source"]["title"].startswith("["), key)
            self.assertTrue(fact["source"].get("url", "").startswith("https://"), f"{key} has no URL")


if __name__ == "__main__":
    unittest.main()
