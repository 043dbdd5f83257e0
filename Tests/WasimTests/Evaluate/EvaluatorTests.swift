import XCTest

@testable import Wasim

/// The scenarios of SemEval-2013 Task 9.1 one at a time.
final class EvaluatorTests: XCTestCase {
    private let document = Document(id: "d", text: "وفي 11 ماي 2022 اجتمع التحالف بمدينة مراكش بالمغرب")
    private func span(_ start: Int, _ end: Int, _ label: String, value: String? = nil, rule: String? = nil) -> Span {
        Span(start: start, end: end, label: label, text: document.slice(start, end), rule: rule,
             attributes: value.map { ["value": $0] } ?? [:])
    }
    private let labels = ["DATE", "LOCATION"]

    private func report(gold: [Span], predicted: [Span]) -> Evaluator.Report {
        Evaluator(labels: labels).evaluate([.init(id: "d", gold: gold, predicted: predicted)])
    }

    func testEmptyGoldAndPrediction() {
        let result = report(gold: [], predicted: [])
        XCTAssertEqual(result.overall[.strict], ModeCounts())
        XCTAssertEqual(result.overall[.strict].measures(halfCreditForPartial: false).f1, 0)
    }

    func testExactMatchIsCorrectInEveryMode() {
        let result = report(gold: [span(4, 15, "DATE")], predicted: [span(4, 15, "DATE")])
        for mode in EvaluationMode.allCases { XCTAssertEqual(result.overall[mode].correct, 1, "\(mode)") }
    }

    func testSpuriousAndMissed() {
        let result = report(gold: [span(4, 15, "DATE")], predicted: [span(37, 42, "LOCATION")])
        XCTAssertEqual(result.overall[.strict].spurious, 1)
        XCTAssertEqual(result.overall[.strict].missed, 1)
        XCTAssertEqual(result.byLabel["LOCATION"]?[.strict].spurious, 1)
        XCTAssertEqual(result.byLabel["DATE"]?[.strict].missed, 1)
    }

    func testWrongBoundarySameLabel() {
        let result = report(gold: [span(4, 15, "DATE")], predicted: [span(7, 15, "DATE")])
        XCTAssertEqual(result.overall[.strict].incorrect, 1)
        XCTAssertEqual(result.overall[.exact].incorrect, 1)
        XCTAssertEqual(result.overall[.partial].partial, 1)
        XCTAssertEqual(result.overall[.entType].correct, 1)
        XCTAssertEqual(result.overall[.partial].measures(halfCreditForPartial: true).precision, 0.5)
    }

    func testWrongLabelSameBoundaries() {
        let result = report(gold: [span(37, 42, "LOCATION")], predicted: [span(37, 42, "DATE")])
        XCTAssertEqual(result.overall[.strict].incorrect, 1)
        XCTAssertEqual(result.overall[.exact].correct, 1)
        XCTAssertEqual(result.overall[.partial].correct, 1)
        XCTAssertEqual(result.overall[.entType].incorrect, 1)
    }

    func testWrongBoundaryAndLabel() {
        let result = report(gold: [span(37, 42, "LOCATION")], predicted: [span(30, 42, "DATE")])
        XCTAssertEqual(result.overall[.strict].incorrect, 1)
        XCTAssertEqual(result.overall[.exact].incorrect, 1)
        XCTAssertEqual(result.overall[.partial].partial, 1)
        XCTAssertEqual(result.overall[.entType].incorrect, 1)
    }

    func testAttributeAccuracyOverStrictMatches() {
        let result = report(gold: [span(4, 15, "DATE", value: "2022-05-11")], predicted: [span(4, 15, "DATE", value: "2022-05")])
        XCTAssertEqual(result.attributes["value"], Evaluator.AttributeScore(total: 1, agreeing: 0))
        XCTAssertEqual(result.overall[.strict].correct, 1)
    }

    func testErrorAnalysisNamesTheRuleAndTheKind() {
        let analysis = ErrorAnalysis(documents: [(document,
            [span(4, 15, "DATE", value: "2022-05-11"), span(37, 42, "LOCATION")],
            [span(4, 15, "DATE", value: "2022", rule: "month_year"), span(30, 42, "LOCATION", rule: "after_trigger"),
             span(44, 50, "LOCATION", rule: "country")])], labels: ["DATE", "LOCATION"])
        XCTAssertEqual(analysis.errors.map(\.kind), [.wrongAttribute, .wrongBoundary, .spurious])
        XCTAssertEqual(analysis.errors.map { $0.predicted?.rule }, ["month_year", "after_trigger", "country"])
        XCTAssertEqual(analysis.rules["country"]?.truePositives, 0)
        XCTAssertEqual(analysis.rules["month_year"]?.truePositives, 1)
        XCTAssertTrue(ErrorAnalysis.context(of: span(37, 42, "LOCATION"), in: document).contains("⟦مراكش⟧"))
    }
}
