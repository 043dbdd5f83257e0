/// The part of a span list that a flat format (inline markup, CoNLL, HTML) can write:
/// annotation is flat (guidelines §1), so when spans overlap, the first in document order is
/// kept and every span overlapping a kept one is set aside and reported, never dropped
/// silently.
///
/// ```swift
/// let flat = FlatSpans(annotated.spans)
/// flat.kept        // written
/// flat.overlapping // reported by the writer's `problems(writing:)`
/// ```
public struct FlatSpans: Sendable, Equatable {
    /// The spans that can be written, in document order.
    public let kept: [Span]
    /// The spans that overlap a kept span, in document order.
    public let overlapping: [Span]

    /// Splits spans into kept and overlapping ones.
    /// - Complexity: O(n log n) for n spans.
    public init(_ spans: [Span]) {
        var kept: [Span] = []
        var overlapping: [Span] = []
        for span in spans.sorted() {
            if let last = kept.last, span.start < last.end {
                overlapping.append(span)
            } else {
                kept.append(span)
            }
        }
        self.kept = kept
        self.overlapping = overlapping
    }

    /// One error per overlapping span, naming the document, for a format called `format`.
    public func problems(documentID: String, format: String) -> [Diagnostic] {
        overlapping.map { span in
            .error("document `\(documentID)`: \(span.diagnosticName) overlaps another span and cannot be written as \(format) (annotation is flat)")
        }
    }
}

extension Span {
    /// `LABEL [start, end) "text"`, the way diagnostics name a span.
    var diagnosticName: String { "\(label) [\(start), \(end)) \"\(text)\"" }
}
