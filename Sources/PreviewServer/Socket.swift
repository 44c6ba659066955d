import Foundation
import Glibc

/// A connected TCP socket: reads that wait at most until a deadline, and writes that never raise SIGPIPE.
final class Socket: @unchecked Sendable {
    let descriptor: Int32
    private let writeLock = NSLock()
    private var closed = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        // A client that stops reading cannot hold a writer for more than this.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var on: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close() }

    /// What a read found.
    enum Read {
        case bytes(ArraySlice<UInt8>)
        /// The peer closed its side, or the connection failed.
        case closed
        /// Nothing came before the deadline.
        case timedOut
    }

    /// Up to `buffer.count` bytes, waiting until `deadline` at most.
    func read(into buffer: inout [UInt8], until deadline: Date) -> Read {
        while true {
            let milliseconds = Int32(max(0, min(deadline.timeIntervalSinceNow * 1000, 60_000)).rounded(.up))
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 {
                if deadline.timeIntervalSinceNow > 0 { continue }
                return .timedOut
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { return .closed }
            return .bytes(buffer[0..<count])
        }
    }

    /// Writes all of `bytes`; false when the peer is gone or stopped reading for too long.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        writeLock.withLock {
            guard !closed else { return false }
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// Sends what was written, then reads and drops what the client still sends for a moment before
    /// closing, so a client refused mid-request reads the answer instead of a reset (like nginx's
    /// lingering close). Stops at once when the client closes.
    func lingeringClose(seconds: Double = 2, maximumBytes: Int = 1 << 20) {
        writeLock.withLock { _ = shutdown(descriptor, Int32(SHUT_WR)) }
        let deadline = Date().addingTimeInterval(seconds)
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var drained = 0
        while drained < maximumBytes, case .bytes(let chunk) = read(into: &scratch, until: deadline) { drained += chunk.count }
        close()
    }

    /// Ends the connection from another thread: the reader wakes up, sees it closed, and closes the socket.
    func abort() {
        writeLock.withLock { if !closed { _ = shutdown(descriptor, Int32(SHUT_RDWR)) } }
    }

    func close() {
        writeLock.withLock {
            guard !closed else { return }
            closed = true
            _ = Glibc.close(descriptor)
        }
    }
}
