import Foundation

/// The limits a request head must stay within, like nginx's defaults.
public struct HTTPLimits: Sendable {
    /// The longest request line, in bytes (longer: 414 URI Too Long).
    public var requestLine = 8 * 1024
    /// The most bytes of header fields (more: 431 Request Header Fields Too Large).
    public var headers = 64 * 1024
    /// Seconds a client has to send a whole request head once it started (then: 408 Request Timeout).
    public var headerTimeout = 10.0
    /// Seconds an open connection may wait for its next request before it is closed.
    public var idleTimeout = 15.0

    /// The defaults.
    public init() {}
}

/// Why a request head was refused; each maps to the status the client gets.
public enum HTTPHeadError: Error, Equatable, Sendable {
    /// The request line is longer than the limit.
    case requestLineTooLong
    /// The header fields are larger than the limit.
    case headersTooLarge
    /// The head is not HTTP/1.x (the text says what is wrong).
    case malformed(String)

    /// 414, 431 or 400.
    public var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headersTooLarge: 431
        case .malformed: 400
        }
    }

    /// The plain-text body sent with the status.
    public var message: String {
        switch self {
        case .requestLineTooLong: "The request line is longer than 8 KB (8192 bytes); this server refuses it.\n"
        case .headersTooLarge: "The request's header fields are larger than 64 KB (65536 bytes); this server refuses them.\n"
        case .malformed(let what): "Bad request: \(what).\n"
        }
    }
}

/// Reads a request head from bytes as they arrive, in time linear in their number: each byte is looked at
/// once, and a head over the limits is refused as soon as the limit is passed, whatever follows.
public struct HTTPHeadParser: Sendable {
    private let limits: HTTPLimits
    /// Bytes of the head so far (the request line and header lines, without what follows the head).
    private var buffer: [UInt8] = []
    /// Where the scan for the next line feed resumes.
    private var scanned = 0
    /// Where the current line starts.
    private var lineStart = 0
    private var requestLine: String?
    private var headers: [(name: String, value: String)] = []
    private var headerBytes = 0

    /// A parser for one head.
    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Whether part of a head has arrived (so the header timeout runs).
    public var started: Bool { !buffer.isEmpty }

    /// What `feed` found.
    public enum Outcome: Equatable, Sendable {
        /// The head is not complete yet.
        case needMore
        /// The whole head, and the bytes after it (the start of a body or of the next request).
        case head(HTTPRequest, rest: [UInt8])
    }

    /// Adds bytes; returns the head once it is complete, or throws as soon as it breaks a limit.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(HTTPHeadError) -> Outcome {
        buffer.append(contentsOf: bytes)
        while let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
            scanned = newline + 1
            var end = newline
            if end > lineStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = buffer[lineStart..<end]
            let lineLength = newline + 1 - lineStart
            lineStart = newline + 1
            if requestLine == nil {
                if line.isEmpty {
                    // Empty lines before a request are skipped (RFC 9112 §2.2), within the same limit.
                    if lineStart > limits.requestLine { throw .requestLineTooLong }
                    continue
                }
                if lineLength > limits.requestLine { throw .requestLineTooLong }
                requestLine = String(decoding: line, as: UTF8.self)
                continue
            }
            headerBytes += lineLength
            if headerBytes > limits.headers { throw .headersTooLarge }
            if line.isEmpty {
                let rest = Array(buffer[lineStart...])
                return .head(try makeRequest(), rest: rest)
            }
            try headers.append(Self.field(line))
        }
        scanned = buffer.count
        let pending = buffer.count - lineStart
        if requestLine == nil, pending > limits.requestLine { throw .requestLineTooLong }
        if requestLine != nil, headerBytes + pending > limits.headers { throw .headersTooLarge }
        return .needMore
    }

    private func makeRequest() throws(HTTPHeadError) -> HTTPRequest {
        let parts = (requestLine ?? "").split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformed("the request line is not \"METHOD target HTTP/1.1\"")
        }
        guard parts[0].allSatisfy(Self.isTokenCharacter) else { throw .malformed("the method is not a token") }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            throw .malformed("only HTTP/1.1 and HTTP/1.0 are served")
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }

    private static func field(_ line: ArraySlice<UInt8>) throws(HTTPHeadError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
            throw .malformed("a header line has no name and colon")
        }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy({ isTokenCharacter(Character(UnicodeScalar($0))) }) else {
            throw .malformed("a header name has a space or a character that is not allowed")
        }
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
        return (String(decoding: name, as: UTF8.self).lowercased(), value)
    }

    /// RFC 9110's `tchar`.
    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, ascii > 32, ascii < 127 else { return false }
        return !"\"(),/:;<=>?@[\\]{}".contains(character)
    }
}
