import Images

/// The HTML of an image: `<picture>` with WebP and fallback `srcset`s for raster images, `<img>` otherwise.
enum ImageMarkup {
    /// The `sizes` of every responsive image: the text column (44rem less its padding), narrower on phones.
    static let sizes = "(max-width: 44rem) calc(100vw - 2rem), 42rem"

    /// What every image carries besides its source.
    struct Attributes {
        /// The alt text (empty for a decorative image).
        var alt: String
        /// The title, if any.
        var title: String?
        /// Whether it is the page's first image (loaded at once; the others lazily).
        var first: Bool
        /// Its size in CSS pixels, when known (no layout shift).
        var width: Int? = nil
        var height: Int? = nil
    }

    /// A URL to a published file, relative to the page: folder, file name, then `#…` or `?…` as written.
    struct URLParts {
        var folder: String
        var name: String
        var suffix: String

        /// The URL, percent-encoded where a URL needs it.
        var joined: String { ImageMarkup.encode(folder == "./" ? name : folder + name) + suffix }

        /// The same URL for another file in the same folder.
        func named(_ other: String) -> String { ImageMarkup.encode(folder == "./" ? other : folder + other) }
    }

    /// `<img src alt …>`.
    static func plain(src: String, attributes: Attributes) -> String {
        "<img src=\"\(XML.escape(src))\"" + common(attributes) + ">"
    }

    /// `<picture>` with a WebP `<source>` and an `<img>` in the fallback format, each with every width.
    static func picture(
        _ image: ProcessedImage, url: URLParts, name: (String, ProcessedImage.Variant, ProcessedImage) -> String,
        attributes: Attributes
    ) -> String {
        func srcset(_ format: RasterFormat) -> String {
            image.variants.filter { $0.format == format }.sorted { $0.width < $1.width }
                .map { "\(url.named(name(url.name, $0, image))) \($0.width)w" }.joined(separator: ", ")
        }
        guard let widest = image.widest(image.fallback) else { return plain(src: url.joined, attributes: attributes) }
        var attributes = attributes
        attributes.width = widest.width
        attributes.height = widest.height
        let img =
            "<img src=\"\(XML.escape(url.named(name(url.name, widest, image))))\" srcset=\"\(XML.escape(srcset(image.fallback)))\" sizes=\"\(sizes)\""
            + common(attributes) + ">"
        guard image.fallback != .webp else { return img }
        return "<picture><source type=\"image/webp\" srcset=\"\(XML.escape(srcset(.webp)))\" sizes=\"\(sizes)\">\(img)</picture>"
    }

    private static func common(_ attributes: Attributes) -> String {
        var html = " alt=\"\(XML.escape(attributes.alt))\""
        if let title = attributes.title { html += " title=\"\(XML.escape(title))\"" }
        if let width = attributes.width, let height = attributes.height { html += " width=\"\(width)\" height=\"\(height)\"" }
        if !attributes.first { html += " loading=\"lazy\" decoding=\"async\"" }
        return html
    }

    /// Percent-encodes what may not stand in a URL path as it is (spaces, quotes, non-ASCII…).
    static func encode(_ path: String) -> String {
        guard !path.utf8.allSatisfy({ allowed[Int($0)] }) else { return path }
        var result = ""
        for byte in path.utf8 {
            if allowed[Int(byte)] {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// Which bytes may stand in a URL path as they are, by value (built once: every image URL is checked).
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@".utf8 { table[Int(byte)] = true }
        return table
    }()
}
