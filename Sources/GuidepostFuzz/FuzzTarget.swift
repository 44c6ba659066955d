import Content
import Diagnostics
import Markdown
import Templates

/// A fact store and resolver shared by every fuzz input: two facts of different types.
private let facts: FactStore = {
    var errors = DiagnosticCollector()
    let file = SourceText(
        path: "facts/f.json", text: #"{"name": "Meta", "form": {"url": "https://example.com/f"}, "day": {"date": "2025-05-27"}}"#)
    return FactStore(FactFile.parse(file, namespace: "f", languages: ["fr", "nl", "en"], errors: &errors), errors: &errors)
}()

/// French as the site formats it (`fr_BE`), made once.
private let french = LanguageLocale.make(language: "fr", locale: "fr_BE")!

/// Resolves placeholders against `facts` and every `.md` link to a fixed URL, as the site does.
private struct FuzzResolver: MarkdownResolver {
    var used = 0
    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        used += 1
        return try? facts.expansion(of: key, in: french, destination: context == .destination, at: position().located(in: "fuzz.md")).get()
    }
    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { "../other/" }
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { used += 1 }
}

/// A view model with a field of each kind, for rendering fuzzed templates.
private struct FuzzContext: TemplateObject {
    func lookup(_ path: TemplatePath) -> TemplateData? {
        switch path.head {
        case "name": return path.resolve("Meta <b>&</b> \"AI\"")
        case "flag": return path.resolve(true)
        case "off": return path.resolve(false)
        case "count": return path.resolve(3)
        case "items": return path.resolve(["a", "<b>", "c"])
        case "t": return path.resolve(["hello": "bonjour", "x": "{{name}}"])
        case "page": return path.resolve(FuzzContext())
        default: return nil
        }
    }
}

/// The template parser and renderer on the input as a template named `page` (a partial `p` exists):
/// any input either loads and renders, or is refused with located errors.
private func fuzzTemplates(_ file: SourceText) {
    let partial = TemplateSource(name: "p", file: SourceText(path: "templates/p.mustache", text: "<p>{{name}}</p>{{$b}}d{{/b}}"))
    let page = TemplateSource(name: "page", file: SourceText(path: "templates/page.mustache", text: file.text))
    switch TemplateLibrary.load([page, partial]) {
    case .success(let library):
        // A render error (a runaway recursion, a dynamic name naming nothing) is a located error, not a crash.
        let html = try? library.render(FuzzContext(), with: "page")
        precondition((try? library.render(FuzzContext(), with: "page")) == html, "a template rendered twice differs")
    case .failure(let failure):
        precondition(!failure.diagnostics.isEmpty, "a template load failed without an error")
    }
}

/// Front-matter editing as `translations mark` does it: when it succeeds, the field holds the value
/// and the Markdown body is untouched.
private func fuzzFrontMatterEditing(_ bytes: [UInt8]) {
    guard let raw = String(validating: bytes, as: UTF8.self) else { return }
    let value = "4f\"2a\\9c"
    guard let edited = try? FrontMatterEditor.setting("sourceHash", to: value, inRaw: raw, path: "fuzz.md") else { return }
    guard let original = try? SourceText(path: "fuzz.md", bytes: bytes), let before = try? FrontMatterSplitter.split(original) else {
        return
    }
    guard let after = try? FrontMatterSplitter.split(SourceText(path: "fuzz.md", bytes: Array(edited.utf8))) else {
        preconditionFailure("an edited front matter no longer parses")
    }
    guard case .object(let members) = after.json.value,
        // The first occurrence, as a build reads a field written twice (`ObjectReader.member`).
        case .string(let stored)? = members.first(where: { $0.key == "sourceHash" })?.value.value
    else {
        preconditionFailure("the edited field is missing")
    }
    precondition(stored == value, "the edited field holds \(stored)")
    precondition(before.body == after.body, "editing the front matter changed the body")
}

/// libFuzzer's entry point: front-matter splitting and editing, JSON and fact parsing, placeholder expansion,
/// Markdown rendering and typography, and the template parser and renderer, on the same bytes.
/// Any crash, hang, memory blow-up (`-rss_limit_mb`) or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? SourceText(path: "fuzz.md", bytes: bytes) else { return 0 }
    _ = try? JSONParser.parse(file.text)
    var factErrors = DiagnosticCollector()
    _ = FactFile.parse(file, namespace: "fuzz", languages: ["fr", "nl", "en"], errors: &factErrors)
    var resolver = FuzzResolver()
    switch Page.parse(file, language: "fr", relativePath: "fuzz.md") {
    case .success(let page):
        _ = MarkdownRenderer.render(page.body, options: MarkdownOptions(checklistPrefix: "fuzz", language: "fr"), resolver: &resolver)
    case .failure:
        break
    }
    let safe = MarkdownRenderer.render(file.text, options: MarkdownOptions(allowRawHTML: false, language: "nl"), resolver: &resolver).html
    // Safe mode must never let raw markup or script URLs through.
    precondition(!safe.contains("<script"), "raw <script> reached the output")
    precondition(!safe.lowercased().contains("href=\"javascript:"), "a javascript: link reached the output")
    _ = Typography.apply(file.text, language: "fr")
    fuzzTemplates(file)
    fuzzFrontMatterEditing(bytes)
    return 0
}

/// libFuzzer's driver, from the sanitizer runtime.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM names an executable's entry point `<module>_main`; hand control to libFuzzer from there.
@_cdecl("GuidepostFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
