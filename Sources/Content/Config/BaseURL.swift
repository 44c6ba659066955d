/// The rule for a site's base URL: an absolute `http(s)` address with a host and no query or fragment.
public enum BaseURL {
    private static let advice = "; write an absolute address such as \"https://example.org/guide/\" (http or https, a host, no ? or #)"

    /// What is wrong with `text` as a base URL (the rest of a sentence after the quoted URL, with how to fix it), or nil when it is fine.
    public static func problem(_ text: String) -> String? {
        guard let scheme = ["https://", "http://"].first(where: { text.hasPrefix($0) }) else {
            return "is not an absolute http(s) URL" + advice
        }
        if let bad = text.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0) })
        {
            let name = bad == " " ? "a space" : bad.value < 0x20 || bad.value == 0x7F ? "a control character" : "\"\(bad)\""
            return "contains \(name), which a URL cannot hold as it is (percent-encode it)" + advice
        }
        if let mark = text.firstIndex(of: "?") { return "has a query (\(text[mark...]))" + advice }
        if let mark = text.firstIndex(of: "#") { return "has a fragment (\(text[mark...]))" + advice }
        let authority = text.dropFirst(scheme.count).prefix { $0 != "/" }
        if authority.contains("@") { return "has a user name or password before @" + advice }
        var host = Substring(authority)
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            guard let number = Int(port), port.allSatisfy(\.isASCII), (1...65535).contains(number) else {
                return "has an invalid port (\(port)); a port is a number from 1 to 65535" + advice
            }
            host = authority[..<colon]
        }
        let isIPv6 = host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2
        guard isIPv6 || (!host.isEmpty && host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." })) else {
            return "has no valid host name after \(scheme)" + advice
        }
        return nil
    }

    /// `text` with a trailing `/` added when it lacks one, so page paths can be appended.
    public static func normalized(_ text: String) -> String { text.hasSuffix("/") ? text : text + "/" }
}
