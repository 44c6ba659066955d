import Diagnostics
import Markdown
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// cmark-gfm's pathological inputs (regenerated from the descriptions in its test suite), plus
/// Guidepost's own pre- and post-processing (placeholders, article links, headings, checklists,
/// typography), rendered at sizes n, 10n and 100n. The test checks how CPU time grows, never absolute time:
/// each tenfold step must cost well under the hundredfold that quadratic work would.
@Suite(.serialized) struct PathologicalTests {
    struct Resolver: MarkdownResolver {
        mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
            context == .destination ? "https://example.com/" : "valeur : « x »"
        }
        mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { "../page/" }
        mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { Issue.record("unexpected \(problem)") }
    }

    static let cases: [(String, @Sendable (Int) -> String)] = [
        ("nested strong emphasis", { n in String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n) }),
        ("emphasis closers without openers", { n in String(repeating: "a_ ", count: n) }),
        ("emphasis openers without closers", { n in String(repeating: "_a ", count: n) }),
        ("link closers without openers", { n in String(repeating: "a]", count: n) }),
        ("link openers without closers", { n in String(repeating: "[a", count: n) }),
        ("mismatched openers and closers", { n in String(repeating: "*a_ ", count: n) }),
        ("openers and closers multiple of 3", { n in "a**b" + String(repeating: "c* ", count: n) }),
        ("link openers and emphasis closers", { n in String(repeating: "[ a_", count: n) }),
        ("brackets and parentheses", { n in String(repeating: "[ (](", count: n) }),
        ("nested brackets", { n in String(repeating: "[", count: n) + "a" + String(repeating: "]", count: n) }),
        ("nested block quotes", { n in String(repeating: "> ", count: n) + "a\n" }),
        ("deeply nested lists", { n in (0..<n).map { String(repeating: "  ", count: $0) + "* a\n" }.joined() }),
        ("unclosed links A", { n in String(repeating: "[a](<b", count: n) }),
        ("unclosed links B", { n in String(repeating: "[a](b", count: n) }),
        ("many placeholders", { n in String(repeating: "{{f.name}} [x]({{f.form}}) ", count: n) }),
        ("unclosed placeholder openers", { n in String(repeating: "{{", count: n) + String(repeating: "}", count: n) }),
        ("many article links", { n in String(repeating: "[x](other.md#part) ", count: n) }),
        ("many identical headings", { n in String(repeating: "## Étape ?\n\n", count: n) }),
        ("long checklist", { n in String(repeating: "- [ ] Vérifiez : « ceci » !\n", count: n) }),
        ("long French line", { n in String(repeating: "Déjà ? Oui : « non » ; vu ! ", count: n) }),
        ("short table rows", { n in "|a|b|c|\n|-|-|-|\n" + String(repeating: "x\n", count: n) }),
        ("bare URLs among quotes", { n in String(repeating: "Voir « https://x.org/l'a » et www.y.org/\"b\" : oui ! ", count: n) }),
    ]

    /// The CPU time of this thread, in seconds: unlike wall time, it does not count the time other
    /// processes on a busy machine hold the core, so the ratios measure the work, not the machine's load.
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func seconds(_ markdown: String) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var resolver = Resolver()
            let start = threadCPUSeconds()
            _ = MarkdownRenderer.render(markdown, options: MarkdownOptions(checklistPrefix: "p", language: "fr"), resolver: &resolver)
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    @Test(arguments: 0..<cases.count) func growsLinearly(index: Int) {
        let (name, make) = Self.cases[index]
        // Nested lists grow quadratically in bytes with depth (line i is indented 2i spaces), so their
        // depth grows by √10 per step to keep the input growing tenfold like the others.
        let steps = name == "deeply nested lists" ? [60, 190, 600] : [300, 3_000, 30_000]
        let sizes = steps.map { make($0).utf8.count }
        #expect(sizes[1] > sizes[0] * 8 && sizes[2] > sizes[1] * 8, "\(name): input sizes \(sizes)")
        // A floor absorbs timer noise on tiny inputs; quadratic work would make each ratio about 100. On a
        // busy machine one measurement can be disturbed, so a ratio over the bound is measured again (up to
        // three times) and the best kept: linear code passes easily, quadratic code never does.
        let floor = 0.002
        var (upper, lower) = (Double.infinity, Double.infinity)
        for _ in 0..<3 where upper >= 50 || lower >= 50 {
            let small = Self.seconds(make(steps[0]))
            let medium = Self.seconds(make(steps[1]))
            let large = Self.seconds(make(steps[2]))
            upper = min(upper, max(large, floor) / max(medium, floor))
            lower = min(lower, max(medium, floor) / max(small, floor))
        }
        #expect(upper < 50, "\(name): 100n costs \(upper) × 10n")
        #expect(lower < 50, "\(name): 10n costs \(lower) × n")
    }
}
