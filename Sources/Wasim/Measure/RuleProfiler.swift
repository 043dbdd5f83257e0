import Foundation

/// Where a rule pack spends its time: each rule runs alone over the same documents and its
/// matching time (normalisers included) is added up, so a rule writer can see which rule
/// makes a pack slow.
public struct RuleProfiler {
    /// The time and output of one rule over the documents profiled.
    public struct Entry: Sendable {
        /// The rule's name.
        public let rule: String
        /// Where it is declared.
        public let location: SourceLocation
        /// Whether it ran on the lexicon fast path instead of ICU.
        public let isLexiconWalk: Bool
        /// Seconds spent matching it.
        public var seconds: Double
        /// Candidates it produced.
        public var candidates: Int
        /// Positions the start filter let it try; nil when it scanned the whole text.
        public var starts: Int?
    }

    /// The annotator whose rules are timed.
    public let annotator: Annotator

    /// Creates a profiler for an annotator's pack.
    public init(annotator: Annotator) {
        self.annotator = annotator
    }

    /// Times every rule over the documents, and the preparation all rules share (marks
    /// removed, start filter) as a row of its own; the slowest comes first.
    public func profile(_ documents: [Document]) -> [Entry] {
        let clock = ContinuousClock()
        var prepared: [Annotator.PreparedDocument] = []
        let preparing = clock.measure {
            prepared = documents.map(annotator.prepare)
        }
        var entries = annotator.pack.rules.map { rule in
            Entry(rule: rule.name, location: rule.location, isLexiconWalk: rule.lexiconMatcher != nil,
                  seconds: 0, candidates: 0)
        }
        for index in entries.indices {
            var produced = 0
            let elapsed = clock.measure {
                for document in prepared {
                    produced += annotator.candidates(ofRule: index, in: document).0.count
                }
            }
            entries[index].seconds = elapsed.seconds
            entries[index].candidates = produced
            if annotator.pack.startFilter.isFiltered(index) {
                entries[index].starts = prepared.reduce(0) { $0 + $1.starts[index].count }
            }
        }
        entries.append(Entry(rule: "(marks removed, start filter)", location: SourceLocation(file: "", line: 0, column: 0),
                             isLexiconWalk: false, seconds: preparing.seconds, candidates: 0))
        return entries.sorted { $0.seconds > $1.seconds }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
