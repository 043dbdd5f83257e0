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
    /// ICU's `\\w` by code unit, held for the scan.
    private let isWord: [Bool]

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
        wordStarts.freeze()
        anywhere.freeze()
        self.isFiltered = isFiltered
        self.wordStarts = wordStarts
        self.anywhere = anywhere
        self.isWord = WordCharacters.wordTable
    }

    /// Whether a rule runs only at the starts the filter finds.
    public func isFiltered(_ rule: Int) -> Bool { rule < isFiltered.count && isFiltered[rule] }

    /// For each rule, the ascending UTF-16 offsets where it may start (empty for rules that
    /// are not filtered).
    public func starts(in text: [UInt16]) -> [[Int]] {
        var starts = [[Int]](repeating: [], count: isFiltered.count)
        let count = text.count
        let scansWords = !wordStarts.isEmpty
        let scansAnywhere = !anywhere.isEmpty
        for position in 0..<count {
            if scansAnywhere { anywhere.walk(text, from: position, into: &starts) }
            guard scansWords else { continue }
            // ICU's \W before the position (a surrogate pair decoded), or the text's start.
            let afterWord = position > 0 && (UTF16.isTrailSurrogate(text[position - 1])
                ? WordCharacters.isWord(in: text, before: position) : isWord[Int(text[position - 1])])
            if !afterWord {
                WordCharacters.forEachStart(in: text, after: position) { start in
                    wordStarts.walk(text, from: start, into: &starts)
                }
            }
        }
        return starts
    }
}

/// A trie of the filter's folded UTF-16 units whose nodes name the rules a beginning belongs
/// to. Built node by node, then flattened into arrays so that a walk touches no reference
/// counts.
struct PrefixTrie: Sendable {
    private struct Node {
        var keys: [UInt16] = []
        var targets: [Int32] = []
        var rules: [Int32] = []
    }

    private var building: [Node] = [Node()]
    /// The root's children by unit (-1: none), for the first step of every walk.
    private var root = [Int32](repeating: -1, count: 0x10000)
    /// Node n's edges are `edgeUnits[edgeStart[n]..<edgeStart[n+1]]` (and their targets).
    private var edgeStart: [Int32] = []
    private var edgeUnits: [UInt16] = []
    private var edgeTargets: [Int32] = []
    /// Node n's rules are `ruleList[ruleStart[n]..<ruleStart[n+1]]`.
    private var ruleStart: [Int32] = []
    private var ruleList: [Int32] = []
    /// The filter's folding table (``TextFolding/filterKey(_:)``), held to avoid a global's
    /// lazy-initialisation check on every unit.
    private let keys = TextFolding.filterKeys

    var isEmpty: Bool { building.count == 1 }

    mutating func insert(_ units: [UInt16], rule: Int32) {
        var node = 0
        for unit in units {
            if let slot = building[node].keys.firstIndex(of: unit) {
                node = Int(building[node].targets[slot])
                continue
            }
            building.append(Node())
            let created = Int32(building.count - 1)
            if node == 0 { root[Int(unit)] = created }
            building[node].keys.append(unit)
            building[node].targets.append(created)
            node = Int(created)
        }
        if !building[node].rules.contains(rule) { building[node].rules.append(rule) }
    }

    /// Flattens the trie for walking; call after the last insertion.
    mutating func freeze() {
        edgeStart = [0]
        ruleStart = [0]
        for node in building {
            edgeUnits += node.keys
            edgeTargets += node.targets
            edgeStart.append(Int32(edgeUnits.count))
            ruleList += node.rules
            ruleStart.append(Int32(ruleList.count))
        }
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
            guard index < count else { return }
            let unit = keys[Int(text[index])]
            var next: Int32 = -1
            if node == 0 {
                next = root[Int(unit)]
            } else {
                for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edgeUnits[edge] == unit {
                    next = edgeTargets[edge]
                    break
                }
            }
            guard next >= 0 else { return }
            node = Int(next)
            index += 1
            for slot in Int(ruleStart[node])..<Int(ruleStart[node + 1]) {
                let rule = Int(ruleList[slot])
                if starts[rule].last != start { starts[rule].append(start) }
            }
        }
    }
}
