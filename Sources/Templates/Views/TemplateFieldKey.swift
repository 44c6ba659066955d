/// A name of a view model's field, found once when a template is compiled (`TemplatePath.field`), so that a
/// `lookup` picks its field with one jump instead of a chain of string comparisons: every name of every
/// view model's schema, once, in alphabetical order (`TemplateSchemaTests` checks that it is exactly those).
public enum TemplateFieldKey: String, Sendable, CaseIterable {
    case afterText, allSources, alternates, banner, banners, breadcrumb, builtOn, builtOnISO, calendarURL, campaign
    case canonicalURL, category, cells, children, closing, code, content, contentLanguage, date, deadlineEpochMillis
    case deadlineISO, deadlineText, description, documentTitle, enter, extra, fallbackLabel, feedURL, groups, hasNeighbours
    case hasSearch, hasUntil, headings, homeURL, hreflang, id, isClosing, isCurrent, isHome, isLastDay, isMissing, isOpen
    case isPassed, isRightToLeft, iso, key, lang, language, languages, lastDay, lastDayText, level, menu, missingLabel, name
    case next, noindex, notFound, notes, notice, numberingSystem, ogLocale, ogLocaleAlternates, ogType, open, page, pages
    case passed, previous, progressForms, publisher, publisherLabel, publisherName, publisherURL, reportLabel, reportURL
    case rootURL, rows, scriptURL, searchScriptURL, searchStylesheetURL, site, siteTitle, sources, state, status, statusClass
    case stylesheetURL, t, text, texts, timeZone, title, titleNote, toc, undatedText, untilPrefix, untilSuffix, updated, url
    case via, viaHost, viaText, warningDays
}
