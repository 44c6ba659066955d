import ArgumentParser
import Site

@main
struct GuidepostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guidepost",
        abstract: "Builds a multilingual guide site from Markdown, facts and Mustache templates.",
        subcommands: [
            Build.self, Serve.self, Check.self, New.self, Translations.self, Render.self, TemplateNames.self, RebuildTiming.self,
        ],
        defaultSubcommand: Build.self)
}
