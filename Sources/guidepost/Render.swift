import ArgumentParser
import Foundation
import Site

/// `guidepost render`: Markdown on standard input, the HTML fragment on standard output.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render Markdown from standard input to HTML, as pages are rendered.")

    @Option(help: "The snippet's language: applies its typography (fr, nl, en, de, pl, ja… any CLDR language). Without it, plain GFM.")
    var lang: String?

    func validate() throws {
        if let lang, !Guidepost.isKnownLanguage(lang) {
            throw ValidationError(
                "\"\(lang)\" is not a language CLDR knows, so its typography is unknown; use a code such as fr, nl, en, de or pt-br")
        }
    }
    @Flag(help: "Let raw HTML through (off by default, as in pages).") var unsafe = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let markdown = String(data: input, encoding: .utf8) else { throw ValidationError("standard input is not UTF-8 text") }
        do {
            FileHandle.standardOutput.write(Data(try Guidepost.renderSnippet(markdown, language: lang, unsafe: unsafe).utf8))
        } catch {
            FileHandle.standardError.write(Data((error.diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
