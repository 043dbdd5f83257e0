/// What a normaliser sees of one match.
public struct RuleMatch: Sendable {
    /// The span's text.
    public var text: String
    /// Text of each named group that took part in the match.
    public var groups: [String: String]
    /// Attributes set so far by the rule's `attr` clauses.
    public var attributes: [String: String]
    /// The date relative expressions are resolved against, if given.
    public var referenceDate: CalendarDate?
    /// The lexicons the rule references, to look tokens up.
    public var lexicons: [Lexicon]

    /// Creates a match description.
    public init(text: String, groups: [String: String] = [:], attributes: [String: String] = [:],
                referenceDate: CalendarDate? = nil, lexicons: [Lexicon] = []) {
        self.text = text
        self.groups = groups
        self.attributes = attributes
        self.referenceDate = referenceDate
        self.lexicons = lexicons
    }

    /// The attributes of the first entry of the rule's lexicons that matches a text.
    public func lexiconAttributes(of text: some StringProtocol) -> [String: String]? {
        for lexicon in lexicons {
            if let entry = lexicon.entry(matching: text) { return entry.attributes }
        }
        return nil
    }
}

/// What a normaliser decides.
public enum NormalizerOutcome: Sendable, Equatable {
    /// Attributes to add to (or replace on) the span.
    case attributes([String: String])
    /// The match is not a mention after all (e.g. 31 February); the reason shows in `explain`.
    case reject(String)
}

/// Computes attributes of a match, e.g. a date's ISO value or a number's value.
public protocol Normalizer: Sendable {
    /// The name rules use in `normalize NAME`.
    var name: String { get }
    /// Computes attributes for a match.
    func normalize(_ match: RuleMatch) -> NormalizerOutcome
}

/// The normalisers every rule pack can use.
public enum StandardNormalizers {
    /// By name.
    public static let all: [String: any Normalizer] = {
        let list: [any Normalizer] = [
            DateNormalizer(), NumberNormalizer(), AmountNormalizer(name: "percent"), AmountNormalizer(name: "money"),
            TimeNormalizer(),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()
}
