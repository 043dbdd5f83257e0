/// The folded beginnings every match of an ICU pattern must start with, for the start filter:
/// a rule is tried only where the text begins with one of them.
///
/// The analysis reads the ICU syntax the compiler emits (and what users write inside it) and
/// over-approximates: each beginning is a string of folded UTF-16 units (``TextFolding``), at
/// most ``maximumLength`` long. Whatever it cannot follow — a large class such as `\w` or `.`,
/// a back-reference, white space, a repeated element beyond its first occurrence — ends the
/// beginning there ("anything may follow"), which keeps the result sound: every match of
/// the pattern folds to a text that starts with one of the beginnings.
///
/// Lookaround and anchors are zero-width and ignored (ignoring a condition only lets more
/// through). Marks fold to nothing in the pattern as in the text.
public struct PatternPrefixes: Sendable, Equatable {
    /// One beginning: folded units, and whether anything may follow (the analysis stopped).
    /// Up to eight units are packed into two words, so sets of beginnings hash cheaply.
    public struct Prefix: Hashable, Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        /// The number of units.
        public private(set) var count: Int = 0
        /// True when the analysis stopped here, so any continuation is allowed.
        public var isOpen: Bool

        /// A beginning of at most ``PatternPrefixes/maximumLength`` units.
        public init(units: some Sequence<UInt16>, isOpen: Bool) {
            self.isOpen = isOpen
            for unit in units { append(unit) }
        }

        /// The folded UTF-16 units.
        public var units: [UInt16] { (0..<count).map(unit(at:)) }

        /// The unit at a position.
        public func unit(at index: Int) -> UInt16 {
            UInt16(truncatingIfNeeded: (index < 4 ? low : high) >> (16 * UInt64(index % 4)))
        }

        private mutating func append(_ unit: UInt16) {
            precondition(count < PatternPrefixes.maximumLength)
            let shifted = UInt64(unit) << (16 * UInt64(count % 4))
            if count < 4 { low |= shifted } else { high |= shifted }
            count += 1
        }

        /// This beginning then another, cut (and opened) at `limit` units.
        func appending(_ other: Prefix, limit: Int) -> Prefix {
            var joined = self
            joined.isOpen = other.isOpen
            for index in 0..<other.count {
                guard joined.count < limit else {
                    joined.isOpen = true
                    break
                }
                joined.append(other.unit(at: index))
            }
            return joined
        }

        /// The first `length` units, open (when it was longer).
        func truncated(to length: Int) -> Prefix {
            guard count > length else { return self }
            return Prefix(units: (0..<length).map(unit(at:)), isOpen: true)
        }

