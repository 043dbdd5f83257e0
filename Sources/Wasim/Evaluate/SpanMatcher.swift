/// Pairs predicted spans with gold spans exactly as nervaluate 1.2 does, mode by mode.
///
/// Predictions are visited in order, and each gold span can be used once:
/// - `strict`, `exact`, `partial`: the first unused gold span with the same boundaries
///   (and, for `strict`, the same label) makes the prediction correct; otherwise the first
///   unused gold span it overlaps is used up and the prediction is incorrect (`partial`:
///   partial); otherwise it is spurious.
/// - `ent_type`: among unused overlapping gold spans, one with the same label makes it
///   correct (the closest boundaries win, the earlier on a tie); otherwise the first
///   overlapping one makes it incorrect; otherwise spurious.
/// Gold spans never used are missed. Overlap means sharing at least one code point and at
/// least 1% of the gold span's length (nervaluate's threshold).
public struct SpanMatcher {
    /// Creates a matcher.
    public init() {}

    /// The counts of every mode for one document.
    public func counts(gold: [Span], predicted: [Span]) -> ModeTable {
        var table = ModeTable()
        for mode in EvaluationMode.allCases {
            table[mode] = counts(gold: gold, predicted: predicted, mode: mode).counts
        }
        return table
    }

    /// What happened to one prediction in one mode.
    public enum Outcome: Sendable, Equatable {
        /// Matched the gold span at this index.
        case correct(gold: Int)
        /// Overlapped, and used up, the gold span at this index without matching it.
        case incorrect(gold: Int)
        /// Overlapped the gold span at this index (partial mode).
        case partial(gold: Int)
        /// No gold span.
        case spurious
    }

    /// The counts of one mode, the outcome of each prediction, and which gold spans were
    /// missed.
    public func counts(gold: [Span], predicted: [Span], mode: EvaluationMode)
        -> (counts: ModeCounts, outcomes: [Outcome], missed: [Int]) {
        var counts = ModeCounts()
        var used = [Bool](repeating: false, count: gold.count)
        var outcomes: [Outcome] = []
        for prediction in predicted {
            let outcome: Outcome
            if mode == .entType {
                var sameLabel: (index: Int, distance: Int)?
                var otherLabel: Int?
                for (index, truth) in gold.enumerated() where !used[index] && Self.overlaps(prediction, truth) {
                    if truth.label == prediction.label {
                        let distance = abs(truth.start - prediction.start) + abs(truth.end - prediction.end)
                        if sameLabel == nil || distance < sameLabel!.distance { sameLabel = (index, distance) }
                    } else if otherLabel == nil {
                        otherLabel = index
                    }
                }
                if let match = sameLabel {
                    outcome = .correct(gold: match.index)
                } else if let other = otherLabel {
                    outcome = .incorrect(gold: other)
                } else {
                    outcome = .spurious
                }
            } else {
                var exactMatch: Int?
                var firstOverlap: Int?
                for (index, truth) in gold.enumerated() where !used[index] {
                    if truth.start == prediction.start && truth.end == prediction.end
                        && (mode != .strict || truth.label == prediction.label) {
                        exactMatch = index
                        break
                    }
                    if firstOverlap == nil, Self.overlaps(prediction, truth) { firstOverlap = index }
                }
                if let exactMatch {
                    outcome = .correct(gold: exactMatch)
                } else if let overlap = firstOverlap {
                    outcome = mode == .partial ? .partial(gold: overlap) : .incorrect(gold: overlap)
                } else {
                    outcome = .spurious
                }
            }
            switch outcome {
            case .correct(let index):
                counts.correct += 1
                used[index] = true
            case .incorrect(let index):
                counts.incorrect += 1
                used[index] = true
            case .partial(let index):
                counts.partial += 1
                used[index] = true
            case .spurious:
                counts.spurious += 1
            }
            outcomes.append(outcome)
        }
        let missed = used.indices.filter { !used[$0] }
        counts.missed = missed.count
        return (counts, outcomes, missed)
    }

    /// nervaluate's overlap test: a shared code point covering at least 1% of the gold span.
    static func overlaps(_ prediction: Span, _ truth: Span) -> Bool {
        let shared = min(prediction.end, truth.end) - max(prediction.start, truth.start)
        guard shared > 0 else { return false }
        return Double(shared) / Double(truth.end - truth.start) * 100 >= 1
    }
}
