import Content
import Diagnostics
import Output

/// The state of every translation: parity with its source page, staleness, and the status board.
public struct TranslationAudit: Sendable {
    /// One cell of the board.
    public enum Status: String, Sendable, Codable {
        /// The source-language page itself.
        case source
        /// Made from the current version of the source.
        case current = "up to date"
        /// The source changed since (or the translation never recorded its source version).
        case stale
        /// No page in that language.
        case missing
        /// A translation that never recorded the source version it was made from: new, not yet reviewed.
        case new = "new"
        /// Written for its own audience (`"adapted": true`), from the current source: structure not compared.
        case adapted
        /// Adapted, and the source changed since.
        case adaptedStale = "adapted, stale"
    }

    /// One page (all its translations).
    public struct Row: Sendable, Codable, Equatable {
        /// The path under each language folder, e.g. `facebook.md`.
        public var page: String
        /// Status per language code.
        public var status: [String: Status]
        /// Per language, the images shown from the source language ("image not localized"); on the board only.
        public var imagesNotLocalized: [String: [String]] = [:]

        private enum CodingKeys: String, CodingKey { case page, status }
    }

    /// The languages, in site order.
    public var languages: [String]
    /// One row per page, by path.
    public var rows: [Row]
    /// Every parity and staleness problem of the published languages, each at its location (errors with `--strict`).
    public var problems: [Diagnostic] {
        BuildFailure(rows.flatMap { problemsByPage[$0.page] ?? [] } + warnings.filter { !isDraft($0) }.map(\.diagnostic)).diagnostics
    }
    /// The same for draft languages: always warnings, even with `--strict`.
    public var draftProblems: [Diagnostic] {
        BuildFailure(rows.flatMap { draftProblemsByPage[$0.page] ?? [] } + warnings.filter(isDraft).map(\.diagnostic)).diagnostics
    }
    /// The problems of each row, by page path.
    private var problemsByPage: [String: [Diagnostic]]
    /// The problems of draft languages, by page path.
    private var draftProblemsByPage: [String: [Diagnostic]] = [:]
    /// UI strings and text facts a translation lacks.
    private var warnings: [any DiagnosticConvertible]
    /// The draft languages.
    private var drafts: Set<String> = []

    /// Whether a string or text problem is about a draft language.
    private func isDraft(_ problem: any DiagnosticConvertible) -> Bool {
        switch problem {
        case SiteError.missingString(_, _, let language): return drafts.contains(language)
        case ContentError.missingTranslation(_, let language), ContentError.missingPluralCategory(_, _, _, let language):
            return drafts.contains(language)
        default: return false
        }
    }