        /// The same units, open.
        var opened: Prefix {
            var copy = self
            copy.isOpen = true
            return copy
        }
    }

    /// The longest beginning kept; longer ones are cut (and made open).
    public static let maximumLength = 8
    /// The most beginnings kept; beyond it they are shortened until they fit.
    public static let maximumCount = 4096

    /// The beginnings.
    public private(set) var prefixes: Set<Prefix>

    /// True when some match may begin with anything (an empty beginning): the pattern cannot
    /// be filtered by its start.
    public var acceptsAnyStart: Bool { prefixes.contains { $0.count == 0 } }

    /// The beginnings of an ICU pattern, or nil when the pattern uses syntax the analysis does
    /// not follow (inline flags such as `(?i)` or `(?x)`).
    public init?(pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let result = try? parser.alternation(limit: Self.maximumLength), parser.isAtEnd else { return nil }
        self = result
    }

    init(prefixes: Set<Prefix>) {
        self.prefixes = prefixes
    }

    /// Matches the empty string and continues.
    static let empty = PatternPrefixes(prefixes: [Prefix(units: [], isOpen: false)])
    /// Anything at all may follow.
    static let any = PatternPrefixes(prefixes: [Prefix(units: [], isOpen: true)])

    /// One character from a set of folded units (`nil` in the set: a character that folds to
    /// nothing, such as a mark).
    static func character(_ units: Set<UInt16?>) -> PatternPrefixes {
        PatternPrefixes(prefixes: Set(units.map { Prefix(units: $0.map { [$0] } ?? [], isOpen: false) }))
    }

    /// A literal scalar, folded (astral scalars as their two surrogates).
    static func literal(_ scalar: Unicode.Scalar) -> PatternPrefixes {
        var units: [UInt16] = []
        for unit in String(scalar).utf16 where !TextFolding.isSkipped(unit) {
            units.append(TextFolding.filterKey(unit))
        }
        // A literal longer than a beginning can be cannot occur: a scalar is one or two units.
        return PatternPrefixes(prefixes: [Prefix(units: units, isOpen: false)])
    }

    /// Either of two.
    func union(_ other: PatternPrefixes) -> PatternPrefixes {
        PatternPrefixes(prefixes: prefixes.union(other.prefixes)).bounded()
    }

    /// This, then that, cut at `limit` units.
    func followed(by next: PatternPrefixes, limit: Int = maximumLength) -> PatternPrefixes {
        var result = Set<Prefix>()
        result.reserveCapacity(prefixes.count * next.prefixes.count)
        for first in prefixes {
            guard !first.isOpen, first.count < limit else {
                result.insert(first)
                continue
            }
            for second in next.prefixes {
                result.insert(first.appending(second, limit: limit))
            }
        }
        return PatternPrefixes(prefixes: result).bounded()
    }

    /// How many more units the beginnings may still grow by: the room left after the
    /// shortest one that can still grow (0 when none can).
    func room(within limit: Int) -> Int {
        let growing = prefixes.lazy.filter { !$0.isOpen && $0.count < limit }.map(\.count)
        return growing.min().map { limit - $0 } ?? 0
    }

    /// The beginnings of any repetition of this element: each beginning with anything allowed
    /// after it. A beginning that is empty and complete (a mark, which folds to nothing)
    /// stays so: repeating it adds nothing, and the elements after it still count.
    var opened: PatternPrefixes {
        PatternPrefixes(prefixes: Set(prefixes.map { $0.count == 0 && !$0.isOpen ? $0 : $0.opened }))
    }

    /// The beginnings cut before their first character that has case, for a rule matched
    /// case-insensitively: ICU then also matches other characters that fold alike (`K` the
    /// Kelvin sign for `k`, `ß` for `ss`), which the filter does not follow. Digits, Arabic
    /// letters and ASCII punctuation have no case and are kept.
    public var caseless: PatternPrefixes {
        func hasNoCase(_ unit: UInt16) -> Bool {
            (0x0600...0x06FF).contains(unit) || (unit < 0x80 && !(0x41...0x5A).contains(unit) && !(0x61...0x7A).contains(unit))
        }
        return PatternPrefixes(prefixes: Set(prefixes.map { prefix in
            let units = prefix.units
            guard let cut = units.firstIndex(where: { !hasNoCase($0) }) else { return prefix }
            return Prefix(units: units[..<cut], isOpen: true)
        }))
    }

    /// A quantified element: `{min,max}` (`max` nil for unbounded).
    func repeated(min: Int, max: Int?) -> PatternPrefixes {
        if min == 1, max == 1 { return self }
        let once = min == 0 ? PatternPrefixes.empty.union(max == 1 ? self : opened) : nil
        if let once { return once }
        // At least one occurrence: the first is followed by whatever comes after it.
        return prefixes.count < 64 ? followed(by: PatternPrefixes.empty.union(opened)) : opened
    }

    /// Shortens the beginnings until there are at most ``maximumCount``.
    private func bounded() -> PatternPrefixes {
        guard prefixes.count > Self.maximumCount else { return self }
        var current = prefixes
        var length = Self.maximumLength
        while current.count > Self.maximumCount, length > 0 {
            length -= 1
            current = Set(current.map { $0.truncated(to: length) })
        }
        return PatternPrefixes(prefixes: current)
    }
}

/// A recursive-descent reader of ICU pattern syntax that computes ``PatternPrefixes``.
private struct Parser {
    struct Unsupported: Error {}

    let scalars: [Unicode.Scalar]
    var index = 0

    var isAtEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    /// `a|b|c` up to a closing parenthesis or the end, with beginnings of at most `limit`
    /// units (0: only read past it).
    mutating func alternation(limit: Int) throws(Unsupported) -> PatternPrefixes {
        var result = try sequence(limit: limit)
        while current == "|" {
            index += 1
            let branch = try sequence(limit: limit)
            if limit > 0 { result = result.union(branch) }
        }
        return result
    }

