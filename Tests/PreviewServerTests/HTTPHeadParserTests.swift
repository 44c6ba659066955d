import PreviewServer
import Testing

/// The request-head reader: limits, line endings, and what a malformed head is told.
@Suite struct HTTPHeadParserTests {
    func parse(_ text: String, in pieces: Int = 1, limits: HTTPLimits = HTTPLimits()) throws(HTTPHeadError) -> HTTPHeadParser.Outcome {
        var parser = HTTPHeadParser(limits: limits)
        let bytes = Array(text.utf8)
        let size = max(1, bytes.count / pieces)
        var outcome = HTTPHeadParser.Outcome.needMore
        for start in stride(from: 0, to: bytes.count, by: size) {
            outcome = try parser.feed(bytes[start..<min(bytes.count, start + size)])
            if case .head = outcome { break }
        }
        return outcome
    }

    @Test func readsAHeadInOneOrManyPiecesAndKeepsWhatFollows() throws {
        let text = "GET /fr/caf%C3%A9/?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Two:  a b \r\n\r\nGET /next"
        for pieces in [1, 3, text.utf8.count] {
            let outcome = try parse(text, in: pieces)
            guard case .head(let request, let rest) = outcome else {
                Issue.record("no head in \(pieces) pieces")
                continue
            }
            #expect(
                request
                    == HTTPRequest(method: "GET", target: "/fr/caf%C3%A9/?x=1", headers: [("host", "127.0.0.1:8080"), ("x-two", "a b")]))
            #expect(request.path == "/fr/café/")
            if pieces == 1 { #expect(rest == Array("GET /next".utf8)) }
        }
    }

    @Test func bareLineFeedsAndLeadingEmptyLinesAreAccepted() throws {
        guard case .head(let request, _) = try parse("\r\n\nHEAD / HTTP/1.0\nHost: x\n\n") else {
            Issue.record("no head")
            return
        }
        #expect(request.method == "HEAD")
        #expect(request.version == "HTTP/1.0")
        #expect(!request.keepAlive)
    }

    @Test func aRequestLineOverTheLimitIsRefusedAsSoonAsTheLimitIsPassed() throws {
        var parser = HTTPHeadParser()
        #expect(try parser.feed(Array("GET /".utf8) + [UInt8](repeating: 97, count: 8000)) == .needMore)
        #expect(throws: HTTPHeadError.requestLineTooLong) { try parser.feed([UInt8](repeating: 97, count: 300)) }
        // Exactly 8 KB with its CRLF is read; one byte more is not.
        let exact = "GET /" + String(repeating: "a", count: 8192 - 16) + " HTTP/1.1\r\n"
        #expect(exact.utf8.count == 8192)
        guard case .head = try parse(exact + "Host: x\r\n\r\n") else {
            Issue.record("an 8 KB request line was refused")
            return
        }
        #expect(throws: HTTPHeadError.requestLineTooLong) { try parse("GET /a" + exact.dropFirst(5) + "Host: x\r\n\r\n") }
    }

    @Test func headerFieldsOverTheLimitAreRefused() {
        let filler = String(repeating: "X-Filler: " + String(repeating: "b", count: 1000) + "\r\n", count: 66)
        #expect(throws: HTTPHeadError.headersTooLarge) { try parse("GET / HTTP/1.1\r\n" + filler + "\r\n") }
        // Without the end of the head, too.
        #expect(throws: HTTPHeadError.headersTooLarge) { try parse("GET / HTTP/1.1\r\nX-Long: " + String(repeating: "c", count: 70_000)) }
    }

    @Test func malformedHeadsSayWhatIsWrong() {
        #expect(throws: HTTPHeadError.malformed("the request line is not \"METHOD target HTTP/1.1\"")) { try parse("GET /\r\n\r\n") }
        #expect(throws: HTTPHeadError.malformed("only HTTP/1.1 and HTTP/1.0 are served")) { try parse("GET / HTTP/2.0\r\n\r\n") }
        #expect(throws: HTTPHeadError.malformed("a header line has no name and colon")) { try parse("GET / HTTP/1.1\r\nHost\r\n\r\n") }
        #expect(throws: HTTPHeadError.malformed("a header name has a space or a character that is not allowed")) {
            try parse("GET / HTTP/1.1\r\nHost : x\r\n\r\n")
        }
        #expect(throws: HTTPHeadError.malformed("the method is not a token")) { try parse("G(T / HTTP/1.1\r\n\r\n") }
        #expect(HTTPHeadError.requestLineTooLong.status == 414)
        #expect(HTTPHeadError.headersTooLarge.status == 431)
        #expect(HTTPHeadError.malformed("x").message == "Bad request: x.\n")
    }

    @Test func bodiesAndConnectionTokens() throws {
        guard case .head(let request, _) = try parse("POST / HTTP/1.1\r\nContent-Length: 3\r\nConnection: keep-alive, Close\r\n\r\n") else {
            Issue.record("no head")
            return
        }
        #expect(request.hasBody)
        #expect(!request.keepAlive)
    }

    /// Any bytes, cut anywhere: the same outcome as in one piece, and never a crash.
    @Test func theOutcomeDoesNotDependOnHowTheBytesArrive() {
        var generator = SplitMix(seed: 14)
        let base = Array("GET /fr/a?b=c HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\n\r\nNEXT".utf8)
        let alphabet = Array(" :\r\n\tGETHTP/1.0a\u{0}\u{7f}é".utf8)
        var limits = HTTPLimits()
        limits.requestLine = 40
        limits.headers = 60
        for _ in 0..<500 {
            var bytes = base
            for _ in 0..<Int(generator.next() % 6) {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                default: bytes.remove(at: position)
                }
            }
            func outcome(pieces: [ArraySlice<UInt8>]) -> String {
                var parser = HTTPHeadParser(limits: limits)
                do {
                    for piece in pieces {
                        if case .head(let request, let rest) = try parser.feed(piece) {
                            // What came after the head in later pieces is the caller's too.
                            let after = rest + pieces.drop { $0.endIndex <= piece.endIndex }.joined()
                            return "\(request.method) \(request.target) \(request.headers.map { "\($0.name)=\($0.value)" }) \(Array(after))"
                        }
                    }
                    return "needMore"
                } catch {
                    return "\(error)"
                }
            }
            var pieces: [ArraySlice<UInt8>] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + Int(generator.next() % 7))
                pieces.append(bytes[start..<end])
                start = end
            }
            #expect(outcome(pieces: [bytes[...]]) == outcome(pieces: pieces), "\(bytes)")
        }
    }
}

/// A small seeded generator, so the random cases are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
