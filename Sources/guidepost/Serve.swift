import ArgumentParser
import Foundation
import PreviewServer
import Site

/// `guidepost serve`: builds in memory, serves over HTTP, rebuilds incrementally on every change and
/// reloads open tabs. It never writes `site/`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Preview the site with live reload; rebuilds only what changed.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The port to listen on.") var port: UInt16 = 8080
    @Flag(help: "Show pages marked as drafts.") var drafts = false
    @Option(help: "Preview the site at this ISO 8601 instant, e.g. before a deadline (default: the clock, at each rebuild).") var now:
        String?
    @Option(help: "The address or name to listen on (127.0.0.1, ::1, localhost, …).") var host = "127.0.0.1"
    @Option(help: "How often to look for changes when polling, in milliseconds.") var interval = 150
    @Flag(help: "After an edit, take open tabs to the edited page.") var navigateToChanged = false
    @Option(help: "The Pagefind executable for the preview's search index, when site.json turns search on (default: pagefind on the PATH).")
    var pagefind: String?
    @Flag(help: "Poll every file's modification time instead of inotify (for network mounts, where inotify misses other machines' writes).")
    var poll = false
    @Option(help: ArgumentHelp("Seconds a client has to send a request head (tests shorten it).", visibility: .hidden))
    var headerTimeout = HTTPLimits().headerTimeout
    @Option(help: ArgumentHelp("Seconds an idle connection stays open (tests shorten it).", visibility: .hidden))
    var idleTimeout = HTTPLimits().idleTimeout

    func validate() throws {
        if let now {
            do { _ = try BuildOptions.resolveNow(flag: now) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        var options = site.buildOptions()
        options.includeDrafts = drafts
        if let now {
            do { options.now = try BuildOptions.resolveNow(flag: now) } catch { throw ValidationError("\(error)") }
        }
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
        let live = LiveSite(options: options, useClock: now == nil)
        var warnings = TranslationWarnings()
        say(live.lastRebuild?.summary ?? "")
        if let first = live.lastRebuild { warnings.print(after: first, current: live.translationWarnings()) }
        // The search index is made in the background, at start and after each good rebuild (when pages changed).
        let search = PreviewSearch(
            pagefind: pagefind ?? executableOnPath("pagefind"), config: site.content + "/site.json", advice: options.advice
        ) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        PreviewExit.onSignal { search.close() }
        func index() {
            let (files, on) = live.snapshot()
            if on, live.version > 0 { search.update(files) }
        }
        index()
        let settings = StaticFiles.Settings(fixedNow: now == nil ? nil : options.now, search: search)
        server.start { request in StaticFiles.response(for: request, in: live, settings: settings) }
        say("serving on http://\(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host):\(port)/ (press Ctrl-C to stop)")
        while true {
            for notice in watcher.takeNotices() { say(notice) }
            let changed = watcher.next()
            let report = live.rebuild(trigger: changed)
            say(report.summary)
            // The tabs first: the warnings and the search index are not what a reloading tab waits for.
            if !report.errors.isEmpty {
                server.broadcast("error")
            } else if navigateToChanged, let url = changed.lazy.compactMap(live.pageURL(forSource:)).first {
                server.broadcast("navigate \(url)")
            } else {
                server.broadcast("reload")
            }
            warnings.print(after: report, current: live.translationWarnings())
            if report.errors.isEmpty { index() }
        }
    }

    /// Translation warnings as `guidepost check` prints them, each once: after a rebuild, the new ones and
    /// how many were resolved (a failed rebuild changes nothing).
    struct TranslationWarnings {
        private var shown = Set<String>()

        mutating func print(after rebuild: LiveSite.Rebuild, current: @autoclosure () -> [String]) {
            guard rebuild.errors.isEmpty else { return }
            let current = current()
            let new = current.filter { !shown.contains($0) }
            let resolved = shown.subtracting(current).count
            var lines = new
            if resolved > 0 { lines.append("\(resolved) translation warning\(resolved == 1 ? "" : "s") resolved") }
            if !lines.isEmpty { report(lines) }
            shown = Set(current)
        }
    }

    /// One line on standard output, unbuffered (so a log or a pipe sees each rebuild as it happens).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
