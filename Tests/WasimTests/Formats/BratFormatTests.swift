import XCTest

@testable import Wasim

final class BratFormatTests: XCTestCase {
    func testWriteThenParseGivesTheSameSpans() {
        let document = Document(id: "d", text: "😀 في 11 ماي 2022 بالمغرب")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 5, end: 16, label: "DATE", text: "11 ماي 2022", attributes: ["value": "2022-05-11", "mod": "END"]),
            Span(start: 18, end: 24, label: "LOCATION", text: "المغرب"),
        ])
        let text = BratFormat.annotations(for: annotated)
        XCTAssertEqual(text, "T1\tDATE 5 16\t11 ماي 2022\n#1\tAnnotatorNotes T1\tmod=END; value=2022-05-11\nT2\tLOCATION 18 24\tالمغرب\n")
        guard case .read(let parsed) = BratFormat.parse(text, document: document, path: "d.ann") else {
            return XCTFail("did not parse")
        }
        XCTAssertEqual(parsed.spans, annotated.spans)
    }

    func testBratAttributeLinesAreReadLeniently() {
        let document = Document(id: "d", text: "البسيج")
        guard case .read(let parsed) = BratFormat.parse(
            "T1\tAGENCY 0 6\tالبسيج\nA1\tcanonical T1 BCIJ\nN1\tReference T1 Wikidata:Q1\tx\n", document: document, path: "d.ann") else {
            return XCTFail("did not parse")
        }
        XCTAssertEqual(parsed.spans.first?.attributes, ["canonical": "BCIJ"])
    }

    func testOffsetsOutsideTheTextAreAnError() {
        guard case .problems(let problems) = BratFormat.parse("T1\tDATE 0 99\tx\n", document: Document(id: "d", text: "abc"), path: "d.ann") else {
            return XCTFail("accepted")
        }
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "d.ann", line: 1, column: 1))
    }
}
