import Content
import Diagnostics
import Markdown

/// A fact store and resolver shared by every fuzz input: two facts of different types.
private let facts: FactStore = {
    var errors: [BuildError] = []
    let file = SourceText(path: "facts/f.json", text: #"{"name": "Meta", "form": {"url": "https://example.com/f"}, "day": {"date": "2025-05-27"}}"#)
    return FactStore(FactFile.parse(file, namespace: "f", languages: ["fr", "nl", "en"]).0, errors: &errors)
}()

/// Resolves placeholders against `facts` and every `.md` link to a fixed URL, as the site does.
private struct FuzzResolver: MarkdownResolver {
    var used = 0
    mutating func expand(key: String, context: PlaceholderContext, at position: @autoclosure () -> TextPosition) -> String? {
        used += 1
        return try? facts.expansion(of: key, in: "fr", destination: context == .destination, at: position().located(in: "fuzz.md")).get()
    }
    mutating func resolveLink(_ destination: String, at position: @autoclosure () -> TextPosition) -> String? { "../other/" }
    mutating func report(_ problem: MarkdownProblem, at position: TextPosition) { used += 1 }
}

/// libFuzzer's entry point: front-matter splitting, JSON and fact parsing, placeholder expansion,
/// Markdown rendering and typography, on the same bytes. Any crash, hang or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? SourceText(path: "fuzz.md", bytes: bytes) else { return 0 }
    _ = try? JSONParser.parse(file.text)
    _ = FactFile.parse(file, namespace: "fuzz", languages: ["fr", "nl", "en"])
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
    return 0
}

/// libFuzzer's driver, from the sanitizer runtime.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM names an executable's entry point `<module>_main`; hand control to libFuzzer from there.
@_cdecl("GuidepostFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
