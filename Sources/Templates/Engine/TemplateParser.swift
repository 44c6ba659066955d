import Diagnostics

/// Compiles a template's text into nodes, reporting every syntax error with its location.
///
/// Follows the Mustache spec, set delimiters (`{{=<% %>=}}`) included. A line holding only tags that write
/// nothing themselves (sections, comments, partials, parents, blocks, delimiters) and spaces is "standalone"
/// and leaves no trace in the output; a standalone partial or parent indents every line it writes by the spaces
/// in front of it; the content of a standalone block loses its own indentation and takes the indentation of the
/// block it replaces. One pass over the text and one over its tokens: linear however deeply sections nest.
struct TemplateParser {
    private let path: String
    private let bytes: [UInt8]
    private(set) var errors = DiagnosticCollector()
    /// Each fixed-name `{{> name}}` or `{{< name}}` tag, and whether it is outside every section and block
    /// (so rendering the template always includes it).
    private(set) var references: [(name: String, location: SourceLocation, always: Bool)] = []
    /// Each `t.key` or `page.t.key` UI-string name, where its tag starts.
    private(set) var stringKeys: [(key: String, location: SourceLocation)] = []

    // Where the scan is: the current line, where it starts, and the column last computed on it.
    private var line = 1, lineStart = 0, columnOffset = 0, column = 1

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
        /// For a tag on a standalone line: the spaces in front of the line's first tag.
        var indentation: [UInt8]?
        /// Whether this is the first token written on its line.
        var startsLine = false
    }

    private static let brace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")

    /// The location of `offset`, on the current line; offsets are asked for in increasing order, so columns
    /// are counted once per line however many tags it holds.
    private mutating func location(_ offset: Int) -> SourceLocation {
        if columnOffset < lineStart || columnOffset > offset {
            columnOffset = lineStart
            column = 1
        }
        while columnOffset < offset {
            if bytes[columnOffset] & 0xC0 != 0x80 { column += 1 }
            columnOffset += 1
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    private static func matches(_ marker: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + marker.count <= bytes.count else { return false }
        for index in marker.indices where bytes[offset + index] != marker[index] { return false }
        return true
    }

    private mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        var open: [UInt8] = [Self.brace, Self.brace]
        var close: [UInt8] = [Self.closeBrace, Self.closeBrace]
        var index = 0
        var textStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard byte == open[0], Self.matches(open, in: bytes, at: index) else {
                index += 1
                continue
            }
            appendText(textStart..<index, to: &tokens)
            let at = location(index)
            var cursor = index + open.count
            var kind = TagKind.variable
            var closer = close
            if cursor < bytes.count {
                switch bytes[cursor] {
                case Self.brace:
                    kind = .unescaped
                    closer = [Self.closeBrace] + close
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "="):
                    kind = .delimiters
                    closer = [UInt8(ascii: "=")] + close
                default: break
                }
                if kind != .variable { cursor += 1 }
            }
            var nameStart = cursor
            while nameStart < bytes.count, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
            let contentAt = location(nameStart)
            var end = cursor
            var found = false
            while end + closer.count <= bytes.count {
                if bytes[end] == closer[0], Self.matches(closer, in: bytes, at: end) {
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
                errors.append(
                    TemplateError.templateSyntax(
                        at, detail: "this tag is not finished; close it with \(String(decoding: closer, as: UTF8.self))"))
                textStart = bytes.count
                index = bytes.count
                break
            }
            let content = kind == .comment ? "" : String(decoding: bytes[cursor..<end], as: UTF8.self).trimmingSpaces
            if kind == .delimiters {
                let parts = bytes[cursor..<end].split { $0 == 0x20 || $0 == 0x09 || $0 == Self.newline }
                if parts.count == 2, parts.allSatisfy({ !$0.contains(UInt8(ascii: "=")) }) {
                    open = Array(parts[0])
                    close = Array(parts[1])
                } else {
                    errors.append(
                        TemplateError.templateSyntax(
                            at, detail: "write new delimiters as {{=<% %>=}}: two markers separated by a space, without = in them"))
                }
            }
            tokens.append(Token(kind: .tag(kind, content: content, at: at, contentAt: contentAt)))
            index = end + closer.count
            textStart = index
        }
        appendText(textStart..<bytes.count, to: &tokens)
        return tokens
    }

    /// Appends the text in `range` as one token per line piece.
    private func appendText(_ range: Range<Int>, to tokens: inout [Token]) {
        var start = range.lowerBound
        var cursor = start
        while cursor < range.upperBound {
            if bytes[cursor] == Self.newline {
                tokens.append(textToken(start..<(cursor + 1)))
                start = cursor + 1
            }
            cursor += 1
        }
        if start < range.upperBound { tokens.append(textToken(start..<range.upperBound)) }
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
            if !markIfStandalone(&tokens, lineStart...index) { tokens[lineStart].startsLine = true }
            lineStart = index + 1
        }
    }

    /// Drops the spaces and line end of a line holding only tags that write nothing themselves; the line end
    /// stays when a block opens and closes on it (`{{$main}}{{/main}}`), since it ends the block's last line.
    private func markIfStandalone(_ tokens: inout [Token], _ line: ClosedRange<Int>) -> Bool {
        var firstTag: Int?
        var blocks: Set<String> = []
        var keepsLineEnd = false
        for index in line {
            switch tokens[index].kind {
            case .text(_, _, let blank):
                if !blank { return false }
            case .tag(let kind, let content, _, _):
                guard kind.canStandAlone else { return false }
                if firstTag == nil { firstTag = index }
                if kind == .block { blocks.insert(content) } else if kind == .close, blocks.contains(content) { keepsLineEnd = true }
            }
        }
        guard let firstTag else { return false }
        var indentation: [UInt8] = []
        for index in line {
            switch tokens[index].kind {
            case .text(let range, let endsLine, let blank):
                if index < firstTag { indentation += bytes[range] }
                if keepsLineEnd, endsLine {
                    let lineEnd = range.count > 1 && bytes[range.upperBound - 2] == 0x0D ? 2 : 1
                    tokens[index].kind = .text((range.upperBound - lineEnd)..<range.upperBound, endsLine: true, blank: blank)
                } else {
                    tokens[index].dropped = true
                }
            case .tag:
                tokens[index].indentation = indentation
            }
        }
        tokens[firstTag].startsLine = true
        return true
    }

    // MARK: Tree

    private struct Frame {
        var kind: TagKind
        var content: String
        var name: TemplateName?
        var reference: TemplateReference?
        var at: SourceLocation
        var indentation: [UInt8]?
        /// The content, for every frame but a section (a section's steps go inline into its owner's content).
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
        /// For a standalone block: the indentation of its first line, taken off each of its lines.
        var dedent: [UInt8]?
        /// For a section: where its opening step is in its owner's content.
        var opening = 0
    }

    /// How deeply blocks and parents may nest in one template (their content is nested, unlike sections').
    static let nestingLimit = 100

    private mutating func buildTree(_ tokens: [Token]) -> [TemplateNode] {
        var frames = [Frame(kind: .comment, content: "", at: SourceLocation(path: path))]
        // The frames that hold content (all but sections), open frames that are sections or blocks (what is
        // inside them may not be rendered), and the standalone blocks whose lines are re-indented.
        var owners = [0]
        var conditionalDepth = 0
        var reindented: [Int] = []
        var reportedNesting = false
        func append(_ node: TemplateNode) { Self.append(node, to: &frames[owners[owners.count - 1]].nodes) }
        func tooDeep(_ at: SourceLocation) -> Bool {
            guard owners.count > Self.nestingLimit else { return false }
            if !reportedNesting {
                errors.append(
                    TemplateError.templateSyntax(
                        at, detail: "blocks and parents are nested more than \(Self.nestingLimit) levels deep here"))
                reportedNesting = true
            }
            return true
        }
        for var token in tokens where !token.dropped {
            if token.startsLine, !reindented.isEmpty { dedent(&token, frames: &frames, reindented: reindented) }
            switch token.kind {
            case .text(let range, _, _):
                // Text between the blocks of `{{< parent}}` is ignored, as the spec says.
                if frames.count > 1, frames[frames.count - 1].kind == .parent { continue }
                if !range.isEmpty { append(.text(Array(bytes[range]))) }
            case .tag(let kind, let content, let at, let contentAt):
                if frames.count > 1, frames[frames.count - 1].kind == .parent, ![.block, .comment, .close, .delimiters].contains(kind) {
                    errors.append(TemplateError.templateSyntax(at, detail: "inside {{< parent}} only {{$block}} overrides are allowed"))
                    continue
                }
                switch kind {
                case .comment, .delimiters:
                    continue
                case .variable, .unescaped:
                    if let name = parseName(content, at: contentAt, tag: at) { append(.variable(name, escaped: kind == .variable)) }
                case .section, .inverted:
                    let owner = owners[owners.count - 1]
                    frames.append(
                        Frame(
                            kind: kind, content: content, name: parseName(content, at: contentAt, tag: at), at: at,
                            opening: frames[owner].nodes.count))
                    frames[owner].nodes.append(.end)  // replaced by the opening step when the section closes
                    conditionalDepth += 1
                case .block:
                    if !tooDeep(at), validPartialName(content, at: contentAt) {
                        frames.append(Frame(kind: kind, content: content, at: at, indentation: token.indentation))
                        conditionalDepth += 1
                        if token.indentation != nil { reindented.append(frames.count - 1) }
                    } else {
                        frames.append(Frame(kind: .comment, content: content, at: at))
                    }
                    owners.append(frames.count - 1)
                case .parent:
                    if !tooDeep(at), let reference = parseReference(content, at: at, contentAt: contentAt, always: conditionalDepth == 0) {
                        frames.append(Frame(kind: kind, content: content, reference: reference, at: at, indentation: token.indentation))
                    } else {
                        frames.append(Frame(kind: .comment, content: content, at: at))
                    }
                    owners.append(frames.count - 1)
                case .partial:
                    if let reference = parseReference(content, at: at, contentAt: contentAt, always: conditionalDepth == 0) {
                        append(.partial(reference, indentation: token.indentation.map { String(decoding: $0, as: UTF8.self) }))
                    }
                case .close:
                    guard frames.count > 1 else {
                        errors.append(TemplateError.templateSyntax(contentAt, detail: "this closing tag has no section to close"))
                        continue
                    }
                    let frame = frames.removeLast()
                    if frame.content != content {
                        errors.append(
                            TemplateError.templateSyntax(contentAt, detail: "this closing tag does not match the section it closes"))
                    }
                    if [.section, .inverted, .block].contains(frame.kind) { conditionalDepth -= 1 }
                    // A mismatched close (reported above) may end a frame that is not the innermost block.
                    while let last = reindented.last, last >= frames.count { reindented.removeLast() }
                    while let last = owners.last, last >= frames.count { owners.removeLast() }
                    Self.close(frame, into: &frames, owner: owners[owners.count - 1])
                }
            }
        }
        for frame in frames.dropFirst() {
            errors.append(TemplateError.templateSyntax(frame.at, detail: "a section is opened but never closed with {{/\(frame.content)}}"))
        }
        return frames[0].nodes
    }

    /// Takes the indentation of each enclosing standalone block off the start of a line (the first line
    /// written inside a block sets its indentation; blank lines do not).
    private func dedent(_ token: inout Token, frames: inout [Frame], reindented: [Int]) {
        var spaces: ArraySlice<UInt8>
        var blank = false
        switch token.kind {
        case .text(let range, _, let isBlank):
            var end = range.lowerBound
            while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            spaces = bytes[range.lowerBound..<end]
            blank = isBlank
        case .tag:
            spaces = token.indentation?[...] ?? []
        }
        var removed = 0
        for index in reindented {
            if frames[index].dedent == nil {
                if blank { break }
                frames[index].dedent = Array(spaces)
            }
            let dedent = frames[index].dedent ?? []
            guard spaces.starts(with: dedent) else { break }
            spaces = spaces.dropFirst(dedent.count)
            removed += dedent.count
        }
        guard removed > 0 else { return }
        switch token.kind {
        case .text(let range, let endsLine, let blank):
            token.kind = .text((range.lowerBound + removed)..<range.upperBound, endsLine: endsLine, blank: blank)
        case .tag:
            token.indentation = Array(spaces)
        }
    }

    /// Appends `node` to `nodes`, merging adjacent text.
    private static func append(_ node: TemplateNode, to nodes: inout [TemplateNode]) {
        if case .text(let more) = node, case .text(let existing)? = nodes.last {
            nodes[nodes.count - 1] = .text(existing + more)
        } else {
            nodes.append(node)
        }
    }

    /// Ends `frame`, whose content goes to the frame at `owner`.
    private static func close(_ frame: Frame, into frames: inout [Frame], owner: Int) {
        func append(_ node: TemplateNode) { Self.append(node, to: &frames[owner].nodes) }
        switch frame.kind {
        case .section, .inverted:
            // A section whose name is invalid was reported; the template is never rendered.
            let name =
                frame.name
                ?? TemplateName(
                    path: nil, anchored: false, transforms: [], isCurrentItem: true, line: frame.at.line, column: frame.at.column)
            frames[owner].nodes[frame.opening] = .section(name, inverted: frame.kind == .inverted, end: frames[owner].nodes.count)
            frames[owner].nodes.append(.end)
        case .block:
            if frames.count > 1, frames[frames.count - 1].kind == .parent {
                frames[frames.count - 1].overrides[frame.content] = frame.nodes
            } else {
                let indentation = frame.indentation.map { frame.dedent ?? $0 }
                append(.block(frame.content, frame.nodes, indentation: indentation.map { String(decoding: $0, as: UTF8.self) }))
            }
        case .parent:
            if let reference = frame.reference {
                append(
                    .parent(
                        reference, indentation: frame.indentation.map { String(decoding: $0, as: UTF8.self) }, overrides: frame.overrides))
            }
        default:
            break
        }
    }

    // MARK: Names

    private static let nameBytes: Set<UInt8> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_?".utf8)
    private static let templateNameBytes = nameBytes.union("./".utf8)
    private static let dynamicNameBytes = nameBytes.union("*".utf8)

    private mutating func validPartialName(_ name: String, at location: SourceLocation) -> Bool {
        guard !name.isEmpty, name.utf8.allSatisfy(Self.templateNameBytes.contains) else {
            errors.append(
                TemplateError.templateSyntax(location, detail: "\"\(name)\" is not a template name; use letters, digits, -, _ and /"))
            return false
        }
        return true
    }

    /// The template a `{{> …}}` or `{{< …}}` tag names: fixed, or read from the data (`*path`).
    private mutating func parseReference(_ content: String, at: SourceLocation, contentAt: SourceLocation, always: Bool)
        -> TemplateReference?
    {
        guard content.hasPrefix("*") else {
            guard validPartialName(content, at: contentAt) else { return nil }
            references.append((content, at, always))
            return TemplateReference(name: content, dynamic: nil, location: at)
        }
        let names = String(content.dropFirst()).trimmingSpaces.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.dynamicNameBytes.contains) }) else {
            errors.append(
                TemplateError.templateSyntax(
                    contentAt, detail: "\"\(content)\" is not a valid dynamic name; write * and a name, such as *item.kind"))
            return nil
        }
        return TemplateReference(name: content, dynamic: TemplatePath(names: names), location: at)
    }

    private mutating func parseName(_ raw: String, at location: SourceLocation, tag: SourceLocation) -> TemplateName? {
        var rest = Substring(raw)
        var transforms: [TemplateTransform] = []
        while let open = rest.firstIndex(of: "(") {
            let function = String(rest[..<open])
            guard rest.hasSuffix(")") else {
                errors.append(TemplateError.templateSyntax(location, detail: "this transform is not closed; write name(value)"))
                return nil
            }
            guard let transform = TemplateTransform(rawValue: function) else {
                let known = TemplateTransform.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(TemplateError.templateSyntax(location, detail: "there is no transform \"\(function)\"; use one of \(known)"))
                return nil
            }
            transforms.append(transform)
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        transforms.reverse()
        if rest == "." {
            return TemplateName(path: nil, anchored: false, transforms: transforms, isCurrentItem: true, line: tag.line, column: tag.column)
        }
        if rest.isEmpty {
            guard !transforms.isEmpty else {
                errors.append(TemplateError.templateSyntax(location, detail: "this tag has no name"))
                return nil
            }
            return TemplateName(
                path: nil, anchored: false, transforms: transforms, isCurrentItem: false, line: tag.line, column: tag.column)
        }
        let anchored = rest.hasPrefix(".")
        if anchored { rest = rest.dropFirst() }
        let names = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(Self.nameBytes.contains) }) else {
            errors.append(
                TemplateError.templateSyntax(
                    location, detail: "\"\(raw)\" is not a valid name; use letters, digits, -, _ and dots between names"))
            return nil
        }
        if let index = names.firstIndex(of: "t"), index + 1 < names.count, index == 0 || names[index - 1] == "page" {
            stringKeys.append((names[(index + 1)...].joined(separator: "."), tag))
        }
        return TemplateName(
            path: TemplatePath(names: names), anchored: anchored, transforms: transforms, isCurrentItem: false,
            line: tag.line, column: tag.column)
    }
}
