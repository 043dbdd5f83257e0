import XCTest

@testable import Wasim

/// A rule tried only where the start filter lets it must find what a full scan finds.
final class StartFilterTests: XCTestCase {
    private func matches(_ rule: CompiledRule, _ text: [UInt16], starts: [Int]? = nil) throws -> [Range<Int>] {
        var found: [Range<Int>] = []
        let collect: ([Range<Int>?]) -> Bool = { ranges in
            if let range = ranges[0] { found.append(range) }
            return true
        }
        if let starts {
            try (rule.startRegex ?? rule.regex).forEachMatch(in: text, startingOnlyAt: starts, collect)
        } else {
            try rule.regex.forEachMatch(in: text, collect)
        }
        return found
    }

    /// Clitics with tatweel, brackets, digits of three families glued to words, astral
    /// characters, Latin text and white space of several kinds.
    private let adversarial = [
        "وفي 11 ماي 2022 وبـ12 مارس و(2017) ف١٥/٠١/٢٠٢٣ لـ3 آلاف 😀5 مليون دولار",
        "ثلاثمائة وخمسة وعشرون الثالث والعشرين بالمائة 41% ٤١٪ 20:30 الساعة 8:05",
        "(2019) ما بين 2014 و2017 خلال الفترة 2014-2017 سنة 2016م عام\u{00A0}2002",
        "نهاية الشهر ذاته، يوم الخميس 6 يونيو 2024 أمس الإثنين 𝕏الأحد",
        "le 3 MARS 2021, 10 Septembre 2020 et 5 mai 2019; September 10, 2020 (٣ mars ٢٠٢١)",
        "", "5", "و", "(", "ال",
    ]

    func testFilteredMatchingEqualsAFullScanForEveryBundledRule() throws {
        let pack = bundledPack
        let texts = adversarial + (try seedAndDevTexts())
        var compared = 0
        for text in texts {
            let units = MarkFreeText(Array(text.utf16)).units
            let starts = pack.startFilter.starts(in: units)
            for (index, rule) in pack.rules.enumerated() where pack.startFilter.isFiltered(index) {
                XCTAssertEqual(try matches(rule, units, starts: starts[index]), try matches(rule, units),
                               "rule \(rule.name) on \(text.prefix(40))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }

    func testRulesStartOnlyWhereTheirBeginningsAreAndAfterProclitics() {
        let pack = makePack("""
            rule month DATE
              pattern ماي \\s+ [0-9]+
            rule amount MONEY
              pattern [0-9]+ \\s* درهم
              option no-boundaries
            """)
        let text = Array("وبماي 2 مايو x5 درهم".utf16)
        let starts = pack.startFilter.starts(in: text)
        // ماي after و and ب (positions 2), and the ماي of مايو (6); not inside words.
        XCTAssertEqual(starts[0], [2, 8])
        // Digits anywhere, even glued to a Latin letter.
        XCTAssertEqual(starts[1], [6, 14])
    }

    func testFilteredRulesWithProcliticsSkipTheLookbehind() {
        let rule = bundledPack.rule(named: "day_month_year")!
        XCTAssertNotNil(rule.startRegex)
        XCTAssertTrue(rule.pattern.hasPrefix("(?<="))
        XCTAssertFalse(rule.startRegex!.pattern.hasPrefix("(?<="))
    }

    func testWordEdgesFollowTheSystemICUsUnicodeVersion() {
        // Characters newer than some ICU versions (Swift's own tables may know them): the
        // filtered rule must decide like ICU's full scan of the original text.
        let filtered = makePack("rule book X\n  pattern كتاب\n")
        let fullScan = makePack("rule book X\n  pattern كتاب\n  option no-diacritics\n")
        XCTAssertTrue(filtered.startFilter.isFiltered(0))
        XCTAssertFalse(fullScan.startFilter.isFiltered(0))
        for newer in ["\u{0897}", "\u{1C89}", "\u{A7CB}", "\u{10D40}"] {
            let text = "x \(newer)كتاب \(newer)"
            XCTAssertEqual(spans(text, filtered), spans(text, fullScan), "after U+\(String(newer.unicodeScalars.first!.value, radix: 16))")
        }
    }

    func testARuleThatMayStartWithAnythingIsNotFiltered() {
        let pack = makePack("""
            rule any X
              pattern \\w+ \\s+ ماي
            """)
        XCTAssertFalse(pack.startFilter.isFiltered(0))
        XCTAssertEqual(spans("كلمة ماي", pack), ["X:كلمة ماي"])
    }
}
