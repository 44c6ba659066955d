"""site/ is exactly what `guidepost build` writes, search index included, for the instant it records."""
import filecmp
import json
import os
import subprocess
import tempfile
import unittest

from support import BINARY, ROOT, SITE, pagefind


def tree(root):
    files = set()
    for folder, _, names in os.walk(root):
        for name in names:
            files.add(os.path.relpath(os.path.join(folder, name), root))
    return files


class CommittedSiteTests(unittest.TestCase):
    def test_site_equals_a_fresh_build_byte_for_byte(self):
        with open(os.path.join(SITE, "build.json"), encoding="utf-8") as handle:
            now = json.load(handle)["now"]
        output = os.path.join(tempfile.mkdtemp(prefix="guidepost-committed-"), "site")
        subprocess.run([BINARY, "build", "--content", os.path.join(ROOT, "content"), "--templates", os.path.join(ROOT, "templates"),
                        "--output", output, "--now", now, "--pagefind", pagefind()], check=True, capture_output=True)
        self.assertEqual(tree(SITE), tree(output), f"site/ has other files than a build; run make site NOW={now}")
        different = [path for path in sorted(tree(output)) if not filecmp.cmp(os.path.join(SITE, path), os.path.join(output, path), shallow=False)]
        self.assertEqual(different, [], f"rebuild with make site NOW={now} and commit site/")
        self.assertTrue(os.path.exists(os.path.join(SITE, "pagefind", "pagefind-entry.json")))


if __name__ == "__main__":
    unittest.main()
