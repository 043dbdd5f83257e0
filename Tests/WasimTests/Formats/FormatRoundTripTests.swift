import Foundation
import XCTest

@testable import Wasim

/// No conversion loses or shifts a span: random flat span sets over the real seed texts,
/// made harder with astral characters, combining marks, U+FEFF inside the text, markup
/// characters and CRLF line ends, go JSONL → brat → JSONL, JSONL → inline → JSONL (each file
/// also read with a byte-order mark before it), and JSONL → CoNLL and → HTML, where every
/// span must still be there.
final class FormatRoundTripTests: XCTestCase {
    /// Seeded (SplitMix64), so that a failing case can be replayed from its seed.
    private typealias SeededGenerator = SplitMix64

    private static let labels = ["DATE", "NUMBER", "LOCATION", "AGENCY", "ORGANIZATION", "X-1", "لقب"]
    private static let keys = ["value", "kind", "canonical", "note", "mod"]
    private static let valuePieces = ["2022-05-11", "<", "&", "\"", ">", "'", "ماي", "a b", "=", "😀", "x\u{0651}", "&amp", "7"]
    private static let insertions = ["😀", "𝐀", "🇲🇦", "\u{0651}", "\u{064E}", "\u{0301}", "\u{FEFF}", "<", "&", "\"", ">", "&lt;"]

