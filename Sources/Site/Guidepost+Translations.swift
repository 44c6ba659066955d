import Content
import Diagnostics
import Foundation

extension Guidepost {
    /// What `guidepost check` found: build errors, and translation problems (errors with `strict`).
    public struct CheckReport: Sendable {
        /// Problems that fail the check.
        public var errors: [Diagnostic]
        /// Problems reported but tolerated.
        public var warnings: [Diagnostic]
    }

    /// Loads and builds the site in memory, without writing, and audits the translations.
    public static func check(_ options: BuildOptions) -> CheckReport {
        do {
            let site = try buildInMemory(options)
            let problems = site.audit?.problems ?? []
            let drafts = site.audit?.draftProblems ?? []
            // A draft language's gaps stay warnings with --strict: it is still being translated.
            let verification = site.verificationWarnings
            return options.strict
                ? CheckReport(errors: problems, warnings: (drafts + verification).map(\.asWarning))
                : CheckReport(errors: [], warnings: (problems + drafts + verification).map(\.asWarning))
        } catch {
            return CheckReport(errors: error.diagnostics, warnings: [])
        }
    }

    /// The translation board: every page's state in every language.
    public static func translationStatus(_ options: BuildOptions) throws(BuildFailure) -> TranslationAudit {
        guard let audit = try buildInMemory(options).audit else { throw BuildFailure([]) }
        return audit
    }

    /// Records that the `language` translation of `page` (e.g. `facebook.md`) matches the current source:
    /// sets its `sourceHash`, changing no other byte of the file. Returns the file's path.
    public static func markTranslation(_ options: BuildOptions, page: String, language: String) throws(BuildFailure) -> String {
        let library: SiteLibrary
        switch SiteLoader.load(options) {
        case .success(let loaded): library = loaded
        case .failure(let failure): throw failure
        }
        let relativePath = page.hasSuffix(".md") ? page : page + ".md"
        let source = library.config.sourceLanguage
        let location = SourceLocation(path: "\(options.contentDirectory)/\(language)/\(relativePath)")
        guard library.config.languages.contains(language) else {
            throw BuildFailure([ContentError.unknownLanguage(SourceLocation(path: "\(options.contentDirectory)/site.json"), code: language)]
            )
        }
        guard language != source else {
            throw BuildFailure([SiteError.notATranslation(location, language: language)])
        }
        guard let original = library.page(source, relativePath) else {
            throw BuildFailure([
                SiteError.brokenLink(SourceLocation(path: "\(options.contentDirectory)/\(source)/\(relativePath)"), target: relativePath)
            ])
        }
        guard let translation = library.page(language, relativePath) else {
            throw BuildFailure([SiteError.untranslatedPage(original.frontMatter.location, language: language)])
        }
        let path = translation.file.path
        let raw: [UInt8]
        let edited: [UInt8]
        do throws(SiteError) { raw = try FileReplacement.read(path, inside: options.contentDirectory) } catch {
            throw BuildFailure([error])
        }
        do throws(ContentError) {
            edited = try FrontMatterEditor.setting("sourceHash", to: original.bodyHash, inRawBytes: raw, path: path)
        } catch { throw BuildFailure([error]) }
        do throws(SiteError) {
            if edited != raw { try FileReplacement.replace(path, with: edited, inside: options.contentDirectory) }
        } catch { throw BuildFailure([error]) }
        return path
    }
}
