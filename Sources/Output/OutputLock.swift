import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a lock file beside the output (`.site.lock` for `site`), held by one build from
/// planning the spare folder to the exchange, so two builds never write one output at once.
///
/// The lock file is never deleted (deleting it would let a third build lock a different file); the kernel
/// releases the lock when the build ends, however it ends.
final class OutputLock {
    private let descriptor: Int32

    /// The lock file used for `output`.
    static func path(for output: String) -> String {
        AbsolutePath.parent(of: output) + "/.\(AbsolutePath.name(of: output)).lock"
    }

    /// Takes the lock for `output`. When another build holds it: with `wait`, calls `waiting` once and
    /// blocks until it is free; without, fails at once (the error ends with `advice`, if given).
    init(output: String, wait: Bool, advice: String? = nil, waiting: (String) -> Void) throws(OutputError) {
        let lockPath = OutputLock.path(for: output)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.unsafeOutput(
                SourceLocation(path: lockPath),
                reason:
                    "the lock file beside the output cannot be opened (\(String(cString: strerror(errno)))); if it is a link or a folder, remove it"
            )
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw OutputError.unsafeOutput(
                SourceLocation(path: lockPath), reason: "the lock file beside the output is not a regular file; remove it")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                close(descriptor)
                throw OutputError.outputLocked(SourceLocation(path: output), lock: lockPath, advice: advice)
            }
            waiting(lockPath)
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw OutputError.outputLocked(SourceLocation(path: output), lock: lockPath, advice: advice)
                }
            }
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
