import Diagnostics

/// Renders compiled templates into UTF-8 bytes: looks names up through the stack of open sections,
/// HTML-escapes `{{name}}`, expands partials, parents and blocks.
struct TemplateRenderer {
    /// How many partials and parents may be open at once: deep enough for any menu, shallow enough that a
    /// recursion the data never ends becomes an error instead of a crash.
    static let includeLimit = 100
    /// Every compiled template.
    let program: TemplateProgram
    /// The output so far (its owner takes the bytes, which frees it).
    var output: OutputBuffer
    /// The first error met: a recursion deeper than `includeLimit`, or a dynamic name that names no template.
    /// Rendering includes nothing more after it.
    private(set) var error: TemplateError?
    private var stack: [TemplateData] = []
    /// The view model of each entry of `stack` (`NoFields` for other values), so that a lookup calls each in place
    /// instead of copying the entry out of its enum.
    private var objects: [any TemplateObject] = []
    private var loops: [(index: Int, count: Int)] = []
    /// The blocks overridden by the parents being rendered, outermost first; a name is there at most once (the
    /// outermost parent's block wins), and an entry whose name is -1 is an override being rendered.
    private var overrides: [TemplateProgram.Override] = []
    private var indentation: [UInt8] = []
    private var depth = 0
    /// The sections being rendered, innermost last (shared by nested partials and blocks, which close theirs).
    private var open: [OpenSection] = []

    init(program: TemplateProgram, capacity: Int) {
        self.program = program
        self.output = OutputBuffer(capacity: capacity)
    }

    /// Renders template `name` with `root` as the outermost context.
    mutating func render(_ name: String, root: TemplateData) {
        objects = [Self.object(in: root)]
        stack = [root]
        open.reserveCapacity(16)
        guard let template = program.templateIndex[name] else { return }
        let range = program.templates[template]
        render(from: range.start, to: range.end)
    }

    /// A section being rendered: the list it walks, if any, and whether it pushed a context.
    private struct OpenSection {
        var items: [TemplateData]?
        var index: Int
        let body: Int
        let pushed: Bool
    }

    /// Renders instructions `start..<end`; sections are walked with the list of open sections, not by recursion.
    private mutating func render(from start: Int, to end: Int) {
        let code = program.instructions
        let pool = program.bytes.baseAddress!
        let indented = !indentation.isEmpty
        var index = start
        while index < end {
            let step = code[index]
            switch step.operation {
            case .text:
                let bytes = UnsafeBufferPointer(start: pool + step.a, count: step.b)
                if indented { writeIndented(bytes) } else { output.append(bytes) }
            case .variable:
                let escaped = step.b == 1
                guard indented else {
                    write(resolve(name: step.a), escaped: escaped)
                    break
                }
                // Inside an indented partial or block, each line written starts with the indentation, except
                // lines that come from inside an interpolated value.
                let before = output.count
                let atLineStart = output.isEmpty || output.last == Self.newline
                if atLineStart { append(indentation) }
                let afterIndentation = output.count
                write(resolve(name: step.a), escaped: escaped)
                if atLineStart, output.count == afterIndentation { output.truncate(to: before) }
            case .section:
                guard let section = enter(resolve(name: step.a), inverted: step.b == 1, body: index + 1) else {
                    index = step.c + 1
                    continue
                }
                open.append(section)
            case .end:
                let last = open.count - 1
                if open[last].items != nil {
                    let next = open[last].index + 1
                    if let item = nextItem(last, next) {
                        open[last].index = next
                        objects[objects.count - 1] = Self.object(in: item)
                        stack[stack.count - 1] = item
                        loops[loops.count - 1].index = next
                        index = open[last].body
                        continue
                    }
                    loops.removeLast()
                }
                if open[last].pushed {
                    stack.removeLast()
                    objects.removeLast()
                }
                open.removeLast()
            case .include:
                include(step)
            case .block:
                let savedIndentation = indentation.count
                if step.e > 0 { indentation.append(contentsOf: UnsafeBufferPointer(start: pool + step.d, count: step.e)) }
                if let found = overrides.firstIndex(where: { $0.name == step.a }) {
                    // Inside its own override, a block of the same name is that block's default: an override
                    // never expands into itself.
                    let override = overrides[found]
                    overrides[found] = TemplateProgram.Override(name: -1, start: override.start, end: override.end)
                    render(from: override.start, to: override.end)
                    overrides[found] = override
                } else {
                    render(from: step.b, to: step.c)
                }
                if step.e > 0 { indentation.removeSubrange(savedIndentation...) }
            }
            index += 1
        }
    }

    /// Item `next` of the list walked by open section `last`, if the list has one.
    private func nextItem(_ last: Int, _ next: Int) -> TemplateData? {
        guard let items = open[last].items, next < items.count else { return nil }
        return items[next]
    }

