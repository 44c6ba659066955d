import PreviewServer
import Testing

/// Which Host and Origin values the preview answers (against DNS rebinding).
@Suite struct HostPolicyTests {
    @Test func loopbackNamesAndTheGivenHostWithAnyPort() {
        let policy = HostPolicy(host: "127.0.0.1")
        for host in ["localhost", "LocalHost:8080", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:8080"] {
            #expect(policy.allows(host: host), "\(host)")
        }
        for host in [
            "evil.example", "localhost.", "localhost:", "localhost:80a", "localhost:123456", "127.0.0.1.nip.io", "[::1]x", "::1", "0.0.0.0",
        ] {
            #expect(!policy.allows(host: host), "\(host)")
        }
        #expect(policy.list == "127.0.0.1, [::1], localhost")
        #expect(HostPolicy(host: "preview.test").allows(host: "preview.test:8080"))
        #expect(HostPolicy(host: "::1").names == ["localhost", "127.0.0.1", "[::1]"])
        #expect(HostPolicy(host: "fe80::1").allows(host: "[fe80::1]:80"))
        #expect(HostPolicy(host: "0.0.0.0").names == ["localhost", "127.0.0.1", "[::1]"])
    }

    @Test func originsOfThisServerOrNone() {
        let policy = HostPolicy(host: "127.0.0.1")
        #expect(policy.allows(origin: nil))
        #expect(policy.allows(origin: "http://localhost:8080"))
        #expect(policy.allows(origin: "http://[::1]:8080"))
        for origin in [
            "null", "http://evil.example", "http://localhost:8080/path", "file://", "ws://localhost", "http://localhost.evil.example",
        ] {
            #expect(!policy.allows(origin: origin), "\(origin)")
        }
    }
}
