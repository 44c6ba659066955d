"""Crawls a served site and checks that every internal href and src resolves, anchors included."""
import html.parser
import urllib.error
import urllib.parse
import urllib.request


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append((tag, attributes[name]))
        # Responsive images: every candidate of a srcset ("a.480.webp 480w, a.webp 960w") must resolve too.
        if attributes.get("srcset"):
            for candidate in attributes["srcset"].split(","):
                if candidate.strip():
                    self.links.append((tag, candidate.strip().split()[0]))


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.status, response.headers.get_content_type(), response.read()


def parse(body):
    parser = PageParser()
    parser.feed(body.decode("utf-8"))
    return parser


def check_site(start_urls, prefix, page_urls=None):
    """Returns a list of problems: broken internal links, missing anchors, malformed external URLs.

    `prefix` is the served root (e.g. http://127.0.0.1:8000/some/sub/path/); links leaving it are errors.
    `page_urls` maps a page's file URL to the URL it is served at (for 404 pages served at any depth).
    """
    problems, seen, queue, cache = [], set(), list(start_urls), {}
    page_urls = page_urls or {}

    def load(url):
        if url not in cache:
            try:
                cache[url] = fetch(url)
            except urllib.error.HTTPError as error:
                cache[url] = (error.code, None, b"")
        return cache[url]

    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = load(url)
        if status != 200 or kind != "text/html":
            continue
        base = page_urls.get(url, url)
        page = parse(body)
        for tag, link in page.links:
            if link.startswith("#"):
                # Same document, wherever it is served.
                if urllib.parse.unquote(link[1:]) not in page.ids:
                    problems.append(f"{url}: {link} → no element with that id on the page")
                continue
            parts = urllib.parse.urlsplit(link)
            if parts.scheme in ("http", "https") and not link.startswith(prefix.split("/")[0] + "//" + urllib.parse.urlsplit(prefix).netloc):
                if not parts.netloc or " " in link:
                    problems.append(f"{url}: malformed external URL {link}")
                continue
            if parts.scheme in ("mailto", "tel"):
                continue
            target = urllib.parse.urljoin(base, link)
            target_parts = urllib.parse.urlsplit(target)
            document = urllib.parse.urlunsplit((target_parts.scheme, target_parts.netloc, target_parts.path, target_parts.query, ""))
            if not document.startswith(prefix):
                problems.append(f"{url}: {link} leaves the site root {prefix}")
                continue
            status, kind, body = load(document)
            if status != 200:
                problems.append(f"{url}: {link} → HTTP {status}")
                continue
            if target_parts.fragment and kind == "text/html":
                if urllib.parse.unquote(target_parts.fragment) not in parse(body).ids:
                    problems.append(f"{url}: {link} → no element with id {target_parts.fragment}")
            if kind == "text/html" and tag == "a":
                queue.append(document)
    return problems, seen
