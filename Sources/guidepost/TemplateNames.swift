import ArgumentParser
import Site

/// `guidepost template-names`: prints the reference of every name a template can read (`docs/template-names.md`).
struct TemplateNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template-names",
        abstract: "Print every name each template can read, as Markdown (docs/template-names.md is this output).")

    func run() {
        print(Guidepost.templateNames, terminator: "")
    }
}
