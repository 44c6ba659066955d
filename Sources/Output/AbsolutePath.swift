import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Paths made absolute without Foundation's `URL(fileURLWithPath:)`, which expands a leading `~`:
/// Guidepost never expands `~` itself (the shell does, when the user means it).
public enum AbsolutePath {
    /// `path` joined to the working folder when relative, with `.`, `..` and repeated `/` resolved as text.
    public static func of(_ path: String) -> String {
        var base = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count) != nil ? String(cString: buffer) : "."
            base = cwd + "/" + path
        }
        var parts: [Substring] = []
        for part in base.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder that holds `path` (`/` for `/`).
    public static func parent(of path: String) -> String {
        let absolute = of(path)
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    /// The last component of `path`.
    public static func name(of path: String) -> String {
        let absolute = of(path)
        return String(absolute[absolute.index(after: absolute.lastIndex(of: "/")!)...])
    }
}
