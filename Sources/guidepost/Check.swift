import ArgumentParser
import Site

/// `guidepost check`: builds in memory and reports every error and translation problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the site without writing it: errors, and translation parity and staleness.")

    @OptionGroup var site: SiteOptions
    @Flag(help: "Fail on translation problems too (missing or stale pages, different facts, checklists or headings).") var strict = false

    func run() throws {
        var options = site.buildOptions()
        options.strict = strict
        let result = Guidepost.check(options)
        if !result.warnings.isEmpty { report(result.warnings.map(\.description)) }
        if !result.errors.isEmpty {
            report(result.errors.map(\.description) + ["check failed: \(result.errors.count) error\(result.errors.count == 1 ? "" : "s")"])
            throw ExitCode.failure
        }
        print(
            "check passed\(result.warnings.isEmpty ? "" : " with \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")")"
        )
    }
}
