/// A list of literal entries with optional attributes, loaded from a `.tsv` data file or
/// written inline in a rule file.
///
/// Entries are looked up by their folded key (see ``ArabicScript/foldedKey(_:)``), so a text
/// matched by the lexicon's pattern finds its entry whatever variant spelling it used.
public struct Lexicon: Sendable {
    /// One entry: its text as written and its attributes.
    public struct Entry: Sendable, Hashable {
        /// The entry as written in the data.
        public var text: String
        /// Its attributes, e.g. `month=5`.
        public var attributes: [String: String]
    }

    /// The lexicon's name in the rule pack.
    public let name: String
    /// The entries in file order.
    public let entries: [Entry]
    private let byKey: [String: Int]

    /// Creates a lexicon; for entries with the same key the first one's attributes win.
    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
        var byKey: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where byKey[ArabicScript.foldedKey(entry.text)] == nil {
            byKey[ArabicScript.foldedKey(entry.text)] = index
        }
        self.byKey = byKey
    }

    /// The entry that a matched text stands for, if any. A text that lost its article's alef
    /// to a preceding ل (`لمغرب` for `المغرب`) finds the entry too.
    public func entry(matching text: some StringProtocol) -> Entry? {
        let key = ArabicScript.foldedKey(text)
        if let index = byKey[key] { return entries[index] }
        if key.hasPrefix("\u{0644}"), let index = byKey["\u{0627}" + key] { return entries[index] }
        return nil
    }

    /// Parses the `.tsv` lexicon format: one entry a line, `#` comment lines, optional
    /// tab-separated `key=value` attributes.
    /// - Returns: the entries and a diagnostic for every malformed line.
    public static func parseEntries(_ text: String, path: String) -> ([Entry], [Diagnostic]) {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingSpace().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let entryText = fields[0].trimmingSpace()
            guard !entryText.isEmpty else {
                diagnostics.append(.error("empty entry", at: SourceLocation(file: path, line: index + 1, column: 1)))
                continue
            }
            var attributes: [String: String] = [:]
            var column = fields[0].unicodeScalars.count + 2
            for field in fields.dropFirst() {
                defer { column += field.unicodeScalars.count + 1 }
                if field.isEmpty { continue }
                guard let equals = field.firstIndex(of: "="), field[..<equals].isIdentifier else {
                    diagnostics.append(.error(
                        "expected `key=value` after the entry, found `\(field)`",
                        at: SourceLocation(file: path, line: index + 1, column: column)))
                    continue
                }
                attributes[String(field[..<equals])] = String(field[field.index(after: equals)...])
            }
            entries.append(Entry(text: entryText, attributes: attributes))
        }
        return (entries, diagnostics)
    }
}
