/// Everything that can stop a build, each carrying where it happened and what is wrong.
///
/// Every case's first value is the location; `message` says in plain words what to fix.
public enum BuildError: Error, Hashable, Sendable {
    /// A file could not be read or written.
    case io(SourceLocation, detail: String)
    /// A file is not valid UTF-8.
    case invalidUTF8(SourceLocation)
    /// A JSON file (or front matter) is not well-formed JSON.
    case malformedJSON(SourceLocation, detail: String)
    /// An article does not start with a JSON front-matter object.
    case missingFrontMatter(SourceLocation)
    /// The front-matter object opened here never closes.
    case unclosedFrontMatter(SourceLocation)
    /// A required field is absent.
    case missingField(SourceLocation, field: String)
    /// A field has a value of the wrong JSON type.
    case wrongType(SourceLocation, field: String, expected: String)
    /// A field name the contract does not know (often a typo).
    case unknownField(SourceLocation, field: String, known: [String])
    /// A value is not a valid calendar date or date-time.
    case invalidDate(SourceLocation, value: String)
    /// A time-zone name is not in the IANA database.
    case unknownTimeZone(SourceLocation, name: String)
    /// A slug would escape its folder or is otherwise unusable in a URL.
    case invalidSlug(SourceLocation, slug: String)
    /// A language code is not one of `site.json`'s languages.
    case unknownLanguage(SourceLocation, code: String)
    /// A locale CLDR (as ICU carries it) has no data for.
    case unknownLocale(SourceLocation, locale: String)
    /// A language has no `content/strings/<lang>.json`.
    case missingStringsFile(SourceLocation, language: String, source: String)
    /// A UI string shown with a count lacks a plural category its language needs.
    case missingPluralCategory(SourceLocation, key: String, category: String, language: String)
    /// A localized text lacks one of the site's languages.
    case missingTranslation(SourceLocation, language: String)
    /// A placeholder or source id names no fact.
    case unknownFact(SourceLocation, key: String)
    /// A fact is used where its type does not fit.
    case factTypeMismatch(SourceLocation, key: String, expected: String, actual: String)
    /// The same fact key is defined twice.
    case duplicateFact(SourceLocation, key: String, first: SourceLocation)
    /// A page names a campaign that `site.json` does not declare.
    case unknownCampaign(SourceLocation, name: String)
    /// A campaign's facts lack what a campaign needs.
    case invalidCampaign(SourceLocation, name: String, reason: String)
    /// A relative link points at an article that does not exist.
    case brokenLink(SourceLocation, target: String)
    /// Two pages would be written to the same output file.
    case duplicateOutput(SourceLocation, output: String, other: SourceLocation)
    /// A Mustache template does not parse.
    case templateSyntax(SourceLocation, detail: String)
    /// A layout or partial names a template that does not exist.
    case missingTemplate(SourceLocation, name: String)
    /// Templates include each other in a loop.
    case templateCycle(SourceLocation, chain: [String])
    /// Rendering went deeper than the include limit: a recursive partial that the data does not end.
    case templateTooDeep(SourceLocation, name: String, limit: Int)
    /// A template reads a name that the view model it is rendered with (`context`, for the template `layout`)
    /// can never provide; `suggestion` is the closest name that exists.
    case unknownTemplateName(SourceLocation, name: String, layout: String, context: String, suggestion: String?)
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
    case newTranslation(SourceLocation, source: String)
    /// The source page changed since this translation was made or last marked current.
    case staleTranslation(SourceLocation, source: String)
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
    /// The output folder cannot be used: Guidepost could destroy or hide something it did not make.
    case unsafeOutput(SourceLocation, reason: String)
    /// Another build holds the output's lock.
    case outputLocked(SourceLocation, lock: String)
    /// An external program (Pagefind) did not finish in time and was stopped.
    case toolTimedOut(SourceLocation, tool: String, seconds: Int)
    /// A JSON value is well-formed but unusable: a control character, or a number out of range.
    case invalidJSONValue(SourceLocation, detail: String)
    /// An instant (a local date-time in a zone, or `--now`) does not name exactly one moment.
    case invalidInstant(SourceLocation, value: String, reason: String)
    /// A base URL is not an absolute http(s) URL without query or fragment (`reason` ends with how to fix it).
    case invalidBaseURL(SourceLocation, url: String, reason: String)
    /// A text contains a control character no HTML or XML output may carry.
    case controlCharacter(SourceLocation, scalar: String)
    /// A language code is not shaped like one (`EN_us`).
    case malformedLanguageCode(SourceLocation, code: String)
    /// Search is on but the Pagefind executable is not where it was looked for (`path` empty: not on the `PATH`).
    case pagefindNotFound(SourceLocation, path: String)
    /// A slug or folder name takes the name of a file Guidepost writes itself.
    case reservedSlug(SourceLocation, slug: String, output: String)
    /// The disk filled up while this file was written (`needed`: the whole site's size; `available`: free bytes, if known).
    case diskFull(SourceLocation, needed: Int, available: Int?)
    /// A source lacks what a reader needs to check it (`--strict`; otherwise a warning).
    case incompleteSource(SourceLocation, key: String, problem: String)
    /// A fact was last verified longer ago than `verifiedMaxAgeDays` (always a warning).
    case staleVerification(SourceLocation, key: String, verified: String, days: Int, limit: Int)
    /// A page's tables would pad their short rows with more empty cells than cmark-gfm can safely make.
    case tableTooLarge(SourceLocation, limit: Int)
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
        case .io(let l, _), .invalidUTF8(let l), .malformedJSON(let l, _), .missingFrontMatter(let l),
            .unclosedFrontMatter(let l), .missingField(let l, _), .wrongType(let l, _, _),
            .unknownField(let l, _, _), .invalidDate(let l, _), .unknownTimeZone(let l, _),
            .invalidSlug(let l, _), .unknownLanguage(let l, _), .missingTranslation(let l, _),
            .unknownFact(let l, _), .factTypeMismatch(let l, _, _, _), .duplicateFact(let l, _, _),
            .unknownCampaign(let l, _), .invalidCampaign(let l, _, _), .brokenLink(let l, _),
            .duplicateOutput(let l, _, _), .templateSyntax(let l, _), .missingTemplate(let l, _),
            .templateCycle(let l, _), .templateTooDeep(let l, _, _), .unknownTemplateName(let l, _, _, _, _), .missingString(let l, _, _),
            .symlinkOutsideContent(let l, _),
            .untranslatedPage(let l, _), .translationFactsDiffer(let l, _, _), .translationChecklistsDiffer(let l, _, _),
            .translationHeadingsDiffer(let l, _, _, _), .staleTranslation(let l, _), .fileTooLarge(let l, _, _),
            .translationCalloutsDiffer(let l, _, _), .unknownMenuItem(let l, _, _), .disappearingURL(let l, _),
            .aliasCollision(let l, _, _),
            .notATranslation(let l, _), .unreadable(let l, _), .notRegularFile(let l, _), .symlinkLoop(let l, _), .nameCollision(let l, _),
            .unsafeOutput(let l, _),
            .outputLocked(let l, _), .toolTimedOut(let l, _, _),
            .invalidJSONValue(let l, _), .invalidInstant(let l, _, _), .invalidBaseURL(let l, _, _), .controlCharacter(let l, _),
            .malformedLanguageCode(let l, _), .pagefindNotFound(let l, _), .reservedSlug(let l, _, _),
            .diskFull(let l, _, _),
            .incompleteSource(let l, _, _), .staleVerification(let l, _, _, _, _),
            .unknownLocale(let l, _), .missingStringsFile(let l, _, _), .missingPluralCategory(let l, _, _, _), .newTranslation(let l, _):
            return l
        case .tableTooLarge(let l, _), .brokenAnchor(let l, _, _, _), .queryInArticleLink(let l, _),
            .missingFile(let l, _, _), .missingAltText(let l, _), .unsafeSVG(let l, _), .unusableImage(let l, _),
            .imageNotLocalized(let l, _, _):
            return l
        }
    }
}
