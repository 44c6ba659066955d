import Markdown

// Field lookup for every view model: templates read exactly the stored properties listed here.
// Keep each switch in step with its type's stored properties, its schema (Views+Schema.swift) and TemplateFieldKey:
// TemplateSchemaTests checks all four.

extension ArticleContext: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .page: return path.resolve(self.page)
        case .content: return path.resolve(self.content)
        case .date: return path.resolve(self.date)
        case .updated: return path.resolve(self.updated)
        case .sources: return path.resolve(self.sources)
        case .banner: return path.resolve(self.banner)
        case .headings: return path.resolve(self.headings)
        case .allSources: return path.resolve(self.allSources)
        case .notice: return path.resolve(self.notice)
        case .contentLanguage: return path.resolve(self.contentLanguage)
        case .breadcrumb: return path.resolve(self.breadcrumb)
        case .previous: return path.resolve(self.previous)
        case .next: return path.resolve(self.next)
        case .hasNeighbours: return path.resolve(self.hasNeighbours)
        case .site: return path.resolve(self.site)
        case .children: return path.resolve(self.children)
        case .toc: return path.resolve(self.toc)
        default: return nil
        }
    }
}

extension DateView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .text: return path.resolve(self.text)
        case .iso: return path.resolve(self.iso)
        default: return nil
        }
    }
}

extension Heading: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .level: return path.resolve(self.level)
        case .text: return path.resolve(self.text)
        case .id: return path.resolve(self.id)
        default: return nil
        }
    }
}

extension SourceView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .key: return path.resolve(self.key)
        case .publisher: return path.resolve(self.publisher)
        case .title: return path.resolve(self.title)
        case .date: return path.resolve(self.date)
        case .url: return path.resolve(self.url)
        case .language: return path.resolve(self.language)
        case .undatedText: return path.resolve(self.undatedText)
        case .titleNote: return path.resolve(self.titleNote)
        case .via: return path.resolve(self.via)
        case .viaHost: return path.resolve(self.viaHost)
        case .viaText: return path.resolve(self.viaText)
        default: return nil
        }
    }
}

extension BannerView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .campaign: return path.resolve(self.campaign)
        case .state: return path.resolve(self.state)
        case .isOpen: return path.resolve(self.isOpen)
        case .isClosing: return path.resolve(self.isClosing)
        case .isLastDay: return path.resolve(self.isLastDay)
        case .isPassed: return path.resolve(self.isPassed)
        case .title: return path.resolve(self.title)
        case .deadlineText: return path.resolve(self.deadlineText)
        case .deadlineISO: return path.resolve(self.deadlineISO)
        case .deadlineEpochMillis: return path.resolve(self.deadlineEpochMillis)
        case .lastDay: return path.resolve(self.lastDay)
        case .timeZone: return path.resolve(self.timeZone)
        case .warningDays: return path.resolve(self.warningDays)
        case .status: return path.resolve(self.status)
        case .afterText: return path.resolve(self.afterText)
        case .calendarURL: return path.resolve(self.calendarURL)
        case .texts: return path.resolve(self.texts)
        case .hasUntil: return path.resolve(self.hasUntil)
        case .untilPrefix: return path.resolve(self.untilPrefix)
        case .untilSuffix: return path.resolve(self.untilSuffix)
        case .lastDayText: return path.resolve(self.lastDayText)
        default: return nil
        }
    }
}

extension BannerTexts: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .open: return path.resolve(self.open)
        case .closing: return path.resolve(self.closing)
        case .lastDay: return path.resolve(self.lastDay)
        case .passed: return path.resolve(self.passed)
        default: return nil
        }
    }
}

extension PluralFormView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .category: return path.resolve(self.category)
        case .text: return path.resolve(self.text)
        default: return nil
        }
    }
}

extension HomeContext: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .page: return path.resolve(self.page)
        case .content: return path.resolve(self.content)
        case .banners: return path.resolve(self.banners)
        case .pages: return path.resolve(self.pages)
        case .sources: return path.resolve(self.sources)
        case .groups: return path.resolve(self.groups)
        case .site: return path.resolve(self.site)
        default: return nil
        }
    }
}

extension PageGroupView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .title: return path.resolve(self.title)
        case .url: return path.resolve(self.url)
        case .pages: return path.resolve(self.pages)
        default: return nil
        }
    }
}

extension PageLinkView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .title: return path.resolve(self.title)
        case .description: return path.resolve(self.description)
        case .url: return path.resolve(self.url)
        case .fallbackLabel: return path.resolve(self.fallbackLabel)
        case .isCurrent: return path.resolve(self.isCurrent)
        default: return nil
        }
    }
}

