import Foundation
import XCTest

@testable import Wasim

/// The lexicon fast path must find exactly what the compiled ICU pattern finds.
final class LexiconMatcherTests: XCTestCase {
    private func regexMatches(_ rule: CompiledRule, _ text: [UInt16]) throws -> [Range<Int>] {
        var found: [Range<Int>] = []
        try rule.regex.forEachMatch(in: text) { ranges in
            if let range = ranges[0] { found.append(range) }
            return true
        }
        return found
    }

    /// Texts that exercise clitics, tatweel, harakat, the merged article, letter variants,
    /// white space inside names, native digits and astral characters.
    private let adversarial = [
        "وبالمغرب وللمغرب فللجزائر بـالمغرب لـ«المغرب» كالمغرب المغربي المغربية",
        "بالدار\u{00A0}البيضاء والدار\nالبيضاء الدارالبيضاء الـدار البَيْضاء",
        "😀المغرب 𝕏المغرب المغرب😀 إسبانيا واسبانيا فأسبانيا",
        "ولـلمغرب وفلمغرب بالمغربـ لللمغرب ووالمغرب",
        "الولايات المتحدة الأمريكية الولايات المتحدة الولايات",
        "", "ب", "و", "ال", "لل",
    ]

    func testBundledLexiconRulesUseTheFastPath() {
        let pack = bundledPack
        let fast = pack.rules.filter { $0.lexiconMatcher != nil }.map(\.name)
        XCTAssertTrue(fast.contains("country"), "\(fast)")
        XCTAssertTrue(fast.contains("location_descriptions"), "\(fast)")
        XCTAssertTrue(fast.contains("agency_name"), "\(fast)")
    }

    func testFastPathEqualsTheRegexOnSeedsDevAndAdversarialText() throws {
        let pack = bundledPack
        let texts = adversarial + (try seedAndDevTexts())
        var compared = 0
        for (index, rule) in pack.rules.enumerated() {
            guard let matcher = rule.lexiconMatcher else { continue }
            for text in texts {
                // Rules with optional diacritics match the text without its marks.
                let units = MarkFreeText(Array(text.utf16)).units
                let expected = try regexMatches(rule, units)
                XCTAssertEqual(matcher.matches(in: units), expected, "rule \(rule.name) on \(text.prefix(40))")
                let starts = pack.startFilter.starts(in: units)[index]
                XCTAssertEqual(matcher.matches(in: units, startingOnlyAt: starts), expected, "filtered \(rule.name) on \(text.prefix(40))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 50)
    }

    func testEligibility() {
        func rule(_ pattern: String, left: Bool = false, options: RuleOptions = RuleOptions()) -> RuleDeclaration {
            var declaration = RuleDeclaration(name: "r", label: "X", isBlocker: false, blockedLabels: [],
                                              location: SourceLocation(file: "f", line: 1, column: 1))
            declaration.pattern = PatternSource(pattern, at: declaration.location)
            if left { declaration.leftContext = PatternSource("x", at: declaration.location) }
            declaration.options = options
            return declaration
        }
        XCTAssertEqual(LexiconMatcher.eligibleLexicon(of: rule("@CITY"))?.lexicon, "CITY")
        XCTAssertEqual(LexiconMatcher.eligibleLexicon(of: rule("(?<name> @AGENCY )"))?.group, "name")
        XCTAssertNil(LexiconMatcher.eligibleLexicon(of: rule("@CITY \\s+ @CITY")))
        XCTAssertNil(LexiconMatcher.eligibleLexicon(of: rule("@CITY", left: true)))
        var noClitics = RuleOptions()
        noClitics.proclitics = false
        XCTAssertNil(LexiconMatcher.eligibleLexicon(of: rule("@CITY", options: noClitics)))
    }
}
