import Content
import Foundation
import Images

/// Processed images kept on disk between builds (Hugo's `resources/_gen`), one file per source image and
/// settings: a rebuild reads them instead of encoding again. A damaged or unreadable entry is encoded
/// again; a cache that cannot be written only makes the next build slower.
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
        var value: UInt64 = 0xcbf29ce484222325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                value ^= UInt64(byte)
                value = value &* 0x100000001b3
            }
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static let magic = "guidepost-image 1\n"

    /// The processed image stored under `key`, if it is there and whole.
    func load(_ key: String) -> ProcessedImage? {
        guard let folder, let data = FileManager.default.contents(atPath: "\(folder)/\(key)") else { return nil }
        let bytes = [UInt8](data)
        guard let headerEnd = bytes.firstIndex(of: 0), bytes.starts(with: Array(Self.magic.utf8)) else { return nil }
        let lines = String(decoding: bytes[Self.magic.utf8.count..<headerEnd], as: UTF8.self).split(separator: "\n")
        guard let first = lines.first, let fallback = RasterFormat(rawValue: String(first)) else { return nil }
        var offset = headerEnd + 1
        var variants: [ProcessedImage.Variant] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]),
                  let format = RasterFormat(rawValue: String(fields[2])), let length = Int(fields[3]),
                  length >= 0, offset + length <= bytes.count else { return nil }
            variants.append(.init(width: width, height: height, format: format, bytes: Array(bytes[offset..<offset + length])))
            offset += length
        }
        guard offset == bytes.count, !variants.isEmpty else { return nil }
        return ProcessedImage(fallback: fallback, variants: variants)
    }

    /// Stores `image` under `key` (written to a new file, then renamed over: never seen half-written).
    func store(_ key: String, _ image: ProcessedImage) {
        guard let folder else { return }
        var header = Self.magic + image.fallback.rawValue + "\n"
        for variant in image.variants {
            header += "\(variant.width) \(variant.height) \(variant.format.rawValue) \(variant.bytes.count)\n"
        }
        var bytes = Array(header.utf8) + [0]
        for variant in image.variants { bytes += variant.bytes }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(key)"), options: .atomic)
    }
}
