import ArgumentParser
import Foundation
import PreviewServer
import Site

/// `guidepost serve`: builds in memory, serves over HTTP, rebuilds incrementally on every change and
/// reloads open tabs. It never writes `site/`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site with live reload; rebuilds only what changed.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The port to listen on.") var port: UInt16 = 8080
    @Option(help: "The address or name to listen on (127.0.0.1, ::1, localhost, …).") var host = "127.0.0.1"
    @Option(help: "How often to look for changes when polling, in milliseconds.") var interval = 150
    @Flag(help: "Poll every file's modification time instead of inotify (for network mounts, where inotify misses other machines' writes).")
    var poll = false
    @Option(help: ArgumentHelp("Seconds a client has to send a request head (tests shorten it).", visibility: .hidden))
    var headerTimeout = HTTPLimits().headerTimeout
    @Option(help: ArgumentHelp("Seconds an idle connection stays open (tests shorten it).", visibility: .hidden))
    var idleTimeout = HTTPLimits().idleTimeout

    func run() throws {
        // Listen first, so a port in use fails at once; connections wait for the first build.
        let server: PreviewServer
        do {
            var limits = HTTPLimits()
            limits.headerTimeout = headerTimeout
            limits.idleTimeout = idleTimeout
            server = try PreviewServer(host: host, port: port, limits: limits, webSocketPath: "/__guidepost/live")
        } catch {
            report(["error: \(error.description)"])
            throw ExitCode.failure
        }
        // Watching starts before the first build, so an edit made while it runs is not missed.
        let watcher = SourceWatcher(roots: [site.content, site.templates], interval: Double(interval) / 1000, mode: poll ? .poll : .notify)
        let live = LiveSite(options: site.buildOptions())
        say(live.lastRebuild?.summary ?? "")
        server.start { request in StaticFiles.response(for: request, in: live) }
        say("serving on http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)/ (press Ctrl-C to stop)")
        while true {
            for notice in watcher.takeNotices() { say(notice) }
            let changed = watcher.next()
            let report = live.rebuild(trigger: changed)
            say(report.summary)
            server.broadcast(report.errors.isEmpty ? "reload" : "error")
        }
    }

    /// One line on standard output, unbuffered (so a log or a pipe sees each rebuild as it happens).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
