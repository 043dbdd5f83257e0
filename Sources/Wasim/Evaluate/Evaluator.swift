/// Scores predictions against gold the way the field does: the four nervaluate modes
/// overall, per label and per document, and attribute accuracy over strictly matched spans
/// (as TempEval-3 reports value accuracy).
public struct Evaluator {
    /// The labels evaluated; spans of other labels are left out of both sides first.
    public var labels: [String]

    /// Creates an evaluator for some labels.
    public init(labels: [String]) {
        self.labels = labels
    }

    /// One document's gold and predicted spans, paired by id.
    public struct DocumentPair: Sendable {
        /// The document id.
        public var id: String
        /// Gold spans.
        public var gold: [Span]
        /// Predicted spans.
        public var predicted: [Span]
        /// Creates a pair.
        public init(id: String, gold: [Span], predicted: [Span]) {
            self.id = id
            self.gold = gold
            self.predicted = predicted
        }
    }

    /// Accuracy of one attribute over the strictly matched spans where gold or prediction has it.
    public struct AttributeScore: Sendable, Equatable {
        /// Matched spans where the attribute was present on either side.
        public var total = 0
        /// Those where both sides agree.
        public var agreeing = 0
        /// agreeing / total (0 when total is 0).
        public var accuracy: Double { total > 0 ? Double(agreeing) / Double(total) : 0 }
    }

    /// The result of an evaluation.
    public struct Report: Sendable {
        /// All labels together.
        public var overall = ModeTable()
        /// By label.
        public var byLabel: [String: ModeTable] = [:]
        /// By document id (all labels together).
        public var byDocument: [(id: String, table: ModeTable)] = []
        /// Attribute accuracy by attribute key, over all labels.
        public var attributes: [String: AttributeScore] = [:]
        /// Attribute accuracy by label, then key.
        public var attributesByLabel: [String: [String: AttributeScore]] = [:]

        /// The macro average of F1 over labels in a mode (nervaluate reports only micro
        /// figures; the macro average is the plain mean of the per-label F1).
        public func macroF1(_ mode: EvaluationMode, labels: [String]) -> Double {
            guard !labels.isEmpty else { return 0 }
            let total = labels.reduce(0.0) { sum, label in
                sum + (byLabel[label]?[mode] ?? ModeCounts()).measures(halfCreditForPartial: mode.halfCreditForPartial).f1
            }
            return total / Double(labels.count)
        }
    }

    /// Evaluates a corpus: counts are summed over documents, then measures computed.
    public func evaluate(_ documents: [DocumentPair]) -> Report {
        var report = Report()
        let matcher = SpanMatcher()
        let wanted = Set(labels)
        for pair in documents {
            let gold = pair.gold.filter { wanted.contains($0.label) }
            let predicted = pair.predicted.filter { wanted.contains($0.label) }
            let table = matcher.counts(gold: gold, predicted: predicted)
            report.overall = report.overall + table
            report.byDocument.append((pair.id, table))
            for label in labels {
                let labelled = matcher.counts(gold: gold.filter { $0.label == label }, predicted: predicted.filter { $0.label == label })
                report.byLabel[label] = (report.byLabel[label] ?? ModeTable()) + labelled
            }
            let strict = matcher.counts(gold: gold, predicted: predicted, mode: .strict)
            for (index, outcome) in strict.outcomes.enumerated() {
                guard case .correct(let goldIndex) = outcome else { continue }
                let truth = gold[goldIndex]
                let prediction = predicted[index]
                for key in Set(truth.attributes.keys).union(prediction.attributes.keys) {
                    let agree = truth.attributes[key] == prediction.attributes[key]
                    report.attributes[key, default: AttributeScore()].total += 1
                    report.attributesByLabel[truth.label, default: [:]][key, default: AttributeScore()].total += 1
                    if agree {
                        report.attributes[key]!.agreeing += 1
                        report.attributesByLabel[truth.label]![key]!.agreeing += 1
                    }
                }
            }
        }
        return report
    }
}