    private mutating func sequence(limit: Int) throws(Unsupported) -> PatternPrefixes {
        var result = PatternPrefixes.empty
        while let scalar = current, scalar != "|", scalar != ")" {
            // Only as much of the next element as the beginnings so far can still take.
            let room = limit > 0 ? result.room(within: limit) : 0
            let atom = try quantified(try self.atom(limit: room))
            if room > 0 {
                result = result.followed(by: atom, limit: limit)
            } else if limit > 0 {
                result = result.opened  // the beginnings are full: whatever follows is not followed
            }
        }
        return result
    }

    private mutating func quantified(_ atom: PatternPrefixes) throws(Unsupported) -> PatternPrefixes {
        var bounds: (min: Int, max: Int?)?
        switch current {
        case "?": bounds = (0, 1); index += 1
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "{":
            guard let counted = countedBounds() else { return atom }
            bounds = counted
        default: return atom
        }
        if current == "?" || current == "+" { index += 1 }  // lazy or possessive
        guard let bounds else { return atom }
        return atom.repeated(min: bounds.min, max: bounds.max)
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor, consumed; nil (nothing consumed) otherwise.
    private mutating func countedBounds() -> (min: Int, max: Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var digits = ""
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                digits.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            return Int(digits)
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        index = cursor + 1
        return (low, high)
    }

    private mutating func atom(limit: Int) throws(Unsupported) -> PatternPrefixes {
        guard let scalar = current else { return .empty }
        index += 1
        switch scalar {
        case "(": return try group(limit: limit)
        case "[": return try characterClass().prefixes
        case "\\": return try escape()
        case ".": return .any
        case "^", "$": return .empty
        default: return .literal(scalar)
        }
    }

    private mutating func group(limit: Int) throws(Unsupported) -> PatternPrefixes {
        var zeroWidth = false
        if current == "?" {
            switch (peek(1), peek(2)) {
            case (":", _), (">", _):
                index += 2
            case ("=", _), ("!", _):
                index += 2
                zeroWidth = true
            case ("<", "="), ("<", "!"):
                index += 3
                zeroWidth = true
            case ("<", _):
                // A named group: skip the name.
                while let scalar = current, scalar != ">" { index += 1 }
                guard current == ">" else { throw Unsupported() }
                index += 1
            case ("#", _):
                // A comment is not an element: a quantifier after it applies to what came
                // before, which this reader does not follow.
                throw Unsupported()
            default:
                // Inline flags change how the rest reads (case, free spacing).
                throw Unsupported()
            }
        }
        let inner = try alternation(limit: zeroWidth ? 0 : limit)
        guard current == ")" else { throw Unsupported() }
        index += 1
        return zeroWidth ? .empty : inner
    }

    /// A class as the set of folded units it may match, or nil when it is large or uses set
    /// operations the analysis does not follow.
    private mutating func characterClass() throws(Unsupported) -> (units: Set<UInt16?>?, prefixes: PatternPrefixes) {
        var units: Set<UInt16?>? = []
        // A POSIX-style property set, `[:alpha:]` or `[:^alpha:]`: large.
        if current == ":" {
            while let scalar = current, !(scalar == ":" && peek(1) == "]" && index > 0 && scalars[index - 1] != "[") {
                index += 1
            }
            guard current == ":" else { throw Unsupported() }
            index += 2
            return (nil, .any)
        }
        if current == "^" {
            index += 1
            units = nil
        }
        var first = true
        while let scalar = current, scalar != "]" || first {
            first = false
            index += 1
            var member: Unicode.Scalar?
            switch scalar {
            case "[":
                _ = try characterClass()
                units = nil
                continue
            case "\\":
                member = try classEscape()
                if member == nil { units = nil }
            case "&" where current == "&", "-" where current == "-":
                index += 1
                units = nil
                continue
            default:
                member = scalar
            }
            guard let low = member else { continue }
            if current == "-", let next = peek(1), next != "]" {
                index += 1
                var high = next
                index += 1
                if high == "\\" {
                    guard let escaped = try classEscape() else {
                        units = nil
                        continue
                    }
                    high = escaped
                } else if high == "[" {
                    throw Unsupported()
                }
                guard low.value <= high.value, high.value - low.value < 64 else {
                    units = nil
                    continue
                }
                for value in low.value...high.value {
                    if let member = Unicode.Scalar(value) { add(member, to: &units) }
                }
            } else {
                add(low, to: &units)
            }
        }
        guard current == "]" else { throw Unsupported() }
        index += 1
        guard let units, units.count <= 64 else { return (nil, .any) }
        return (units, .character(units))
    }

    private func add(_ scalar: Unicode.Scalar, to units: inout Set<UInt16?>?) {
        guard units != nil else { return }
        let encoded = Array(String(scalar).utf16)
        guard encoded.count == 1 else {
            units = nil  // astral members: not followed
            return
        }
        units?.insert(TextFolding.isSkipped(encoded[0]) ? nil : TextFolding.filterKey(encoded[0]))
    }

    /// An escape inside a class: the character it stands for, or nil for a property or a
    /// class escape (`\w`, `\p{…}`), which makes the class large.
    private mutating func classEscape() throws(Unsupported) -> Unicode.Scalar? {
        guard let scalar = current else { throw Unsupported() }
        index += 1
        switch scalar {
        case "s", "S", "w", "W", "d", "D", "h", "H", "v", "V", "R", "X":
            return nil
        case "p", "P", "N":
            skipBraces()
            return nil
        default:
            return try escapedCharacter(scalar)
        }
    }

    private mutating func escape() throws(Unsupported) -> PatternPrefixes {
        guard let scalar = current else { throw Unsupported() }
        index += 1
        switch scalar {
        case "b", "B", "A", "z", "Z":
            return .empty
        case "G":
            // The end of the previous match: matching from a start resets it to the text's start.
            throw Unsupported()
        case "s", "S", "w", "W", "d", "D", "h", "H", "v", "V", "R", "X":
            return .any
        case "p", "P", "N":
            skipBraces()
            return .any
        case "1"..."9", "k":
            if scalar == "k" { skipBraces() }
            return .any  // a back-reference
        case "Q":
            var quoted: [Unicode.Scalar] = []
            while let scalar = current, !(scalar == "\\" && peek(1) == "E") {
                quoted.append(scalar)
                index += 1
            }
            if current == "\\" { index += 2 }
            // A quantifier after `\E` applies to the last quoted character only.
            guard let last = quoted.popLast() else { return .empty }
            let head = quoted.reduce(PatternPrefixes.empty) { $0.followed(by: .literal($1)) }
            return head.followed(by: try quantified(.literal(last)))
        default:
            return .literal(try escapedCharacter(scalar))
        }
    }

    /// The character of `\uhhhh`, `\x{…}`, `\t` … or of an escaped literal.
    private mutating func escapedCharacter(_ scalar: Unicode.Scalar) throws(Unsupported) -> Unicode.Scalar {
        func hex(_ count: Int) throws(Unsupported) -> Unicode.Scalar {
            var text = ""
            for _ in 0..<count {
                guard let digit = current else { throw Unsupported() }
                text.unicodeScalars.append(digit)
                index += 1
            }
            guard let value = UInt32(text, radix: 16), let result = Unicode.Scalar(value) else { throw Unsupported() }
            return result
        }
        switch scalar {
        case "u": return try hex(4)
        case "U": return try hex(8)
        case "x":
            if current == "{" {
                index += 1
                var text = ""
                while let digit = current, digit != "}" {
                    text.unicodeScalars.append(digit)
                    index += 1
                }
                index += 1
                guard let value = UInt32(text, radix: 16), let result = Unicode.Scalar(value) else { throw Unsupported() }
                return result
            }
            return try hex(2)
        case "t": return "\t"
        case "n": return "\n"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "a": return "\u{07}"
        case "e": return "\u{1B}"
        case "c", "0": throw Unsupported()
        default: return scalar
        }
    }

    private mutating func skipBraces() {
        guard current == "{" else {
            index += 1  // a one-letter property such as \pL
            return
        }
        while let scalar = current, scalar != "}" { index += 1 }
        index += 1
    }
}
