/// Removes metadata chunks from a WebP file. libvips 8.14's WebP encoder writes a small EXIF block
/// (resolution, orientation) even when told to strip metadata; this drops it byte-exactly.
public enum WebPMetadata {
    /// `bytes` without `EXIF`, `XMP ` and `ICCP` chunks, their flags cleared in `VP8X`, the RIFF size
    /// fixed. Bytes that are not a well-formed extended WebP come back unchanged.
    public static func strip(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return bytes }
        var output = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let tag = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return bytes }
            if tag != "EXIF", tag != "XMP ", tag != "ICCP" {
                var chunk = Array(bytes[offset..<end])
                // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
                if tag == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                output += chunk
            }
            offset = end
        }
        guard offset == bytes.count else { return bytes }
        let riff = UInt32(output.count - 8)
        for index in 0..<4 { output[4 + index] = UInt8(truncatingIfNeeded: riff >> (8 * UInt32(index))) }
        return output
    }
}
