import ArgumentParser
import FlyingFox
import Foundation
import Site

/// `guidepost serve`: builds in memory, serves over HTTP, rebuilds incrementally on every change and
/// reloads open tabs. It never writes `site/`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site with live reload; rebuilds only what changed.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The port to listen on.") var port: UInt16 = 8080
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "How often to look for changes, in milliseconds.") var interval = 150

    /// The other commands stay synchronous (an async entry point parks the main thread in a way
    /// valgrind cannot follow), so this one runs its server on the concurrency pool and waits.
    func run() throws {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: Error?
        Task {
            do { try await serve() } catch { failure = error }
            done.signal()
        }
        done.wait()
        if let failure { throw failure }
    }

    private func serve() async throws {
        let live = LiveSite(options: site.buildOptions())
        say(live.lastRebuild?.summary ?? "")
        let reloads = Reloads()
        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled)
        await server.appendRoute("GET /__guidepost/live", to: .webSocket(reloads))
        await server.appendRoute("GET /__guidepost/live.js") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"], body: Data(LiveReload.script.utf8))
        }
        await server.appendRoute("GET /__guidepost/status") { _ in
            let body = try JSONEncoder().encode(Status(version: live.version, last: live.lastRebuild))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
        }
        await server.appendRoute("GET *") { request in StaticFiles.response(for: request.target.path(percentEncoded: false), in: live) }
        let watcher = Task {
            var watcher = SourceWatcher(roots: [site.content, site.templates])
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(interval))
                let changed = watcher.changes()
                guard !changed.isEmpty else { continue }
                let report = live.rebuild(trigger: changed)
                say(report.summary)
                await reloads.broadcast(report.errors.isEmpty ? "reload" : "error")
            }
        }
        defer { watcher.cancel() }
        say("serving on http://\(host):\(port)/ (press Ctrl-C to stop)")
        try await server.run()
    }

    /// One line on standard output, unbuffered (so a log or a pipe sees each rebuild as it happens).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    struct Status: Encodable {
        var version: Int
        var last: LiveSite.Rebuild?
    }
}
