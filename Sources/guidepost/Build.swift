import ArgumentParser
import Foundation
import Site

/// `guidepost build`: flags become `BuildOptions`, then the core builds.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the whole site into the output folder, atomically.")

    @OptionGroup var site: SiteOptions
    @Option(help: "The output folder (replaced only when the build succeeds).") var output = "site"
    @Option(help: "The build's \"now\" as an ISO 8601 instant (default: SOURCE_DATE_EPOCH, else the clock).") var now: String?
    @Flag(help: "Publish pages marked as drafts.") var drafts = false
    @Option(help: "Override the base URL from content/site.json.") var baseURL: String?
    @Option(help: "The Pagefind executable, when site.json turns search on (default: pagefind on the PATH).") var pagefind: String?
    @Flag(help: "Fail on translation problems (missing or stale pages, different facts, checklists or headings).") var strict = false
    @Flag(help: "Also print how long loading, rendering and writing took.") var timings = false
    @Flag(help: "Fail at once when another build is writing the same output (default: wait for it).") var noWait = false
    @Option(help: "Seconds Pagefind may run before it is stopped.") var pagefindTimeout = 600

    func validate() throws {
        do { _ = try BuildOptions.resolveNow(flag: now) } catch { throw ValidationError("\(error)") }
        do { try BuildOptions.checkBaseURL(baseURL) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        Allocator.returnFreedMemoryAtOnce()
        let instant: Date
        do { instant = try BuildOptions.resolveNow(flag: now) } catch { throw ValidationError("\(error)") }
        var options = site.buildOptions(now: instant)
        options.outputDirectory = output
        options.includeDrafts = drafts
        options.baseURL = baseURL
        // The core gets Pagefind's path as a value: the flag's, else the first on the PATH (nil: none).
        options.pagefind = pagefind ?? executableOnPath("pagefind")
        options.strict = strict
        options.protectedFolders = homeFolders()
        options.waitForLock = !noWait
        options.pagefindTimeout = pagefindTimeout
        options.waiting = { lock in
            FileHandle.standardError.write(Data("waiting for another build of \(output) to finish (it holds \(lock))…\n".utf8))
        }
        do {
            let summary = try Guidepost.build(options)
            if !summary.warnings.isEmpty {
                // The first few, then a count: `guidepost check` lists them all.
                let shown = summary.warnings.prefix(20).map(\.description)
                let rest = summary.warnings.count - shown.count
                let more = rest > 0 ? ["… and \(rest) more translation warnings; run guidepost check to list them all"] : []
                FileHandle.standardError.write(Data(((shown + more).joined(separator: "\n") + "\n").utf8))
            }
            // Written as bytes: `print` and `String(format:)` cost a build's first dynamic casts and formatter (about
            // 6 M instructions, serially, at the end of every build).
            var lines = summary.description + "\n"
            if timings {
                lines += summary.phases.map { "\($0.name) \(Guidepost.Summary.seconds($0.seconds)) s" }.joined(separator: ", ") + "\n"
            }
            FileHandle.standardOutput.write(Data(lines.utf8))
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

/// The user's home folder, from `HOME` and from the password database (they can differ under sudo).
func homeFolders() -> [String] {
    var folders: [String] = []
    if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { folders.append(home) }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { folders.append(String(cString: directory)) }
    return folders
}
