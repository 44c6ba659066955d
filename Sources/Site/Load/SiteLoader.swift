import Content
import Diagnostics
import Foundation
import Output
import Templates

/// Loads and checks everything (Zola's `Site::load`) before anything is rendered.
public enum SiteLoader {
    /// UI strings the engine itself prints; plural keys need `one` and `other`.
    static let engineStrings = [
        "language-name", "not-translated", "fallback-notice", "stale-notice", "stale-notice-undated", "enter-site", "not-found-title",
        "not-found-text", "calendar-summary", "banner-deadline", "banner-open", "banner-closing", "banner-last-day", "banner-passed",
        "other-pages", "page-moved", "retired-title", "retired-text", "callout-note", "callout-tip", "callout-important", "callout-warning",
        "callout-caution",
    ]

    /// Reloads after `changed` files changed, re-reading only those when they are all existing articles
    /// that were already loaded (an edit); anything else (a new or deleted file, facts, strings,
    /// templates, settings) reloads everything.
    public static func reload(_ options: BuildOptions, previous: SiteLibrary, changed: [String]) -> Result<SiteLibrary, BuildFailure> {
        let edited: [Page]
        switch reparse(options, previous: previous, changed: changed) {
        case .articles(let pages, _): edited = pages
        case .needsFullLoad: return load(options)
        case .failed(let failure): return .failure(failure)
        }
        var edits = previous
        for page in edited { edits.replace(page) }
        let replaced = edits.pages
        var errors = DiagnosticCollector()
        let router = Router(
            pages: replaced, baseURL: previous.config.baseURL, sourceLanguage: previous.config.sourceLanguage,
            languages: previous.config.languages, errors: &errors)
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        var library = SiteLibrary(
            config: previous.config, strings: previous.strings, facts: previous.facts, campaigns: previous.campaigns,
            pages: replaced, templates: previous.templates, assets: previous.assets, router: router, bundles: previous.bundles)
        library.stringWarnings = previous.stringWarnings
        library.sourceWarnings = previous.sourceWarnings
        library.verificationWarnings = previous.verificationWarnings
        library.advice = previous.advice
        return .success(library)
    }

