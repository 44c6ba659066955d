import Content
import Diagnostics
import Markdown

/// Answers the Markdown stage's questions for one page: which text a fact prints, where a link goes.
struct PageResolver: MarkdownResolver {
    let page: Page
    let facts: FactStore
    let router: Router
    /// The page's language's CLDR data, for the dates and numbers facts print.
    let locale: LanguageLocale
    /// The language whose pages links lead to (the page's own, or the language a fallback is shown in).
    let linkLanguage: String
    /// The URL path the page is published at.
    let ownPath: String?
    /// Errors found while rendering.
    var errors = DiagnosticCollector()
    /// The fact keys the page prints.
    var usedFacts: Set<String> = []
    /// The relative paths of the articles it links to (in `linkLanguage`).
    var linkedPages: Set<String> = []
    /// The site's publisher, for `{{publisher.name}}`, `{{publisher.url}}` and `{{publisher.contact}}`.
    var publisher: Publisher?
    /// The sources its text cites, in order of first citation (their numbers in the source list).
    var citations: [String] = []
    /// The links to a part (`#part`) of another page, checked once every page is rendered.
    var anchors: [AnchorLink] = []
    /// The page bundles and static files, when files are checked and published (nil: references are left as written).
    var bundles: BundleIndex?
    /// The site's source language, whose files a translation borrows.
    var sourceLanguage = ""
    /// The files the page shows or links to, as written (`settings.png`, `/static/logo.svg`).
    var usedFiles: Set<String> = []
    /// Images a translation borrows from the source language ("image not localized").
    var borrowedImages: [SiteError] = []
    /// Fact namespaces already reported broken: an unknown fact of one is not reported again.
    var ignoredNamespaces: Set<String> = []

    /// A resolver for `page`, published at `path` among the pages of `language` (by default, its own).
    init(page: Page, facts: FactStore, router: Router, config: SiteConfig, language: String? = nil, path: String? = nil) {
        self.page = page
        self.facts = facts
        self.router = router
        self.locale = config.locale(page.language)
        self.linkLanguage = language ?? page.language
        self.ownPath = path ?? router.path(of: page)
    }

    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        if key.hasPrefix("publisher."), facts[key] == nil {
            return publisherValue(key, context: context, at: page.location(ofBody: position()))
        }
        switch facts.expansion(of: key, in: locale, destination: context == .destination, at: page.location(ofBody: position())) {
        case .success(let text):
            usedFacts.insert(key)
            return text
        case .failure(let error):
            record(error)
            return nil
        }
    }

    /// `{{publisher.name}}`, `{{publisher.url}}` or `{{publisher.contact}}` (its `mailto:` address, or its form) from `site.json`.
    private mutating func publisherValue(_ key: String, context: PlaceholderContext, at location: SourceLocation) -> String? {
        guard let publisher else {
            record(ContentError.unknownFact(location, key: key))
            return nil
        }
        let value: String?
        switch key {
        case "publisher.name": value = context == .destination ? nil : publisher.name
        case "publisher.url": value = publisher.url
        case "publisher.contact": value = publisher.email.map { context == .destination ? "mailto:\($0)" : $0 } ?? publisher.form
        default: value = nil
        }
        guard let value else {
            record(ContentError.unknownFact(location, key: key))
            return nil
        }
        return value
    }

    mutating func cite(_ keys: [String], at position: @autoclosure () -> TextPosition) -> [Citation]? {
        guard !keys.isEmpty else {
            errors.append(
                ContentError.missingField(
                    page.location(ofBody: position()), field: "a source key after \"cite\", e.g. {{cite sources.dpc-2025-05-21}}")
            )
            return nil
        }
        var found: [Citation] = []
        for key in keys {
            switch facts[key]?.value {
            case .source?:
                if !citations.contains(key) { citations.append(key) }
                usedFacts.insert(key)
                found.append(Citation(number: citations.firstIndex(of: key)! + 1, key: key))
            case nil:
                record(ContentError.unknownFact(page.location(ofBody: position()), key: key))
            case let other?:
                errors.append(
                    ContentError.factTypeMismatch(
                        page.location(ofBody: position()), key: key, expected: "a source (in a citation)", actual: other.typeName))
            }
        }
        return found.count == keys.count ? found : nil

    }

    /// Records `error`, unless it is an unknown fact of a namespace in `ignoredNamespaces`.
    private mutating func record(_ error: ContentError) {
        if case .unknownFact(_, let key) = error, let namespace = key.split(separator: ".").first,
            ignoredNamespaces.contains(String(namespace))
        {
            return
        }
        errors.append(error)
    }

    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) {
        errors.append(problem.error(at: page.location(ofBody: position)))
    }

    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? {
        guard let (path, fragment, query) = ArticleLink.parse(destination) else { return nil }
        let target = Router.resolve(path.removingPercentEncodingIfPossible, from: page.relativePath)
        if let target { linkedPages.insert(target) }
        guard let target,
            let targetPath = router.path(of: Router.PageID(language: linkLanguage, relativePath: target)),
            let ownPath
        else {
            errors.append(SiteError.brokenLink(page.location(ofBody: position()), target: destination))
            return nil
        }
        if query != nil {
            errors.append(SiteError.queryInArticleLink(page.location(ofBody: position()), target: destination))
            return nil
        }
        if let fragment, !fragment.isEmpty {
            anchors.append(
                AnchorLink(
                    location: page.location(ofBody: position()), target: Router.PageID(language: linkLanguage, relativePath: target),
                    destination: destination, fragment: fragment))
        }
        let url = Router.relative(from: ownPath, to: targetPath)
        return fragment.map { "\(url)#\($0)" } ?? url
    }
}

