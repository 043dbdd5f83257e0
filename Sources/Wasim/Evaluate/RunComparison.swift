/// What a rule change did: two runs over the same gold (a baseline and the current one),
/// their scores side by side, and every span that was gained, lost or changed, each with
/// whether gold agrees with it.
public struct RunComparison: Sendable {
    /// How one span differs between the runs.
    public enum ChangeKind: String, Sendable {
        /// Only the current run has it (nothing overlapping in the baseline).
        case gained
        /// Only the baseline has it (nothing overlapping in the current run).
        case lost
        /// Both runs have an overlapping span, with other boundaries, label or attributes.
        case changed
    }

    /// One difference between the runs.
    public struct Change: Sendable {
        /// The document.
        public var document: String
        /// What happened.
        public var kind: ChangeKind
        /// The baseline's span (nil when gained).
        public var before: Span?
        /// The current run's span (nil when lost).
        public var after: Span?
        /// Whether gold has a span with the same boundaries and label as `before`.
        public var beforeIsCorrect: Bool
        /// Whether gold has a span with the same boundaries and label as `after`.
        public var afterIsCorrect: Bool

        /// True when the change fixed an error or kept things as right as they were; false
        /// when it broke something.
        public var isImprovement: Bool {
            switch kind {
            case .gained: afterIsCorrect
            case .lost: !beforeIsCorrect
            case .changed: afterIsCorrect || !beforeIsCorrect
            }
        }
    }

    /// The baseline's scores.
    public let baseline: Evaluator.Report
    /// The current run's scores.
    public let current: Evaluator.Report
    /// Every difference, in document then offset order.
    public let changes: [Change]

    /// Compares two runs on the same gold.
    /// - Parameters:
    ///   - gold: the gold documents' spans by id, in the order to report.
    ///   - baseline: the baseline's spans by document id.
    ///   - current: the current run's spans by document id.
    ///   - labels: the labels compared; other spans are left out.
    public init(gold: [(id: String, spans: [Span])], baseline: [String: [Span]], current: [String: [Span]], labels: [String]) {
        let wanted = Set(labels)
        let evaluator = Evaluator(labels: labels)
        self.baseline = evaluator.evaluate(gold.map { .init(id: $0.id, gold: $0.spans, predicted: baseline[$0.id] ?? []) })
        self.current = evaluator.evaluate(gold.map { .init(id: $0.id, gold: $0.spans, predicted: current[$0.id] ?? []) })
        var changes: [Change] = []
        for (id, goldSpans) in gold {
            let truth = Set(goldSpans.filter { wanted.contains($0.label) }.map(Self.key))
            let before = (baseline[id] ?? []).filter { wanted.contains($0.label) }
            let after = (current[id] ?? []).filter { wanted.contains($0.label) }
            changes += Self.differences(document: id, before: before, after: after, truth: truth)
        }
        self.changes = changes
    }

    private struct Key: Hashable {
        var start: Int
        var end: Int
        var label: String
    }

    private static func key(_ span: Span) -> Key { Key(start: span.start, end: span.end, label: span.label) }

    private static func isSame(_ a: Span, _ b: Span) -> Bool {
        key(a) == key(b) && a.attributes == b.attributes
    }

    /// Spans only on one side; a lost and a gained span that overlap are one change.
    private static func differences(document: String, before: [Span], after: [Span], truth: Set<Key>) -> [Change] {
        let lost = before.filter { old in !after.contains { isSame($0, old) } }
        var gained = after.filter { new in !before.contains { isSame($0, new) } }
        var changes: [Change] = []
        for old in lost {
            if let index = gained.firstIndex(where: { $0.overlaps(old) }) {
                let new = gained.remove(at: index)
                changes.append(Change(document: document, kind: .changed, before: old, after: new,
                                      beforeIsCorrect: truth.contains(key(old)), afterIsCorrect: truth.contains(key(new))))
            } else {
                changes.append(Change(document: document, kind: .lost, before: old, after: nil,
                                      beforeIsCorrect: truth.contains(key(old)), afterIsCorrect: false))
            }
        }
        for new in gained {
            changes.append(Change(document: document, kind: .gained, before: nil, after: new,
                                  beforeIsCorrect: false, afterIsCorrect: truth.contains(key(new))))
        }
        return changes.sorted { ($0.after ?? $0.before!) < ($1.after ?? $1.before!) }
    }
}

