import Diagnostics

/// Compiles a template's text into nodes, reporting every syntax error with its location.
///
/// Follows the Mustache spec's whitespace rules: a line holding only one section, comment, partial or
/// block tag (and spaces) is "standalone" and leaves no trace in the output; a standalone partial
/// indents every line it writes by the spaces in front of it.
struct TemplateParser {
    private let path: String
    private let bytes: [UInt8]
    private(set) var errors: [BuildError] = []

    init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// The compiled nodes (meaningful only when `errors` is empty).
    mutating func parse() -> [TemplateNode] {
        var tokens = tokenize()
        markStandaloneLines(&tokens)
        return buildTree(tokens)
    }

    // MARK: Tokens

    private enum TagKind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters

        var canStandAlone: Bool { self != .variable && self != .unescaped }
    }

    private struct Token {
        enum Kind {
            case text(Range<Int>, endsLine: Bool, blank: Bool)
            case tag(TagKind, content: String, at: SourceLocation, contentAt: SourceLocation)
        }
        var kind: Kind
        var dropped = false
        var indentation: String?
    }

    private static let brace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")

    private func location(_ offset: Int, line: Int, lineStart: Int) -> SourceLocation {
        var column = 1
        var index = lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    private mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        var index = 0, line = 1, lineStart = 0, textStart = 0
        func flushText(upTo end: Int) {
            var start = textStart
            var cursor = textStart
            while cursor < end {
                if bytes[cursor] == Self.newline {
                    tokens.append(textToken(start..<(cursor + 1)))
                    start = cursor + 1
                }
                cursor += 1
            }
            if start < end { tokens.append(textToken(start..<end)) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard byte == Self.brace, index + 1 < bytes.count, bytes[index + 1] == Self.brace else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let at = location(index, line: line, lineStart: lineStart)
            var cursor = index + 2
            let triple = cursor < bytes.count && bytes[cursor] == Self.brace
            var kind = TagKind.variable
            if triple {
                kind = .unescaped
                cursor += 1
            } else if cursor < bytes.count {
                switch bytes[cursor] {
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "="): kind = .delimiters
                default: break
                }
                if kind != .variable { cursor += 1 }
            }
            var nameStart = cursor
            while nameStart < bytes.count, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
            let contentAt = location(nameStart, line: line, lineStart: lineStart)
            let closerLength = triple ? 3 : 2
            var end = cursor
            var found = false
            while end + closerLength <= bytes.count {
                if bytes[end] == Self.closeBrace, bytes[end + 1] == Self.closeBrace, !triple || bytes[end + 2] == Self.closeBrace {
                    found = true
                    break
                }
                if bytes[end] == Self.newline {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            guard found else {
                errors.append(.templateSyntax(at, detail: "this tag is not finished; close it with \(triple ? "}}}" : "}}")"))
                textStart = bytes.count
                index = bytes.count
                break
            }
            let content = String(decoding: bytes[cursor..<end], as: UTF8.self).trimmingSpaces
            tokens.append(Token(kind: .tag(kind, content: content, at: at, contentAt: contentAt)))
            index = end + closerLength
            textStart = index
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private func textToken(_ range: Range<Int>) -> Token {
        let endsLine = bytes[range.upperBound - 1] == Self.newline
        var blank = true
        for index in range {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 { continue }
            if byte == 0x0D, index + 1 < range.upperBound, bytes[index + 1] == Self.newline { continue }
            if byte == Self.newline, index == range.upperBound - 1 { continue }
            blank = false
            break
        }
        return Token(kind: .text(range, endsLine: endsLine, blank: blank))
    }

    // MARK: Standalone lines

    private func markStandaloneLines(_ tokens: inout [Token]) {
        var lineStart = 0
        for index in tokens.indices {
            var endsLine = index == tokens.count - 1
            if case .text(_, let ends, _) = tokens[index].kind, ends { endsLine = true }
            guard endsLine else { continue }
            markIfStandalone(&tokens, lineStart...index)
            lineStart = index + 1
        }
    }

    private func markIfStandalone(_ tokens: inout [Token], _ line: ClosedRange<Int>) {
        var tagIndex: Int?
        for index in line {
            switch tokens[index].kind {
            case .text(_, _, let blank):
                if !blank { return }
            case .tag(let kind, _, _, _):
                guard tagIndex == nil, kind.canStandAlone else { return }
                tagIndex = index
            }
        }
        guard let tagIndex else { return }
        var indentation = ""
        for index in line where index != tagIndex {
            if index < tagIndex, case .text(let range, _, _) = tokens[index].kind {
                indentation += String(decoding: bytes[range], as: UTF8.self)
            }
            tokens[index].dropped = true
        }
        tokens[tagIndex].indentation = indentation
    }

    // MARK: Tree

    private struct Frame {
        var kind: TagKind
        var content: String
        var name: TemplateName?
        var at: SourceLocation
        var indentation: String?
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
    }

    private mutating func buildTree(_ tokens: [Token]) -> [TemplateNode] {
        var frames = [Frame(kind: .section, content: "", at: SourceLocation(path: path))]
        func append(_ node: TemplateNode) { Self.append(node, to: &frames) }
        for token in tokens where !token.dropped {
            switch token.kind {
            case .text(let range, _, _):
                // Text between the blocks of `{{< parent}}` is ignored, as the spec says.
                if frames.count > 1, frames[frames.count - 1].kind == .parent { continue }
                append(.text(Array(bytes[range])))
            case .tag(let kind, let content, let at, let contentAt):
                if frames.count > 1, frames[frames.count - 1].kind == .parent, ![.block, .comment, .close].contains(kind) {
                    errors.append(.templateSyntax(at, detail: "inside {{< parent}} only {{$block}} overrides are allowed"))
                    continue
                }
                switch kind {
                case .comment:
                    continue
                case .delimiters:
                    errors.append(.templateSyntax(at, detail: "changing the delimiters is not supported; keep {{ }}"))
                case .variable, .unescaped:
                    if let name = parseName(content, at: contentAt) { append(.variable(name, escaped: kind == .variable)) }
                case .section, .inverted:
                    frames.append(Frame(kind: kind, content: content, name: parseName(content, at: contentAt), at: at))
                case .block, .parent:
                    if validPartialName(content, at: contentAt) {
                        frames.append(Frame(kind: kind, content: content, at: at, indentation: token.indentation))
                    } else {
                        frames.append(Frame(kind: .comment, content: content, at: at))
                    }
                case .partial:
                    if validPartialName(content, at: contentAt) { append(.partial(content, indentation: token.indentation)) }
                case .close:
                    guard frames.count > 1 else {
                        errors.append(.templateSyntax(contentAt, detail: "this closing tag has no section to close"))
                        continue
                    }
                    let frame = frames.removeLast()
                    if frame.content != content {
                        errors.append(.templateSyntax(contentAt, detail: "this closing tag does not match the section it closes"))
                    }
                    Self.close(frame, into: &frames)
                }
            }
        }
        for frame in frames.dropFirst() {
            errors.append(.templateSyntax(frame.at, detail: "a section is opened but never closed with {{/\(frame.content)}}"))
        }
        return frames[0].nodes
    }

    /// Appends `node` to the innermost open frame, merging adjacent text.
    private static func append(_ node: TemplateNode, to frames: inout [Frame]) {
        let last = frames.count - 1
        if case .text(let more) = node, case .text(let existing)? = frames[last].nodes.last {
            frames[last].nodes[frames[last].nodes.count - 1] = .text(existing + more)
        } else {
            frames[last].nodes.append(node)
        }
    }

    private static func close(_ frame: Frame, into frames: inout [Frame]) {
        func append(_ node: TemplateNode) { Self.append(node, to: &frames) }
        switch frame.kind {
        case .section, .inverted:
            if let name = frame.name { append(.section(name, frame.nodes, inverted: frame.kind == .inverted)) }
        case .block:
            if frames.count > 1, frames[frames.count - 1].kind == .parent {
                frames[frames.count - 1].overrides[frame.content] = frame.nodes
            } else {
                append(.block(frame.content, frame.nodes))
            }
        case .parent:
            append(.parent(frame.content, indentation: frame.indentation, overrides: frame.overrides))
        default:
            break
        }
    }

    // MARK: Names

    private static let nameBytes: Set<UInt8> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_?".utf8)
    private static let templateNameBytes = nameBytes.union("./".utf8)

    private mutating func validPartialName(_ name: String, at location: SourceLocation) -> Bool {
        guard !name.isEmpty, name.utf8.allSatisfy(Self.templateNameBytes.contains) else {
            errors.append(.templateSyntax(location, detail: "\"\(name)\" is not a template name; use letters, digits, -, _ and /"))
            return false
        }
        return true
    }

    private mutating func parseName(_ raw: String, at location: SourceLocation) -> TemplateName? {
        var rest = Substring(raw)
        var transforms: [TemplateTransform] = []
        while let open = rest.firstIndex(of: "(") {
            let function = String(rest[..<open])
            guard rest.hasSuffix(")") else {
                errors.append(.templateSyntax(location, detail: "this transform is not closed; write name(value)"))
                return nil
            }
            guard let transform = TemplateTransform(rawValue: function) else {
                let known = TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(.templateSyntax(location, detail: "there is no transform \"\(function)\"; use one of \(known)"))
                return nil
            }
            transforms.append(transform)
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        transforms.reverse()
        if rest == "." { return TemplateName(path: nil, anchored: false, transforms: transforms, isCurrentItem: true) }
        if rest.isEmpty {
            guard !transforms.isEmpty else {
                errors.append(.templateSyntax(location, detail: "this tag has no name"))
                return nil
            }
            return TemplateName(path: nil, anchored: false, transforms: transforms, isCurrentItem: false)
        }
        let anchored = rest.hasPrefix(".")
        if anchored { rest = rest.dropFirst() }
        let names = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.nameBytes.contains) }) else {
            errors.append(.templateSyntax(location, detail: "\"\(raw)\" is not a valid name; use letters, digits, -, _ and dots between names"))
            return nil
        }
        return TemplateName(path: TemplatePath(names: names), anchored: anchored, transforms: transforms, isCurrentItem: false)
    }
}
