import Foundation
import Output

#if canImport(Glibc)
    import Glibc
#endif

/// Notices changed, added and removed files under some folders. On Linux through inotify: every folder
/// is watched (new folders too), so an idle preview costs no CPU; a burst of events (an editor saving
/// through a temporary file and a rename) comes out as one change. Folders inotify cannot watch are
/// polled, and `mode: .poll` polls everything (for network mounts, where inotify misses others' writes).
public final class SourceWatcher: @unchecked Sendable {
    /// How changes are noticed.
    public enum Mode: Sendable {
        /// inotify, polling only the folders it cannot watch.
        case notify
        /// Modification times and sizes of every file, compared at each interval.
        case poll
    }

    private let roots: [String]
    private let interval: Double
    private var mode: Mode
    private var poller: PollingScan?
    private var inotify: Int32 = -1
    /// The watched folders by watch descriptor, and the reverse.
    private var folders: [Int32: String] = [:]
    private var descriptors: [String: Int32] = [:]
    /// Folders inotify refused, with the regular files in each and their modification times and sizes.
    private var polled: [String: [String: [Int]]] = [:]
    /// The regular files that exist, as last seen (to tell a deleted file from a temporary one).
    private var known = Set<String>()
    private var notices: [String] = []
    private var saidPolling = false

    /// A quiet time that ends a burst of events, and the longest a burst is waited for.
    private let quiet = 0.03
    private let longestBurst = 0.25

    /// Adds an inotify watch (a parameter so tests can make inotify refuse a folder).
    private let addWatch: (Int32, String, UInt32) -> Int32

    /// Watches every file under `roots` (paths come out as `root/relative`, e.g. `content/fr/a.md`).
    public convenience init(roots: [String], interval: Double = 0.15, mode: Mode = .notify) {
        self.init(roots: roots, interval: interval, mode: mode, addWatch: { inotify_add_watch($0, $1, $2) })
    }

    init(roots: [String], interval: Double, mode: Mode, addWatch: @escaping (Int32, String, UInt32) -> Int32) {
        self.addWatch = addWatch
        self.roots = roots
        self.interval = interval
        self.mode = mode
        if mode == .notify {
            inotify = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            if inotify < 0 {
                notices.append(
                    "inotify is not available (\(String(cString: strerror(errno)))): watching \(roots.joined(separator: " and ")) by polling every \(Int(interval * 1000)) ms"
                )
                self.mode = .poll
            }
        }
        if self.mode == .poll {
            poller = PollingScan(roots: roots)
            return
        }
        for root in roots { _ = addTree(root) }
    }

    /// What to tell the user, once (e.g. that some folders are polled); empty when nothing new.
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    /// Waits until something changed, then returns the changed, added and removed files (sorted).
    public func next() -> [String] {
        if var poller {
            defer { self.poller = poller }
            while true {
                Thread.sleep(forTimeInterval: interval)
                let changed = poller.changes()
                if !changed.isEmpty { return changed }
            }
        }
        var changed = Set<String>()
        var firstChange = Date.distantFuture
        var lastChange = Date.distantFuture
        var nextPoll = Date().addingTimeInterval(interval)
        while true {
            var deadline =
                changed.isEmpty
                ? Date.distantFuture : min(lastChange.addingTimeInterval(quiet), firstChange.addingTimeInterval(longestBurst))
            if !polled.isEmpty { deadline = min(deadline, nextPoll) }
            var poller = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
            let wait = deadline == .distantFuture ? -1 : Int32(max(0, (deadline.timeIntervalSinceNow * 1000).rounded(.up)))
            let ready = poll(&poller, 1, wait)
            var found = Set<String>()
            if ready > 0 { found = readEvents() }
            if !polled.isEmpty, Date() >= nextPoll {
                found.formUnion(rescanPolled())
                nextPoll = Date().addingTimeInterval(interval)
            }
            if !found.isEmpty {
                if changed.isEmpty { firstChange = Date() }
                lastChange = Date()
                changed.formUnion(found)
            }
            let now = Date()
            if !changed.isEmpty, now >= lastChange.addingTimeInterval(quiet) || now >= firstChange.addingTimeInterval(longestBurst) {
                // The polled folders are looked at once more, so one burst has everything that changed.
                if !polled.isEmpty {
                    changed.formUnion(rescanPolled())
                    nextPoll = Date().addingTimeInterval(interval)
                }
                let result = settle(changed)
                if !result.isEmpty { return result }
                changed = []
                firstChange = .distantFuture
                lastChange = .distantFuture
            }
        }
    }