    /// Loads the site under `options`, or every error found.
    public static func load(_ options: BuildOptions) -> Result<SiteLibrary, BuildFailure> {
        let content = FileTree(root: options.contentDirectory)
        var errors = DiagnosticCollector()
        guard content.isDirectory("") else {
            return .failure(
                BuildFailure([SiteError.io(SourceLocation(path: options.contentDirectory), detail: "the content folder does not exist")]))
        }
        var config: SiteConfig
        switch readText(content, "site.json", checkLinks: true).flatMap({ SiteConfig.parse($0) }) {
        case .success(let loaded): config = loaded
        case .failure(let failure): return .failure(failure)
        }
        if let baseURL = options.baseURL { config.baseURL = BaseURL.normalized(baseURL) }

        var stringWarnings: [any DiagnosticConvertible] = []
        var strings = loadStrings(content, config: config, errors: &errors, warnings: &stringWarnings)
        var brokenNamespaces = Set<String>()
        var facts = loadFacts(content, config: config, errors: &errors, broken: &brokenNamespaces)
        stringWarnings += facts.fillMissingTexts(from: config.sourceLanguage, errors: &errors)
        var campaignErrors: [ContentError] = []
        let campaigns = Campaign.load(config: config, facts: facts, errors: &campaignErrors)
        // A campaign whose fact file is already reported as broken would only repeat that error.
        errors += campaignErrors.filter { error in
            if case ContentError.invalidCampaign(_, let name, _) = error { return !brokenNamespaces.contains(name) }
            return true
        }
        var unreadableTemplates = Set<String>()
        let templates = loadTemplates(FileTree(root: options.templatesDirectory), errors: &errors, unreadable: &unreadableTemplates)
        let assets = loadAssets(FileTree(root: options.templatesDirectory), errors: &errors)
        var otherFiles: [(language: String, relative: String)] = []
        let pages = loadPages(content, config: config, drafts: options.includeDrafts, files: &otherFiles, errors: &errors)
        let staticFiles =
            content.isDirectory(BundleIndex.staticFolder) ? content.files(under: BundleIndex.staticFolder, suffix: "", errors: &errors) : []
        let bundles = loadBundles(
            content, files: otherFiles, staticFiles: staticFiles, settings: options.imageSettings,
            cache: ImageCache(folder: options.imageCacheFolder), errors: &errors)
        let router = Router(
            pages: pages, baseURL: config.baseURL, sourceLanguage: config.sourceLanguage,
            languages: config.languages, errors: &errors)

        for (item, location) in zip(config.menu ?? [], config.menuLocations)
        // A page that exists but failed to load is reported already: only a missing file is a menu error.
        where !content.exists("\(config.sourceLanguage)/\(Navigation.menuTarget(item))") {
            errors.append(SiteError.unknownMenuItem(location, item: item, language: config.sourceLanguage))
        }
        for page in pages {
            if let name = page.frontMatter.campaign, campaigns[name] == nil, !config.campaigns.contains(name) {
                errors.append(SiteError.unknownCampaign(page.frontMatter.campaignLocation ?? page.frontMatter.location, name: name))
            }
            for (key, location) in page.frontMatter.sources {
                switch facts[key]?.value {
                case .source?: break
                case nil: errors.append(ContentError.unknownFact(location, key: key))
                case let other?:
                    errors.append(ContentError.factTypeMismatch(location, key: key, expected: "a source", actual: other.typeName))
                }
            }
            if let templates, let layout = page.frontMatter.layout, !templates.has(layout), !unreadableTemplates.contains(layout) {
                errors.append(TemplateError.missingTemplate(page.frontMatter.layoutLocation ?? page.frontMatter.location, name: layout))
            }
        }
        if let templates {
            for name in ["page", "home", "root", "404", "root-404", "translations"]
            where !templates.has(name) && !unreadableTemplates.contains(name) {
                errors.append(TemplateError.missingTemplate(SourceLocation(path: options.templatesDirectory), name: name))
            }
            checkStrings(&strings, config: config, templates: templates, errors: &errors, warnings: &stringWarnings)
            if !config.retired.isEmpty, !templates.has("retired") {
                errors.append(TemplateError.missingTemplate(config.retired[0].location, name: "retired"))
            }
            errors += templates.unknownNames(roots: templateRoots(pages))
        }
        guard errors.isEmpty, let templates else {
            // Still check every article's facts and links, so one run lists every error.
            errors += ContentCheck.errors(
                in: pages, facts: facts, router: router, config: config, ignoring: brokenNamespaces, bundles: bundles)
            return .failure(BuildFailure(errors))
        }
        var library = SiteLibrary(
            config: config, strings: strings, facts: facts, campaigns: campaigns,
            pages: pages, templates: templates, assets: assets, router: router, bundles: bundles)
        library.stringWarnings = stringWarnings
        let collisions = Redirects.collisions(library: library)
        guard collisions.isEmpty else { return .failure(BuildFailure(collisions)) }
        library.sourceWarnings = FactAudit.incompleteSources(facts)
        if let maxAge = config.verifiedMaxAgeDays {
            library.verificationWarnings = FactAudit.staleVerifications(
                facts, today: Instant.calendarDate(of: options.now, in: "UTC"), maxAge: maxAge)
        }
        library.advice = options.advice
        return .success(library)
    }

    /// Each template rendered directly, with the view model it gets: the fixed ones, and each custom layout.
    static func templateRoots(_ pages: [Page]) -> [(template: String, context: TemplateSchema)] {
        var roots = TemplateContexts.fixed
        var seen = Set(roots.map { "\($0.template)|\($0.context.type)" })
        for page in pages {
            guard let layout = page.frontMatter.layout else { continue }
            let context = TemplateContexts.layout(isHome: page.isHome)
            if seen.insert("\(layout)|\(context.type)").inserted { roots.append((layout, context)) }
        }
        return roots
    }

