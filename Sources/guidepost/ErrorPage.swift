import Markdown
import PreviewServer

/// The page every path answers while no build has succeeded (`Resources/error-page.html`).
enum ErrorPage {
    /// There is nothing to serve: 500 with the errors, and the page reloads by itself once they are fixed.
    static func response(_ errors: [String]) -> HTTPResponse {
        let html = String(decoding: PackageResources.error_page_html, as: UTF8.self)
            .replacingOccurrences(of: "GUIDEPOST_ERRORS", with: HTMLText.escape(errors.joined(separator: "\n")))
        return HTTPResponse(
            status: 500, headers: [("Content-Type", StaticFiles.types["html"]!), ("Cache-Control", "no-store")], body: Array(html.utf8))
    }
}
