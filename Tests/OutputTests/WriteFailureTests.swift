import Diagnostics
import Foundation
import Testing

@testable import Output

/// A full disk names the file being written and the space the site needs (issue 14, messages).
@Suite struct WriteFailureTests {
    @Test func fullDiskNamesTheFileAndTheSpaceNeeded() {
        let failure = FileSystemError(ENOSPC, path: "out/.site.spare/en/index.html")
        let files = [
            OutputFile(path: "en/index.html", bytes: Array(repeating: 0, count: 2_400_000)), OutputFile(path: "a.css", bytes: [1]),
        ]
        guard case .diskFull(let location, let needed, _) = WriteFailure.error(failure, output: "/tmp/out/site", files: files) else {
            Issue.record("not a full-disk error")
            return
        }
        #expect(location.path == "out/.site.spare/en/index.html")
        #expect(needed == 2_400_001)
        #expect(
            OutputError.diskFull(SourceLocation(path: "site/.spare/en/index.html"), needed: 2_400_001, available: 1_000_000).description
                == "site/.spare/en/index.html:1:1: error: the disk is full, so this file could not be written; the site needs about 3 MB, and 1 MB are free: free some space and build again (the previous site is left as it was)"
        )
        #expect(
            OutputError.diskFull(SourceLocation(path: "f"), needed: 191_500, available: nil).message
                == "the disk is full, so this file could not be written; the site needs about 192 KB: free some space and build again (the previous site is left as it was)"
        )
    }

    @Test func otherFailuresNameTheFileToo() {
        let failure = FileSystemError(ENOTDIR, path: "out/en/404.html/index.html")
        #expect(
            WriteFailure.error(failure, output: "out", files: [])
                == .io(SourceLocation(path: "out/en/404.html/index.html"), detail: "Not a directory"))
    }
}
