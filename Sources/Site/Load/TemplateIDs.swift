import Templates

/// The element ids the templates write literally (`<main id="main">`), which headings must not take.
enum TemplateIDs {
    /// Every `id="…"` value without a Mustache tag in it, from all templates.
    static func fixed(in templates: TemplateLibrary) -> Set<String> {
        var ids = Set<String>()
        for source in templates.sources.values {
            let bytes = Array(source.file.text.utf8)
            let pattern = Array("id=\"".utf8)
            var index = 0
            while index + pattern.count <= bytes.count {
                guard bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern),
                    index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x09
                else {
                    index += 1
                    continue
                }
                let start = index + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let id = String(decoding: bytes[start..<end], as: UTF8.self)
                if !id.isEmpty, !id.contains("{{") { ids.insert(id) }
                index = end
            }
        }
        return ids
    }
}
