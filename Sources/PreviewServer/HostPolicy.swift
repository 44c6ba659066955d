/// Which `Host` and `Origin` values the preview server answers: the loopback names and the `--host` given.
/// A page on another site that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its own name as
/// `Host`, and a WebSocket opened from it sends its own `Origin`: both are refused.
public struct HostPolicy: Sendable {
    /// Allowed host names in lower case, IPv6 addresses in brackets: `localhost`, `127.0.0.1`, `[::1]`, and the `--host`.
    public let names: Set<String>

    /// The loopback names and `host` (the address or name the server listens on).
    public init(host: String) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let given = host.lowercased()
        if !given.isEmpty, given != "0.0.0.0", given != "::", given != "[::]" {
            names.insert(given.contains(":") && !given.hasPrefix("[") ? "[\(given)]" : given)
        }
        self.names = names
    }

    /// The names as a reader sees them, sorted: `[::1], 127.0.0.1, localhost`.
    public var list: String { names.sorted().joined(separator: ", ") }

    /// Whether a `Host` header (`name`, `name:port`, `[v6]:port`) names this server.
    public func allows(host value: String) -> Bool {
        let value = value.lowercased()
        var name = Substring(value)
        var port: Substring?
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return false }
            name = value[...close]
            let after = value[value.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return false }
                port = after.dropFirst()
            }
        } else if let colon = value.firstIndex(of: ":") {
            name = value[..<colon]
            port = value[value.index(after: colon)...]
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
        return names.contains(String(name))
    }

    /// Whether a WebSocket's `Origin` (`http://name:port`) is a page of this server; a missing `Origin`
    /// (not a browser) is allowed.
    public func allows(origin: String?) -> Bool {
        guard let origin else { return true }
        let lower = origin.lowercased()
        for scheme in ["http://", "https://"] where lower.hasPrefix(scheme) {
            let rest = lower.dropFirst(scheme.count)
            guard !rest.contains("/") else { return false }
            return allows(host: String(rest))
        }
        return false
    }
}
