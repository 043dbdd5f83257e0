import XCTest

@testable import Wasim

final class InlineFormatTests: XCTestCase {
    private func read(_ markup: String, path: String = "d.xml") -> AnnotatedDocument? {
        guard case .read(let document) = InlineFormat.parse(markup, id: "d", path: path) else { return nil }
        return document
    }

    private func problems(_ markup: String, path: String = "d.xml") -> [Diagnostic] {
        guard case .problems(let problems) = InlineFormat.parse(markup, id: "d", path: path) else { return [] }
        return problems
    }

    // MARK: Edge cases first

    func testEmptyMarkupIsAnEmptyDocument() {
        let document = read("")
        XCTAssertEqual(document?.document.text, "")
        XCTAssertEqual(document?.spans, [])
    }

    func testTextWithoutTagsIsTheText() {
        XCTAssertEqual(read("في 11 ماي 2022")?.document.text, "في 11 ماي 2022")
    }

    func testTheGuidelinesExample() {
        let document = read("في <DATE value=\"2022-05-11\">11 ماي 2022</DATE>")
        XCTAssertEqual(document?.document.text, "في 11 ماي 2022")
        XCTAssertEqual(document?.spans, [Span(start: 3, end: 14, label: "DATE", text: "11 ماي 2022", attributes: ["value": "2022-05-11"])])
    }

    // MARK: Writing

