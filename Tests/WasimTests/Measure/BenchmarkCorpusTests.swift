import Foundation
import XCTest

@testable import Wasim

final class BenchmarkCorpusTests: XCTestCase {
    private func corpus(bytes: Int, seed: UInt64 = 2026) throws -> (lines: [String], count: (documents: Int, bytes: Int)) {
        let path = temporaryDirectory() + "/c.jsonl"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = FileHandle(forWritingAtPath: path)!
        let texts = try seedAndDevTexts()
        let count = BenchmarkCorpus(texts: texts, seed: seed).write(bytes: bytes, to: handle)
        try handle.close()
        return (try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init), count)
    }

    func testTheCorpusReachesItsSizeWithUniqueIdsAndReadableLines() throws {
        let (lines, count) = try corpus(bytes: 300_000)
        XCTAssertGreaterThanOrEqual(count.bytes, 300_000)
        XCTAssertEqual(lines.count, count.documents)
        var ids = Set<String>()
        var textBytes = 0
        for (number, line) in lines.enumerated() {
            guard case .success(let document) = JSONLFormat.parse(Data(line.utf8), at: SourceLocation(file: "c", line: number + 1, column: 1), fallbackID: "x") else {
                return XCTFail("line \(number + 1) does not parse")
            }
            ids.insert(document.document.id)
            textBytes += document.document.text.utf8.count
        }
        XCTAssertEqual(ids.count, lines.count)
        XCTAssertEqual(textBytes, count.bytes)
    }

    func testTheSameSeedWritesTheSameCorpusAndAnotherSeedAnother() throws {
        XCTAssertEqual(try corpus(bytes: 50_000).lines, try corpus(bytes: 50_000).lines)
        XCTAssertNotEqual(try corpus(bytes: 50_000).lines, try corpus(bytes: 50_000, seed: 9).lines)
    }
}