    /// Audits `library` using the `reports` of what each page contains.
    static func run(_ library: SiteLibrary, reports: [PageReport]) -> TranslationAudit {
        var paths = Set<String>()
        for index in library.pages.indices { paths.insert(library.pages[index].relativePath) }
        let reportsByID = Dictionary(
            reports.map { (Router.PageID(language: $0.language, relativePath: $0.relativePath), $0) },
            uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var problemsByPage: [String: [Diagnostic]] = [:]
        var draftProblemsByPage: [String: [Diagnostic]] = [:]
        // Each page's row on its own (they share nothing), one per core, then gathered in order.
        let sorted = paths.sorted()
        let audited = parallelMap(sorted) { path in
            Self.audit(path, versions: versions(of: path, in: library), library: library) {
                reportsByID[Router.PageID(language: $0, relativePath: path)]
            }
        }
        rows.reserveCapacity(sorted.count)
        for (path, (row, problems, draftProblems)) in zip(sorted, audited) {
            rows.append(row)
            if !problems.isEmpty { problemsByPage[path] = problems }
            if !draftProblems.isEmpty { draftProblemsByPage[path] = draftProblems }
        }
        var audit = TranslationAudit(
            languages: library.config.languages, rows: rows, problemsByPage: problemsByPage,
            warnings: library.stringWarnings + library.sourceWarnings.map { $0 as any DiagnosticConvertible })
        audit.draftProblemsByPage = draftProblemsByPage
        audit.drafts = library.config.draftLanguages
        return audit
    }

    /// Works out the row of `path` again from `library` and `report` (the report of the page at `path` in
    /// a language), in place: for an edit of that page that changed no route. Returns whether the row changed.
    mutating func update(_ path: String, library: SiteLibrary, report: (String) -> PageReport?) -> Bool {
        let versions = Self.versions(of: path, in: library)
        // Rows are sorted by path: a binary search, so an edit costs the same on any size of site.
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].page < path { low = middle + 1 } else { high = middle }
        }
        guard !versions.isEmpty, low < rows.count, rows[low].page == path else { return false }
        let (row, problems, draftProblems) = Self.audit(path, versions: versions, library: library, report: report)
        problemsByPage[path] = problems.isEmpty ? nil : problems
        draftProblemsByPage[path] = draftProblems.isEmpty ? nil : draftProblems
        guard row != rows[low] else { return false }
        rows[low] = row
        return true
    }

    /// The page at `path` in each language that has it.
    private static func versions(of path: String, in library: SiteLibrary) -> [String: Page] {
        var versions: [String: Page] = [:]
        for language in library.config.languages { versions[language] = library.page(language, path) }
        return versions
    }

    /// One row, its problems, and those of its draft languages.
    private static func audit(
        _ path: String, versions: [String: Page], library: SiteLibrary,
        report: (String) -> PageReport?
    ) -> (Row, [Diagnostic], [Diagnostic]) {
        let config = library.config
        let source = config.sourceLanguage
        var status: [String: Status] = [:]
        var problems = DiagnosticCollector()
        var draftProblems = DiagnosticCollector()
        var notes: [String: [String]] = [:]
        let original = versions[source]
        let reference = original ?? versions[config.languages.first { versions[$0] != nil }!]!
        for language in config.languages {
            var found = DiagnosticCollector()
            defer { if config.draftLanguages.contains(language) { draftProblems += found } else { problems += found } }
            guard let page = versions[language] else {
                status[language] = .missing
                found.append(SiteError.untranslatedPage(reference.frontMatter.location, language: language))
                continue
            }
            if language == source {
                status[language] = .source
                continue
            }
            guard let original else {
                status[language] = .current
                continue
            }
            let adapted = page.frontMatter.adapted
            if library.newSource(of: page) != nil {
                status[language] = .new
                found.append(
                    SiteError.newTranslation(page.frontMatter.location, source: original.file.path, mark: library.advice.markTranslation))
            } else {
                let stale = library.staleSource(of: page) != nil
                status[language] = adapted ? (stale ? .adaptedStale : .adapted) : (stale ? .stale : .current)
                if stale {
                    found.append(
                        SiteError.staleTranslation(
                            page.frontMatter.location, source: original.file.path, mark: library.advice.markTranslation))
                }
            }
            // The page's report read once (each read copies it), and empty lists not appended (an append
            // of a generic sequence costs as much when it is empty).
            let own = report(language)
            // An adapted translation is written for its own audience: its structure is its own.
            if !adapted, let expected = report(source), let actual = own {
                let differences = compare(expected, actual, at: page.frontMatter.location)
                if !differences.isEmpty { found += differences }
            }
            let borrowed = own?.imageWarnings ?? []
            if !borrowed.isEmpty { found += borrowed }
            for case SiteError.imageNotLocalized(_, let image, _) in borrowed { notes[language, default: []].append(image) }
        }
        return (Row(page: path, status: status, imagesNotLocalized: notes), problems.diagnostics, draftProblems.diagnostics)
    }

    private static func compare(_ expected: PageReport, _ actual: PageReport, at location: SourceLocation) -> [SiteError] {
        var problems: [SiteError] = []
        if expected.facts != actual.facts {
            problems.append(
                SiteError.translationFactsDiffer(
                    location, missing: expected.facts.subtracting(actual.facts).sorted(),
                    extra: actual.facts.subtracting(expected.facts).sorted()))
        }
        if expected.checklistItems != actual.checklistItems {
            problems.append(
                SiteError.translationChecklistsDiffer(location, expected: expected.checklistItems, actual: actual.checklistItems))
        }
        // Headings counted per level in one pass each (filtering a new list per level made twelve lists a page).
        func counts(_ levels: [Int]) -> [Int] {
            var counts = [Int](repeating: 0, count: 7)
            for level in levels where (1...6).contains(level) { counts[level] += 1 }
            return counts
        }
        let wanted = counts(expected.headingLevels)
        let had = counts(actual.headingLevels)
        for level in 1...6 where wanted[level] != had[level] {
            problems.append(SiteError.translationHeadingsDiffer(location, level: level, expected: wanted[level], actual: had[level]))
        }
        if expected.callouts != actual.callouts {
            problems.append(SiteError.translationCalloutsDiffer(location, expected: expected.callouts, actual: actual.callouts))
        }
        return problems
    }

    /// The board as text: one row per page, one column per language.
    public var table: String {
        let width = max(4, (rows.map(\.page.count).max() ?? 4))
        let columns = languages.map { language in max(language.count, 10) }
        func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        var lines = [pad("page", width) + "  " + zip(languages, columns).map { pad($0, $1) }.joined(separator: "  ")]
        for row in rows {
            lines.append(
                pad(row.page, width) + "  "
                    + zip(languages, columns).map { pad(row.status[$0]?.rawValue ?? "", $1) }.joined(separator: "  "))
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}
