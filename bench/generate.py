#!/usr/bin/env python3
"""Generates the same synthetic trilingual site twice: in Guidepost's content format (with facts and
checklists) and as an equivalent Hugo site (per-language contentDir, JSON front matter, a base layout
with a language switcher and hreflang). Usage: generate.py <output folder> <articles per language>."""
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


def generate(root, count):
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
    write(os.path.join(hugo, "layouts", "_default", "single.html"), '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n')
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
            extra = {"campaign": "bench"}
            if language != "fr":
                # Translations are made from the French version, so each records the French body's hash.
                extra["sourceHash"] = sources_fr[index]
            else:
                sources_fr.append(content_hash("\n" + body))
            write(os.path.join(guidepost, "content", language, f"a{index:05d}.md"), json.dumps(dict(front, **extra)) + "\n\n" + body)
            rng.setstate(rng_state)
            write(os.path.join(hugo, "content", language, f"a{index:05d}.md"),
                  json.dumps(dict(front, translationKey=f"a{index:05d}")) + "\n\n" + article(rng, language, index, count, facts=False))


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]))
