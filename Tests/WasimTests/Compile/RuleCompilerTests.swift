import XCTest

@testable import Wasim

final class RuleCompilerTests: XCTestCase {
    // MARK: Arabic-aware matching

    func testLetterVariantsMatchEachOther() {
        let pack = makePack("rule p LOCATION\n  pattern إفريقيا\n")
        XCTAssertEqual(spans("افريقيا وأفريقيا", pack), ["LOCATION:افريقيا", "LOCATION:أفريقيا"])
    }

    func testTaMarbutaAndHaMatch() {
        let pack = makePack("rule p DATE\n  pattern سنة\n")
        XCTAssertEqual(spans("سنه", pack), ["DATE:سنه"])
    }

    func testVariantsCanBeSwitchedOff() {
        let pack = makePack("rule p LOCATION\n  pattern إفريقيا\n  option no-variants\n")
        XCTAssertEqual(spans("افريقيا إفريقيا", pack), ["LOCATION:إفريقيا"])
    }

    func testLexiconWithoutVariantsMatchesEntriesAsWritten() {
        let pack = makePack("lexicon L = أكادير | مكة\nrule p LOCATION\n  pattern @L\n  option no-variants\n")
        XCTAssertEqual(spans("أكادير اكادير مكة مكه", pack), ["LOCATION:أكادير", "LOCATION:مكة"])
    }

    func testLeadingArticleWithoutVariantsKeepsItsAlef() {
        let pack = makePack("rule p LOCATION\n  pattern ألمانيا\n  option no-variants\n")
        XCTAssertEqual(spans("ألمانيا المانيا", pack), ["LOCATION:ألمانيا"])
    }

    func testDiacriticsAndTatweelAreOptional() {
        let pack = makePack("rule p DATE\n  pattern عاما\n")
        XCTAssertEqual(spans("عاماً وعامـا", pack), ["DATE:عاماً", "DATE:عامـا"])
    }

    func testQuantifierAfterALetterAppliesToTheLetterWithItsMarks() {
        let pack = makePack("rule p LOCATION\n  pattern مراكشي?\n")
        XCTAssertEqual(spans("مراكش مراكشي", pack), ["LOCATION:مراكش", "LOCATION:مراكشي"])
    }

    func testASCIIDigitsMatchNativeDigits() {
        let pack = makePack("rule p DATE\n  pattern 20[0-9][0-9]\n")
        XCTAssertEqual(spans("٢٠٢٢ و۲۰۲۳ و2024", pack), ["DATE:٢٠٢٢", "DATE:۲۰۲۳", "DATE:2024"])
    }

    // MARK: Proclitics and boundaries

    func testProcliticsStayOutsideTheSpan() {
        let pack = makePack("rule p LOCATION\n  pattern طنجة\n")
        XCTAssertEqual(spans("وطنجة فبطنجة ولطنجة كطنجة", pack), Array(repeating: "LOCATION:طنجة", count: 4))
    }

    func testProcliticWithTatweelAndQuote() {
        let pack = makePack("rule p AGENCY\n  pattern البسيج\n")
        XCTAssertEqual(spans("لـ»البسيج وبـالبسيج", pack), ["AGENCY:البسيج", "AGENCY:البسيج"])
    }

    func testArticleMergedWithPrepositionLam() {
        let pack = makePack("lexicon C = المغرب\nrule p LOCATION\n  pattern @C\n")
        let annotated = Annotator(pack: pack).annotate(Document(id: "t", text: "للمغرب"))
        XCTAssertEqual(annotated.spans.map(\.text), ["لمغرب"])
        XCTAssertEqual(annotated.spans.map(\.start), [1])
    }

    func testArticleMergeAlsoInLiteralPatterns() {
        let pack = makePack("rule p LOCATION\n  pattern المغرب\n")
        XCTAssertEqual(spans("وللمغرب", pack), ["LOCATION:لمغرب"])
    }

    func testNoMatchInsideAWord() {
        let pack = makePack("rule p LOCATION\n  pattern المغرب\n")
        XCTAssertEqual(spans("المغربي المغربية", pack), [])
        let numbers = makePack("rule p DATE\n  pattern 2022\n")
        XCTAssertEqual(spans("120225 و2022", numbers), ["DATE:2022"])
    }

    func testOnlyRealProcliticsAreAllowedBeforeAWord() {
        let pack = makePack("rule p LOCATION\n  pattern طنجة\n")
        XCTAssertEqual(spans("سطنجة موطنجة", pack), [])
    }

    func testBoundariesCanBeSwitchedOff() {
        let pack = makePack("rule p DATE\n  pattern 2022\n  option no-boundaries\n")
        XCTAssertEqual(spans("x2022x", pack), ["DATE:2022"])
    }

    // MARK: Lexicons

