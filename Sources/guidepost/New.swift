import ArgumentParser
import Foundation
import Site

/// `guidepost new`: a new page, or a new section, in every language.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a page (or with --section, a section's index.md) in every language; never overwrites.")

    @Option(help: "The content folder.") var content = "content"
    @Flag(help: "Create a section: the folder and its index.md.") var section = false
    @Option(help: "The page title (default: from the file name); translators replace it in their language.") var title: String?
    @Argument(help: "The page's path under the language folders, e.g. linkedin/steps.md (or a folder with --section).") var path: String

    func run() throws {
        do {
            let created = try Scaffold.create(
                path, title: title, section: section, contentDirectory: content, advice: BuildOptions.commandLineAdvice)
            for file in created { print("created \(file)") }
            print("translations are marked new until reviewed: edit them, then run guidepost translations mark")
        } catch {
            report(error.diagnostics.map(\.description))
            throw ExitCode.failure
        }
    }
}
