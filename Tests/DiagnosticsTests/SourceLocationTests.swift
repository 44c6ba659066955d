import Diagnostics
import Testing

@Suite struct SourceLocationTests {
    @Test func printsAsPathLineColumn() {
        #expect(SourceLocation(path: "content/fr/index.md", line: 3, column: 7).description == "content/fr/index.md:3:7")
    }

    @Test func errorsPrintLocationThenPlainWords() {
        let error = BuildError.missingField(SourceLocation(path: "a.md", line: 1, column: 1), field: "title")
        #expect(error.description == "a.md:1:1: error: the required field \"title\" is missing; add it")
    }

    @Test func failureSortsByLocationAndDropsDuplicates() {
        let late = BuildError.unknownFact(SourceLocation(path: "b.md", line: 2, column: 1), key: "x.y")
        let early = BuildError.unknownFact(SourceLocation(path: "a.md", line: 9, column: 1), key: "x.y")
        let failure = BuildFailure([late, early, late])
        #expect(failure.errors == [early, late])
        #expect(failure.description.hasSuffix("build failed: 2 errors; site not written"))
    }

    @Test func lineIndexCountsCharactersNotBytes() {
        let index = LineIndex("abc\nété {{x}}\n")
        // "été " is 4 characters but 6 bytes: byte column 7 is character column 5.
        #expect(index.characterColumn(line: 2, byteColumn: 7) == 5)
        #expect(index.characterColumn(line: 1, byteColumn: 3) == 3)
    }
}
