import Content
import Diagnostics
import Testing

@Suite struct JSONParserTests {
    @Test func recordsPositionsOfValuesAndKeys() throws {
        let json = try JSONParser.parse("{\n  \"a\": [1, \"é\"],\n  \"b\": {\"c\": true}\n}")
        guard case .object(let members) = json.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
        #expect(members[1].value.position == TextPosition(line: 3, column: 8))
        guard case .array(let items) = members[0].value.value else { Issue.record("not a list"); return }
        #expect(items[1].value == .string("é"))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", TextPosition(line: 1, column: 9), "a comma must not come right before '}'"),
        ("{\"a\" 1}", TextPosition(line: 1, column: 6), "expected ':' after the key \"a\" but found '1'"),
        ("{\n\"a\": tru}", TextPosition(line: 2, column: 9), "expected true"),
        ("{\"a\": \"x\n\"}", TextPosition(line: 1, column: 9), "a string cannot span lines; close it before the line break or write \\n"),
        ("[1 2]", TextPosition(line: 1, column: 4), "expected ',' or ']' after a value but found '2'"),
        ("{} x", TextPosition(line: 1, column: 4), "unexpected text after the end of the JSON value"),
        ("", TextPosition(line: 1, column: 1), "expected a value (a string in double quotes, a number, an object, a list, true, false or null) but found the end of the file"),
    ])
    func reportsSyntaxErrorsWithPosition(text: String, position: TextPosition, detail: String) {
        #expect(throws: JSONSyntaxError(position: position, detail: detail)) { try JSONParser.parse(text) }
    }

    @Test func decodesEscapesAndSurrogates() throws {
        let json = try JSONParser.parse(#""a\"b\\c\u00e9\ud83d\ude00""#)
        #expect(json.value == .string("a\"b\\cé😀"))
    }

    @Test func refusesAbsurdNesting() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }
}

@Suite struct SourceTextTests {
    @Test func dropsBOMAndNormalisesLineEndings() throws {
        let text = try SourceText(path: "a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8))
        #expect(text.text == "a\nb\nc\n")
    }

    @Test func reportsInvalidUTF8AtItsPosition() {
        #expect(throws: BuildError.invalidUTF8(SourceLocation(path: "a.md", line: 2, column: 3))) {
            try SourceText(path: "a.md", bytes: Array("x\nab".utf8) + [0xFF])
        }
    }
}
