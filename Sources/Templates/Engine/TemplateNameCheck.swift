import Diagnostics

/// Finds the names a template reads that its data can never provide (`{{page.titel}}`), before anything is
/// rendered: walks each template from the view model it is rendered with, through sections, partials, parents
/// and blocks, keeping the stack of types the renderer would have, and resolves each name as the renderer does
/// (the innermost type on the stack that has the first name, then each further name inside it).
struct TemplateNameCheck {
    /// What a section puts on the stack.
    private enum Scope: Hashable {
        /// A view model: its fields are names.
        case object(String)
        /// Free-form data or UI strings: any name may be there.
        case free
        /// Text or a number: no names, but `.` and anchored names see it.
        case value
    }

    private let sources: [String: TemplateSource]
    private var schemas: [String: TemplateSchema] = [:]
    private var stack: [Scope] = []
    private var overrides: [String: (nodes: [TemplateNode], owner: ObjectIdentifier, path: String)] = [:]
    private var depth = 0
    private var visited: Set<String> = []
    private var reported: Set<SourceLocation> = []
    private var layout = "", context = ""
    /// The unknown names found, each once, in the order met.
    private(set) var errors = DiagnosticCollector()

    /// How many partials and parents deep the walk follows (as rendering does).
    private static let includeLimit = TemplateRenderer.includeLimit

    init(sources: [String: TemplateSource]) {
        self.sources = sources
    }

    /// Checks the template `name` (which must exist) rendered with a view model of `schema`.
    mutating func check(_ name: String, with schema: TemplateSchema) {
        guard let source = sources[name] else { return }
        layout = name
        context = schema.type
        stack = [scope(of: .object(schema))!]
        overrides = [:]
        depth = 0
        walk(source.nodes, path: source.file.path)
    }

    // MARK: Walk

