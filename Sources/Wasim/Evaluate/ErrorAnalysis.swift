/// What a rule writer needs beyond the scores: every error with its document, offsets and
/// the rule that produced it, a per-rule table, and the confusion between labels.
public struct ErrorAnalysis: Sendable {
    /// The kind of an error, in strict terms.
    public enum Kind: String, Sendable, CaseIterable {
        /// A gold span no prediction overlaps.
        case missed
        /// A prediction that overlaps no gold span.
        case spurious
        /// Same label, other boundaries.
        case wrongBoundary = "wrong boundary"
        /// Same boundaries, other label.
        case wrongLabel = "wrong label"
        /// Other boundaries and other label.
        case wrongBoundaryAndLabel = "wrong boundary and label"
        /// Strict match with a different attribute value.
        case wrongAttribute = "wrong attribute"
    }

    /// One error.
    public struct Error: Sendable {
        /// What went wrong.
        public var kind: Kind
        /// The document.
        public var document: Document
        /// The gold span involved, if any.
        public var gold: Span?
        /// The predicted span involved, if any (its `rule` names the rule that produced it).
        public var predicted: Span?
        /// For wrong attributes, `key: gold → predicted` for each difference.
        public var detail: String?
    }

    /// Per-rule counts in strict terms.
    public struct RuleCounts: Sendable {
        /// Spans the rule produced.
        public var matches = 0
        /// Of those, strictly correct.
        public var truePositives = 0
        /// Precision of the rule.
        public var precision: Double { matches > 0 ? Double(truePositives) / Double(matches) : 0 }
        /// Spans that were not strictly correct.
        public var falsePositives: Int { matches - truePositives }
    }

    /// Every error in document order.
    public var errors: [Error] = []
    /// By rule name.
    public var rules: [String: RuleCounts] = [:]
    /// Gold label → predicted label → count, for predictions with the same boundaries.
    public var confusion: [String: [String: Int]] = [:]

    /// Analyses documents (labels outside `labels` are left out).
    public init(documents: [(document: Document, gold: [Span], predicted: [Span])], labels: Set<String>) {
        let matcher = SpanMatcher()
        for item in documents {
            let gold = item.gold.filter { labels.contains($0.label) }
            let predicted = item.predicted.filter { labels.contains($0.label) }
            let strict = matcher.counts(gold: gold, predicted: predicted, mode: .strict)
            for (index, outcome) in strict.outcomes.enumerated() {
                let prediction = predicted[index]
                let rule = prediction.rule ?? "(no rule)"
                rules[rule, default: RuleCounts()].matches += 1
                switch outcome {
                case .correct(let goldIndex):
                    rules[rule]!.truePositives += 1
                    let truth = gold[goldIndex]
                    confusion[truth.label, default: [:]][prediction.label, default: 0] += 1
                    let keys = Set(truth.attributes.keys).union(prediction.attributes.keys).sorted()
                    let differences = keys.filter { truth.attributes[$0] != prediction.attributes[$0] }.map {
                        "\($0): \(truth.attributes[$0] ?? "–") → \(prediction.attributes[$0] ?? "–")"
                    }
                    if !differences.isEmpty {
                        errors.append(Error(kind: .wrongAttribute, document: item.document, gold: truth, predicted: prediction,
                                            detail: differences.joined(separator: ", ")))
                    }
                case .incorrect(let goldIndex), .partial(let goldIndex):
                    let truth = gold[goldIndex]
                    let sameBoundaries = truth.start == prediction.start && truth.end == prediction.end
                    let kind: Kind = sameBoundaries ? .wrongLabel : (truth.label == prediction.label ? .wrongBoundary : .wrongBoundaryAndLabel)
                    if sameBoundaries { confusion[truth.label, default: [:]][prediction.label, default: 0] += 1 }
                    errors.append(Error(kind: kind, document: item.document, gold: truth, predicted: prediction))
                case .spurious:
                    errors.append(Error(kind: .spurious, document: item.document, predicted: prediction))
                }
            }
            for goldIndex in strict.missed {
                errors.append(Error(kind: .missed, document: item.document, gold: gold[goldIndex]))
            }
        }
        errors.sort { a, b in
            let aStart = a.gold?.start ?? a.predicted!.start
            let bStart = b.gold?.start ?? b.predicted!.start
            return (a.document.id, aStart) < (b.document.id, bStart)
        }
    }

    /// The text around a span, the span marked with ⟦ ⟧ and isolated so that a terminal shows
    /// right-to-left text in order.
    public static func context(of span: Span, in document: Document, width: Int = 30) -> String {
        let start = max(0, span.start - width)
        let end = min(document.length, span.end + width)
        func clean(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }
        return "\u{2068}" + clean(document.slice(start, span.start)) + "⟦" + span.text + "⟧"
            + clean(document.slice(span.end, end)) + "\u{2069}"
    }
}
