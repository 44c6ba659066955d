import Foundation

/// The server side of RFC 6455 that live reload needs: the handshake, text frames out, and reading the
/// client's frames for pings and the close (a client's messages are not used).
enum WebSocket {
    /// The 101 answer to a valid upgrade request, or nil when it is not one.
    static func handshake(for request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET",
            request.header("upgrade")?.lowercased() == "websocket",
            (request.header("connection") ?? "").lowercased().split(separator: ",")
                .contains(where: { $0.trimmingCharacters(in: .whitespaces) == "upgrade" }),
            request.header("sec-websocket-version") == "13",
            let key = request.header("sec-websocket-key"), !key.isEmpty
        else { return nil }
        return HTTPResponse(
            status: 101, headers: [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept(key))])
    }

    /// `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`.
    static func accept(_ key: String) -> String {
        Data(SHA1.digest(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }

    /// One unmasked frame from the server.
    static func frame(opcode: UInt8, payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x80 | opcode]
        switch payload.count {
        case 0..<126: bytes.append(UInt8(payload.count))
        case 126...0xFFFF: bytes += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        return bytes + payload
    }

    /// A frame from the client.
    struct Frame: Equatable {
        var opcode: UInt8
        var payload: [UInt8]
    }

    /// The largest client frame accepted (the client sends nothing but pings and the close).
    static let maximumPayload = 64 * 1024

    /// Takes the complete frames off the front of `buffer`; nil when a frame breaks the protocol or the limit.
    static func frames(from buffer: inout [UInt8]) -> [Frame]? {
        var frames: [Frame] = []
        var offset = 0
        while buffer.count - offset >= 2 {
            let first = buffer[offset]
            let second = buffer[offset + 1]
            guard second & 0x80 != 0 else { return nil }  // client frames are masked
            var length = Int(second & 0x7F)
            var header = 2
            if length == 126 {
                guard buffer.count - offset >= 4 else { break }
                length = Int(buffer[offset + 2]) << 8 | Int(buffer[offset + 3])
                header = 4
            } else if length == 127 {
                guard buffer.count - offset >= 10 else { break }
                length = 0
                for i in 0..<8 {
                    guard length <= maximumPayload else { return nil }
                    length = length << 8 | Int(buffer[offset + 2 + i])
                }
                header = 10
            }
            guard length <= maximumPayload else { return nil }
            guard buffer.count - offset >= header + 4 + length else { break }
            let mask = Array(buffer[(offset + header)..<(offset + header + 4)])
            let start = offset + header + 4
            let payload = (0..<length).map { buffer[start + $0] ^ mask[$0 % 4] }
            frames.append(Frame(opcode: first & 0x0F, payload: payload))
            offset = start + length
        }
        buffer.removeFirst(offset)
        return frames
    }
}
