import Diagnostics

/// One article in one language, loaded but not yet rendered.
public struct Page: Sendable {
    /// The page's language code.
    public var language: String
    /// The path under `content/<lang>/`, e.g. `guides/facebook.md`; translations share it.
    public var relativePath: String
    /// The file, for locations: its path only (its text is not kept once parsed; the body is, so a site
    /// of 90,000 pages does not hold every file twice).
    public var file: SourceText
    /// The front matter.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The file line the body starts on.
    public var bodyStartLine: Int
    /// `ContentHash.body(body)`: what a translation records as `sourceHash`, computed once.
    public var bodyHash: String
    /// A hash of the whole file, for incremental rebuilds.
    public var fileHash: String

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

    /// Reads an article file: front matter, then body.
    public static func parse(_ file: SourceText, language: String, relativePath: String) -> Result<Page, BuildFailure> {
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
                language: language, relativePath: relativePath, file: SourceText(path: file.path, text: ""), frontMatter: frontMatter,
                body: parts.body, bodyStartLine: parts.bodyStartLine,
                bodyHash: ContentHash.body(parts.body), fileHash: ContentHash.hex(file.text.utf8, length: 16)))
    }
}
