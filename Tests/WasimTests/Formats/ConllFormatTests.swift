import XCTest

@testable import Wasim

final class ConllFormatTests: XCTestCase {
    private func annotated(_ text: String, _ spans: [(Int, Int, String)]) -> AnnotatedDocument {
        let document = Document(id: "d", text: text)
        return AnnotatedDocument(document: document, spans: spans.map {
            Span(start: $0.0, end: $0.1, label: $0.2, text: document.slice($0.0, $0.1))
        })
    }

    /// `token/TAG` pairs, sentences separated by ` | `.
    private func tagged(_ text: String, _ spans: [(Int, Int, String)]) -> String {
        let document = annotated(text, spans)
        return ConllTokenizer.sentences(text: document.document.text, spans: document.spans).map { sentence in
            sentence.map { "\($0.text)/\($0.tag)" }.joined(separator: " ")
        }.joined(separator: " | ")
    }

    // MARK: Tokens

    func testEmptyTextHasNoSentence() {
        XCTAssertEqual(ConllTokenizer.sentences(text: "", spans: []).count, 0)
        XCTAssertEqual(ConllFormat.text(for: annotated("", [])), "-DOCSTART-\tO\n\n")
    }

    func testWordsDigitsAndPunctuation() {
        XCTAssertEqual(tagged("في 11 ماي 2022، «البسيج»", []),
                       "في/O 11/O ماي/O 2022/O ،/O «/O البسيج/O »/O")
    }

    func testMarksStayInTheirWordAndEmojiAreTokens() {
        XCTAssertEqual(tagged("مُحَمَّد😀𝐀𝐁", []), "مُحَمَّد/O 😀/O 𝐀𝐁/O")
    }

    func testASpanStartingInsideAWordSplitsIt() {
        // بالمغرب → ب + المغرب
        XCTAssertEqual(tagged("بالمغرب", [(1, 7, "LOCATION")]), "ب/O المغرب/B-LOCATION")
    }

    func testProcliticsBeforeASpanBecomeTokens() {
        XCTAssertEqual(tagged("وبالمغرب", [(2, 8, "LOCATION")]), "و/O ب/O المغرب/B-LOCATION")
        XCTAssertEqual(tagged("ولـ»البسيج", [(4, 10, "AGENCY")]), "و/O لـ/O »/O البسيج/B-AGENCY")
        XCTAssertEqual(tagged("وفي 11 ماي", [(1, 10, "DATE")]), "و/O في/B-DATE 11/I-DATE ماي/I-DATE")
        // Not before a span: the word stays whole.
        XCTAssertEqual(tagged("وبل", []), "وبل/O")
        // Not proclitics only: one token.
        XCTAssertEqual(tagged("الالمغرب", [(2, 8, "LOCATION")]), "ال/O المغرب/B-LOCATION")
    }

    func testASpanEndingInsideAWordSplitsIt() {
        XCTAssertEqual(tagged("2022م", [(0, 4, "DATE")]), "2022/B-DATE م/O")
    }

    func testAdjacentSpansOfOneLabelEachBegin() {
        XCTAssertEqual(tagged("ab cd", [(0, 2, "X"), (3, 5, "X")]), "ab/B-X cd/B-X")
        XCTAssertEqual(tagged("abcd", [(0, 2, "X"), (2, 4, "X")]), "ab/B-X cd/B-X")
    }

    func testSentencesEndAtLineBreaksAndFinalPunctuationButNotInsideSpans() {
        XCTAssertEqual(tagged("أ. ب\r\nج", []), "أ/O ./O | ب/O | ج/O")
        XCTAssertEqual(tagged("1.4 مليون", []), "1/O ./O 4/O مليون/O")
        XCTAssertEqual(tagged("ا ب.\nج د", [(2, 7, "X")]), "ا/O ب/B-X ./I-X ج/I-X د/O")
    }

    // MARK: Writing

    func testDocumentBlockAndEntityCounts() {
        let document = annotated("في 11 ماي 2022 بالمغرب.\nوفي الرباط", [(3, 14, "DATE"), (16, 22, "LOCATION"), (28, 34, "LOCATION")])
        let text = ConllFormat.text(for: document)
        XCTAssertEqual(text, """
            -DOCSTART-\tO

            في\tO
            11\tB-DATE
            ماي\tI-DATE
            2022\tI-DATE
            ب\tO
            المغرب\tB-LOCATION
            .\tO

            وفي\tO
            الرباط\tB-LOCATION


            """)
        XCTAssertEqual(text.components(separatedBy: "\tB-").count - 1, document.spans.count)
    }

    func testWhiteSpaceOnlyAndOverlappingSpansAreReported() {
        let document = annotated("a  b", [(1, 3, "X"), (0, 1, "Y"), (0, 4, "Z")])
        let problems = ConllFormat.problems(writing: document)
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertEqual(ConllFormat.text(for: document), "-DOCSTART-\tO\n\na\tB-Y\nb\tO\n\n")
    }

    // MARK: Reading

    func testReadingRebuildsTextAndSpans() {
        let (documents, problems) = ConllFormat.parse(
            "-DOCSTART-\tO\n\nفي\tO\n11\tB-DATE\nماي\tI-DATE\n\nب\tO\nالمغرب\tB-LOCATION\n\n-DOCSTART-\tO\n\nx\tI-X\n",
            name: "f", path: "f.conll")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(documents.map(\.document.id), ["f-1", "f-2"])
        XCTAssertEqual(documents[0].document.text, "في 11 ماي\nب المغرب")
        XCTAssertEqual(documents[0].spans.map { "\($0.label):\($0.text)" }, ["DATE:11 ماي", "LOCATION:المغرب"])
        // An I- tag with nothing to continue starts a span, as conlleval reads it.
        XCTAssertEqual(documents[1].spans.map { "\($0.label):\($0.text)" }, ["X:x"])
    }

    func testCoNLL2003ColumnsAndCRLFRead() {
        let (documents, problems) = ConllFormat.parse("EU NNP B-NP B-ORG\r\nrejects VBZ B-VP O\r\n", name: "f", path: "f.conll")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(documents.first?.document.text, "EU rejects")
        XCTAssertEqual(documents.first?.spans.map(\.label), ["ORG"])
    }

    func testBadLinesNameFileLineAndColumnAndDropTheirDocument() {
        let (documents, problems) = ConllFormat.parse(
            "-DOCSTART-\tO\n\nفي\tO\nماي\tDATE\n-DOCSTART-\tO\n\nok\tO\nlonely\n", name: "f", path: "f.conll")
        XCTAssertEqual(problems.map(\.description), [
            "f.conll:4:5: error: `DATE` is not an IOB2 tag (O, B-LABEL or I-LABEL)",
            "f.conll:8:1: error: expected `TOKEN<TAB>TAG`",
        ])
        XCTAssertEqual(documents.count, 0)
    }
}
