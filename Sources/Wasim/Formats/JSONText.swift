/// Writes JSON text by hand, so that key order is fixed (`id`, `text`, `spans`, as users
/// read them) and non-ASCII text stays readable (no `\u` escapes for Arabic).
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            // Written escaped: some JSON readers (Foundation's among them) drop a raw U+FEFF.
            case "\u{FEFF}": out += "\\ufeff"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON object of string values, keys sorted.
    public static func object(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { string($0) + ":" + string(values[$0]!) }.joined(separator: ",") + "}"
    }
}