extension RootContext: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .lang: return path.resolve(self.lang)
        case .languages: return path.resolve(self.languages)
        case .stylesheetURL: return path.resolve(self.stylesheetURL)
        case .scriptURL: return path.resolve(self.scriptURL)
        case .canonicalURL: return path.resolve(self.canonicalURL)
        case .isRightToLeft: return path.resolve(self.isRightToLeft)
        default: return nil
        }
    }
}

extension RootLanguageView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .code: return path.resolve(self.code)
        case .name: return path.resolve(self.name)
        case .title: return path.resolve(self.title)
        case .description: return path.resolve(self.description)
        case .enter: return path.resolve(self.enter)
        case .url: return path.resolve(self.url)
        case .notFound: return path.resolve(self.notFound)
        case .isRightToLeft: return path.resolve(self.isRightToLeft)
        default: return nil
        }
    }
}

extension PageView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .t: return path.resolve(self.t)
        case .lang: return path.resolve(self.lang)
        case .title: return path.resolve(self.title)
        case .documentTitle: return path.resolve(self.documentTitle)
        case .description: return path.resolve(self.description)
        case .siteTitle: return path.resolve(self.siteTitle)
        case .canonicalURL: return path.resolve(self.canonicalURL)
        case .homeURL: return path.resolve(self.homeURL)
        case .rootURL: return path.resolve(self.rootURL)
        case .stylesheetURL: return path.resolve(self.stylesheetURL)
        case .scriptURL: return path.resolve(self.scriptURL)
        case .languages: return path.resolve(self.languages)
        case .alternates: return path.resolve(self.alternates)
        case .builtOn: return path.resolve(self.builtOn)
        case .builtOnISO: return path.resolve(self.builtOnISO)
        case .isHome: return path.resolve(self.isHome)
        case .ogLocale: return path.resolve(self.ogLocale)
        case .ogLocaleAlternates: return path.resolve(self.ogLocaleAlternates)
        case .ogType: return path.resolve(self.ogType)
        case .feedURL: return path.resolve(self.feedURL)
        case .noindex: return path.resolve(self.noindex)
        case .isRightToLeft: return path.resolve(self.isRightToLeft)
        case .progressForms: return path.resolve(self.progressForms)
        case .numberingSystem: return path.resolve(self.numberingSystem)
        case .hasSearch: return path.resolve(self.hasSearch)
        case .searchScriptURL: return path.resolve(self.searchScriptURL)
        case .searchStylesheetURL: return path.resolve(self.searchStylesheetURL)
        case .menu: return path.resolve(self.menu)
        case .extra: return path.isLast ? self.extra : self.extra.lookup(path.rest)
        case .publisherName: return path.resolve(self.publisherName)
        case .publisherURL: return path.resolve(self.publisherURL)
        case .publisherLabel: return path.resolve(self.publisherLabel)
        case .reportURL: return path.resolve(self.reportURL)
        case .reportLabel: return path.resolve(self.reportLabel)
        default: return nil
        }
    }
}

extension LanguageLinkView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .code: return path.resolve(self.code)
        case .name: return path.resolve(self.name)
        case .url: return path.resolve(self.url)
        case .isCurrent: return path.resolve(self.isCurrent)
        case .isMissing: return path.resolve(self.isMissing)
        case .missingLabel: return path.resolve(self.missingLabel)
        default: return nil
        }
    }
}

extension AlternateView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .hreflang: return path.resolve(self.hreflang)
        case .url: return path.resolve(self.url)
        default: return nil
        }
    }
}

extension TranslationsContext: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .page: return path.resolve(self.page)
        case .languages: return path.resolve(self.languages)
        case .rows: return path.resolve(self.rows)
        default: return nil
        }
    }
}

extension TranslationRowView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .page: return path.resolve(self.page)
        case .cells: return path.resolve(self.cells)
        default: return nil
        }
    }
}

extension TranslationCellView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .status: return path.resolve(self.status)
        case .statusClass: return path.resolve(self.statusClass)
        case .url: return path.resolve(self.url)
        case .notes: return path.resolve(self.notes)
        default: return nil
        }
    }
}

extension SiteView: TemplateObject {
    /// The stored property named by `path.field`, for templates.
    public func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.field {
        case .extra: return path.isLast ? self.extra : self.extra.lookup(path.rest)
        default: return nil
        }
    }
}
