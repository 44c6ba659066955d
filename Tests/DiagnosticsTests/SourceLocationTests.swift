import Diagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test func printsAsPathLineColumn() {
        #expect(SourceLocation(path: "content/fr/index.md", line: 3, column: 7).description == "content/fr/index.md:3:7")
    }

    @Test func errorsPrintLocationThenPlainWords() {
        let error = SampleError.missing(SourceLocation(path: "a.md", line: 1, column: 1), field: "title")
        #expect(error.description == "a.md:1:1: error: the required field \"title\" is missing; add it")
        #expect(error.diagnostic.asWarning.description == "a.md:1:1: warning: the required field \"title\" is missing; add it")
        let fixed = Diagnostic(location: SourceLocation(path: "b.md", line: 2, column: 3), message: "no title", fix: "add one")
        #expect(fixed.description == "b.md:2:3: error: no title; add one")
    }

    @Test func failureSortsByLocationAndDropsDuplicates() {
        let late = SampleError.missing(SourceLocation(path: "b.md", line: 2, column: 1), field: "x")
        let early = SampleError.missing(SourceLocation(path: "a.md", line: 9, column: 1), field: "x")
        let failure = BuildFailure([late, early, late])
        #expect(failure.diagnostics == [early.diagnostic, late.diagnostic])
        #expect(failure.description.hasSuffix("build failed: 2 errors; site not written"))
    }

    @Test func collectorGathersEveryProblemOfARun() {
        var collector = DiagnosticCollector()
        #expect(collector.isEmpty && collector.failure == nil)
        collector.append(SampleError.missing(SourceLocation(path: "b.md"), field: "b"))
        collector += [SampleError.missing(SourceLocation(path: "a.md"), field: "a")]
        collector += BuildFailure([SampleError.missing(SourceLocation(path: "c.md"), field: "c")])
        #expect(collector.count == 3)
        #expect(collector.failure?.diagnostics.map(\.location.path) == ["a.md", "b.md", "c.md"])
    }

    @Test func lineIndexCountsCharactersNotBytes() {
        let index = LineIndex("abc\nété {{x}}\n")
        // "été " is 4 characters but 6 bytes: byte column 7 is character column 5.
        #expect(index.characterColumn(line: 2, byteColumn: 7) == 5)
        #expect(index.characterColumn(line: 1, byteColumn: 3) == 3)
    }
}

/// A stage's error as the tests see one: the protocol supplies the rest.
private enum SampleError: DiagnosticConvertible {
    case missing(SourceLocation, field: String)

    var location: SourceLocation {
        switch self {
        case .missing(let location, _): return location
        }
    }

    var message: String {
        switch self {
        case .missing(_, let field): return "the required field \"\(field)\" is missing; add it"
        }
    }
}
