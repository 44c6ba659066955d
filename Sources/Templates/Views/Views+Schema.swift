import Markdown

// The static schema of every view model: the names a template can read in it and what each holds. The name
// check walks templates with it and `docs/template-names.md` is generated from it; `TemplateSchemaTests`
// checks it (and the `lookup` switches) against each type's stored properties, so neither can drift.

extension ArticleContext: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "ArticleContext",
        [
            TemplateField("page", .object(PageView.templateSchema), "The shared page parts."),
            TemplateField("content", .html, "The article's HTML."),
            TemplateField("date", .optional(.object(DateView.templateSchema)), "The publication date, localized, if any."),
            TemplateField("updated", .optional(.object(DateView.templateSchema)), "The last update, localized, if any."),
            TemplateField("sources", .list(.object(SourceView.templateSchema)), "The sources behind the facts the page uses."),
            TemplateField(
                "banner", .optional(.object(BannerView.templateSchema)), "The campaign's deadline banner, if the page joins one."),
            TemplateField("headings", .list(.object(Heading.templateSchema)), "The headings, for a table of contents."),
            TemplateField(
                "allSources", .list(.object(SourceView.templateSchema)),
                "Every source of the site, for the `sources` layout (empty for other layouts)."),
            TemplateField(
                "notice", .optional(.text), "A translation notice: not yet translated (this is the source text), or possibly out of date."),
            TemplateField(
                "contentLanguage", .optional(.text),
                "The language of `content` when it differs from the page's (a fallback to the source text)."),
            TemplateField(
                "breadcrumb", .list(.object(PageLinkView.templateSchema)),
                "The sections above the page, outermost first, starting with the language's home."),
            TemplateField(
                "previous", .optional(.object(PageLinkView.templateSchema)), "The page before this one in its section's reading order."),
            TemplateField(
                "next", .optional(.object(PageLinkView.templateSchema)), "The page after this one in its section's reading order."),
            TemplateField("site", .object(SiteView.templateSchema), "The site as a whole (`{{site.extra.…}}`)."),
            TemplateField("hasNeighbours", .flag, "Whether `previous` or `next` is set (templates have no \"or\")."),
            TemplateField(
                "children", .list(.object(PageLinkView.templateSchema)),
                "For a section's page (`index.md`): the pages and sections in it, in reading order."),
            TemplateField(
                "toc", .list(.object(Heading.templateSchema)),
                "The table of contents (levels 2 and 3), when the page shows one; else empty."),
        ])
}

extension DateView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "DateView",
        [
            TemplateField("text", .text, "\"21 mai 2025\"."),
            TemplateField("iso", .text, "\"2025-05-21\"."),
        ])
}

/// Markdown's `Heading` is the heading view model: templates' reference calls it `HeadingView`.
extension Heading: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "HeadingView", swiftType: "Heading",
        [
            TemplateField("level", .number, "2 to 6."),
            TemplateField("text", .text, "Its text."),
            TemplateField("id", .text, "Its anchor id."),
        ])
}

extension SourceView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "SourceView",
        [
            TemplateField("key", .text, "Its fact key (also its anchor id)."),
            TemplateField("publisher", .text, "Who published it."),
            TemplateField("title", .text, "Its title."),
            TemplateField("date", .optional(.object(DateView.templateSchema)), "When, localized."),
            TemplateField("url", .optional(.text), "The link, if known."),
            TemplateField("language", .text, "Its language code, for `hreflang`."),
            TemplateField(
                "titleNote", .optional(.text), "\"title taken from the page's address\", when the headline itself could not be read."),
            TemplateField("undatedText", .optional(.text), "\"date not shown\", in the page's language, when the source shows no date."),
            TemplateField("via", .optional(.text), "The address of the copy that was read, when it is not `url`."),
            TemplateField("viaHost", .text, "The host of `via`, as printed."),
            TemplateField("viaText", .text, "\"read in a copy at\", in the page's language."),
        ])
}

extension BannerView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "BannerView",
        [
            TemplateField("campaign", .text, "The campaign name."),
            TemplateField("state", .text, "`open`, `closing`, `last-day` or `passed`."),
            TemplateField("isOpen", .flag, "One flag per state, for template sections."),
            TemplateField("isClosing", .flag, "One flag per state, for template sections."),
            TemplateField("isLastDay", .flag, "One flag per state, for template sections."),
            TemplateField("isPassed", .flag, "One flag per state, for template sections."),
            TemplateField("title", .text, "The campaign title."),
            TemplateField("deadlineText", .text, "The deadline, localized (\"27 mai 2025\")."),
            TemplateField("deadlineISO", .text, "The deadline in RFC 3339 with its offset, for `<time datetime>`."),
            TemplateField("deadlineEpochMillis", .text, "The deadline in UTC milliseconds since 1970, for the script."),
            TemplateField("lastDay", .text, "The last day one can act, `YYYY-MM-DD` in the campaign's zone."),
            TemplateField("timeZone", .text, "The campaign's IANA zone."),
            TemplateField("warningDays", .number, "The warning threshold in days."),
            TemplateField("status", .text, "The status sentence for the build's \"now\" (\"Plus que 3 jours\")."),
            TemplateField("afterText", .optional(.text), "What still helps after the deadline."),
            TemplateField("calendarURL", .text, "The `.ics` file, relative to the page."),
            TemplateField(
                "texts", .object(BannerTexts.templateSchema),
                "Sentences the script needs to recompute the status, as `data-` attribute values."),
            TemplateField(
                "hasUntil", .flag,
                "Whether the deadline is worded by its last day (\"until 26 May 2025 inclusive\", the `banner-until` string)."),
            TemplateField("untilPrefix", .text, "The words before the last day in that wording."),
            TemplateField("untilSuffix", .text, "The words after the last day in that wording."),
            TemplateField("lastDayText", .text, "The last day one can act, localized (\"26 mai 2025\")."),
        ])
}

