import Content
import Diagnostics
import Testing

@Suite struct JSONParserTests {
    @Test func recordsPositionsOfValuesAndKeys() throws {
        let json = try JSONParser.parse("{\n  \"a\": [1, \"é\"],\n  \"b\": {\"c\": true}\n}")
        guard case .object(let members) = json.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
        #expect(members[1].value.position == TextPosition(line: 3, column: 8))
        guard case .array(let items) = members[0].value.value else {
            Issue.record("not a list")
            return
        }
        #expect(items[1].value == .string("é"))
    }

    /// A string's ordinary characters are read as one run: the columns after it count one per character
    /// (Unicode scalar), escapes and all.
    @Test func columnsAfterAStringCountItsCharacters() throws {
        let json = try JSONParser.parse("{\"a\": \"déjà « vu » 日本 👍🏽\", \"b\": 1, \"c\": \"é\\\"x\", \"d\": 2}")
        guard case .object(let members) = json.value else {
            Issue.record("not an object")
            return
        }
        #expect(members[0].value.value == .string("déjà « vu » 日本 👍🏽"))
        #expect(members[1].keyPosition == TextPosition(line: 1, column: 28))
        #expect(members[1].value.position == TextPosition(line: 1, column: 33))
        #expect(members[2].value.value == .string("é\"x"))
        #expect(members[3].keyPosition == TextPosition(line: 1, column: 49))
        #expect(throws: JSONSyntaxError(position: TextPosition(line: 1, column: 36), detail: "expected true")) {
            try JSONParser.parse("{\"a\": \"déjà « vu » 日本 👍🏽\", \"b\": tru}")
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", TextPosition(line: 1, column: 9), "a comma must not come right before '}'"),
        ("{\"a\" 1}", TextPosition(line: 1, column: 6), "expected ':' after the key \"a\" but found '1'"),
        ("{\n\"a\": tru}", TextPosition(line: 2, column: 9), "expected true"),
        ("{\"a\": \"x\n\"}", TextPosition(line: 1, column: 9), "a string cannot span lines; close it before the line break or write \\n"),
        ("[1 2]", TextPosition(line: 1, column: 4), "expected ',' or ']' after a value but found '2'"),
        ("{} x", TextPosition(line: 1, column: 4), "unexpected text after the end of the JSON value"),
        (
            "", TextPosition(line: 1, column: 1),
            "expected a value (a string in double quotes, a number, an object, a list, true, false or null) but found the end of the file"
        ),
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
        #expect(throws: SourceTextError.invalidUTF8(SourceLocation(path: "a.md", line: 2, column: 3))) {
            try SourceText(path: "a.md", bytes: Array("x\nab".utf8) + [0xFF])
        }
    }
}

/// Well-formed JSON whose values no page may carry: control characters, numbers out of range (issue 14).
@Suite struct JSONParserValueTests {
    static let control = #"which text cannot contain; remove it (of the control characters only \t, \n and \r are allowed)"#

    @Test(arguments: [
        (
            #"{"a": "x\u0000y"}"#, TextPosition(line: 1, column: 9),
            #"the escape \u0000 stands for the control character U+0000, "# + control
        ),
        (#"["\u000b"]"#, TextPosition(line: 1, column: 3), #"the escape \u000b stands for the control character U+000B, "# + control),
        (
            "[\n \"ok \\u001B\"]", TextPosition(line: 2, column: 6),
            #"the escape \u001B stands for the control character U+001B, "# + control
        ),
        (#"["\b"]"#, TextPosition(line: 1, column: 3), #"the escape \b stands for the control character U+0008, "# + control),
        (#"["\f"]"#, TextPosition(line: 1, column: 3), #"the escape \f stands for the control character U+000C, "# + control),
        (
            #"{"n": 1e999}"#, TextPosition(line: 1, column: 7),
            "the number 1e999 is too large to be stored (the largest is about 1.8e308); write a smaller number"
        ),
        (
            #"[-1E+400]"#, TextPosition(line: 1, column: 2),
            "the number -1E+400 is too large to be stored (the largest is about 1.8e308); write a smaller number"
        ),
        (
            #"[0.1e-400]"#, TextPosition(line: 1, column: 2),
            "the number 0.1e-400 is too close to zero to be stored (it would become 0); write 0, or a number no closer to zero than about 4.9e-324"
        ),
    ])
    func rejectsUnusableValuesAtTheirStart(text: String, position: TextPosition, detail: String) {
        #expect(throws: JSONSyntaxError(position: position, detail: detail, isValueError: true)) { try JSONParser.parse(text) }
    }

    @Test func rawControlCharacterIsASyntaxError() {
        #expect(
            throws: JSONSyntaxError(
                position: TextPosition(line: 1, column: 4), detail: "the control character U+001B cannot appear in text; remove it")
        ) {
            try JSONParser.parse("[\"a\u{1B}\"]")
        }
        #expect(throws: JSONSyntaxError(position: TextPosition(line: 1, column: 3), detail: #"a tab must be written \t inside a string"#)) {
            try JSONParser.parse("[\"\tx\"]")
        }
    }

    @Test func keepsTabLineBreaksZeroAndTinyNumbers() throws {
        #expect(
            try JSONParser.parse(#"["a\tb\nc\rd"]"#).value == .array([JSON(.string("a\tb\nc\rd"), at: TextPosition(line: 1, column: 2))]))
        for zero in ["0", "0e-400", "0.000e999", "-0.0"] {
            guard case .number(let value, _) = try JSONParser.parse(zero).value else {
                Issue.record("not a number")
                continue
            }
            #expect(value == 0)
        }
        guard case .number(let tiny, _) = try JSONParser.parse("4.9e-324").value else {
            Issue.record("not a number")
            return
        }
        #expect(tiny > 0)
    }
}
