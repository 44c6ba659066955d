import Content
import Diagnostics
import Mustache

/// Every template of the site, parsed once and checked for missing includes and include loops.
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary
    /// The sources, by name.
    public let sources: [String: TemplateSource]

    /// Parses `sources`, reporting syntax errors, missing partials and loops, all at once.
    public static func load(_ sources: [TemplateSource]) -> Result<TemplateLibrary, BuildFailure> {
        var errors: [BuildError] = []
        var templates: [String: MustacheTemplate] = [:]
        let byName = Dictionary(sources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for source in sources {
            do {
                templates[source.name] = try MustacheTemplate(string: source.file.text)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(path: source.file.path, line: error.context.lineNumber, column: error.context.columnNumber)
                errors.append(.templateSyntax(location, detail: TemplateLibrary.explain(error.error)))
            } catch {
                errors.append(.templateSyntax(SourceLocation(path: source.file.path), detail: "\(error)"))
            }
            for reference in source.references where byName[reference.name] == nil {
                errors.append(.missingTemplate(reference.location, name: reference.name))
            }
        }
        errors += cycles(in: byName)
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        return .success(TemplateLibrary(library: MustacheLibrary(templates: templates), sources: byName))
    }

    /// Whether a template called `name` exists.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders `context` with the template `name` (which must exist).
    public func render(_ context: Any, with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "this closing tag does not match the section it closes"
        case .unfinishedName?: return "this tag is not finished; close it with }}"
        case .expectedSectionEnd?: return "a section is opened but never closed with {{/name}}"
        case .invalidSetDelimiter?: return "the set-delimiter tag is malformed"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "inside {{< parent}} only {{$block}} overrides are allowed"
        default: return "\(error)"
        }
    }

    /// Each include loop once, reported at the reference that closes it.
    private static func cycles(in sources: [String: TemplateSource]) -> [BuildError] {
        var errors: [BuildError] = []
        var state: [String: Int] = [:] // 1 visiting, 2 done
        func visit(_ name: String, stack: [String]) {
            state[name] = 1
            let stack = stack + [name]
            for reference in sources[name]?.references ?? [] where sources[reference.name] != nil {
                switch state[reference.name] {
                case 1?:
                    let start = stack.firstIndex(of: reference.name) ?? 0
                    errors.append(.templateCycle(reference.location, chain: Array(stack[start...]) + [reference.name]))
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