extension BannerTexts: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "BannerTexts",
        [
            TemplateField(
                "open", .list(.object(PluralFormView.templateSchema)),
                "More than the threshold left: every plural form the strings file has, in CLDR order."),
            TemplateField(
                "closing", .list(.object(PluralFormView.templateSchema)), "The threshold or fewer left: every plural form, in CLDR order."),
            TemplateField("lastDay", .text, "Today is the last day."),
            TemplateField("passed", .text, "The deadline has passed."),
        ])
}

extension PluralFormView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "PluralFormView",
        [
            TemplateField("category", .text, "The CLDR category: `zero`, `one`, `two`, `few`, `many` or `other`."),
            TemplateField("text", .text, "The text, with `{count}` where the number goes."),
        ])
}

extension SiteView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "SiteView",
        [
            TemplateField("extra", .free, "`site.json`'s `extra` object.")
        ])
}

extension HomeContext: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "HomeContext",
        [
            TemplateField("page", .object(PageView.templateSchema), "The shared page parts."),
            TemplateField("content", .html, "The home page's own HTML (from `index.md`)."),
            TemplateField("banners", .list(.object(BannerView.templateSchema)), "Every campaign's banner, the most urgent first."),
            TemplateField("pages", .list(.object(PageLinkView.templateSchema)), "The language's other pages, by weight."),
            TemplateField("sources", .list(.object(SourceView.templateSchema)), "The sources behind the facts the home page uses."),
            TemplateField("site", .object(SiteView.templateSchema), "The site as a whole (`{{site.extra.…}}`)."),
            TemplateField(
                "groups", .list(.object(PageGroupView.templateSchema)),
                "The same pages grouped: top-level pages by campaign (then the rest), then each top-level section."),
        ])
}

extension PageLinkView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "PageLinkView",
        [
            TemplateField("title", .text, "The page title."),
            TemplateField("description", .optional(.text), "Its description."),
            TemplateField("url", .text, "Relative URL."),
            TemplateField("fallbackLabel", .optional(.text), "\"not yet translated\" when the link leads to the source-language text."),
            TemplateField("isCurrent", .flag, "Whether the link leads to the page being shown (`aria-current`)."),
        ])
}

extension PageGroupView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "PageGroupView",
        [
            TemplateField("title", .optional(.text), "The group's heading (a campaign's or section's title), if any."),
            TemplateField("url", .optional(.text), "The section's page, relative (nil for a campaign or the ungrouped pages)."),
            TemplateField("pages", .list(.object(PageLinkView.templateSchema)), "The pages, in reading order."),
        ])
}

extension RootContext: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "RootContext",
        [
            TemplateField("lang", .text, "The `<html lang>`: the source language."),
            TemplateField(
                "languages", .list(.object(RootLanguageView.templateSchema)), "One entry per language, each linking to its home."),
            TemplateField("stylesheetURL", .text, "The stylesheet URL."),
            TemplateField("scriptURL", .text, "The script URL."),
            TemplateField("canonicalURL", .text, "The absolute canonical URL."),
            TemplateField("isRightToLeft", .flag, "Whether the source language is written right to left (`<html dir=\"rtl\">`)."),
        ])
}

extension RootLanguageView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "RootLanguageView",
        [
            TemplateField("code", .text, "Its code."),
            TemplateField("name", .text, "Its own name."),
            TemplateField("title", .text, "The site title in it."),
            TemplateField("description", .text, "The site description in it."),
            TemplateField("enter", .text, "\"Continue in Nederlands\"-style link label, in it."),
            TemplateField("url", .text, "Relative URL of its home."),
            TemplateField("notFound", .text, "\"This page does not exist\", in it (for the root 404 page)."),
            TemplateField("isRightToLeft", .flag, "Whether it is written right to left (its entry gets `dir=\"rtl\"`)."),
        ])
}