    /// Reads a text file; `checkLinks` for paths that did not come from a folder walk (which checks links itself).
    static func readText(_ tree: FileTree, _ relative: String, checkLinks: Bool = false) -> Result<SourceText, BuildFailure> {
        let bytes: [UInt8]
        do throws(SiteError) { bytes = try tree.read(relative, checkLinks: checkLinks) } catch { return .failure(BuildFailure([error])) }
        do throws(SourceTextError) { return .success(try SourceText(path: tree.path(relative), bytes: bytes)) } catch {
            return .failure(BuildFailure([error]))
        }
    }

    /// Each language's strings file. A plural string lacking a category the language needs is an error
    /// (a warning for a draft language, which then uses its `other` form).
    private static func loadStrings(
        _ content: FileTree, config: SiteConfig, errors: inout DiagnosticCollector,
        warnings: inout [any DiagnosticConvertible]
    ) -> [String: UIStrings] {
        var result: [String: UIStrings] = [:]
        for language in config.languages {
            let relative = "strings/\(language).json"
            guard content.exists(relative) else {
                errors.append(
                    SiteError.missingStringsFile(
                        SourceLocation(path: content.path(relative)), language: language, source: config.sourceLanguage))
                continue
            }
            switch readText(content, relative, checkLinks: true).flatMap({
                UIStrings.parse($0, language: language, rules: config.locale(language).plurals)
            }) {
            case .success(var strings):
                strings.numbers = config.locale(language).formats
                result[language] = strings
                if config.draftLanguages.contains(language) { warnings += strings.pluralGaps } else { errors += strings.pluralGaps }
            case .failure(let failure): errors += failure
            }
        }
        return result
    }

    private static func loadFacts(_ content: FileTree, config: SiteConfig, errors: inout DiagnosticCollector, broken: inout Set<String>)
        -> FactStore
    {
        var all: [Fact] = []
        for relative in content.files(under: "facts", suffix: ".json", errors: &errors) {
            let namespace = String(relative.dropFirst("facts/".count).dropLast(".json".count))
            guard FactFile.isKeySegment(namespace) else {
                errors.append(
                    ContentError.wrongType(
                        SourceLocation(path: content.path(relative)), field: "file name",
                        expected: "lowercase letters, digits and hyphens (it is the facts' namespace)"))
                continue
            }
            switch readText(content, relative) {
            case .success(let file):
                var found = DiagnosticCollector()
                all += FactFile.parse(file, namespace: namespace, languages: config.languages, errors: &found)
                errors += found
                if !found.isEmpty { broken.insert(namespace) }
            case .failure(let failure):
                errors += failure
                broken.insert(namespace)
            }
        }
        return FactStore(all, errors: &errors)
    }

    private static func loadTemplates(_ tree: FileTree, errors: inout DiagnosticCollector, unreadable: inout Set<String>)
        -> TemplateLibrary?
    {
        var sources: [TemplateSource] = []
        let before = errors.count
        let files = tree.files(under: "", suffix: ".mustache", errors: &errors)
        // Templates that exist but were refused (a link leaving the folder, …): their error is the root cause,
        // so the includes that name them are not reported again as missing.
        let prefix = tree.path("") + "/"
        for error in errors.diagnostics[before...] where error.location.path.hasPrefix(prefix) && error.location.path.hasSuffix(".mustache")
        {
            unreadable.insert(String(error.location.path.dropFirst(prefix.count).dropLast(".mustache".count)))
        }
        for relative in files where !relative.hasPrefix("assets/") {
            let name = String(relative.dropLast(".mustache".count))
            switch readText(tree, relative) {
            case .success(let file): sources.append(TemplateSource(name: name, file: file))
            case .failure(let failure):
                errors += failure
                unreadable.insert(name)
            }
        }
        switch TemplateLibrary.load(sources, unreadable: unreadable) {
        case .success(let library): return library
        case .failure(let failure):
            errors += failure
            return nil
        }
    }

