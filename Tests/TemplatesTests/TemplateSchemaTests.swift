import Foundation
import Markdown
import Testing

@testable import Templates

/// The schemas, the `lookup` switches and the view models' stored properties can never drift apart: each
/// stored property (read through `Mirror` on a populated sample) is in its type's schema with the kind of its
/// Swift type, every schema name is a stored property, and `lookup` answers each one with a value of that kind.
@Suite struct TemplateSchemaTests {
    static let date = DateView(text: "21 mai 2025", iso: "2025-05-21")
    static let heading = Heading(level: 2, text: "Étapes", id: "etapes")
    static let source: SourceView = {
        var source = SourceView(
            key: "meta.notice", publisher: "Meta", title: "Avis", date: date, url: "https://meta.example/", language: "fr")
        source.titleNote = "titre tiré de l'adresse"
        source.undatedText = "date non indiquée"
        source.via = "https://archive.example/"
        source.viaHost = "archive.example"
        source.viaText = "lu dans une copie sur"
        return source
    }()
    static let texts = BannerTexts(
        open: [PluralFormView(category: "one", text: "1 jour")], closing: [PluralFormView(category: "other", text: "{count} jours")],
        lastDay: "Dernier jour", passed: "Passé")
    static let banner: BannerView = {
        var banner = BannerView(
            campaign: "meta-ai", state: "closing", title: "Objection", deadlineText: "27 mai 2025",
            deadlineISO: "2025-05-27T00:00:00+02:00", deadlineEpochMillis: "1748296800000", lastDay: "2025-05-26",
            timeZone: "Europe/Brussels", warningDays: 7, status: "Plus que 3 jours", afterText: "Il reste possible…",
            calendarURL: "meta-ai.ics", texts: texts)
        banner.hasUntil = true
        banner.untilPrefix = "jusqu'au "
        banner.untilSuffix = " inclus"
        banner.lastDayText = "26 mai 2025"
        return banner
    }()
    static let link: PageLinkView = {
        var link = PageLinkView(
            title: "Facebook", description: "S'opposer sur Facebook", url: "facebook/", fallbackLabel: "pas encore traduit")
        link.isCurrent = true
        return link
    }()
    static let extra = TemplateData.object(["color": TemplateData.string("blue")])
    static let page: PageView = {
        var page = PageView(
            lang: "fr", title: "Titre", documentTitle: "Titre · Guide", description: "Résumé", siteTitle: "Guide",
            canonicalURL: "https://guide.example/fr/", homeURL: "./", rootURL: "../", stylesheetURL: "style.css",
            scriptURL: "guidepost.js",
            languages: [
                LanguageLinkView(
                    code: "nl", name: "Nederlands", url: "../nl/", isCurrent: false, isMissing: true,
                    missingLabel: "nog niet vertaald")
            ],
            alternates: [AlternateView(hreflang: "nl", url: "https://guide.example/nl/")], t: ["skip-link": "Aller au contenu"],
            builtOn: "22 novembre 2026", builtOnISO: "2026-11-22T08:00:00Z", isHome: true)
        page.ogLocale = "fr_BE"
        page.ogLocaleAlternates = ["nl_BE"]
        page.ogType = "article"
        page.feedURL = "atom.xml"
        page.noindex = true
        page.hasSearch = true
        page.searchScriptURL = "pagefind/pagefind-ui.js"
        page.searchStylesheetURL = "pagefind/pagefind-ui.css"
        page.isRightToLeft = true
        page.numberingSystem = "arab"
        page.progressForms = [PluralFormView(category: "one", text: "{done} sur {count}")]
        page.extra = extra
        page.menu = [link]
        page.publisherName = "Collectif"
        page.publisherURL = "https://collectif.example/"
        page.publisherLabel = "Publié par"
        page.reportURL = "mailto:erreurs@collectif.example"
        page.reportLabel = "Signaler une erreur"
        return page
    }()
    static let article: ArticleContext = {
        var article = ArticleContext(
            page: page, content: "<p>Texte</p>", date: date, updated: date, sources: [source], banner: banner,
            headings: [heading], allSources: [source])
        article.notice = "Pas encore traduit"
        article.contentLanguage = "fr"
        article.breadcrumb = [link]
        article.previous = link
        article.next = link
        article.site = SiteView(extra: extra)
        article.hasNeighbours = true
        article.children = [link]
        article.toc = [heading]
        return article
    }()
    static let home: HomeContext = {
        var home = HomeContext(page: page, content: "<p>Accueil</p>", banners: [banner], pages: [link], sources: [source])
        home.site = SiteView(extra: extra)
        home.groups = [PageGroupView(title: "Meta", url: "meta/", pages: [link])]
        return home
    }()
    static let root = RootContext(
        lang: "fr",
        languages: [
            RootLanguageView(
                code: "fr", name: "Français", title: "Guide", description: "Résumé",
                enter: "Entrer", url: "fr/", notFound: "Page introuvable")
        ],
        stylesheetURL: "style.css", scriptURL: "guidepost.js", canonicalURL: "https://guide.example/")
    static let translations = TranslationsContext(
        page: page, languages: ["fr", "nl"],
        rows: [
            TranslationRowView(
                page: "facebook.md",
                cells: [
                    {
                        var cell = TranslationCellView(status: "up to date", url: "../fr/facebook/")
                        cell.notes = ["image not localized: settings.png"]
                        return cell
                    }()
                ])
        ])

