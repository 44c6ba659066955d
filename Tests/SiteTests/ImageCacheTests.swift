import Foundation
import Images
import Output
import Site
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The image cache as the output uses it: variants are linked from the cache, never read on a warm build,
/// never written into, and a damaged cache file is encoded again rather than published.
@Suite struct ImageCacheTests {
    /// A site with one screenshot shown by the French page, built into `work/site` with its cache in `cache`.
    func makeSite(cache: String? = nil) throws -> (BuildOptions, URL) {
        var (options, work) = try ImageBundleTests().makeSite()
        options.imageCache = cache ?? work.appendingPathComponent("cache").path
        options.outputDirectory = work.appendingPathComponent("site").path
        try ImageBundleTests().write(TestImages.stripes, "content/fr/guides/steps/shot.png", in: work)
        try ImageBundleTests().append("\n![The privacy settings](shot.png)\n", to: "content/fr/guides/steps.md", in: work)
        return (options, work)
    }

    static let variants = ["shot.480.webp", "shot.480.png", "shot.webp", "shot.png"].map { "fr/les-guides/etapes/" + $0 }

    func identity(_ path: String) -> (device: UInt64, inode: UInt64, links: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_nlink))
    }

    /// The variant files of the cache (`<key>.<width>.<format>`).
    func cacheFiles(_ options: BuildOptions) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: options.imageCache!).filter { !$0.hasPrefix("keys-") && $0.contains(".") }
            .sorted().map { options.imageCache! + "/" + $0 }
    }

    /// Every regular file under `folder`, by relative path.
    func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }

    /// Whether the output file `path` is one of the cache's variant files (the same inode).
    func isLinked(_ path: String, _ options: BuildOptions) throws -> Bool {
        guard let published = identity(options.outputDirectory + "/" + path) else { return false }
        return try cacheFiles(options).contains {
            identity($0).map { $0.device == published.device && $0.inode == published.inode } ?? false
        }
    }

    @Test func aWarmBuildLinksEveryVariantFromTheCacheWithoutHoldingItsBytes() throws {
        let (options, work) = try makeSite()
        _ = try Guidepost.build(options)
        let cold = try contents(of: options.outputDirectory)
        for path in Self.variants { #expect(try isLinked(path, options), "\(path)") }
        // The warm build holds no image bytes: every variant is a file of the cache, linked, not read.
        let site = try Guidepost.buildInMemory(options)
        for path in Self.variants {
            let file = try #require(site.files.first { $0.path == path })
            #expect(file.source.map { $0.hasPrefix(options.imageCache!) } == true, "\(path)")
        }
        _ = try Guidepost.build(options)
        for path in Self.variants { #expect(try isLinked(path, options), "\(path)") }
        #expect(try contents(of: options.outputDirectory) == cold)
        // Byte-identical to a build with an empty cache into an empty output.
        var fresh = options
        fresh.imageCache = work.appendingPathComponent("fresh-cache").path
        fresh.outputDirectory = work.appendingPathComponent("fresh-site").path
        _ = try Guidepost.build(fresh)
        #expect(try contents(of: fresh.outputDirectory) == cold)
    }

    @Test func aCacheFileChangedInPlaceOrMissingIsEncodedAgainNotPublished() throws {
        let (options, _) = try makeSite()
        _ = try Guidepost.build(options)
        let cold = try contents(of: options.outputDirectory)
        let files = try cacheFiles(options)
        #expect(files.count == 4)
        // Written through the link in the output, in place (as an image optimiser might): the cache's file
        // changes with it, and the next build must notice and publish the encoded image again.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: options.outputDirectory + "/" + Self.variants[3]))
        try handle.write(contentsOf: Data("not a PNG".utf8))
        try handle.close()
        _ = try Guidepost.build(options)
        #expect(try contents(of: options.outputDirectory) == cold)
        // A variant file deleted from the cache.
        try FileManager.default.removeItem(atPath: files[0])
        _ = try Guidepost.build(options)
        #expect(try contents(of: options.outputDirectory) == cold)
        #expect(try cacheFiles(options).count == 4)
        for path in Self.variants { #expect(try isLinked(path, options), "\(path)") }
    }

    @Test func aChangedImageIsEncodedAgainAndTheOldCacheFilesAreNotWrittenInto() throws {
        let (options, work) = try makeSite()
        _ = try Guidepost.build(options)
        let before = try Dictionary(uniqueKeysWithValues: cacheFiles(options).map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) })
        try ImageBundleTests().write(ImageBundleTests.narrower, "content/fr/guides/steps/shot.png", in: work)
        // Twice: the second build brings the spare folder, whose files are links into the old entry, up to date.
        _ = try Guidepost.build(options)
        _ = try Guidepost.build(options)
        let published = try Data(contentsOf: URL(fileURLWithPath: options.outputDirectory + "/fr/les-guides/etapes/shot.png"))
        let expected = try VipsCodec.process(ImageBundleTests.narrower, format: .png, settings: ImageSettings()).get()
        #expect([UInt8](published) == expected.widest(.png)?.bytes)
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory + "/fr/les-guides/etapes/shot.480.png"))
        for (path, bytes) in before { #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(path)") }
    }

    @Test func aCacheOnAnotherFileSystemIsCopiedOnceAndThenKept() throws {
        // /dev/shm is a tmpfs on Linux, another file system than the temporary folder's disk.
        var shared = stat()
        var temporary = stat()
        guard stat("/dev/shm", &shared) == 0, stat(NSTemporaryDirectory(), &temporary) == 0, shared.st_dev != temporary.st_dev else {
            return
        }
        let cache = "/dev/shm/guidepost-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let (options, work) = try makeSite(cache: cache)
        _ = try Guidepost.build(options)
        let cold = try contents(of: options.outputDirectory)
        var fresh = options
        fresh.imageCache = work.appendingPathComponent("fresh-cache").path
        fresh.outputDirectory = work.appendingPathComponent("fresh-site").path
        _ = try Guidepost.build(fresh)
        #expect(try contents(of: fresh.outputDirectory) == cold)
        for path in Self.variants { #expect(identity(options.outputDirectory + "/" + path)?.links == 1, "\(path): a copy") }
        // The next build finds the copies in the spare folder (the first build's output, swapped back) by
        // their size and modification time and keeps them instead of copying again.
        _ = try Guidepost.build(options)
        let spare = SiteWriter.spareFolder(for: options.outputDirectory).path
        let kept = Self.variants.map { identity(spare + "/" + $0)?.inode }
        _ = try Guidepost.build(options)
        #expect(Self.variants.map { identity(options.outputDirectory + "/" + $0)?.inode } == kept)
        #expect(try contents(of: options.outputDirectory) == cold)
    }

    @Test func serveAnswersEachVariantFromItsCacheFile() throws {
        let (options, _) = try makeSite()
        let live = LiveSite(options: options, useClock: false)
        let expected = try VipsCodec.process(TestImages.stripes, format: .png, settings: ImageSettings()).get()
        #expect(live.file("fr/les-guides/etapes/shot.png") == expected.widest(.png)?.bytes)
        // The cache emptied under a running preview: the image is no longer there, rather than empty.
        try FileManager.default.removeItem(atPath: options.imageCache!)
        #expect(live.file("fr/les-guides/etapes/shot.png") == nil)
        #expect(live.file("fr/les-guides/etapes/index.html") != nil)
    }
}
