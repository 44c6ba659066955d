import Content
import Foundation
import Images

/// Everything a build needs, as plain values (the command line resolves them from its flags and the environment).
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
    /// The Pagefind executable, when `site.json` turns search on (nil: the front end found none on the `PATH`).
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
    /// What the front end adds to messages about what it controls (its flags).
    public var advice = FrontEndAdvice()

    /// The image cache folder in use: `imageCache`, else `.guidepost-cache/images` beside the content folder.
    public var imageCacheFolder: String {
        if let imageCache { return imageCache }
        var content = contentDirectory
        while content.count > 1, content.hasSuffix("/") { content.removeLast() }
        let parent = content.lastIndex(of: "/").map { content[..<$0].isEmpty ? "/" : String(content[..<$0]) } ?? "."
        return (parent.hasSuffix("/") ? parent : parent + "/") + ".guidepost-cache/images"
    }

    /// Creates options.
    public init(
        contentDirectory: String = "content", templatesDirectory: String = "templates",
        outputDirectory: String = "site", now: Date, includeDrafts: Bool = false, baseURL: String? = nil,
        pagefind: String? = nil
    ) {
        self.pagefind = pagefind
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.now = now
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }

    /// What is wrong with `url` as a base URL (not an absolute http(s) URL with a host, or with a query or
    /// fragment), ending with how to fix it; nil when it can be used.
    public static func baseURLProblem(_ url: String) -> String? { BaseURL.problem(url) }

    /// Parses `2025-05-26T12:00:00Z`, `…+02:00`, with optional fractional seconds, or a bare date (midnight UTC).
    public static func parseInstant(_ text: String) -> Date? {
        try? parseNow(text).get()
    }

    /// Parses an RFC 3339 instant (`2025-05-26T12:00:00Z`, `…+02:00`, optional fractional seconds) or a bare
    /// date (midnight UTC), rejecting dates that are not on the calendar and impossible times or offsets.
    public static func parseNow(_ text: String) -> Result<Date, ValidationFailure> {
        let shape = ValidationFailure("is not an ISO 8601 instant; write e.g. 2025-05-26T12:00:00Z or 2025-05-26T14:00:00+02:00")
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, range.allSatisfy({ (48...57).contains(bytes[$0]) }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) }
        }
        guard bytes.count >= 10, let year = digits(0..<4), bytes[4] == UInt8(ascii: "-"), let month = digits(5..<7),
            bytes[7] == UInt8(ascii: "-"), let day = digits(8..<10)
        else { return .failure(shape) }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            let detail =
                !(1...12).contains(month)
                ? "months go from 01 to 12"
                : year == 0
                    ? "years start at 0001"
                    : "\(DateFormatting.monthName(month)) \(year) has \(CalendarDate.daysIn(month: month, year: year)) days"
            return .failure(ValidationFailure("is not a real calendar date (\(detail)); write a date that exists"))
        }
        let midnight = TimeInterval(date.daysSinceEpoch) * 86_400
        if bytes.count == 10 { return .success(Date(timeIntervalSince1970: midnight)) }
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), let hour = digits(11..<13), bytes[13] == UInt8(ascii: ":"),
            let minute = digits(14..<16), bytes[16] == UInt8(ascii: ":"), let second = digits(17..<19)
        else { return .failure(shape) }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            let first = index
            while index < bytes.count, (48...57).contains(bytes[index]) {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > first else { return .failure(shape) }
        }
        let zone = String(decoding: bytes[index...], as: UTF8.self)
        guard hour <= 23, minute <= 59, second <= 59 else {
            return .failure(ValidationFailure("has an impossible time; hours go up to 23, minutes and seconds up to 59"))
        }
        let offset: Int
        if zone == "Z" {
            offset = 0
        } else if zone.first == "+" || zone.first == "-" {
            guard let seconds = Instant.parseOffset(zone) else {
                return .failure(
                    ValidationFailure("has an impossible offset \(zone); write Z or ±HH:MM, with hours up to 23 and minutes up to 59"))
            }
            offset = seconds
        } else {
            return .failure(shape)
        }
        return .success(Date(timeIntervalSince1970: midnight + TimeInterval(hour * 3600 + minute * 60 + second - offset) + fraction))
    }

    /// `2025-05-26T12:00:00Z`.
    public static func formatInstant(_ date: Date) -> String {
        Instant.utcStamp(date)
    }
}

/// A flag or environment value that cannot be used.
public struct ValidationFailure: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}
