import Foundation

/// Strict UTF-8 decoding with an error that says where the bytes went wrong.
public enum TextDecoding {
    /// Decodes UTF-8, or fails with a diagnostic naming the source, and the line and column
    /// (counted in characters) of the first invalid byte.
    public static func decodeUTF8(_ data: Data, source: String) -> Result<String, Diagnostic> {
        if let text = String(validating: data, as: UTF8.self) { return .success(text) }
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { break }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return .failure(.error(
            String(format: "invalid UTF-8 (byte 0x%02X at byte offset %d)", bytes[min(index, bytes.count - 1)], index),
            at: SourceLocation(file: source, line: line, column: column)))
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let slice = Array(bytes[index..<index + length])
        return String(validating: slice, as: UTF8.self) == nil ? 0 : length
    }
}