    func testWriterSortsAttributesAndEscapes() {
        let document = Document(id: "d", text: "a<b & \"c\" > d")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 0, end: 3, label: "X", text: "a<b", rule: "r", attributes: ["z": "1", "a": "<&\">'"]),
        ])
        XCTAssertEqual(InlineFormat.markup(for: annotated),
                       "<X a=\"&lt;&amp;&quot;&gt;'\" z=\"1\">a&lt;b</X> &amp; &quot;c&quot; &gt; d")
        XCTAssertEqual(read(InlineFormat.markup(for: annotated))?.spans.first?.attributes, ["a": "<&\">'", "z": "1"])
    }

    func testRoundTripKeepsCodePointOffsetsWithAstralCRLFAndMarks() {
        let text = "😀 في\r\n11 ماي 2022 𝐀 بالمغرب\u{0651}\u{FEFF} و"
        let document = Document(id: "d", text: text)
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 6, end: 17, label: "DATE", text: document.slice(6, 17), attributes: ["value": "2022-05-11"]),
            Span(start: 21, end: 28, label: "LOCATION", text: document.slice(21, 28)),
        ])
        XCTAssertEqual(annotated.spans[0].text, "11 ماي 2022")
        XCTAssertEqual(annotated.spans[1].text, "المغرب\u{0651}")
        let back = read(InlineFormat.markup(for: annotated))
        XCTAssertEqual(back?.document.text, text)
        XCTAssertEqual(back?.spans, annotated.spans)
    }

    func testALeadingByteOrderMarkIsNotText() {
        let document = read("\u{FEFF}<DATE>2022</DATE>")
        XCTAssertEqual(document?.document.text, "2022")
        XCTAssertEqual(document?.spans.first?.start, 0)
    }

    func testOverlappingSpansAreReportedNotWritten() {
        let document = Document(id: "d", text: "abcdef")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 0, end: 4, label: "A", text: "abcd"), Span(start: 2, end: 6, label: "B", text: "cdef"),
        ])
        XCTAssertEqual(InlineFormat.markup(for: annotated), "<A>abcd</A>ef")
        XCTAssertEqual(InlineFormat.problems(writing: annotated).count, 1)
        XCTAssertTrue(InlineFormat.problems(writing: annotated)[0].message.contains("B [2, 6)"))
    }

    func testLabelsThatAreNotNamesAreReported() {
        let annotated = AnnotatedDocument(document: Document(id: "d", text: "ab"), spans: [
            Span(start: 0, end: 1, label: "A B", text: "a"), Span(start: 1, end: 2, label: "C", text: "b", attributes: ["k=": "v"]),
        ])
        XCTAssertEqual(InlineFormat.markup(for: annotated), "ab")
        XCTAssertEqual(InlineFormat.problems(writing: annotated).count, 2)
    }

    // MARK: Reading

    func testEntitiesAndNumericReferencesAreUnescaped() {
        XCTAssertEqual(read("&lt;&gt;&amp;&quot;&apos;&#1605;&#x627;")?.document.text, "<>&\"'ما")
    }

    func testABareGreaterThanIsText() {
        XCTAssertEqual(read("a > b")?.document.text, "a > b")
    }

    func testAttributesMaySpanLinesAndUseSpacesAroundEquals() {
        let document = read("<DATE\n  value = \"2022\"\n  mod=\"END\">2022</DATE>")
        XCTAssertEqual(document?.spans.first?.attributes, ["value": "2022", "mod": "END"])
    }

    // MARK: Malformed markup

    func testUnclosedTagNamesFileLineAndColumn() {
        let found = problems("سطر\nفي <DATE value=\"x\">11 ماي", path: "dir/a.xml")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].location, SourceLocation(file: "dir/a.xml", line: 2, column: 4))
        XCTAssertTrue(found[0].description.hasPrefix("dir/a.xml:2:4: error: unclosed tag `<DATE>`"), found[0].description)
    }

    func testTagWithoutClosingBracket() {
        let found = problems("a <DATE value=\"x\"")
        XCTAssertEqual(found.first?.location?.column, 3)
        XCTAssertTrue(found.first?.message.contains("unclosed tag") == true, "\(found)")
    }

    func testMismatchedCloseIsReportedWithANote() {
        let found = problems("<DATE>x</NUMBER>")
        XCTAssertEqual(found.first?.location?.column, 8)
        XCTAssertTrue(found.first?.message.contains("does not match") == true, "\(found)")
        XCTAssertEqual(found.first?.notes.first?.location?.column, 1)
    }

    func testCloseWithoutOpen() {
        let found = problems("x</DATE>")
        XCTAssertEqual(found.first?.location?.column, 2)
        XCTAssertTrue(found.first?.message.contains("without an opening tag") == true, "\(found)")
    }

    func testNestedTagsAreAnError() {
        let found = problems("<DATE>11 <NUMBER>ماي</NUMBER> 2022</DATE>")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.location?.column, 10)
        XCTAssertTrue(found.first?.message.contains("spans are flat") == true, "\(found)")
    }

    func testUnknownEntityAndBareAmpersand() {
        let found = problems("a &nbsp; b\nc & d")
        XCTAssertEqual(found.map(\.location?.line), [1, 2])
        XCTAssertEqual(found.map(\.location?.column), [3, 3])
        XCTAssertTrue(found[0].message.contains("unknown entity `&nbsp;`"), "\(found)")
        XCTAssertTrue(found[1].message.contains("bare `&`"), "\(found)")
    }

    func testColumnsCountCodePointsAfterAstralCharacters() {
        // 😀 is one column, as editors count characters.
        let found = problems("😀😀 &bogus;")
        XCTAssertEqual(found.first?.location?.column, 4)
    }

    func testEmptyElementsAreAnError() {
        XCTAssertEqual(problems("<DATE></DATE>").count, 1)
        XCTAssertEqual(problems("<DATE/>").count, 1)
    }

    func testEveryProblemIsReportedInOnePass() {
        XCTAssertEqual(problems("&x; <A>a</B> < c &y;").count, 5)
    }

    func testDiagnosticsOfACRLFFilePointAtTheRightLineAndColumn() throws {
        let path = temporaryDirectory() + "/crlf.xml"
        try "سطر أول\r\nفي <DATE>ماي 2022</NUMBER>\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .problems(let found) = InlineFormat.read(path: path) else { return XCTFail("accepted") }
        var formatter = DiagnosticFormatter()
        XCTAssertTrue(formatter.format(found[0]).hasSuffix(
            ":2:18: error: closing tag `</NUMBER>` does not match the open `<DATE>`\n  في <DATE>ماي 2022</NUMBER>\n                   ^\n"
                + "\(path):2:4: note: `<DATE>` opened here\n  في <DATE>ماي 2022</NUMBER>\n     ^\n"), formatter.format(found[0]))
    }

    func testReadingAFileTakesItsNameAsTheID() throws {
        let directory = temporaryDirectory()
        let path = directory + "/doc-1.xml"
        try "في <DATE>2022</DATE>".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .read(let document) = InlineFormat.read(path: path) else { return XCTFail("not read") }
        XCTAssertEqual(document.document.id, "doc-1")
        XCTAssertEqual(InlineFormat.files(under: directory), [path])
    }
}
