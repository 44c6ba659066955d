import Testing

@testable import PreviewServer

/// The WebSocket handshake and frames (RFC 6455), and the SHA-1 the handshake needs.
@Suite struct WebSocketTests {
    @Test func sha1KnownAnswers() {
        func hex(_ text: String) -> String { SHA1.digest(Array(text.utf8)).map { String($0, radix: 16).leftPadded }.joined() }
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func theAcceptValueOfTheRFCExample() {
        #expect(WebSocket.accept("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func handshakeNeedsAnUpgradeRequest() {
        let headers = [
            ("host", "localhost"), ("upgrade", "websocket"), ("connection", "keep-alive, Upgrade"),
            ("sec-websocket-version", "13"), ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ]
        let answer = WebSocket.handshake(for: HTTPRequest(method: "GET", target: "/live", headers: headers))
        #expect(answer?.status == 101)
        #expect(answer?.headers.first { $0.name == "Sec-WebSocket-Accept" }?.value == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(WebSocket.handshake(for: HTTPRequest(method: "GET", target: "/live", headers: Array(headers.dropLast()))) == nil)
    }

    @Test func framesOutAndIn() {
        #expect(WebSocket.frame(opcode: 1, payload: Array("reload".utf8)) == [0x81, 6] + Array("reload".utf8))
        #expect(WebSocket.frame(opcode: 1, payload: [UInt8](repeating: 0, count: 300)).prefix(4) == [0x81, 126, 1, 44])
        let mask: [UInt8] = [1, 2, 3, 4]
        let text = Array("hi".utf8)
        var buffer: [UInt8] = [0x81, 0x82] + mask + text.enumerated().map { $0.element ^ mask[$0.offset % 4] } + [0x88, 0x80]
        #expect(WebSocket.frames(from: &buffer) == [WebSocket.Frame(opcode: 1, payload: text)])
        #expect(buffer == [0x88, 0x80], "an incomplete frame waits for its bytes")
        buffer += mask
        #expect(WebSocket.frames(from: &buffer) == [WebSocket.Frame(opcode: 8, payload: [])])
        var unmasked: [UInt8] = [0x81, 0x00]
        #expect(WebSocket.frames(from: &unmasked) == nil)
        var huge: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0x10, 0, 0, 0]
        #expect(WebSocket.frames(from: &huge) == nil)
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