extension PageView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "PageView",
        [
            TemplateField("lang", .text, "The page language (`<html lang>`)."),
            TemplateField("title", .text, "The page's own title."),
            TemplateField("documentTitle", .text, "The `<title>`: page title and site title."),
            TemplateField("description", .text, "The meta description."),
            TemplateField("siteTitle", .text, "The site title in this language."),
            TemplateField("canonicalURL", .text, "The absolute canonical URL."),
            TemplateField("homeURL", .text, "The language home, relative to this page."),
            TemplateField("rootURL", .text, "The language chooser at the site root, relative to this page."),
            TemplateField("stylesheetURL", .text, "The stylesheet, relative to this page."),
            TemplateField("scriptURL", .text, "The script, relative to this page."),
            TemplateField("languages", .list(.object(LanguageLinkView.templateSchema)), "One entry per site language, for the switcher."),
            TemplateField(
                "alternates", .list(.object(AlternateView.templateSchema)), "`rel=alternate hreflang` links to real translations."),
            TemplateField("t", .strings, "The language's UI strings, for `{{t.key}}`."),
            TemplateField("builtOn", .text, "The build's \"now\" as a localized date."),
            TemplateField("builtOnISO", .text, "The build's \"now\" in RFC 3339."),
            TemplateField("isHome", .flag, "Whether this is the language's home page."),
            TemplateField("ogLocale", .text, "`og:locale` of the page."),
            TemplateField("ogLocaleAlternates", .list(.text), "`og:locale:alternate` for each real translation."),
            TemplateField("ogType", .text, "`website` for home pages, else `article` (stored: templates see only stored properties)."),
            TemplateField("feedURL", .text, "The language's Atom feed, relative to this page."),
            TemplateField("noindex", .flag, "Whether search engines should skip the page (fallbacks, the translation board)."),
            TemplateField("isRightToLeft", .flag, "Whether the language is written right to left (`<html dir=\"rtl\">`)."),
            TemplateField(
                "numberingSystem", .optional(.text),
                "The locale's numbering system when it is not Latin digits (`arab`), for the script's numbers."),
            TemplateField(
                "progressForms", .list(.object(PluralFormView.templateSchema)),
                "The checklist progress line's plural forms, in CLDR order, for the script."),
            TemplateField("hasSearch", .flag, "Whether the site has a search index (a search box on every page)."),
            TemplateField("searchScriptURL", .text, "Pagefind's UI script, relative to this page."),
            TemplateField("searchStylesheetURL", .text, "Pagefind's UI stylesheet, relative to this page."),
            TemplateField("extra", .free, "The page's front-matter `extra` object (`{{page.extra.…}}`)."),
            TemplateField(
                "menu", .list(.object(PageLinkView.templateSchema)),
                "The site menu: top-level pages and sections (or `site.json`'s `menu`), relative to this page."),
            TemplateField("publisherName", .optional(.text), "The publisher's name (`site.json`), if set."),
            TemplateField("publisherURL", .optional(.text), "The publisher's website, if set."),
            TemplateField("publisherLabel", .text, "\"Published by\", in the page's language."),
            TemplateField(
                "reportURL", .optional(.text),
                "Where to report an error on this page: a `mailto:` naming the page's URL, or the publisher's form."),
            TemplateField("reportLabel", .text, "\"Report an error on this page\", in the page's language."),
        ])
}

extension LanguageLinkView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "LanguageLinkView",
        [
            TemplateField("code", .text, "The language code."),
            TemplateField("name", .text, "The language's own name (\"Nederlands\")."),
            TemplateField("url", .text, "The same page in that language, or that language's home when untranslated; relative."),
            TemplateField("isCurrent", .flag, "Whether it is the page's own language."),
            TemplateField("isMissing", .flag, "Whether the page has no translation in that language."),
            TemplateField("missingLabel", .text, "\"not yet translated\", in that language."),
        ])
}

extension AlternateView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "AlternateView",
        [
            TemplateField("hreflang", .text, "The language code, or `x-default`."),
            TemplateField("url", .text, "The absolute URL."),
        ])
}

extension TranslationsContext: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "TranslationsContext",
        [
            TemplateField("page", .object(PageView.templateSchema), "The shared page parts (in the source language, marked `noindex`)."),
            TemplateField("languages", .list(.text), "The language codes, as column headers."),
            TemplateField("rows", .list(.object(TranslationRowView.templateSchema)), "One row per page."),
        ])
}

extension TranslationRowView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "TranslationRowView",
        [
            TemplateField("page", .text, "The path under each language folder."),
            TemplateField("cells", .list(.object(TranslationCellView.templateSchema)), "One cell per language, in column order."),
        ])
}

extension TranslationCellView: TemplateModel {
    /// The names templates read in it.
    public static let templateSchema = TemplateSchema(
        "TranslationCellView",
        [
            TemplateField("status", .text, "`source`, `up to date`, `stale` or `missing`."),
            TemplateField("statusClass", .text, "A CSS-friendly form of the status (`up-to-date`)."),
            TemplateField("url", .optional(.text), "The page in that language, relative to the board, when it exists."),
            TemplateField("notes", .list(.text), "Notes for editors, e.g. \"image not localized: settings-1.png\"."),
        ])
}
