import CCmarkArena
import CCmarkGFM
import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Renders Markdown to HTML with cmark-gfm, rewriting its syntax tree on the way.
///
/// This is the only file that touches cmark pointers (the arena in Sources/CCmarkArena owns their memory): a document's
/// parser, nodes and HTML live in the thread's arena and are released together when `render` returns.
/// The rewrites, in order: fact placeholders in text and link destinations, relative `.md` links,
/// raw HTML and dangerous URLs when raw HTML is off, heading ids, and interactive checklists.
public enum MarkdownRenderer {
    /// The GFM extensions every document gets, found by name in cmark-gfm's registry.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// Where the autolink extension is in `extensionNames` (and `extensions`).
    private static let autolinkIndex = extensionNames.firstIndex(of: "autolink")!

    /// The extensions of `extensionNames`, looked up once (cmark-gfm's registry keeps them for the process).
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        _ = registered
        return extensionNames.map { name in
            guard let ext = cmark_find_syntax_extension(name) else {
                preconditionFailure("cmark-gfm has no \(name) extension; install libcmark-gfm-extensions-dev")
            }
            return ext
        }
    }()

    /// cmark-gfm keeps the inline parser's special characters in a process-wide table that every
    /// `cmark_parser_finish` fills with its extensions' characters and then clears (github/cmark-gfm#176),
    /// so two inline parses at once corrupt each other. Only that step is serialised; block parsing,
    /// the tree rewrites and HTML rendering stay parallel.
    private static let inlineParsing = NSLock()

    /// Renders `markdown` with `options`, asking `resolver` for facts and article links.
    public static func render<R: MarkdownResolver>(
        _ markdown: String, options: MarkdownOptions, resolver: inout R
    ) -> RenderedMarkdown {
        render(markdown, options: options, resolver: &resolver, footnotes: nil, autolinks: nil)
    }

    /// Whether a text can hold a footnote: only then is cmark-gfm asked to parse them. With the option on, it
    /// walks the whole tree twice after parsing (`process_footnotes`), footnotes or not. A definition needs
    /// `[^` as written; a reference is a `[` followed by a text starting with `^`: typed (`[^`, `[\^`), or
    /// a character reference right after the bracket (`[&#94;`, `[&Hat;`). So: a `^` anywhere, or `[&`.
    static func mayHaveFootnotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, Int32(UInt8(ascii: "^")), bytes.count) != nil { return true }
        return ByteSearch.containsPair(UInt8(ascii: "["), UInt8(ascii: "&"), in: bytes)
    }

    /// Whether a text can hold an extended autolink: only then is cmark-gfm's autolink extension attached.
    /// Attached, its postprocessing walks the whole tree and merges its texts again (some 14,000
    /// instructions a page), links or not. It links `www.` and `…://` as written (its inline matches read the
    /// source), and e-mail addresses, found by their `@` in texts after escapes and character references are
    /// decoded (`&#64;`): so a `@` or a `&` anywhere, `://`, or `www.` in any case.
    static func mayHaveAutolinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil {
            return true
        }
        let scheme = ByteSearch.any(UInt8(ascii: ":"), in: bytes) {
            $0 + 2 < bytes.count && base[$0 + 1] == UInt8(ascii: "/") && base[$0 + 2] == UInt8(ascii: "/")
        }
        return scheme
            || ByteSearch.any(UInt8(ascii: "."), in: bytes) { offset in
                offset >= 3 && (0..<3).allSatisfy { base[offset - 1 - $0] | 0x20 == UInt8(ascii: "w") }
            }
    }

    /// `render(_:options:resolver:)`, with footnotes parsed and the autolink extension attached when
    /// `footnotes` and `autolinks` say so, or when `mayHaveFootnotes` and `mayHaveAutolinks` find them
    /// possible (nil; tests compare the two).
    static func render<R: MarkdownResolver>(
        _ markdown: String, options: MarkdownOptions, resolver: inout R, footnotes: Bool?, autolinks: Bool?
    ) -> RenderedMarkdown {
        _ = registered
        var text = markdown
        // Before cmark sees it: a table bomb would make cmark-gfm allocate without bound.
        if let header = text.withUTF8({ TableBudget.overflow(in: $0) }) {
            resolver.report(.tableTooLarge(limit: TableBudget.limit), at: header)
            return RenderedMarkdown(html: "", headings: [], checklists: [])
        }
        let smart = Typography.applies(to: options.language) ? CMARK_OPT_SMART : 0
        // Every cmark allocation of this document comes from the thread's arena and is given back at once.
        let arena = guidepost_arena_begin()
        defer { guidepost_arena_end(arena) }
        let parseFootnotes = footnotes ?? text.withUTF8 { mayHaveFootnotes($0) }
        let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS | (parseFootnotes ? CMARK_OPT_FOOTNOTES : 0) | smart, arenaAllocator)!
        let attachAutolinks = autolinks ?? text.withUTF8 { mayHaveAutolinks($0) }
        for (index, ext) in extensions.enumerated() where attachAutolinks || index != autolinkIndex {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        inlineParsing.lock()
        let document = cmark_parser_finish(parser)!
        inlineParsing.unlock()
        // The rewrites see each run of text as one node: `cmark_parser_finish` merges the text nodes the inline
        // parser split (at `_`, `*`, `[`, escapes…) before the extensions' postprocessing, and the only one
        // (autolink's) splits a text into text, link, text, so no two texts are adjacent after it.

        var rewriter = TreeRewriter(options: options, source: SourceMap(markdown))
        rewriter.rewrite(document, resolver: &resolver)

        guard
            let html = cmark_render_html_with_mem(
                document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser), arenaAllocator)
        else {
            return RenderedMarkdown(html: "", headings: rewriter.headings, checklists: rewriter.checklists)
        }
        // The bytes as cmark wrote them, without `String(cString:)`'s UTF-8 check: cmark copies its input (a Swift
        // string, valid UTF-8) and encodes references validly (U+FFFD for what cannot be a character), except that it
        // writes `&#xFFFE;` and `&#xFFFF;` as the lone bytes 0xFE and 0xFF. Only a page with one of those is repaired
        // as `String(cString:)` did (U+FFFD for each); two `memchr`s find them at a fraction of a full check's cost.
        let count = strlen(html)
        let bytes = UnsafeRawBufferPointer(start: html, count: count)
        let invalid = memchr(html, 0xFE, count) != nil || memchr(html, 0xFF, count) != nil
        let htmlBytes = invalid ? Array(String(decoding: bytes, as: UTF8.self).utf8) : Array(bytes)
        var rendered = RenderedMarkdown(htmlBytes: htmlBytes, headings: rewriter.headings, checklists: rewriter.checklists)
        rendered.fragments = rewriter.fragments
        rendered.callouts = rewriter.callouts
        return rendered
    }

    /// Renders `markdown` with no facts and no article links (placeholders stay literal).
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        var resolver = LiteralResolver()
        return render(markdown, options: options, resolver: &resolver)
    }
}

