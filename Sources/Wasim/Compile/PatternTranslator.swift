/// The macros and lexicons a pattern may reference.
public struct SymbolTable: Sendable {
    /// Macros by name.
    public var macros: [String: MacroDeclaration] = [:]
    /// Lexicons by name.
    public var lexicons: [String: Lexicon] = [:]
    /// Creates an empty table.
    public init() {}
}

/// Translates the pattern language of rule files into ICU regular expressions.
///
/// The pattern language is ICU's with free spacing (white space outside sets is ignored;
/// write `\s+` for a gap between words) and two references: `{NAME}` inserts a macro and
/// `@NAME` a lexicon compiled as a trie. Under the rule's ``RuleOptions`` every Arabic letter
/// also matches its variants and may carry diacritics or tatweel, ASCII digits match native
/// digits, and an article at the span's start may merge with a preceding ل.
struct PatternTranslator {
    let symbols: SymbolTable
    let emitter: LiteralEmitter
    /// Diagnostics found while translating.
    private(set) var diagnostics: [Diagnostic] = []
    /// Named groups the pattern defines, in order.
    private(set) var groupNames: [String] = []
    /// Lexicons the pattern references, directly or through macros, in order.
    private(set) var lexiconNames: [String] = []
    private var macroStack: [String] = []
    private let lexiconCache: LexiconPatternCache

    init(symbols: SymbolTable, options: RuleOptions, cache: LexiconPatternCache) {
        self.symbols = symbols
        self.emitter = LiteralEmitter(options: options)
        self.lexiconCache = cache
    }

