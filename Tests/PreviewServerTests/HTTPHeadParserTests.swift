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
            #expect(request == HTTPRequest(method: "GET", target: "/fr/caf%C3%A9/?x=1", headers: [("host", "127.0.0.1:8080"), ("x-two", "a b")]))
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
}
