import Content
import Diagnostics
import Foundation
import Templates
import Testing

/// The official Mustache specification (mustache/spec, kept in `../shared/conformance/mustache/`), run through
/// the engine's real path: each test's template and partials are compiled by `TemplateSource` and
/// `TemplateLibrary.load`, exactly as the site's templates are, and rendered with the test's JSON data.
///
/// Prints passed / failed / deliberate / skipped per file and a summary line starting with "Mustache spec:"
/// (Tests/run-all.sh quotes it). Fails on any failure that is not a listed deliberate difference, and on a
/// deliberate difference that no longer differs or differs in another way than listed.
@Suite struct MustacheSpecTests {
    /// `../shared/conformance/mustache/`, beside the repository.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance/mustache")

    /// The files run, in order: the six core files and the two optional modules Guidepost implements.
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"]

    /// Files not run, with the reason.
    static let skipped = [
        "~lambdas": "lambdas are code in the data; Guidepost's data is JSON and typed view models, and templates stay data, not code"
    ]

    /// What Guidepost does instead of the spec's expected output, checked as strictly as a pass.
    enum Instead {
        /// The output equals the expected output with its CRLF line ends read as LF.
        case lineEndsNormalised
        /// Compiling or rendering stops with exactly this error.
        case error(String)
    }

    static let crlf =
        "Guidepost reads every source file with its line ends normalised to LF (a documented input rule), "
        + "so a template's CRLF lines are written with LF"
    static let missing =
        "a template that names a partial that does not exist is an error with its location, "
        + "not an empty string, so a typo never silently drops part of a page"

    /// The deliberate differences, by "file/test name", with the reason and what Guidepost does instead.
    static let deliberate: [String: (reason: String, instead: Instead)] = [
        "comments/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "delimiters/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "inverted/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "sections/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "partials/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "~dynamic-names/Standalone Line Endings": (crlf, .lineEndsNormalised),
        "partials/Failed Lookup": (
            missing,
            .error(
                "spec.mustache:1:2: error: there is no template \"text\"; create templates/text.mustache or fix the name")
        ),
        "~dynamic-names/Failed Lookup - Partial": (
            missing + " (for a dynamic name, when the page is rendered; a missing value still includes nothing)",
            .error(
                "spec.mustache:1:2: error: there is no template \"content\"; create templates/content.mustache or fix the name")
        ),
    ]

    enum Outcome: Equatable {
        case output(String)
        case errors([String])
    }

    /// Compiles and renders one spec test.
    static func run(_ test: ObjectMembers) -> Outcome {
        let template = test.string("template")
        var sources = [TemplateSource(name: "spec", file: SourceText(path: "spec.mustache", text: template))]
        if case .object(let partials)? = test["partials"] {
            for partial in partials {
                guard case .string(let text) = partial.value.value else { continue }
                sources.append(TemplateSource(name: partial.key, file: SourceText(path: "\(partial.key).mustache", text: text)))
            }
        }
        let data = test["data"].map(TemplateData.init(json:)) ?? .null
        switch TemplateLibrary.load(sources) {
        case .failure(let failure):
            return .errors(failure.diagnostics.map(\.description))
        case .success(let library):
            do {
                return .output(String(decoding: try library.renderBytes(data, with: "spec"), as: UTF8.self))
            } catch {
                return .errors([error.description])
            }
        }
    }

    @Test func passesTheSpecExceptDeliberateDifferences() throws {
        var lines = [
            "Mustache spec (\((try? String(contentsOf: Self.folder.appendingPathComponent("SOURCE"), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "mustache/spec")):"
        ]
        var problems: [String] = []
        var differences: [String] = []
        var totals = (passed: 0, failed: 0, deliberate: 0, tests: 0)
        for file in Self.files {
            let url = Self.folder.appendingPathComponent(file + ".json")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("cannot read \(url.path): the Mustache spec is expected in ../shared/conformance/mustache/")
                return
            }
            guard case .object(let top) = try JSONParser.parse(text).value,
                case .array(let tests)? = ObjectMembers(top)["tests"]
            else {
                Issue.record("\(file).json has no \"tests\" array")
                return
            }
            var counts = (passed: 0, failed: 0, deliberate: 0)
            for case .object(let members) in tests.map(\.value) {
                let test = ObjectMembers(members)
                let name = test.string("name")
                let expected = test.string("expected")
                let outcome = Self.run(test)
                let key = "\(file)/\(name)"
                if let (reason, instead) = Self.deliberate[key] {
                    let accepted: Bool
                    switch instead {
                    case .lineEndsNormalised:
                        accepted = outcome == .output(expected.replacingOccurrences(of: "\r\n", with: "\n")) && outcome != .output(expected)
                    case .error(let message):
                        accepted = outcome == .errors([message])
                    }
                    if accepted {
                        counts.deliberate += 1
                        differences.append("  \(file) \"\(name)\": \(reason)")
                    } else {
                        counts.failed += 1
                        problems.append(
                            "  \(key): listed as a deliberate difference, but the engine gives \(outcome) (expected \(expected.debugDescription))"
                        )
                    }
                } else if outcome == .output(expected) {
                    counts.passed += 1
                } else {
                    counts.failed += 1
                    problems.append("  \(key): expected \(expected.debugDescription), got \(outcome)")
                }
            }
            let total = counts.passed + counts.failed + counts.deliberate
            lines.append(
                "  \(file.padding(toLength: 16, withPad: " ", startingAt: 0)) \(counts.passed) passed, \(counts.failed) failed, "
                    + "\(counts.deliberate) deliberate difference\(counts.deliberate == 1 ? "" : "s") (\(total) tests)")
            totals.passed += counts.passed
            totals.failed += counts.failed
            totals.deliberate += counts.deliberate
            totals.tests += total
        }
        var skippedTests = 0
        for (file, reason) in Self.skipped.sorted(by: { $0.key < $1.key }) {
            let text = (try? String(contentsOf: Self.folder.appendingPathComponent(file + ".json"), encoding: .utf8)) ?? ""
            var count = 0
            if case .object(let top)? = try? JSONParser.parse(text).value, case .array(let tests)? = ObjectMembers(top)["tests"] {
                count = tests.count
            }
            skippedTests += count
            lines.append("  \(file.padding(toLength: 16, withPad: " ", startingAt: 0)) skipped (\(count) tests): \(reason)")
        }
        if !differences.isEmpty { lines += ["Deliberate differences:"] + differences }
        if !problems.isEmpty { lines += ["Failures:"] + problems }
        lines.append(
            "Mustache spec: \(totals.passed) passed, \(totals.failed) failed, \(totals.deliberate) deliberate differences, "
                + "\(skippedTests) skipped (~lambdas), of \(totals.tests + skippedTests) tests")
        print(lines.joined(separator: "\n"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(totals.tests > 0)
    }
}

/// A JSON object's members by key (the spec's tests are small objects).
struct ObjectMembers {
    let members: [JSONMember]

    init(_ members: [JSONMember]) { self.members = members }

    subscript(key: String) -> JSONValue? { members.first { $0.key == key }?.value.value }

    func string(_ key: String) -> String {
        if case .string(let text)? = self[key] { return text }
        return ""
    }
}
