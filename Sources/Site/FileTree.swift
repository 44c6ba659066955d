import Diagnostics
import Foundation

/// Reads files and lists folders, refusing symbolic links that leave the folder being read.
struct FileTree {
    /// The folder as the user named it (used in error paths).
    let root: String
    private let realRoot: String

    init(root: String) {
        self.root = root
        self.realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    /// Whether `relative` exists as a folder.
    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(relative), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `relative` exists.
    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// The path shown to the user for `relative`.
    func path(_ relative: String) -> String { relative.isEmpty ? root : "\(root)/\(relative)" }

    /// Source files larger than this are refused rather than read (a guide page is a few kilobytes).
    static let sizeLimit = 10_000_000

    /// The bytes of `relative`.
    func read(_ relative: String) throws(BuildError) -> [UInt8] {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path(relative)))?[.size] as? Int, size > FileTree.sizeLimit {
            throw .fileTooLarge(SourceLocation(path: path(relative)), bytes: size, limit: FileTree.sizeLimit)
        }
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw .io(SourceLocation(path: path(relative)), detail: "the file cannot be read")
        }
        return [UInt8](data)
    }

    /// Files under `relative` (recursively) whose names end in `suffix`, sorted, as paths relative to the root.
    /// Symbolic links pointing outside the root are reported, not followed.
    func files(under relative: String, suffix: String, errors: inout [BuildError]) -> [String] {
        var result: [String] = []
        walk(relative, suffix: suffix, into: &result, errors: &errors, depth: 0)
        return result.sorted()
    }

    private func walk(_ relative: String, suffix: String, into result: inout [String], errors: inout [BuildError], depth: Int) {
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: path(relative)) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            let full = path(child)
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                guard resolved == realRoot || resolved.hasPrefix(realRoot + "/") else {
                    errors.append(.symlinkOutsideContent(SourceLocation(path: full), target: target))
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(child, suffix: suffix, into: &result, errors: &errors, depth: depth + 1)
            } else if name.hasSuffix(suffix) {
                result.append(child)
            }
        }
    }
}