    private static func loadAssets(_ tree: FileTree, errors: inout DiagnosticCollector) -> [(path: String, bytes: [UInt8])] {
        guard tree.isDirectory("assets") else { return [] }
        var assets: [(path: String, bytes: [UInt8])] = []
        for relative in tree.files(under: "assets", suffix: "", errors: &errors) {
            do { assets.append((path: relative, bytes: try tree.read(relative))) } catch { errors.append(error) }
        }
        return assets
    }

    /// The pages of every language; `files` gets every file under the language folders (articles too).
    private static func loadPages(
        _ content: FileTree, config: SiteConfig, drafts: Bool, files others: inout [(language: String, relative: String)],
        errors: inout DiagnosticCollector
    ) -> [Page] {
        var jobs: [(language: String, relative: String)] = []
        for language in config.languages where content.isDirectory(language) {
            for relative in content.files(under: language, suffix: "", errors: &errors) {
                let file = (language, String(relative.dropFirst(language.count + 1)))
                // Every article, drafts included, so that a draft's folder is never taken for a parent's files.
                if relative.hasSuffix(".md") { jobs.append(file) }
                others.append(file)
            }
        }
        let results = parallelMap(jobs) { job -> Result<Page, BuildFailure> in
            readText(content, "\(job.language)/\(job.relative)").flatMap {
                Page.parse($0, language: job.language, relativePath: job.relative, hashesBody: job.language == config.sourceLanguage)
            }
        }
        // Each result is moved out (popLast), not copied: a page is a large value. Errors are sorted when reported.
        var remaining = results
        var pages: [Page] = []
        pages.reserveCapacity(remaining.count)
        while let result = remaining.popLast() {
            switch result {
            case .success(let page) where drafts || !page.frontMatter.draft: pages.append(page)
            case .success: break
            case .failure(let failure): errors += failure
            }
        }
        pages.reverse()
        return pages
    }

    /// Every string the engine and the templates use must exist in every language.
    /// Every string the engine and the templates use must exist in the source language (else an error).
    /// A translation that lacks one borrows the source language's text, with a warning (an error with `--strict`).
    private static func checkStrings(
        _ strings: inout [String: UIStrings], config: SiteConfig, templates: TemplateLibrary,
        errors: inout DiagnosticCollector, warnings: inout [any DiagnosticConvertible]
    ) {
        var needed = Set(engineStrings)
        for source in templates.sources.values {
            for (key, _) in source.stringKeys { needed.insert(SiteLoader.baseKey(key, in: strings)) }
        }
        guard let source = strings[config.sourceLanguage] else { return }
        // Each key set made once (`keys` builds a new set on every call; it was called for every key).
        let sourceKeys = source.keys
        needed.formUnion(sourceKeys)
        let sortedNeeded = needed.sorted()
        for language in config.languages {
            guard var table = strings[language] else { continue }
            let present = table.keys
            for key in sortedNeeded where !present.contains(key) {
                let problem = SiteError.missingString(table.fileLocation, key: key, language: language)
                guard language != config.sourceLanguage, sourceKeys.contains(key) else {
                    errors.append(problem)
                    continue
                }
                warnings.append(problem)
                if let text = source.strings[key] { table.strings[key] = text }
                if let forms = source.plurals[key] { table.plurals[key] = forms }
            }
            strings[language] = table
        }
    }

    /// `banner-open-one` → `banner-open` when that is a plural key somewhere.
    static func baseKey(_ key: String, in strings: [String: UIStrings]) -> String {
        for category in PluralCategory.allCases where key.hasSuffix("-\(category.rawValue)") {
            let base = String(key.dropLast(category.rawValue.count + 1))
            if strings.values.contains(where: { $0.plurals[base] != nil }) { return base }
        }
        return key
    }
}
