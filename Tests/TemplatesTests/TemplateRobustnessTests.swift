import Diagnostics
import Templates
import Testing

/// Seeded random templates (sections, inverted sections, blocks, parents, partials, dynamic partials,
/// delimiter changes, standalone lines) compile and render without crashing or hanging: each either
/// renders, or stops with a located error (a syntax error, or a recursion deeper than the limit).
@Suite struct TemplateRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func template(_ depth: Int, _ rng: inout Seeded, inParent: Bool = false) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0..<6, using: &rng) {
            if inParent {
                out += [
                    "\n", " ", "{{$b}}" + template(depth + 1, &rng) + "{{/b}}", "{{$c}}\n" + template(depth + 1, &rng) + "\n{{/c}}",
                    "{{!x}}",
                ]
                .randomElement(using: &rng)!
                continue
            }
            switch Int.random(in: 0..<14, using: &rng) {
            case 0: out += "x"
            case 1: out += "\n"
            case 2: out += "  "
            case 3: out += "{{a}}"
            case 4: out += "{{.}}"
            case 5: if depth < 6 { out += "{{#a}}" + template(depth + 1, &rng) + "{{/a}}" }
            case 6: if depth < 6 { out += "{{^a}}\n" + template(depth + 1, &rng) + "\n{{/a}}" }
            case 7: if depth < 6 { out += "{{$b}}" + template(depth + 1, &rng) + "{{/b}}" }
            case 8: if depth < 3 { out += "  {{>p}}\n" }
            case 9: if depth < 3 { out += "{{> *k}}" }
            case 10: out += "{{=<% %>=}}<%a%><%={{ }}=%>"
            case 11: if depth < 4 { out += "{{<p}}" + template(depth + 1, &rng, inParent: true) + "{{/p}}" }
            case 12: out += "\n  {{$c}}\n" + template(depth + 1, &rng) + "  {{/c}}\n"
            default: out += "{{! c }}\n"
            }
        }
        return out
    }

    @Test func randomTemplatesRenderOrFailWithALocatedError() {
        var rng = Seeded(state: 19)
        let item: [String: TemplateData] = ["a": .bool(false)]
        let data: [String: TemplateData] = ["a": .list([.string("1"), .bool(true), .object(item)]), "k": .string("p")]
        var rendered = 0
        var checked = 0
        for _ in 0..<5_000 {
            let sources = [
                TemplateSource(name: "main", file: SourceText(path: "main.mustache", text: Self.template(0, &rng))),
                TemplateSource(name: "p", file: SourceText(path: "p.mustache", text: Self.template(2, &rng))),
            ]
            guard case .success(let library) = TemplateLibrary.load(sources) else { continue }
            // The name check walks the same templates without crashing or hanging; `a` and `k` are no article names.
            let unknown = library.unknownNames(roots: [("main", ArticleContext.templateSchema)])
            #expect(unknown.diagnostics.allSatisfy { $0.location.line > 0 && $0.location.path.hasSuffix(".mustache") })
            checked += unknown.isEmpty ? 0 : 1
            do {
                _ = try library.render(data, with: "main")
                rendered += 1
            } catch {
                #expect(error.location.line > 0)
            }
        }
        #expect(rendered > 2_000)
        #expect(checked > 2_000)
    }
}
