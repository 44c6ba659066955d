import Content
import Diagnostics
import Foundation
import Images
import Site
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Page bundles, `static/`, checked image references, localized images with a fallback, the image cache.
@Suite struct ImageBundleTests {
    /// The basic fixture with its templates in a new folder; the image cache inside it.
    func makeSite() throws -> (BuildOptions, URL) {
        try Fixtures.copyOfBasicSite()
    }

    func write(_ bytes: [UInt8], _ path: String, in work: URL) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func append(_ text: String, to path: String, in work: URL) throws {
        let url = work.appendingPathComponent(path)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    func html(_ site: BuiltSite, _ path: String) -> String {
        String(decoding: site.files.first { $0.path == path }?.bytes ?? [], as: UTF8.self)
    }

    /// The stripes image made 480 pixels wide: another PNG, for the English screenshot.
    static let narrower = try! VipsCodec.process(TestImages.stripes, format: .png, settings: ImageSettings()).get()
        .variants.first { $0.format == .png && $0.width == 480 }!.bytes

    @Test func aBundleInThreeLanguagesFallsBackToTheSourceImageWhereOneIsMissing() throws {
        let (options, work) = try makeSite()
        try write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        try write(Self.narrower, "content/en/guides/steps/shot.png", in: work)
        for language in ["fr", "nl", "en"] {
            try append("\n![The privacy settings](shot.png)\n", to: "content/\(language)/guides/steps.md", in: work)
        }
        let site = try Guidepost.buildInMemory(options)
        let paths = Set(site.files.map(\.path))
        // French publishes its screenshot beside the page; Dutch, which has none, shows the French files where
        // the French page publishes them (not copied).
        #expect(paths.isSuperset(of: ["shot.480.webp", "shot.480.png", "shot.webp", "shot.png"].map { "fr/les-guides/etapes/" + $0 }))
        #expect(!paths.contains { $0.hasPrefix("nl/gidsen/stappen/shot") })
        for (page, folder) in [("fr/les-guides/etapes/", ""), ("nl/gidsen/stappen/", "../../../fr/les-guides/etapes/")] {
            #expect(
                html(site, page + "index.html").contains(
                    "<picture><source type=\"image/webp\" srcset=\"\(folder)shot.480.webp 480w, \(folder)shot.webp 600w\" sizes=\"(max-width: 44rem) calc(100vw - 2rem), 42rem\">"
                        + "<img src=\"\(folder)shot.png\" srcset=\"\(folder)shot.480.png 480w, \(folder)shot.png 600w\" sizes=\"(max-width: 44rem) calc(100vw - 2rem), 42rem\""
                        + " alt=\"The privacy settings\" width=\"600\" height=\"400\"></picture>"), "\(page)")
        }
        // English has its own, narrower screenshot.
        #expect(paths.isSuperset(of: ["en/guides/steps/shot.webp", "en/guides/steps/shot.png"]))
        #expect(!paths.contains("en/guides/steps/shot.480.png"))
        #expect(html(site, "en/guides/steps/index.html").contains("alt=\"The privacy settings\" width=\"480\" height=\"320\""))
        // Dutch borrows the French one: the board lists it.
        let dutch = work.appendingPathComponent("content/nl/guides/steps.md").path
        let problems = (site.audit?.problems ?? []).map(\.description).filter { $0.contains("image") }
        #expect(html(site, "translations/index.html").contains("new</a><br><small>image not localized: shot.png</small></td>"))
        #expect(
            problems == [
                "\(dutch):17:1: error: image not localized: \"shot.png\" is shown from the source language; add this language's version at \(work.path)/content/nl/guides/steps/shot.png"
            ])
    }

    @Test func aMissingImageIsALocatedErrorInEveryLanguage() throws {
        let (options, work) = try makeSite()
        try append("\nText ![The form](missing.png)\n", to: "content/fr/guides/steps.md", in: work)
        try append("\n![Het formulier](missing.png)\n", to: "content/nl/guides/steps.md", in: work)
        let content = work.appendingPathComponent("content").path
        do {
            _ = try Guidepost.buildInMemory(options)
            Issue.record("the build should fail")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(content)/fr/guides/steps.md:17:6: error: the file \"missing.png\" does not exist (looked for \(content)/fr/guides/steps/missing.png); add it there or fix the name (relative to the page's folder)",
                    "\(content)/nl/guides/steps.md:17:1: error: the file \"missing.png\" does not exist (looked for \(content)/nl/guides/steps/missing.png and \(content)/fr/guides/steps/missing.png); add it there or fix the name (relative to the page's folder)",
                ])
        }
    }

    @Test func anImageWithoutAltTextIsALocatedErrorAndADecorativeOneSaysSo() throws {
        let (options, work) = try makeSite()
        try write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        try append("\n![](shot.png)\n\n![ ](https://example.org/a.png)\n", to: "content/fr/guides/steps.md", in: work)
        let content = work.appendingPathComponent("content").path
        do {
            _ = try Guidepost.buildInMemory(options)
            Issue.record("the build should fail")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(content)/fr/guides/steps.md:17:1: error: the image \"shot.png\" has no alt text; say what it shows between the brackets, ![like this](shot.png), or write ![-](shot.png) if it is only decoration",
                    "\(content)/fr/guides/steps.md:19:1: error: the image \"https://example.org/a.png\" has no alt text; say what it shows between the brackets, ![like this](https://example.org/a.png), or write ![-](https://example.org/a.png) if it is only decoration",
                ])
        }
        try append("", to: "content/fr/guides/steps.md", in: work)
        let page = work.appendingPathComponent("content/fr/guides/steps.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "![](shot.png)", with: "![-](shot.png)")
            .replacingOccurrences(of: "![ ](https", with: "![-](https").write(to: page, atomically: true, encoding: .utf8)
        let site = try Guidepost.buildInMemory(options)
        let text = html(site, "fr/les-guides/etapes/index.html")
        #expect(text.contains("alt=\"\" width=\"600\" height=\"400\"></picture>"))
        #expect(text.contains("<img src=\"https://example.org/a.png\" alt=\"\" loading=\"lazy\" decoding=\"async\">"))
    }

    @Test func anSVGThatCouldRunCodeIsRefusedAtItsLine() throws {
        let (options, work) = try makeSite()
        try write(
            Array("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>\n".utf8),
            "content/fr/guides/steps/evil.svg", in: work)
        try append("\n![Diagram](evil.svg)\n", to: "content/fr/guides/steps.md", in: work)
        let content = work.appendingPathComponent("content").path
        do {
            _ = try Guidepost.buildInMemory(options)
            Issue.record("the build should fail")
        } catch {
            #expect(
                error.diagnostics.map(\.description).contains(
                    "\(content)/fr/guides/steps/evil.svg:2:3: error: this SVG contains <script, which could run code in the reader's browser; Guidepost publishes no SVG with scripts, event attributes, javascript: URLs or foreignObject, so remove it"
                ))
        }
    }

    @Test func staticFilesAndLinkedFilesArePublishedAndReachedByRelativeURLs() throws {
        let (options, work) = try makeSite()
        try write(
            Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"></svg>".utf8), "content/static/logo.svg", in: work)
        try write(Array("%PDF-1.4 form".utf8), "content/fr/guides/steps/form.pdf", in: work)
        try append("\n![-](/static/logo.svg) [Le formulaire](form.pdf)\n", to: "content/fr/guides/steps.md", in: work)
        let site = try Guidepost.buildInMemory(options)
        let paths = Set(site.files.map(\.path))
        #expect(paths.isSuperset(of: ["static/logo.svg", "fr/les-guides/etapes/form.pdf"]))
        let text = html(site, "fr/les-guides/etapes/index.html")
        #expect(
            text.contains(
                "<img src=\"../../../static/logo.svg\" alt=\"\" width=\"40\" height=\"20\"> <a href=\"form.pdf\">Le formulaire</a>"))
    }

    @Test func aDraftsFilesAreNotPublishedUnderAnotherPage() throws {
        let (options, work) = try makeSite()
        try Data("{\"title\": \"Plan\", \"draft\": true}\n\n![The plan](plan.pdf)\n".utf8)
            .write(to: work.appendingPathComponent("content/fr/guides/secret.md"))
        try write(Array("%PDF secret".utf8), "content/fr/guides/secret/plan.pdf", in: work)
        let site = try Guidepost.buildInMemory(options)
        #expect(!site.files.contains { $0.path.hasSuffix("plan.pdf") })
    }

    @Test func aFileThatWouldReplaceThePageIsAnError() throws {
        let (options, work) = try makeSite()
        try write(Array("<p>not the page</p>".utf8), "content/fr/guides/steps/index.html", in: work)
        do {
            _ = try Guidepost.buildInMemory(options)
            Issue.record("the build should fail")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(work.path)/content/fr/guides/steps/index.html:1:1: error: a file named index.html in a page's folder would replace the page itself; rename it"
                ])
        }
    }

    @Test func processedImagesAreCachedAndTheSameInputsGiveTheSameBytes() throws {
        var (options, work) = try makeSite()
        options.imageCache = work.appendingPathComponent("cache").path
        try write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        try append("\n![The privacy settings](shot.png)\n", to: "content/fr/guides/steps.md", in: work)
        let cold = try Guidepost.buildInMemory(options).files
        // One entry (named by its key) and its four variant files.
        let entries = try FileManager.default.contentsOfDirectory(atPath: options.imageCache!).filter {
            !$0.hasPrefix("keys-") && !$0.contains(".")
        }
        #expect(entries.count == 1)
        let warm = try Guidepost.buildInMemory(options).files
        #expect(cold == warm)
        // A damaged cache entry is encoded again, to the same bytes.
        try Data("guidepost-image 2\npng\n1 1 png 99 0 0\n".utf8).write(to: URL(fileURLWithPath: options.imageCache! + "/" + entries[0]))
        #expect(try Guidepost.buildInMemory(options).files == cold)
        // Without the cache folder, too.
        options.imageCache = work.appendingPathComponent("other-cache").path
        #expect(try Guidepost.buildInMemory(options).files == cold)
    }

    @Test func aChangedImageIsReadAgainEvenWithItsSizeAndModificationTimeKept() throws {
        var (options, work) = try makeSite()
        options.imageCache = work.appendingPathComponent("cache").path
        let image = work.appendingPathComponent("content/fr/guides/steps/shot.png")
        try write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        try append("\n![The privacy settings](shot.png)\n", to: "content/fr/guides/steps.md", in: work)
        _ = try Guidepost.buildInMemory(options)
        // Same size, same modification time, other bytes: the build must see the change.
        var before = stat()
        #expect(stat(image.path, &before) == 0)
        var bytes = TestImages.stripes
        bytes[bytes.count / 2] ^= 0xFF
        // Written in place (same inode), then its modification time put back.
        let handle = try FileHandle(forWritingTo: image)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, image.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(image.path, &after) == 0)
        #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size && after.st_ino == before.st_ino)
        // The flipped byte damages the PNG's pixel data. Read again, the file is refused as it now is; had the
        // recorded size and time been trusted, the cached image of the old bytes would have been published.
        #expect {
            _ = try Guidepost.buildInMemory(options)
        } throws: { error in
            let messages = (error as? BuildFailure)?.diagnostics.map(\.message) ?? []
            return messages.count == 1 && messages[0].hasPrefix("the image cannot be decoded (libvips: ")
                && (error as? BuildFailure)?.diagnostics.first?.location.path == image.path
        }
        // And no key is kept for it: the next build reads it again.
        let memo = try FileManager.default.contentsOfDirectory(atPath: options.imageCache!).first { $0.hasPrefix("keys-") }
        let lines = try String(contentsOfFile: options.imageCache! + "/" + #require(memo), encoding: .utf8).split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix(image.path + "\t") })
    }

    @Test func theDefaultCacheIsBesideTheContentFolder() {
        #expect(BuildOptions(contentDirectory: "content", now: Fixtures.now).imageCacheFolder == "./.guidepost-cache/images")
        #expect(
            BuildOptions(contentDirectory: "/srv/guide/content/", now: Fixtures.now).imageCacheFolder
                == "/srv/guide/.guidepost-cache/images")
    }

    @Test func serveUpdatesThePagesThatShowAnImageWhenItIsAddedReplacedOrDeleted() throws {
        var (options, work) = try makeSite()
        options.imageCache = work.appendingPathComponent("cache").path
        let french = work.appendingPathComponent("content/fr/guides/steps/shot.png")
        try write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        for language in ["fr", "nl", "en"] {
            try append("\n![The privacy settings](shot.png)\n", to: "content/\(language)/guides/steps.md", in: work)
        }
        let live = LiveSite(options: options)
        #expect(String(decoding: live.file("nl/gidsen/stappen/index.html") ?? [], as: UTF8.self).contains("width=\"600\" height=\"400\""))

        // Replaced: the pages that show it change, the others are reused.
        try Data(Self.narrower).write(to: french)
        let replaced = live.rebuild(trigger: [french.path])
        #expect(replaced.errors == [])
        #expect(
            replaced.renderedPages.sorted() == [
                "en/guides/steps/index.html", "fr/les-guides/etapes/index.html", "nl/gidsen/stappen/index.html",
            ])
        #expect(String(decoding: live.file("nl/gidsen/stappen/index.html") ?? [], as: UTF8.self).contains("width=\"480\" height=\"320\""))
        #expect(live.file("nl/gidsen/stappen/shot.480.png") == nil)

        // Added in Dutch: only the Dutch page changes.
        let dutch = work.appendingPathComponent("content/nl/guides/steps/shot.png")
        try write(TestImages.stripes, "content/nl/guides/steps/shot.png", in: work)
        #expect(live.rebuild(trigger: [dutch.path]).renderedPages == ["nl/gidsen/stappen/index.html"])
        #expect(live.file("nl/gidsen/stappen/shot.480.png") != nil)

        // Deleted: the pages that showed it report the missing file, the last good version stays served.
        try FileManager.default.removeItem(at: french)
        let deleted = live.rebuild(trigger: [french.path])
        #expect(deleted.errors.count == 2)
        #expect(deleted.errors.allSatisfy { $0.contains("error: the file \"shot.png\" does not exist") })
        #expect(live.file("fr/les-guides/etapes/shot.png") != nil)
    }
}
