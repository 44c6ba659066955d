import Foundation

/// One file of the built site: bytes in memory, or a file on disk that is published by linking it (a
/// processed image in the image cache), so a build never reads or holds its bytes.
public struct OutputFile: Sendable, Equatable {
    /// The path under the output folder, with `/` separators.
    public var path: String
    /// The file published as this one, when its bytes are not in memory (read only when asked for).
    public private(set) var source: String?
    private var held: [UInt8]

    /// The bytes (read from `source` when the file has one; empty if it cannot be read).
    public var bytes: [UInt8] {
        get { source.map { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } ?? [] } ?? held }
        set {
            held = newValue
            source = nil
        }
    }

    /// The size in bytes (without reading `source`).
    public var size: Int {
        guard let source else { return held.count }
        var info = stat()
        return stat(source, &info) == 0 ? Int(info.st_size) : 0
    }

    /// A text file.
    public init(path: String, text: String) {
        self.path = path
        self.held = Array(text.utf8)
    }

    /// A binary file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.held = bytes
    }

    /// A file published from `source` (an absolute path), hard-linked into the output where the file
    /// system allows, else copied; never written into afterwards.
    public init(path: String, source: String) {
        self.path = path
        self.source = source
        self.held = []
    }

    /// Two files are equal when they have the same path and the same bytes, however they are kept.
    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.path == b.path && (a.source != nil && a.source == b.source || a.bytes == b.bytes)
    }
}
