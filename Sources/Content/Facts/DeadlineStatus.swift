import Foundation

/// Where "now" stands against a deadline, in the deadline's own time zone.
public struct DeadlineStatus: Sendable, Equatable {
    /// The four states of a deadline banner.
    public enum State: String, Sendable, CaseIterable {
        /// More than the warning threshold of days left.
        case open
        /// The threshold or fewer days left, but not the last day.
        case closing
        /// Today (in the deadline's zone) is the last day one can act.
        case lastDay = "last-day"
        /// The deadline instant has passed.
        case passed
    }

    /// The state.
    public var state: State
    /// Days one can still act, today included (1 on the last day, 0 once passed).
    public var daysLeft: Int
    /// The last day one can act: the day of the last second before the deadline, in its zone.
    public var lastDay: CalendarDate

    /// A status with the given parts (for comparisons).
    public init(state: State, daysLeft: Int, lastDay: CalendarDate) {
        self.state = state
        self.daysLeft = daysLeft
        self.lastDay = lastDay
    }

    /// The status of `deadline` at `now`, turning to `closing` at `warningDays` days left.
    public init(deadline: Instant, now: Date, warningDays: Int) {
        let lastDay = Instant.calendarDate(of: deadline.date.addingTimeInterval(-1), in: deadline.timeZone)
        let today = Instant.calendarDate(of: now, in: deadline.timeZone)
        self.lastDay = lastDay
        if now >= deadline.date {
            state = .passed
            daysLeft = 0
            return
        }
        daysLeft = lastDay.daysSinceEpoch - today.daysSinceEpoch + 1
        if daysLeft <= 1 {
            state = .lastDay
        } else if daysLeft <= warningDays {
            state = .closing
        } else {
            state = .open
        }
    }

    /// How urgent it is: last day first, then closing, open, passed.
    public var urgency: Int {
        switch state {
        case .lastDay: return 0
        case .closing: return 1
        case .open: return 2
        case .passed: return 3
        }
    }
}