/// The thread's arena as cmark's allocator (Sources/CCmarkArena): valid while a document renders.
private var arenaAllocator: UnsafeMutablePointer<cmark_mem> { guidepost_arena_allocator().assumingMemoryBound(to: cmark_mem.self) }

/// A new node of `type`, from the document's arena as the parsed ones are.
private func newNode(_ type: cmark_node_type) -> OpaquePointer {
    cmark_node_new_with_mem(type, arenaAllocator)!
}

/// One pass over a parsed document that collects nodes, then rewrites them.
private struct TreeRewriter {
    let options: MarkdownOptions
    let source: SourceMap
    var headings: [Heading] = []
    var checklists: [Checklist] = []
    var slugger = Slugger()
    /// Links whose text is their URL (bare `https://…`, `www.…`, e-mail and `<…>` autolinks), with that text.
    var autolinks: [OpaquePointer: String] = [:]
    /// Links to a part of this page (`#part`), checked by the site once every page is rendered.
    var fragments: [PageFragment] = []
    /// The callouts made, by type, in document order.
    var callouts: [String] = []

    /// What can make typography change a text of `options.language`, worked out once for the document.
    let typography: Typography.Triggers?
    /// The bytes `RewriteScan` stops at for `typography`.
    let rewriteStops: UnsafePointer<CChar>

    init(options: MarkdownOptions, source: SourceMap) {
        self.options = options
        self.source = source
        self.typography = options.language.map(Typography.triggers(for:))
        self.rewriteStops = RewriteScan.stops(for: typography)
    }

