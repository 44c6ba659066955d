import Foundation
import Output
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct DirectoryEntriesTests {
    /// Read from an open descriptor, a folder lists every name (non-ASCII and long ones too, and more than one
    /// buffer's worth of them) with its type, without `.` and `..`, exactly as the `readdir` stream lists it.
    @Test func listsEveryEntryWithItsType() throws {
        let folder = try Fixtures.temporaryDirectory()
        let long = String(repeating: "é", count: 120)
        var expected: [String: UInt8] = ["sub": UInt8(DT_DIR), "link": UInt8(DT_LNK), "été.html": UInt8(DT_REG), long: UInt8(DT_REG)]
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "sub")
        for name in ["été.html", long] + (0..<700).map({ "file-\($0)-" + String(repeating: "x", count: 40) }) {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
            expected[name] = UInt8(DT_REG)
        }
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let entries = try #require(directoryEntries(descriptor: descriptor))
        #expect(entries.count == expected.count)
        #expect(Dictionary(entries.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a }) == expected)
        let stream = try #require(opendir(folder.path))
        defer { closedir(stream) }
        #expect(directoryEntries(stream).map(\.name).sorted() == entries.map(\.name).sorted())
    }

    /// A descriptor that is not an open folder gives nil, not an empty list.
    @Test func refusesWhatIsNotAFolder() throws {
        let folder = try Fixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("a.txt")
        try Data("x".utf8).write(to: file)
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        defer { close(descriptor) }
        #expect(directoryEntries(descriptor: descriptor) == nil)
        #expect(directoryEntries(descriptor: -1) == nil)
    }
}
