/// Runs a rule pack over documents: every rule's matches become candidates, normalisers
/// compute their attributes, and conflict resolution makes the output flat.
///
/// An annotator owns the pack's matchers, so one instance serves one thread; use
/// ``RulePack/cloned()`` for another.
public struct Annotator: Sendable {
    /// The compiled rules.
    public let pack: RulePack
    /// The date relative expressions are resolved against; none by default.
    public var referenceDate: CalendarDate?

    /// Creates an annotator.
    public init(pack: RulePack, referenceDate: CalendarDate? = nil) {
        self.pack = pack
        self.referenceDate = referenceDate
    }

    /// Annotates one document. A rule that fails on it (e.g. ICU's time limit) is reported
    /// in ``AnnotatedDocument/errors`` and the other rules' spans are kept.
    public func annotate(_ document: Document) -> AnnotatedDocument {
        let (candidates, errors) = self.candidates(in: document)
        let winners = ConflictResolver().resolve(candidates).winners
        return AnnotatedDocument(document: document, spans: winners.map(\.span), errors: errors)
    }

    /// Every candidate of every rule in a document, with the verdict conflict resolution
    /// gives it (rejected candidates included), for `wasim explain`.
    public func explain(_ document: Document) -> (candidates: [Candidate], verdicts: [Verdict], errors: [String]) {
        var rejected: [(Candidate, String)] = []
        let (candidates, errors) = self.candidates(in: document, rejected: &rejected)
        let verdicts = ConflictResolver().resolve(candidates).verdicts
        return (candidates + rejected.map(\.0), verdicts + rejected.map { .rejected($0.1) }, errors)
    }

    /// The candidates of every rule, and an error message for every rule that failed.
    public func candidates(in document: Document) -> ([Candidate], [String]) {
        var rejected: [(Candidate, String)] = []
        return candidates(in: document, rejected: &rejected)
    }

    private func candidates(in document: Document, rejected: inout [(Candidate, String)]) -> ([Candidate], [String]) {
        var candidates: [Candidate] = []
        var errors: [String] = []
        let prepared = prepare(document)
        for index in pack.rules.indices {
            if let error = collect(rule: index, in: prepared, into: &candidates, rejected: &rejected) {
                errors.append(error)
            }
        }
        return (candidates, errors)
    }

    /// What every rule's matching of a document shares: its text without marks and where
    /// each rule may start in it.
    public struct PreparedDocument: Sendable {
        /// The document.
        public let document: Document
        /// Its text without optional marks, which rules with optional diacritics match.
        public let markFree: MarkFreeText
        /// Each rule's possible starts in ``markFree`` (``RulePack/startFilter``).
        public let starts: [[Int]]
    }

    /// Removes a document's marks and finds where each rule may start.
    public func prepare(_ document: Document) -> PreparedDocument {
        let markFree = MarkFreeText(document.utf16)
        return PreparedDocument(document: document, markFree: markFree, starts: pack.startFilter.starts(in: markFree.units))
    }

    /// The candidates of one rule in a prepared document (for profiling a pack rule by rule),
    /// and the error message when the rule failed on it.
    public func candidates(ofRule index: Int, in prepared: PreparedDocument) -> ([Candidate], String?) {
        var candidates: [Candidate] = []
        var rejected: [(Candidate, String)] = []
        let error = collect(rule: index, in: prepared, into: &candidates, rejected: &rejected)
        return (candidates, error)
    }

    /// Runs one rule over a document, appending its candidates (and those its normalisers
    /// reject); returns an error message when the rule failed.
    private func collect(
        rule index: Int, in prepared: PreparedDocument,
        into candidates: inout [Candidate], rejected: inout [(Candidate, String)]
    ) -> String? {
        let rule = pack.rules[index]
        let document = prepared.document
        let marksFree = rule.matchesMarkFreeText
        let text = marksFree ? prepared.markFree.units : document.utf16
        let groupNumbers = [rule.spanGroup] + rule.groups.map(\.number)
        func original(_ range: Range<Int>) -> Range<Int> {
            marksFree ? prepared.markFree.originalRange(range) : range
        }
        func handle(_ ranges: [Range<Int>?]) -> Bool {
            guard let matched = ranges[0], !matched.isEmpty else { return true }
            let spanRange = original(matched)
            let start = document.offsets.codePoint(atUTF16: spanRange.lowerBound)
            let end = document.offsets.codePoint(atUTF16: spanRange.upperBound)
            var candidate = Candidate(
                ruleIndex: index, rule: rule.name,
                label: rule.isBlocker ? rule.blockedLabels.joined(separator: ",") : rule.label,
                priority: rule.priority, order: rule.order, isBlocker: rule.isBlocker,
                blockedLabels: rule.blockedLabels,
                start: start, end: end, text: self.text(document, spanRange), attributes: [:])
            if rule.isBlocker {
                candidates.append(candidate)
                return true
            }
            var groups: [String: String] = [:]
            for (slot, group) in rule.groups.enumerated() {
                if let range = ranges[slot + 1] { groups[group.name] = self.text(document, original(range)) }
            }
            switch self.attributes(of: rule, text: candidate.text, groups: groups) {
            case .attributes(let attributes):
                candidate.attributes = attributes
                candidates.append(candidate)
            case .reject(let reason):
                rejected.append((candidate, reason))
            }
            return true
        }
        let filtered = pack.startFilter.isFiltered(index)
        if let matcher = rule.lexiconMatcher {
            let ranges = filtered ? matcher.matches(in: text, startingOnlyAt: prepared.starts[index]) : matcher.matches(in: text)
            for range in ranges {
                _ = handle([range] + rule.groups.map { _ in range })
            }
            return nil
        }
        do {
            if filtered {
                try (rule.startRegex ?? rule.regex).forEachMatch(
                    in: text, startingOnlyAt: prepared.starts[index], groups: groupNumbers, handle)
            } else {
                try rule.regex.forEachMatch(in: text, groups: groupNumbers, handle)
            }
            return nil
        } catch {
            let what = error.isTimeOut ? "exceeded the ICU time limit" : "failed (\(error.name))"
            return "rule `\(rule.name)` (\(rule.location)) \(what) on document `\(document.id)`"
        }
    }

    private func text(_ document: Document, _ range: Range<Int>) -> String {
        // Through a contiguous buffer: decoding an array slice takes a much slower path.
        document.utf16.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF16.self) }
    }

    /// Declared attributes first, then each normaliser in turn.
    func attributes(of rule: CompiledRule, text: String, groups: [String: String]) -> NormalizerOutcome {
        var match = RuleMatch(text: text, groups: groups, referenceDate: referenceDate, lexicons: rule.lexicons)
        for attribute in rule.attributes {
            switch attribute.value {
            case .constant(let value):
                match.attributes[attribute.key] = value
            case .group(let group):
                if let value = groups[group] { match.attributes[attribute.key] = value }
            case .lexiconAttribute(let group, let key):
                if let groupText = groups[group], let value = match.lexiconAttributes(of: groupText)?[key] {
                    match.attributes[attribute.key] = value
                }
            }
        }
        for normalizer in rule.normalizers {
            switch normalizer.normalize(match) {
            case .attributes(let computed): match.attributes.merge(computed) { _, new in new }
            case .reject(let reason): return .reject(reason)
            }
        }
        return .attributes(match.attributes)
    }
}
