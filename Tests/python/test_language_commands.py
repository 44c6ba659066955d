"""The command line's language arguments: `render --lang` refuses a language CLDR does not know, and
`translations mark` takes several languages at once."""
import os
import shutil
import subprocess
import tempfile
import unittest

from support import BINARY, ROOT


class LanguageCommandTests(unittest.TestCase):
    def run_binary(self, *args, stdin=""):
        return subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True)

    def test_render_with_an_unknown_language_is_an_error(self):
        result = self.run_binary("render", "--lang", "xx", stdin='Say "hi".\n')
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('"xx" is not a language CLDR knows, so its typography is unknown; use a code such as fr, nl, en, de or pt-br', result.stderr)
        self.assertEqual(result.stdout, "")

    def test_render_with_a_cldr_language_uses_its_quotes(self):
        self.assertEqual(self.run_binary("render", "--lang", "de", stdin='Er sagte "ja".\n').stdout, "<p>Er sagte „ja“.</p>\n")
        self.assertEqual(self.run_binary("render", "--lang", "pl", stdin='Powiedział "tak".\n').stdout, "<p>Powiedział „tak”.</p>\n")

    def test_mark_takes_several_languages(self):
        work = tempfile.mkdtemp(prefix="guidepost-mark-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "translations", "content"), content)
            for language in ("nl", "en"):
                path = os.path.join(content, language, "headings.md")
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(text.replace('"sourceHash": "59b111f93290"', '"sourceHash": "000000000000"'))
            result = self.run_binary("translations", "mark", "--content", content, "--templates", os.path.join(ROOT, "templates"), "headings.md", "nl", "en")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.splitlines(), [f"marked {content}/nl/headings.md as up to date",
                                                          f"marked {content}/en/headings.md as up to date"])
            for language in ("nl", "en"):
                with open(os.path.join(content, language, "headings.md"), encoding="utf-8") as handle:
                    self.assertIn('"sourceHash": "59b111f93290"', handle.read())
            # One unknown language is reported; the others are still marked.
            failed = self.run_binary("translations", "mark", "--content", content, "--templates", os.path.join(ROOT, "templates"), "headings.md", "de", "nl")
            self.assertEqual(failed.returncode, 1)
            self.assertEqual(failed.stdout, f"marked {content}/nl/headings.md as up to date\n")
            self.assertIn(f"{content}/site.json:1:1: error: \"de\" is not one of the languages in content/site.json; add it there or fix the code", failed.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
