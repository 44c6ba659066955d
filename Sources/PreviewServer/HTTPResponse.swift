import Foundation

/// An answer: status, header fields and body. `Content-Length` is added when it is written.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields in order (no `Content-Length`: it is computed).
    public var headers: [(name: String, value: String)]
    /// The body (not sent in answer to HEAD).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text answer.
    public static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [
                ("Content-Type", "text/plain; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
                ("Cache-Control", "no-store"),
            ] + headers,
            body: Array(text.utf8))
    }

    /// The reason phrases of the statuses this server sends.
    static let reasons = [
        101: "Switching Protocols", 200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 414: "URI Too Long",
        421: "Misdirected Request", 426: "Upgrade Required", 431: "Request Header Fields Too Large",
        500: "Internal Server Error", 503: "Service Unavailable",
    ]

    /// The bytes on the wire: status line, fields, `Content-Length` (of the body a GET would get), and the
    /// body unless `includeBody` is false (HEAD).
    public func serialized(includeBody: Bool = true, close: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if status != 101 { head += "Content-Length: \(body.count)\r\n" }
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += body }
        return bytes
    }
}