extension PageResolver {
    mutating func resolveImage(_ image: ImageReference, at position: @autoclosure () -> TextPosition) -> String? {
        let decorative = image.alt == "-"
        if image.alt.allSatisfy(\.isWhitespace) {
            errors.append(SiteError.missingAltText(page.location(ofBody: position()), image: image.destination))
            return nil
        }
        var attributes = ImageMarkup.Attributes(alt: decorative ? "" : image.alt, title: image.title, first: image.index == 0)
        guard LocalReference.isLocal(image.destination), bundles != nil, ownPath != nil else {
            return ImageMarkup.plain(src: image.destination, attributes: attributes)
        }
        guard let (entry, url) = localFile(image.destination, at: position()) else { return nil }
        switch entry.asset {
        case .raster(let processed):
            return ImageMarkup.picture(processed, url: url, name: BundleIndex.variantName, attributes: attributes)
        case .svg(_, let width, let height):
            attributes.width = width
            attributes.height = height
            return ImageMarkup.plain(src: url.joined, attributes: attributes)
        case .file:
            return ImageMarkup.plain(src: url.joined, attributes: attributes)
        }
    }

    mutating func resolveFile(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? {
        guard bundles != nil, ownPath != nil, let (entry, url) = localFile(destination, at: position()) else { return nil }
        if case .raster(let processed) = entry.asset, let widest = processed.widest(processed.fallback) {
            return ImageMarkup.URLParts(
                folder: url.folder, name: BundleIndex.variantName(url.name, widest, in: processed), suffix: url.suffix
            ).joined
        }
        return url.joined
    }

    /// The entry a local reference names and its URL from this page, or nil after recording an error.
    private mutating func localFile(_ destination: String, at position: TextPosition) -> (BundleIndex.Entry, ImageMarkup.URLParts)? {
        guard let bundles, let ownPath else { return nil }
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let suffix = String(destination[cut...])
        let written = String(destination[..<cut]).removingPercentEncodingIfPossible
        let staticPrefix = "/\(BundleIndex.staticFolder)/"
        if written.hasPrefix(staticPrefix) {
            let path = BundleIndex.staticFolder + "/" + String(written.dropFirst(staticPrefix.count))
            usedFiles.insert("/" + path)
            guard let entry = bundles.entries[path] else {
                // A file that is there but unusable has its own error.
                if bundles.unusable.contains(path) { return nil }
                errors.append(
                    SiteError.missingFile(page.location(ofBody: position), reference: destination, looked: "\(bundles.contentRoot)/\(path)")
                )
                return nil
            }
            let folder = Router.relative(from: ownPath, to: BundleIndex.staticFolder + "/")
            return (
                entry,
                ImageMarkup.URLParts(
                    folder: folder == "./" ? "" : folder, name: String(path.dropFirst(BundleIndex.staticFolder.count + 1)), suffix: suffix)
            )
        }
        let name = Self.normalise(written)
        usedFiles.insert(name ?? written)
        guard let name, let found = bundles.resolve(name, page: page.relativePath, language: linkLanguage, sourceLanguage: sourceLanguage)
        else {
            if let name, bundles.isUnusable(name, page: page.relativePath, language: linkLanguage, sourceLanguage: sourceLanguage) {
                return nil
            }
            var looked = [bundles.expectedPath(name ?? written, page: page.relativePath, language: linkLanguage)]
            if linkLanguage != sourceLanguage {
                looked.append(bundles.expectedPath(name ?? written, page: page.relativePath, language: sourceLanguage))
            }
            errors.append(
                SiteError.missingFile(page.location(ofBody: position), reference: destination, looked: looked.joined(separator: " and ")))
            return nil
        }
        if found.borrowed, linkLanguage == page.language, found.entry.isImage {
            borrowedImages.append(
                SiteError.imageNotLocalized(
                    page.location(ofBody: position), image: name,
                    expected: bundles.expectedPath(name, page: page.relativePath, language: page.language)))
        }
        // A file borrowed from the source language is reached where the source page publishes it (not copied).
        if found.borrowed, let sourcePath = router.path(of: Router.PageID(language: sourceLanguage, relativePath: page.relativePath)) {
            return (found.entry, ImageMarkup.URLParts(folder: Router.relative(from: ownPath, to: sourcePath), name: name, suffix: suffix))
        }
        return (found.entry, ImageMarkup.URLParts(folder: "", name: name, suffix: suffix))
    }

    /// `./a/../b.png` → `b.png`; nil when the path leaves the page's folder or is empty.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty || path.hasPrefix("/") ? nil : parts.joined(separator: "/")
    }
}

extension String {
    /// `%20` and friends decoded, for matching file names; unchanged when not decodable.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard containsByte(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
