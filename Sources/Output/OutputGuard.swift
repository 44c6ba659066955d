import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decides whether Guidepost may replace a folder: only one it can prove it made, never one that holds
/// the sources, the root folder, the home folder, a file or a link.
///
/// The proof is a marker file, `.guidepost-output`, that every build writes into its output (and so into
/// the spare folder, which is the output of the build before last). A folder without it is used only when
/// it is empty or holds nothing but names the site asks to keep.
public enum OutputGuard {
    /// The marker's file name.
    static let markerName = ".guidepost-output"
    /// The marker's bytes (the same for every build, so builds stay byte-identical).
    static let marker: [UInt8] = Array(
        """
        guidepost-output 1
        This folder is written by Guidepost (guidepost build), which replaces its whole content on every build.
        Keep your own files elsewhere, or list their names under "keep" in content/site.json.

        """.utf8)

    /// What a build may not write into, besides what the marker proves.
    struct Limits: Sendable {
        /// Folders the output may not be, contain or lie inside (the content and templates folders).
        var sourceFolders: [String] = []
        /// Folders the output may never be (the user's home folder).
        var protectedFolders: [String] = []
        /// Top-level names in the output that belong to the publisher and survive every build.
        var keep: Set<String> = []
    }

    /// Refuses outputs that no check of their content could make safe: `/`, a protected folder, a source
    /// folder or one around it or inside it, a file, a symbolic link.
    static func checkPlace(_ output: String, limits: Limits) throws(OutputError) {
        let location = SourceLocation(path: output)
        guard !output.isEmpty else {
            throw OutputError.unsafeOutput(location, reason: "the output folder's name is empty; name a folder such as site")
        }
        var info = stat()
        let exists = lstat(output, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFLNK {
            throw OutputError.unsafeOutput(
                location,
                reason:
                    "the output is a symbolic link, which a build would replace; name the folder it points to, or choose a new folder such as site"
            )
        }
        let real = resolved(output)
        if real == "/" {
            throw OutputError.unsafeOutput(
                location, reason: "the output folder cannot be the root folder /; choose a new folder such as site")
        }
        for folder in limits.protectedFolders where !folder.isEmpty && resolved(folder) == real {
            throw OutputError.unsafeOutput(
                location, reason: "the output folder cannot be your home folder; choose a new folder such as site")
        }
        for folder in limits.sourceFolders where !folder.isEmpty {
            let source = resolved(folder)
            let relation: String? =
                source == real ? "is" : source.hasPrefix(real + "/") ? "contains" : real.hasPrefix(source + "/") ? "lies inside" : nil
            if let relation {
                throw OutputError.unsafeOutput(
                    location,
                    reason:
                        "the output folder \(relation) the source folder \(folder), which a build would replace or publish; choose a folder outside it, such as site"
                )
            }
        }
        guard exists else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return
        default:
            throw OutputError.unsafeOutput(
                location, reason: "the output is \(FileSystem.kind(info.st_mode)), not a folder; choose a new folder such as site")
        }
    }

    /// Refuses an existing `folder` (the output, or its spare when `isSpare`) that Guidepost cannot prove it made.
    static func checkOwnership(_ folder: String, isSpare: Bool, keep: Set<String>) throws(OutputError) {
        let location = SourceLocation(path: folder)
        var info = stat()
        guard lstat(folder, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError.unsafeOutput(
                location,
                reason:
                    "this \((info.st_mode & S_IFMT) == S_IFREG ? "file" : "path") is in the place where Guidepost prepares each build (the spare folder) and was not made by Guidepost; move it away or delete it yourself"
            )
        }
        if isMarked(folder) { return }
        guard let directory = opendir(folder) else {
            throw OutputError.unsafeOutput(
                location,
                reason:
                    "this folder cannot be read, so Guidepost cannot tell whether it made it; give yourself access, or choose another folder"
            )
        }
        let names = directoryEntries(directory).map(\.name)
        closedir(directory)
        let foreign = names.filter { !keep.contains($0) }.sorted()
        guard !foreign.isEmpty else { return }
        let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
        if isSpare {
            throw OutputError.unsafeOutput(
                location,
                reason:
                    "this folder exists and was not made by Guidepost (it has no \(markerName) file; it holds \(shown)); Guidepost prepares each build in this spare folder, so move it away or delete it yourself"
            )
        }
        throw OutputError.unsafeOutput(
            location,
            reason:
                "this folder exists and was not made by Guidepost (it has no \(markerName) file; it holds \(shown)); choose an empty or new folder, or delete it yourself (names to keep, such as .git or CNAME, go under \"keep\" in content/site.json)"
        )
    }

    /// Whether `folder` holds the marker as a regular file, or is the output of a Guidepost release
    /// from before the marker (its `build.json` names Guidepost as the generator).
    public static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        if lstat(folder + "/" + markerName, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { return true }
        guard lstat(folder + "/build.json", &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 4096,
            let data = FileManager.default.contents(atPath: folder + "/build.json"),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["generator"] as? String == "guidepost"
    }

    /// The absolute path with every link resolved; for a path that does not exist yet, its nearest
    /// existing ancestor is resolved and the rest appended.
    static func resolved(_ path: String) -> String {
        var current = AbsolutePath.of(path)
        var rest: [String] = []
        while true {
            if let real = FileSystem.realPath(current) {
                return rest.isEmpty ? real : (real == "/" ? "" : real) + "/" + rest.reversed().joined(separator: "/")
            }
            if current == "/" { return "/" + rest.reversed().joined(separator: "/") }
            rest.append(AbsolutePath.name(of: current))
            current = AbsolutePath.parent(of: current)
        }
    }
}
