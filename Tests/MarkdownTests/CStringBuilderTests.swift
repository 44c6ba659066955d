import Testing

@testable import Markdown

@Suite struct CStringBuilderTests {
    func text(_ builder: inout CStringBuilder) -> String { builder.withCString { String(cString: $0) } }

    @Test func appendsTextAndNumbersAsInterpolationWrites() {
        for number in [0, 7, 10, 42, 1_000_000, -3, Int.max, Int.min] {
            var builder = CStringBuilder()
            builder.append("<h")
            builder.append(number)
            builder.append(" id=\"d\u{E9}j\u{E0}\">")
            #expect(text(&builder) == "<h\(number) id=\"d\u{E9}j\u{E0}\">")
        }
    }

    /// Strings made at run time (small and large), literals of one scalar and of many: each part as written.
    @Test func appendsStringsAndLiteralsOfEveryLength() {
        var builder = CStringBuilder(capacity: 2)
        var expected = ""
        for number in 0..<40 {
            let made = String(repeating: "\u{E9}x", count: number) + String(number)
            builder.append(string: made)
            builder.append(">")
            builder.append("\u{2019}")
            builder.append("")
            builder.append(string: "")
            builder.append("<label for=\"")
            expected += made + ">\u{2019}<label for=\""
        }
        #expect(text(&builder) == expected)
    }

    @Test func canBeReadTwiceAndGrowBetween() {
        var builder = CStringBuilder(capacity: 1)
        builder.append(string: "list-")
        #expect(text(&builder) == "list-")
        builder.append(12)
        #expect(text(&builder) == "list-12")
        var empty = CStringBuilder()
        #expect(text(&empty) == "")
    }

    @Test func startsAgainEmptyAfterRemoveAll() {
        var builder = CStringBuilder(capacity: 4)
        builder.append("<label for=\"checklist-1-")
        builder.append(10)
        builder.removeAll()
        #expect(text(&builder) == "")
        builder.append("</h")
        builder.append(2)
        builder.append(">")
        #expect(text(&builder) == "</h2>")
    }
}