    private static let newline = UInt8(ascii: "\n")

    private mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { output.append($0) }
    }

    private mutating func writeIndented(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != Self.newline { end += 1 }
            if end < bytes.count { end += 1 }
            if output.isEmpty || output.last == Self.newline { append(indentation) }
            output.append(base + start, count: end - start)
            start = end
        }
    }

    /// Opens a section over `value` whose content starts at `body`; nil when the content is not rendered.
    private mutating func enter(_ value: consuming TemplateData, inverted: Bool, body: Int) -> OpenSection? {
        if inverted { return value.isTruthy ? nil : OpenSection(items: nil, index: 0, body: body, pushed: false) }
        switch consume value {
        case .list(let items):
            guard let first = items.first else { return nil }
            push(Self.object(in: first))
            stack.append(first)
            loops.append((0, items.count))
            return OpenSection(items: items, index: 0, body: body, pushed: true)
        case .bool(let flag):
            return flag ? OpenSection(items: nil, index: 0, body: body, pushed: false) : nil
        case .null:
            return nil
        case .object(let object):
            push(object)
            stack.append(.object(object))
            return OpenSection(items: nil, index: 0, body: body, pushed: true)
        case let scalar:
            // Text, bytes or a number: the context `{{.}}` reads, without fields of its own.
            objects.append(NoFields())
            stack.append(scalar)
            return OpenSection(items: nil, index: 0, body: body, pushed: true)
        }
    }

    /// Renders another template in place (instruction `step`, a partial or a parent); the outermost template's
    /// blocks win over inner ones. A dynamic name whose value is missing includes nothing.
    private mutating func include(_ step: TemplateProgram.Instruction) {
        guard error == nil else { return }
        var template = step.b
        if template < 0 {
            let reference = program.references[step.a]
            var name = reference.name
            if let path = reference.dynamic {
                switch lookup(path, anchored: false).text {
                case .string(let text) where !text.isEmpty: name = text
                case .int(let number): name = String(number)
                default: return
                }
            }
            guard let found = program.templateIndex[name] else {
                error = TemplateError.missingTemplate(reference.location, name: name)
                return
            }
            template = found
        }
        guard depth < Self.includeLimit else {
            let reference = program.references[step.a]
            let name = reference.dynamic == nil ? reference.name : program.templateNames[template]
            error = TemplateError.templateTooDeep(reference.location, name: name, limit: Self.includeLimit)
            return
        }
        let savedIndentation = indentation.count
        let savedOverrides = overrides.count
        if step.d > 0 {
            indentation.append(contentsOf: UnsafeBufferPointer(start: program.bytes.baseAddress! + step.c, count: step.d))
        }
        if step.e >= 0 {
            let group = program.groups[step.e]
            for position in group.start..<group.start + group.count {
                let block = program.overrides[position]
                if !overrides.contains(where: { $0.name == block.name }) { overrides.append(block) }
            }
        }
        let range = program.templates[template]
        depth += 1
        render(from: range.start, to: range.end)
        depth -= 1
        if indentation.count > savedIndentation { indentation.removeSubrange(savedIndentation...) }
        if overrides.count > savedOverrides { overrides.removeSubrange(savedOverrides...) }
    }

    // MARK: Values

    /// The value of name `index` of the program, read without retaining the name (the program keeps it).
    private func resolve(name index: Int) -> TemplateData {
        program.names[index]._withUnsafeGuaranteedRef { resolve($0) }
    }

    private func resolve(_ name: TemplateName) -> TemplateData {
        // The path read in place from the name (which the program keeps): binding it with `if let` would copy it,
        // a retain and a release of its names per tag.
        if name.isPlainPath { return lookup(name.path.unsafelyUnwrapped, anchored: name.anchored) }
        var value: TemplateData
        var transforms = name.transforms[...]
        if name.isCurrentItem {
            value = stack.last ?? .null
        } else if let path = name.path {
            value = lookup(path, anchored: name.anchored)
        } else {
            guard let loop = loops.last, let first = transforms.popFirst() else { return .null }
            value = Self.loopQuery(first, loop)
        }
        for transform in transforms { value = Self.apply(transform, to: value) }
        return value
    }

    /// The value at `path`: in the current item only when `anchored`, else in the innermost open context
    /// that has the path's first name.
    private func lookup(_ path: TemplatePath, anchored: Bool) -> TemplateData {
        var index = objects.count - 1
        if anchored { return index >= 0 ? objects[index].lookup(path) ?? .null : .null }
        while index >= 0 {
            if let found = objects[index].lookup(path) { return found }
            index -= 1
        }
        return .null
    }

    /// The view model `value` holds, or one without fields.
    private static func object(in value: TemplateData) -> any TemplateObject {
        guard case .object(let object) = value else { return NoFields() }
        return object
    }

    /// Pushes `object` on the `objects` stack. Not `objects.append(object)`: that call is compiled (existential
    /// specialization) into a copy of the view model out of its box, every field retained; a slot appended empty
    /// and then assigned takes only the reference to the box.
    private mutating func push(_ object: consuming any TemplateObject) {
        objects.append(NoFields())
        objects[objects.count - 1] = object
    }

    /// The fields of a value that is not a view model: none.
    private struct NoFields: TemplateObject {
        func lookup(_ path: TemplatePath) -> TemplateData? { nil }
    }

    private static func loopQuery(_ transform: TemplateTransform, _ loop: (index: Int, count: Int)) -> TemplateData {
        switch transform {
        case .first: return .bool(loop.index == 0)
        case .last: return .bool(loop.index == loop.count - 1)
        case .index: return .int(loop.index)
        case .even: return .bool(loop.index % 2 == 0)
        case .odd: return .bool(loop.index % 2 == 1)
        case .count: return .int(loop.count)
        default: return .null
        }
    }

    private static func apply(_ transform: TemplateTransform, to value: TemplateData) -> TemplateData {
        switch (transform, value.text) {
        case (.empty, .list(let items)): return .bool(items.isEmpty)
        case (.empty, .string(let text)): return .bool(text.isEmpty)
        case (.empty, .null): return .bool(true)
        case (.empty, .int(let number)): return .bool(number == 0)
        case (.empty, .double(let number)): return .bool(number == 0)
        case (.empty, _): return .bool(false)
        case (.count, .list(let items)): return .int(items.count)
        case (.count, .string(let text)): return .int(text.count)
        case (.first, .list(let items)): return items.first ?? .null
        case (.last, .list(let items)): return items.last ?? .null
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.reversed, .string(let text)): return .string(String(text.reversed()))
        case (.uppercased, .string(let text)): return .string(text.uppercased())
        case (.lowercased, .string(let text)): return .string(text.lowercased())
        case (.capitalized, .string(let text)): return .string(text.prefix(1).uppercased() + text.dropFirst())
        case (.even, .int(let number)): return .bool(number % 2 == 0)
        case (.odd, .int(let number)): return .bool(number % 2 != 0)
        default: return .null
        }
    }

    /// Writes the UTF-8 `bytes` (kept out of `write(_:escaped:)`, which the render loop inlines).
    @inline(never)
    private mutating func write(_ bytes: [UInt8], escaped: Bool) {
        bytes.withUnsafeBufferPointer { if escaped { HTMLEscaping.append($0, to: &output) } else { output.append($0) } }
    }

    /// Writes `value` (consumed: a switch over the address-only TemplateData would otherwise copy it first).
    private mutating func write(_ value: consuming TemplateData, escaped: Bool) {
        switch consume value {
        case .string(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(text) }
        case .bytes(let bytes):
            write(bytes, escaped: escaped)
        case .int(let number):
            output.append(String(number))
        case .double(let number):
            output.append(TemplateData.format(number))
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .list, .object, .null:
            break
        }
    }
}