/// Paired bootstrap over documents (Koehn 2004; Berg-Kirkpatrick et al. 2012): documents are
/// drawn with replacement, both runs are scored on the same draw, and the spread of F1 and of
/// its difference over many draws gives confidence intervals.
public struct PairedBootstrap: Sendable {
    /// A confidence interval and the point estimate it surrounds.
    public struct Interval: Sendable, Equatable {
        /// The value on the whole corpus.
        public var estimate: Double
        /// The lower bound.
        public var lower: Double
        /// The upper bound.
        public var upper: Double
    }

    /// The result for two runs.
    public struct Result: Sendable {
        /// F1 of the baseline.
        public var baseline: Interval
        /// F1 of the current run.
        public var current: Interval
        /// Current minus baseline F1.
        public var difference: Interval
        /// The share of draws where the current run did not beat the baseline (a one-sided
        /// p-value for "the current run is better"). Ties count as not better, so when a
        /// change touches few documents (many draws leave them all out) this is conservative.
        public var shareNotBetter: Double
    }

    /// The number of draws.
    public var samples: Int
    /// The confidence level, e.g. 0.95.
    public var confidence: Double
    /// The seed of the draws, so a report can be reproduced.
    public var seed: UInt64

    /// Creates a bootstrap.
    public init(samples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 1) {
        self.samples = samples
        self.confidence = confidence
        self.seed = seed
    }

    /// Compares two runs from their per-document counts in one mode (same documents, same order).
    public func compare(baseline: [ModeCounts], current: [ModeCounts], mode: EvaluationMode) -> Result {
        precondition(baseline.count == current.count, "the runs must cover the same documents")
        func f1(_ counts: ModeCounts) -> Double { counts.measures(halfCreditForPartial: mode.halfCreditForPartial).f1 }
        let total = (baseline.reduce(ModeCounts(), +), current.reduce(ModeCounts(), +))
        var generator = SplitMix64(seed: seed)
        var drawn: [(Double, Double)] = []
        drawn.reserveCapacity(samples)
        let count = baseline.count
        for _ in 0..<samples where count > 0 {
            var old = ModeCounts()
            var new = ModeCounts()
            for _ in 0..<count {
                let pick = Int(generator.next() % UInt64(count))
                old = old + baseline[pick]
                new = new + current[pick]
            }
            drawn.append((f1(old), f1(new)))
        }
        func interval(_ estimate: Double, _ values: [Double]) -> Interval {
            guard !values.isEmpty else { return Interval(estimate: estimate, lower: estimate, upper: estimate) }
            let sorted = values.sorted()
            let tail = (1 - confidence) / 2
            let low = sorted[min(sorted.count - 1, Int(Double(sorted.count) * tail))]
            let high = sorted[min(sorted.count - 1, Int(Double(sorted.count) * (1 - tail)))]
            return Interval(estimate: estimate, lower: low, upper: high)
        }
        let differences = drawn.map { $0.1 - $0.0 }
        return Result(
            baseline: interval(f1(total.0), drawn.map(\.0)),
            current: interval(f1(total.1), drawn.map(\.1)),
            difference: interval(f1(total.1) - f1(total.0), differences),
            shareNotBetter: differences.isEmpty ? 1 : Double(differences.filter { $0 <= 0 }.count) / Double(differences.count))
    }
}

/// A small seeded generator (SplitMix64), so bootstrap draws are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
