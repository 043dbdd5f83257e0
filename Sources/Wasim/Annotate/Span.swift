/// An annotated span: `[start, end)` in code points of its document, with a label, the text
/// it covers, the rule that produced it (if any) and its attributes.
public struct Span: Hashable, Sendable, Comparable {
    /// First code point.
    public var start: CodePointOffset
    /// One past the last code point.
    public var end: CodePointOffset
    /// The label, e.g. `DATE`.
    public var label: String
    /// The document text at `start..<end`.
    public var text: String
    /// The rule that produced it; nil for gold spans.
    public var rule: String?
    /// Attributes such as `value`, `kind`, `mod`, `canonical`.
    public var attributes: [String: String]

    /// Creates a span.
    public init(start: CodePointOffset, end: CodePointOffset, label: String, text: String,
                rule: String? = nil, attributes: [String: String] = [:]) {
        self.start = start
        self.end = end
        self.label = label
        self.text = text
        self.rule = rule
        self.attributes = attributes
    }

    /// The number of code points covered.
    public var length: Int { end - start }

    /// True when the two spans share at least one code point.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    /// Document order: by start, then end, then label.
    public static func < (a: Span, b: Span) -> Bool {
        (a.start, a.end, a.label) < (b.start, b.end, b.label)
    }
}

/// A document with its spans: what annotation produces and what gold files hold.
public struct AnnotatedDocument: Sendable, Equatable {
    /// The document.
    public var document: Document
    /// Its spans in document order.
    public var spans: [Span]
    /// Problems met while annotating it (e.g. a rule that hit the time limit).
    public var errors: [String]

    /// Creates an annotated document.
    public init(document: Document, spans: [Span], errors: [String] = []) {
        self.document = document
        self.spans = spans.sorted()
        self.errors = errors
    }
}
