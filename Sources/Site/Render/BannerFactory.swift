import Content
import Foundation
import Markdown
import Templates

/// Turns a campaign and the build's "now" into a banner for one language.
struct BannerFactory: Sendable {
    let library: SiteLibrary
    let now: Date
    /// Each campaign's banner in each language, computed once; only the calendar link depends on the page.
    private let prepared: [String: [String: BannerView]]
    /// The campaigns, most urgent first, then by nearest deadline.
    private let ordered: [Campaign]

    init(library: SiteLibrary, now: Date) {
        self.library = library
        self.now = now
        var prepared: [String: [String: BannerView]] = [:]
        for campaign in library.campaigns.values {
            for language in library.config.languages {
                prepared[campaign.name, default: [:]][language] = Self.make(campaign, language: language, library: library, now: now)
            }
        }
        self.prepared = prepared
        let warningDays = library.config.deadlineWarningDays
        ordered = library.campaigns.values.sorted { a, b in
            let sa = DeadlineStatus(deadline: a.deadline, now: now, warningDays: warningDays)
            let sb = DeadlineStatus(deadline: b.deadline, now: now, warningDays: warningDays)
            return (sa.urgency, a.deadline.date, a.name) < (sb.urgency, b.deadline.date, b.name)
        }
    }

    /// The banner of `campaign` on the page at `path`, in `language`.
    func banner(_ campaign: Campaign, language: String, path: String) -> BannerView {
        var view = prepared[campaign.name]?[language] ?? Self.make(campaign, language: language, library: library, now: now)
        view.calendarURL = Router.relative(from: path, to: CalendarFile.path(campaign: campaign.name, language: language))
        return view
    }

    private static func make(_ campaign: Campaign, language: String, library: SiteLibrary, now: Date) -> BannerView {
        let status = DeadlineStatus(deadline: campaign.deadline, now: now, warningDays: library.config.deadlineWarningDays)
        let strings = library.strings[language]!
        let sentence: String
        switch status.state {
        case .open: sentence = strings.plural("banner-open", count: status.daysLeft)
        case .closing: sentence = strings.plural("banner-closing", count: status.daysLeft)
        case .lastDay: sentence = strings["banner-last-day"]
        case .passed: sentence = strings["banner-passed"]
        }
        func forms(_ key: String) -> [PluralFormView] {
            strings.forms(key).map { PluralFormView(category: $0.category.rawValue, text: $0.text) }
        }
        let texts = BannerTexts(
            open: forms("banner-open"), closing: forms("banner-closing"),
            lastDay: strings["banner-last-day"], passed: strings["banner-passed"])
        var view = BannerView(
            campaign: campaign.name, state: status.state.rawValue,
            title: Typography.apply(campaign.title.text(in: language), language: language),
            deadlineText: library.config.locale(language).formats.format(campaign.deadline),
            deadlineISO: campaign.deadline.rfc3339,
            deadlineEpochMillis: String(Int64((campaign.deadline.date.timeIntervalSince1970 * 1000).rounded())),
            lastDay: status.lastDay.description, timeZone: campaign.deadline.timeZone,
            warningDays: library.config.deadlineWarningDays, status: sentence,
            afterText: campaign.afterDeadline.map { Typography.apply($0.text(in: language), language: language) },
            calendarURL: "", texts: texts)
        view.lastDayText = library.config.locale(language).formats.format(status.lastDay)
        if let until = strings.strings["banner-until"], let marker = until.range(of: "{date}") {
            view.hasUntil = true
            view.untilPrefix = Typography.apply(String(until[..<marker.lowerBound]), language: language)
            view.untilSuffix = Typography.apply(String(until[marker.upperBound...]), language: language)
        }
        return view
    }

    /// Every campaign's banner, the most urgent first, then the nearest deadline.
    func banners(language: String, path: String) -> [BannerView] {
        ordered.map { banner($0, language: language, path: path) }
    }
}
