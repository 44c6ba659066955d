import ArgumentParser
import Diagnostics
import Foundation
import Site

/// `guidepost translations`: the status board, and `mark` to record a reviewed translation.
struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations", abstract: "Show the state of every translation, or mark one as current.",
        subcommands: [Status.self, Mark.self], defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "One row per page, one column per language: up to date, stale or missing.")

        enum Format: String, ExpressibleByArgument { case table, json }

        @OptionGroup var site: SiteOptions
        @Option(help: "table or json.") var format: Format = .table

        func run() throws {
            do {
                let audit = try Guidepost.translationStatus(site.buildOptions())
                switch format {
                case .table:
                    print(audit.table)
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    let board = Board(languages: audit.languages, pages: audit.rows)
                    print(String(decoding: try encoder.encode(board), as: UTF8.self))
                }
            } catch let failure as BuildFailure {
                report([failure.description])
                throw ExitCode.failure
            }
        }

        struct Board: Encodable {
            var languages: [String]
            var pages: [TranslationAudit.Row]
        }
    }

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark", abstract: "Record that a reviewed translation matches the current source page (edits only its sourceHash)."
        )

        @OptionGroup var site: SiteOptions
        @Argument(help: "The page's path under the language folders, e.g. facebook.md.") var page: String
        @Argument(help: "The translations' languages, e.g. nl en.") var languages: [String]

        func validate() throws {
            guard !languages.isEmpty else { throw ValidationError("name at least one language, e.g. mark facebook.md nl en") }
        }

        /// Marks each language in turn; one that fails is reported and the others are still marked.
        func run() throws {
            var failures: [String] = []
            for language in languages {
                do {
                    print("marked \(try Guidepost.markTranslation(site.buildOptions(), page: page, language: language)) as up to date")
                } catch {
                    failures.append(error.description)
                }
            }
            guard failures.isEmpty else {
                report(failures)
                throw ExitCode.failure
            }
        }
    }
}