    /// A populated sample of every view model.
    static let samples: [any TemplateModel] = [
        article, date, heading, source, banner, texts, page.languages[0], page.alternates[0], page, link, home,
        home.groups[0], root, root.languages[0], translations, translations.rows[0], translations.rows[0].cells[0], article.site,
        texts.open[0],
    ]

    static func schema(of sample: any TemplateModel) -> TemplateSchema { type(of: sample).templateSchema }

    @Test func everyReachableViewModelHasASample() {
        let sampled = Set(Self.samples.map { Self.schema(of: $0).type })
        #expect(sampled.count == Self.samples.count)
        #expect(Set(TemplateContexts.reachable.map(\.type)) == sampled)
    }

    @Test(arguments: samples.indices) func storedPropertiesMatchTheSchema(index: Int) {
        let sample = Self.samples[index]
        let schema = Self.schema(of: sample)
        let stored = Mirror(reflecting: sample).children.map { (name: $0.label ?? "", type: String(describing: Swift.type(of: $0.value))) }
        #expect(stored.map(\.name) == schema.fields.map(\.name), "\(schema.type): the schema's names, in declaration order")
        for property in stored {
            #expect(schema[property.name]?.swiftType == property.type, "\(schema.type).\(property.name) is \(property.type)")
        }
    }

    @Test(arguments: samples.indices) func lookupAnswersEveryStoredPropertyWithItsKind(index: Int) {
        let sample = Self.samples[index]
        let schema = Self.schema(of: sample)
        for child in Mirror(reflecting: sample).children {
            let name = child.label ?? ""
            if let optional = child.value as? any OptionalProtocol, optional.isNil {
                Issue.record("\(schema.type).\(name) is nil in the sample; populate it")
            }
            guard let kind = schema[name] else { continue }
            guard let value = sample.lookup(TemplatePath(names: [name])) else {
                Issue.record("\(schema.type).lookup does not answer \"\(name)\"")
                continue
            }
            #expect(Self.matches(value, kind), "\(schema.type).\(name): lookup gave \(value), the schema says \(kind.swiftType)")
        }
        #expect(sample.lookup(TemplatePath(names: ["noSuchName"])) == nil)
    }

    @Test func theFieldKeysAreExactlyTheSchemasNames() {
        let names = Set(TemplateContexts.reachable.flatMap { $0.fields.map(\.name) })
        #expect(Set(TemplateFieldKey.allCases.map(\.rawValue)) == names)
        #expect(TemplateFieldKey.allCases.map(\.rawValue) == names.sorted())
    }

    @Test func aPathFindsItsFieldKeysOnce() {
        let path = TemplatePath(names: ["page", "t", "skip-link"])
        #expect(path.field == .page)
        #expect(path.rest.field == .t)
        #expect(path.rest.rest.field == nil)
        #expect(path.rest.rest.head == "skip-link")
    }

    /// Whether `value` has the shape of `kind` (a populated optional is its value).
    static func matches(_ value: TemplateData, _ kind: TemplateKind) -> Bool {
        switch (kind, value) {
        case (.text, .string), (.html, .bytes), (.flag, .bool), (.number, .int), (.strings, .object), (.free, _): return true
        case (.optional(let wrapped), _): return matches(value, wrapped)
        case (.object(let schema), .object(let object)):
            return (object as? any TemplateModel).map { type(of: $0).templateSchema.type } == schema.type
        case (.list(let element), .list(let items)): return !items.isEmpty && items.allSatisfy { matches($0, element) }
        default: return false
        }
    }

    @Test func theCommittedReferenceIsTheGeneratedOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/template-names.md"), encoding: .utf8)
        #expect(committed == TemplateNamesReference.markdown, "run: guidepost template-names > docs/template-names.md")
    }

    @Test func theReferenceListsEveryNameOfEveryViewModel() {
        let reference = TemplateNamesReference.markdown
        for schema in TemplateContexts.reachable {
            #expect(reference.contains("\n## \(schema.type)\n"))
            for field in schema.fields { #expect(reference.contains("| `\(field.name)` | \(field.kind.summary) |")) }
        }
    }
}

/// Lets the test see whether a `Mirror` child holding an optional is nil.
protocol OptionalProtocol {
    var isNil: Bool { get }
}

extension Optional: OptionalProtocol {
    var isNil: Bool { self == nil }
}
