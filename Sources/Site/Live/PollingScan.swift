import Foundation

/// Finds changed, added and removed files under some folders by comparing modification times and sizes
/// between scans of every file: `SourceWatcher`'s `.poll` mode, and its fallback where inotify is missing.
struct PollingScan {
    private let roots: [String]
    private var snapshot: [String: [Int]]

    /// Scans every file under `roots` once.
    init(roots: [String]) {
        self.roots = roots
        self.snapshot = PollingScan.scan(roots)
    }

    /// The files that changed since the last call (sorted), or an empty list.
    mutating func changes() -> [String] {
        let now = PollingScan.scan(roots)
        defer { snapshot = now }
        return Set(now.keys).union(snapshot.keys).filter { now[$0] != snapshot[$0] }.sorted()
    }

    private static func scan(_ roots: [String]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        let manager = FileManager.default
        for root in roots {
            guard let walker = manager.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = "\(root)/\(relative)"
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = [Int(modified * 1_000_000), (attributes[.size] as? Int) ?? 0]
            }
        }
        return result
    }
}
