import Diagnostics

/// One article in one language, loaded but not yet rendered.
public struct Page: Sendable {
    /// The fields, shared between copies until one is changed (copy on write): pages are passed and kept
    /// in many lists and lookups, and a copy is then one retain, not one per field of the front matter.
    private final class Storage: SharedStorage, @unchecked Sendable {
        var language: String
        var relativePath: String
        var file: SourceText
        var frontMatter: FrontMatter
        var body: String
        var bodyStartLine: Int
        var bodyHash: String
        var fileHash: Int

        init(
            language: String, relativePath: String, file: SourceText, frontMatter: FrontMatter, body: String, bodyStartLine: Int,
            bodyHash: String, fileHash: Int
        ) {
            self.language = language
            self.relativePath = relativePath
            self.file = file
            self.frontMatter = frontMatter
            self.body = body
            self.bodyStartLine = bodyStartLine
            self.bodyHash = bodyHash
            self.fileHash = fileHash
        }

        func copy() -> Storage {
            Storage(
                language: language, relativePath: relativePath, file: file, frontMatter: frontMatter, body: body,
                bodyStartLine: bodyStartLine, bodyHash: bodyHash, fileHash: fileHash)
        }
    }

    private var storage: Storage

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The storage, copied first if another value shares it (the only way to change a field).
    private var unique: Storage {
        mutating get { Storage.unique(&storage) }
    }

    /// The page's language code.
    public var language: String {
        _read { yield storage.language }
        set { unique.language = newValue }
    }
    /// The path under `content/<lang>/`, e.g. `guides/facebook.md`; translations share it.
    public var relativePath: String {
        _read { yield storage.relativePath }
        set { unique.relativePath = newValue }
    }
    /// The file, for locations: its path only (its text is not kept once parsed; the body is, so a site
    /// of 90,000 pages does not hold every file twice).
    public var file: SourceText {
        _read { yield storage.file }
        set { unique.file = newValue }
    }
    /// The front matter.
    public var frontMatter: FrontMatter {
        _read { yield storage.frontMatter }
        _modify { yield &unique.frontMatter }
    }
    /// The Markdown after the front matter.
    public var body: String {
        _read { yield storage.body }
        set { unique.body = newValue }
    }
    /// The file line the body starts on.
    public var bodyStartLine: Int {
        _read { yield storage.bodyStartLine }
        set { unique.bodyStartLine = newValue }
    }
    /// `ContentHash.body(body)`: what a translation records as `sourceHash`, computed once; empty when the
    /// page was parsed with `hashesBody: false` (a page of another language than the source's, which no
    /// translation records).
    public var bodyHash: String {
        _read { yield storage.bodyHash }
        set { unique.bodyHash = newValue }
    }
    /// A fingerprint of the whole file for incremental rebuilds in this process (seeded per process: never
    /// stored or compared across runs).
    public var fileHash: Int {
        _read { yield storage.fileHash }
        set { unique.fileHash = newValue }
    }

    /// `guides/facebook` — the key shared by all translations of this page.
    public var translationKey: String { String(relativePath.dropLast(3)) }

    /// Whether this is a section's or the language's `index.md`.
    public var isIndex: Bool { relativePath == "index.md" || relativePath.hasSuffix("/index.md") }

    /// Whether this is the language's home page (`content/<lang>/index.md`).
    public var isHome: Bool { relativePath == "index.md" }

    /// The location in the file of a position in the body.
    public func location(ofBody position: TextPosition) -> SourceLocation {
        SourceLocation(path: file.path, line: position.line + bodyStartLine - 1, column: position.column)
    }

    /// Reads an article file: front matter, then body. `hashesBody` is false for pages whose `bodyHash`
    /// nothing reads (pages not in the source language), which spares hashing their bodies byte by byte.
    public static func parse(_ file: SourceText, language: String, relativePath: String, hashesBody: Bool = true)
        -> Result<Page, BuildFailure>
    {
        let parts: (json: JSON, body: String, bodyStartLine: Int)
        do { parts = try FrontMatterSplitter.split(file) } catch { return .failure(BuildFailure([error])) }
        var errors = DiagnosticCollector()
        let frontMatter = FrontMatter.read(parts.json, in: file, errors: &errors)
        if let control = ControlCharacters.first(in: parts.body) {
            errors.append(
                ContentError.controlCharacter(
                    SourceLocation(
                        path: file.path, line: control.position.line + parts.bodyStartLine - 1,
                        column: control.position.column), scalar: control.name))
        }
        guard let frontMatter, errors.isEmpty else {
            return .failure(BuildFailure(errors))
        }
        return .success(
            Page(
                storage: Storage(
                    language: language, relativePath: relativePath, file: SourceText(path: file.path, text: ""), frontMatter: frontMatter,
                    body: parts.body, bodyStartLine: parts.bodyStartLine,
                    bodyHash: hashesBody ? ContentHash.body(parts.body) : "", fileHash: ContentHash.fingerprint(file.text))))
    }
}
