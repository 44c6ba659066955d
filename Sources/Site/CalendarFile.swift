import Content
import Foundation

/// An RFC 5545 calendar file for a campaign's last day, with a reminder a few days before.
enum CalendarFile {
    /// `calendar/<campaign>.<lang>.ics`.
    static func path(campaign: String, language: String) -> String { "calendar/\(campaign).\(language).ics" }

    /// The file's text: CRLF line endings, lines folded at 75 octets, text values escaped.
    static func render(_ campaign: Campaign, language: String, summary: String, description: String, host: String, now: Date) -> String {
        let status = DeadlineStatus(deadline: campaign.deadline, now: now, warningDays: 0)
        let last = status.lastDay
        let next = last.adding(days: 1)
        let lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Guidepost//Guidepost static site generator//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:\(campaign.name)-deadline-\(language)@\(host)",
            "DTSTAMP:\(utc(now))",
            "DTSTART;VALUE=DATE:\(compact(last))",
            "DTEND;VALUE=DATE:\(compact(next))",
            "SUMMARY:\(escape(summary))",
            "DESCRIPTION:\(escape(description))",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:\(escape(summary))",
            "TRIGGER:-P3D",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    static func utc(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0)!, from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// Escapes `\`, `;`, `,` and newlines in TEXT values (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a line into chunks of at most 75 octets, never splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var chunks: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = chunks.isEmpty ? 75 : 74 // continuation lines start with a space
            if octets + size > limit {
                chunks.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        chunks.append(current)
        return chunks.joined(separator: "\r\n ")
    }
}
