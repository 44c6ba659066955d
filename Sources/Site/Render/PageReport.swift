import Content
import Diagnostics

/// What one page contains, for parity checks between translations.
public struct PageReport: Sendable, Equatable {
    /// The page's language.
    public var language: String
    /// Its path under the language folder (shared by translations).
    public var relativePath: String
    /// The fact keys it prints.
    public var facts: Set<String>
    /// The source keys its front matter names.
    public var sources: Set<String>
    /// The number of items of each checklist, in order.
    public var checklistItems: [Int]
    /// The level of each heading, in order.
    public var headingLevels: [Int]
    /// The type of each callout (`note`, `warning`…), in order: translations keep the same callouts.
    public var callouts: [String] = []
    /// Images a translation shows from the source language ("image not localized").
    public var imageWarnings: [SiteError] = []
}

extension Guidepost {
    /// Builds the site in memory and reports, for every page, the facts, checklists and headings it has.
    public static func pageReports(_ options: BuildOptions) throws(BuildFailure) -> [PageReport] {
        try buildInMemory(options).reports
    }
}