    /// Translates one pattern clause.
    /// - Parameter atSpanStart: whether the pattern starts where the span starts (enables the
    ///   merged-article form for a leading ال).
    mutating func translate(_ source: PatternSource, atSpanStart: Bool) -> PatternBuilder {
        var builder = PatternBuilder()
        let scalars = Array(source.text.unicodeScalars)
        var index = 0
        var spanStart = atSpanStart && emitter.options.proclitics
        var groupStack: [(spanStart: Bool, location: SourceLocation?)] = []
        let initialSpanStart = spanStart

        func location(_ offset: Int) -> SourceLocation? { source.location(at: offset) }
        func isSkipped(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || (emitter.options.optionalDiacritics && ArabicScript.isOptionalMark(scalar))
        }
        func nextSignificant(after offset: Int) -> Unicode.Scalar? {
            var cursor = offset + 1
            while cursor < scalars.count, isSkipped(scalars[cursor]) { cursor += 1 }
            return cursor < scalars.count ? scalars[cursor] : nil
        }
        func nextIsQuantifier(after offset: Int) -> Bool {
            var cursor = offset + 1
            while cursor < scalars.count, isSkipped(scalars[cursor]) { cursor += 1 }
            guard cursor < scalars.count else { return false }
            let next = scalars[cursor]
            if next == "?" || next == "*" || next == "+" { return true }
            return next == "{" && cursor + 1 < scalars.count && ("0"..."9").contains(scalars[cursor + 1])
        }
        /// Copies `scalars[from...]` up to and including `terminator`; returns the index after.
        func copyThrough(_ terminator: Unicode.Scalar, from: Int) -> Int {
            var cursor = from
            var text = ""
            while cursor < scalars.count {
                text.unicodeScalars.append(scalars[cursor])
                cursor += 1
                if scalars[cursor - 1] == terminator { break }
            }
            builder.emit(text, from: location(from))
            return cursor
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let here = location(index)
            if isSkipped(scalar) {
                index += 1
                continue
            }
            switch scalar {
            case "\\":
                guard index + 1 < scalars.count else {
                    diagnostics.append(.error("a pattern cannot end with `\\`", at: here))
                    index += 1
                    continue
                }
                let end = Self.escapeEnd(scalars, at: index)
                builder.emit(String(String.UnicodeScalarView(scalars[index..<end])), from: here)
                index = end
                spanStart = false
            case "[":
                index = translateSet(scalars, from: index, source: source, into: &builder)
                spanStart = false
            case "{":
                if index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) {
                    index = copyThrough("}", from: index)
                    continue
                }
                var cursor = index + 1
                var name = ""
                while cursor < scalars.count, scalars[cursor] != "}" {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                guard cursor < scalars.count, name.isIdentifier else {
                    diagnostics.append(.error("`{` starts a macro reference `{NAME}` or a count `{2,4}`; write `\\{` for a brace", at: here))
                    index += 1
                    continue
                }
                index = cursor + 1
                if let expansion = expandMacro(name, at: here, atSpanStart: spanStart) {
                    builder.emit("(?:", from: here)
                    builder.append(expansion)
                    builder.emit(")", from: here)
                }
                spanStart = false
            case "@":
                var cursor = index + 1
                var name = ""
                while cursor < scalars.count, scalars[cursor].isASCIILetter || ("0"..."9").contains(scalars[cursor])
                    || scalars[cursor] == "_" || scalars[cursor] == "." || scalars[cursor] == "-" {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                guard !name.isEmpty else {
                    diagnostics.append(.error("`@` starts a lexicon reference `@NAME`; write `\\@` for the character", at: here))
                    index += 1
                    continue
                }
                index = cursor
                guard let lexicon = symbols.lexicons[name] else {
                    diagnostics.append(.error("unknown lexicon `\(name)`", at: here))
                    continue
                }
                if !lexiconNames.contains(name) { lexiconNames.append(name) }
                builder.emit(lexiconCache.pattern(for: lexicon, emitter: emitter, articleMayMerge: spanStart), from: here)
                spanStart = false
            case "(":
                groupStack.append((spanStart, here))
                if index + 2 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "<",
                   index + 3 < scalars.count, scalars[index + 3].isASCIILetter {
                    var cursor = index + 3
                    var name = ""
                    while cursor < scalars.count, scalars[cursor] != ">" {
                        name.unicodeScalars.append(scalars[cursor])
                        cursor += 1
                    }
                    if name == CompiledRule.spanGroupName {
                        diagnostics.append(.error("the group name `\(name)` is reserved for the span", at: here))
                    } else if !name.isGroupName {
                        diagnostics.append(.error("group names use ASCII letters and digits only (ICU): `\(name)`", at: here))
                    }
                    groupNames.append(name)
                    index = copyThrough(">", from: index)
                } else if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    // (?: (?= (?! (?> are three characters, (?<= (?<! four; flag groups such as
                    // (?i) or (?i: run to their `)` or `:`.
                    var cursor = index + 2
                    if cursor < scalars.count, ":=!>".unicodeScalars.contains(scalars[cursor]) {
                        cursor += 1
                    } else if cursor < scalars.count, scalars[cursor] == "<" {
                        cursor = min(cursor + 2, scalars.count)
                    } else {
                        while cursor < scalars.count, scalars[cursor] != ")", scalars[cursor] != ":" { cursor += 1 }
                        if cursor < scalars.count, scalars[cursor] == ":" { cursor += 1 }
                    }
                    builder.emit(String(String.UnicodeScalarView(scalars[index..<cursor])), from: here)
                    index = cursor
                } else {
                    builder.emit("(", from: here)
                    index += 1
                }
            case "|":
                builder.emit("|", from: here)
                spanStart = groupStack.last?.spanStart ?? initialSpanStart
                index += 1
            case ")":
                builder.emit(")", from: here)
                if groupStack.popLast() == nil {
                    diagnostics.append(.error("`)` without a matching `(`", at: here))
                }
                spanStart = false
                index += 1
            case "?", "*", "+", ".", "^", "$":
                builder.emit(String(scalar), from: here)
                index += 1
            default:
                if spanStart, ArabicScript.variants(of: scalar).first == "\u{0627}", nextSignificant(after: index) == "\u{0644}" {
                    builder.emit(ArabicScript.articleAlef(scalar, variants: emitter.options.letterVariants), from: here)
                } else {
                    let atom = emitter.atom(scalar)
                    let wrap = !atom.isSingleAtom && nextIsQuantifier(after: index)
                    builder.emit(wrap ? "(?:" + atom.text + ")" : atom.text, from: here)
                }
                spanStart = false
                index += 1
            }
        }
        for unclosed in groupStack {
            diagnostics.append(.error("`(` is never closed", at: unclosed.location))
        }
        return builder
    }

