import Diagnostics

/// Every template of the site, compiled once and checked for missing includes and for include loops that
/// no data can end (a loop through a section or block is a recursion the data ends; rendering limits its depth).
public struct TemplateLibrary: Sendable {
    private let compiled: TemplateProgram
    /// The sources, by name.
    public let sources: [String: TemplateSource]

    /// Collects the compiled `sources`, reporting syntax errors, missing partials and endless loops, all at once.
    /// Includes of `unreadable` templates (which exist but could not be read, an error already reported) are not reported again.
    public static func load(_ sources: [TemplateSource], unreadable: Set<String> = []) -> Result<TemplateLibrary, BuildFailure> {
        var errors = DiagnosticCollector()
        var templates: [String: [TemplateNode]] = [:]
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for source in sources {
            templates[source.name] = source.nodes
            errors += source.syntaxErrors
            for reference in source.references where byName[reference.name] == nil && !unreadable.contains(reference.name) {
                errors.append(TemplateError.missingTemplate(reference.location, name: reference.name))
            }
        }
        errors += cycles(in: byName)
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        return .success(TemplateLibrary(compiled: TemplateProgram(templates), sources: byName))
    }

    /// Every name that a template reads and that the view model it is rendered with can never provide
    /// (`{{page.titel}}`), each once, located and with the closest existing name. `roots` pairs each template
    /// rendered directly with its view model's schema; partials, parents and blocks are checked where they are
    /// included. Templates that do not exist are skipped.
    public func unknownNames(roots: [(template: String, context: TemplateSchema)]) -> DiagnosticCollector {
        var check = TemplateNameCheck(sources: sources)
        for root in roots { check.check(root.template, with: root.context) }
        return check.errors
    }

    /// Whether a template called `name` exists.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders `context` with the template `name` (which must exist); throws when the data drives a
    /// recursion too deep or a dynamic name to a template that does not exist.
    public func render<Context: TemplateObject>(_ context: consuming Context, with name: String) throws(TemplateError) -> String {
        String(decoding: try renderBytes(.object(context), with: name), as: UTF8.self)
    }

    /// Renders `context` with the template `name` into UTF-8 bytes, ready to be written. Consumed: a caller's last
    /// use moves it into the template data instead of copying every field.
    public func renderBytes<Context: TemplateObject>(_ context: consuming Context, with name: String) throws(TemplateError) -> [UInt8] {
        try renderBytes(.object(context), with: name)
    }

    /// Renders any value (a text, a list, a view model) with the template `name` into UTF-8 bytes.
    public func renderBytes(_ root: TemplateData, with name: String) throws(TemplateError) -> [UInt8] {
        var renderer = TemplateRenderer(program: compiled, capacity: 16 * 1024)
        renderer.render(name, root: root)
        // An exact-size copy (thousands of pages are kept in memory until they are written); frees the buffer.
        let bytes = renderer.output.take()
        if let error = renderer.error { throw error }
        return bytes
    }

    /// Each include loop made of references outside every section and block (so it never ends), once,
    /// reported at the reference that closes it.
    private static func cycles(in sources: [String: TemplateSource]) -> DiagnosticCollector {
        var errors = DiagnosticCollector()
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String, stack: [String]) {
            state[name] = 1
            let stack = stack + [name]
            for reference in sources[name]?.alwaysIncluded ?? [] where sources[reference.name] != nil {
                switch state[reference.name] {
                case 1?:
                    let start = stack.firstIndex(of: reference.name) ?? 0
                    errors.append(TemplateError.templateCycle(reference.location, chain: Array(stack[start...]) + [reference.name]))
                case nil:
                    visit(reference.name, stack: stack)
                default:
                    break
                }
            }
            state[name] = 2
        }
        for name in sources.keys.sorted() where state[name] == nil { visit(name, stack: []) }
        return errors
    }
}
