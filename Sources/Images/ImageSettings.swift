/// How raster images are published: the widths made and the encoders' settings. Part of every cache key,
/// so changing one re-encodes what it affects and nothing else.
public struct ImageSettings: Sendable, Hashable {
    /// The widths made, in pixels; an image is never upscaled (a narrower one gets its own width instead).
    public var widths: [Int]
    /// WebP quality (0–100).
    public var webpQuality: Int
    /// JPEG quality of the fallback for JPEG sources (0–100).
    public var jpegQuality: Int

    /// The defaults: 480, 960 and 1440 pixels, WebP at 80, JPEG at 82.
    public init(widths: [Int] = [480, 960, 1440], webpQuality: Int = 80, jpegQuality: Int = 82) {
        self.widths = widths.sorted()
        self.webpQuality = webpQuality
        self.jpegQuality = jpegQuality
    }

    /// The widths an image `width` pixels wide is published at: each setting narrower than it, then the
    /// widest it can have (its own width, capped at the widest setting).
    public func widths(for width: Int) -> [Int] {
        let widest = min(width, widths.last ?? width)
        return widths.filter { $0 < widest } + [widest]
    }

    /// A text that changes whenever the output of the encoders could (part of the cache key).
    public var key: String { "v3 widths=\(widths.map(String.init).joined(separator: ",")) webp=\(webpQuality) jpeg=\(jpegQuality)" }
}
