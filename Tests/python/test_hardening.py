"""Hostile and clumsy use of the real command (issue 14): concurrent builds, folders Guidepost must not
touch, unreadable folders, a hung Pagefind, a full disk. Each case runs the built binary as a user would."""
import filecmp
import json
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import time
import unittest

from support import BINARY, ROOT

TEMPLATES = os.path.join(ROOT, "templates")
BASIC = os.path.join(ROOT, "Tests", "Fixtures", "basic", "content")
NOW = "2025-05-24T10:00:00Z"


def build(content, output, *extra, env=None, cwd=None, timeout=60):
    return subprocess.run([BINARY, "build", "--content", content, "--templates", TEMPLATES, "--output", output,
                           "--now", NOW, *extra], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)


def tree(folder):
    """Relative path -> bytes of every regular file under folder."""
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, folder)] = handle.read()
    return files


class HardeningTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="guidepost-hardening-")
        os.chmod(self.work, 0o755)
        self.addCleanup(shutil.rmtree, self.work, True)
        # Some cases run as the user "nobody": every folder above the work folder must let others pass
        # (the test run's own temporary folder is made 0700 by mktemp).
        folder = os.path.dirname(self.work)
        while folder not in ("/", ""):
            mode = os.stat(folder).st_mode
            if not mode & stat.S_IXOTH:
                os.chmod(folder, stat.S_IMODE(mode) | stat.S_IXOTH)
            folder = os.path.dirname(folder)

    def content(self, name="content", change=None):
        """A copy of the basic fixture's content; `change(text)` rewrites the French home page."""
        folder = os.path.join(self.work, name)
        shutil.copytree(BASIC, folder)
        if change:
            page = os.path.join(folder, "fr", "index.md")
            with open(page, encoding="utf-8") as handle:
                text = handle.read()
            with open(page, "w", encoding="utf-8") as handle:
                handle.write(change(text))
        return folder

    def test_concurrent_builds_each_finish_and_leave_one_whole_build(self):
        a = self.content("a", lambda text: text + "\nVERSION-A\n")
        b = self.content("b", lambda text: text + "\nVERSION-B\n")
        reference = {}
        for name, content in (("a", a), ("b", b)):
            out = os.path.join(self.work, "ref-" + name)
            self.assertEqual(build(content, out).returncode, 0)
            reference[name] = tree(out)
        self.assertNotEqual(reference["a"], reference["b"])
        output = os.path.join(self.work, "site")
        for _ in range(8):
            first = subprocess.Popen([BINARY, "build", "--content", a, "--templates", TEMPLATES, "--output", output, "--now", NOW],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            second = subprocess.Popen([BINARY, "build", "--content", b, "--templates", TEMPLATES, "--output", output, "--now", NOW],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            results = [process.communicate(timeout=60) for process in (first, second)]
            self.assertEqual((first.returncode, second.returncode), (0, 0), results)
            live = tree(output)
            self.assertIn(live, (reference["a"], reference["b"]), "the output is exactly one whole build")

    def test_a_build_waits_for_the_lock_or_fails_at_once_with_no_wait(self):
        content = self.content()
        output = os.path.join(self.work, "site")
        self.assertEqual(build(content, output).returncode, 0)
        before = tree(output)
        lock = os.path.join(self.work, ".site.lock")
        holder = subprocess.Popen(["flock", lock, "sleep", "3"])
        self.addCleanup(holder.kill)
        time.sleep(0.5)
        refused = build(content, output, "--no-wait")
        self.assertEqual(refused.returncode, 1)
        self.assertIn(f"{output}:1:1: error: another Guidepost build is writing this output folder (it holds {lock}); "
                      "wait for it to finish and try again, or leave out --no-wait to wait for it", refused.stderr)
        self.assertEqual(tree(output), before)
        waited = build(content, output)
        self.assertEqual(waited.returncode, 0, waited.stderr)
        self.assertIn(f"waiting for another build of {output} to finish (it holds {lock})…", waited.stderr)
        holder.wait()

    def test_a_literal_tilde_is_a_folder_name_and_home_is_refused(self):
        # Run as the unprivileged user "nobody" (home /nonexistent): a Guidepost that wrongly expanded "~"
        # could then touch nothing real. (A build from before the fix, run as root, moved /root aside.)
        content = self.content()
        home = os.path.join(self.work, "home")
        os.mkdir(home)
        for folder in (self.work, home):
            os.chown(folder, 65534, 65534)
        env = dict(os.environ, HOME=home)
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BINARY, "build",
                     "--content", content, "--templates", TEMPLATES, "--now", NOW, "--output"]
        result = subprocess.run(as_nobody + ["~"], capture_output=True, text=True, env=env, cwd=self.work, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.work, "~", "index.html")))
        self.assertEqual(os.listdir(home), [])
        refused = subprocess.run(as_nobody + [home], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(refused.returncode, 1)
        self.assertIn(f"{home}:1:1: error: the output folder cannot be your home folder; choose a new folder such as site", refused.stderr)
        self.assertEqual(os.listdir(home), [])

    def test_building_into_the_content_folder_or_dot_is_refused(self):
        content = self.content()
        before = tree(content)
        for output, relation in ((".", "contains"), ("content", "is"), ("content/en", "lies inside")):
            result = build("content", output, cwd=self.work)
            self.assertEqual(result.returncode, 1, output)
            self.assertIn(f"{output}:1:1: error: the output folder {relation} the source folder content, which a build would "
                          "replace or publish; choose a folder outside it, such as site", result.stderr)
        self.assertEqual(tree(content), before)
        self.assertFalse([name for name in os.listdir(self.work) if name.startswith(".")], "no spare or lock was made")

    def test_a_gh_pages_worktree_is_served_with_keep(self):
        content = self.content()
        output = os.path.join(self.work, "public")
        os.makedirs(os.path.join(output, ".git"))
        with open(os.path.join(output, ".git", "HEAD"), "w") as handle:
            handle.write("ref: refs/heads/gh-pages\n")
        with open(os.path.join(output, "CNAME"), "w") as handle:
            handle.write("guide.example.org\n")
        with open(os.path.join(output, "old.html"), "w") as handle:
            handle.write("a page of the old site\n")
        refused = build(content, output)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("error: this folder exists and was not made by Guidepost (it has no .guidepost-output file; "
                      "it holds .git, CNAME, old.html)", refused.stderr)
        self.assertTrue(os.path.isfile(os.path.join(output, "old.html")))
        os.remove(os.path.join(output, "old.html"))
        site_json = os.path.join(content, "site.json")
        with open(site_json, encoding="utf-8") as handle:
            config = json.load(handle)
        config["keep"] = [".git", "CNAME"]
        with open(site_json, "w", encoding="utf-8") as handle:
            json.dump(config, handle, ensure_ascii=False)
        for _ in range(3):
            result = build(content, output)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(os.path.join(output, ".git", "HEAD")) as handle:
                self.assertEqual(handle.read(), "ref: refs/heads/gh-pages\n")
            with open(os.path.join(output, "CNAME")) as handle:
                self.assertEqual(handle.read(), "guide.example.org\n")
            self.assertTrue(os.path.isfile(os.path.join(output, "fr", "index.html")))

    def test_an_unreadable_folder_is_an_error_not_a_silent_fallback(self):
        content = self.content()
        os.chmod(os.path.join(content, "en"), 0)
        output = os.path.join(self.work, "site")
        os.mkdir(output)
        os.chown(output, 65534, 65534)
        os.chown(self.work, 65534, 65534)
        result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BINARY, "build",
                                 "--content", content, "--templates", TEMPLATES, "--output", output, "--now", NOW],
                                capture_output=True, text=True, timeout=60)
        os.chmod(os.path.join(content, "en"), 0o755)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn(f"{content}/en:1:1: error: permission denied: this folder cannot be read; give yourself read access (chmod u+rx)",
                      result.stderr)
        self.assertEqual(os.listdir(output), [])

    def search_site(self):
        content = self.content()
        site_json = os.path.join(content, "site.json")
        with open(site_json, encoding="utf-8") as handle:
            config = json.load(handle)
        config["search"] = True
        with open(site_json, "w", encoding="utf-8") as handle:
            json.dump(config, handle, ensure_ascii=False)
        fake = os.path.join(self.work, "pagefind")
        pid_file = os.path.join(self.work, "pagefind.pid")
        with open(fake, "w") as handle:
            handle.write(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 1000\n")
        os.chmod(fake, 0o755)
        return content, fake, pid_file

    @staticmethod
    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                return handle.read().split()[2] != "Z"
        except FileNotFoundError:
            return False

    def test_a_hung_pagefind_is_stopped_after_its_timeout(self):
        content, fake, pid_file = self.search_site()
        output = os.path.join(self.work, "site")
        started = time.monotonic()
        result = build(content, output, "--pagefind", fake, "--pagefind-timeout", "2")
        self.assertLess(time.monotonic() - started, 30)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{fake}:1:1: error: Pagefind did not finish within 2 s and was stopped; check that it works on its own, "
                      "or allow more time with --pagefind-timeout", result.stderr)
        with open(pid_file) as handle:
            pid = int(handle.read())
        self.assertFalse(self.alive(pid))
        self.assertEqual(sorted(os.listdir(self.work)), [".site.lock", "content", "pagefind", "pagefind.pid"],
                         "the failed first build left no half-written spare and no output")

    def test_pagefind_dies_with_a_killed_build(self):
        content, fake, pid_file = self.search_site()
        output = os.path.join(self.work, "site")
        process = subprocess.Popen([BINARY, "build", "--content", content, "--templates", TEMPLATES, "--output", output,
                                    "--now", NOW, "--pagefind", fake], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            if os.path.exists(pid_file) and os.path.getsize(pid_file):
                break
            time.sleep(0.05)
        with open(pid_file) as handle:
            pid = int(handle.read())
        self.assertTrue(self.alive(pid))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for _ in range(100):
            if not self.alive(pid):
                break
            time.sleep(0.05)
        self.assertFalse(self.alive(pid), "Pagefind did not outlive the build")

    def test_a_full_disk_leaves_the_previous_site_and_no_spare(self):
        disk = os.path.join(self.work, "disk")
        os.mkdir(disk)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk], capture_output=True).returncode != 0:
            self.skipTest("cannot mount a small tmpfs here (needs root)")
        self.addCleanup(subprocess.run, ["umount", disk])
        content = self.content()
        templates = os.path.join(self.work, "templates")
        shutil.copytree(TEMPLATES, templates)
        output = os.path.join(disk, "site")
        first = subprocess.run([BINARY, "build", "--content", content, "--templates", templates, "--output", output, "--now", NOW],
                               capture_output=True, text=True)
        self.assertEqual(first.returncode, 0, first.stderr)
        before = tree(output)
        with open(os.path.join(templates, "assets", "big.bin"), "wb") as handle:
            handle.write(os.urandom(1_500_000))
        full = subprocess.run([BINARY, "build", "--content", content, "--templates", templates, "--output", output, "--now", NOW],
                              capture_output=True, text=True)
        self.assertEqual(full.returncode, 1)
        self.assertRegex(full.stderr, r"\.site\.spare/[^:]+:1:1: error: the disk is full, so this file could not be written; the site "
                                      r"needs about [0-9]+ [KM]B, and [0-9]+ [KM]B are free: free some "
                                      r"space and build again \(the previous site is left as it was\)")
        self.assertEqual(tree(output), before)
        self.assertEqual(sorted(os.listdir(disk)), [".site.lock", "site"], "the half-written spare was removed")


if __name__ == "__main__":
    unittest.main()
