import Diagnostics
import Output

/// The built site, in memory, before it is written.
public struct BuiltSite: Sendable {
    /// Every file, sorted by path.
    public var files: [OutputFile]
    /// How many pages each language has.
    public var pageCounts: [(language: String, count: Int)]
    /// Whether a search index must be built over the written files.
    public var search: Bool = false
    /// Top-level names in the output that the publisher keeps (site.json's `keep`).
    public var keep: [String] = []
    /// Every translation's state, and the parity problems found.
    public var audit: TranslationAudit? = nil
    /// Every URL path published as a page (pages, fallbacks, homes, aliases, retired URLs).
    public var publishedPaths: [String] = []
    /// What each real page contains (facts, checklists, headings).
    public var reports: [PageReport] = []
    /// Facts verified longer ago than `verifiedMaxAgeDays` (warnings, even with `--strict`).
    public var verificationWarnings: [Diagnostic] = []
}
