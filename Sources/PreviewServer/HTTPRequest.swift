import Foundation

/// One HTTP/1.x request head as the preview server read it: method, target, version and headers.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, … exactly as sent.
    public var method: String
    /// The request target as sent, e.g. `/fr/a-propos/?x=1`.
    public var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// The header fields in order, names in lower case, values trimmed.
    public var headers: [(name: String, value: String)]

    /// Creates a request head.
    public init(method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// The first value of the header `name` (any case).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name == key }?.value
    }

    /// The target's path, percent-decoded (`/fr/caf%C3%A9/` gives `/fr/café/`), without its query.
    public var path: String {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    /// Whether the connection stays open after the answer (HTTP/1.1 unless `Connection: close`).
    public var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }

    /// Whether a body follows the head (`Content-Length` above zero or any `Transfer-Encoding`).
    public var hasBody: Bool {
        if header("transfer-encoding") != nil { return true }
        if let length = header("content-length") { return length != "0" }
        return false
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }
}
