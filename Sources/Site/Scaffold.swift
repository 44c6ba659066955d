import Content
import Diagnostics
import Foundation
import Output

#if canImport(Glibc)
    import Glibc
#endif

/// `guidepost new`: creates a page (or a section's `index.md`) in every language, with front matter
/// that builds at once, and never overwrites anything.
public enum Scaffold {
    /// Creates `path` (e.g. `linkedin/steps.md`; with `section`, a folder such as `linkedin`) under every
    /// language folder of the site in `contentDirectory`. Translations carry no `sourceHash`, so the
    /// translation board shows them as new until someone reviews them and runs `translations mark`.
    /// Returns the files created, in language order.
    public static func create(
        _ path: String, title: String?, section: Bool, contentDirectory: String, advice: FrontEndAdvice = FrontEndAdvice()
    ) throws(BuildFailure) -> [String] {
        let tree = FileTree(root: contentDirectory)
        let config: SiteConfig
        switch SiteLoader.readText(tree, "site.json", checkLinks: true).flatMap({ SiteConfig.parse($0) }) {
        case .success(let loaded): config = loaded
        case .failure(let failure): throw failure
        }
        var relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        if section {
            relative = (relative.hasSuffix("/") ? relative : relative + "/") + "index.md"
        } else if !relative.hasSuffix(".md") {
            relative += ".md"
        }
        let segments = relative.dropLast(3).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let location = SourceLocation(path: path)
        guard !relative.hasPrefix("/"), segments.allSatisfy(FrontMatter.isValidSlug) else {
            throw BuildFailure([ContentError.invalidSlug(location, slug: path)])
        }
        if let first = segments.first, config.languages.contains(first), segments.count > 1 {
            throw BuildFailure([ContentError.invalidSlug(location, slug: path)])
        }
        let stem = section ? segments.dropLast().last ?? "" : segments.last ?? ""
        let heading = title ?? stem.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").capitalizedFirst
        let existing = config.languages.map { "\($0)/\(relative)" }.filter { tree.exists($0) }
        guard existing.isEmpty else {
            throw BuildFailure(
                existing.map {
                    OutputError.unsafeOutput(
                        SourceLocation(path: tree.path($0)),
                        reason: "this file already exists, and \(advice.newPages) never overwrites; choose another name or edit it")
                })
        }
        var created: [String] = []
        for language in config.languages {
            let file = tree.path("\(language)/\(relative)")
            let folder = AbsolutePath.parent(of: file)
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw BuildFailure([
                    SiteError.unreadable(
                        SourceLocation(path: folder),
                        problem: "the folder cannot be created (\(error.localizedDescription)); check its permissions")
                ])
            }
            let text = "{\"title\": \(jsonString(heading))}\n\n"
            let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw BuildFailure([
                    SiteError.unreadable(
                        SourceLocation(path: file),
                        problem: "the file cannot be created (\(String(cString: strerror(errno)))); nothing was overwritten")
                ])
            }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            close(descriptor)
            guard written == bytes.count else {
                throw BuildFailure([
                    SiteError.unreadable(
                        SourceLocation(path: file), problem: "the file could not be written completely; check the free space")
                ])
            }
            created.append(file)
        }
        return created
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}

extension String {
    /// The string with its first character upper-cased.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