    func testLexiconFileWithAttributesAndLongestEntryWins() {
        let pack = makePack("""
            lexicon A from "agencies.tsv"
            rule p AGENCY
              pattern (?<name>@A)
              attr canonical = $name.canonical
            """, lexicons: ["agencies.tsv": "# agencies\nالدرك\tcanonical=X\nالدرك الملكي\tcanonical=GR\n"])
        let annotated = Annotator(pack: pack).annotate(Document(id: "t", text: "أوقف الدرك الملكي"))
        XCTAssertEqual(annotated.spans.map(\.text), ["الدرك الملكي"])
        XCTAssertEqual(annotated.spans.first?.attributes, ["canonical": "GR"])
    }

    func testLexiconEntryWithSpacesMatchesAnyWhiteSpaceRun() {
        let pack = makePack("lexicon C = الدار البيضاء\nrule p LOCATION\n  pattern @C\n")
        XCTAssertEqual(spans("بالدار\u{00A0} البيضاء", pack), ["LOCATION:الدار\u{00A0} البيضاء"])
    }

    func testTrieIsPrefixFactored() {
        let trie = LexiconTrie(entries: ["ab", "ac", "a"]).pattern(LiteralEmitter(options: RuleOptions()), articleMayMerge: false)
        XCTAssertEqual(trie, "(?:a(?:b|c)?)")
    }

    // MARK: Context and priorities

    func testContextStaysOutsideTheSpan() {
        let pack = makePack("""
            rule p LOCATION
              left مدينة \\s+
              pattern \\w+
            """)
        XCTAssertEqual(spans("بمدينة طاطا اليوم", pack), ["LOCATION:طاطا"])
    }

    // MARK: Diagnostics

    func testUnknownReferencesAndDuplicatesAreLocated() {
        let pack = makePack("""
            rule a DATE
              pattern {NOPE} @MISSING
            rule a DATE
              pattern x
            """)
        let messages = pack.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        XCTAssertEqual(messages, ["2:11 unknown macro `NOPE`", "2:18 unknown lexicon `MISSING`", "3:1 duplicate rule name `a`"])
    }

    func testMacroCycleIsADiagnostic() {
        let pack = makePack("macro A = x{B}\nmacro B = y{A}\nrule r DATE\n  pattern {A}\n")
        XCTAssertTrue(pack.diagnostics.contains { $0.message.hasPrefix("macro reference cycle: A -> B -> A") || $0.message.hasPrefix("macro reference cycle: B -> A -> B") },
                      pack.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(pack.rules.isEmpty)
    }

    func testMissingLexiconFileIsLocatedAtThePath() {
        let pack = makePack("lexicon M from \"nowhere.tsv\"\nrule r DATE\n  pattern @M\n")
        XCTAssertEqual(pack.diagnostics.first?.location?.line, 1)
        XCTAssertEqual(pack.diagnostics.first?.location?.column, 16)
        XCTAssertTrue(pack.diagnostics.first!.message.hasPrefix("missing lexicon file"))
    }

    func testICUErrorIsMappedBackToTheRuleFile() {
        let pack = makePack("rule bad DATE\n  pattern ماي \\s+ (?<year>\\d{4,2})\n")
        let error = pack.diagnostics.first { $0.message.contains("ICU says") }
        XCTAssertNotNil(error, pack.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(error?.location?.line, 2)
        XCTAssertTrue(pack.rules.isEmpty)
    }

    func testUnclosedGroupIsLocatedAtItsParenthesis() {
        let pack = makePack("rule bad DATE\n  pattern ماي \\s+ (?<year>\\d{4}\n")
        XCTAssertEqual(pack.diagnostics.map(\.message), ["`(` is never closed"])
        XCTAssertEqual(pack.diagnostics.first?.location?.column, 19)
    }

    func testGoodRulesStillCompileBesideABadOne() {
        let pack = makePack("rule bad DATE\n  pattern (x\nrule good DATE\n  pattern ماي\n")
        XCTAssertEqual(pack.rules.map(\.name), ["good"])
        XCTAssertTrue(pack.diagnostics.hasErrors)
    }

    func testRunawayRuleHitsTheTimeLimitAndIsNamed() throws {
        var compiler = RuleCompiler()
        compiler.timeLimit = 5
        let pack = makePack("""
            rule runaway DATE
              pattern (?:a|aa)+b
              option no-boundaries
            rule fine NUMBER
              pattern ثلاثة
            """, compiler: compiler)
        let text = "ثلاثة " + String(repeating: "a", count: 60)
        // A clone (one per thread with --jobs) keeps the limit: ICU's clone alone does not.
        for annotator in [Annotator(pack: pack), Annotator(pack: try pack.cloned())] {
            let annotated = annotator.annotate(Document(id: "doc-7", text: text))
            XCTAssertEqual(annotated.spans.map(\.text), ["ثلاثة"])
            XCTAssertEqual(annotated.errors.count, 1)
            XCTAssertTrue(annotated.errors.first.map { $0.contains("runaway") && $0.contains("doc-7") && $0.contains("time limit") } ?? false,
                          "\(annotated.errors)")
        }
    }
}
