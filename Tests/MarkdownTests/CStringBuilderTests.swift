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

    @Test func canBeReadTwiceAndGrowBetween() {
        var builder = CStringBuilder(capacity: 1)
        builder.append("list-")
        #expect(text(&builder) == "list-")
        builder.append(12)
        #expect(text(&builder) == "list-12")
        var empty = CStringBuilder()
        #expect(text(&empty) == "")
    }
}
