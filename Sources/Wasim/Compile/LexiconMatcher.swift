/// A fast path for rules whose whole pattern is one lexicon (`pattern @NAME`, with default
/// options and no context): the entries are matched by walking a trie over the UTF-16 text
/// from each word start, instead of running the trie as an ICU regular expression at every
/// position. It finds exactly what the compiled ICU pattern finds (a test runs both over
/// the same texts):
///
/// - a match starts at a word start, or after the proclitics و/ف then ب/ل/ك (each with up to
///   three tatweels) that open a word; of these, the first start with a match wins;
/// - letters match their variants, harakat and tatweel may follow any Arabic letter, native
///   digits match ASCII ones, a space in an entry matches any run of white space;
/// - the longest entry that ends at a word end wins;
/// - an entry starting with the article matches `لمغرب` in `للمغرب` (the article's alef
///   absorbed by a preceding ل), tried before the entries that start with ل, as the
///   compiled pattern's alternation order does.
///
/// - Complexity: O(n × L) for a text of n code units and entries of length at most L,
///   with no per-position regex overhead.
public struct LexiconMatcher: Sendable {
    private struct Node: Sendable {
        var children: [UInt16: Int32] = [:]
        var isEnd = false
    }

    private var nodes: [Node] = [Node()]

    /// Builds the matcher for a lexicon's entries (folded as the compiled pattern folds them).
    public init(entries: [String]) {
        for entry in entries {
            let key = ArabicScript.foldedKey(entry)
            guard !key.isEmpty else { continue }
            var node = 0
            for unit in key.utf16 {
                if let next = nodes[node].children[unit] {
                    node = Int(next)
                } else {
                    nodes.append(Node())
                    nodes[node].children[unit] = Int32(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            nodes[node].isEnd = true
        }
    }

    /// Whether a rule can use the fast path: its pattern is exactly one lexicon, optionally in
    /// one named group, with default options and no context. Returns the lexicon's name and
    /// the group's name.
    static func eligibleLexicon(of rule: RuleDeclaration) -> (lexicon: String, group: String?)? {
        guard rule.leftContext == nil, rule.rightContext == nil, rule.options == RuleOptions(),
              let text = rule.pattern?.text.filter({ !$0.isWhitespace }) else { return nil }
        if text.hasPrefix("@"), text.dropFirst().isIdentifier { return (String(text.dropFirst()), nil) }
        guard text.hasPrefix("(?<"), text.hasSuffix(")"), let close = text.firstIndex(of: ">") else { return nil }
        let group = String(text[text.index(text.startIndex, offsetBy: 3)..<close])
        let inner = text[text.index(after: close)..<text.index(before: text.endIndex)]
        guard group.isGroupName, inner.hasPrefix("@"), inner.dropFirst().isIdentifier else { return nil }
        return (String(inner.dropFirst()), group)
    }

    /// Every match in a UTF-16 text, in order, as UTF-16 ranges.
    public func matches(in text: [UInt16]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let count = text.count
        var position = 0
        while position < count {
            // The next word start.
            guard WordCharacters.isWord(in: text, at: position),
                  !WordCharacters.isWord(in: text, before: position) else {
                position += 1
                continue
            }
            var matched: Range<Int>?
            for start in candidateStarts(in: text, wordStart: position) {
                if let end = longestMatch(in: text, from: start) {
                    matched = start..<end
                    break
                }
            }
            if let matched {
                found.append(matched)
                position = matched.upperBound
            } else {
                position += 1
            }
        }
        return found
    }

    /// The same matches as ``matches(in:)`` when every match starts at one of `starts`
    /// (ascending): the trie is walked only from there, skipping starts inside the previous
    /// match.
    public func matches(in text: [UInt16], startingOnlyAt starts: [Int]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var resume = 0
        for start in starts where start >= resume {
            if let end = longestMatch(in: text, from: start) {
                found.append(start..<end)
                resume = end
            }
        }
        return found
    }

    /// The word start itself, then the positions after its proclitics.
    private func candidateStarts(in text: [UInt16], wordStart: Int) -> [Int] {
        var starts: [Int] = []
        WordCharacters.forEachStart(in: text, after: wordStart) { starts.append($0) }
        return starts
    }

    /// The end of the longest entry starting at `start` that ends at a word end.
    private func longestMatch(in text: [UInt16], from start: Int) -> Int? {
        // The article absorbed by a preceding ل: the alternation tries it first (ا < ل).
        if text[start] == 0x0644, start > 0, text[start - 1] == 0x0644,
           let alef = nodes[0].children[0x0627], nodes[Int(alef)].children[0x0644] != nil,
           let end = walk(text, from: start, node: Int(alef)) {
            return end
        }
        return walk(text, from: start, node: 0)
    }

    private func walk(_ text: [UInt16], from start: Int, node first: Int) -> Int? {
        var node = first
        var index = start
        var best: Int?
        let count = text.count
        while index < count {
            let unit = text[index]
            if WordCharacters.isSpace(unit) {
                guard let next = nodes[node].children[0x0020] else { break }
                while index < count, WordCharacters.isSpace(text[index]) { index += 1 }
                node = Int(next)
                continue
            }
            guard let next = nodes[node].children[WordCharacters.fold(unit)] else { break }
            node = Int(next)
            index += 1
            if WordCharacters.isArabicLetter(unit) {
                while index < count, WordCharacters.isOptionalMark(text[index]) { index += 1 }
            }
            if nodes[node].isEnd, !WordCharacters.isWord(in: text, at: index) { best = index }
        }
        return best
    }
}

/// Per-code-unit tables for the fast paths: ICU's `\w` and `\s`, the Arabic letters and
/// optional marks of ``ArabicScript``, and the folding of lexicon keys.
enum WordCharacters {
    /// ICU's `\\w` for every code unit (surrogates: false).
    static var wordTable: [Bool] { word }
    // From the system ICU, so that these tables agree with the compiled patterns even where
    // Swift's Unicode data is newer. Surrogate code units are not characters: false.
    private static let word: [Bool] = (0..<0x10000).map { value in
        !UTF16.isLeadSurrogate(UInt16(value)) && !UTF16.isTrailSurrogate(UInt16(value)) && ICUCharacters.isWord(UInt32(value))
    }

    /// ICU's `\w`: alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { ICUCharacters.isWord(scalar.value) }

    private static let space: [Bool] = (0..<0x10000).map { ICUCharacters.isSpace(UInt32($0)) }

    /// ICU's `\w`.
    static func isWord(_ unit: UInt16) -> Bool { word[Int(unit)] }

    /// ICU's `\w` for the character that ends just before a UTF-16 index (a surrogate pair is
    /// decoded); false at the start of the text.
    static func isWord(in text: [UInt16], before index: Int) -> Bool {
        guard index > 0 else { return false }
        if UTF16.isTrailSurrogate(text[index - 1]), index >= 2, UTF16.isLeadSurrogate(text[index - 2]) {
            return isWord(in: text, at: index - 2)
        }
        return word[Int(text[index - 1])]
    }

    /// ICU's `\w` for the character at a UTF-16 index (a surrogate pair is decoded); false
    /// at the end of the text.
    static func isWord(in text: [UInt16], at index: Int) -> Bool {
        guard index < text.count else { return false }
        let unit = text[index]
        guard UTF16.isLeadSurrogate(unit), index + 1 < text.count, UTF16.isTrailSurrogate(text[index + 1]) else {
            return word[Int(unit)]
        }
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(text[index + 1]) - 0xDC00)
        return Unicode.Scalar(value).map(isWordScalar) ?? false
    }
    /// Calls `body` with a position where a word may start after a boundary, then with each
    /// position after the proclitics that open it: و/ف then ب/ل/ك, each with up to three
    /// tatweels, as ``ArabicScript/wordStartWithProclitics(markFree:)`` allows.
    @inline(__always)
    static func forEachStart(in text: [UInt16], after boundary: Int, _ body: (Int) -> Void) {
        let count = text.count
        guard boundary < count else { return }
        body(boundary)
        func afterTatweels(_ index: Int) -> Int {
            var cursor = index
            while cursor < count, cursor - index < 3, text[cursor] == 0x0640 { cursor += 1 }
            return cursor
        }
        func isAttached(_ unit: UInt16) -> Bool { unit == 0x0628 || unit == 0x0644 || unit == 0x0643 }  // ب ل ك
        var cursor = boundary
        if text[cursor] == 0x0648 || text[cursor] == 0x0641 {  // و ف
            let after = afterTatweels(cursor + 1)
            for start in cursor + 1...after where start < count { body(start) }
            cursor = after
            guard cursor < count, isAttached(text[cursor]) else { return }
        } else if !isAttached(text[cursor]) {
            return
        }
        for start in cursor + 1...afterTatweels(cursor + 1) where start < count { body(start) }
    }

    /// ICU's `\s`.
    static func isSpace(_ unit: UInt16) -> Bool { space[Int(unit)] }
    /// A letter after which the compiled patterns allow marks.
    static func isArabicLetter(_ unit: UInt16) -> Bool {
        Unicode.Scalar(UInt32(unit)).map(ArabicScript.isLetter) ?? false
    }
    /// Harakat, superscript alef and tatweel.
    static func isOptionalMark(_ unit: UInt16) -> Bool { TextFolding.isSkipped(unit) }
    /// The lexicon-key form of one code unit.
    static func fold(_ unit: UInt16) -> UInt16 { TextFolding.fold(unit) }
}
