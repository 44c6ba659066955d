import FlyingFox
import Foundation
import Site

/// Answers a GET from the in-memory site: directory indexes, Content-Type, language 404 pages, and the
/// live-reload script injected into HTML (never into `site/`).
enum StaticFiles {
    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8", "ics": "text/calendar; charset=utf-8",
        "png": "image/png", "svg": "image/svg+xml", "jpg": "image/jpeg", "webp": "image/webp", "wasm": "application/wasm",
    ]

    static func response(for requestPath: String, in live: LiveSite) -> HTTPResponse {
        var path = requestPath
        if path.hasPrefix("/") { path.removeFirst() }
        if path.split(separator: "/").contains("..") { return notFound(path, in: live) }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if let bytes = live.file(path) { return ok(path, bytes) }
        if live.file(path + "/index.html") != nil {
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/" + path + "/"])
        }
        return notFound(path, in: live)
    }

    private static func ok(_ path: String, _ bytes: [UInt8], status: HTTPStatusCode = .ok) -> HTTPResponse {
        let ext = (path as NSString).pathExtension
        var body = Data(bytes)
        if ext == "html", let text = String(data: body, encoding: .utf8) {
            body = Data(LiveReload.inject(into: text).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: types[ext] ?? "application/octet-stream", .cacheControl: "no-store"], body: body)
    }

    /// The language's own 404 page when the path starts with a language folder, else the root one.
    private static func notFound(_ path: String, in live: LiveSite) -> HTTPResponse {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        let page = live.file("\(first)/404.html").map { ("\(first)/404.html", $0) } ?? live.file("404.html").map { ("404.html", $0) }
        guard let (name, bytes) = page else { return HTTPResponse(statusCode: .notFound) }
        return ok(name, bytes, status: .notFound)
    }
}

/// The script that reloads a tab after each rebuild and shows build errors over the page.
enum LiveReload {
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html }
        return html.replacingCharacters(in: end, with: "<script src=\"/__guidepost/live.js\"></script>\n</body>")
    }

    static let script = """
    (function () {
      "use strict";
      var overlay = null;
      function hideError() { if (overlay) { overlay.remove(); overlay = null; } }
      function showError(lines) {
        hideError();
        overlay = document.createElement("div");
        overlay.id = "guidepost-error";
        overlay.setAttribute("role", "alert");
        var s = overlay.style;
        s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
        s.background = "rgba(20,20,20,.94)"; s.color = "#fff"; s.padding = "1.5rem"; s.font = "14px/1.5 ui-monospace, monospace";
        var title = document.createElement("strong");
        title.textContent = "Build failed: the last good version is shown. Fix the file and save; this page reloads by itself.";
        var pre = document.createElement("pre");
        pre.style.whiteSpace = "pre-wrap";
        pre.textContent = lines.join("\\n");
        overlay.appendChild(title);
        overlay.appendChild(pre);
        document.body.appendChild(overlay);
      }
      function check() {
        return fetch("/__guidepost/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (status) {
          if (status.last && status.last.errors.length) showError(status.last.errors); else hideError();
        }).catch(function () {});
      }
      function connect() {
        var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__guidepost/live");
        socket.onmessage = function (event) {
          if (event.data === "reload") location.reload();
          else check();
        };
        socket.onclose = function () { window.setTimeout(connect, 500); };
      }
      check();
      connect();
    })();
    """
}

/// Every open tab's WebSocket; `broadcast` sends one message to all.
actor Reloads: WSMessageHandler {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    nonisolated func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        await add(id, continuation)
        Task { [weak self] in
            for await _ in client {}
            await self?.remove(id)
        }
        return stream
    }

    private func add(_ id: UUID, _ continuation: AsyncStream<WSMessage>.Continuation) { clients[id] = continuation }
    private func remove(_ id: UUID) { clients[id]?.finish(); clients[id] = nil }

    func broadcast(_ text: String) {
        for continuation in clients.values { continuation.yield(.text(text)) }
    }
}
