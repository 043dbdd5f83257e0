import XCTest

@testable import Wasim

final class RunComparisonTests: XCTestCase {
    private func span(_ start: Int, _ end: Int, _ label: String = "DATE", value: String? = nil) -> Span {
        Span(start: start, end: end, label: label, text: "x", attributes: value.map { ["value": $0] } ?? [:])
    }

    func testGainedLostAndChangedSpansAreJudgedAgainstGold() {
        let gold = [span(0, 5), span(10, 15), span(20, 25, "NUMBER")]
        let before = [span(0, 5), span(10, 12), span(30, 35)]
        let after = [span(0, 5), span(10, 15), span(20, 25, "NUMBER"), span(40, 45)]
        let comparison = RunComparison(gold: [("d", gold)], baseline: ["d": before], current: ["d": after], labels: ["DATE", "NUMBER"])
        let summary = comparison.changes.map { "\($0.kind.rawValue) \($0.after?.start ?? $0.before!.start) \($0.isImprovement)" }
        // [10,12) became the correct [10,15); [20,25) NUMBER found; [30,35) spurious dropped; [40,45) spurious added.
        XCTAssertEqual(summary, ["changed 10 true", "gained 20 true", "lost 30 true", "gained 40 false"])
        XCTAssertLessThan(comparison.baseline.overall[.strict].correct, comparison.current.overall[.strict].correct)
    }

    func testAnAttributeChangeIsAChange() {
        let gold = [span(0, 5, value: "2022")]
        let comparison = RunComparison(gold: [("d", gold)], baseline: ["d": [span(0, 5, value: "2021")]],
                                       current: ["d": [span(0, 5, value: "2022")]], labels: ["DATE"])
        XCTAssertEqual(comparison.changes.map(\.kind), [.changed])
    }

    func testBootstrapOfIdenticalRunsFindsNoDifference() {
        var counts = ModeCounts()
        counts.correct = 3
        counts.missed = 1
        let documents = Array(repeating: counts, count: 10)
        let result = PairedBootstrap(samples: 200).compare(baseline: documents, current: documents, mode: .strict)
        XCTAssertEqual(result.difference, PairedBootstrap.Interval(estimate: 0, lower: 0, upper: 0))
        XCTAssertEqual(result.shareNotBetter, 1)
    }

    func testBootstrapSeesAClearImprovementAndIsReproducible() {
        var worse = ModeCounts()
        worse.correct = 1
        worse.missed = 3
        var better = ModeCounts()
        better.correct = 4
        let mixed = (0..<20).map { $0 % 2 == 0 ? better : worse }
        let improved = Array(repeating: better, count: 20)
        let bootstrap = PairedBootstrap(samples: 500, seed: 7)
        let result = bootstrap.compare(baseline: mixed, current: improved, mode: .strict)
        XCTAssertGreaterThan(result.difference.lower, 0)
        XCTAssertLessThanOrEqual(result.current.lower, result.current.upper)
        XCTAssertEqual(result.shareNotBetter, 0)
        XCTAssertEqual(bootstrap.compare(baseline: mixed, current: improved, mode: .strict).baseline, result.baseline)
    }
}
