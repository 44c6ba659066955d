/// A campaign's deadline banner as templates print it.
///
/// The state and `status` are computed at build time for readers without JavaScript; the `data`
/// strings let the script recompute both from the reader's clock.
public struct BannerView: Sendable {
    /// The campaign name.
    public var campaign: String
    /// `open`, `closing`, `last-day` or `passed`.
    public var state: String
    /// One flag per state, for template sections.
    public var isOpen: Bool, isClosing: Bool, isLastDay: Bool, isPassed: Bool
    /// The campaign title.
    public var title: String
    /// The deadline, localized ("27 mai 2025").
    public var deadlineText: String
    /// The deadline in RFC 3339 with its offset, for `<time datetime>`.
    public var deadlineISO: String
    /// The deadline in UTC milliseconds since 1970, for the script.
    public var deadlineEpochMillis: String
    /// The last day one can act, `YYYY-MM-DD` in the campaign's zone.
    public var lastDay: String
    /// The campaign's IANA zone.
    public var timeZone: String
    /// The warning threshold in days.
    public var warningDays: Int
    /// The status sentence for the build's "now" ("Plus que 3 jours").
    public var status: String
    /// What still helps after the deadline.
    public var afterText: String?
    /// The `.ics` file, relative to the page.
    public var calendarURL: String
    /// Sentences the script needs to recompute the status, as `data-` attribute values.
    public var texts: BannerTexts
    /// Whether the deadline is worded by its last day ("until 26 May 2025 inclusive", the `banner-until` string).
    public var hasUntil: Bool = false
    /// The words before and after the last day in that wording.
    public var untilPrefix: String = "", untilSuffix: String = ""
    /// The last day one can act, localized ("26 mai 2025").
    public var lastDayText: String = ""

    /// Creates a banner view.
    public init(
        campaign: String, state: String, title: String, deadlineText: String, deadlineISO: String,
        deadlineEpochMillis: String, lastDay: String, timeZone: String, warningDays: Int, status: String,
        afterText: String?, calendarURL: String, texts: BannerTexts
    ) {
        self.campaign = campaign
        self.state = state
        self.isOpen = state == "open"
        self.isClosing = state == "closing"
        self.isLastDay = state == "last-day"
        self.isPassed = state == "passed"
        self.title = title
        self.deadlineText = deadlineText
        self.deadlineISO = deadlineISO
        self.deadlineEpochMillis = deadlineEpochMillis
        self.lastDay = lastDay
        self.timeZone = timeZone
        self.warningDays = warningDays
        self.status = status
        self.afterText = afterText
        self.calendarURL = calendarURL
        self.texts = texts
    }
}

/// The localized status sentences, with `{count}` where a number goes.
public struct BannerTexts: Sendable {
    /// More than the threshold left: every plural form the strings file has, in CLDR order.
    public var open: [PluralFormView]
    /// The threshold or fewer left: every plural form, in CLDR order.
    public var closing: [PluralFormView]
    /// Today is the last day.
    public var lastDay: String
    /// The deadline has passed.
    public var passed: String

    /// Creates the texts.
    public init(open: [PluralFormView], closing: [PluralFormView], lastDay: String, passed: String) {
        self.open = open
        self.closing = closing
        self.lastDay = lastDay
        self.passed = passed
    }
}

/// One plural form of a UI string, for a `data-…-<category>` attribute the script chooses among.
public struct PluralFormView: Sendable {
    /// The CLDR category: `zero`, `one`, `two`, `few`, `many` or `other`.
    public var category: String
    /// The text, with `{count}` where the number goes.
    public var text: String

    /// Creates a form.
    public init(category: String, text: String) {
        self.category = category
        self.text = text
    }
}
