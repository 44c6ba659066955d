import Diagnostics

/// A problem in a Mustache template, or in rendering one, with where it is.
///
/// Every case's first value is the location; `message` says in plain words what is wrong and how to fix it.
public enum TemplateError: Error, Hashable, Sendable, DiagnosticConvertible {
    /// A Mustache template does not parse.
    case templateSyntax(SourceLocation, detail: String)
    /// A layout or partial names a template that does not exist.
    case missingTemplate(SourceLocation, name: String)
    /// Templates include each other in a loop.
    case templateCycle(SourceLocation, chain: [String])
    /// Rendering went deeper than the include limit: a recursive partial that the data does not end.
    case templateTooDeep(SourceLocation, name: String, limit: Int)
    /// A template reads a name that the view model it is rendered with (`context`, for the template `layout`)
    /// can never provide; `suggestion` is the closest name that exists.
    case unknownTemplateName(SourceLocation, name: String, layout: String, context: String, suggestion: String?)

    /// Where the problem is.
    public var location: SourceLocation {
        switch self {
        case .templateSyntax(let location, _), .missingTemplate(let location, _), .templateCycle(let location, _),
            .templateTooDeep(let location, _, _), .unknownTemplateName(let location, _, _, _, _):
            return location
        }
    }

    /// What is wrong and how to fix it, in plain words, without the location.
    public var message: String {
        switch self {
        case .templateSyntax(_, let detail):
            return "template syntax error: \(detail); fix the Mustache tag here"
        case .missingTemplate(_, let name):
            return "there is no template \"\(name)\"; create templates/\(name).mustache or fix the name"
        case .templateCycle(_, let chain):
            return "templates include each other in a loop (\(chain.joined(separator: " → "))); break the loop"
        case .templateTooDeep(_, let name, let limit):
            return "templates are included more than \(limit) levels deep here (\"\(name)\" again and again); "
                + "a template that includes itself must be ended by the data, e.g. inside a section over a list that is empty at the deepest level"
        case .unknownTemplateName(_, let name, let layout, let context, let suggestion):
            let fix = suggestion.map { "did you mean \"\($0)\"?" } ?? "fix the name;"
            return
                "unknown name \"\(name)\" (the \"\(layout)\" template gets \(context)); \(fix) docs/template-names.md lists every name a template can use"
        }
    }
}
