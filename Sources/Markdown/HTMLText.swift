/// Escaping for text and attribute values that Guidepost writes into HTML itself (callout titles,
/// citation links, the preview's error page), where no template escapes them.
public enum HTMLText {
    /// `&`, `<`, `>` and `"` as entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
