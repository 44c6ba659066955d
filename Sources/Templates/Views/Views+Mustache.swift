import Mustache

// Direct field lookup for every view model, so templates never fall back to Mirror reflection
// (which took two thirds of the build time). Keep in step with the stored properties of each type.

extension ArticleContext: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "content": return self.content
        case "date": return self.date
        case "updated": return self.updated
        case "sources": return self.sources
        case "banner": return self.banner
        case "headings": return self.headings
        case "allSources": return self.allSources
        case "notice": return self.notice
        case "contentLanguage": return self.contentLanguage
        default: return nil
        }
    }
}

extension DateView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "text": return self.text
        case "iso": return self.iso
        default: return nil
        }
    }
}

extension HeadingView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "level": return self.level
        case "text": return self.text
        case "id": return self.id
        default: return nil
        }
    }
}

extension SourceView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "key": return self.key
        case "publisher": return self.publisher
        case "title": return self.title
        case "date": return self.date
        case "url": return self.url
        case "language": return self.language
        default: return nil
        }
    }
}

extension BannerView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "campaign": return self.campaign
        case "state": return self.state
        case "isOpen": return self.isOpen
        case "isClosing": return self.isClosing
        case "isLastDay": return self.isLastDay
        case "isPassed": return self.isPassed
        case "title": return self.title
        case "deadlineText": return self.deadlineText
        case "deadlineISO": return self.deadlineISO
        case "deadlineEpochMillis": return self.deadlineEpochMillis
        case "lastDay": return self.lastDay
        case "timeZone": return self.timeZone
        case "warningDays": return self.warningDays
        case "status": return self.status
        case "afterText": return self.afterText
        case "calendarURL": return self.calendarURL
        case "texts": return self.texts
        default: return nil
        }
    }
}

extension BannerTexts: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "openOne": return self.openOne
        case "openOther": return self.openOther
        case "closingOne": return self.closingOne
        case "closingOther": return self.closingOther
        case "lastDay": return self.lastDay
        case "passed": return self.passed
        default: return nil
        }
    }
}

extension HomeContext: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "content": return self.content
        case "banners": return self.banners
        case "pages": return self.pages
        case "sources": return self.sources
        default: return nil
        }
    }
}

extension PageLinkView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "description": return self.description
        case "url": return self.url
        case "fallbackLabel": return self.fallbackLabel
        default: return nil
        }
    }
}

extension RootContext: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "lang": return self.lang
        case "languages": return self.languages
        case "stylesheetURL": return self.stylesheetURL
        case "scriptURL": return self.scriptURL
        case "canonicalURL": return self.canonicalURL
        default: return nil
        }
    }
}

extension RootLanguageView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "code": return self.code
        case "name": return self.name
        case "title": return self.title
        case "description": return self.description
        case "enter": return self.enter
        case "url": return self.url
        case "notFound": return self.notFound
        default: return nil
        }
    }
}

extension PageView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "lang": return self.lang
        case "title": return self.title
        case "documentTitle": return self.documentTitle
        case "description": return self.description
        case "siteTitle": return self.siteTitle
        case "canonicalURL": return self.canonicalURL
        case "homeURL": return self.homeURL
        case "rootURL": return self.rootURL
        case "stylesheetURL": return self.stylesheetURL
        case "scriptURL": return self.scriptURL
        case "languages": return self.languages
        case "alternates": return self.alternates
        case "t": return self.t
        case "builtOn": return self.builtOn
        case "builtOnISO": return self.builtOnISO
        case "isHome": return self.isHome
        case "ogLocale": return self.ogLocale
        case "ogLocaleAlternates": return self.ogLocaleAlternates
        case "ogType": return self.ogType
        case "feedURL": return self.feedURL
        case "noindex": return self.noindex
        case "hasSearch": return self.hasSearch
        case "searchScriptURL": return self.searchScriptURL
        case "searchStylesheetURL": return self.searchStylesheetURL
        default: return nil
        }
    }
}

extension LanguageLinkView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "code": return self.code
        case "name": return self.name
        case "url": return self.url
        case "isCurrent": return self.isCurrent
        case "isMissing": return self.isMissing
        case "missingLabel": return self.missingLabel
        default: return nil
        }
    }
}

extension AlternateView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "hreflang": return self.hreflang
        case "url": return self.url
        default: return nil
        }
    }
}

extension TranslationsContext: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "languages": return self.languages
        case "rows": return self.rows
        default: return nil
        }
    }
}

extension TranslationRowView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "page": return self.page
        case "cells": return self.cells
        default: return nil
        }
    }
}

extension TranslationCellView: MustacheParent {
    /// The stored property called `name`, for templates.
    public func child(named name: String) -> Any? {
        switch name {
        case "status": return self.status
        case "statusClass": return self.statusClass
        case "url": return self.url
        default: return nil
        }
    }
}
