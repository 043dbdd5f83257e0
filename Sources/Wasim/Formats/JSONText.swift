/// Writes JSON text by hand, so that key order is fixed (`id`, `text`, `spans`, as users
/// read them) and non-ASCII text stays readable (no `\u` escapes for Arabic).
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(value.utf8.count + 16)
        var utf8 = value.utf8.makeIterator()
        func append(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        // Work on UTF-8 bytes: only ASCII and three 3-byte sequences need escaping.
        while let byte = utf8.next() {
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x00..<0x20:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            case 0xE2, 0xEF:
                // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript readers; a raw U+FEFF
                // (EF BB BF) is dropped by some JSON readers (Foundation's among them).
                // Valid UTF-8: a lead byte E2 or EF is followed by two continuation bytes.
                let sequence = [byte, utf8.next() ?? 0, utf8.next() ?? 0]
                switch sequence {
                case [0xE2, 0x80, 0xA8]: append("\\u2028")
                case [0xE2, 0x80, 0xA9]: append("\\u2029")
                case [0xEF, 0xBB, 0xBF]: append("\\ufeff")
                default: out += sequence
                }
            default:
                out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON object of string values, keys sorted.
    public static func object(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { string($0) + ":" + string(values[$0]!) }.joined(separator: ",") + "}"
    }
}
