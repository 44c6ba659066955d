import Content
import Diagnostics
import Testing

@Suite struct FrontMatterEditorTests {
    func set(_ text: String, _ value: String = "abc123") throws -> String {
        try FrontMatterEditor.setting("sourceHash", to: value, inRaw: text, path: "nl/a.md")
    }

    @Test func replacesAnExistingValueInPlace() throws {
        #expect(
            try set("{\n  \"title\": \"T\",\n  \"sourceHash\": \"old\",\n  \"weight\": 2\n}\nBody \"x\"\n")
                == "{\n  \"title\": \"T\",\n  \"sourceHash\": \"abc123\",\n  \"weight\": 2\n}\nBody \"x\"\n")
    }

    /// A field written twice: the first is the one a build reads (`ObjectReader.member`), so it is the one
    /// set; the fuzzer's oracle read the last and reported this input (CR line endings) as a failure.
    @Test func aFieldWrittenTwiceHasItsFirstOccurrenceSetAsTheBuildReadsIt() throws {
        let text = "{\r  \"title\": \"T\",\r  \"sourceHash\": \"0399Un\",\r  \"sourceHash\": \"0399\"\r}\r\rSome text\r"
        #expect(try set(text) == "{\r  \"title\": \"T\",\r  \"sourceHash\": \"abc123\",\r  \"sourceHash\": \"0399\"\r}\r\rSome text\r")
    }

    /// An empty object written over several lines gets the field with no comma after it (the fuzzer found
    /// `{\r    \r}`: the inserted member was followed by a comma and nothing else, which no longer parses).
    @Test func insertsIntoAnEmptyObjectOnSeveralLinesWithoutATrailingComma() throws {
        #expect(try set("{\n}\nBody\n") == "{\n\"sourceHash\": \"abc123\"\n}\nBody\n")
        #expect(try set("{\r    \r}\r\rSome text\r") == "{\r    \"sourceHash\": \"abc123\"\r    \r}\r\rSome text\r")
        let edited = try set("{\r\n  \r\n}\r\nBody\r\n")
        let split = try FrontMatterSplitter.split(SourceText(path: "nl/a.md", bytes: Array(edited.utf8)))
        guard case .object(let members) = split.json.value else {
            Issue.record("the edited front matter is not an object")
            return
        }
        #expect(members.map(\.key) == ["sourceHash"])
    }

    @Test func insertsOnItsOwnLineWithTheNextMembersIndentation() throws {
        #expect(try set("{\n    \"title\": \"T\"\n}\n\nBody\n") == "{\n    \"sourceHash\": \"abc123\",\n    \"title\": \"T\"\n}\n\nBody\n")
    }

    @Test func insertsIntoAOneLineObject() throws {
        #expect(try set("{\"title\": \"T\"}\nBody\n") == "{\"sourceHash\": \"abc123\", \"title\": \"T\"}\nBody\n")
    }

    @Test func keepsCRLFAndByteOrderMark() throws {
        #expect(
            try set("\u{FEFF}{\r\n  \"title\": \"Été\",\r\n  \"sourceHash\": \"old\"\r\n}\r\nBody\r\n")
                == "\u{FEFF}{\r\n  \"title\": \"Été\",\r\n  \"sourceHash\": \"abc123\"\r\n}\r\nBody\r\n")
        #expect(try set("{\r\n  \"title\": \"T\"\r\n}\r\n") == "{\r\n  \"sourceHash\": \"abc123\",\r\n  \"title\": \"T\"\r\n}\r\n")
    }

    @Test func refusesANonStringValue() {
        #expect(
            throws: ContentError.wrongType(
                SourceLocation(path: "nl/a.md", line: 1, column: 16), field: "sourceHash", expected: "a string in double quotes")
        ) {
            try set("{\"sourceHash\": 3, \"title\": \"T\"}\n")
        }
    }
}
