import Content
import Foundation
import Testing

/// Deadline states at their boundaries, in the deadline's zone (Europe/Brussels).
@Suite struct DeadlineStatusTests {
    /// 27 May 2025 00:00 in Brussels (CEST, UTC+2) = 26 May 22:00 UTC.
    let deadline = Instant(local: "2025-05-27T00:00:00", timeZone: "Europe/Brussels")!

    func status(_ utc: String, warning: Int = 7) -> DeadlineStatus {
        let formatter = ISO8601DateFormatter()
        return DeadlineStatus(deadline: deadline, now: formatter.date(from: utc)!, warningDays: warning)
    }

    @Test func openWhenMoreThanThresholdLeft() {
        #expect(status("2025-05-10T12:00:00Z").state == .open)
        #expect(status("2025-05-10T12:00:00Z").daysLeft == 17)
    }

    @Test func closingAtThreshold() {
        // 20 May: 20..26 is 7 days one can still act.
        #expect(status("2025-05-20T08:00:00Z") == DeadlineStatus(state: .closing, daysLeft: 7, lastDay: CalendarDate(iso: "2025-05-26")!))
        #expect(status("2025-05-19T21:59:59Z").state == .open)  // 23:59:59 on 19 May in Brussels
        #expect(status("2025-05-19T22:00:00Z").state == .closing)  // 00:00 on 20 May in Brussels
    }

    @Test func dayBeforeTheLastDay() {
        let result = status("2025-05-25T21:59:59Z")  // 23:59:59 on 25 May in Brussels
        #expect(result.state == .closing)
        #expect(result.daysLeft == 2)
    }

    @Test func lastDayInTheDeadlinesZone() {
        #expect(status("2025-05-25T22:00:00Z").state == .lastDay)  // 00:00 on 26 May in Brussels, still 25 May in UTC
        #expect(status("2025-05-26T21:59:59Z").state == .lastDay)  // the last second
    }

    @Test func passedFromTheFirstSecondAfter() {
        #expect(status("2025-05-26T22:00:00Z") == DeadlineStatus(state: .passed, daysLeft: 0, lastDay: CalendarDate(iso: "2025-05-26")!))
        #expect(status("2026-11-22T00:00:00Z").state == .passed)
    }

    @Test func deadlineAcrossADaylightSavingChange() {
        // 31 March 2025 00:00 Brussels: DST began on 30 March at 02:00, so the offset changes during the last week.
        let nearDST = Instant(local: "2025-03-31T00:00:00", timeZone: "Europe/Brussels")!
        #expect(nearDST.rfc3339 == "2025-03-31T00:00:00+02:00")
        let formatter = ISO8601DateFormatter()
        func at(_ utc: String) -> DeadlineStatus { DeadlineStatus(deadline: nearDST, now: formatter.date(from: utc)!, warningDays: 3) }
        #expect(at("2025-03-29T22:59:59Z").state == .closing)  // 23:59:59 on 29 March (UTC+1)
        #expect(at("2025-03-29T22:59:59Z").daysLeft == 2)
        #expect(at("2025-03-29T23:00:00Z").state == .lastDay)  // 00:00 on 30 March (UTC+1)
        #expect(at("2025-03-30T21:59:59Z").state == .lastDay)  // 23:59:59 on 30 March (UTC+2)
        #expect(at("2025-03-30T22:00:00Z").state == .passed)
        #expect(at("2025-03-27T23:00:00Z").state == .closing)  // 28 March: 3 days left
        #expect(at("2025-03-27T22:59:59Z").state == .open)
    }
}
