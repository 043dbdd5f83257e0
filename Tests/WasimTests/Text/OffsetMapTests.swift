import XCTest

@testable import Wasim

final class OffsetMapTests: XCTestCase {
    func testEmptyText() {
        let map = OffsetMap(utf16: [UInt16]())
        XCTAssertEqual(map.codePointCount, 0)
        XCTAssertEqual(map.utf16(atCodePoint: 0), 0)
        XCTAssertEqual(map.codePoint(atUTF16: 0), 0)
    }

    func testBMPTextNeedsNoTable() {
        let document = Document(id: "a", text: "في 11 ماي")
        XCTAssertEqual(document.length, document.utf16.count)
        XCTAssertEqual(document.offsets.codePoint(atUTF16: 5), 5)
    }

    func testAstralCharactersShiftUTF16ButNotCodePoints() {
        let document = Document(id: "a", text: "😀𝕏 ماي")
        // 😀 and 𝕏 are two UTF-16 units each, one code point each.
        XCTAssertEqual(document.length, 6)
        XCTAssertEqual(document.utf16.count, 8)
        XCTAssertEqual(document.offsets.utf16(atCodePoint: 3), 5)
        XCTAssertEqual(document.offsets.codePoint(atUTF16: 5), 3)
        XCTAssertEqual(document.offsets.codePoint(atUTF16: 8), 6)
        // An offset inside a surrogate pair belongs to its code point.
        XCTAssertEqual(document.offsets.codePoint(atUTF16: 1), 0)
        XCTAssertEqual(document.slice(3, 6), "ماي")
    }

    func testByteOrderMarkIsNotPartOfTheText() {
        let document = Document(id: "a", text: "\u{FEFF}ماي")
        XCTAssertEqual(document.text, "ماي")
        XCTAssertEqual(document.length, 3)
    }

    func testSpanOffsetsAfterAnEmojiAreCodePoints() {
        let pack = makePack("""
            rule month DATE
              pattern ماي \\s+ \\d{4}
            """)
        let annotated = Annotator(pack: pack).annotate(Document(id: "a", text: "😀 في ماي 2022"))
        XCTAssertEqual(annotated.spans.map(\.start), [5])
        XCTAssertEqual(annotated.spans.map(\.end), [13])
        XCTAssertEqual(annotated.spans.first?.text, "ماي 2022")
    }
}