    /// The files of a burst that are real changes: regular files that exist now, and known files that
    /// are gone (a temporary file made and removed within the burst is not one).
    private func settle(_ changed: Set<String>) -> [String] {
        var result: [String] = []
        for path in changed {
            if Self.isRegularFile(path) {
                known.insert(path)
                result.append(path)
            } else if known.remove(path) != nil {
                result.append(path)
            }
        }
        return result.sorted()
    }

    /// Watches `folder` and every folder under it; returns the regular files found in them.
    private func addTree(_ folder: String) -> Set<String> {
        var files = Set<String>()
        var pending = [folder]
        while let current = pending.popLast() {
            guard descriptors[current] == nil, polled[current] == nil else { continue }
            let mask = UInt32(
                IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR
                    | IN_DONT_FOLLOW)
            let descriptor = addWatch(inotify, current, mask)
            if descriptor >= 0 {
                folders[descriptor] = current
                descriptors[current] = descriptor
            } else if errno == ENOENT || errno == ENOTDIR {
                continue
            } else {
                if !saidPolling {
                    saidPolling = true
                    notices.append(
                        "cannot watch \(current) with inotify (\(String(cString: strerror(errno)))): polling it, and any other folder inotify refuses, every \(Int(interval * 1000)) ms"
                    )
                }
                polled[current] = [:]
            }
            for (name, isFolder) in Self.entries(current) {
                let path = "\(current)/\(name)"
                if isFolder { pending.append(path) } else { files.insert(path) }
            }
            if polled[current] != nil { polled[current] = Self.snapshot(current) }
        }
        known.formUnion(files)
        return files
    }

    /// Stops watching `folder` and the folders under it (moved or deleted); returns the files known in them.
    private func removeTree(_ folder: String) -> Set<String> {
        let prefix = folder + "/"
        for (path, descriptor) in descriptors where path == folder || path.hasPrefix(prefix) {
            inotify_rm_watch(inotify, descriptor)
            descriptors[path] = nil
            folders[descriptor] = nil
        }
        for path in polled.keys where path == folder || path.hasPrefix(prefix) { polled[path] = nil }
        return known.filter { $0.hasPrefix(prefix) }
    }

    /// The paths named by the events waiting on the inotify descriptor.
    private func readEvents() -> Set<String> {
        var found = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes {
                    (
                        $0.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: every file counts as changed, and every folder is watched again.
                    found.formUnion(known)
                    for root in roots { found.formUnion(addTree(root)) }
                    continue
                }
                guard let folder = folders[descriptor] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[descriptor] = nil
                    if descriptors[folder] == descriptor { descriptors[folder] = nil }
                    continue
                }
                guard !name.isEmpty else { continue }
                let path = "\(folder)/\(name)"
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { found.formUnion(removeTree(path)) }
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        found.formUnion(removeTree(path))
                        found.formUnion(addTree(path))
                    }
                    continue
                }
                found.insert(path)
            }
        }
        return found
    }

    /// The changes in the polled folders since the last look (new folders in them are watched).
    private func rescanPolled() -> Set<String> {
        var found = Set<String>()
        for (folder, before) in polled {
            let now = Self.snapshot(folder)
            for path in Set(now.keys).union(before.keys) where now[path] != before[path] { found.insert(path) }
            polled[folder] = now
            for (name, isFolder) in Self.entries(folder) where isFolder {
                let path = "\(folder)/\(name)"
                if descriptors[path] == nil, polled[path] == nil { found.formUnion(addTree(path)) }
            }
        }
        return found
    }

    /// The folder's entries that are folders or regular files (symbolic links are not followed).
    private static func entries(_ folder: String) -> [(name: String, isFolder: Bool)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        return directoryEntries(stream).compactMap { entry in
            var type = entry.type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat("\(folder)/\(entry.name)", &info) == 0 else { return nil }
                type =
                    info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_UNKNOWN)
            }
            if type == UInt8(DT_DIR) { return (entry.name, true) }
            if type == UInt8(DT_REG) { return (entry.name, false) }
            return nil
        }
    }

    /// The regular files directly in `folder`, with their modification time and size.
    private static func snapshot(_ folder: String) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (name, isFolder) in entries(folder) where !isFolder {
            var info = stat()
            let path = "\(folder)/\(name)"
            guard lstat(path, &info) == 0 else { continue }
            result[path] = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
        }
        return result
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