    /// Walks `nodes` of the template file at `path`; sections are followed with a list, not by recursion.
    private mutating func walk(_ nodes: [TemplateNode], path: String) {
        // For each open section: nil when it pushed nothing, else where an outer copy of its scope was taken out.
        var pushed: [Int??] = []
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, _):
                _ = kind(of: name, path: path)
            case .section(let name, let inverted, _):
                let found = kind(of: name, path: path)
                // A value the check knows nothing about (a name already reported) may hold any name: no
                // second error for what is written inside its section.
                let scope = found.map { sectionScope($0) } ?? (name.isCurrentItem ? nil : .free)
                pushed.append(!inverted ? scope.map { push($0) } : nil)
            case .end:
                if let last = pushed.popLast(), let removed = last { pop(removed) }
            case .partial(let reference, _):
                include(reference, blocks: nil, path: path)
            case .parent(let reference, _, let blocks):
                include(reference, blocks: blocks, path: path)
            case .block(let name, let content, _):
                if let override = overrides[name] {
                    let saved = overrides
                    overrides[name] = nil
                    walk(override.nodes, path: override.path)
                    overrides = saved
                } else {
                    walk(content, path: path)
                }
            }
        }
        while let last = pushed.popLast() { if let removed = last { pop(removed) } }
    }

    /// Puts `scope` on top. An outer copy is taken out: the inner one hides it for every name, so the stack
    /// stays as short as the number of types, however deeply sections nest.
    private mutating func push(_ scope: Scope) -> Int? {
        let removed = stack.firstIndex(of: scope)
        if let removed { stack.remove(at: removed) }
        stack.append(scope)
        return removed
    }

    private mutating func pop(_ removed: Int?) {
        let scope = stack.removeLast()
        if let removed { stack.insert(scope, at: removed) }
    }

    /// Follows a partial or parent in the current stack, once per template, stack and overrides.
    private mutating func include(_ reference: TemplateReference, blocks: [String: [TemplateNode]]?, path: String) {
        if let dynamic = reference.dynamic {
            // The template is chosen by the data; its name must still be one the data can have.
            let name = TemplateName(
                path: dynamic, anchored: false, transforms: [], isCurrentItem: false,
                line: reference.location.line, column: reference.location.column)
            _ = kind(of: name, path: path)
            return
        }
        guard let source = sources[reference.name], depth < Self.includeLimit else { return }
        let saved = overrides
        if let blocks {
            let owner = ObjectIdentifier(reference)
            for (block, nodes) in blocks where overrides[block] == nil { overrides[block] = (nodes, owner, path) }
        }
        var key = reference.name + "|"
        for scope in stack { key += "\(scope)," }
        for (block, override) in overrides.sorted(by: { $0.key < $1.key }) { key += "|\(block)@\(override.owner.hashValue)" }
        if visited.insert(key).inserted {
            depth += 1
            walk(source.nodes, path: source.file.path)
            depth -= 1
        }
        overrides = saved
    }

    // MARK: Names

    /// The kind of value `name` has here, reporting it when no type on the stack can provide it; nil when
    /// unknown (reported, or not worth a guess).
    private mutating func kind(of name: TemplateName, path: String) -> TemplateKind? {
        var transforms = name.transforms[...]
        var found: TemplateKind?
        if name.isCurrentItem {
            found = nil
        } else if let names = name.path?.names {
            found = resolve(names, anchored: name.anchored, at: SourceLocation(path: path, line: name.line, column: name.column))
        } else {
            guard let first = transforms.popFirst() else { return nil }
            found = [.index, .count].contains(first) ? .number : .flag
        }
        for transform in transforms { found = Self.apply(transform, to: found) }
        return found
    }

    private mutating func resolve(_ names: [String], anchored: Bool, at location: SourceLocation) -> TemplateKind? {
        var current: TemplateKind?
        var visible: [String] = []
        for scope in anchored ? Array(stack.suffix(1)) : stack.reversed() {
            switch scope {
            case .free: return nil
            case .value: continue
            case .object(let type):
                guard let schema = schemas[type] else { continue }
                if let kind = schema[names[0]] {
                    current = kind
                } else {
                    visible += schema.fields.map(\.name)
                }
            }
            if current != nil { break }
        }
        guard var kind = current else {
            report(names, failing: 0, candidates: visible, anchored: anchored, at: location)
            return nil
        }
        for index in names.indices.dropFirst() {
            switch Self.unwrapped(kind) {
            case .object(let schema):
                guard let next = schema[names[index]] else {
                    report(names, failing: index, candidates: schema.fields.map(\.name), anchored: anchored, at: location)
                    return nil
                }
                kind = next
            case .strings:
                guard index == names.count - 1 else {
                    report(names, failing: index + 1, candidates: [], anchored: anchored, at: location)
                    return nil
                }
                return .text
            case .free:
                return .free
            default:
                report(names, failing: index, candidates: [], anchored: anchored, at: location)
                return nil
            }
        }
        return kind
    }

    private mutating func report(_ names: [String], failing: Int, candidates: [String], anchored: Bool, at location: SourceLocation) {
        guard reported.insert(location).inserted else { return }
        let dot = anchored ? "." : ""
        let written = dot + names.joined(separator: ".")
        let suggestion = NameSuggestion.closest(to: names[failing], among: candidates).map { replacement in
            var fixed = names
            fixed[failing] = replacement
            return dot + fixed.joined(separator: ".")
        }
        errors.append(TemplateError.unknownTemplateName(location, name: written, layout: layout, context: context, suggestion: suggestion))
    }

    // MARK: Kinds

    private static func unwrapped(_ kind: TemplateKind) -> TemplateKind {
        if case .optional(let wrapped) = kind { return unwrapped(wrapped) }
        return kind
    }

    /// What a section over a value of `kind` puts on the stack (nil: nothing, as for a flag).
    private mutating func sectionScope(_ kind: TemplateKind) -> Scope? {
        switch Self.unwrapped(kind) {
        case .list(let element): return scope(of: element)
        default: return scope(of: kind)
        }
    }

    private mutating func scope(of kind: TemplateKind) -> Scope? {
        switch Self.unwrapped(kind) {
        case .object(let schema):
            schemas[schema.type] = schema
            return .object(schema.type)
        case .strings, .free: return .free
        case .text, .html, .number, .list: return .value
        case .flag: return nil
        case .optional: return nil
        }
    }

    /// The kind a transform gives (`count(list)` is a number); nil when nothing useful can be said.
    private static func apply(_ transform: TemplateTransform, to kind: TemplateKind?) -> TemplateKind? {
        switch transform {
        case .empty, .even, .odd: return .flag
        case .count, .index: return .number
        case .uppercased, .lowercased, .capitalized: return .text
        case .reversed: return kind
        case .first, .last:
            guard let kind, case .list(let element) = unwrapped(kind) else { return nil }
            return .optional(element)
        }
    }
}
