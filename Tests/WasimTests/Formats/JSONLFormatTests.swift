import Foundation
import XCTest

@testable import Wasim

final class JSONLFormatTests: XCTestCase {
    private func parse(_ line: String) -> Result<AnnotatedDocument, Diagnostic> {
        JSONLFormat.parse(Data(line.utf8), at: SourceLocation(file: "f.jsonl", line: 3, column: 1), fallbackID: "f:3")
    }

    func testARawFEFFAtTheStartOfAStringIsKept() throws {
        // Foundation's JSONSerialization alone would drop it and report a span mismatch.
        let line = "{\"id\":\"d\",\"text\":\"a\u{FEFF}b\",\"spans\":[{\"start\":1,\"end\":3,\"label\":\"X\",\"text\":\"\u{FEFF}b\",\"attrs\":{\"k\":\"\u{FEFF}v\"}}]}"
        let document = try parse(line).get()
        XCTAssertEqual(document.spans.first?.text, "\u{FEFF}b")
        XCTAssertEqual(document.spans.first?.attributes, ["k": "\u{FEFF}v"])
    }

    func testAByteOrderMarkBeforeTheLineIsSkipped() throws {
        XCTAssertEqual(try parse("\u{FEFF}{\"id\":\"d\",\"text\":\"x\"}").get().document.text, "x")
    }

    func testTheWriterEscapesFEFFAndLineSeparators() {
        let document = AnnotatedDocument(document: Document(id: "d", text: "a\u{FEFF}\u{2028}\r\n"), spans: [])
        XCTAssertEqual(JSONLFormat.line(for: document), "{\"id\":\"d\",\"text\":\"a\\ufeff\\u2028\\r\\n\",\"spans\":[]}")
    }

    func testNumbersAsIDsAndAttributeValuesAreRead() throws {
        let document = try parse("{\"id\":7,\"text\":\"2022\",\"spans\":[{\"start\":0,\"end\":4,\"label\":\"DATE\",\"attrs\":{\"value\":2022}}]}").get()
        XCTAssertEqual(document.document.id, "7")
        XCTAssertEqual(document.spans.first?.attributes, ["value": "2022"])
    }
}

final class JSONTextTests: XCTestCase {
    func testStringsRoundTripThroughAJSONReader() throws {
        let tricky = "ماي \"2022\" \\ \n\r\t\u{01}\u{1F} \u{2028}\u{2029} \u{FEFF}x 😀 ﻿é"
        let literal = JSONText.string(tricky)
        XCTAssertFalse(literal.contains("\u{2028}"))
        XCTAssertTrue(literal.contains("\\u0001"), literal)
        XCTAssertTrue(literal.contains("\\ufeff"), literal)
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as! [String]
        XCTAssertEqual(decoded, [tricky])
    }
}
