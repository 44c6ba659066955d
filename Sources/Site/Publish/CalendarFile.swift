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
        let day = Instant.calendarDate(of: date, in: "UTC")
        let seconds = Int(max(-1e14, min(1e14, date.timeIntervalSince1970.rounded(.down)))) - day.daysSinceEpoch * 86_400
        let pad = CalendarDate.padded
        return compact(day) + "T" + pad(seconds / 3600, 2) + pad(seconds / 60 % 60, 2) + pad(seconds % 60, 2) + "Z"
    }

    /// Escapes `\`, `;`, `,` and line breaks (LF, CR or CRLF become `\n`) in TEXT values (RFC 5545 §3.3.11),
    /// and drops other control characters, which TEXT cannot hold, so no value can start a property of its own.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r": result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousCR { result.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": result.append(scalar)
            default: if scalar.value >= 0x20, scalar.value != 0x7F { result.append(scalar) }
            }
        }
        return String(result)
    }

    /// Folds a line into chunks of at most 75 octets, never splitting a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var chunks: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for character in line.unicodeScalars {
            let size = UTF8.width(character)
            let limit = chunks.isEmpty ? 75 : 74  // continuation lines start with a space
            if octets + size > limit {
                chunks.append(String(current))
                current = String.UnicodeScalarView()
                octets = 0
            }
            current.append(character)
            octets += size
        }
        chunks.append(String(current))
        return chunks.joined(separator: "\r\n ")
    }
}
