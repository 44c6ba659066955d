import Content
import Testing

/// The base URL reaches canonical links, og:url, feeds and sitemaps: only plain http(s) addresses pass (issue 14, item 15).
@Suite struct BaseURLTests {
    static let advice = #"; write an absolute address such as "https://example.org/guide/" (http or https, a host, no ? or #)"#

    @Test(arguments: [
        ("javascript:alert(1)//", "is not an absolute http(s) URL"),
        ("/guide/", "is not an absolute http(s) URL"),
        ("HTTPS://example.org/", "is not an absolute http(s) URL"),
        ("https://example.org/?utm=1", "has a query (?utm=1)"),
        ("https://example.org/#top", "has a fragment (#top)"),
        ("https:///guide/", "has no valid host name after https://"),
        ("https://", "has no valid host name after https://"),
        ("https://user:secret@example.org/", "has a user name or password before @"),
        ("https://example.org:0/", "has an invalid port (0); a port is a number from 1 to 65535"),
        ("https://exa mple.org/", "contains a space, which a URL cannot hold as it is (percent-encode it)"),
        ("https://example.org/\"><script>", "contains \"\"\", which a URL cannot hold as it is (percent-encode it)"),
        ("https://example.org/\nx", "contains a control character, which a URL cannot hold as it is (percent-encode it)"),
    ])
    func refusesWithAReason(url: String, reason: String) {
        #expect(BaseURL.problem(url) == reason + Self.advice)
    }

    @Test func acceptsPlainAddresses() {
        for url in [
            "https://example.org/", "http://localhost:8080/guide/", "https://[::1]/", "https://guide.example.org/fr-be/sub",
            "https://bücher.example/",
        ] {
            #expect(BaseURL.problem(url) == nil, "\(url)")
        }
        #expect(BaseURL.normalized("https://example.org/guide") == "https://example.org/guide/")
        #expect(BaseURL.normalized("https://example.org/") == "https://example.org/")
    }
}
