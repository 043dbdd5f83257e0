/// Runs the examples written next to rules (`wasim test`), in the spirit of Duckling's
/// corpus files: each positive example must produce its span from its own rule, with the
/// stated attributes; each counter-example must produce no span of the rule's label.
public struct ExampleRunner {
    /// One failed example.
    public struct Failure: Sendable, Hashable {
        /// The rule it belongs to.
        public var rule: String
        /// The example's location in the rule file.
        public var location: SourceLocation
        /// What went wrong.
        public var message: String
    }

    /// The annotator the examples run through (the whole pack, so conflicts show).
    public let annotator: Annotator

    /// Creates a runner.
    public init(annotator: Annotator) {
        self.annotator = annotator
    }

    /// The number of examples run and the failures.
    public func run() -> (count: Int, failures: [Failure]) {
        var count = 0
        var failures: [Failure] = []
        for rule in annotator.pack.rules {
            for example in rule.examples {
                count += 1
                if let message = check(example, of: rule) {
                    failures.append(Failure(rule: rule.name, location: example.location, message: message))
                }
            }
        }
        return (count, failures)
    }

    /// Nil when the example holds, else what went wrong.
    public func check(_ example: RuleExample, of rule: CompiledRule) -> String? {
        let annotated = annotator.annotate(Document(id: "example", text: example.text))
        let found = annotated.spans.map { "\($0.label) \"\($0.text)\" (\($0.rule ?? "?"))" }.joined(separator: ", ")
        guard let expected = example.expected else {
            let labels = rule.isBlocker ? Set(rule.blockedLabels) : [rule.label]
            let wrong = annotated.spans.filter { labels.isEmpty || labels.contains($0.label) }
            if wrong.isEmpty { return nil }
            return "counter-example of `\(rule.name)` produced " + wrong.map { "\($0.label) \"\($0.text)\" (\($0.rule ?? "?"))" }.joined(separator: ", ")
        }
        guard let span = annotated.spans.first(where: { $0.text == expected.span && $0.label == rule.label }) else {
            return "expected \(rule.label) \"\(expected.span)\" from `\(rule.name)`; found " + (found.isEmpty ? "nothing" : found)
        }
        if span.rule != rule.name {
            return "\(rule.label) \"\(expected.span)\" came from `\(span.rule ?? "?")`, not from `\(rule.name)`"
        }
        // `key=(none)` asserts that the span has no such attribute.
        for (key, value) in expected.attributes.sorted(by: { $0.key < $1.key }) where (span.attributes[key] ?? "(none)") != value {
            return "\(rule.label) \"\(expected.span)\": expected \(key)=\(value), got \(key)=\(span.attributes[key] ?? "(none)")"
        }
        return nil
    }
}
