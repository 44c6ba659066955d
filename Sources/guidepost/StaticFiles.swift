import Foundation
import PreviewServer
import Site

/// Answers a GET from the in-memory site: directory indexes, Content-Type, language 404 pages, the
/// live-reload script injected into HTML (never into `site/`), and the error page while no build succeeded.
enum StaticFiles {
    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8", "ics": "text/calendar; charset=utf-8",
        "png": "image/png", "svg": "image/svg+xml", "jpg": "image/jpeg", "webp": "image/webp", "wasm": "application/wasm",
    ]

    /// How the preview differs from the built site.
    struct Settings {
        /// The `--now` instant, which the pages' scripts see as the time too (else they use the clock).
        var fixedNow: Date?
        /// The preview's search index (nil: search is off in the preview).
        var search: PreviewSearch?
    }

    /// The answer to a GET (or HEAD, whose body the server drops) for `request`.
    static func response(for request: HTTPRequest, in live: LiveSite, settings: Settings = Settings()) -> HTTPResponse {
        switch request.path {
        case "/__guidepost/live.js": return asset(LiveReload.script(fixedNow: settings.fixedNow), type: "js")
        case "/__guidepost/overlay.css": return asset(LiveReload.stylesheet, type: "css")
        case "/__guidepost/search":
            return asset("{\"state\":\"\((settings.search?.state ?? .unavailable).rawValue)\"}", type: "json")
        case "/__guidepost/status":
            let body = (try? JSONEncoder().encode(Status(version: live.version, last: live.lastRebuild))) ?? Data()
            return HTTPResponse(
                status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: Array(body))
        default: break
        }
        if live.version == 0 { return ErrorPage.response(live.lastRebuild?.errors ?? []) }
        return response(for: request.path, in: live, search: settings.search)
    }

    static func response(for requestPath: String, in live: LiveSite, search: PreviewSearch? = nil) -> HTTPResponse {
        var path = requestPath
        if path.hasPrefix("/") { path.removeFirst() }
        if path.split(separator: "/").contains("..") { return notFound(path, in: live) }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let bytes = live.file(path) { return ok(path, bytes) }
        if live.file(path + "/index.html") != nil {
            return HTTPResponse(status: 301, headers: [("Location", "/" + path + "/")])
        }
        // The preview's own search index (Pagefind over the pages in memory); until it is ready, a stand-in script.
        let indexPath = path.hasPrefix("pagefind/") ? path : path.range(of: "/pagefind/").map { "pagefind/" + path[$0.upperBound...] }
        if let indexPath, let bytes = search?.file(indexPath) { return ok(indexPath, bytes) }
        if path == "pagefind/pagefind-ui.js" || path.hasSuffix("/pagefind/pagefind-ui.js") {
            return asset(PreviewSearchScript.script(search?.state ?? .unavailable), type: "js")
        }
        if path == "pagefind/pagefind-ui.css" || path.hasSuffix("/pagefind/pagefind-ui.css") {
            return asset(LiveReload.searchOffStyle, type: "css")
        }
        return notFound(path, in: live)
    }

    private static func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(
            status: 200, headers: [("Content-Type", types[type] ?? "text/plain"), ("Cache-Control", "no-store")], body: Array(text.utf8))
    }

    private static func ok(_ path: String, _ bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        let ext = (path as NSString).pathExtension
        var body = bytes
        if ext == "html", let text = String(validating: bytes, as: UTF8.self) {
            body = Array(LiveReload.inject(into: text).utf8)
        }
        return HTTPResponse(
            status: status, headers: [("Content-Type", types[ext] ?? "application/octet-stream"), ("Cache-Control", "no-store")], body: body
        )
    }

    /// The language's own 404 page when the path starts with a language folder, else the root one.
    private static func notFound(_ path: String, in live: LiveSite) -> HTTPResponse {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        let page = live.file("\(first)/404.html").map { ("\(first)/404.html", $0) } ?? live.file("404.html").map { ("404.html", $0) }
        guard let (name, bytes) = page else { return HTTPResponse.text(404, "Not found.\n") }
        return ok(name, bytes, status: 404)
    }

    /// `/__guidepost/status`: the version and the last rebuild's report.
    struct Status: Encodable {
        var version: Int
        var last: LiveSite.Rebuild?
    }
}
