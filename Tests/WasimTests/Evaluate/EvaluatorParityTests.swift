import Foundation
import XCTest

@testable import Wasim

/// The evaluator's four modes against nervaluate 1.2.1 on 400 random cases over seed text
/// (fixtures made by Tests/Scripts/make_nervaluate_fixtures.py).
final class EvaluatorParityTests: XCTestCase {
    private struct Fixture: Decodable {
        struct RawSpan: Decodable {
            let label: String
            let start: Int
            let end: Int
        }
        struct Counts: Decodable {
            let correct, incorrect, partial, missed, spurious, possible, actual: Int
            let precision, recall, f1: Double
        }
        struct Case: Decodable {
            let doc: String
            let `true`: [RawSpan]
            let pred: [RawSpan]
            let overall: [String: Counts]
            let labels: [String: [String: Counts]]
        }
        struct Corpus: Decodable {
            let overall: [String: Counts]
            let labels: [String: [String: Counts]]
        }
        let tags: [String]
        let cases: [Case]
        let corpus: Corpus
    }

    private func load() throws -> Fixture {
        let url = Bundle.module.url(forResource: "Fixtures/nervaluate/cases", withExtension: "json")!
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func spans(_ raw: [Fixture.RawSpan]) -> [Span] {
        raw.map { Span(start: $0.start, end: $0.end, label: $0.label, text: "") }
    }

    private func assertSame(_ counts: ModeCounts, _ mode: EvaluationMode, _ expected: Fixture.Counts?, _ context: String) {
        let expected = expected ?? Fixture.Counts(correct: 0, incorrect: 0, partial: 0, missed: 0, spurious: 0, possible: 0, actual: 0, precision: 0, recall: 0, f1: 0)
        let measures = counts.measures(halfCreditForPartial: mode.halfCreditForPartial)
        XCTAssertEqual([counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious, counts.possible, counts.actual],
                       [expected.correct, expected.incorrect, expected.partial, expected.missed, expected.spurious, expected.possible, expected.actual],
                       context)
        XCTAssertEqual(measures.precision, expected.precision, accuracy: 1e-9, context)
        XCTAssertEqual(measures.recall, expected.recall, accuracy: 1e-9, context)
        XCTAssertEqual(measures.f1, expected.f1, accuracy: 1e-9, context)
    }

    func testEveryCaseMatchesNervaluate() throws {
        let fixture = try load()
        XCTAssertEqual(fixture.cases.count, 400)
        let evaluator = Evaluator(labels: fixture.tags)
        for (index, item) in fixture.cases.enumerated() {
            let report = evaluator.evaluate([.init(id: item.doc, gold: spans(item.true), predicted: spans(item.pred))])
            for mode in EvaluationMode.allCases {
                assertSame(report.overall[mode], mode, item.overall[mode.rawValue], "case \(index) overall \(mode)")
                for label in fixture.tags {
                    assertSame(report.byLabel[label]?[mode] ?? ModeCounts(), mode, item.labels[label]?[mode.rawValue], "case \(index) \(label) \(mode)")
                }
            }
        }
    }

    func testCorpusTotalsMatchNervaluate() throws {
        let fixture = try load()
        let pairs = fixture.cases.map { Evaluator.DocumentPair(id: $0.doc, gold: spans($0.true), predicted: spans($0.pred)) }
        let report = Evaluator(labels: fixture.tags).evaluate(pairs)
        for mode in EvaluationMode.allCases {
            assertSame(report.overall[mode], mode, fixture.corpus.overall[mode.rawValue], "corpus \(mode)")
            for label in fixture.tags {
                assertSame(report.byLabel[label]?[mode] ?? ModeCounts(), mode, fixture.corpus.labels[label]?[mode.rawValue], "corpus \(label) \(mode)")
            }
        }
    }
}
