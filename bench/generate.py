#!/usr/bin/env python3
"""Generates the same synthetic trilingual site twice: in Guidepost's content format (with facts and
checklists) and as an equivalent Hugo site (per-language contentDir, JSON front matter, a base layout
with a language switcher and hreflang). Usage: generate.py <output folder> <articles per language> [--screenshots].
With --screenshots, every source-language (French) article gets a 1 MB phone screenshot in its page bundle
(`content/fr/a00001/screen.png`, referenced as `![Screenshot](screen.png)` in every language); the Hugo site
gets the same file in a French page bundle, resized by its template to 480, 960 and 1440 px, WebP and PNG."""
import json
import os
import random
import shutil
import sys

LANGUAGES = ["fr", "nl", "en"]
WORDS = {
    "fr": "vous pouvez vous opposer au formulaire avant la date limite pour protéger vos publications et photos publiques".split(),
    "nl": "je kunt bezwaar maken via het formulier voor de uiterste datum om je berichten en openbare foto's te beschermen".split(),
    "en": "you can object with the form before the deadline to protect your posts and public photos from training".split(),
}


def sentence(rng, language, count):
    words = [rng.choice(WORDS[language]) for _ in range(count)]
    return " ".join(words).capitalize() + "."


def article(rng, language, index, total, facts):
    """About 2.4 KB of Markdown: headings, paragraphs, a task list, a table and links to other articles."""
    others = [rng.randrange(total) for _ in range(3)]
    deadline = "{{bench.deadline}}" if facts else "27 May 2025"
    form = "{{bench.form}}" if facts else "https://example.com/form"
    link = (lambda n: f"a{n:05d}.md") if facts else (lambda n: f"../a{n:05d}/")
    tasks = "\n".join([
        "- [ ] " + sentence(rng, language, 7),
        "- [ ] " + sentence(rng, language, 6) + f" [Form]({form})",
        "- [x] " + sentence(rng, language, 8),
        "- [ ] " + sentence(rng, language, 5),
    ])
    table = "\n".join(["| Step | What | When |", "| --- | --- | --- |"] +
                      [f"| {step} | {sentence(rng, language, 5)} | {sentence(rng, language, 2)} |" for step in range(1, 5)])
    parts = [
        f"## {sentence(rng, language, 4)[:-1]}",
        f"{sentence(rng, language, 18)} {sentence(rng, language, 14)} Deadline: {deadline}.",
        f"See [the related article]({link(others[0])}) and [another one]({link(others[1])}) for *more* **detail**.",
        tasks,
        table,
        f"### {sentence(rng, language, 3)[:-1]}",
        f"{sentence(rng, language, 20)} {sentence(rng, language, 16)}",
        f"> {sentence(rng, language, 12)}",
        f"{sentence(rng, language, 22)} `code` and a [last link]({link(others[2])}).",
        f"1. {sentence(rng, language, 9)}\n2. {sentence(rng, language, 9)}",
        f"{sentence(rng, language, 25)} {sentence(rng, language, 18)}",
        f"{sentence(rng, language, 24)} {sentence(rng, language, 20)}",
    ]
    return "\n\n".join(parts) + "\n"


def content_hash(text):
    """Guidepost's ContentHash.body: 64-bit FNV-1a of the UTF-8 bytes, first 12 hex digits."""
    value = 0xcbf29ce484222325
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"[:12]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def screenshot(path, seed):
    """A phone screenshot of about 1 MB: 1440 × 3120 (a high-resolution phone; as wide as the widest
    variant, so neither tool upscales), flat interface blocks and a photo-like band of noise (which PNG
    cannot compress), different for every seed so that no two articles share an image."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (1440, 3120), (245, 246, 248))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    for row in range(16):
        y = 380 + row * 170
        draw.rectangle([50, y, 1390, y + 130], fill=(255, 255, 255), outline=(210, 214, 220), width=3)
        draw.rectangle([90, y + 35, 90 + rng.randrange(400, 1100), y + 95], fill=(rng.randrange(60, 200), 90, 160))
    band = Image.frombytes("RGB", (1440, 236), rng.randbytes(1440 * 236 * 3))
    image.paste(band, (0, 20))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path)


HUGO_IMAGE = """{{ with .Resources.GetMatch "screen.png" }}{{ $img := . }}<p><picture><source type="image/webp" srcset="
{{- range $i, $w := slice 480 960 1440 }}{{ if $i }}, {{ end }}{{ ($img.Resize (printf "%dx webp" $w)).RelPermalink }} {{ $w }}w{{ end }}">
<img src="{{ ($img.Resize "1440x png").RelPermalink }}" srcset="
{{- range $i, $w := slice 480 960 1440 }}{{ if $i }}, {{ end }}{{ ($img.Resize (printf "%dx png" $w)).RelPermalink }} {{ $w }}w{{ end }}" alt="Screenshot"></picture></p>{{ end }}"""


