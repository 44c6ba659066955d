extension BuildError: CustomStringConvertible {
    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .io(_, let detail):
            return "cannot read or write this file (\(detail)); check that it exists and is readable"
        case .invalidUTF8:
            return "this file is not valid UTF-8 text; save it again as UTF-8 in your editor"
        case .malformedJSON(_, let detail):
            return "malformed JSON: \(detail); fix the JSON syntax here (a missing comma, quote or brace is the usual cause)"
        case .missingFrontMatter:
            return "an article must start with a JSON front-matter object such as {\"title\": \"…\"}; add one at the top of the file"
        case .unclosedFrontMatter:
            return "the front-matter object opened here never closes; add the closing } on its own line before the Markdown text"
        case .missingField(_, let field):
            return "the required field \"\(field)\" is missing; add it"
        case .wrongType(_, let field, let expected):
            return "\"\(field)\" must be \(expected); change its value"
        case .unknownField(_, let field, let known):
            return "unknown field \"\(field)\"; use one of \(known.map { "\"\($0)\"" }.joined(separator: ", ")) or remove it"
        case .invalidDate(_, let value):
            return "\"\(value)\" is not a valid date; write a real calendar date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS for an instant)"
        case .unknownTimeZone(_, let name):
            return "\"\(name)\" is not a known time zone; use an IANA name such as \"Europe/Brussels\""
        case .invalidSlug(_, let slug):
            return "the slug \"\(slug)\" cannot be used in a URL; use letters, digits and hyphens only (no /, \\, .. or control characters)"
        case .unknownLanguage(_, let code):
            return "\"\(code)\" is not one of the languages in content/site.json; add it there or fix the code"
        case .unknownLocale(_, let locale):
            return
                "\"\(locale)\" is not a locale CLDR has data for, so its dates, numbers and plurals cannot be written; use a CLDR locale such as \"fr_BE\", \"pt_BR\" or \"ar_EG\" under \"locales\" in content/site.json"
        case .missingStringsFile(_, let language, let source):
            return
                "the language \"\(language)\" has no UI strings file; create content/strings/\(language).json (copy content/strings/\(source).json and translate its values)"
        case .missingPluralCategory(_, let key, let category, let language):
            return
                "the UI string \"\(key)\" has no \"\(category)\" form, which \"\(language)\" needs for some counts (CLDR plural rules); add \"\(category)\": \"…\" to it"
        case .newTranslation(_, let source):
            return
                "this translation is new, not yet reviewed against the source page \(source); review it, then run guidepost translations mark"
        case .missingTranslation(_, let language):
            return "this localized text has no \"\(language)\" version; add one"
        case .unknownFact(_, let key):
            return "there is no fact \"\(key)\"; check the spelling or define it in content/facts/"
        case .factTypeMismatch(_, let key, let expected, let actual):
            return "the fact \"\(key)\" is \(actual) but \(expected) is needed here; use another fact or change its type"
        case .duplicateFact(_, let key, let first):
            return "the fact \"\(key)\" is already defined at \(first); give one of them another name"
        case .unknownCampaign(_, let name):
            return "there is no campaign \"\(name)\"; list it under \"campaigns\" in content/site.json or fix the name"
        case .invalidCampaign(_, let name, let reason):
            return "the campaign \"\(name)\" \(reason)"
        case .brokenLink(_, let target):
            return
                "the link target \"\(target)\" is not an article in this language; fix the path (relative to this file) or create the article"
        case .duplicateOutput(_, let output, let other):
            return "this page would be written to \(output), which \(other) also writes; give one of them another slug"
        case .templateSyntax(_, let detail):
            return "template syntax error: \(detail); fix the Mustache tag here"
        case .missingTemplate(_, let name):
            return "there is no template \"\(name)\"; create templates/\(name).mustache or fix the name"
        case .templateCycle(_, let chain):
            return "templates include each other in a loop (\(chain.joined(separator: " → "))); break the loop"
        case .unknownTemplateName(_, let name, let layout, let context, let suggestion):
            let fix = suggestion.map { "did you mean \"\($0)\"?" } ?? "fix the name;"
            return
                "unknown name \"\(name)\" (the \"\(layout)\" template gets \(context)); \(fix) docs/template-names.md lists every name a template can use"
        case .templateTooDeep(_, let name, let limit):
            return "templates are included more than \(limit) levels deep here (\"\(name)\" again and again); "
                + "a template that includes itself must be ended by the data, e.g. inside a section over a list that is empty at the deepest level"
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
        case .staleTranslation(_, let source):
            return
                "the source page \(source) changed since this translation was made; update the translation, then run guidepost translations mark"
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
        case .unsafeOutput(_, let reason):
            return reason
        case .outputLocked(_, let lock):
            return
                "another Guidepost build is writing this output folder (it holds \(lock)); wait for it to finish and try again, or leave out --no-wait to wait for it"
        case .toolTimedOut(_, let tool, let seconds):
            return
                "\(tool) did not finish within \(seconds) s and was stopped; check that it works on its own, or allow more time with --pagefind-timeout"
        case .invalidJSONValue(_, let detail):
            return detail
        case .invalidInstant(_, let value, let reason):
            return "\"\(value)\" \(reason)"
        case .invalidBaseURL(_, let url, let reason):
            return "the base URL \"\(url)\" \(reason)"
        case .controlCharacter(_, let scalar):
            return "the control character \(scalar) cannot appear in a page (it would make the HTML and XML output invalid); remove it"
        case .malformedLanguageCode(_, let code):
            return
                "\"\(code)\" is not a language code; write a lowercase BCP 47 code such as \"fr\", \"nl\" or \"pt-br\" (letters a to z and hyphens, at most 8 characters)"
        case .reservedSlug(_, let slug, let output):
            return "the slug \"\(slug)\" is the name of a file Guidepost writes itself (\(output)); choose another slug"
        case .diskFull(_, let needed, let available):
            func size(_ bytes: Int) -> String {
                bytes < 1_000_000
                    ? "\(Int((Double(bytes) / 1_000).rounded(.up))) KB" : "\(Int((Double(bytes) / 1_000_000).rounded(.up))) MB"
            }
            let free = available.map { ", and \(size($0)) are free" } ?? ""
            return
                "the disk is full, so this file could not be written; the site needs about \(size(needed))\(free): free some space and build again (the previous site is left as it was)"
        case .pagefindNotFound(_, let path):
            return
                "\"search\" is on but Pagefind was not found \(path.isEmpty ? "on the PATH" : "at \(path)"); install it (pip install 'pagefind[bin]', or make site), pass --pagefind <path>, or set \"search\": false in content/site.json"
        case .incompleteSource(_, let key, let problem):
            return "the source \"\(key)\" \(problem)"
        case .staleVerification(_, let key, let verified, let days, let limit):
            return
                "the fact \"\(key)\" was last verified on \(verified), \(days) days ago (more than verifiedMaxAgeDays, \(limit)); check it against its sources again and update \"verified\""
        case .brokenAnchor(_, let target, let fragment, let suggestion):
            let hint = suggestion.map { "did you mean \"#\($0)\"? " } ?? ""
            return
                "the link \"\(target)\" leads to no heading or checklist with the id \"\(fragment)\" on that page; \(hint)fix the part after #, or remove it to link to the whole page"
        case .queryInArticleLink(_, let target):
            return
                "the link \"\(target)\" adds a query (?…) to an article, which the published page ignores; remove the part from ? (a #part may stay)"
        case .tableTooLarge(_, let limit):
            return
                "short rows in this table would be filled with more than \(limit) empty cells (counting every table on this page), too many to render safely; give each row as many cells as the header row, or split the table"
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

    /// `path:line:column: error: message`, the format editors and IDEs recognise.
    public var description: String { "\(location): error: \(message)" }

    /// The same line as a warning, for translation problems outside `--strict`.
    public var warningDescription: String { "\(location): warning: \(message)" }
}