    private func seedTexts() throws -> [(name: String, text: String)] {
        let directory = repositoryRoot.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 5)
        return try files.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// A seed text with characters inserted and CRLF line ends, and random flat spans on it.
    private func randomDocument(id: String, seedText: String, generator: inout SeededGenerator) -> AnnotatedDocument {
        var scalars = Array(seedText.unicodeScalars)
        for _ in 0..<40 {
            let piece = Self.insertions.randomElement(using: &generator)!
            // Not at 0: a text cannot start with U+FEFF, which is read as a byte-order mark.
            scalars.insert(contentsOf: piece.unicodeScalars, at: Int.random(in: 1...scalars.count, using: &generator))
        }
        var text = String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "\n", with: "\r\n")
        // A byte-order mark at the start is not part of the text (guidelines §1): Document drops it.
        text = "\u{FEFF}" + text
        let document = Document(id: id, text: text)
        let count = Int.random(in: 20...60, using: &generator)
        let points = (0..<(2 * count)).map { _ in Int.random(in: 0...document.length, using: &generator) }.sorted()
        var spans: [Span] = []
        for pair in stride(from: 0, to: points.count - 1, by: 2) where points[pair] < points[pair + 1] {
            let (start, end) = (points[pair], points[pair + 1])
            if let last = spans.last, start < last.end { continue }
            let covered = document.slice(start, end)
            // A span holds something besides white space (guidelines §1), which CoNLL needs.
            guard !covered.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { continue }
            var attributes: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let length = Int.random(in: 1...4, using: &generator)
                attributes[Self.keys.randomElement(using: &generator)!] =
                    (0..<length).map { _ in Self.valuePieces.randomElement(using: &generator)! }.joined()
            }
            spans.append(Span(start: start, end: end, label: Self.labels.randomElement(using: &generator)!,
                              text: covered, attributes: attributes))
        }
        return AnnotatedDocument(document: document, spans: spans)
    }

    private func randomDocuments(seed: UInt64) throws -> [AnnotatedDocument] {
        var generator = SeededGenerator(seed: seed)
        return try seedTexts().enumerated().map { index, seed in
            randomDocument(id: "doc\(index)", seedText: seed.text, generator: &generator)
        }
    }

    private func readAll(_ path: String, _ format: AnnotationFormat) -> [String: AnnotatedDocument] {
        var documents: [String: AnnotatedDocument] = [:]
        AnnotatedDocumentReader.forEach(path, format: format) { item in
            switch item {
            case .success(let document): documents[document.document.id] = document
            case .failure(let problem): XCTFail("\(problem)")
            }
        }
        return documents
    }

    /// Puts a UTF-8 byte-order mark before each file's content.
    private func prependByteOrderMarks(in directory: String, suffix: String) throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasSuffix(suffix) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(file)
            try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: url)).write(to: url)
        }
    }

    private let seeds: [UInt64] = [1, 2, 3, 20_221_105]

    // MARK: Trips

    func testTheGeneratedDocumentsAreHardEnough() throws {
        let documents = try randomDocuments(seed: 1)
        let text = documents.map(\.document.text).joined()
        XCTAssertTrue(text.contains("\r\n") && text.contains("😀") && text.contains("\u{FEFF}") && text.contains("\u{0651}"))
        XCTAssertFalse(documents.contains { $0.document.text.unicodeScalars.first == "\u{FEFF}" })
        XCTAssertGreaterThan(documents.reduce(0) { $0 + $1.spans.count }, 100)
        XCTAssertTrue(documents.flatMap(\.spans).contains { $0.attributes.values.contains { $0.contains("\"") || $0.contains("<") } })
    }

    func testJSONLToJSONL() throws {
        for seed in seeds {
            for original in try randomDocuments(seed: seed) {
                let line = JSONLFormat.line(for: original)
                let parsed = JSONLFormat.parse(Data(line.utf8), at: SourceLocation(file: "-", line: 1, column: 1), fallbackID: "?")
                guard case .success(let back) = parsed else {
                    return XCTFail("seed \(seed): cannot parse \(original.document.id): \(parsed)")
                }
                XCTAssertEqual(JSONLFormat.line(for: back), line, "seed \(seed)")
            }
        }
    }

    func testJSONLToBratToJSONL() throws {
        try trip(through: .brat, byteOrderMarkSuffix: ".txt")
    }

    func testJSONLToInlineToJSONL() throws {
        try trip(through: .inline, byteOrderMarkSuffix: ".xml")
    }

    private func trip(through format: AnnotationFormat, byteOrderMarkSuffix: String) throws {
        for seed in seeds {
            let originals = try randomDocuments(seed: seed)
            let directory = temporaryDirectory() + "/\(format.rawValue)"
            var writer = try DocumentDirectoryWriter(format: format, directory: directory)
            for original in originals {
                XCTAssertEqual(try writer.write(original), [], "seed \(seed)")
            }
            try writer.finish()
            for withByteOrderMark in [false, true] {
                if withByteOrderMark { try prependByteOrderMarks(in: directory, suffix: byteOrderMarkSuffix) }
                let back = readAll(directory, format)
                XCTAssertEqual(back.count, originals.count)
                for original in originals {
                    // Compared as JSONL lines: the whole document, every offset and attribute.
                    XCTAssertEqual(back[original.document.id].map { JSONLFormat.line(for: $0) }, JSONLFormat.line(for: original),
                                   "seed \(seed), \(original.document.id), byte-order mark: \(withByteOrderMark)")
                }
            }
        }
    }

    func testJSONLToCoNLLKeepsEveryEntity() throws {
        for seed in seeds {
            for original in try randomDocuments(seed: seed) {
                XCTAssertEqual(ConllFormat.problems(writing: original), [])
                let text = ConllFormat.text(for: original)
                let (documents, problems) = ConllFormat.parse(text, name: "x", path: "x.conll")
                XCTAssertEqual(problems, [])
                let back = try XCTUnwrap(documents.first)
                func counts(_ spans: [Span]) -> [String: Int] { Dictionary(spans.map { ($0.label, 1) }, uniquingKeysWith: +) }
                XCTAssertEqual(counts(back.spans), counts(original.spans), "seed \(seed)")
                XCTAssertEqual(text.components(separatedBy: "\tB-").count - 1, original.spans.count)
                // Each span comes back as its own tokens, joined by spaces.
                let tokens = ConllTokenizer.sentences(text: original.document.text, spans: original.spans).flatMap { $0 }
                let expected = original.spans.map { span in
                    span.label + ":" + tokens.filter { $0.start >= span.start && $0.end <= span.end }.map(\.text).joined(separator: " ")
                }
                XCTAssertEqual(back.spans.map { "\($0.label):\($0.text)" }, expected, "seed \(seed)")
            }
        }
    }

    func testJSONLToHTMLShowsEverySpanOverTheUnchangedText() throws {
        for original in try randomDocuments(seed: 7) {
            XCTAssertEqual(HtmlFormat.problems(writing: original), [])
            let block = HtmlFormatTests.textBlocks(HtmlFormat.page(for: original))[0]
            XCTAssertEqual(block.components(separatedBy: "<mark ").count - 1, original.spans.count)
            XCTAssertEqual(HtmlFormatTests.visibleText(block), original.document.text)
            let marked = block.components(separatedBy: "<mark ").dropFirst().map {
                HtmlFormatTests.visibleText("<mark " + $0.components(separatedBy: "</mark>")[0])
            }
            XCTAssertEqual(marked, original.spans.map(\.text))
        }
    }

    func testAJSONLFileWithAByteOrderMarkReads() throws {
        let original = try randomDocuments(seed: 5)[1]
        let path = temporaryDirectory() + "/bom.jsonl"
        try (Data([0xEF, 0xBB, 0xBF]) + Data((JSONLFormat.line(for: original) + "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(readAll(path, .jsonl)[original.document.id].map { JSONLFormat.line(for: $0) }, JSONLFormat.line(for: original))
    }
}
