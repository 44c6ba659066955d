import Foundation
import Glibc

/// A small HTTP/1.1 server for `guidepost serve`, on loopback: GET and HEAD answered by a handler, one
/// WebSocket path whose clients get `broadcast` messages, and every limit a server facing a browser
/// needs (request-line and header size, header and idle timeouts, Host and Origin checks). A thread per
/// connection reads with deadlines, so a client that leaves or stalls costs nothing more.
public final class PreviewServer: @unchecked Sendable {
    /// Answers a GET (the server drops the body for HEAD).
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private let listener: Listener
    private let limits: HTTPLimits
    private let policy: HostPolicy
    private let webSocketPath: String
    private var handler: Handler = { _ in HTTPResponse.text(503, "Starting.\n") }
    private let lock = NSLock()
    private var clients: [ObjectIdentifier: Socket] = [:]
    private var connections = 0
    /// Connections beyond this are closed at once.
    private let maximumConnections = 256

    /// Listens on every address of `host` at `port` (connections wait until `start`); throws when it cannot.
    public init(host: String, port: UInt16, limits: HTTPLimits = HTTPLimits(), webSocketPath: String) throws(ListenError) {
        self.listener = try Listener(host: host, port: port)
        self.limits = limits
        self.policy = HostPolicy(host: host)
        self.webSocketPath = webSocketPath
    }

    /// Answers every connection with `handler` from now until the process ends (a thread per listening address).
    public func start(handler: @escaping Handler) {
        self.handler = handler
        for descriptor in listener.descriptors {
            let thread = Thread { [self] in
                while true {
                    guard let connection = Listener.accept(descriptor) else { continue }
                    let admitted = lock.withLock { () -> Bool in
                        guard connections < maximumConnections else { return false }
                        connections += 1
                        return true
                    }
                    guard admitted else {
                        _ = Glibc.close(connection)
                        continue
                    }
                    Thread.detachNewThread { [self] in
                        serve(Socket(descriptor: connection))
                        lock.withLock { connections -= 1 }
                    }
                }
            }
            thread.start()
        }
    }

    /// Sends `text` to every open WebSocket.
    public func broadcast(_ text: String) {
        let frame = WebSocket.frame(opcode: 1, payload: Array(text.utf8))
        for socket in lock.withLock({ Array(clients.values) }) where !socket.write(frame) {
            socket.abort()
        }
    }

    /// How many WebSockets are open.
    public var webSocketCount: Int { lock.withLock { clients.count } }

    /// Reads requests off one connection and answers them until it closes, breaks a limit or idles.
    private func serve(_ socket: Socket) {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var parser = HTTPHeadParser(limits: limits)
        var leftover: [UInt8] = []
        var idleSince = Date()
        var startedAt: Date?
        while true {
            var outcome = HTTPHeadParser.Outcome.needMore
            do {
                if !leftover.isEmpty {
                    startedAt = startedAt ?? Date()
                    outcome = try parser.feed(leftover)
                    leftover = []
                }
                while case .needMore = outcome {
                    let deadline =
                        startedAt.map { $0.addingTimeInterval(limits.headerTimeout) } ?? idleSince.addingTimeInterval(limits.idleTimeout)
                    switch socket.read(into: &scratch, until: deadline) {
                    case .closed:
                        socket.close()
                        return
                    case .timedOut:
                        if parser.started {
                            let seconds = Int(limits.headerTimeout)
                            socket.write(
                                HTTPResponse.text(
                                    408, "The request head did not arrive within \(seconds) second\(seconds == 1 ? "" : "s").\n"
                                ).serialized(close: true))
                            socket.lingeringClose()
                        } else {
                            socket.close()
                        }
                        return
                    case .bytes(let chunk):
                        startedAt = startedAt ?? Date()
                        outcome = try parser.feed(chunk)
                    }
                }
            } catch {
                socket.write(HTTPResponse.text(error.status, error.message).serialized(close: true))
                socket.lingeringClose()
                return
            }
            guard case .head(let request, let rest) = outcome else { return }
            parser = HTTPHeadParser(limits: limits)
            leftover = rest
            startedAt = nil
            if request.path == webSocketPath, WebSocket.handshake(for: request) != nil, refusal(request) == nil {
                upgrade(socket, request, buffered: rest)
                return
            }
            let response = refusal(request) ?? handler(request)
            // A body is never read: the connection closes after the answer, so its bytes are not taken for a request.
            let close = !request.keepAlive || request.hasBody
            guard socket.write(response.serialized(includeBody: request.method != "HEAD", close: close)) else {
                socket.close()
                return
            }
            if close {
                socket.lingeringClose()
                return
            }
            idleSince = Date()
        }
    }

    /// The answer to a request that is not for this server or not a GET or HEAD, else nil.
    private func refusal(_ request: HTTPRequest) -> HTTPResponse? {
        guard let host = request.header("host") else {
            return request.version == "HTTP/1.0" ? nil : HTTPResponse.text(400, "Bad request: HTTP/1.1 needs a Host header.\n")
        }
        guard policy.allows(host: host) else {
            return HTTPResponse.text(
                403,
                "Blocked request: the Host header \"\(host)\" is not this preview server's. It answers only \(policy.list) (against DNS rebinding); open it through one of those, or start it with --host set to the name you use.\n"
            )
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPResponse.text(
                405, "Method \(request.method) is not allowed: this preview server answers GET and HEAD.\n",
                headers: [("Allow", "GET, HEAD")])
        }
        if request.path == webSocketPath {
            guard WebSocket.handshake(for: request) != nil else {
                return HTTPResponse.text(
                    426, "\(webSocketPath) is the live-reload WebSocket; open it with a WebSocket upgrade.\n",
                    headers: [("Upgrade", "websocket")])
            }
            guard policy.allows(origin: request.header("origin")) else {
                return HTTPResponse.text(
                    403,
                    "Blocked WebSocket: the Origin \"\(request.header("origin") ?? "")\" is not a page of this preview server (\(policy.list)).\n"
                )
            }
        }
        return nil
    }

    /// Switches to the WebSocket protocol and keeps the socket among the clients until it closes.
    private func upgrade(_ socket: Socket, _ request: HTTPRequest, buffered: [UInt8]) {
        guard let answer = WebSocket.handshake(for: request), socket.write(answer.serialized()) else {
            socket.close()
            return
        }
        let id = ObjectIdentifier(socket)
        lock.withLock { clients[id] = socket }
        defer {
            lock.withLock { clients[id] = nil }
            socket.close()
        }
        var pending = buffered
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            guard let frames = WebSocket.frames(from: &pending) else { return }
            for frame in frames {
                switch frame.opcode {
                case 8:
                    socket.write(WebSocket.frame(opcode: 8, payload: Array(frame.payload.prefix(2))))
                    return
                case 9: socket.write(WebSocket.frame(opcode: 10, payload: frame.payload))
                default: break
                }
            }
            // An open tab stays connected as long as it likes; its pings are answered, and a ping every 30 s
            // lets a tab that vanished without closing (a laptop put to sleep) end in a failed write.
            switch socket.read(into: &scratch, until: Date().addingTimeInterval(30)) {
            case .bytes(let chunk): pending += chunk
            case .timedOut: guard socket.write(WebSocket.frame(opcode: 9, payload: [])) else { return }
            case .closed: return
            }
        }
    }
}
