import XCTest

@testable import Wasim

final class NumberNormalizerTests: XCTestCase {
    /// A small lexicon in the shape of Rules/number/number-words.tsv.
    private let words = Lexicon(name: "W", entries: [
        ("ثلاثة", "unit", "3", nil), ("ثلاث", "unit", "3", nil), ("خمسة", "unit", "5", nil), ("عشر", "unit", "10", nil),
        ("اثنا", "unit", "2", nil), ("عشرون", "ten", "20", nil), ("مائة", "hundred", "100", nil),
        ("ثلاثمائة", "hundred", "300", nil), ("مئتان", "hundred", "200", nil), ("ألف", "scale", "1000", "singular"),
        ("ألفان", "scale", "1000", "dual"), ("آلاف", "scale", "1000", "plural"), ("مليون", "scale", "1000000", "singular"),
        ("ملايين", "scale", "1000000", "plural"), ("مليار", "scale", "1000000000", "singular"),
        ("نصف", "fraction", "0.5", nil), ("ثلث", "fraction", "0.3333", nil), ("الثامن", "ordinal", "8", nil),
        ("الحادي", "ordinal", "1", nil), ("العشرون", "ordinal", "20", nil),
    ].map { text, type, value, form in
        var attributes = ["type": type, "value": value]
        if let form { attributes["form"] = form }
        return Lexicon.Entry(text: text, attributes: attributes)
    })

    private func value(_ text: String) -> NormalizerOutcome {
        NumberNormalizer().normalize(RuleMatch(text: text, lexicons: [words]))
    }

    private func assertValue(_ text: String, _ expected: String, kind: String = "cardinal", line: UInt = #line) {
        XCTAssertEqual(value(text), .attributes(["value": expected, "kind": kind]), line: line)
    }

    func testUnitsTeensAndCompounds() {
        assertValue("ثلاثة", "3")
        assertValue("ثلاثة عشر", "13")
        assertValue("اثنا عشر", "12")
        assertValue("خمسة وعشرون", "25")
        assertValue("ثلاثمائة وخمسة وعشرون", "325")
        assertValue("ثلاثمائة و خمسة و عشرون", "325")
    }

    func testHundredsWrittenApartMultiply() {
        assertValue("ثلاث مائة", "300")
        assertValue("مئتان", "200")
    }

    func testScales() {
        assertValue("ثلاثة آلاف", "3000")
        assertValue("ألف", "1000")
        assertValue("ألفان وثلاثمائة", "2300")
        assertValue("خمسة وعشرون ألف", "25000")
        assertValue("مائة ألف", "100000")
    }

    func testDigitsWithAScaleWord() {
        assertValue("1.4 ملايين", "1400000")
        assertValue("171 مليار", "171000000000")
        assertValue("1,5 مليار", "1500000000")
        assertValue("١٫٥ مليون", "1500000")
    }

    func testFractions() {
        assertValue("نصف", "0.5", kind: "fraction")
        assertValue("ثلث", "0.3333", kind: "fraction")
        assertValue("نصف مليار", "500000000")
        assertValue("مليون ونصف", "1500000")
    }

    func testOrdinals() {
        assertValue("الثامن", "8", kind: "ordinal")
        assertValue("الحادي والعشرون", "21", kind: "ordinal")
    }

    func testUnknownWordIsRejected() {
        guard case .reject = value("ثلاثة أقلام") else { return XCTFail("a non-number word was accepted") }
    }

    func testDigitValueSeparators() {
        XCTAssertEqual(NumberNormalizer.digitValue("6,037"), 6037)
        XCTAssertEqual(NumberNormalizer.digitValue("2,5"), 2.5)
        XCTAssertEqual(NumberNormalizer.digitValue("3.25"), 3.25)
        XCTAssertNil(NumberNormalizer.digitValue("3a"))
        XCTAssertEqual(NumberNormalizer.digitValue("1,500,000"), 1_500_000)
        XCTAssertEqual(NumberNormalizer.digitValue("1.500.000"), 1_500_000)
        XCTAssertEqual(NumberNormalizer.joiningDigitGroups("1\u{00A0}500\u{00A0}000 مليون"), "1500000 مليون")
    }
}
