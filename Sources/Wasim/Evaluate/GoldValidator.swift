/// Checks gold annotations against the rules of the annotation guidelines that can be
/// checked mechanically: known labels and attribute keys, flat (non-overlapping) spans, and
/// span edges that are not white space, quotes, brackets or punctuation. (That each span's
/// text equals the document at its offsets is checked when the gold is read.)
public struct GoldValidator {
    /// The labels of the guidelines.
    public static let labels: Set<String> = ["DATE", "NUMBER", "LOCATION", "AGENCY", "ORGANIZATION", "PERSON", "TIME", "PERCENT", "MONEY"]
    /// The attribute keys of the guidelines.
    public static let attributeKeys: Set<String> = ["value", "kind", "mod", "calendar", "canonical", "currency"]
    /// Characters a span may neither start nor end with.
    static let edgeCharacters: Set<Unicode.Scalar> = Set("«»\"“”'‘’()[]{}،.,;:!?؛؟…-–—/".unicodeScalars)

    /// Creates a validator.
    public init() {}

    /// Every problem of one gold document, located at `path` (spans are named by their
    /// offsets and text).
    public func problems(in annotated: AnnotatedDocument, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ span: Span, _ message: String) {
            diagnostics.append(.error("\(span.label) [\(span.start), \(span.end)) \"\(span.text)\": \(message)",
                                      at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let spans = annotated.spans.sorted()
        for span in spans {
            if !Self.labels.contains(span.label) { report(span, "`\(span.label)` is not a label of the guidelines") }
            for key in span.attributes.keys.sorted() where !Self.attributeKeys.contains(key) {
                report(span, "`\(key)` is not an attribute of the guidelines")
            }
            if let first = span.text.unicodeScalars.first, first.properties.isWhitespace || Self.edgeCharacters.contains(first) {
                report(span, "starts with `\(first)`")
            }
            if let last = span.text.unicodeScalars.last, last.properties.isWhitespace || Self.edgeCharacters.contains(last) {
                // A bracketed gloss may close a span (أيار (مايو) 2023 ends in a year, but
                // a span ending in `)` is only valid when it also opened one).
                if !(last == ")" && span.text.contains("(")) { report(span, "ends with `\(last)`") }
            }
            if span.label == "NUMBER", span.attributes["value"] == nil || span.attributes["kind"] == nil {
                report(span, "a NUMBER needs `value` and `kind`")
            }
        }
        for (previous, next) in zip(spans, spans.dropFirst()) where previous.overlaps(next) {
            report(next, "overlaps \(previous.label) [\(previous.start), \(previous.end)) \"\(previous.text)\" (annotation is flat)")
        }
        return diagnostics
    }

    /// Reads and checks every brat pair below a directory.
    /// - Returns: the number of documents read and every problem.
    public func validate(directory: String) -> (documents: Int, diagnostics: [Diagnostic]) {
        var count = 0
        var diagnostics: [Diagnostic] = []
        for pair in BratFormat.pairs(under: directory) {
            switch BratFormat.read(textPath: pair.text, annotationPath: pair.annotations) {
            case .read(let annotated):
                count += 1
                diagnostics += problems(in: annotated, path: pair.annotations)
            case .problems(let problems):
                diagnostics += problems
            }
        }
        return (count, diagnostics)
    }
}
