/// One pass over a text node's bytes that tells whether placeholders or typography can change it.
///
/// `Placeholder.mayContain(utf8:) || Typography.mayChange(utf8:triggers:)` in one loop over cmark's
/// NUL-terminated literal, with no `strlen` first: each byte's class is looked up in a table, and only
/// the few bytes that can start something are looked at further.
enum RewriteScan {
    /// The class of each byte value: 1 `{`, 2 a straight quote, 4 `; : ! ?`, 8 the last byte of « »,
    /// 16 the last byte of “ ”, 32 the terminating NUL; 0 for every other byte.
    private static let classes: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x00: 32
        case 0x7B: 1
        case 0x22, 0x27: 2
        case 0x3B, 0x3A, 0x21, 0x3F: 4
        case 0xAB, 0xBB: 8
        case 0x9C, 0x9D: 16
        default: 0
        }
    }

    /// Whether the NUL-terminated `text` holds `{{` or, with `triggers`, something typography changes.
    static func needsRewrite(_ text: UnsafePointer<CChar>, triggers: Typography.Triggers?) -> Bool {
        var mask: UInt8 = 1 | 32
        if let triggers {
            mask |= 2
            if triggers.french { mask |= 4 | 8 }
            if triggers.curly { mask |= 16 }
        }
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        return classes.withUnsafeBufferPointer { table in
            var index = 0
            while true {
                let found = table[Int(bytes[index])] & mask
                if found != 0 {
                    switch found {
                    case 32: return false
                    case 1: if index > 0, bytes[index - 1] == UInt8(ascii: "{") { return true }
                    case 8: if index > 0, bytes[index - 1] == 0xC2 { return true }
                    case 16: if index > 1, bytes[index - 1] == 0x80, bytes[index - 2] == 0xE2 { return true }
                    default: return true
                    }
                }
                index += 1
            }
        }
    }
}
