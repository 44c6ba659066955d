import Diagnostics
import Foundation

/// Changes one string field of an article's front matter and leaves every other byte of the file as it was.
public enum FrontMatterEditor {
    /// The file's raw text with `field` set to `value` (see `setting(_:to:inRawBytes:path:)`).
    public static func setting(_ field: String, to value: String, inRaw text: String, path: String) throws(ContentError) -> String {
        String(decoding: try setting(field, to: value, inRawBytes: Array(text.utf8), path: path), as: UTF8.self)
    }

    /// The file's raw bytes with `field` set to `value`: replaced in place when present, else inserted as
    /// the first member (on its own line, with the next member's indentation and the file's own line break,
    /// when the object spans lines). A byte-order mark and LF, CRLF or CR line endings are kept as they are.
    public static func setting(_ field: String, to value: String, inRawBytes raw: [UInt8], path: String) throws(ContentError) -> [UInt8] {
        let file: SourceText
        do throws(SourceTextError) { file = try SourceText(path: path, bytes: raw) } catch { throw .text(error) }
        let (json, _, _) = try FrontMatterSplitter.split(file)
        guard case .object(let members) = json.value else { throw ContentError.missingFrontMatter(file.location(json.position)) }
        let bom = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let quoted = Array("\"\(escape(value))\"".utf8)
        if let member = members.first(where: { $0.key == field }) {
            guard case .string = member.value.value else {
                throw ContentError.wrongType(file.location(member.value.position), field: field, expected: "a string in double quotes")
            }
            let start = offset(of: member.value.position, in: raw, from: bom)
            let end = endOfString(startingAt: start, in: raw)
            return Array(raw[..<start]) + quoted + Array(raw[end...])
        }
        let open = offset(of: json.position, in: raw, from: bom)
        let head = Array(raw[...open])
        let rest = raw[(open + 1)...]
        let lineBreak: [UInt8]? =
            rest.starts(with: [0x0D, 0x0A]) ? [0x0D, 0x0A] : rest.first == 0x0A ? [0x0A] : rest.first == 0x0D ? [0x0D] : nil
        if let lineBreak {
            let indent = rest.dropFirst(lineBreak.count).prefix { $0 == 0x20 || $0 == 0x09 }
            // No comma when the object was empty: nothing follows the new member.
            let comma: [UInt8] = members.isEmpty ? [] : [UInt8(ascii: ",")]
            return head + lineBreak + Array(indent) + Array("\"\(field)\": ".utf8) + quoted + comma + Array(rest)
        }
        return head + Array("\"\(field)\": ".utf8) + quoted + (members.isEmpty ? [] : Array(", ".utf8)) + Array(rest)
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The byte offset in the raw file of a line and column (in scalars) of the normalised text, where
    /// CRLF, CR and LF each end one line, as `SourceText` counts them.
    private static func offset(of position: TextPosition, in raw: [UInt8], from start: Int) -> Int {
        var index = start
        var line = 1
        while line < position.line, index < raw.count {
            let byte = raw[index]
            index += 1
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                if index < raw.count, raw[index] == 0x0A { index += 1 }
                line += 1
            }
        }
        var column = 1
        while column < position.column, index < raw.count {
            index += 1
            while index < raw.count, raw[index] & 0xC0 == 0x80 { index += 1 }  // continuation bytes of one scalar
            column += 1
        }
        return index
    }

    /// The offset just after the JSON string that starts at `start` (its opening quote).
    private static func endOfString(startingAt start: Int, in raw: [UInt8]) -> Int {
        var index = start + 1
        var escaped = false
        while index < raw.count {
            let byte = raw[index]
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                return index + 1
            }
            index += 1
        }
        return raw.count
    }
}
