import Foundation
import _FoundationICU

/// Questions about locales answered by ICU with its CLDR data (the ICU that Foundation carries).
public enum ICU {
    /// The locales ICU has data for (`fr`, `fr_BE`, `pt_BR`, …), read once.
    public static let availableLocales: Set<String> = {
        var result = Set<String>()
        for index in 0..<swift_uloc_countAvailable() {
            if let name = swift_uloc_getAvailable(index) { result.insert(String(cString: name)) }
        }
        return result
    }()

    /// ICU's spelling of a locale written `pt-BR`, `pt_br` or `pt-br`: `pt_BR`.
    public static func identifier(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let language = parts.first?.lowercased() else { return text }
        var result = [language]
        for part in parts.dropFirst() {
            if part.count == 4 {
                result.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            } else {
                result.append(part.uppercased())
            }
        }
        return result.joined(separator: "_")
    }

    /// Whether CLDR (as ICU carries it) has data for `identifier` itself, not only a fallback to another locale.
    public static func knows(_ identifier: String) -> Bool {
        availableLocales.contains(ICU.identifier(identifier))
    }

    /// Whether the locale's script runs right to left (Arabic, Hebrew, Persian, Urdu…).
    public static func isRightToLeft(_ identifier: String) -> Bool {
        var status = U_ZERO_ERROR
        let layout = swift_uloc_getCharacterOrientation(identifier, &status)
        return status.rawValue <= 0 && layout == ULOC_LAYOUT_RTL
    }

    /// CLDR's quotation marks for the locale: the outer pair and the inner (alternate) pair.
    public static func quotationMarks(_ identifier: String) -> QuotationMarks {
        var status = U_ZERO_ERROR
        guard let data = swift_ulocdata_open(identifier, &status), status.rawValue <= 0 else { return .english }
        defer { swift_ulocdata_close(data) }
        func delimiter(_ type: ULocaleDataDelimiterType, _ fallback: String) -> String {
            var local = U_ZERO_ERROR
            var buffer = [UChar](repeating: 0, count: 8)
            let length = swift_ulocdata_getDelimiter(data, type, &buffer, Int32(buffer.count), &local)
            guard local.rawValue <= 0, length > 0 else { return fallback }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
        return QuotationMarks(
            open: delimiter(ULOCDATA_QUOTATION_START, "\u{201C}"), close: delimiter(ULOCDATA_QUOTATION_END, "\u{201D}"),
            innerOpen: delimiter(ULOCDATA_ALT_QUOTATION_START, "\u{2018}"), innerClose: delimiter(ULOCDATA_ALT_QUOTATION_END, "\u{2019}"))
    }
}

/// A language's quotation marks, from CLDR's `delimiters`.
public struct QuotationMarks: Hashable, Sendable {
    /// Opening and closing marks of a quotation.
    public var open: String, close: String
    /// Opening and closing marks of a quotation inside a quotation.
    public var innerOpen: String, innerClose: String

    /// Creates the marks.
    public init(open: String, close: String, innerOpen: String, innerClose: String) {
        self.open = open
        self.close = close
        self.innerOpen = innerOpen
        self.innerClose = innerClose
    }

    /// CLDR's root marks, “…” and ‘…’.
    public static let english = QuotationMarks(open: "\u{201C}", close: "\u{201D}", innerOpen: "\u{2018}", innerClose: "\u{2019}")
}
