/// The tokenisation of the CoNLL export, written down in `docs/data-formats.md`:
///
/// 1. A token is a maximal run of word characters (letters, marks, digits and other numbers,
///    ZWNJ and ZWJ) or a single other character that is not white space (punctuation,
///    symbols, emoji). White space separates tokens and is never part of one.
/// 2. Every span boundary inside a token splits it, so each token lies wholly inside one span
///    or wholly outside all spans, and no span starts or ends inside a token.
/// 3. Proclitics before a span: a token made only of the proclitics و ف ب ل ك (each with
///    optional tatweel or harakat) that ends at a span's start, or is followed in the same
///    white-space word only by punctuation up to that start, is split into one token per
///    proclitic: `وبالمغرب` with the span `المغرب` gives `و`, `ب`, `المغرب`.
/// 4. A sentence ends at a line break, and after `.`, `!`, `?`, `؟`, `…` or `۔` followed by
///    white space, but never inside a span.
///
/// Offsets stay code points of the document text.
public enum ConllTokenizer {
    /// One token with its place in the text and its IOB2 tag.
    public struct Token: Sendable, Equatable {
        /// First code point.
        public var start: CodePointOffset
        /// One past the last code point.
        public var end: CodePointOffset
        /// The text of the token.
        public var text: String
        /// `O`, `B-LABEL` or `I-LABEL`.
        public var tag: String
    }

    /// The sentences of a document, each a list of tagged tokens, for the given flat spans.
    /// - Parameters:
    ///   - text: the document text.
    ///   - spans: non-overlapping spans (see ``FlatSpans``).
    /// - Complexity: O(n + s log s) for n code points and s spans.
    public static func sentences(text: String, spans: [Span]) -> [[Token]] {
        let scalars = Array(text.unicodeScalars)
        let spans = spans.sorted()
        let boundaries = Set(spans.flatMap { [$0.start, $0.end] })
        let starts = Set(spans.map(\.start))
        var pieces = segments(scalars, boundaries: boundaries)
        pieces = splittingProclitics(pieces, scalars: scalars, spanStarts: starts)

        var sentences: [[Token]] = []
        var current: [Token] = []
        var spanIndex = 0
        var previous: (piece: Segment, span: Int?)?
        for piece in pieces {
            while spanIndex < spans.count, spans[spanIndex].end <= piece.start { spanIndex += 1 }
            let inside: Int? = spanIndex < spans.count && spans[spanIndex].start <= piece.start ? spanIndex : nil
            if let previous, previous.span == nil || previous.span != inside,
               endsSentence(after: previous.piece, before: piece, scalars: scalars) {
                sentences.append(current)
                current = []
            }
            let tag: String
            if let inside {
                let first = previous?.span != inside
                tag = (first ? "B-" : "I-") + spans[inside].label
            } else {
                tag = "O"
            }
            current.append(Token(start: piece.start, end: piece.end,
                                 text: String(String.UnicodeScalarView(scalars[piece.start..<piece.end])), tag: tag))
            previous = (piece, inside)
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    // MARK: Word characters

    /// Letters, marks, numbers, ZWNJ and ZWJ.
    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.value == 0x200C || scalar.value == 0x200D
        }
    }

    static let proclitics: Set<Unicode.Scalar> = ["\u{0648}", "\u{0641}", "\u{0628}", "\u{0644}", "\u{0643}"]
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{061F}", "\u{2026}", "\u{06D4}"]
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// A tatweel or a haraka, which a proclitic may carry.
    static func attachesToProclitic(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{0640}" || (0x064B...0x0652).contains(scalar.value)
    }

    // MARK: Steps

    struct Segment: Equatable {
        var start: Int
        var end: Int
        var isWord: Bool
    }

    /// Rules 1 and 2: word runs and single characters, cut at every span boundary.
    static func segments(_ scalars: [Unicode.Scalar], boundaries: Set<Int>) -> [Segment] {
        var pieces: [Segment] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            var end = index + 1
            let isWord = isWordCharacter(scalar)
            if isWord {
                while end < scalars.count, isWordCharacter(scalars[end]), !boundaries.contains(end) { end += 1 }
            }
            pieces.append(Segment(start: index, end: end, isWord: isWord))
            index = end
        }
        return pieces
    }

    /// Rule 3: proclitic-only tokens before a span's start become one token per proclitic.
    static func splittingProclitics(_ pieces: [Segment], scalars: [Unicode.Scalar], spanStarts: Set<Int>) -> [Segment] {
        var out: [Segment] = []
        out.reserveCapacity(pieces.count)
        for (position, piece) in pieces.enumerated() {
            guard piece.isWord, let units = procliticUnits(scalars, piece), units.count > 1 else {
                out.append(piece)
                continue
            }
            var next = position + 1
            while next < pieces.count, pieces[next].start == pieces[next - 1].end, !pieces[next].isWord,
                  !spanStarts.contains(pieces[next].start) {
                next += 1
            }
            if next < pieces.count, pieces[next].start == pieces[next - 1].end, spanStarts.contains(pieces[next].start) {
                out += units
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// The proclitics a word token is made of, or nil when it holds anything else.
    static func procliticUnits(_ scalars: [Unicode.Scalar], _ piece: Segment) -> [Segment]? {
        var units: [Segment] = []
        for index in piece.start..<piece.end {
            if proclitics.contains(scalars[index]) {
                units.append(Segment(start: index, end: index + 1, isWord: true))
            } else if attachesToProclitic(scalars[index]), !units.isEmpty {
                units[units.count - 1].end = index + 1
            } else {
                return nil
            }
        }
        return units
    }

    /// Rule 4, for two neighbouring tokens not inside the same span.
    static func endsSentence(after previous: Segment, before next: Segment, scalars: [Unicode.Scalar]) -> Bool {
        let gap = scalars[previous.end..<next.start]
        if gap.contains(where: lineBreaks.contains) { return true }
        return !gap.isEmpty && previous.end - previous.start == 1 && sentenceEnds.contains(scalars[previous.start])
    }
}
