/// A text to annotate: an identifier and its text exactly as stored.
///
/// Offsets into a document are ``CodePointOffset``s (Unicode scalars), as the annotation
/// guidelines require. ICU works in UTF-16; ``utf16`` and ``offsets`` are the one place where
/// the two meet.
///
/// ```swift
/// let doc = Document(id: "a", text: "😀 في 2022")
/// doc.offsets.codePoint(atUTF16: 3)  // 2
/// ```
public struct Document: Sendable, Equatable {
    /// The document's identifier (a file name without extension, or the `id` of a JSONL line).
    public var id: String
    /// The text, UTF-8 decoded, without a byte-order mark, with no other change.
    public var text: String
    /// The text as UTF-16 code units, the form ICU matches over.
    public let utf16: [UInt16]
    /// Conversions between UTF-16 and code-point offsets of ``text``.
    public let offsets: OffsetMap

    /// Creates a document; a leading byte-order mark is not part of the text and is dropped.
    public init(id: String, text: String) {
        let stripped = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        self.id = id
        self.text = stripped
        self.utf16 = Array(stripped.utf16)
        self.offsets = OffsetMap(utf16: utf16)
    }

    /// The number of code points in the text.
    public var length: CodePointOffset { offsets.codePointCount }

    /// The text between two code-point offsets.
    public func slice(_ start: CodePointOffset, _ end: CodePointOffset) -> String {
        let lower = offsets.utf16(atCodePoint: start)
        let upper = offsets.utf16(atCodePoint: end)
        return String(decoding: utf16[lower..<upper], as: UTF16.self)
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.text == rhs.text
    }
}
