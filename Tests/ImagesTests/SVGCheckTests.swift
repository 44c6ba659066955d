import Diagnostics
import Images
import Testing

@Suite struct SVGCheckTests {
    @Test func aPlainDiagramPasses() {
        let svg = Array(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"200\" viewBox=\"0 0 640 200\"><text x=\"1\" y=\"2\">Settings → Privacy</text></svg>"
                .utf8)
        #expect(SVGCheck.problem(in: svg) == nil)
        #expect(SVGCheck.size(of: svg)?.width == 640)
        #expect(SVGCheck.size(of: svg)?.height == 200)
    }

    @Test func scriptsEventAttributesJavascriptURLsAndForeignObjectsAreFound() {
        let cases: [(String, String, TextPosition)] = [
            ("<svg>\n  <SCRIPT>alert(1)</SCRIPT></svg>", "<script", TextPosition(line: 2, column: 3)),
            ("<svg>\n<rect onload=\"x()\"/></svg>", "onload=", TextPosition(line: 2, column: 7)),
            ("<svg><rect onclick = 'x()'/></svg>", "onclick=", TextPosition(line: 1, column: 12)),
            ("<svg><a href=\"JavaScript:alert(1)\">x</a></svg>", "javascript:", TextPosition(line: 1, column: 15)),
            ("<svg><foreignObject><div/></foreignObject></svg>", "<foreignObject", TextPosition(line: 1, column: 6)),
        ]
        for (text, found, position) in cases {
            #expect(SVGCheck.problem(in: Array(text.utf8)) == SVGCheck.Problem(position: position, found: found), "\(text)")
        }
    }

    @Test func wordsThatOnlyLookLikeEventsPass() {
        #expect(SVGCheck.problem(in: Array("<svg><text>Turn on = off</text><g id=\"one\"/></svg>".utf8)) == nil)
    }

    @Test func theViewBoxGivesTheSizeWhenWidthAndHeightAreMissing() {
        let size = SVGCheck.size(of: Array("<svg viewBox=\"0 0 320 90\"></svg>".utf8))
        #expect(size?.width == 320)
        #expect(size?.height == 90)
    }
}
