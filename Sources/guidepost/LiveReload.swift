import Foundation

/// The preview's own browser files (`Resources/`, embedded in the executable at build time): the script
/// that reloads a tab after each rebuild and shows build errors over the page, the overlay's stylesheet
/// (a file, as the pages' CSP allows no inline style), and the stand-ins for Pagefind's UI.
enum LiveReload {
    /// `html` with the live-reload script added before `</body>` (never written to `site/`).
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html }
        return html.replacingCharacters(in: end, with: "<script src=\"/__guidepost/live.js\"></script>\n</body>")
    }

    /// The live-reload script; with `fixedNow`, the page's scripts see that instant as the time (so the
    /// deadline banners show the state `--now` previews, not the clock's).
    static func script(fixedNow: Date?) -> String {
        guard let fixedNow else { return script }
        let milliseconds = Int64((fixedNow.timeIntervalSince1970 * 1000).rounded())
        return text(PackageResources.fixed_now_js).replacingOccurrences(of: "GUIDEPOST_FIXED_NOW", with: String(milliseconds)) + script
    }

    /// `Resources/livereload.js`.
    static let script = text(PackageResources.livereload_js)

    /// Stands in for Pagefind's UI script in the preview: the search box says that search is off.
    static let searchOff = text(PackageResources.search_off_js)

    /// Stands in for Pagefind's UI stylesheet in the preview.
    static let searchOffStyle = text(PackageResources.search_off_css)

    /// The build-error overlay's stylesheet, readable over any theme.
    static let stylesheet = text(PackageResources.overlay_css)

    /// An embedded file's text (each is UTF-8, written in this repository).
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
