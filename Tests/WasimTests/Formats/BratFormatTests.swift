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

    func testCRLFAnnotationFilesRead() {
        let document = Document(id: "d", text: "في 2022\r\nو 2023")
        guard case .read(let parsed) = BratFormat.parse(
            "T1\tDATE 3 7\t2022\r\n#1\tAnnotatorNotes T1\tvalue=2022\r\nT2\tDATE 11 15\t2023\r\n", document: document, path: "d.ann") else {
            return XCTFail("did not parse")
        }
        XCTAssertEqual(parsed.spans.map(\.text), ["2022", "2023"])
        XCTAssertEqual(parsed.spans.first?.attributes, ["value": "2022"])
    }

    func testSpanTextWithLineBreaksIsWrittenWithSpacesAndReadBack() {
        let document = Document(id: "d", text: "a\r\nb\tc")
        let annotated = AnnotatedDocument(document: document, spans: [Span(start: 0, end: 6, label: "X", text: "a\r\nb\tc")])
        let text = BratFormat.annotations(for: annotated)
        XCTAssertEqual(text, "T1\tX 0 6\ta  b c\n")
        guard case .read(let parsed) = BratFormat.parse(text, document: document, path: "d.ann") else { return XCTFail("did not parse") }
        XCTAssertEqual(parsed.spans, annotated.spans)
    }

    func testAttributeValuesMayStartWithACombiningMarkOrHoldMarkup() {
        let document = Document(id: "d", text: "abc")
        let attributes = ["note": "\u{0651}<&\"x=y\"", "value": "٢"]
        let annotated = AnnotatedDocument(document: document, spans: [Span(start: 0, end: 3, label: "X", text: "abc", attributes: attributes)])
        XCTAssertEqual(BratFormat.problems(writing: annotated), [])
        guard case .read(let parsed) = BratFormat.parse(BratFormat.annotations(for: annotated), document: document, path: "d.ann") else {
            return XCTFail("did not parse")
        }
        XCTAssertEqual(parsed.spans.first?.attributes, attributes)
    }

    func testWhatStandoffCannotHoldIsReported() {
        let document = Document(id: "d", text: "abc")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 0, end: 1, label: "A B", text: "a"),
            Span(start: 1, end: 2, label: "X", text: "b", attributes: ["k": "a; b"]),
            Span(start: 2, end: 3, label: "X", text: "c", attributes: ["k k": "v", "j": " padded"]),
        ])
        XCTAssertEqual(BratFormat.problems(writing: annotated).count, 4)
    }

    func testConfigurationListsTheGuidelinesLabelsThenOthers() {
        let labels = BratConfiguration.labels(using: ["ZEBRA", "DATE", "ALPHA"])
        XCTAssertEqual(labels, ["DATE", "NUMBER", "LOCATION", "AGENCY", "ORGANIZATION", "PERSON", "TIME", "PERCENT", "MONEY", "ALPHA", "ZEBRA"])
        let conf = BratConfiguration.annotationConf(labels: ["DATE", "X"])
        XCTAssertEqual(conf, "[entities]\nDATE\nX\n\n[relations]\n\n[events]\n\n[attributes]\n")
        XCTAssertTrue(BratConfiguration.visualConf(labels: ["DATE"]).contains("DATE\tbgColor:#ffd166\n"))
    }
}
