#if canImport(Glibc)
    import Glibc
#endif

/// A source file's text, decoded and normalised the way every stage expects it.
///
/// A UTF-8 byte-order mark is dropped and CRLF or CR line endings become LF, so lines and columns
/// match what an editor shows. Invalid UTF-8 is an error.
public struct SourceText: Sendable {
    /// The path shown in errors.
    public let path: String
    /// The normalised text.
    public let text: String

    /// Decodes `bytes` read from `path`.
    public init(path: String, bytes: [UInt8]) throws(SourceTextError) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            throw SourceTextError.invalidUTF8(SourceText.firstInvalidByte(in: Array(body), path: path))
        }
        self.path = path
        self.text = SourceText.hasCarriageReturn(decoded) ? decoded.replacingLineEndings() : decoded
    }

    /// Wraps text that is already decoded (for tests and standard input).
    public init(path: String, text: String) {
        self.path = path
        self.text = SourceText.hasCarriageReturn(text) ? text.replacingLineEndings() : text
    }

    /// Whether `text` has a CR, found with `memchr` over its UTF-8 (a generic byte loop was 4 % of a build).
    private static func hasCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0D, bytes.count) != nil
        }
    }

    /// The location of `position` in this file.
    public func location(_ position: TextPosition) -> SourceLocation { position.located(in: path) }

    private static func firstInvalidByte(in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            if length == 0 || index + length > bytes.count || String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}

/// A source file that cannot be read as text.
public enum SourceTextError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A file is not valid UTF-8 (located at its first invalid byte).
    case invalidUTF8(SourceLocation)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .invalidUTF8(let location): return location
        }
    }

    /// What is wrong and how to fix it.
    public var message: String {
        switch self {
        case .invalidUTF8: return "this file is not valid UTF-8 text; save it again as UTF-8 in your editor"
        }
    }
}

extension String {
    /// CRLF and lone CR become LF.
    fileprivate func replacingLineEndings() -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousCR = true
                continue
            }
            if !(scalar == "\n" && previousCR) { result.append(scalar) }
            previousCR = false
        }
        return String(result)
    }
}
