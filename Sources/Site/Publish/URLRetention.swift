import Diagnostics
import Foundation
import Output

/// A guide's links live on in the press and in people's messages: a URL the previous build published
/// must not disappear unless a page's `aliases` or `site.json`'s `retired` keeps it.
enum URLRetention {
    /// The URL paths the output at `output` published, from its `build.json`; empty when there is no
    /// Guidepost output there, or it predates the list.
    static func previous(in output: String) -> [String] {
        guard OutputGuard.isMarked(output),
            let bytes = try? FileTree(root: output).read("build.json"),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let urls = object["urls"] as? [String]
        else { return [] }
        return urls.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
    }

    /// One error per URL of the previous output that `published` no longer has, located at `site.json`.
    static func check(output: String, published: [String], config: String) -> [SiteError] {
        let now = Set(published)
        return previous(in: output).filter { !now.contains($0) }.sorted()
            .map { SiteError.disappearingURL(SourceLocation(path: config), url: "/" + $0) }
    }
}
