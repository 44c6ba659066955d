/// One file of the built site.
public struct OutputFile: Sendable, Equatable {
    /// The path under the output folder, with `/` separators.
    public var path: String
    /// The bytes.
    public var bytes: [UInt8]

    /// A text file.
    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// A binary file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
