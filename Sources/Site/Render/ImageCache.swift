import Content
import Foundation
import Images

/// Processed images kept on disk between builds (Hugo's `resources/_gen`): per source image and settings,
/// an entry (`<key>`, a few lines) and one file per variant (`<key>.480.webp`), which the output links
/// instead of holding their bytes. A damaged, changed or missing entry or file is encoded again; a cache
/// that cannot be written only makes the next build slower.
struct ImageCache: Sendable {
    /// The folder, or nil for no cache.
    let folder: String?

    /// The cache key: the hash and size of the source bytes, and a hash of the format and settings.
    static func key(_ bytes: [UInt8], format: RasterFormat, settings: ImageSettings) -> String {
        hash(bytes) + "-" + String(bytes.count, radix: 16) + "-" + ContentHash.hex((settings.key + " " + format.rawValue).utf8, length: 8)
    }

    /// `ContentHash.hex(bytes, length: 16)` (64-bit FNV-1a), specialised for an array: megabytes of
    /// images are hashed on every build, and the generic version iterates through witness tables.
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static let magic = "guidepost-image 2\n"

    /// The file of one variant of the entry `key`.
    func variantFile(_ key: String, width: Int, format: RasterFormat) -> String? {
        folder.map { "\($0)/\(key).\(width).\(format.rawValue)" }
    }

    /// The processed image stored under `key`, if its entry and every variant file are there and whole.
    /// Only the entry (a few lines of text) is read; each variant is checked by its size and modification
    /// time to the nanosecond, recorded when it was stored, and is published from its file without being
    /// read (a file changed in place, e.g. through a link in the output, has another modification time).
    func load(_ key: String) -> ProcessedImage? {
        guard let folder, let data = FileManager.default.contents(atPath: "\(folder)/\(key)") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(Self.magic) else { return nil }
        let lines = text.dropFirst(Self.magic.count).split(separator: "\n")
        guard let first = lines.first, let fallback = RasterFormat(rawValue: String(first)) else { return nil }
        var variants: [ProcessedImage.Variant] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 6, let width = Int(fields[0]), let height = Int(fields[1]),
                let format = RasterFormat(rawValue: String(fields[2])), let size = Int(fields[3]), let seconds = Int(fields[4]),
                let nanoseconds = Int(fields[5]), let file = variantFile(key, width: width, format: format)
            else { return nil }
            var info = stat()
            guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size,
                info.st_mtim.tv_sec == seconds, info.st_mtim.tv_nsec == nanoseconds
            else { return nil }
            variants.append(.init(width: width, height: height, format: format, bytes: [], file: file))
        }
        guard !variants.isEmpty else { return nil }
        return ProcessedImage(fallback: fallback, variants: variants)
    }

    /// Stores `image` under `key` and returns it published from the stored files (its bytes no longer held),
    /// or as it was when the cache cannot be written. Each file is written new, then renamed over: never seen
    /// half-written; the entry, which names the variants' sizes and times, is written last.
    func store(_ key: String, _ image: ProcessedImage) -> ProcessedImage {
        guard let folder else { return image }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var entry = Self.magic + image.fallback.rawValue + "\n"
        var stored = image
        for (index, variant) in image.variants.enumerated() {
            guard let file = variantFile(key, width: variant.width, format: variant.format),
                (try? Data(variant.bytes).write(to: URL(fileURLWithPath: file), options: .atomic)) != nil
            else { return image }
            var info = stat()
            guard stat(file, &info) == 0, Int(info.st_size) == variant.bytes.count else { return image }
            entry +=
                "\(variant.width) \(variant.height) \(variant.format.rawValue) \(info.st_size) \(info.st_mtim.tv_sec) \(info.st_mtim.tv_nsec)\n"
            stored.variants[index] = .init(width: variant.width, height: variant.height, format: variant.format, bytes: [], file: file)
        }
        guard (try? Data(entry.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(key)"), options: .atomic)) != nil else { return image }
        return stored
    }
}

/// What a source image's cache key was the last time it was read, by its path and file status (size,
/// modification and change times to the nanosecond, inode and device, as git's index does): an unchanged
/// file is not read and hashed again on every build. Any change to the file changes its status, so it is
/// read and hashed again; the key itself is always the hash of the bytes.
struct ImageKeyMemo: Sendable {
    /// A file's status, as one line of text.
    static func status(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return
            "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) \(info.st_ino) \(info.st_dev)"
    }

    /// Path → (status, key).
    private(set) var entries: [String: (status: String, key: String)] = [:]
    private let file: String?

    /// The memo kept in the cache folder (none without a cache).
    init(cache: ImageCache, settings: ImageSettings) {
        file = cache.folder.map { "\($0)/keys-\(ContentHash.hex(settings.key.utf8, length: 8)).tsv" }
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            entries[String(fields[0])] = (String(fields[1]), String(fields[2]))
        }
    }

    /// The key recorded for `path` if its status is still `status`.
    func key(_ path: String, status: String) -> String? {
        entries[path].flatMap { $0.status == status ? $0.key : nil }
    }

    /// Saves `entries` when they differ from what was loaded (written to a new file, then renamed over).
    func save(_ fresh: [String: (status: String, key: String)]) {
        guard let file,
            fresh.count != entries.count
                || fresh.contains(where: { entries[$0.key]?.status != $0.value.status || entries[$0.key]?.key != $0.value.key })
        else { return }
        let text = fresh.keys.sorted().map { "\($0)\t\(fresh[$0]!.status)\t\(fresh[$0]!.key)\n" }.joined()
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}
