import Foundation
import XCTest

@testable import Wasim

/// Every writer's output for one small document, byte for byte, against the files in
/// `Fixtures/formats/`. After an intended change, run the tests with `WASIM_UPDATE_GOLDEN=1`
/// to rewrite the files in the source tree, and review the diff.
final class FormatGoldenTests: XCTestCase {
    /// A short paragraph with a CRLF line end, an astral character, markup characters, a
    /// proclitic before a span and attributes that need escaping.
    static func sample() -> AnnotatedDocument {
        let text = "اجتمع «التحالف الدولي» في 11 ماي 2022 بمدينة مراكش، وحضر ثلاثة وزراء من بلدان <الساحل> & غيرها 😀.\r\n"
            + "وبالمغرب أعلنت الأمم المتحدة دعمها."
        let document = Document(id: "sample", text: text)
        var searchFrom = 0
        func span(_ covered: String, _ label: String, rule: String? = nil, _ attributes: [String: String] = [:]) -> Span {
            let scalars = Array(text.unicodeScalars)
            let needle = Array(covered.unicodeScalars)
            let start = (searchFrom...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
            searchFrom = start + needle.count
            return Span(start: start, end: start + needle.count, label: label, text: covered, rule: rule, attributes: attributes)
        }
        return AnnotatedDocument(document: document, spans: [
            span("التحالف الدولي", "ORGANIZATION", ["canonical": "Global Coalition"]),
            span("11 ماي 2022", "DATE", rule: "date_day_month_year", ["value": "2022-05-11"]),
            span("مراكش", "LOCATION", rule: "place_after_trigger"),
            span("ثلاثة", "NUMBER", rule: "number_words", ["value": "3", "kind": "cardinal"]),
            span("الساحل", "LOCATION"),
            span("المغرب", "LOCATION", rule: "place_gazetteer"),
            span("الأمم المتحدة", "ORGANIZATION", ["canonical": "UN", "note": "a<b & \"c\" > d"]),
        ])
    }

    private func fixtures() throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/formats", withExtension: nil), "no Fixtures/formats in the test bundle")
    }
    private var sourceFixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/formats")
    }

    private func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if ProcessInfo.processInfo.environment["WASIM_UPDATE_GOLDEN"] == "1" {
            let url = sourceFixtures.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try Data(contentsOf: fixtures().appendingPathComponent(name))
        XCTAssertEqual(Data(actual.utf8), expected, "\(name) differs from the golden file; with WASIM_UPDATE_GOLDEN=1 it is rewritten",
                       file: file, line: line)
        if Data(actual.utf8) != expected {
            // Show the first differing line, which the byte comparison does not.
            let lines = zip(actual.components(separatedBy: "\n"), String(decoding: expected, as: UTF8.self).components(separatedBy: "\n"))
            if let (got, want) = lines.first(where: { $0.0 != $0.1 }) {
                XCTFail("first difference:\n got: \(got)\nwant: \(want)", file: file, line: line)
            }
        }
    }

    /// Writes the sample with a directory writer and returns each file's text.
    private func directory(_ format: AnnotationFormat) throws -> [String: String] {
        let path = temporaryDirectory() + "/out"
        var writer = try DocumentDirectoryWriter(format: format, directory: path)
        XCTAssertEqual(try writer.write(Self.sample()), [])
        try writer.finish()
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            files[name] = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        }
        return files
    }

    func testJSONL() throws {
        try assertGolden(AnnotationFormat.jsonl.streamText(for: Self.sample())!, "sample.jsonl")
    }

    func testInline() throws {
        let files = try directory(.inline)
        XCTAssertEqual(files.keys.sorted(), ["sample.xml"])
        try assertGolden(files["sample.xml"]!, "inline/sample.xml")
    }

    func testCoNLL() throws {
        XCTAssertEqual(ConllFormat.problems(writing: Self.sample()), [])
        try assertGolden(AnnotationFormat.conll.streamText(for: Self.sample())!, "sample.conll")
    }

    func testBrat() throws {
        let files = try directory(.brat)
        XCTAssertEqual(files.keys.sorted(), ["annotation.conf", "sample.ann", "sample.txt", "visual.conf"])
        for (name, text) in files { try assertGolden(text, "brat/" + name) }
    }

    func testHTML() throws {
        let files = try directory(.html)
        XCTAssertEqual(files.keys.sorted(), ["index.html", "sample.html"])
        for (name, text) in files { try assertGolden(text, "html/" + name) }
    }

    func testComparisonPage() throws {
        let sample = Self.sample()
        var predicted = sample.spans
        predicted.remove(at: 4)  // missed: الساحل
        predicted[0].label = "AGENCY"  // wrong label
        predicted[1].end -= 5  // wrong boundary: 11 ماي
        predicted[1].text = "11 ماي"
        predicted[2].attributes = ["canonical": "Marrakech"]  // wrong attribute
        predicted.append(Span(start: 0, end: 5, label: "PERSON", text: "اجتمع", rule: "name_rule"))  // spurious
        let page = HtmlFormat.comparison(document: sample.document, gold: sample.spans, predicted: predicted.sorted(),
                                         labels: ["AGENCY", "DATE", "LOCATION", "NUMBER", "ORGANIZATION", "PERSON"])
        try assertGolden(page, "html/comparison.html")
    }

    func testTheGoldenFilesReadBackToTheSample() throws {
        for format in [AnnotationFormat.inline, .brat] {
            var documents: [AnnotatedDocument] = []
            AnnotatedDocumentReader.forEach(try fixtures().appendingPathComponent(format.rawValue).path, format: format) { item in
                if case .success(let document) = item { documents.append(document) } else { XCTFail("\(item)") }
            }
            XCTAssertEqual(documents.map { JSONLFormat.line(for: $0) }, [JSONLFormat.line(for: Self.sample(), includeRules: false)])
        }
    }
}
