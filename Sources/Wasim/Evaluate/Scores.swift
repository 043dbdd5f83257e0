/// The counts of one evaluation mode, with nervaluate's names, and the measures derived from
/// them.
public struct ModeCounts: Sendable, Equatable, Codable {
    /// Predictions that match a gold span in the mode's sense.
    public var correct = 0
    /// Predictions that overlap a gold span but are wrong in the mode's sense.
    public var incorrect = 0
    /// Overlapping predictions with other boundaries (only the `partial` mode counts these).
    public var partial = 0
    /// Gold spans no prediction was paired with.
    public var missed = 0
    /// Predictions paired with no gold span.
    public var spurious = 0

    /// Creates zero counts.
    public init() {}

    /// Gold spans: correct + incorrect + partial + missed.
    public var possible: Int { correct + incorrect + partial + missed }
    /// Predictions: correct + incorrect + partial + spurious.
    public var actual: Int { correct + incorrect + partial + spurious }

    /// Sums counts (documents of a corpus).
    public static func + (a: ModeCounts, b: ModeCounts) -> ModeCounts {
        var sum = a
        sum.correct += b.correct
        sum.incorrect += b.incorrect
        sum.partial += b.partial
        sum.missed += b.missed
        sum.spurious += b.spurious
        return sum
    }

    /// Precision, recall and F1 as nervaluate computes them: partial matches count half in
    /// the `partial` and `ent_type` modes; a zero denominator gives 0.
    public func measures(halfCreditForPartial: Bool) -> (precision: Double, recall: Double, f1: Double) {
        let credit = halfCreditForPartial ? Double(correct) + 0.5 * Double(partial) : Double(correct)
        let precision = actual > 0 ? credit / Double(actual) : 0
        let recall = possible > 0 ? credit / Double(possible) : 0
        let f1 = precision + recall > 0 ? 2 * (precision * recall) / (precision + recall) : 0
        return (precision, recall, f1)
    }
}

/// The four evaluation modes of SemEval-2013 Task 9.1, as nervaluate implements them.
public enum EvaluationMode: String, CaseIterable, Sendable, Codable {
    /// Same boundaries and same label.
    case strict
    /// Same boundaries, any label.
    case exact
    /// Overlap counts half, labels ignored.
    case partial
    /// Overlap with the same label.
    case entType = "ent_type"

    /// Whether partial matches earn half credit in precision and recall.
    public var halfCreditForPartial: Bool { self == .partial || self == .entType }
}

/// Counts of every mode.
public struct ModeTable: Sendable, Equatable {
    /// Counts by mode.
    public var counts: [EvaluationMode: ModeCounts] = [:]

    /// Creates an empty table.
    public init() {}

    /// The counts of a mode (zeros when absent).
    public subscript(mode: EvaluationMode) -> ModeCounts {
        get { counts[mode] ?? ModeCounts() }
        set { counts[mode] = newValue }
    }

    /// Sums tables mode by mode.
    public static func + (a: ModeTable, b: ModeTable) -> ModeTable {
        var sum = ModeTable()
        for mode in EvaluationMode.allCases { sum[mode] = a[mode] + b[mode] }
        return sum
    }
}
