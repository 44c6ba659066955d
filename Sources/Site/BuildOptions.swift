import Foundation
import Images

/// Everything `guidepost build` needs, resolved from flags and the environment.
public struct BuildOptions: Sendable {
    /// The content folder (`content`).
    public var contentDirectory: String
    /// The templates folder (`templates`).
    public var templatesDirectory: String
    /// The output folder (`site`).
    public var outputDirectory: String
    /// The build's "now".
    public var now: Date
    /// Whether drafts are published.
    public var includeDrafts: Bool
    /// Overrides `site.json`'s base URL.
    public var baseURL: String?
    /// The Pagefind executable, when `site.json` turns search on (default: `pagefind` on the `PATH`).
    public var pagefind: String?
    /// Whether translation problems (missing, stale, different facts or structure) fail the build.
    public var strict: Bool = false
    /// Folders the output may never be (the command line passes the user's home folder).
    public var protectedFolders: [String] = []
    /// Whether a build waits for another one writing the same output (else it fails at once).
    public var waitForLock: Bool = true
    /// Told once, with the lock file's path, when the build starts waiting for another.
    public var waiting: @Sendable (String) -> Void = { _ in }
    /// How long Pagefind may run before it is stopped, in seconds.
    public var pagefindTimeout: Int = 600
    /// Where processed images are cached (nil: `.guidepost-cache/images` beside the content folder).
    public var imageCache: String?
    /// The widths and encoder settings of published raster images.
    public var imageSettings = ImageSettings()

    /// The image cache folder in use: `imageCache`, else `.guidepost-cache/images` beside the content folder.
    public var imageCacheFolder: String {
        if let imageCache { return imageCache }
        var content = contentDirectory
        while content.count > 1, content.hasSuffix("/") { content.removeLast() }
        let parent = content.lastIndex(of: "/").map { content[..<$0].isEmpty ? "/" : String(content[..<$0]) } ?? "."
        return (parent.hasSuffix("/") ? parent : parent + "/") + ".guidepost-cache/images"
    }

    /// Creates options.
    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "site", now: Date, includeDrafts: Bool = false, baseURL: String? = nil,
                pagefind: String? = nil) {
        self.pagefind = pagefind
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.now = now
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }

    /// "Now": the `--now` value, else `SOURCE_DATE_EPOCH`, else the clock.
    public static func resolveNow(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        if let flag {
            guard let date = parseInstant(flag) else {
                throw ValidationFailure("--now \"\(flag)\" is not an ISO 8601 instant; write e.g. 2025-05-26T12:00:00Z or 2025-05-26T14:00:00+02:00")
            }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else { throw ValidationFailure("SOURCE_DATE_EPOCH=\(epoch) is not a whole number of seconds") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// Parses `2025-05-26T12:00:00Z`, `…+02:00`, with optional fractional seconds, or a bare date (midnight UTC).
    public static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return text.count == 10 ? formatter.date(from: text) : nil
    }

    /// `2025-05-26T12:00:00Z`.
    public static func formatInstant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A flag or environment value that cannot be used.
public struct ValidationFailure: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}
