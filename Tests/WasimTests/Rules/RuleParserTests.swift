import XCTest

@testable import Wasim

final class RuleParserTests: XCTestCase {
    private func parse(_ text: String) -> (RuleFile, [Diagnostic]) {
        RuleParser().parse(text, path: "r.wasim")
    }

    func testEmptyFileHasNoRulesAndNoErrors() {
        let (file, diagnostics) = parse("")
        XCTAssertTrue(file.rules.isEmpty)
        XCTAssertTrue(diagnostics.isEmpty)
    }

    func testRuleWithEveryClause() {
        let (file, diagnostics) = parse("""
            # dates
            macro YEAR = \\d{4}
            lexicon MONTH from "months.tsv"
            lexicon TRIGGER = مدينة | إقليم
            rule dmy DATE
              priority 7
              left في \\s+
              pattern (?<month>@MONTH)
                \\s+ (?<year>{YEAR})
              right \\s
              attr calendar = gregorian
              attr mod = $m.mod
              normalize date
              option no-variants ignore-case
              example "في ماي 2022" -> "ماي 2022" value=2022-05
              counter "ماي"
            block nationality LOCATION,AGENCY
              pattern المغربي
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(file.macros.map(\.name), ["YEAR"])
        XCTAssertEqual(file.lexicons.map(\.name), ["MONTH", "TRIGGER"])
        XCTAssertEqual(file.lexicons[1].source, .inline(["مدينة", "إقليم"]))
        let rule = file.rules[0]
        XCTAssertEqual(rule.priority, 7)
        XCTAssertEqual(rule.pattern?.text, "(?<month>@MONTH) \\s+ (?<year>{YEAR})")
        XCTAssertEqual(rule.pattern?.location(at: 17), SourceLocation(file: "r.wasim", line: 9, column: 5))
        XCTAssertEqual(rule.attributes.map(\.value), [.constant("gregorian"), .lexiconAttribute(group: "m", key: "mod")])
        XCTAssertEqual(rule.normalizers.map(\.name), ["date"])
        XCTAssertFalse(rule.options.letterVariants)
        XCTAssertTrue(rule.options.ignoreCase)
        XCTAssertEqual(rule.examples.count, 2)
        XCTAssertEqual(rule.examples[0].expected?.span, "ماي 2022")
        XCTAssertEqual(rule.examples[0].expected?.attributes, ["value": "2022-05"])
        XCTAssertNil(rule.examples[1].expected)
        XCTAssertEqual(file.rules[1].blockedLabels, ["LOCATION", "AGENCY"])
        XCTAssertTrue(file.rules[1].isBlocker)
    }

    func testSeveralErrorsAreReportedWithTheirPositions() {
        let (_, diagnostics) = parse("""
            rule a date
              pattern x
              colour red
            banana
              pattern y
            rule b DATE
              priority high
              option no-vowels
              pattern x
            """)
        let located = diagnostics.map { "\($0.location!.line):\($0.location!.column)" }
        XCTAssertEqual(located, ["1:8", "3:3", "4:1", "5:3", "7:12", "8:10"], diagnostics.map(\.description).joined(separator: "\n"))
    }

    func testRuleWithoutPatternIsAnError() {
        let (_, diagnostics) = parse("rule lonely DATE\n  priority 1\n")
        XCTAssertEqual(diagnostics.map(\.message), ["the rule `lonely` has no `pattern`"])
    }

    func testExampleQuotesAndEscapes() {
        let (file, diagnostics) = parse("""
            rule q DATE
              pattern x
              example "قال \\"نعم\\" أمس" -> "أمس"
            """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(file.rules[0].examples[0].text, "قال \"نعم\" أمس")
    }

    func testUnterminatedExampleIsLocated() {
        let (_, diagnostics) = parse("rule q DATE\n  pattern x\n  example \"open\n")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "r.wasim", line: 3, column: 11))
    }

    func testDiagnosticFormatterDrawsACaretUnderTheColumn() {
        var formatter = DiagnosticFormatter(sources: ["r.wasim": "rule a DATE\n  pattern {NOPE}\n"])
        let text = formatter.format(Diagnostic.error("unknown macro `NOPE`", at: SourceLocation(file: "r.wasim", line: 2, column: 11)))
        XCTAssertEqual(text, "r.wasim:2:11: error: unknown macro `NOPE`\n    pattern {NOPE}\n            ^\n")
    }
}
