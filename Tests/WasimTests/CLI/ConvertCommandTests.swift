import Foundation
import XCTest

@testable import Wasim

/// `wasim convert`, `wasim annotate --format` and `wasim eval --html`, run as users run them.
final class ConvertCommandTests: XCTestCase {
    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("wasim") }
    private var seeds: String { repositoryRoot.appendingPathComponent("Gold/seeds").path }

    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        // Standard error goes to a file, so that neither stream can fill a pipe and block.
        let errorPath = temporaryDirectory() + "/stderr"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let error = FileHandle(forWritingAtPath: errorPath)!
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try error.close()
        let errData = try Data(contentsOf: URL(fileURLWithPath: errorPath))
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    private func writeRules() -> String {
        let path = temporaryDirectory() + "/r.wasim"
        try! "lexicon MONTH = ماي\nrule my DATE\n  pattern @MONTH \\s+ \\d{4}\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testConvertPrintsTheSeedGoldAsJSONL() throws {
        let result = try run(["convert", "--to", "jsonl", seeds])
        XCTAssertEqual(result.status, 0, result.err)
        let lines = result.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        for line in lines {
            guard case .success(let document) = JSONLFormat.parse(Data(line.utf8), at: SourceLocation(file: "-", line: 1, column: 1), fallbackID: "?") else {
                return XCTFail("not JSONL: \(line.prefix(80))")
            }
            let base = seeds + "/" + document.document.id
            guard case .read(let gold) = BratFormat.read(textPath: base + ".txt", annotationPath: base + ".ann") else { return XCTFail() }
            XCTAssertEqual(document, gold)
            XCTAssertEqual(document.spans, gold.spans)
        }
    }

    func testConvertGuessesCoNLLFromTheOutputAndKeepsEveryEntity() throws {
        let out = temporaryDirectory() + "/seeds.conll"
        let result = try run(["convert", seeds, "-o", out])
        XCTAssertEqual(result.status, 0, result.err)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "-DOCSTART-\tO\n").count - 1, 5)
        let gold = AnnotatedDocumentReader.read(seeds).documents.reduce(0) { $0 + $1.spans.count }
        XCTAssertEqual(text.components(separatedBy: "\tB-").count - 1, gold)
        // And CoNLL reads back with as many spans.
        let back = try run(["convert", out])
        XCTAssertEqual(back.status, 0, back.err)
        XCTAssertEqual(back.out.components(separatedBy: "\"start\":").count - 1, gold)
    }

    func testConvertReportsBadFilesByLineAndColumnAndConvertsTheRest() throws {
        let input = temporaryDirectory()
        try "في <DATE value=\"2022\">ماي 2022</DATE>".write(toFile: input + "/good.xml", atomically: true, encoding: .utf8)
        try "سطر\nفي <DATE>ماي 2022</NUMBER>".write(toFile: input + "/bad.xml", atomically: true, encoding: .utf8)
        let out = temporaryDirectory() + "/brat"
        let result = try run(["convert", "--to", "brat", input, "-o", out])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("\(input)/bad.xml:2:18: error: closing tag `</NUMBER>` does not match the open `<DATE>`"), result.err)
        XCTAssertTrue(result.err.contains("1 document converted"), result.err)
        XCTAssertEqual(try String(contentsOfFile: out + "/good.ann", encoding: .utf8), "T1\tDATE 3 11\tماي 2022\n#1\tAnnotatorNotes T1\tvalue=2022\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/annotation.conf"))
    }

    func testDirectoryFormatsNeedAnOutputDirectory() throws {
        let result = try run(["convert", "--to", "html", seeds])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.err.contains("html is written as a directory: give -o DIR"), result.err)
        let unknown = try run(["convert", seeds, "-o", temporaryDirectory() + "/new"])
        XCTAssertTrue(unknown.err.contains("name it with --to"), unknown.err)
    }

    func testAnnotateWritesCoNLLToStandardOutputAndHTMLToADirectory() throws {
        let input = temporaryDirectory()
        try "😀 في ماي 2022".write(toFile: input + "/a.txt", atomically: true, encoding: .utf8)
        let conll = try run(["annotate", "--rules", writeRules(), "--format", "conll", input])
        XCTAssertEqual(conll.status, 0, conll.err)
        XCTAssertEqual(conll.out, "-DOCSTART-\tO\n\n😀\tO\nفي\tO\nماي\tB-DATE\n2022\tI-DATE\n\n")
        let pages = temporaryDirectory() + "/pages"
        let html = try run(["annotate", "--rules", writeRules(), "--format", "html", input, "-o", pages])
        XCTAssertEqual(html.status, 0, html.err)
        let page = try String(contentsOfFile: pages + "/a.html", encoding: .utf8)
        XCTAssertTrue(page.contains(">ماي 2022</mark>") && page.contains("rule: my"), page)
        XCTAssertTrue(FileManager.default.fileExists(atPath: pages + "/index.html"))
        let missing = try run(["annotate", "--rules", writeRules(), "--format", "brat", input])
        XCTAssertNotEqual(missing.status, 0)
    }

    func testEvalWritesComparisonPages() throws {
        let pages = temporaryDirectory() + "/compare"
        let result = try run(["eval", "--gold", seeds, "--rules", writeRules(), "--html", pages])
        XCTAssertEqual(result.status, 0, result.err)
        let files = try FileManager.default.contentsOfDirectory(atPath: pages)
        XCTAssertEqual(files.count, 6)
        let page = try String(contentsOfFile: pages + "/000_7c34d0df17a5e1ec.html", encoding: .utf8)
        XCTAssertTrue(page.contains("class=\"l0 missed\""))
    }
}