    mutating func rewrite<R: MarkdownResolver>(_ document: OpaquePointer, resolver: inout R) {
        // Room for a usual page's texts and links at once: growing these arrays from empty cost a
        // reallocation at each power of two.
        var texts: [OpaquePointer] = []
        texts.reserveCapacity(64)
        var links: [OpaquePointer] = []
        links.reserveCapacity(16)
        // Raw HTML, headings, lists and block quotes, with their type: a page has a few of each, and one
        // array for them all costs one allocation where four grew from empty.
        var blocks: [(node: OpaquePointer, type: cmark_node_type)] = []
        blocks.reserveCapacity(16)
        // In document order (cmark's iterator's entering events), by the tree's own links: no exit events,
        // no iterator state.
        var next = cmark_node_first_child(document)
        while let node = next {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: texts.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                links.append(node)
                if let text = autolinkText(node) { autolinks[node] = text }
            case let type
            where type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HEADING
                || type == CMARK_NODE_LIST || type == CMARK_NODE_BLOCK_QUOTE:
                blocks.append((node, type))
            default: break
            }
            next = cmark_node_first_child(node)
            var current: OpaquePointer? = node
            while next == nil, let up = current, up != document {
                next = cmark_node_next(up)
                current = cmark_node_parent(up)
            }
        }
        // Callouts first, before typography could change their markers: the marker's nodes are freed.
        var removed = Set<OpaquePointer>()
        // Each step takes its nodes by the type recorded here: a node freed by an earlier step is never read.
        for (node, type) in blocks where type == CMARK_NODE_BLOCK_QUOTE { makeCallout(node, removed: &removed) }
        if !removed.isEmpty { texts.removeAll { removed.contains($0) } }
        for node in texts { expandText(node, resolver: &resolver) }
        for node in links { rewriteDestination(node, resolver: &resolver) }
        if !options.allowRawHTML {
            for (node, type) in blocks where type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                cmark_node_set_literal(node, "<!-- raw HTML omitted -->")
            }
        }
        // After every other rewrite of their children, and last first (an image may sit inside another's
        // alt text): a replaced image node is freed with its children.
        let images = links.filter { cmark_node_get_type($0) == CMARK_NODE_IMAGE }
        for index in images.indices.reversed() { replaceImage(images[index], index: index, resolver: &resolver) }
        // Checklists first: headings must not take their ids, nor the template's.
        // A closure, not `\.node`: a key path is looked up at run time for every element.
        let lists = blocks.lazy.filter { $0.type == CMARK_NODE_LIST }.map { $0.node }
        let merged = keepImagesInChecklists(lists)
        var listNumber = 0
        for node in lists where !merged.contains(node) && containsTasks(node) {
            listNumber += 1
            makeChecklist(node, number: listNumber)
        }
        slugger.reserve(set: options.reservedIDs)
        for checklist in checklists { slugger.reserve(prefix: checklist.id, numberedUpTo: checklist.itemCount) }
        headings.reserveCapacity(blocks.count)
        for (node, type) in blocks where type == CMARK_NODE_HEADING { addAnchor(to: node) }
    }

    private func position(of node: OpaquePointer, offset: Int = 0) -> TextPosition {
        if let start = autolinkStart(of: node) {
            let position = source.position(ofOffset: start)
            return TextPosition(line: position.line, column: position.column + offset)
        }
        let line = Int(cmark_node_get_start_line(node))
        let column = source.lines.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
        return TextPosition(line: max(line, 1), column: max(column, 1) + offset)
    }

    /// The visible text of a link whose text is its URL (as the autolink extension makes them), or nil.
    private func autolinkText(_ link: OpaquePointer) -> String? {
        guard cmark_node_get_type(link) == CMARK_NODE_LINK, let child = cmark_node_first_child(link), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(child), let url = cmark_node_get_url(link)
        else { return nil }
        // Compared as C strings, against static prefixes: a Swift string is made only for the (rare) autolinks.
        let sameAfter = { (prefix: StaticString) in
            let count = prefix.utf8CodeUnitCount
            return strncmp(url, UnsafeRawPointer(prefix.utf8Start).assumingMemoryBound(to: CChar.self), count) == 0
                && strcmp(url + count, literal) == 0
        }
        guard strcmp(url, literal) == 0 || sameAfter("http://") || sameAfter("mailto:") else { return nil }
        return String(cString: literal)
    }

    /// The byte offset where an autolink's text (or the text node inside one) starts in the source.
    /// cmark-gfm gives bare autolinks no position, so the text is searched for after the nearest
    /// sibling (or ancestor) that has one; located autolinks are remembered.
    private func autolinkStart(of node: OpaquePointer) -> Int? {
        var link = node
        if cmark_node_get_type(node) == CMARK_NODE_TEXT, let parent = cmark_node_parent(node) { link = parent }
        guard autolinks[link] != nil else { return nil }
        if let known = source.located[link] { return known }
        // Walk back to an anchor: a located autolink, a node with a position, or the parent.
        var chain = [link]
        var lowerBound = 0
        var current = link
        while true {
            if let previous = cmark_node_previous(current) {
                if let text = autolinks[previous], let known = source.located[previous] {
                    lowerBound = known + text.utf8.count
                    break
                }
                if autolinks[previous] == nil, cmark_node_get_start_line(previous) > 0 {
                    lowerBound = source.offset(
                        line: Int(cmark_node_get_start_line(previous)), column: Int(cmark_node_get_start_column(previous)))
                    break
                }
                if autolinks[previous] != nil { chain.append(previous) }
                current = previous
            } else if let parent = cmark_node_parent(current) {
                if cmark_node_get_start_line(parent) > 0 {
                    lowerBound = source.offset(
                        line: Int(cmark_node_get_start_line(parent)), column: Int(cmark_node_get_start_column(parent)))
                    break
                }
                current = parent
            } else {
                break
            }
        }
        // The search stays inside the block that holds the link (the text may be written otherwise, `\_`).
        var block = cmark_node_parent(link)
        while let current = block, cmark_node_get_end_line(current) <= 0 { block = cmark_node_parent(current) }
        let end = block.map { source.offset(line: Int(cmark_node_get_end_line($0)) + 1, column: 1) } ?? Int.max
        for autolink in chain.reversed() {
            let text = autolinks[autolink] ?? ""
            // A `www.` link's own position is one column early; it is only a lower bound.
            var from = lowerBound
            if cmark_node_get_start_line(autolink) > 0 {
                from = max(
                    from,
                    source.offset(line: Int(cmark_node_get_start_line(autolink)), column: Int(cmark_node_get_start_column(autolink))) - 1)
            }
            let start = source.find(text, from: from, before: end) ?? from
            source.located[autolink] = start
            lowerBound = start + text.utf8.count
        }
        return source.located[link]
    }

    /// Expands placeholders, then applies the language's typography, in one text node.
    private func expandText<R: MarkdownResolver>(_ node: OpaquePointer, resolver: inout R) {
        // Most text nodes hold nothing to rewrite: decided on cmark's bytes, before making a Swift string.
        guard let raw = cmark_node_get_literal(node), needsRewrite(raw) else { return }
        let literal = String(cString: raw)
        var placeholders: [Placeholder] = []
        if Placeholder.mayContain(literal) {
            placeholders = Placeholder.scan(literal)
            if placeholders.contains(where: { Citation.keys(in: $0.key) != nil }) {
                return splitCitations(node, literal: literal, placeholders: placeholders, resolver: &resolver)
            }
        }
        var text = Placeholder.expand(literal, placeholders: placeholders) { placeholder in
            resolver.expand(key: placeholder.key, context: .text, at: position(of: node, offset: placeholder.characterOffset))
        }
        // cmark already curled the quotes in the Markdown; facts get the same treatment here. The text of an
        // autolink is its URL, which stays byte-exact.
        if let language = options.language, let typography, !isAutolinkText(node) {
            text = Typography.apply(text, language: language, triggers: typography)
        }
        // Through `withCString` (a native string's own NUL-terminated storage): passing a `String` where C
        // wants a pointer copied it into a new array first.
        if text != literal { _ = text.withCString { cmark_node_set_literal(node, $0) } }
    }

    /// Replaces a text node holding `{{cite …}}` with text nodes (facts expanded, typography applied) and,
    /// for each citation, an inline node that prints its numbered links.
    private func splitCitations<R: MarkdownResolver>(_ node: OpaquePointer, literal: String, placeholders: [Placeholder], resolver: inout R)
    {
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            let text = newNode(CMARK_NODE_TEXT)
            cmark_node_set_literal(text, options.language.map { Typography.apply(pending, language: $0) } ?? pending)
            cmark_node_insert_before(node, text)
            pending = ""
        }
        var cursor = literal.startIndex
        for placeholder in placeholders {
            pending += literal[cursor..<placeholder.range.lowerBound]
            cursor = placeholder.range.upperBound
            if let keys = Citation.keys(in: placeholder.key) {
                guard let citations = resolver.cite(keys, at: position(of: node, offset: placeholder.characterOffset)) else {
                    pending += literal[placeholder.range]
                    continue
                }
                flush()
                let reference = newNode(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(reference, Citation.html(citations))
                cmark_node_set_on_exit(reference, "")
                cmark_node_insert_before(node, reference)
            } else {
                pending +=
                    resolver.expand(key: placeholder.key, context: .text, at: position(of: node, offset: placeholder.characterOffset))
                    ?? String(literal[placeholder.range])
            }
        }
        pending += literal[cursor...]
        flush()
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Whether a text holds `{{` (a fact), or something the language's typography changes.
    private func needsRewrite(_ raw: UnsafePointer<CChar>) -> Bool {
        RewriteScan.needsRewrite(raw, stops: rewriteStops)
    }

    private func isAutolinkText(_ node: OpaquePointer) -> Bool {
        guard !autolinks.isEmpty, let parent = cmark_node_parent(node) else { return false }
        return autolinks[parent] != nil
    }

    private mutating func rewriteDestination<R: MarkdownResolver>(_ node: OpaquePointer, resolver: inout R) {
        rewriteTitle(node, resolver: &resolver)
        guard let original = cmark_node_get_url(node).map({ String(cString: $0) }) else { return }
        var url = original
        if Placeholder.mayContain(url) {
            // In an autolink the URL is also the text: a placeholder is located where it is typed.
            let prefix = autolinks[node].map { original.count - $0.count }
            url = Placeholder.expand(url) { placeholder in
                resolver.expand(
                    key: placeholder.key, context: .destination,
                    at: position(of: node, offset: prefix.map { max(placeholder.characterOffset - $0, 0) } ?? 0))
            }
        } else if cmark_node_get_type(node) == CMARK_NODE_LINK, ArticleLink.matches(url) {
            url = resolver.resolveLink(url, at: position(of: node)) ?? url
        } else if cmark_node_get_type(node) == CMARK_NODE_LINK, LocalReference.isLocal(url), LocalReference.namesFile(url) {
            url = resolver.resolveFile(url, at: position(of: node)) ?? url
        }
        if !options.allowRawHTML, URLSafety.isDangerous(url) { url = "" }
        if url != original { _ = url.withCString { cmark_node_set_url(node, $0) } }
        if url.utf8.first == UInt8(ascii: "#"), cmark_node_get_type(node) == CMARK_NODE_LINK {
            fragments.append(PageFragment(destination: url, position: position(of: node)))
        }
    }

    /// Expands placeholders in a link's or image's title (`[a](url "Title {{fact}}")`), as in text.
    private func rewriteTitle<R: MarkdownResolver>(_ node: OpaquePointer, resolver: inout R) {
        guard let raw = cmark_node_get_title(node), raw.pointee != 0,
            Placeholder.mayContain(
                utf8: UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
        else { return }
        let original = String(cString: raw)
        let title = Placeholder.expand(original) { placeholder in
            resolver.expand(key: placeholder.key, context: .text, at: position(of: String(original[placeholder.range]), after: node))
        }
        if title != original { _ = title.withCString { cmark_node_set_title(node, $0) } }
    }

    /// Where `typed` is first written at or after `node`'s start (cmark gives titles no position), else the node's start.
    private func position(of typed: String, after node: OpaquePointer) -> TextPosition {
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0, let found = source.find(typed, from: source.offset(line: line, column: Int(cmark_node_get_start_column(node))))
        else {
            return position(of: node)
        }
        return source.position(ofOffset: found)
    }

    /// Asks the resolver for the HTML of an image (a `<picture>` with its sizes, or an `<img>`); when it
    /// gives one, the image node is replaced by a custom inline node that prints it.
    private func replaceImage<R: MarkdownResolver>(_ node: OpaquePointer, index: Int, resolver: inout R) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let title = cmark_node_get_title(node).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let reference = ImageReference(destination: destination, alt: plainText(of: node), title: title, index: index)
        guard let html = resolver.resolveImage(reference, at: position(of: node)) else { return }
        let replacement = newNode(CMARK_NODE_CUSTOM_INLINE)
        _ = html.withCString { cmark_node_set_on_enter(replacement, $0) }
        cmark_node_set_on_exit(replacement, "")
        cmark_node_insert_before(node, replacement)
        cmark_node_free(node)
    }

    /// Replaces `<hN>` with custom nodes that print `<hN id="…">`, keeping the inline children.
    private mutating func addAnchor(to heading: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(heading))
        let text = plainText(of: heading)
        let id = slugger.slug(for: text)
        headings.append(Heading(level: level, text: text, id: id))
        // An empty custom block keeps the block's line breaks; the tag itself is an inline wrapper,
        // so the output is `<hN id="…">text</hN>` on one line, as cmark prints headings.
        let block = newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        let tag = newNode(CMARK_NODE_CUSTOM_INLINE)
        var open = CStringBuilder()
        open.append("<h")
        open.append(level)
        open.append(" id=\"")
        open.append(string: id)
        open.append("\">")
        open.withCString { cmark_node_set_on_enter(tag, $0) }
        // The same buffer again: cmark copied the opening tag.
        open.removeAll()
        open.append("</h")
        open.append(level)
        open.append(">")
        open.withCString { cmark_node_set_on_exit(tag, $0) }
        cmark_node_append_child(block, tag)
        cmark_node_insert_before(heading, block)
        while let child = cmark_node_first_child(heading) { cmark_node_append_child(tag, child) }
        cmark_node_free(heading)
    }

    private func plainText(of node: OpaquePointer) -> String {
        // Most headings hold one text: its literal, with no concatenation.
        if let only = cmark_node_first_child(node), cmark_node_next(only) == nil,
            cmark_node_get_type(only) == CMARK_NODE_TEXT || cmark_node_get_type(only) == CMARK_NODE_CODE
        {
            return cmark_node_get_literal(only).map { String(cString: $0) } ?? ""
        }
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// A paragraph of images only, written between two task lists (not indented, so Markdown ends the list
    /// there), is moved into the item above it and the two lists become one: a screenshot under a step
    /// stays with that step, in one checklist with one counter. Returns the lists merged away (freed).
    private func keepImagesInChecklists(_ lists: some Sequence<OpaquePointer>) -> Set<OpaquePointer> {
        var merged = Set<OpaquePointer>()
        for list in lists where !merged.contains(list) && containsTasks(list) {
            while true {
                var between: [OpaquePointer] = []
                var next = cmark_node_next(list)
                while let node = next, isImageParagraph(node) {
                    between.append(node)
                    next = cmark_node_next(node)
                }
                guard !between.isEmpty, let following = next, cmark_node_get_type(following) == CMARK_NODE_LIST,
                    cmark_node_get_list_type(following) == cmark_node_get_list_type(list), containsTasks(following),
                    let last = cmark_node_last_child(list)
                else { break }
                for paragraph in between { cmark_node_append_child(last, paragraph) }
                // Blank lines separated the parts: the list is loose, as if the image had been indented.
                cmark_node_set_list_tight(list, 0)
                while let item = cmark_node_first_child(following) { cmark_node_append_child(list, item) }
                merged.insert(following)
                cmark_node_free(following)
            }
        }
        return merged
    }

    /// Whether `node` is a paragraph holding only images (or their replacements) and line breaks.
    private func isImageParagraph(_ node: OpaquePointer) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH else { return false }
        var child = cmark_node_first_child(node)
        var images = 0
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE: images += 1
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: break
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(current),
                    String(cString: literal).allSatisfy(\.isWhitespace)
                else { return false }
            default: return false
            }
            child = cmark_node_next(current)
        }
        return images > 0
    }

    private func isTask(_ item: OpaquePointer) -> Bool {
        guard let type = cmark_node_get_type_string(item) else { return false }
        return strcmp(type, "tasklist") == 0
    }

    private func containsTasks(_ list: OpaquePointer) -> Bool {
        var item = cmark_node_first_child(list)
        while let current = item {
            if isTask(current) { return true }
            item = cmark_node_next(current)
        }
        return false
    }

    /// Turns a block quote whose first line is `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION; any case)
    /// into `<aside class="callout callout-note" role="note">` with a localized title; the marker's nodes
    /// are freed and added to `removed`. Other block quotes stay block quotes.
    private mutating func makeCallout(_ quote: OpaquePointer, removed: inout Set<OpaquePointer>) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let marker = cmark_node_first_child(paragraph), cmark_node_get_type(marker) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(marker)
        else { return }
        // Most quotes are not callouts: look at the first bytes before making a string.
        var start = literal
        while start.pointee == 0x20 || start.pointee == 0x09 { start += 1 }
        guard start.pointee == UInt8(ascii: "["), start[1] == UInt8(ascii: "!") else { return }
        let text = String(cString: start).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("[!"), text.hasSuffix("]"), text.count <= 12 else { return }
        let type = text.dropFirst(2).dropLast().lowercased()
        guard MarkdownOptions.calloutTypes.contains(type) else { return }
        let after = cmark_node_next(marker)
        if let after, cmark_node_get_type(after) != CMARK_NODE_SOFTBREAK, cmark_node_get_type(after) != CMARK_NODE_LINEBREAK { return }
        for node in [marker, after].compactMap({ $0 }) {
            removed.insert(node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        let title = options.calloutTitles[type] ?? type.prefix(1).uppercased() + type.dropFirst()
        let block = newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(
            block, "<aside class=\"callout callout-\(type)\" role=\"note\">\n<p class=\"callout-title\">\(HTMLText.escape(title))</p>")
        cmark_node_set_on_exit(block, "</aside>")
        while let child = cmark_node_first_child(quote) { cmark_node_append_child(block, child) }
        cmark_node_insert_before(quote, block)
        cmark_node_unlink(quote)
        cmark_node_free(quote)
        callouts.append(type)
    }

    /// Wraps a task list in a checklist container and turns each task into a labelled, enabled checkbox.
    private mutating func makeChecklist(_ list: OpaquePointer, number: Int) {
        let listID = options.checklistPrefix + "-" + String(number)
        var count = 0
        // One buffer for every item's markup, emptied between items (cmark copies what it is given).
        var open = CStringBuilder()
        var item = cmark_node_first_child(list)
        while let current = item {
            item = cmark_node_next(current)
            guard isTask(current) else { continue }
            count += 1
            let checked = cmark_gfm_extensions_get_tasklist_item_checked(current)
            cmark_node_set_syntax_extension(current, nil)
            // `<label for="ID"><input type="checkbox" id="ID"[ checked]> <span>`, ID being `listID-count`.
            open.removeAll()
            open.append("<label for=\"")
            open.append(string: listID)
            open.append("-")
            open.append(count)
            open.append("\"><input type=\"checkbox\" id=\"")
            open.append(string: listID)
            open.append("-")
            open.append(count)
            open.append(checked ? "\" checked> <span>" : "\"> <span>")
            wrapTask(current, open: &open)
        }
        let container = newNode(CMARK_NODE_CUSTOM_BLOCK)
        open.removeAll()
        open.append("<div class=\"checklist\" data-checklist=\"")
        open.append(string: listID)
        open.append("\" data-count=\"")
        open.append(count)
        open.append("\">")
        open.withCString { cmark_node_set_on_enter(container, $0) }
        cmark_node_set_on_exit(container, "</div>")
        cmark_node_insert_before(list, container)
        cmark_node_append_child(container, list)
        checklists.append(Checklist(id: listID, itemCount: count))
    }

    /// Puts `open` and `</span></label>` around the first paragraph of a task item (made when it has none).
    private func wrapTask(_ item: OpaquePointer, open: inout CStringBuilder) {
        var paragraph = cmark_node_first_child(item)
        if paragraph == nil || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH {
            let created = newNode(CMARK_NODE_PARAGRAPH)
            if let first = paragraph { cmark_node_insert_before(first, created) } else { cmark_node_append_child(item, created) }
            paragraph = created
        }
        let openNode = newNode(CMARK_NODE_HTML_INLINE)
        open.withCString { cmark_node_set_literal(openNode, $0) }
        cmark_node_prepend_child(paragraph, openNode)
        let closeNode = newNode(CMARK_NODE_HTML_INLINE)
        // A literal, passed as a C string without the copy a `String` argument costs.
        cmark_node_set_literal(closeNode, "</span></label>")
        cmark_node_append_child(paragraph, closeNode)
    }
}