def generate(root, count, screenshots=False):
    shutil.rmtree(root, ignore_errors=True)
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    guidepost, hugo = os.path.join(root, "guidepost"), os.path.join(root, "hugo")
    # Guidepost: the project's own strings and templates, a facts file, a campaign.
    shutil.copytree(os.path.join(repo, "content", "strings"), os.path.join(guidepost, "content", "strings"))
    shutil.copytree(os.path.join(repo, "templates"), os.path.join(guidepost, "templates"))
    write(os.path.join(guidepost, "content", "site.json"), json.dumps({
        "languages": LANGUAGES, "sourceLanguage": "fr", "baseURL": "https://bench.example.org/",
        "title": {l: f"Bench {l}" for l in LANGUAGES}, "description": {l: f"Synthetic site ({l})" for l in LANGUAGES},
        "campaigns": ["bench"]}, indent=2))
    write(os.path.join(guidepost, "content", "facts", "bench.json"), json.dumps({
        "deadline": {"instant": "2025-05-27T00:00", "timeZone": "Europe/Brussels", "sources": ["bench.press"]},
        "title": {"text": {l: f"Campaign {l}" for l in LANGUAGES}},
        "form": {"url": "https://example.com/form", "sources": ["bench.press"]},
        "press": {"source": {"publisher": "Press", "title": "Article", "date": "2025-05-21", "language": "en"}}}, indent=2))
    # Hugo: the same pages, JSON front matter, one content folder per language.
    write(os.path.join(hugo, "config.json"), json.dumps({
        "baseURL": "https://bench.example.org/", "defaultContentLanguage": "fr", "defaultContentLanguageInSubdir": True,
        "disableKinds": ["taxonomy", "term", "RSS"], "markup": {"goldmark": {"renderer": {"unsafe": False}}},
        "languages": {l: {"contentDir": f"content/{l}", "weight": i + 1, "languageName": l, "title": f"Bench {l}"} for i, l in enumerate(LANGUAGES)},
    }, indent=2))
    write(os.path.join(hugo, "layouts", "_default", "baseof.html"), """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""")
    write(os.path.join(hugo, "layouts", "_default", "single.html"),
          '{{ define "main" }}<article><h1>{{ .Title }}</h1>' + (HUGO_IMAGE if screenshots else "") + '{{ .Content }}</article>{{ end }}\n')
    write(os.path.join(hugo, "layouts", "_default", "list.html"), '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    sources_fr = []
    for language in LANGUAGES:
        rng = random.Random(f"{language}-{count}")
        home = {"title": f"Home {language}"}
        if language != "fr":
            home["sourceHash"] = content_hash("\nWelcome.\n")
        write(os.path.join(guidepost, "content", language, "index.md"), json.dumps(home) + "\n\nWelcome.\n")
        write(os.path.join(hugo, "content", language, "_index.md"), json.dumps({"title": f"Home {language}"}) + "\n\nWelcome.\n")
        for index in range(count):
            rng_state = rng.getstate()
            front = {"title": f"Article {index} ({language})", "weight": index, "description": f"Synthetic article {index}"}
            body = article(rng, language, index, count, facts=True)
            if screenshots:
                # One screenshot per article, in the source language's bundle only (translations fall back to it).
                body = "![Screenshot](screen.png)\n\n" + body
                if language == "fr":
                    screenshot(os.path.join(guidepost, "content", "fr", f"a{index:05d}", "screen.png"), index)
            extra = {"campaign": "bench"}
            if language != "fr":
                # Translations are made from the French version, so each records the French body's hash.
                extra["sourceHash"] = sources_fr[index]
            else:
                sources_fr.append(content_hash("\n" + body))
            write(os.path.join(guidepost, "content", language, f"a{index:05d}.md"), json.dumps(dict(front, **extra)) + "\n\n" + body)
            rng.setstate(rng_state)
            hugo_page = json.dumps(dict(front, translationKey=f"a{index:05d}")) + "\n\n" + article(rng, language, index, count, facts=False)
            if screenshots and language == "fr":
                # A page bundle with the same image: Hugo resizes it in the template (.Resize to each width, WebP and PNG).
                write(os.path.join(hugo, "content", language, f"a{index:05d}", "index.md"), hugo_page)
                shutil.copyfile(os.path.join(guidepost, "content", "fr", f"a{index:05d}", "screen.png"),
                                os.path.join(hugo, "content", language, f"a{index:05d}", "screen.png"))
            else:
                write(os.path.join(hugo, "content", language, f"a{index:05d}.md"), hugo_page)


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]), screenshots="--screenshots" in sys.argv[3:])
