"""Images in a real build: a 3 MB phone screenshot becomes WebP and PNG at 480, 960 and 1440 px, a photo's GPS
EXIF is gone from every published file, a translation without its own image falls back to the source's, an
image between checklist items stays in its item; the pages pass the Nu checker, the link crawl (srcset
candidates included) and fit a 390 px screen."""
import io
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import exifread
from PIL import Image

from browser import chromium
from linkcheck import check_site
from support import BINARY, ROOT, Server
from test_validation import ValidationTests

STEPS = {"fr": "les-guides/etapes", "nl": "gidsen/stappen", "en": "guides/steps"}
GPS_TAG = 0x8825


def make_content(work):
    """The basic fixture plus a 3 MB noise PNG and a JPEG photo with GPS coordinates (French bundle only)."""
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), content)
    bundle = os.path.join(content, "fr", "guides", "steps")
    os.makedirs(bundle)
    # Noise does not compress: 1600 × 800 RGB is a 3 MB PNG, the size of a phone screenshot.
    Image.effect_noise((1600, 800), 80).convert("RGB").save(os.path.join(bundle, "screen.png"))
    photo = Image.new("RGB", (800, 600), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_TAG] = {1: "N", 2: (50.0, 50.0, 30.0), 3: "E", 4: (4.0, 21.0, 10.0)}
    photo.save(os.path.join(bundle, "photo.jpg"), exif=exif, quality=90)
    for language in STEPS:
        with open(os.path.join(content, language, "guides", "steps.md"), "a", encoding="utf-8") as page:
            page.write("\n![The settings screen](screen.png)\n\n- [ ] Open the menu\n\n![The menu, open](photo.jpg)\n\n- [ ] Tap Settings\n")
    return content


def build(content, output, cache):
    subprocess.run([BINARY, "build", "--content", content, "--templates", os.path.join(ROOT, "templates"), "--output", output,
                    "--image-cache", cache, "--now", "2025-05-24T10:00:00Z"], check=True, capture_output=True)


def snapshot(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, folder)] = handle.read()
    return files


class ImageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="guidepost-images-")
        cls.content = make_content(cls.work)
        cls.cache = os.path.join(cls.work, "cache")
        cls.site = os.path.join(cls.work, "site")
        build(cls.content, cls.site, cls.cache)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def page(self, language):
        with open(os.path.join(self.site, language, STEPS[language], "index.html"), encoding="utf-8") as handle:
            return handle.read()

    def test_the_source_screenshot_is_3_mb(self):
        self.assertGreater(os.path.getsize(os.path.join(self.content, "fr", "guides", "steps", "screen.png")), 3_000_000)

    def test_a_large_png_becomes_webp_and_png_at_each_width(self):
        # Published beside the French page; the translations, which have no screenshot of their own, show these.
        for language in ["fr"]:
            folder = os.path.join(self.site, language, STEPS[language])
            found = {}
            for name in sorted(os.listdir(folder)):
                if name.startswith("screen."):
                    with Image.open(os.path.join(folder, name)) as image:
                        found[name] = (image.format, image.size)
            self.assertEqual(found, {
                "screen.480.webp": ("WEBP", (480, 240)), "screen.480.png": ("PNG", (480, 240)),
                "screen.960.webp": ("WEBP", (960, 480)), "screen.960.png": ("PNG", (960, 480)),
                "screen.webp": ("WEBP", (1440, 720)), "screen.png": ("PNG", (1440, 720)),
            }, language)
            self.assertLess(os.path.getsize(os.path.join(folder, "screen.480.webp")), 3_000_000 / 10)

    def test_the_html_has_srcset_sizes_dimensions_and_lazy_loading_after_the_first_image(self):
        html = self.page("nl")
        sizes = 'sizes="(max-width: 44rem) calc(100vw - 2rem), 42rem"'
        f = "../../../fr/les-guides/etapes/"
        self.assertIn(f'<picture><source type="image/webp" srcset="{f}screen.480.webp 480w, {f}screen.960.webp 960w, {f}screen.webp 1440w" '
                      + sizes + f'><img src="{f}screen.png" srcset="{f}screen.480.png 480w, {f}screen.960.png 960w, {f}screen.png 1440w" '
                      + sizes + ' alt="The settings screen" width="1440" height="720"></picture>', html)
        self.assertFalse([n for n in os.listdir(os.path.join(self.site, "nl", STEPS["nl"])) if n != "index.html"])
        self.assertIn('alt="The menu, open" width="800" height="600" loading="lazy" decoding="async"></picture>', html)
        self.assertEqual(len(re.findall(r'loading="lazy"', html)), 1)

    def test_gps_and_every_other_exif_field_is_stripped(self):
        with open(os.path.join(self.content, "fr", "guides", "steps", "photo.jpg"), "rb") as handle:
            self.assertIn("GPS GPSLatitude", exifread.process_file(handle, details=False))
        published = [os.path.join(self.site, "fr", STEPS["fr"], name) for name in ("photo.jpg", "photo.webp", "photo.480.jpg", "photo.480.webp")]
        for path in published:
            with open(path, "rb") as handle:
                data = handle.read()
            self.assertEqual(exifread.process_file(io.BytesIO(data), details=False), {}, path)
            with Image.open(io.BytesIO(data)) as image:
                self.assertEqual(dict(image.getexif()), {}, path)
                self.assertNotIn("exif", image.info, path)

    def test_a_checklist_with_an_image_between_items_is_one_checklist(self):
        html = self.page("fr")
        self.assertEqual(len(re.findall(r'<div class="checklist"', html)), 2)  # the fixture's own list, then this one
        self.assertIn('data-checklist="check-guides-steps-2" data-count="2"', html)
        item = html.split('id="check-guides-steps-2-1"')[1].split("</li>")[0]
        self.assertIn('alt="The menu, open"', item)

    def test_the_same_inputs_give_the_same_bytes_cold_and_warm(self):
        warm = os.path.join(self.work, "warm")
        build(self.content, warm, self.cache)
        cold = os.path.join(self.work, "cold")
        build(self.content, cold, os.path.join(self.work, "fresh-cache"))
        first = snapshot(self.site)
        self.assertEqual(snapshot(warm), first)
        self.assertEqual(snapshot(cold), first)

    def test_the_pages_pass_the_nu_checker(self):
        ValidationTests("validate").validate(self.site)

    def test_every_image_and_srcset_candidate_resolves(self):
        server = Server(self.site)
        try:
            problems, seen = check_site([server.url + language + "/" + STEPS[language] + "/" for language in STEPS], server.url)
            self.assertEqual(problems, [])
        finally:
            server.close()

    def test_no_horizontal_scrolling_at_390_px_with_images(self):
        server = Server(self.site)
        driver = chromium(width=390, height=844)
        try:
            for language in STEPS:
                driver.get(server.url + language + "/" + STEPS[language] + "/")
                width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                self.assertLessEqual(width[0], width[1], language)
                shown = driver.execute_script(
                    "return Array.from(document.images).map(i => [i.currentSrc.split('/').pop(), i.getBoundingClientRect().right, window.innerWidth])")
                self.assertEqual(len(shown), 2)
                self.assertTrue(all(right <= inner for _, right, inner in shown), shown)
                # The browser picks a WebP candidate narrower than the original.
                self.assertTrue(all(src.endswith(".webp") and src.split(".")[1].isdigit() for src, _, _ in shown), shown)
        finally:
            driver.quit()
            server.close()


class LazyVipsTests(unittest.TestCase):
    def test_libvips_is_loaded_only_when_an_image_is_processed(self):
        """libvips and its ~100 dependencies are not linked: loading them cost every run, images or not, most of
        its start-up time and memory (README, Performance). `--help` maps none of them (the tests above process images)."""
        libraries = subprocess.run(["ldd", BINARY], capture_output=True, text=True, check=True).stdout
        self.assertNotIn("libvips", libraries)
        self.assertNotIn("libglib", libraries)
        loaded = subprocess.run([BINARY, "--help"], capture_output=True, text=True, env=dict(os.environ, LD_DEBUG="files"))
        self.assertEqual(loaded.returncode, 0)
        self.assertNotIn("libvips", loaded.stderr)

    def test_a_missing_libvips_is_an_error_on_the_image_that_says_how_to_fix_it(self):
        """Without libvips (hidden here by mounting /dev/null over it in a private mount namespace), a site with a
        raster image fails on that image with what to install; before, the program could not start at all."""
        library = next((os.path.realpath(p) for p in ("/usr/lib/x86_64-linux-gnu/libvips.so.42", "/lib/x86_64-linux-gnu/libvips.so.42")
                        if os.path.exists(p)), None)
        if library is None or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
            self.skipTest("needs libvips.so.42 and unshare -m (root)")
        work = tempfile.mkdtemp(prefix="guidepost-no-vips-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), content)
            bundle = os.path.join(content, "fr", "guides", "steps")
            os.makedirs(bundle)
            Image.new("RGB", (700, 500), (9, 99, 199)).save(os.path.join(bundle, "b.png"))
            with open(os.path.join(content, "fr", "guides", "steps.md"), "a", encoding="utf-8") as page:
                page.write("\n![B](b.png)\n")
            script = (f"mount --bind /dev/null '{library}' && exec '{BINARY}' build --content content --templates '{ROOT}/templates' "
                      "--output site --image-cache cache --now 2026-11-22T08:00:00Z")
            result = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=work, capture_output=True, text=True)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("content/fr/guides/steps/b.png:1:1: error: libvips (libvips.so.42), which resizes and encodes raster "
                          "images, could not be loaded; install it (Debian: libvips42, which make site installs), or use only SVG "
                          "images\n", result.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)


