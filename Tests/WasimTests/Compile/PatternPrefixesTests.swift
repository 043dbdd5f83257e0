@testable import Wasim
import XCTest

final class PatternPrefixesTests: XCTestCase {
    private func beginnings(_ pattern: String) -> Set<String> {
        guard let prefixes = PatternPrefixes(pattern: pattern) else { return ["<unsupported>"] }
        return Set(prefixes.prefixes.map { String(decoding: $0.units, as: UTF16.self) + ($0.isOpen ? "…" : "") })
    }

    func testLiteralsAlternationAndOptionalGroups() {
        XCTAssertEqual(beginnings("abc"), ["abc"])
        XCTAssertEqual(beginnings("ab|cd"), ["ab", "cd"])
        XCTAssertEqual(beginnings("(?:x)?ab"), ["xab", "ab"])
        XCTAssertEqual(beginnings("(?<name>ab)c"), ["abc"])
    }

    func testLookaroundAndAnchorsAreZeroWidth() {
        XCTAssertEqual(beginnings("(?<=(?:^|\\W)[و]{0,3})(?!x)ab$"), ["ab"])
        XCTAssertEqual(beginnings("\\bab(?=c)"), ["ab"])
    }

    func testVariantsDigitsAndMarksFold() {
        // أ folds to ا, Arabic-Indic digits to ASCII, marks (and classes of marks) to nothing.
        XCTAssertEqual(beginnings("[اأإ][ً-ْٰـ]*+ل"), ["ال"])
        XCTAssertEqual(beginnings("[1١۱]٢"), ["00"])
        XCTAssertEqual(beginnings("بَ"), ["ب"])
    }

    func testLargeClassesAndRepetitionEndTheBeginning() {
        XCTAssertEqual(beginnings("ab\\s+c"), ["ab…"])
        XCTAssertEqual(beginnings("a.b"), ["a…"])
        XCTAssertEqual(beginnings("a[^b]c"), ["a…"])
        // Every digit is the filter's 0: one digit then x, or two digits then anything (the
        // loop's second round).
        XCTAssertEqual(beginnings("[0-9]+x"), ["0x", "00…"])
        XCTAssertTrue(PatternPrefixes(pattern: "\\w+")!.acceptsAnyStart)
        XCTAssertTrue(PatternPrefixes(pattern: "(?:ab)?")!.acceptsAnyStart)
        XCTAssertFalse(PatternPrefixes(pattern: "(?:ab)?c")!.acceptsAnyStart)
    }

    func testPosixPropertySetsAreLarge() {
        // ICU reads [:alpha:] as the set of letters, not as the characters : a l p h.
        XCTAssertTrue(PatternPrefixes(pattern: "[:alpha:]b")!.acceptsAnyStart)
        XCTAssertTrue(PatternPrefixes(pattern: "[[:digit:]x]")!.acceptsAnyStart)
    }

    func testInlineFlagsAreNotFollowed() {
        XCTAssertNil(PatternPrefixes(pattern: "(?i)abc"))
        XCTAssertNil(PatternPrefixes(pattern: "(?x) a b"))
    }

    func testEscapes() {
        XCTAssertEqual(beginnings("\\(\\s*x"), ["(x", "(…"])
        XCTAssertEqual(beginnings("\\u0628\\x{0644}"), ["بل"])
        XCTAssertEqual(beginnings("\\Qa.b\\Ec"), ["a.bc"])
        // A quantifier after \E takes the last quoted character alone.
        XCTAssertEqual(beginnings("\\Qab\\E?c"), ["abc", "ac"])
        // \G and comments are not followed.
        XCTAssertNil(PatternPrefixes(pattern: "\\Ga"))
        XCTAssertNil(PatternPrefixes(pattern: "s(?#x)*"))
        XCTAssertEqual(beginnings("a\\1"), ["a…"])
    }

    func testLongBeginningsAreCut() {
        XCTAssertEqual(beginnings("abcdefghijkl"), ["abcdefgh…"])
    }

    func testDigitSequencesStayFew() {
        // A date pattern with every digit choice would spell thousands of beginnings.
        let date = "(?:3[01]|[12][0-9]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?:19|20)[0-9][0-9]"
        XCTAssertEqual(beginnings(date), ["00/00/00", "00/0/000", "0/00/000", "0/0/0000"])
    }

    func testCaseInsensitiveRulesKeepOnlyCaselessBeginnings() {
        let digits = PatternPrefixes(pattern: "[0-9]+ \\s+ mars")!.caseless
        XCTAssertFalse(digits.acceptsAnyStart)
        XCTAssertTrue(PatternPrefixes(pattern: "(?:mars|12)")!.caseless.acceptsAnyStart)
        XCTAssertEqual(PatternPrefixes(pattern: "ماي-x")!.caseless.prefixes.map(\.count), [4])
    }

    func testEveryBundledRuleButOneThatStartsWithALatinWordIsFiltered() {
        let pack = bundledPack
        let unfiltered = pack.rules.indices.filter { !pack.startFilter.isFiltered($0) }.map { pack.rules[$0].name }
        XCTAssertEqual(unfiltered, ["latin_month_day_year"])
    }
}
