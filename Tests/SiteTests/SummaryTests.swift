import Foundation
import Testing

@testable import Site

/// A build's closing line, written without `String(format:)` (README, Performance).
@Suite struct SummaryTests {
    /// Two decimals, as `%.2f` wrote them: every thousandth up to 100 s, times around the exact halves, and
    /// large and tiny ones.
    @Test func secondsReadAsPrintfWritesThem() {
        var values = (0...100_000).map { Double($0) / 1000 }
        values += [0.005, 0.015, 0.125, 0.375, 1.005, 2.675, 1e-9, 12_345.678, 99.995, 99.994_999]
        values += (0..<2000).map { Double($0) * 0.013_7 + 0.000_05 }
        let mismatches = values.filter { Guidepost.Summary.seconds($0) != String(format: "%.2f", $0) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { ($0, Guidepost.Summary.seconds($0), String(format: "%.2f", $0)) })")
    }

    /// The line names the pages per language, the files, the time and the instant.
    @Test func describesTheBuild() throws {
        let now = try #require(BuildOptions.parseInstant("2026-11-22T08:00:00Z"))
        let summary = Guidepost.Summary(
            pageCounts: [("fr", 3), ("en", 2)], fileCount: 12, seconds: 0.305, now: now)
        #expect(
            summary.description == "built 5 pages (fr 3, en 2), 12 files in \(String(format: "%.2f", 0.305)) s, now 2026-11-22T08:00:00Z")
    }
}
