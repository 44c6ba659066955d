import ArgumentParser
import Foundation
import Site

/// `guidepost rebuild-timing <article>`: the benchmark's measure of an incremental rebuild. Builds the
/// site in memory as `serve` does, appends a line to the article, rebuilds, and prints the time and the
/// pages re-rendered. It edits the file: run it on a copy.
struct RebuildTiming: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-timing", abstract: "Benchmark helper: time an incremental rebuild after editing one article (edits it).",
        shouldDisplay: false)

    @OptionGroup var site: SiteOptions
    @Argument(help: "The article to edit, e.g. content/fr/a00001.md.") var article: String
    @Option(help: "How many edits to time.") var repeats = 5

    func run() throws {
        let live = LiveSite(options: site.buildOptions())
        var times: [Double] = []
        var pages = 0
        for round in 0..<repeats {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: article))
            handle.seekToEndOfFile()
            handle.write(Data("\nEdit \(round) for the rebuild benchmark.\n".utf8))
            try handle.close()
            let start = Date()
            let report = live.rebuild(trigger: [article])
            let milliseconds = Date().timeIntervalSince(start) * 1000
            guard report.errors.isEmpty else { throw ValidationError(report.errors.joined(separator: "\n")) }
            times.append(milliseconds)
            pages = report.renderedPages.count
        }
        times.sort()
        let median = times[times.count / 2]
        print("incremental rebuild: median \((median * 10).rounded() / 10) ms over \(repeats) edits, \(pages) pages re-rendered each")
    }
}
