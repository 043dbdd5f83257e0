import Foundation

/// `normalize number`: the value and kind of a number written (at least partly) in words.
///
/// The words come from the rule's lexicons; each entry carries `value` and `type`:
/// `unit` (1–10), `ten` (20–90), `hundred` (100–900), `scale` (1000, 10^6, 10^9, 10^12)
/// with `form` = singular | dual | plural, `fraction`, and `ordinal`. A small grammar
/// combines the tokens the way Arabic does:
///
/// - parts joined by و add up: `ثلاثمائة وخمسة وعشرون` = 300 + 5 + 20;
/// - a unit before `عشر`/`عشرة` makes a teen: `ثلاثة عشر` = 3 + 10;
/// - a unit before a hundred multiplies it: `ثلاث مائة` = 3 × 100;
/// - a scale multiplies what precedes it (`ثلاثة آلاف`, `1.4 ملايين`, `نصف مليار`) and a
///   dual counts two (`ألفان`);
/// - a fraction after a scale adds that part of it (`مليون ونصف`).
///
/// Kind: `ordinal` when any word is an ordinal, `fraction` for a lone fraction below one,
/// `cardinal` otherwise. Digits may carry a decimal point or comma (`1,5 مليار`).
///
/// Rejected: a plural scale with nothing before it (`آلاف` is vague) and a word marked
/// `alone=no` standing alone (`أحد` meaning "one of").
public struct NumberNormalizer: Normalizer {
    /// `number`.
    public let name = "number"

    /// Creates the normaliser.
    public init() {}

    public func normalize(_ match: RuleMatch) -> NormalizerOutcome {
        var total = 0.0
        var current = 0.0
        var lastType = ""
        var lastScale = 0.0
        var isOrdinal = false
        var sawFraction = false
        var sawOther = false
        var words = 0
        var sawDigits = false
        var loneWordMeaning: String?
        // Inside a larger mention (a percentage, an amount) the number is the `num` group.
        let numberText = Self.joiningDigitGroups(match.groups["num"] ?? match.text)
        for token in numberText.split(whereSeparator: { $0.isWhitespace }) {
            // A joining و written apart (`ثلاثمائة و خمسة`) adds nothing by itself.
            if ArabicScript.foldedKey(token) == "\u{0648}" { continue }
            if let digits = Self.digitValue(token) {
                sawDigits = true
                current += digits
                lastType = "digits"
                sawOther = true
                continue
            }
            guard let word = lookup(token, in: match) else {
                return .reject("`\(token)` is not a number word")
            }
            words += 1
            if word["alone"] == "no" { loneWordMeaning = String(token) }
            let value = Double(word["value"] ?? "") ?? 0
            switch word["type"] {
            case "unit", "ten":
                current += value
                sawOther = true
            case "hundred":
                if value == 100, lastType == "unit", current >= 1, current <= 9 {
                    current *= 100
                } else {
                    current += value
                }
                sawOther = true
            case "scale":
                switch word["form"] {
                case "plural" where current == 0:
                    return .reject("`\(token)` without a number before it is a vague plural")
                case "dual": total += current + 2 * value
                default: total += (current == 0 ? 1 : current) * value
                }
                current = 0
                lastScale = value
                sawOther = true
            case "fraction":
                if lastType == "scale" {
                    total += value * lastScale
                } else {
                    current += value
                }
                sawFraction = true
            case "ordinal":
                current += value
                isOrdinal = true
            default:
                return .reject("`\(token)` has no number type in its lexicon")
            }
            lastType = word["type"] ?? ""
        }
        if words == 1, let lone = loneWordMeaning, !sawDigits {
            return .reject("`\(lone)` alone is not a number (\"one of\")")
        }
        let value = ((total + current) * 10_000).rounded() / 10_000
        guard value > 0 else { return .reject("no value") }
        let kind = isOrdinal ? "ordinal" : (sawFraction && !sawOther && value < 1 ? "fraction" : "cardinal")
        return .attributes(["value": Self.format(value), "kind": kind])
    }

