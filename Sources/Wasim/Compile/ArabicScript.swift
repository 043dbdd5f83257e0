/// What the compiler and the lexicons know about Arabic script: letter variants that real
/// text uses interchangeably, diacritics and tatweel, proclitics and native digits.
public enum ArabicScript {
    /// Groups of letters that match each other when letter variants are on; the first of each
    /// group is the one lexicon keys are folded to.
    public static let variantGroups: [[Unicode.Scalar]] = [
        ["\u{0627}", "\u{0623}", "\u{0625}", "\u{0622}", "\u{0671}"],  // ا أ إ آ ٱ
        ["\u{064A}", "\u{0649}", "\u{06CC}"],  // ي ى ی
        ["\u{0647}", "\u{0629}"],  // ه ة
        ["\u{0643}", "\u{06A9}"],  // ك ک
    ]

    /// The ICU set of optional marks: harakat (U+064B–U+0652), superscript alef (U+0670) and
    /// tatweel (U+0640).
    /// Written with literal characters, not `\\u` escapes: ICU counts an escape's characters
    /// differently in its error offsets, and generated text must not shift them.
    public static let optionalMarksClass = "[\u{064B}-\u{0652}\u{0670}\u{0640}]"

    /// The proclitics written before a word (و ف ب ك ل), as an ICU lookbehind that accepts
    /// the start of a word: nothing or a non-word character, then optionally و/ف, then
    /// optionally ب/ل/ك. Rules with optional diacritics match text without marks
    /// (``MarkFreeText``); for the others each proclitic may carry up to three tatweels (`بـ`).
    public static func wordStartWithProclitics(markFree: Bool) -> String {
        "(?<=(?:^|\\W)" + proclitics(markFree: markFree) + ")"
    }

    /// Proclitics that may sit between a rule's left context and its span, outside the span.
    public static func proclitics(markFree: Bool) -> String {
        let tatweels = markFree ? "" : "\u{0640}{0,3}"
        return "(?:[\u{0648}\u{0641}]\(tatweels))?(?:[\u{0628}\u{0644}\u{0643}]\(tatweels))?"
    }

    /// The start of a word with no proclitic allowed.
    public static let wordStart = "(?<!\\w)"

    /// The end of a word.
    public static let wordEnd = "(?!\\w)"

    /// The definite article's alef when the article may have merged with a preceding ل
    /// (`للمغرب` → `لمغرب`): either an alef, or nothing when a ل precedes and a ل follows.
    public static let articleAlef = "(?:[\u{0627}\u{0623}\u{0625}\u{0622}\u{0671}]|(?<=\u{0644})(?=\u{0644}))"

    /// ``articleAlef`` for a rule without letter variants: the alef as written.
    public static func articleAlef(_ alef: Unicode.Scalar, variants: Bool) -> String {
        variants ? articleAlef : "(?:\(String(alef))|(?<=\u{0644})(?=\u{0644}))"
    }

    private static let variantOf: [Unicode.Scalar: Int] = {
        var map: [Unicode.Scalar: Int] = [:]
        for (index, group) in variantGroups.enumerated() {
            for letter in group { map[letter] = index }
        }
        return map
    }()

    /// True for the letters of the Arabic block and its supplements (not marks, not digits).
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5, 0x06EE...0x06EF, 0x06FA...0x06FC:
            return true
        default:
            return false
        }
    }

    /// True for harakat, superscript alef and tatweel: marks that may appear between letters.
    public static func isOptionalMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x064B...0x0652).contains(scalar.value) || scalar.value == 0x0670 || scalar.value == 0x0640
    }

    /// The letters that match `letter` when variants are on (itself alone if it has none).
    public static func variants(of letter: Unicode.Scalar) -> [Unicode.Scalar] {
        variantOf[letter].map { variantGroups[$0] } ?? [letter]
    }

    /// The Arabic-Indic and Eastern Arabic-Indic digits with the value of an ASCII digit.
    public static func nativeDigits(of digit: Unicode.Scalar) -> [Unicode.Scalar] {
        let value = digit.value - 0x30
        return [Unicode.Scalar(0x0660 + value)!, Unicode.Scalar(0x06F0 + value)!]
    }

    /// The ASCII value of any decimal digit of the three digit families, or nil.
    public static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0x0660...0x0669: return Int(scalar.value - 0x0660)
        case 0x06F0...0x06F9: return Int(scalar.value - 0x06F0)
        default: return nil
        }
    }

    /// The lookup key of a text: letter variants folded, marks and tatweel dropped, digits
    /// made ASCII, runs of white space made one space. Texts that match the same lexicon
    /// entry have the same key.
    public static func foldedKey(_ text: some StringProtocol) -> String {
        foldedKey(text, foldVariants: true)
    }

    /// The lookup key of a text, folding letter variants only when asked (a rule with
    /// `option no-variants` keeps أ and ا apart).
    public static func foldedKey(_ text: some StringProtocol, foldVariants: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isOptionalMark(scalar) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            if let digit = digitValue(scalar) {
                out.append(Unicode.Scalar(0x30 + UInt32(digit))!)
            } else if foldVariants, let group = variantOf[scalar] {
                out.append(variantGroups[group][0])
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
