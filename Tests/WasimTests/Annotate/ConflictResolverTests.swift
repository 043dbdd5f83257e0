import XCTest

@testable import Wasim

final class ConflictResolverTests: XCTestCase {
    private func candidate(_ rule: String, _ start: Int, _ end: Int, priority: Int = 0, order: Int = 0,
                           label: String = "DATE", blocker: Bool = false) -> Candidate {
        Candidate(ruleIndex: order, rule: rule, label: label, priority: priority, order: order, isBlocker: blocker,
                  blockedLabels: blocker ? [label] : [], start: start, end: end, text: "", attributes: [:])
    }

    func testNoCandidates() {
        XCTAssertTrue(ConflictResolver().resolve([]).winners.isEmpty)
    }

    func testHigherPriorityWinsOverLonger() {
        let (winners, verdicts) = ConflictResolver().resolve([candidate("long", 0, 10), candidate("high", 2, 4, priority: 5)])
        XCTAssertEqual(winners.map(\.rule), ["high"])
        XCTAssertEqual(verdicts[0], .lost(to: "high", reason: "higher priority 5 > 0"))
    }

    func testLongerWinsAtEqualPriority() {
        let winners = ConflictResolver().resolve([candidate("short", 0, 3), candidate("long", 0, 8)]).winners
        XCTAssertEqual(winners.map(\.rule), ["long"])
    }

    func testEarlierStartWinsAtEqualLength() {
        let (winners, verdicts) = ConflictResolver().resolve([candidate("later", 2, 6), candidate("earlier", 0, 4)])
        XCTAssertEqual(winners.map(\.rule), ["earlier"])
        XCTAssertEqual(verdicts[0], .lost(to: "earlier", reason: "earlier start"))
    }

    func testFileOrderBreaksTheLastTie() {
        let winners = ConflictResolver().resolve([candidate("second", 0, 4, order: 2), candidate("first", 0, 4, order: 1)]).winners
        XCTAssertEqual(winners.map(\.rule), ["first"])
    }

    func testNonOverlappingCandidatesAllWinInDocumentOrder() {
        let winners = ConflictResolver().resolve([candidate("b", 5, 8), candidate("a", 0, 5)]).winners
        XCTAssertEqual(winners.map(\.rule), ["a", "b"])
    }

    func testBlockerSuppressesOnlyItsLabels() {
        let (winners, verdicts) = ConflictResolver().resolve([
            candidate("place", 0, 6, label: "LOCATION"),
            candidate("agency", 0, 6, order: 1, label: "AGENCY"),
            candidate("nationality", 0, 7, label: "LOCATION", blocker: true),
        ])
        XCTAssertEqual(winners.map(\.rule), ["agency"])
        XCTAssertEqual(verdicts[0], .blocked(by: "nationality"))
    }

    func testBlockerDoesNotSuppressHigherPriority() {
        let winners = ConflictResolver().resolve([
            candidate("strong", 0, 6, priority: 9, label: "LOCATION"),
            candidate("block", 0, 7, priority: 1, label: "LOCATION", blocker: true),
        ]).winners
        XCTAssertEqual(winners.map(\.rule), ["strong"])
    }

    func testBlockerDoesNotSuppressALongerCandidateItOnlyOverlaps() {
        let winners = ConflictResolver().resolve([
            candidate("kingdom", 0, 16, label: "LOCATION"),
            candidate("description", 0, 7, label: "LOCATION", blocker: true),
        ]).winners
        XCTAssertEqual(winners.map(\.rule), ["kingdom"])
    }

    func testBlockerWithoutPriorityBlocksRulesOfAnyPriority() {
        let pack = makePack("rule place LOCATION\n  priority 50\n  pattern المغرب\nblock prayer LOCATION\n  pattern صلاة \\s+ المغرب\n")
        XCTAssertEqual(spans("بعد صلاة المغرب في المغرب", pack), ["LOCATION:المغرب"])
    }

    func testBlockerRuleInAPack() {
        let pack = makePack("""
            rule place LOCATION
              pattern المملكة
            block description LOCATION
              pattern المملكة
            """)
        XCTAssertEqual(spans("في المملكة", pack), [])
    }
}
