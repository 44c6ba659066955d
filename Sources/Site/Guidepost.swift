import Content
import Diagnostics
import Foundation
import Markdown
import Output
import Templates

/// The core entry points the command line calls.
public enum Guidepost {
    /// What a successful build reports.
    public struct Summary: Sendable, CustomStringConvertible {
        /// Pages per language.
        public var pageCounts: [(language: String, count: Int)]
        /// Files written.
        public var fileCount: Int
        /// Wall time in seconds.
        public var seconds: Double
        /// The "now" used.
        public var now: Date
        /// Translation problems that did not fail the build (they do with `--strict`).
        public var warnings: [Diagnostic] = []
        /// Seconds spent loading, rendering and writing (for `--timings`).
        public var phases: [(name: String, seconds: Double)] = []

        /// `built 9 pages (fr 3, nl 3, en 3), 31 files in 0.04 s, now 2025-…`.
        public var description: String {
            let total = pageCounts.reduce(0) { $0 + $1.count }
            let per = pageCounts.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
            return "built \(total) pages (\(per)), \(fileCount) files in \(Self.seconds(seconds)) s, now \(BuildOptions.formatInstant(now))"
        }

        /// `seconds` with two decimals (`0.31`, `12.00`), exactly as `%.2f` writes them: the exact binary value
        /// rounded half to even (multiplying by 100 in `Double` would round first, and 0.015 would read 0.02).
        public static func seconds(_ seconds: Double) -> String {
            guard seconds.isNormal, seconds > 0, seconds < 0x1p40 else {
                return seconds == 0 || seconds.isSubnormal ? "0.00" : String(format: "%.2f", seconds)
            }
            // seconds = significand × 2^shift exactly, so seconds × 100 = significand × 100 × 2^shift (below 2^60).
            let significand = UInt64(seconds.significandBitPattern) | (1 << UInt64(Double.significandBitCount))
            let shift = Int(seconds.exponent) - Double.significandBitCount
            let scaled = significand * 100
            var hundredths: UInt64
            if shift >= 0 {
                hundredths = scaled << UInt64(shift)
            } else if -shift >= 64 {
                hundredths = 0  // below 2^60 / 2^64: under half a hundredth
            } else {
                let bits = UInt64(-shift)
                hundredths = scaled >> bits
                let remainder = scaled & ((1 << bits) - 1)
                let half = UInt64(1) << (bits - 1)
                if remainder > half || (remainder == half && hundredths % 2 == 1) { hundredths += 1 }
            }
            let fraction = hundredths % 100
            return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
    }

    /// Loads, builds and writes the site. On any error the output is left as it was and every error is
    /// thrown together. Each page goes to the spare folder as soon as it is rendered (`SpareFolder`), so
    /// the build never holds every page at once; the spare becomes the output only after every check.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> Summary {
        let start = Date()
        let library = try load(options)
        let loaded = Date()
        // The plan holds the only copy of the library, so each body goes once its pages are rendered.
        var plan = SiteBuilder.Plan(streaming: consume library, now: options.now)
        let policy = SiteWriter.Policy(
            sourceFolders: [options.contentDirectory, options.templatesDirectory, options.imageCacheFolder],
            protectedFolders: options.protectedFolders,
            keep: plan.library.config.keep, waitForLock: options.waitForLock, waiting: options.waiting,
            lockAdvice: options.advice.lockedOutput)
        // Every refusal of the output comes before anything is written; the pages' own errors, if any, are
        // still reported first (the pages are then rendered in memory only).
        let spare: SpareFolder
        do { spare = try SpareFolder(output: options.outputDirectory, policy: policy, planned: plan.plannedPaths) } catch {
            _ = try SiteBuilder.build(plan).get()
            throw BuildFailure([error])
        }
        plan.spare = spare
        // A build that fails from here on removes the spare it made before it reports.
        defer { spare.cancel() }
        let site = try SiteBuilder.build(plan).get()
        let rendered = Date()
        let problems = site.audit?.problems ?? []
        if options.strict, !problems.isEmpty { throw BuildFailure(problems) }
        let vanished = URLRetention.check(
            output: options.outputDirectory, published: site.publishedPaths,
            config: options.contentDirectory + "/site.json")
        if !vanished.isEmpty { throw BuildFailure(vanished) }
        do throws(OutputError) {
            try spare.put(site.files)
            try spare.commit { staging throws(OutputError) in
                guard site.search else { return }
                do throws(SiteError) {
                    try SearchIndex.build(
                        in: staging, pagefind: options.pagefind, config: options.contentDirectory + "/site.json",
                        timeout: options.pagefindTimeout, advice: options.advice)
                } catch { throw .finish(error.diagnostic) }
            }
        } catch { throw BuildFailure([error]) }
        let written = Date()
        var summary = Summary(
            pageCounts: site.pageCounts, fileCount: spare.fileCount, seconds: written.timeIntervalSince(start), now: options.now)
        summary.warnings = (problems + (site.audit?.draftProblems ?? [])).map(\.asWarning)
        summary.phases = [
            ("load", loaded.timeIntervalSince(start)), ("render", rendered.timeIntervalSince(loaded)),
            ("write", written.timeIntervalSince(rendered)),
        ]
        return summary
    }

    /// Loads and builds the site without writing it.
    public static func buildInMemory(_ options: BuildOptions) throws(BuildFailure) -> BuiltSite {
        var loaded = Date()
        return try buildInMemory(options, loaded: &loaded)
    }

    /// Loads and builds in memory; `loaded` is set to when loading ended (for `--timings`).
    private static func buildInMemory(_ options: BuildOptions, loaded: inout Date) throws(BuildFailure) -> BuiltSite {
        let library = try load(options)
        loaded = Date()
        var site = try SiteBuilder.build(library, now: options.now).get()
        site.verificationWarnings = library.verificationWarnings.map(\.diagnostic)
        return site
    }

    /// Loads and checks the site under `options`.
    private static func load(_ options: BuildOptions) throws(BuildFailure) -> SiteLibrary {
        try SiteLoader.load(options).get()
    }

    /// Whether CLDR (through ICU) has data for the language or locale `code` (`fr`, `pt-br`).
    public static func isKnownLanguage(_ code: String) -> Bool { LanguageLocale.make(language: code, locale: code) != nil }

    /// Renders a Markdown snippet through the same Markdown pipeline pages use, with the same guards.
    /// Typography rules apply only when `language` is given.
    public static func renderSnippet(_ markdown: String, language: String?, unsafe: Bool) throws(BuildFailure) -> String {
        let options = MarkdownOptions(allowRawHTML: unsafe, checklistPrefix: "check-snippet", language: language)
        var resolver = LiteralResolver(path: "<stdin>")
        let html = MarkdownRenderer.render(SourceText(path: "<stdin>", text: markdown).text, options: options, resolver: &resolver).html
        guard resolver.errors.isEmpty else { throw BuildFailure(resolver.errors) }
        return html
    }

    /// Every name each template can read, as Markdown (`docs/template-names.md`).
    public static var templateNames: String { TemplateNamesReference.markdown }
}
