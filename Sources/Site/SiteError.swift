import Diagnostics

/// A problem found while loading, rendering or publishing the whole site, with where it is.
///
/// Every case's first value is the location; `message` says in plain words what is wrong and how to fix it.
public enum SiteError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A file could not be read or written.
    case io(SourceLocation, detail: String)
    /// A language has no `content/strings/<lang>.json`.
    case missingStringsFile(SourceLocation, language: String, source: String)
    /// A page names a campaign that `site.json` does not declare.
    case unknownCampaign(SourceLocation, name: String)
    /// A relative link points at an article that does not exist.
    case brokenLink(SourceLocation, target: String)
    /// Two pages would be written to the same output file.
    case duplicateOutput(SourceLocation, output: String, other: SourceLocation)
    /// A UI string is missing for a language.
    case missingString(SourceLocation, key: String, language: String)
    /// A symbolic link in the content points outside the content folder.
    case symlinkOutsideContent(SourceLocation, target: String)
    /// A source file is larger than Guidepost reads.
    case fileTooLarge(SourceLocation, bytes: Int, limit: Int)
    /// A page has no translation in a language (`--strict`; otherwise a warning and a fallback page).
    case untranslatedPage(SourceLocation, language: String)
    /// A translation prints other facts than its source page.
    case translationFactsDiffer(SourceLocation, missing: [String], extra: [String])
    /// A translation has other checklists than its source page.
    case translationChecklistsDiffer(SourceLocation, expected: [Int], actual: [Int])
    /// A translation has another number of headings of one level than its source page.
    case translationHeadingsDiffer(SourceLocation, level: Int, expected: Int, actual: Int)
    /// A translation that never recorded the source version it was made from (no `sourceHash`).
    /// `mark`, from the front end, says how to record the review.
    case newTranslation(SourceLocation, source: String, mark: String = FrontEndAdvice.markReviewed)
    /// The source page changed since this translation was made or last marked current.
    case staleTranslation(SourceLocation, source: String, mark: String = FrontEndAdvice.markReviewed)
    /// A translation has other callouts (by type, in order) than its source page.
    case translationCalloutsDiffer(SourceLocation, expected: [String], actual: [String])
    /// A `menu` item of `site.json` names no page of the source language.
    case unknownMenuItem(SourceLocation, item: String, language: String)
    /// A URL the previous build published would disappear (no page, alias or retirement keeps it).
    case disappearingURL(SourceLocation, url: String)
    /// An alias or retired URL is also another page's URL.
    case aliasCollision(SourceLocation, url: String, other: String)
    /// `translations mark` was given the source language, whose pages are not translations.
    case notATranslation(SourceLocation, language: String)
    /// A file or folder cannot be opened, listed or read; `problem` says why and how to fix it.
    case unreadable(SourceLocation, problem: String)
    /// A source path is a FIFO, socket, device or other file that is not a regular file or folder.
    case notRegularFile(SourceLocation, kind: String)
    /// A symbolic link leads back to a folder already being read (a loop), or folders nest too deep.
    case symlinkLoop(SourceLocation, target: String)
    /// Two file names in one folder differ only by Unicode normalisation or letter case.
    case nameCollision(SourceLocation, other: String)
    /// An external program (Pagefind) did not finish in time and was stopped.
    /// `advice`, from the front end, says how to allow more time (its flag).
    case toolTimedOut(SourceLocation, tool: String, seconds: Int, advice: String?)
    /// Search is on but the Pagefind executable is not where it was looked for (`path` empty: not on the `PATH`).
    /// `install`, from the front end, says how to get it or point at it.
    case pagefindNotFound(SourceLocation, path: String, install: String)
    /// A slug or folder name takes the name of a file Guidepost writes itself.
    case reservedSlug(SourceLocation, slug: String, output: String)
    /// A link's `#part` names no id on the page it leads to.
    case brokenAnchor(SourceLocation, target: String, fragment: String, suggestion: String?)
    /// A link to an article has a query (`other.md?x=1`), which the published page cannot take.
    case queryInArticleLink(SourceLocation, target: String)
    /// An image or file reference names a file that does not exist (`looked`: where it was looked for).
    case missingFile(SourceLocation, reference: String, looked: String)
    /// An image has no alt text.
    case missingAltText(SourceLocation, image: String)
    /// An SVG contains something that could run code (`found`: what).
    case unsafeSVG(SourceLocation, found: String)
    /// A raster image cannot be read, or is not what its name says.
    case unusableImage(SourceLocation, detail: String)
    /// A translation shows the source language's image because its own folder lacks it.
    case imageNotLocalized(SourceLocation, image: String, expected: String)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .io(let location, _), .missingStringsFile(let location, _, _), .unknownCampaign(let location, _),
            .brokenLink(let location, _), .duplicateOutput(let location, _, _), .missingString(let location, _, _),
            .symlinkOutsideContent(let location, _), .fileTooLarge(let location, _, _), .untranslatedPage(let location, _),
            .translationFactsDiffer(let location, _, _), .translationChecklistsDiffer(let location, _, _),
            .translationHeadingsDiffer(let location, _, _, _), .newTranslation(let location, _, _), .staleTranslation(let location, _, _),
            .translationCalloutsDiffer(let location, _, _), .unknownMenuItem(let location, _, _), .disappearingURL(let location, _),
            .aliasCollision(let location, _, _), .notATranslation(let location, _), .unreadable(let location, _),
            .notRegularFile(let location, _), .symlinkLoop(let location, _), .nameCollision(let location, _),
            .toolTimedOut(let location, _, _, _), .pagefindNotFound(let location, _, _), .reservedSlug(let location, _, _),
            .brokenAnchor(let location, _, _, _), .queryInArticleLink(let location, _), .missingFile(let location, _, _),
            .missingAltText(let location, _), .unsafeSVG(let location, _), .unusableImage(let location, _),
            .imageNotLocalized(let location, _, _):
            return location
        }
    }

    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .io(_, let detail):
            return "cannot read or write this file (\(detail)); check that it exists and is readable"
        case .missingStringsFile(_, let language, let source):
            return
                "the language \"\(language)\" has no UI strings file; create content/strings/\(language).json (copy content/strings/\(source).json and translate its values)"
        case .unknownCampaign(_, let name):
            return "there is no campaign \"\(name)\"; list it under \"campaigns\" in content/site.json or fix the name"
        case .brokenLink(_, let target):
            return
                "the link target \"\(target)\" is not an article in this language; fix the path (relative to this file) or create the article"
        case .duplicateOutput(_, let output, let other):
            return "this page would be written to \(output), which \(other) also writes; give one of them another slug"
        case .missingString(_, let key, let language):
            return "the UI string \"\(key)\" is missing for \"\(language)\"; add it to content/strings/\(language).json"
        case .symlinkOutsideContent(_, let target):
            return "this symbolic link points outside the content folder (to \(target)) and is not followed; copy the file in instead"
        case .fileTooLarge(_, let bytes, let limit):
            return
                "this file is \(bytes / 1_000_000) MB; source files are limited to \(limit / 1_000_000) MB, so split it into several pages"
        case .untranslatedPage(_, let language):
            return
                "this page has no \"\(language)\" translation; create content/\(language)/ with the same path (until then readers get this version with a notice)"
        case .translationFactsDiffer(_, let missing, let extra):
            let parts =
                (missing.isEmpty ? [] : ["does not use \(missing.joined(separator: ", "))"])
                + (extra.isEmpty ? [] : ["also uses \(extra.joined(separator: ", "))"])
            return
                "this translation prints other facts than its source page: it \(parts.joined(separator: " and ")); use the same placeholders"
        case .translationChecklistsDiffer(_, let expected, let actual):
            return
                "this translation's checklists have \(actual.map(String.init).joined(separator: ", ")) items where the source page has \(expected.map(String.init).joined(separator: ", ")); keep the same steps in the same order"
        case .translationHeadingsDiffer(_, let level, let expected, let actual):
            return "this translation has \(actual) level-\(level) headings where the source page has \(expected); keep the same structure"
        case .newTranslation(_, let source, let mark):
            return "this translation is new, not yet reviewed against the source page \(source); review it, then \(mark)"
        case .staleTranslation(_, let source, let mark):
            return "the source page \(source) changed since this translation was made; update the translation, then \(mark)"
        case .translationCalloutsDiffer(_, let expected, let actual):
            let list = { (types: [String]) in types.isEmpty ? "none" : types.joined(separator: ", ") }
            return
                "this translation's callouts are \(list(actual)) where the source page has \(list(expected)); keep the same callouts ([!NOTE], [!WARNING]…) in the same order"
        case .unknownMenuItem(_, let item, let language):
            return
                "the menu item \"\(item)\" is not a page of the source language; write its path under content/\(language)/, such as \"facebook.md\", or \"linkedin/\" for a section"
        case .disappearingURL(_, let url):
            return
                "the previous build published \(url), which this build would drop; add it to the \"aliases\" of the page that replaces it, or to \"retired\" in content/site.json if it is gone for good"
        case .aliasCollision(_, let url, let other):
            return "\(url) is already the address of \(other); remove it from the aliases or retired URLs"
        case .notATranslation(_, let language):
            return
                "\"\(language)\" is the source language, whose pages are the originals, not translations; name the language of the translation you reviewed"
        case .unreadable(_, let problem):
            return problem
        case .notRegularFile(_, let kind):
            return "this is \(kind), not a regular file, and is not read; replace it with a plain file or move it out of the folder"
        case .symlinkLoop(_, let target):
            return
                "this symbolic link (to \(target)) leads back into a folder that is already being read, so it is not followed; remove the link or point it at a folder outside the loop"
        case .nameCollision(_, let other):
            return
                "this file's name is the same as \"\(other)\" once Unicode normalisation and letter case are ignored, so web hosts would treat them as one file; rename or merge one of them"
        case .toolTimedOut(_, let tool, let seconds, let advice):
            return "\(tool) did not finish within \(seconds) s and was stopped; check that it works on its own"
                + (advice.map { ", or \($0)" } ?? "")
        case .pagefindNotFound(_, let path, let install):
            return "\"search\" is on but Pagefind was not found \(path.isEmpty ? "on the PATH" : "at \(path)"); "
                + "\(install), or set \"search\": false in content/site.json"
        case .reservedSlug(_, let slug, let output):
            return "the slug \"\(slug)\" is the name of a file Guidepost writes itself (\(output)); choose another slug"
        case .brokenAnchor(_, let target, let fragment, let suggestion):
            let hint = suggestion.map { "did you mean \"#\($0)\"? " } ?? ""
            return
                "the link \"\(target)\" leads to no heading or checklist with the id \"\(fragment)\" on that page; \(hint)fix the part after #, or remove it to link to the whole page"
        case .queryInArticleLink(_, let target):
            return
                "the link \"\(target)\" adds a query (?…) to an article, which the published page ignores; remove the part from ? (a #part may stay)"
        case .missingFile(_, let reference, let looked):
            return
                "the file \"\(reference)\" does not exist (looked for \(looked)); add it there or fix the name (relative to the page's folder)"
        case .missingAltText(_, let image):
            return
                "the image \"\(image)\" has no alt text; say what it shows between the brackets, ![like this](\(image)), or write ![-](\(image)) if it is only decoration"
        case .unsafeSVG(_, let found):
            return
                "this SVG contains \(found), which could run code in the reader's browser; Guidepost publishes no SVG with scripts, event attributes, javascript: URLs or foreignObject, so remove it"
        case .unusableImage(_, let detail):
            return detail
        case .imageNotLocalized(_, let image, let expected):
            return "image not localized: \"\(image)\" is shown from the source language; add this language's version at \(expected)"
        }
    }
}
