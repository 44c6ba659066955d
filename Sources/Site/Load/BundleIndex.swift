import Diagnostics
import Images
import Output

/// The files that are not Markdown: each page's bundle (the files in its folder, published beside it) and
/// the site-wide `content/static/` folder (published at `static/`).
///
/// A page `a/b.md` owns the folder `a/b/`; a page `a/b/index.md` owns `a/b/` too (the home page owns its
/// language folder). A file belongs to the page that owns the nearest folder above it, in any language,
/// so `content/nl/facebook/x.png` belongs to `facebook.md` even where `nl` lacks that page.
public struct BundleIndex: Sendable {
    /// What a file becomes when it is published.
    public enum Asset: Sendable {
        /// A raster image, resized and re-encoded without metadata.
        case raster(ProcessedImage)
        /// An SVG that passed the check, published as it is; its size when it states one.
        case svg(bytes: [UInt8], width: Int?, height: Int?)
        /// Any other file, published as it is.
        case file([UInt8])
    }

    /// One source file.
    public struct Entry: Sendable {
        /// Its path under the content folder (`fr/facebook/settings.png`, `static/logo.svg`).
        public var path: String
        /// What is published.
        public var asset: Asset
        /// The hash of its bytes (what a page that shows it depends on).
        public var hash: String
        /// Whether it is an image (raster or SVG), which translations are expected to localize.
        public var isImage: Bool {
            if case .file = asset { return false }
            return true
        }
    }

    /// The folder under the content folder whose files are published at `static/`.
    public static let staticFolder = "static"

    /// The content folder, as the user named it (for error messages).
    var contentRoot: String = "content"
    /// Every file, by its path under the content folder.
    var entries: [String: Entry] = [:]
    /// For each page (language and path), its files: the name relative to its folder → the entry's path.
    var owned: [Router.PageID: [String: String]] = [:]
    /// Files that are there but cannot be published (an image that cannot be decoded, a refused format):
    /// their own error is reported, so a page that shows one is not also told that the file is missing.
    var unusable: Set<String> = []

    /// An empty index (a site without files).
    public init() {}

    /// The folder `relativePath`'s page owns, relative to its language folder (`""` for the home page).
    static func folder(of relativePath: String) -> String {
        if relativePath == "index.md" { return "" }
        if relativePath.hasSuffix("/index.md") { return String(relativePath.dropLast("/index.md".count)) }
        return relativePath.hasSuffix(".md") ? String(relativePath.dropLast(3)) : relativePath
    }

    /// The page that owns `file` (a path under a language folder) and the file's name in its folder.
    static func owner(of file: String, folders: [String: String]) -> (page: String, name: String)? {
        var folder = file
        while true {
            if let slash = folder.lastIndex(of: "/") { folder = String(folder[..<slash]) } else { folder = "" }
            if let page = folders[folder] { return (page, folder.isEmpty ? file : String(file.dropFirst(folder.count + 1))) }
            if folder.isEmpty { return nil }
        }
    }

    /// Whether the file `name` of the page `relativePath`, in `language` or else the source language, is one
    /// that is there but cannot be published.
    func isUnusable(_ name: String, page relativePath: String, language: String, sourceLanguage: String) -> Bool {
        [language, sourceLanguage].contains { code in
            owned[Router.PageID(language: code, relativePath: relativePath)]?[name].map { unusable.contains($0) } ?? false
        }
    }

    /// A file used by a page: the entry, and whether it came from the source language in a translation.
    struct Resolved {
        var entry: Entry
        var borrowed: Bool
    }

    /// The file `name` of the page `relativePath` shown in `language`: that language's own, else the
    /// source language's.
    func resolve(_ name: String, page relativePath: String, language: String, sourceLanguage: String) -> Resolved? {
        if let path = owned[Router.PageID(language: language, relativePath: relativePath)]?[name], let entry = entries[path] {
            return Resolved(entry: entry, borrowed: false)
        }
        guard language != sourceLanguage,
            let path = owned[Router.PageID(language: sourceLanguage, relativePath: relativePath)]?[name],
            let entry = entries[path]
        else { return nil }
        return Resolved(entry: entry, borrowed: true)
    }

    /// Where `name` of the page `relativePath` is looked for in `language`, for error messages.
    func expectedPath(_ name: String, page relativePath: String, language: String) -> String {
        let folder = Self.folder(of: relativePath)
        return "\(contentRoot)/\(language)/" + (folder.isEmpty ? "" : folder + "/") + name
    }

    /// The files of the page `relativePath` in `language`, as output files under `path`: its own, and when
    /// the source page is not published (`borrowed`), the source language's for the names it lacks (else
    /// those are reached where the source page publishes them).
    func files(page relativePath: String, language: String, sourceLanguage: String, at path: String, copyBorrowed: Bool) -> [OutputFile] {
        var names = owned[Router.PageID(language: language, relativePath: relativePath)] ?? [:]
        if language != sourceLanguage, copyBorrowed {
            for (name, source) in owned[Router.PageID(language: sourceLanguage, relativePath: relativePath)] ?? [:] where names[name] == nil
            {
                names[name] = source
            }
        }
        return names.keys.sorted().flatMap { name in entries[names[name]!].map { Self.outputs(of: $0, name: name, under: path) } ?? [] }
    }

    /// The site-wide files, under `static/`.
    func staticFiles() -> [OutputFile] {
        let prefix = Self.staticFolder + "/"
        return entries.keys.filter { $0.hasPrefix(prefix) }.sorted().flatMap {
            Self.outputs(of: entries[$0]!, name: String($0.dropFirst(prefix.count)), under: prefix)
        }
    }

    /// The files `entry` publishes as `name` under `folder`: the file itself, or each variant of an image.
    static func outputs(of entry: Entry, name: String, under folder: String) -> [OutputFile] {
        switch entry.asset {
        case .file(let bytes), .svg(let bytes, _, _):
            return [OutputFile(path: folder + name, bytes: bytes)]
        case .raster(let image):
            return image.variants.map { variant in
                let path = folder + variantName(name, variant, in: image)
                return variant.file.map { OutputFile(path: path, source: AbsolutePath.of($0)) }
                    ?? OutputFile(path: path, bytes: variant.bytes)
            }
        }
    }

    /// `x.png` → `x.480.webp` for a narrower variant, `x.webp` (or `x.png`) for the widest of its format.
    static func variantName(_ name: String, _ variant: ProcessedImage.Variant, in image: ProcessedImage) -> String {
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let ext = variant.format == .jpeg ? (name.lowercased().hasSuffix(".jpeg") ? "jpeg" : "jpg") : variant.format.rawValue
        let widest = image.widest(variant.format)?.width == variant.width
        return widest ? "\(stem).\(ext)" : "\(stem).\(variant.width).\(ext)"
    }
}
