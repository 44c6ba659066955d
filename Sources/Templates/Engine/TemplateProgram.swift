/// Every template of a library compiled into one flat list of plain instructions, which rendering walks through
/// pointers without reference counting: text is a range of one byte pool, names, references and overrides are
/// indices into tables, and a partial with a fixed name is the index of its template.
final class TemplateProgram: @unchecked Sendable {
    /// What an instruction does; its operands `a`…`e` are read as the comments say.
    enum Operation: UInt8 {
        /// Writes bytes `a..<a+b` of the pool.
        case text
        /// Writes name `a`, HTML-escaped when `b` is 1.
        case variable
        /// Opens section `a` (inverted when `b` is 1), whose `.end` is instruction `c`.
        case section
        /// Closes the innermost section.
        case end
        /// Includes reference `a`, template `b` (-1: chosen by the data), with indentation bytes `c..<c+d`
        /// and, when `e` is not -1, the blocks of override group `e`.
        case include
        /// Block `a` (an interned block name) whose default content is instructions `b..<c`, with indentation
        /// bytes `d..<d+e`.
        case block
    }

    /// One step: an operation and its operands (trivial, so walking the list copies no reference). Full-width
    /// operands: no template, however large, can make an offset wrap.
    struct Instruction {
        let operation: Operation
        let a: Int, b: Int, c: Int, d: Int, e: Int

        init(_ operation: Operation, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0, _ d: Int = 0, _ e: Int = -1) {
            self.operation = operation
            self.a = a
            self.b = b
            self.c = c
            self.d = d
            self.e = e
        }
    }

    /// A block a parent overrides: its interned name and its content, instructions `start..<end`.
    struct Override {
        let name: Int, start: Int, end: Int
    }

    /// The instructions of every template.
    let instructions: UnsafeMutableBufferPointer<Instruction>
    /// Text and indentation, as UTF-8.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The names of variables and sections, unretained (`nameOwners` keeps them), so that reading one for a
    /// step retains nothing.
    let names: UnsafeMutableBufferPointer<Unmanaged<TemplateName>>
    private let nameOwners: [TemplateName]
    /// The references of partials and parents.
    let references: UnsafeMutableBufferPointer<TemplateReference>
    /// The overrides of every parent, group by group.
    let overrides: UnsafeMutableBufferPointer<Override>
    /// Each override group: where it starts in `overrides`, and how many it has.
    let groups: UnsafeMutableBufferPointer<(start: Int, count: Int)>
    /// Each template's instructions.
    let templates: UnsafeMutableBufferPointer<(start: Int, end: Int)>
    /// The index of each template in `templates`, by name.
    let templateIndex: [String: Int]
    /// The name of each template in `templates`.
    let templateNames: [String]

    /// Compiles `templates`.
    init(_ templates: [String: [TemplateNode]]) {
        var compiler = Compiler()
        let names = templates.keys.sorted()
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() { index[name] = position }
        compiler.templateIndex = index
        var ranges: [(start: Int, end: Int)] = []
        for name in names {
            let range = compiler.compile(templates[name] ?? [])
            ranges.append((range.lowerBound, range.upperBound))
        }
        self.instructions = Self.copy(compiler.instructions)
        self.bytes = Self.copy(compiler.bytes)
        self.nameOwners = compiler.names
        self.names = Self.copy(compiler.names.map { Unmanaged.passUnretained($0) })
        self.references = Self.copy(compiler.references)
        self.overrides = Self.copy(compiler.overrides)
        self.groups = Self.copy(compiler.groups)
        self.templates = Self.copy(ranges)
        self.templateIndex = index
        self.templateNames = names
    }

    deinit {
        instructions.deallocate()
        bytes.deallocate()
        names.deallocate()
        references.deinitialize().deallocate()
        overrides.deallocate()
        groups.deallocate()
        templates.deallocate()
    }

    private static func copy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = buffer.initialize(from: elements)
        return UnsafeMutableBufferPointer(rebasing: buffer[..<elements.count])
    }

    /// Turns node lists into instructions: each list is one contiguous run, the lists it holds (blocks'
    /// defaults, parents' overrides) are compiled before it.
    private struct Compiler {
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var names: [TemplateName] = []
        var references: [TemplateReference] = []
        var overrides: [Override] = []
        var groups: [(start: Int, count: Int)] = []
        var templateIndex: [String: Int] = [:]
        var blockNames: [String: Int] = [:]

        mutating func compile(_ nodes: [TemplateNode]) -> Range<Int> {
            // The lists inside blocks and parents first, so that this list's run is contiguous.
            var inner: [Int: (Range<Int>?, Int)] = [:]
            for (position, node) in nodes.enumerated() {
                switch node {
                case .block(_, let content, _):
                    inner[position] = (compile(content), -1)
                case .parent(_, _, let blocks):
                    var group: [Override] = []
                    for name in blocks.keys.sorted() {
                        let range = compile(blocks[name] ?? [])
                        group.append(Override(name: intern(name), start: range.lowerBound, end: range.upperBound))
                    }
                    groups.append((overrides.count, group.count))
                    overrides += group
                    inner[position] = (nil, groups.count - 1)
                default:
                    break
                }
            }
            let start = instructions.count
            for (position, node) in nodes.enumerated() {
                switch node {
                case .text(let text):
                    instructions.append(Instruction(.text, bytes.count, text.count))
                    bytes += text
                case .variable(let name, let escaped):
                    names.append(name)
                    instructions.append(Instruction(.variable, names.count - 1, escaped ? 1 : 0))
                case .section(let name, let inverted, let end):
                    names.append(name)
                    instructions.append(Instruction(.section, names.count - 1, inverted ? 1 : 0, start + end))
                case .end:
                    instructions.append(Instruction(.end))
                case .partial(let reference, let indentation):
                    instructions.append(include(reference, indentation: indentation, group: -1))
                case .parent(let reference, let indentation, _):
                    instructions.append(include(reference, indentation: indentation, group: inner[position]?.1 ?? -1))
                case .block(let name, _, let indentation):
                    let content = inner[position]?.0 ?? 0..<0
                    let (offset, count) = pool(indentation)
                    instructions.append(Instruction(.block, intern(name), content.lowerBound, content.upperBound, offset, count))
                }
            }
            return start..<instructions.count
        }

        private mutating func include(_ reference: TemplateReference, indentation: String?, group: Int) -> Instruction {
            references.append(reference)
            let template = reference.dynamic == nil ? templateIndex[reference.name] ?? -1 : -1
            let (offset, count) = pool(indentation)
            return Instruction(.include, references.count - 1, template, offset, count, group)
        }

        /// Where `text` is put in the byte pool (no indentation and an empty one both add nothing).
        private mutating func pool(_ text: String?) -> (Int, Int) {
            let offset = bytes.count
            if let text { bytes += text.utf8 }
            return (offset, bytes.count - offset)
        }

        private mutating func intern(_ name: String) -> Int {
            if let known = blockNames[name] { return known }
            blockNames[name] = blockNames.count
            return blockNames.count - 1
        }
    }
}
