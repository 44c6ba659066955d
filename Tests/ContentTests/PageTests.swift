import Content
import Diagnostics
import Testing

@Suite struct PageTests {
    func parse(_ text: String) -> Result<Page, BuildFailure> {
        Page.parse(SourceText(path: "fr/a.md", text: text), language: "fr", relativePath: "a.md")
    }

    @Test func splitsFrontMatterAndBody() throws {
        let page = try parse("{\n  \"title\": \"Bonjour {x}\",\n  \"weight\": 3,\n  \"updated\": \"2025-05-21\"\n}\n# Titre\n").get()
        #expect(page.frontMatter.title == "Bonjour {x}")
        #expect(page.frontMatter.weight == 3)
        #expect(page.frontMatter.updated == CalendarDate(year: 2025, month: 5, day: 21))
        #expect(page.body == "# Titre\n")
        #expect(page.bodyStartLine == 6)
        #expect(page.location(ofBody: TextPosition(line: 1, column: 3)) == SourceLocation(path: "fr/a.md", line: 6, column: 3))
        #expect(page.translationKey == "a")
    }

    /// A page keeps its body and its file's path, not the file's text as well (issue 21: at 3 × 30,000
    /// pages every source held twice was a fifth of the peak memory).
    @Test func keepsTheBodyNotTheFileTextTwice() throws {
        let page = try parse("{\"title\": \"Bonjour\"}\nUn texte.\n").get()
        #expect(page.body == "Un texte.\n")
        #expect(page.file.path == "fr/a.md")
        #expect(page.file.text.isEmpty)
    }

    /// Only a source-language page's body hash is ever read (a translation records it as `sourceHash`), so a
    /// page of another language can skip it; the file's fingerprint is there either way and follows the text.
    @Test func hashesTheBodyOnlyWhenAsked() throws {
        let text = "{\"title\": \"Bonjour\"}\nUn texte.\n"
        let source = try parse(text).get()
        #expect(source.bodyHash == ContentHash.body("Un texte.\n"))
        let other = try Page.parse(SourceText(path: "nl/a.md", text: text), language: "nl", relativePath: "a.md", hashesBody: false).get()
        #expect(other.bodyHash.isEmpty)
        #expect(other.fileHash == source.fileHash)
        #expect(try parse(text + "Encore.\n").get().fileHash != source.fileHash)
    }

    /// A copy of a page shares its fields until one of them changes; changing a copy leaves the original as it was.
    @Test func aChangedCopyLeavesTheOriginal() throws {
        let original = try parse("{\"title\": \"Bonjour\"}\nUn texte.\n").get()
        var copy = original
        copy.body = ""
        copy.frontMatter.title = "Autre"
        #expect(original.body == "Un texte.\n")
        #expect(original.frontMatter.title == "Bonjour")
        #expect(copy.body.isEmpty && copy.frontMatter.title == "Autre")
    }

    /// The body is cut from the file's text after the line that closes the front matter, accents and all.
    @Test func bodyIsTheTextAfterTheFrontMatterLine() throws {
        let accented = try parse("{\"title\": \"Déjà « vu »\"}  \nÉté — « déjà » 日本\n\nfin").get()
        #expect(accented.body == "Été — « déjà » 日本\n\nfin")
        #expect(accented.bodyStartLine == 2)
        let empty = try parse("\n {\"title\": \"é\"}").get()
        #expect(empty.body == "")
        #expect(empty.bodyStartLine == 3)
        let bare = try parse("{\"title\": \"a\"}\n").get()
        #expect(bare.body == "")
    }

    @Test func missingTitle() {
        #expect(
            parse("{\"weight\": 1}\n").failureErrors == [.missingField(SourceLocation(path: "fr/a.md", line: 1, column: 1), field: "title")]
        )
    }

    @Test func missingFrontMatterAndEmptyFile() {
        #expect(parse("# Just markdown\n").failureErrors == [.missingFrontMatter(SourceLocation(path: "fr/a.md", line: 1, column: 1))])
        #expect(parse("").failureErrors == [.missingFrontMatter(SourceLocation(path: "fr/a.md", line: 1, column: 1))])
    }

    @Test func unclosedFrontMatter() {
        #expect(
            parse("\n{\"title\": \"x\"\n\n# Body\n").failureErrors == [
                .unclosedFrontMatter(SourceLocation(path: "fr/a.md", line: 2, column: 1))
            ])
    }

    @Test func malformedFrontMatterPointsAtTheFault() {
        #expect(
            parse("{\"title\": \"x\" \"slug\": \"y\"}\n").failureErrors
                == [
                    .malformedJSON(
                        SourceLocation(path: "fr/a.md", line: 1, column: 15), detail: "expected ',' or '}' after a value but found '\"'")
                ])
    }

    @Test func collectsEveryFieldError() {
        let errors = parse("{\"title\": 3, \"slug\": \"../x\", \"date\": \"2025-02-30\", \"titel\": \"t\"}\n").failureErrors
        #expect(
            errors == [
                .wrongType(SourceLocation(path: "fr/a.md", line: 1, column: 11), field: "title", expected: "a string in double quotes"),
                .invalidSlug(SourceLocation(path: "fr/a.md", line: 1, column: 22), slug: "../x"),
                .invalidDate(SourceLocation(path: "fr/a.md", line: 1, column: 38), value: "2025-02-30"),
                .unknownField(SourceLocation(path: "fr/a.md", line: 1, column: 52), field: "titel", known: FrontMatter.fields),
            ])
    }

    /// A key written twice is reported at each repetition, in the order written.
    @Test func reportsEveryRepeatedKey() {
        let errors = parse("{\"title\": \"a\", \"weight\": 1, \"title\": \"b\", \"weight\": 2, \"weight\": 3}\n").failureErrors
        #expect(
            errors == [
                .malformedJSON(SourceLocation(path: "fr/a.md", line: 1, column: 29), detail: "the key \"title\" appears twice"),
                .malformedJSON(SourceLocation(path: "fr/a.md", line: 1, column: 43), detail: "the key \"weight\" appears twice"),
                .malformedJSON(SourceLocation(path: "fr/a.md", line: 1, column: 56), detail: "the key \"weight\" appears twice"),
            ])
    }

    /// An object with many keys (past the few a front matter has) finds repeated keys as well.
    @Test func reportsRepeatedKeysOfALargeObject() throws {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let file = SourceText(path: "facts/a.json", text: "{" + keys + ", \"k3\": 0, \"k39\": 1}")
        var errors = DiagnosticCollector()
        let reader = ObjectReader(try JSONParser.parse(file.text), in: file, field: "facts", known: [], errors: &errors)
        #expect(reader != nil)
        #expect(
            errors == [
                .malformedJSON(SourceLocation(path: "facts/a.json", line: 1, column: 383), detail: "the key \"k3\" appears twice"),
                .malformedJSON(SourceLocation(path: "facts/a.json", line: 1, column: 392), detail: "the key \"k39\" appears twice"),
            ])
    }

    @Test(arguments: ["ok-slug", "étapes", "v1.2"]) func acceptsSlugs(slug: String) {
        #expect(FrontMatter.isValidSlug(slug))
    }

    @Test(arguments: ["..", "a/b", "a\\b", "a\u{0}b", "a b", "", ".hidden", "a\nb"]) func rejectsSlugs(slug: String) {
        #expect(!FrontMatter.isValidSlug(slug))
    }
}

extension Result where Failure == BuildFailure {
    var failureErrors: [Diagnostic] {
        if case .failure(let failure) = self { return failure.diagnostics }
        return []
    }
}