class ImageMemoryTests(unittest.TestCase):
    def test_processing_images_leaks_nothing(self):
        """The vips wrapper releases every image and buffer: valgrind over a build that encodes a PNG and a JPEG.
        VIPS_NOVECTOR turns off libvips' run-time generated SIMD code, which valgrind cannot follow. Only leaks
        count: libheif, which libvips loads, frees its own static tables with the wrong call at exit."""
        work = tempfile.mkdtemp(prefix="guidepost-vg-images-")
        try:
            content = os.path.join(work, "content")
            shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), content)
            bundle = os.path.join(content, "fr", "guides", "steps")
            os.makedirs(bundle)
            Image.effect_noise((1000, 600), 60).convert("RGB").save(os.path.join(bundle, "a.png"))
            Image.new("RGB", (700, 500), (9, 99, 199)).save(os.path.join(bundle, "b.jpg"))
            with open(os.path.join(content, "fr", "guides", "steps.md"), "a", encoding="utf-8") as page:
                page.write("\n![A](a.png) ![B](b.jpg)\n")
            result = subprocess.run(["valgrind", "--soname-synonyms=somalloc=*mimalloc*",
                                     "--suppressions=" + os.path.join(ROOT, "Tests", "valgrind", "foundation.supp"),
                                     "--leak-check=full", "--show-leak-kinds=definite,indirect", BINARY, "build",
                                     "--content", content, "--templates", os.path.join(ROOT, "templates"),
                                     "--output", os.path.join(work, "site"), "--image-cache", os.path.join(work, "cache"),
                                     "--now", "2026-11-22T08:00:00Z"],
                                    capture_output=True, text=True, env=dict(os.environ, VIPS_NOVECTOR="1"))
            self.assertEqual(result.returncode, 0, result.stderr[-3000:])
            self.assertIn("definitely lost: 0 bytes in 0 blocks", result.stderr)
            self.assertIn("indirectly lost: 0 bytes in 0 blocks", result.stderr)
            self.assertTrue(os.path.exists(os.path.join(work, "site", "fr", "les-guides", "etapes", "a.480.webp")))
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()


class DamagedImageMessageTests(unittest.TestCase):
    def test_a_damaged_image_gets_located_errors_and_no_libvips_chatter(self):
        # libvips logs what it meets while decoding as GLib warnings ("(process:…): VIPS-WARNING **: IDAT: …");
        # the file already gets a path:line:column error, so nothing else may reach the terminal.
        work = tempfile.mkdtemp(prefix="guidepost-damaged-")
        self.addCleanup(shutil.rmtree, work, ignore_errors=True)
        corpus = os.path.join(ROOT, "Tests", "Fixtures", "invalid")
        shutil.copytree(os.path.join(corpus, "_base"), work, dirs_exist_ok=True)
        shutil.copytree(os.path.join(corpus, "undecodable-image"), work, dirs_exist_ok=True)
        run = subprocess.run([BINARY, "build", "--content", os.path.join(work, "content"), "--templates", os.path.join(ROOT, "templates"),
                              "--output", os.path.join(work, "site"), "--now", "2026-11-22T08:00:00Z"],
                             capture_output=True, text=True, check=False)
        self.assertNotEqual(run.returncode, 0)
        self.assertNotIn("VIPS-WARNING", run.stderr)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        self.assertIn("content/en/guides/steps/settings.png:1:1: error: the image cannot be decoded", run.stderr)
        for line in lines:
            self.assertRegex(line, r"^(\S+:\d+:\d+: (error|warning): |build failed: )", line)
