import Foundation
import Glibc

/// Why the server could not start listening.
public struct ListenError: Error, CustomStringConvertible, Equatable {
    /// `cannot listen on localhost port 8080: Address already in use; …`.
    public let description: String
}

/// Listening sockets for a host name or address and a port: every address the name resolves to
/// (`localhost` is both 127.0.0.1 and ::1), so `--host localhost`, `--host ::1` and `--host 127.0.0.1` all work.
struct Listener {
    let descriptors: [Int32]

    init(host: String, port: UInt16) throws(ListenError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        // `localhost` is loopback by definition (RFC 6761), whatever /etc/hosts says: both of its addresses,
        // as browsers try both.
        let names = name.lowercased() == "localhost" ? ["127.0.0.1", "::1"] : [name]
        var addresses: [[UInt8]] = []
        for name in names {
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(name, String(port), &hints, &list)
            guard status == 0, list != nil else {
                if names.count > 1 { continue }
                throw ListenError(
                    description:
                        "cannot listen on \(host) port \(port): \(host) is not an address or a name this machine resolves (\(String(cString: gai_strerror(status)))); give --host an address such as 127.0.0.1 or ::1, or localhost"
                )
            }
            var entry = list
            while let info = entry {
                entry = info.pointee.ai_next
                let address = Array(UnsafeRawBufferPointer(start: info.pointee.ai_addr, count: Int(info.pointee.ai_addrlen)))
                if !addresses.contains(address) { addresses.append(address) }
            }
            freeaddrinfo(list)
        }
        var descriptors: [Int32] = []
        var failure: Int32 = EADDRNOTAVAIL
        for address in addresses {
            let family = address.withUnsafeBytes { $0.loadUnaligned(as: sa_family_t.self) }
            let socket = Glibc.socket(Int32(family), Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else {
                failure = errno
                continue
            }
            var on: Int32 = 1
            setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
            if Int32(family) == AF_INET6 {
                setsockopt(socket, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
            }
            let bound = address.withUnsafeBytes {
                bind(socket, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            guard bound == 0, listen(socket, 128) == 0 else {
                failure = errno
                _ = Glibc.close(socket)
                continue
            }
            descriptors.append(socket)
        }
        guard !descriptors.isEmpty else {
            let hint =
                failure == EADDRINUSE
                ? "choose another --port, or stop the program using it"
                : "give --host an address of this machine, such as 127.0.0.1, ::1 or localhost"
            throw ListenError(description: "cannot listen on \(host) port \(port): \(String(cString: strerror(failure))); \(hint)")
        }
        self.descriptors = descriptors
    }

    /// The next connection on `descriptor`, waiting as long as it takes (nil on a failure to retry).
    static func accept(_ descriptor: Int32) -> Int32? {
        let connection = Glibc.accept(descriptor, nil, nil)
        return connection >= 0 ? connection : nil
    }
}
