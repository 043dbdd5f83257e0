/// An ICU pattern under construction that remembers, for every character it emits, the
/// source location it came from, so that an ICU error offset maps back into the rule file.
struct PatternBuilder {
    private(set) var scalars = String.UnicodeScalarView()
    private(set) var origins: [SourceLocation?] = []

    mutating func emit(_ text: String, from origin: SourceLocation?) {
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            origins.append(origin)
        }
    }

    mutating func append(_ other: PatternBuilder) {
        scalars.append(contentsOf: other.scalars)
        origins.append(contentsOf: other.origins)
    }

    var pattern: String { String(scalars) }

    /// The source location of an offset of the pattern (the nearest known one before it).
    func origin(at offset: Int) -> SourceLocation? {
        guard !origins.isEmpty else { return nil }
        var index = min(max(offset, 0), origins.count - 1)
        while index >= 0 {
            if let origin = origins[index] { return origin }
            index -= 1
        }
        return origins.first { $0 != nil } ?? nil
    }
}

/// How single characters of a pattern become ICU syntax under a rule's options.
struct LiteralEmitter {
    let options: RuleOptions

    /// The ICU syntax for one literal character outside a set, and whether it is a single
    /// atom (a quantifier may follow it directly) or a sequence that must be grouped first.
    func atom(_ scalar: Unicode.Scalar) -> (text: String, isSingleAtom: Bool) {
        if ArabicScript.isLetter(scalar) {
            let variants = options.letterVariants ? ArabicScript.variants(of: scalar) : [scalar]
            let letter = variants.count == 1 ? escaped(scalar) : "[" + variants.map(escaped).joined() + "]"
            // With optional diacritics the rule matches text without marks (MarkFreeText).
            return (letter, true)
        }
        if options.nativeDigits, ("0"..."9").contains(scalar) {
            return ("[" + ([scalar] + ArabicScript.nativeDigits(of: scalar)).map(escaped).joined() + "]", true)
        }
        if scalar.properties.isWhitespace {
            return ("\\s+", false)
        }
        return (escaped(scalar), true)
    }

    /// A literal character for use inside an ICU set, with its variants.
    func setMembers(_ scalar: Unicode.Scalar) -> String {
        if ArabicScript.isLetter(scalar), options.letterVariants {
            return ArabicScript.variants(of: scalar).map(escaped).joined()
        }
        if options.nativeDigits, ("0"..."9").contains(scalar) {
            return ([scalar] + ArabicScript.nativeDigits(of: scalar)).map(escaped).joined()
        }
        return escaped(scalar)
    }

    /// A character written so that ICU reads it literally in any position.
    func escaped(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return String(scalar) }
            return "\\" + String(scalar)
        }
        return String(scalar)
    }
}
