/// The syntax tree of rule files, as written: nothing here is compiled or resolved yet.

/// Pattern text gathered from one clause, possibly over continuation lines, with the source
/// position of every character so that errors can point back into the rule file.
public struct PatternSource: Hashable, Sendable {
    /// The pattern's characters, continuation lines joined by one space.
    public private(set) var text: String = ""
    /// Source location of each code point of ``text``.
    public private(set) var locations: [SourceLocation] = []

    /// Creates an empty pattern source.
    public init() {}

    /// Creates a pattern from a string starting at a location (used for command-line rules
    /// and tests).
    public init(_ text: String, at location: SourceLocation) {
        append(text, at: location)
    }

    /// Appends a segment that starts at `location`; segments are separated by one space.
    public mutating func append(_ segment: some StringProtocol, at location: SourceLocation) {
        if !text.isEmpty {
            text.append(" ")
            locations.append(locations.last ?? location)
        }
        for (index, scalar) in segment.unicodeScalars.enumerated() {
            text.unicodeScalars.append(scalar)
            locations.append(location.advanced(by: index))
        }
    }

    /// The location of the code point at `offset`, or of the end.
    public func location(at offset: Int) -> SourceLocation? {
        if locations.isEmpty { return nil }
        return offset < locations.count ? locations[offset] : locations[locations.count - 1].advanced(by: 1)
    }

    /// The location of the first character.
    public var start: SourceLocation? { locations.first }
}

/// `macro NAME = PATTERN`: a named sub-pattern, referenced as `{NAME}`.
public struct MacroDeclaration: Hashable, Sendable {
    /// The macro's name.
    public var name: String
    /// Its pattern.
    public var pattern: PatternSource
    /// Where it is declared.
    public var location: SourceLocation
}

/// `lexicon NAME from "file.tsv"` or `lexicon NAME = a | b | c`: a list of literal entries,
/// referenced as `@NAME`.
public struct LexiconDeclaration: Hashable, Sendable {
    /// Where the entries come from.
    public enum Source: Hashable, Sendable {
        /// A data file, path relative to the rule file, with the location of the path.
        case file(String, SourceLocation)
        /// Entries written in the rule file.
        case inline([String])
    }
    /// The lexicon's name.
    public var name: String
    /// Its entries' source.
    public var source: Source
    /// Where it is declared.
    public var location: SourceLocation
}

/// `attr KEY = VALUE`: an attribute a rule gives its spans.
public struct AttributeDeclaration: Hashable, Sendable {
    /// How the value is obtained.
    public enum Value: Hashable, Sendable {
        /// A constant.
        case constant(String)
        /// The text a named group matched (`$group`).
        case group(String)
        /// An attribute of the lexicon entry a named group matched (`$group.key`).
        case lexiconAttribute(group: String, key: String)
    }
    /// The attribute's key.
    public var key: String
    /// Its value.
    public var value: Value
    /// Where it is declared.
    public var location: SourceLocation
}

/// One example attached to a rule, run by `wasim test`.
public struct RuleExample: Hashable, Sendable {
    /// The input text.
    public var text: String
    /// For a positive example, the span text expected (the whole text when omitted) and its
    /// attributes; `nil` for a counter-example, which must produce no span of the rule's label.
    public var expected: Expectation?
    /// Where it is written.
    public var location: SourceLocation

    /// What a positive example expects.
    public struct Expectation: Hashable, Sendable {
        /// The text of the expected span.
        public var span: String
        /// Attributes the span must carry (others are not checked).
        public var attributes: [String: String]
    }
}

/// Per-rule switches for the Arabic-aware compilation; all on by default.
public struct RuleOptions: Hashable, Sendable {
    /// Letter variants (ا أ إ آ ٱ, ي ى ی, ة ه, ك ک) match each other.
    public var letterVariants = true
    /// Diacritics and tatweel may appear after any Arabic letter.
    public var optionalDiacritics = true
    /// Proclitics (و ف ب ك ل) may precede the span, outside it.
    public var proclitics = true
    /// The span must start and end at word edges.
    public var wordBoundaries = true
    /// ASCII digits also match Arabic-Indic and Eastern Arabic-Indic digits.
    public var nativeDigits = true
    /// Case-insensitive matching for Latin script.
    public var ignoreCase = false

    /// All defaults.
    public init() {}

    /// The option words of rule files (each also as `no-WORD`).
    public static let words = ["variants", "diacritics", "clitics", "boundaries", "digits", "ignore-case"]

    /// The option words that differ from the defaults, as a rule file writes them
    /// (`ignore-case`, `no-diacritics`, …), in ``words`` order.
    public var changedWords: [String] {
        let defaults = RuleOptions()
        return Self.words.compactMap { word in
            guard let path = Self.keyPath(for: word), self[keyPath: path] != defaults[keyPath: path] else { return nil }
            return self[keyPath: path] ? word : "no-" + word
        }
    }

    /// The switch an option word sets, or nil for an unknown word.
    public static func keyPath(for word: String) -> WritableKeyPath<RuleOptions, Bool>? {
        switch word {
        case "variants": \.letterVariants
        case "diacritics": \.optionalDiacritics
        case "clitics": \.proclitics
        case "boundaries": \.wordBoundaries
        case "digits": \.nativeDigits
        case "ignore-case": \.ignoreCase
        default: nil
        }
    }
}

/// `rule NAME LABEL` or `block NAME [LABEL,…]` with its clauses.
public struct RuleDeclaration: Hashable, Sendable {
    /// The rule's name, unique in the rule pack.
    public var name: String
    /// The label its spans get (for a blocker: the first blocked label, or empty).
    public var label: String
    /// True for a blocker: its matches suppress other rules' candidates and produce no span.
    public var isBlocker: Bool
    /// For a blocker, the labels it blocks; empty means every label.
    public var blockedLabels: [String]
    /// Higher wins in conflicts; 0 by default, ``defaultBlockerPriority`` for blockers.
    public var priority: Int = 0

    /// A blocker's priority when none is given: above every rule's.
    public static let defaultBlockerPriority = 1_000
    /// The pattern of the span.
    public var pattern: PatternSource?
    /// Text that must come right before the span and stays outside it.
    public var leftContext: PatternSource?
    /// Text that must come right after the span and stays outside it.
    public var rightContext: PatternSource?
    /// Attributes from constants, groups and lexicon entries.
    public var attributes: [AttributeDeclaration] = []
    /// Named normalisers that compute attributes from the match (e.g. `date`, `number`).
    public var normalizers: [(name: String, location: SourceLocation)] = []
    /// Compilation switches.
    public var options = RuleOptions()
    /// Examples and counter-examples.
    public var examples: [RuleExample] = []
    /// Where the rule is declared.
    public var location: SourceLocation

    public static func == (a: RuleDeclaration, b: RuleDeclaration) -> Bool {
        a.name == b.name && a.location == b.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(location)
    }
}

/// One parsed rule file.
public struct RuleFile: Sendable {
    /// The file's path.
    public var path: String
    /// Its macros, in order.
    public var macros: [MacroDeclaration] = []
    /// Its lexicons, in order.
    public var lexicons: [LexiconDeclaration] = []
    /// Its rules and blockers, in order.
    public var rules: [RuleDeclaration] = []
}
