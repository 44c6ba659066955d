"""The .ics files parse with a real RFC 5545 parser (icalendar) and say the right thing."""
import datetime
import glob
import os
import unittest

import icalendar


def read(path, mode="rb"):
    with open(path, mode) as handle:
        return handle.read()

from support import SITE, build_fixture


class CalendarTests(unittest.TestCase):
    def check_file(self, path, last_day, stamp):
        raw = read(path)
        for line in raw.split(b"\r\n"):
            self.assertLessEqual(len(line), 75, f"{path}: a line longer than 75 octets is not folded")
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), f"{path}: lines must end with CRLF")
        calendar = icalendar.Calendar.from_ical(raw)
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        self.assertEqual(len(events), 1)
        event = events[0]
        self.assertEqual(event.decoded("DTSTART"), last_day)
        self.assertEqual(event.decoded("DTEND"), last_day + datetime.timedelta(days=1))
        self.assertEqual(event.decoded("DTSTAMP"), stamp)
        self.assertTrue(str(event["UID"]).endswith("@" + str(event["UID"]).split("@")[1]))
        alarms = [c for c in event.walk() if c.name == "VALARM"]
        self.assertEqual(len(alarms), 1)
        self.assertEqual(alarms[0].decoded("TRIGGER"), datetime.timedelta(days=-3))
        return event

    def test_fixture_calendars(self):
        site = build_fixture("basic")
        stamp = datetime.datetime(2025, 5, 24, 10, 0, tzinfo=datetime.timezone.utc)
        for language in ("fr", "nl", "en"):
            event = self.check_file(os.path.join(site, "calendar", f"demo.{language}.ics"), datetime.date(2025, 5, 26), stamp)
            self.assertEqual(str(event["UID"]), f"demo-deadline-{language}@example.org")
        summary = str(icalendar.Calendar.from_ical(read(os.path.join(site, "calendar", "demo.fr.ics"))).walk("VEVENT")[0]["SUMMARY"])
        self.assertEqual(summary, "Dernier jour pour s’opposer\u202f: Campagne d’essai")

    def test_committed_site_has_no_calendar_for_a_past_deadline(self):
        # The guide's deadline (26 May 2025 inclusive) has passed at the build's "now": no reminder is offered.
        self.assertEqual(sorted(glob.glob(os.path.join(SITE, "calendar", "*.ics"))), [])
        for language, page in (("fr", "index.html"), ("nl", "index.html"), ("en", "index.html")):
            html = read(os.path.join(SITE, language, page), "r")
            self.assertIn('data-state="passed"', html)
            self.assertNotIn(".ics", html)

    def test_folding_and_escaping_of_long_text(self):
        # A long title with commas and semicolons survives folding and escaping intact.
        import subprocess, tempfile, shutil, json
        from support import ROOT, BINARY
        work = tempfile.mkdtemp()
        shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), os.path.join(work, "content"))
        facts_path = os.path.join(work, "content", "facts", "demo.json")
        facts = json.loads(read(facts_path, "r"))
        title = "Un titre très long, avec des virgules; des points-virgules \\ et des accents éèà, " * 3
        facts["title"]["text"]["fr"] = title
        with open(facts_path, "w") as handle:
            json.dump(facts, handle, ensure_ascii=False)
        subprocess.run([BINARY, "build", "--content", os.path.join(work, "content"), "--templates", os.path.join(ROOT, "templates"),
                        "--output", os.path.join(work, "site"), "--now", "2025-05-24T10:00:00Z"], check=True, capture_output=True)
        path = os.path.join(work, "site", "calendar", "demo.fr.ics")
        event = self.check_file(path, datetime.date(2025, 5, 26), datetime.datetime(2025, 5, 24, 10, 0, tzinfo=datetime.timezone.utc))
        self.assertEqual(str(event["SUMMARY"]), "Dernier jour pour s’opposer\u202f: " + title)

    def test_line_breaks_in_a_title_cannot_add_properties(self):
        # Issue 14: a CR, LF or CRLF in a campaign title used to start new properties (ATTACH, END:VEVENT) in the .ics.
        import subprocess, tempfile, shutil, json
        from support import ROOT, BINARY
        work = tempfile.mkdtemp()
        shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic", "content"), os.path.join(work, "content"))
        facts_path = os.path.join(work, "content", "facts", "demo.json")
        facts = json.loads(read(facts_path, "r"))
        title = "Evil\r\nATTACH:https://evil.example/x\nEND:VEVENT\rBEGIN:VALARM;x,y\\z"
        facts["title"]["text"]["fr"] = title
        with open(facts_path, "w") as handle:
            json.dump(facts, handle, ensure_ascii=False)
        subprocess.run([BINARY, "build", "--content", os.path.join(work, "content"), "--templates", os.path.join(ROOT, "templates"),
                        "--output", os.path.join(work, "site"), "--now", "2025-05-24T10:00:00Z"], check=True, capture_output=True)
        path = os.path.join(work, "site", "calendar", "demo.fr.ics")
        event = self.check_file(path, datetime.date(2025, 5, 26), datetime.datetime(2025, 5, 24, 10, 0, tzinfo=datetime.timezone.utc))
        self.assertNotIn("ATTACH", event)
        self.assertEqual(str(event["SUMMARY"]), "Dernier jour pour s’opposer\u202f: " + title.replace("\r\n", "\n").replace("\r", "\n"))


if __name__ == "__main__":
    unittest.main()
