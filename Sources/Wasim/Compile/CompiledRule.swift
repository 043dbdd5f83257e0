/// A rule compiled to an ICU regular expression, ready to match.
public struct CompiledRule: Sendable {
    /// The group that delimits the span when the rule has a left or right context.
    public static let spanGroupName = "wspan"

    /// The rule's name.
    public let name: String
    /// The label of its spans (empty for a blocker of every label).
    public let label: String
    /// Conflict priority; higher wins.
    public let priority: Int
    /// True for a blocker.
    public let isBlocker: Bool
    /// Labels a blocker suppresses; empty means all.
    public let blockedLabels: [String]
    /// Position in the pack (file order, then order in the file); the last tie-breaker.
    public let order: Int
    /// Where the rule is declared.
    public let location: SourceLocation
    /// The options it was compiled with.
    public let options: RuleOptions
    /// The ICU pattern it compiles to.
    public let pattern: String
    /// The compiled matcher (clone it for another thread).
    public let regex: ICURegex
    /// The group number of the span: 0, or the span group's when there is context.
    public let spanGroup: Int
    /// Named groups and their numbers.
    public let groups: [(name: String, number: Int)]
    /// Lexicons the pattern references, for `$group.key` attributes.
    public let lexicons: [Lexicon]
    /// Declared attributes.
    public let attributes: [AttributeDeclaration]
    /// Normalisers that compute attributes, in order.
    public let normalizers: [any Normalizer]
    /// Examples for `wasim test`.
    public let examples: [RuleExample]
    /// For a rule that is one lexicon, the trie walker that finds what ``regex`` finds, faster.
    public let lexiconMatcher: LexiconMatcher?
    /// What the rule's matches start with and where, for the pack's ``StartFilter``; nil
    /// when the rule is not filtered (the lexicon fast path, `ignore-case`, syntax the
    /// analysis does not follow).
    public let startEntry: StartFilter.Entry?
    /// The pattern without its leading word-start lookbehind, for the starts the pack's
    /// ``StartFilter`` finds (which satisfy that lookbehind already); nil when the rule is not
    /// filtered or has no such lookbehind.
    public let startRegex: ICURegex?
    /// Whether the rule matches the text without its optional marks (``MarkFreeText``):
    /// true unless it was compiled with `option no-diacritics`.
    public let matchesMarkFreeText: Bool

    /// Whether this blocker suppresses candidates of a label.
    public func blocks(_ label: String) -> Bool {
        isBlocker && (blockedLabels.isEmpty || blockedLabels.contains(label))
    }

    /// A copy with its own matcher, for use on another thread.
    public func cloned() throws(ICUError) -> CompiledRule {
        CompiledRule(
            name: name, label: label, priority: priority, isBlocker: isBlocker, blockedLabels: blockedLabels,
            order: order, location: location, options: options, pattern: pattern, regex: try regex.clone(), spanGroup: spanGroup,
            groups: groups, lexicons: lexicons, attributes: attributes, normalizers: normalizers, examples: examples,
            lexiconMatcher: lexiconMatcher, startEntry: startEntry,
            startRegex: try startRegex?.clone(), matchesMarkFreeText: matchesMarkFreeText)
    }
}
