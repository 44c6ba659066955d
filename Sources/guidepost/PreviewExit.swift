import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Cleans up when `guidepost serve` is stopped (Ctrl-C, or SIGTERM from a process manager), then ends as the
/// signal would have ended it.
enum PreviewExit {
    /// The handler writes the signal's number here (all it may safely do); a thread reads it and cleans up.
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]

    /// Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, then lets the signal end the process.
    static func onSignal(_ cleanup: @escaping @Sendable () -> Void) {
        guard pipe(&pipeEnds) == 0 else { return }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // Pagefind must not inherit them
        let reader = pipeEnds[0]
        Thread.detachNewThread {
            var number: UInt8 = 0
            while read(reader, &number, 1) < 0, errno == EINTR {}
            cleanup()
            signal(Int32(number), SIG_DFL)
            raise(Int32(number))
            exit(128 + Int32(number))
        }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(PreviewExit.pipeEnds[1], &byte, 1)
            }
        }
    }
}
