/// Where each rule of a pack may start in a text, found in one pass for all rules.
///
/// Running an ICU pattern tries it at every position of the text; most positions cannot
/// start a match (a date rule needs a digit, a month name or a modifier word there). The
/// filter holds every rule's ``PatternPrefixes`` in one trie of folded units and walks it
/// once from each position where a rule may start — after a word boundary and its
/// proclitics for rules with word boundaries, anywhere for the others. A rule then runs
/// only at the positions found (``ICURegex/forEachMatch(in:startingOnlyAt:groups:_:)``),
/// which gives the matches a full scan gives, because every match starts with one of the
/// rule's beginnings.
public struct StartFilter: Sendable {
    /// Where a rule's matches may start.
    public enum Anchor: Sendable, Equatable {
        /// After a word boundary or the proclitics that open a word.
        case wordStart
        /// At any position.
        case anywhere
    }

    /// A rule's beginnings and anchor.
    public struct Entry: Sendable, Equatable {
        /// What every match starts with.
        public var prefixes: PatternPrefixes
        /// Where matches may start.
        public var anchor: Anchor

        /// Creates an entry.
        public init(prefixes: PatternPrefixes, anchor: Anchor) {
            self.prefixes = prefixes
            self.anchor = anchor
        }
    }

    private let isFiltered: [Bool]
    private let wordStarts: PrefixTrie
    private let anywhere: PrefixTrie

    /// Builds the filter for a pack's rules, in pack order; nil (or an entry whose beginnings
    /// accept any start) leaves a rule to a full scan.
    public init(entries: [Entry?]) {
        var isFiltered = [Bool](repeating: false, count: entries.count)
        var wordStarts = PrefixTrie()
        var anywhere = PrefixTrie()
        for (rule, entry) in entries.enumerated() {
            guard let entry, !entry.prefixes.acceptsAnyStart else { continue }
            isFiltered[rule] = true
            for prefix in entry.prefixes.prefixes {
                switch entry.anchor {
                case .wordStart: wordStarts.insert(prefix.units, rule: Int32(rule))
                case .anywhere: anywhere.insert(prefix.units, rule: Int32(rule))
                }
            }
        }
        self.isFiltered = isFiltered
        self.wordStarts = wordStarts
        self.anywhere = anywhere
    }

    /// Whether a rule runs only at the starts the filter finds.
    public func isFiltered(_ rule: Int) -> Bool { rule < isFiltered.count && isFiltered[rule] }

    /// The number of rules the filter restricts.
    public var filteredCount: Int { isFiltered.filter { $0 }.count }

    /// For each rule, the ascending UTF-16 offsets where it may start (empty for rules that
    /// are not filtered).
    public func starts(in text: [UInt16]) -> [[Int]] {
        var starts = [[Int]](repeating: [], count: isFiltered.count)
        let count = text.count
        let scansWords = !wordStarts.isEmpty
        let scansAnywhere = !anywhere.isEmpty
        for position in 0..<count {
            if scansAnywhere { anywhere.walk(text, from: position, into: &starts) }
            if scansWords, !WordCharacters.isWord(in: text, before: position) {
                WordCharacters.forEachStart(in: text, after: position) { start in
                    wordStarts.walk(text, from: start, into: &starts)
                }
            }
        }
        return starts
    }
}

/// A trie of folded UTF-16 units whose nodes name the rules a beginning belongs to.
struct PrefixTrie: Sendable {
    private struct Node: Sendable {
        var keys: [UInt16] = []
        var targets: [Int32] = []
        var rules: [Int32] = []
    }

    private var nodes: [Node] = [Node()]
    /// The root's children by unit (-1: none), for the first step of every walk.
    private var root = [Int32](repeating: -1, count: 0x10000)

    var isEmpty: Bool { nodes.count == 1 }

    mutating func insert(_ units: [UInt16], rule: Int32) {
        var node = 0
        for unit in units {
            if let next = child(of: node, unit) {
                node = next
                continue
            }
            nodes.append(Node())
            let created = Int32(nodes.count - 1)
            if node == 0 {
                root[Int(unit)] = created
            }
            nodes[node].keys.append(unit)
            nodes[node].targets.append(created)
            node = Int(created)
        }
        if !nodes[node].rules.contains(rule) { nodes[node].rules.append(rule) }
    }

    @inline(__always)
    private func child(of node: Int, _ unit: UInt16) -> Int? {
        if node == 0 {
            let next = root[Int(unit)]
            return next < 0 ? nil : Int(next)
        }
        let keys = nodes[node].keys
        for slot in keys.indices where keys[slot] == unit { return Int(nodes[node].targets[slot]) }
        return nil
    }

    /// Follows the folded text from `start` (optional marks skipped) and records `start` for
    /// every rule whose beginning it passes.
    @inline(__always)
    func walk(_ text: [UInt16], from start: Int, into starts: inout [[Int]]) {
        var index = start
        var node = 0
        let count = text.count
        while true {
            while index < count, TextFolding.isSkipped(text[index]) { index += 1 }
            guard index < count, let next = child(of: node, TextFolding.filterKey(text[index])) else { return }
            node = next
            index += 1
            for rule in nodes[node].rules where starts[Int(rule)].last != start {
                starts[Int(rule)].append(start)
            }
        }
    }
}
