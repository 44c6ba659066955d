"""Reproducible builds: the same inputs and --now give byte-identical trees, search index included,
from different folders, in different time zones and locales; and the build leaks no memory."""
import filecmp
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import BINARY, ROOT, pagefind


def tree(root):
    return sorted(os.path.relpath(os.path.join(folder, name), root) for folder, _, names in os.walk(root) for name in names)


class ReproducibleBuildTests(unittest.TestCase):
    def build(self, work, environment):
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
        shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
        subprocess.run([BINARY, "build", "--now", "2026-11-22T08:00:00Z", "--pagefind", pagefind()],
                       cwd=work, env={**os.environ, **environment}, check=True, capture_output=True)
        return os.path.join(work, "site")

    def test_two_builds_in_different_folders_zones_and_locales_are_identical(self):
        first = self.build(tempfile.mkdtemp(prefix="guidepost-a-"), {"TZ": "Pacific/Kiritimati", "LANG": "C.UTF-8"})
        second = self.build(os.path.join(tempfile.mkdtemp(prefix="guidepost-b-"), "deeper", "folder"),
                            {"TZ": "America/Adak", "LANG": "fr_BE.UTF-8", "LC_ALL": ""})
        self.assertEqual(tree(first), tree(second))
        self.assertIn("pagefind/pagefind-entry.json", tree(first))
        different = [path for path in tree(first) if not filecmp.cmp(os.path.join(first, path), os.path.join(second, path), shallow=False)]
        self.assertEqual(different, [])


class MemoryTests(unittest.TestCase):
    def test_building_the_guide_leaks_nothing(self):
        # The real guide with search off: under valgrind, Foundation cannot start Pagefind (valgrind holds
        # file descriptors that Process tries to close), and Pagefind is not Guidepost's memory anyway.
        work = tempfile.mkdtemp(prefix="guidepost-vg-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(work, "content"))
        config = os.path.join(work, "content", "site.json")
        with open(config, encoding="utf-8") as handle:
            text = handle.read().replace('"search": true', '"search": false')
        with open(config, "w", encoding="utf-8") as handle:
            handle.write(text)
        # The executable links mimalloc: the synonym makes valgrind replace mimalloc's malloc and free as it
        # does glibc's, and the allocation count below checks that it saw the build's allocations.
        result = subprocess.run(["valgrind", "--soname-synonyms=somalloc=*mimalloc*",
                                 "--suppressions=" + os.path.join(ROOT, "Tests", "valgrind", "foundation.supp"),
                                 "--leak-check=full", "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
                                 "--error-exitcode=3", BINARY, "build", "--content", os.path.join(work, "content"),
                                 "--templates", os.path.join(ROOT, "templates"), "--output", os.path.join(work, "site"),
                                 "--now", "2026-11-22T08:00:00Z"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr[-3000:])
        self.assertIn("definitely lost: 0 bytes in 0 blocks", result.stderr)
        allocations = re.search(r"total heap usage: ([\d,]+) allocs", result.stderr)
        self.assertTrue(allocations and int(allocations.group(1).replace(",", "")) > 100_000,
                        "valgrind saw the build's allocations (mimalloc's malloc is replaced too)")
        self.assertNotIn("cmark", result.stderr, "no leak record may involve the cmark wrapper")


if __name__ == "__main__":
    unittest.main()
