"""Headless Chromium (Debian's chromium and chromium-driver) driven by selenium."""
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium(javascript=True, width=1280, height=900, languages=None):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={width},{height}"):
        options.add_argument(flag)
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if languages:
        prefs["intl.accept_languages"] = ",".join(languages)
        options.add_argument("--lang=" + languages[0])
    if prefs:
        options.add_experimental_option("prefs", prefs)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def freeze_clock(driver, epoch_millis):
    """Makes `new Date()` and `Date.now()` return `epoch_millis` on every page loaded afterwards."""
    script = """
    (function () {
      var fixed = %d; var Real = Date;
      function Fake() { var args = Array.prototype.slice.call(arguments);
        return args.length ? new (Function.prototype.bind.apply(Real, [null].concat(args)))() : new Real(fixed); }
      Fake.prototype = Real.prototype; Fake.now = function () { return fixed; };
      Fake.UTC = Real.UTC; Fake.parse = Real.parse; window.Date = Fake;
    })();""" % epoch_millis
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})
