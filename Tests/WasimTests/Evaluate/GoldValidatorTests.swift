import Foundation
import XCTest

@testable import Wasim

final class GoldValidatorTests: XCTestCase {
    private let seedID = "004_3fb6c994e96718e9"
    private var goldDirectory: String { repositoryRoot.appendingPathComponent("Gold").path }

    /// A copy of one seed's gold in a temporary directory, with its `.ann` text changed.
    private func validateEdited(_ edit: (String) -> String) -> [Diagnostic] {
        let directory = temporaryDirectory()
        let source = goldDirectory + "/seeds/" + seedID
        try! FileManager.default.copyItem(atPath: source + ".txt", toPath: directory + "/\(seedID).txt")
        let annotations = try! String(contentsOfFile: source + ".ann", encoding: .utf8)
        try! edit(annotations).write(toFile: directory + "/\(seedID).ann", atomically: true, encoding: .utf8)
        return GoldValidator().validate(directory: directory).diagnostics
    }

    func testTheRepositoryGoldIsValid() {
        let (documents, diagnostics) = GoldValidator().validate(directory: goldDirectory)
        XCTAssertGreaterThanOrEqual(documents, 5)
        XCTAssertEqual(diagnostics.map(\.description), [])
    }

    func testEverySeedHasGoldWithTheSameText() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("seeds").path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(seeds.count, 5)
        for seed in seeds {
            let original = try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds/" + seed))
            let gold = try Data(contentsOf: URL(fileURLWithPath: goldDirectory + "/seeds/" + seed))
            XCTAssertEqual(original, gold, seed)
            XCTAssertTrue(FileManager.default.fileExists(atPath: goldDirectory + "/seeds/" + seed.replacingOccurrences(of: ".txt", with: ".ann")))
        }
    }

    func testUnchangedCopyIsValid() {
        XCTAssertEqual(validateEdited { $0 }, [])
    }

    func testShiftedOffsetsAreReportedWithFileAndLine() {
        let diagnostics = validateEdited { text in
            var lines = text.components(separatedBy: "\n")
            let parts = lines[0].components(separatedBy: "\t")
            let fields = parts[1].components(separatedBy: " ")
            lines[0] = [parts[0], "\(fields[0]) \(Int(fields[1])! + 1) \(Int(fields[2])! + 1)", parts[2]].joined(separator: "\t")
            return lines.joined(separator: "\n")
        }
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.location?.line, 1)
        XCTAssertTrue(diagnostics.first!.location!.file.hasSuffix("\(seedID).ann"))
        XCTAssertTrue(diagnostics.first!.message.contains("but the text at"), diagnostics.first!.message)
    }

    func testOverlappingSpansAreReported() {
        let diagnostics = validateEdited { $0 + "T999\tLOCATION 342 345\tالإ\n" }
        XCTAssertTrue(diagnostics.contains { $0.message.contains("overlaps") }, diagnostics.map(\.message).joined(separator: "\n"))
    }

    func testUnknownLabelAndAttributeAreReported() {
        let diagnostics = validateEdited { $0.replacingOccurrences(of: "\tTIME ", with: "\tCLOCK ")
            .replacingOccurrences(of: "value=T20:30", with: "hour=20") }
        let messages = diagnostics.map(\.message).joined(separator: "\n")
        XCTAssertTrue(messages.contains("`CLOCK` is not a label"), messages)
        XCTAssertTrue(messages.contains("`hour` is not an attribute"), messages)
    }

    func testSpanEdgesAreChecked() {
        let problems = GoldValidator().problems(in: AnnotatedDocument(
            document: Document(id: "d", text: "في «مراكش» و(ماي) 2022"),
            spans: [Span(start: 3, end: 10, label: "LOCATION", text: "«مراكش»"),
                    Span(start: 12, end: 22, label: "DATE", text: "(ماي) 2022")]), path: "d.ann")
        XCTAssertEqual(problems.count, 3, problems.map(\.message).joined(separator: "\n"))
    }

    func testRepeatedParagraphsOfSeed000CarryIdenticalAnnotations() throws {
        let id = "000_7c34d0df17a5e1ec"
        guard case .read(let annotated) = BratFormat.read(
            textPath: goldDirectory + "/seeds/\(id).txt", annotationPath: goldDirectory + "/seeds/\(id).ann") else {
            return XCTFail("the gold of \(id) does not read")
        }
        // Lines 3-16 are repeated as lines 17-30: the spans of each must match at the same
        // relative offsets.
        let lines = annotated.document.text.components(separatedBy: "\n")
        var lineStart: [Int] = [0]
        for line in lines { lineStart.append(lineStart.last! + line.unicodeScalars.count + 1) }
        for first in 2...15 {
            let second = first + 14
            XCTAssertEqual(lines[first], lines[second], "line \(first + 1) is not repeated at \(second + 1)")
            func relative(_ index: Int) -> [String] {
                annotated.spans.filter { $0.start >= lineStart[index] && $0.end <= lineStart[index + 1] }
                    .map { "\($0.start - lineStart[index]) \($0.end - lineStart[index]) \($0.label) \($0.attributes.sorted { $0.key < $1.key })" }
            }
            XCTAssertEqual(relative(first), relative(second), "line \(first + 1) vs \(second + 1)")
        }
    }
}
