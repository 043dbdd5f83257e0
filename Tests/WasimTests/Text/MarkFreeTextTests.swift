import XCTest

@testable import Wasim

final class MarkFreeTextTests: XCTestCase {
    func testMarksAndTatweelAreRemoved() {
        let text = MarkFreeText(Array("وَالمَغْـرِبُ 12".utf16))
        XCTAssertEqual(String(decoding: text.units, as: UTF16.self), "والمغرب 12")
        XCTAssertFalse(text.isUnchanged)
        XCTAssertTrue(MarkFreeText(Array("المغرب".utf16)).isUnchanged)
    }

    func testRangesMapBackWithTheMarksOfTheirLetters() {
        let original = "وَالمَغْـرِبُ، 12ً"
        let utf16 = Array(original.utf16)
        let text = MarkFreeText(utf16)
        func back(_ range: Range<Int>) -> String { String(decoding: utf16[text.originalRange(range)], as: UTF16.self) }
        // The article after the proclitic: the proclitic's fatha stays out, the final damma in.
        XCTAssertEqual(back(1..<7), "المَغْـرِبُ")
        XCTAssertEqual(back(0..<1), "وَ")
        // A final digit does not take the mark written after it.
        XCTAssertEqual(back(9..<11), "12")
        XCTAssertEqual(text.originalRange(3..<3), 4..<4)
    }

    func testAnnotationOffsetsCountMarksAndAstralCharacters() {
        let pack = makePack("""
            rule place LOCATION
              pattern المغرب
            """)
        let document = Document(id: "d", text: "😀 وَالمَغْرِبُ")
        let span = Annotator(pack: pack).annotate(document).spans[0]
        XCTAssertEqual(span.text, "المَغْرِبُ")
        XCTAssertEqual(span.start, 4)
        XCTAssertEqual(document.slice(span.start, span.end), span.text)
    }
}