    /// Translates a set `[...]` starting at `from`; returns the index after it.
    private mutating func translateSet(
        _ scalars: [Unicode.Scalar], from: Int, source: PatternSource, into builder: inout PatternBuilder
    ) -> Int {
        var cursor = from
        var depth = 0
        var out = ""
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            switch scalar {
            case "[":
                depth += 1
                out += "["
                cursor += 1
                if cursor < scalars.count, scalars[cursor] == "^" {
                    out += "^"
                    cursor += 1
                }
            case "]":
                depth -= 1
                out += "]"
                cursor += 1
                if depth == 0 {
                    builder.emit(out, from: source.location(at: from))
                    return cursor
                }
            case "\\":
                let end = Self.escapeEnd(scalars, at: cursor)
                out += String(String.UnicodeScalarView(scalars[cursor..<end]))
                cursor = end
            default:
                let isRangeStart = cursor + 2 < scalars.count && scalars[cursor + 1] == "-" && scalars[cursor + 2] != "]"
                if isRangeStart {
                    let upper = scalars[cursor + 2]
                    out += "\(String(scalar))-\(String(upper))"
                    if emitter.options.nativeDigits, ("0"..."9").contains(scalar), ("0"..."9").contains(upper) {
                        let low = ArabicScript.nativeDigits(of: scalar)
                        let high = ArabicScript.nativeDigits(of: upper)
                        out += "\(String(low[0]))-\(String(high[0]))\(String(low[1]))-\(String(high[1]))"
                    }
                    cursor += 3
                } else {
                    out += emitter.setMembers(scalar)
                    cursor += 1
                }
            }
        }
        diagnostics.append(.error("`[` is never closed", at: source.location(at: from)))
        builder.emit(out + "]", from: source.location(at: from))
        return cursor
    }

    /// The index after the escape starting with `\\` at `index`: `\\p{…}`, `\\x{…}` and
    /// `\\N{…}` run to their brace, `\\uhhhh` takes four hex digits, `\\Uhhhhhhhh` eight,
    /// `\\xhh` two; any other escape is two characters.
    static func escapeEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        guard index + 1 < scalars.count else { return scalars.count }
        let kind = scalars[index + 1]
        if "pPNx".unicodeScalars.contains(kind), index + 2 < scalars.count, scalars[index + 2] == "{" {
            return (scalars[index...].firstIndex(of: "}") ?? scalars.count - 1) + 1
        }
        let hexDigits: Int = switch kind {
        case "u": 4
        case "U": 8
        case "x": 2
        default: 0
        }
        var end = index + 2
        while end < index + 2 + hexDigits, end < scalars.count, scalars[end].properties.isASCIIHexDigit { end += 1 }
        return end
    }

    private mutating func expandMacro(_ name: String, at location: SourceLocation?, atSpanStart: Bool) -> PatternBuilder? {
        guard let macro = symbols.macros[name] else {
            diagnostics.append(.error("unknown macro `\(name)`", at: location))
            return nil
        }
        if let cycleStart = macroStack.firstIndex(of: name) {
            let cycle = (macroStack[cycleStart...] + [name]).joined(separator: " -> ")
            diagnostics.append(.error("macro reference cycle: \(cycle)", at: location,
                                      notes: [.init("`\(name)` is defined here", at: macro.location)]))
            return nil
        }
        macroStack.append(name)
        defer { macroStack.removeLast() }
        return translate(macro.pattern, atSpanStart: atSpanStart)
    }
}

/// Lexicon tries compiled once per lexicon and option set, shared by all rules of a pack.
final class LexiconPatternCache: @unchecked Sendable {
    private struct Key: Hashable {
        let lexicon: String
        let options: RuleOptions
        let articleMayMerge: Bool
    }
    private var patterns: [Key: String] = [:]
    private var matchers: [String: LexiconMatcher] = [:]

    func matcher(for lexicon: Lexicon) -> LexiconMatcher {
        if let cached = matchers[lexicon.name] { return cached }
        let matcher = LexiconMatcher(entries: lexicon.entries.map(\.text))
        matchers[lexicon.name] = matcher
        return matcher
    }

    func pattern(for lexicon: Lexicon, emitter: LiteralEmitter, articleMayMerge: Bool) -> String {
        let key = Key(lexicon: lexicon.name, options: emitter.options, articleMayMerge: articleMayMerge)
        if let cached = patterns[key] { return cached }
        let pattern = LexiconTrie(entries: lexicon.entries.map(\.text), foldVariants: emitter.options.letterVariants)
            .pattern(emitter, articleMayMerge: articleMayMerge)
        patterns[key] = pattern
        return pattern
    }
}
