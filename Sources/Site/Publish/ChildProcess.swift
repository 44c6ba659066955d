import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a helper program (Pagefind) so that it can never outlive or hang the build: in its own process
/// group, stopped with its children after a timeout, and killed by the kernel if the build dies first.
enum ChildProcess {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The program exited with `status`; `errors` is what it wrote to standard error.
        case exited(status: Int32, errors: String)
        /// The program ran past the timeout and was killed with its process group.
        case timedOut
    }

    /// A program that could not be started.
    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// `setpriv` (util-linux) asks the kernel to kill the program when the build's thread ends
    /// (`PR_SET_PDEATHSIG`), which `posix_spawn` cannot do by itself.
    private static let setpriv: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first { (path: String) in access(path, X_OK) == 0 }

    /// Runs `executable` with `arguments`, waiting at most `timeout` seconds; `started` gets its process
    /// (group) id as soon as it runs, so a caller that must stop early can kill the group.
    static func run(_ executable: String, _ arguments: [String], timeout: Int, started: (pid_t) -> Void = { _ in }) throws -> Outcome {
        let command = (setpriv.map { [$0, "--pdeathsig", "KILL", "--"] } ?? []) + [executable] + arguments
        // Standard error goes to an unlinked temporary file: a pipe could fill up and stall the program.
        var template = Array((NSTemporaryDirectory() + "/guidepost-tool.XXXXXX").utf8CString)
        let errorFile = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard errorFile >= 0 else { throw StartFailure(description: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        defer { close(errorFile) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw StartFailure(description: String(cString: strerror(spawned))) }
        started(pid)

        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var status: Int32 = 0
        var pause: useconds_t = 1_000
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0, errno != EINTR { break }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        // Helpers the program started in its group must not outlive it either.
        kill(-pid, SIGKILL)
        var errors = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        lseek(errorFile, 0, SEEK_SET)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(errorFile, $0.baseAddress!, $0.count) }
            if count <= 0 || errors.count > 65_536 { break }
            errors += buffer[0..<count]
        }
        let exit: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return .exited(status: exit, errors: String(decoding: errors, as: UTF8.self))
    }
}
