import ArgumentParser
import Foundation
import Site

/// The flags every command that reads the site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The templates folder.") var templates = "templates"
    @Option(help: "Where processed images are cached (default: .guidepost-cache/images beside the content folder).") var imageCache: String?

    /// Build options for a run that writes nothing.
    func buildOptions(now: Date = Date()) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, now: now)
        options.imageCache = imageCache
        options.advice = BuildOptions.commandLineAdvice
        return options
    }
}

/// Prints errors to standard error.
func report(_ errors: [String]) {
    FileHandle.standardError.write(Data((errors.joined(separator: "\n") + "\n").utf8))
}
