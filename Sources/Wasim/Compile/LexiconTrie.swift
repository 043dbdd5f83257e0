/// Compiles a lexicon's entries into one prefix-factored ICU alternation (a trie), so that
/// ICU follows shared prefixes once instead of trying every entry in turn. At every node the
/// longer continuations are tried before the entry ends there, so the longest entry wins.
///
/// ```swift
/// LexiconTrie(entries: ["مراكش", "مراكز"]).pattern(emitter)  // مراك(?:ش|ز) with variant classes
/// ```
struct LexiconTrie {
    private final class Node {
        var children: [(Unicode.Scalar, Node)] = []
        var isEnd = false

        func child(_ scalar: Unicode.Scalar) -> Node {
            if let found = children.first(where: { $0.0 == scalar }) { return found.1 }
            let node = Node()
            children.append((scalar, node))
            return node
        }
    }

    private let root = Node()

    /// Builds the trie from entries; each is folded (letter variants, marks, digits, spaces)
    /// first so that variant spellings share one path.
    init(entries: [String], foldVariants: Bool = true) {
        for entry in entries {
            let key = ArabicScript.foldedKey(entry, foldVariants: foldVariants)
            guard !key.isEmpty else { continue }
            var node = root
            for scalar in key.unicodeScalars { node = node.child(scalar) }
            node.isEnd = true
        }
        sortChildren(root)
    }

    private func sortChildren(_ node: Node) {
        node.children.sort { $0.0.value < $1.0.value }
        for (_, child) in node.children { sortChildren(child) }
    }

    /// The ICU pattern for the whole trie, as a non-capturing group.
    /// - Parameter articleMayMerge: at the root, let the article's alef be absent when a
    ///   preceding ل absorbed it (`للمغرب` matches `المغرب` as `لمغرب`).
    func pattern(_ emitter: LiteralEmitter, articleMayMerge: Bool) -> String {
        "(?:" + alternatives(root, emitter, atRoot: articleMayMerge) + ")"
    }

    private func alternatives(_ node: Node, _ emitter: LiteralEmitter, atRoot: Bool) -> String {
        var branches: [String] = []
        for (scalar, child) in node.children {
            var head = emitter.atom(scalar).text
            if atRoot, ArabicScript.variants(of: scalar).first == "\u{0627}", child.children.contains(where: { $0.0 == "\u{0644}" }) {
                head = ArabicScript.articleAlef(scalar, variants: emitter.options.letterVariants)
            }
            branches.append(head + continuation(child, emitter))
        }
        return branches.joined(separator: "|")
    }

    private func continuation(_ node: Node, _ emitter: LiteralEmitter) -> String {
        if node.children.isEmpty { return "" }
        // A chain with one way on and no entry ending inside stays a plain sequence.
        if node.children.count == 1, !node.isEnd {
            let (scalar, child) = node.children[0]
            return emitter.atom(scalar).text + continuation(child, emitter)
        }
        let inner = alternatives(node, emitter, atRoot: false)
        return node.isEnd ? "(?:" + inner + ")?" : "(?:" + inner + ")"
    }
}
