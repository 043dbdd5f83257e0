/// One match of one rule before conflicts are resolved.
public struct Candidate: Sendable, Hashable {
    /// The rule's position in the pack.
    public var ruleIndex: Int
    /// The rule's name.
    public var rule: String
    /// The span's label (for a blocker, its rule's label or empty).
    public var label: String
    /// The rule's priority.
    public var priority: Int
    /// The rule's file order.
    public var order: Int
    /// True when it comes from a blocker.
    public var isBlocker: Bool
    /// For a blocker, the labels it blocks; empty means every label.
    public var blockedLabels: [String] = []
    /// The span in code points.
    public var start: CodePointOffset
    /// One past the end, in code points.
    public var end: CodePointOffset
    /// The covered text.
    public var text: String
    /// Attributes computed for it.
    public var attributes: [String: String]

    /// The number of code points covered.
    public var length: Int { end - start }

    /// True when the two candidates share a code point.
    public func overlaps(_ other: Candidate) -> Bool { start < other.end && other.start < end }

    /// True when `other` lies within this candidate.
    public func contains(_ other: Candidate) -> Bool { start <= other.start && other.end <= end }

    /// The span this candidate becomes when it wins.
    public var span: Span {
        Span(start: start, end: end, label: label, text: text, rule: rule, attributes: attributes)
    }
}

/// What became of a candidate in conflict resolution, for `wasim explain`.
public enum Verdict: Sendable, Hashable, CustomStringConvertible {
    /// It is in the output.
    case won
    /// A blocker's match suppressed it.
    case blocked(by: String)
    /// An overlapping candidate won; the reason says which tie-breaker decided.
    case lost(to: String, reason: String)
    /// The rule's normaliser rejected the match.
    case rejected(String)
    /// It is a blocker's match (which produces no span).
    case blocker

    public var description: String {
        switch self {
        case .won: "won"
        case .blocked(let rule): "blocked by `\(rule)`"
        case .lost(let rule, let reason): "lost to `\(rule)` (\(reason))"
        case .rejected(let reason): "rejected by the normaliser: \(reason)"
        case .blocker: "blocker match"
        }
    }
}

/// Resolves overlapping candidates into flat output, as the guidelines require.
///
/// Blockers go first: a blocker's match removes every candidate of a label it blocks that
/// lies within it and has no higher priority (so `المملكة` as a description blocks a rule's
/// `المملكة` but not the longer place name `المملكة المغربية`). Then candidates are taken greedily in this order:
/// higher priority, then the longer span, then the earlier start, then the rule earlier in
/// file order; a candidate that overlaps one already taken is dropped.
public struct ConflictResolver {
    /// Creates a resolver.
    public init() {}

    /// The winning candidates in document order, and a verdict for every candidate.
    public func resolve(_ candidates: [Candidate]) -> (winners: [Candidate], verdicts: [Verdict]) {
        var verdicts = [Verdict](repeating: .won, count: candidates.count)
        let blockers = candidates.indices.filter { candidates[$0].isBlocker }
        for index in blockers { verdicts[index] = .blocker }
        var open = candidates.indices.filter { !candidates[$0].isBlocker }
        open.removeAll { index in
            let candidate = candidates[index]
            guard let blocker = blockers.first(where: { blockerIndex in
                let blocker = candidates[blockerIndex]
                return blocker.contains(candidate) && blocker.priority >= candidate.priority
                    && (blocker.blockedLabels.isEmpty || blocker.blockedLabels.contains(candidate.label))
            }) else { return false }
            verdicts[index] = .blocked(by: candidates[blocker].rule)
            return true
        }
        open.sort { a, b in Self.ranksBefore(candidates[a], candidates[b]) }
        var taken: [Int] = []
        for index in open {
            let candidate = candidates[index]
            if let winner = taken.first(where: { candidates[$0].overlaps(candidate) }) {
                verdicts[index] = .lost(to: candidates[winner].rule, reason: Self.reason(candidates[winner], candidate))
            } else {
                taken.append(index)
            }
        }
        let winners = taken.map { candidates[$0] }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        return (winners, verdicts)
    }

    /// The resolution order: priority, length, start, file order.
    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.length != b.length { return a.length > b.length }
        if a.start != b.start { return a.start < b.start }
        return a.order < b.order
    }

    private static func reason(_ winner: Candidate, _ loser: Candidate) -> String {
        if winner.priority != loser.priority { return "higher priority \(winner.priority) > \(loser.priority)" }
        if winner.length != loser.length { return "longer span \(winner.length) > \(loser.length)" }
        if winner.start != loser.start { return "earlier start" }
        return "earlier in file order"
    }
}