    /// The lexicon entry of a token, trying it as written, then without a joining و, then
    /// without the article (`العشر` in `السنوات العشر`).
    private func lookup(_ token: Substring, in match: RuleMatch) -> [String: String]? {
        if let found = match.lexiconAttributes(of: token), found["type"] != nil { return found }
        let scalars = token.unicodeScalars
        if scalars.first == "\u{0648}" {
            let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
            if let found = lookup(Substring(rest), in: match) { return found }
        }
        if scalars.count > 3, ArabicScript.foldedKey(token).hasPrefix("\u{0627}\u{0644}") {
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(2)))
            if let found = match.lexiconAttributes(of: rest), found["type"] != nil { return found }
        }
        return nil
    }

    /// The text with digit groups joined where a no-break or thin space separates thousands
    /// (`1 500 000` written with U+00A0 or U+202F).
    static func joiningDigitGroups(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{00A0}" || scalar == "\u{202F}", index > 0, ArabicScript.digitValue(scalars[index - 1]) != nil {
                let following = scalars[(index + 1)...].prefix { ArabicScript.digitValue($0) != nil }.count
                if following == 3 { continue }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The value of a digit token (any script). A separator that occurs more than once
    /// (`1,500,000`, `1.500.000`), or `٬`, separates thousands, and so does a lone comma
    /// followed by exactly three final digits; otherwise `.`, `٫` or a comma is the decimal
    /// separator.
    static func digitValue(_ token: Substring) -> Double? {
        var integer = ""
        var fraction: String?
        var scalars = Array(token.unicodeScalars)
        for separator in [",", ".", "\u{066C}", "\u{060C}"] as [Unicode.Scalar] where scalars.filter({ $0 == separator }).count > 1 {
            scalars.removeAll { $0 == separator }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let digit = ArabicScript.digitValue(scalar) {
                if fraction != nil { fraction! += String(digit) } else { integer += String(digit) }
            } else if ",\u{066C}\u{060C}".unicodeScalars.contains(scalar), fraction == nil {
                let rest = scalars[(index + 1)...].prefix { ArabicScript.digitValue($0) != nil }.count
                if rest == 3 && index + 4 >= scalars.count || scalar == "\u{066C}" {
                    // thousands separator
                } else {
                    fraction = ""
                }
            } else if ".\u{066B}".unicodeScalars.contains(scalar), fraction == nil {
                fraction = ""
            } else {
                return nil
            }
            index += 1
        }
        guard !integer.isEmpty else { return nil }
        return Double(integer + "." + (fraction?.isEmpty == false ? fraction! : "0"))
    }

    /// Integers without a decimal point; other values with up to four decimals.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// `normalize percent` and `normalize money`: the `value` of the number in the `num` group
/// (digits or words, as ``NumberNormalizer`` reads them), without a `kind`. A money rule
/// adds `currency` with `attr currency = $cur.currency`.
public struct AmountNormalizer: Normalizer {
    /// `percent` or `money`.
    public let name: String

    /// Creates the normaliser under a name.
    public init(name: String) {
        self.name = name
    }

    public func normalize(_ match: RuleMatch) -> NormalizerOutcome {
        switch NumberNormalizer().normalize(match) {
        case .attributes(let attributes): .attributes(attributes.filter { $0.key == "value" })
        case .reject(let reason): .reject(reason)
        }
    }
}

/// `normalize time`: a clock time's TIMEX3 value, `T20:30`, from the groups `hour` and
/// `minute` (digits of any script).
public struct TimeNormalizer: Normalizer {
    /// `time`.
    public let name = "time"

    /// Creates the normaliser.
    public init() {}

    public func normalize(_ match: RuleMatch) -> NormalizerOutcome {
        guard let hour = match.groups["hour"].flatMap(DateNormalizer.integer), hour < 24 else {
            return .reject("no hour")
        }
        let minute = match.groups["minute"].flatMap(DateNormalizer.integer) ?? 0
        guard minute < 60 else { return .reject("no minute \(minute)") }
        return .attributes(["value": String(format: "T%02d:%02d", hour, minute)])
    }
}