/// HTML escaping of the five characters that matter in text and attribute values.
enum HTMLEscaping {
    /// Appends `text` to `output` with `& < > " '` replaced by entities.
    static func append(_ text: String, to output: inout OutputBuffer) {
        // A native string's bytes are read in place; a copy only for one that is not contiguous.
        if text.utf8.withContiguousStorageIfAvailable({ append($0, to: &output) }) == nil {
            var text = text
            text.withUTF8 { append($0, to: &output) }
        }
    }

    /// Appends the UTF-8 `bytes` to `output` with `& < > " '` replaced by entities.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them is one of the five; a word that has one jumps straight to the
            // first of them. The last few bytes (fewer than eight) one by one.
            if count - index >= 8 {
                let found = specialBytes(loadWord(base + index))
                guard found != 0 else {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            } else if !isSpecial(base[index]) {
                index += 1
                continue
            }
            output.append(base + runStart, count: index - runStart)
            let entity: StaticString
            switch base[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: entity = "&#39;"
            }
            output.append(entity.utf8Start, count: entity.utf8CodeUnitCount)
            index += 1
            runStart = index
        }
        output.append(base + runStart, count: count - runStart)
    }

    /// The eight bytes at `pointer`, the first in the lowest bits (whatever the machine's byte order).
    private static func loadWord(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Whether `byte` is one of `& < > " '`.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// A mask of the bytes of `word` (as `loadWord` reads it) that are `& < > " '`: nonzero exactly when one is,
    /// and its lowest set bit is in the first of them. (The zero-byte test may also flag a byte above a real match,
    /// through its borrow, never one below: so the lowest flag is always a real one.)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// The high bit of each zero byte of `x` (and maybe of bytes above one).
        func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & (ones &* 0x80) }
        return zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x3C)) | zeroBytes(word ^ (ones &* 0x3E))
            | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x27))
    }
}
