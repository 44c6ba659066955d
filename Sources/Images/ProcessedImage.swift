/// A raster format Guidepost reads and writes.
public enum RasterFormat: String, Sendable, Hashable {
    /// PNG (screenshots).
    case png
    /// JPEG (photos).
    case jpeg
    /// WebP.
    case webp

    /// The format a file name's extension announces (`.png`, `.jpg`, `.jpeg`, `.webp`), or nil.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "webp": self = .webp
        default: return nil
        }
    }

    /// The MIME type, for `<source type>`.
    public var mimeType: String { "image/\(rawValue)" }
}

/// A raster image resized and re-encoded for the web, without metadata.
public struct ProcessedImage: Sendable, Equatable {
    /// One encoded file.
    public struct Variant: Sendable, Equatable {
        /// Its width in pixels.
        public var width: Int
        /// Its height in pixels.
        public var height: Int
        /// Its format.
        public var format: RasterFormat
        /// The encoded bytes (empty when they are kept in `file` instead).
        public var bytes: [UInt8]
        /// The file holding the encoded bytes when they are not held in memory (an entry of the image cache),
        /// so that publishing can link it instead of reading it.
        public var file: String?

        /// Creates a variant, its bytes in memory or, with `file`, on disk.
        public init(width: Int, height: Int, format: RasterFormat, bytes: [UInt8], file: String? = nil) {
            self.width = width
            self.height = height
            self.format = format
            self.bytes = bytes
            self.file = file
        }
    }

    /// The fallback format (the source's: PNG stays PNG, JPEG stays JPEG; WebP sources have only WebP).
    public var fallback: RasterFormat
    /// Every variant, by width then format.
    public var variants: [Variant]

    /// Creates a processed image.
    public init(fallback: RasterFormat, variants: [Variant]) {
        self.fallback = fallback
        self.variants = variants
    }

    /// The widest variant of `format` (its size is the `<img>`'s `width` and `height`).
    public func widest(_ format: RasterFormat) -> Variant? { variants.filter { $0.format == format }.max { $0.width < $1.width } }
}
