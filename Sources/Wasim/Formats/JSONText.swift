/// Writes JSON text by hand, so that key order is fixed (`id`, `text`, `spans`, as users
/// read them) and non-ASCII text stays readable (no `\u` escapes for Arabic).
public enum JSONText {
    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var out: [UInt8] = [0x22]
            out.reserveCapacity(bytes.count + 16)
            func append(_ text: StaticString) {
                text.withUTF8Buffer { out.append(contentsOf: $0) }
            }
            // Bytes that never need escaping are copied in runs; only ASCII controls, `"`, `\\`
            // and three 3-byte sequences (U+2028, U+2029, U+FEFF) are looked at.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isSpecial = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 || byte == 0xEF
                guard isSpecial else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                var length = 1
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0xE2, 0xEF:
                    // Valid UTF-8: a lead byte E2 or EF is followed by two continuation bytes.
                    // U+2028 and U+2029 break JavaScript readers; a raw U+FEFF is dropped by
                    // some JSON readers (Foundation's among them).
                    length = 3
                    switch (byte, bytes[index + 1], bytes[index + 2]) {
                    case (0xE2, 0x80, 0xA8): append("\\u2028")
                    case (0xE2, 0x80, 0xA9): append("\\u2029")
                    case (0xEF, 0xBB, 0xBF): append("\\ufeff")
                    default: out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + 3]))
                    }
                default:
                    let hex = String(byte, radix: 16)
                    out.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A JSON object of string values, keys sorted.
    public static func object(_ values: [String: String]) -> String {
        "{" + values.keys.sorted().map { string($0) + ":" + string(values[$0]!) }.joined(separator: ",") + "}"
    }
}
