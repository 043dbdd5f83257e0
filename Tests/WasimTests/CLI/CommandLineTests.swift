import Foundation
import XCTest

/// Runs the built `wasim` binary the way users do.
final class CommandLineTests: XCTestCase {
    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("wasim") }

    private let rules = """
        lexicon MONTH = ماي
        rule month_year DATE
          pattern (?<month>@MONTH) \\s+ (?<year>\\d{4})
          normalize date
          example "في ماي 2022" -> "ماي 2022" value=2022
        rule three NUMBER
          pattern ثلاثة
        """

    private func writeRules(_ text: String) -> String {
        let path = (temporaryDirectory() as NSString).appendingPathComponent("r.wasim")
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the binary to completion with a deadline.
    private func run(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe(), error = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func testAnnotateStdinStreamsOneLinePerDocumentBeforeInputEnds() throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["annotate", "--rules", writeRules(rules), "-"]
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = Pipe()
        try process.run()
        defer { process.terminate() }
        input.fileHandleForWriting.write(Data("{\"id\":\"a\",\"text\":\"😀 في ماي 2022\"}\n".utf8))

        // The answer must arrive while standard input is still open: if it waited for the end
        // of input, the watchdog would end the process and the line would be missing.
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        var buffer = Data()
        while !buffer.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        watchdog.cancel()
        XCTAssertTrue(process.isRunning, "the first line came only after the process ended")
        let firstLine = String(decoding: buffer, as: UTF8.self)
        let json = try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as! [String: Any]
        XCTAssertEqual(json["id"] as? String, "a")
        let spans = json["spans"] as! [[String: Any]]
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans[0]["start"] as? Int, 5)
        XCTAssertEqual(spans[0]["end"] as? Int, 13)
        XCTAssertEqual(spans[0]["rule"] as? String, "month_year")
        XCTAssertEqual((spans[0]["attrs"] as? [String: String])?["value"], "2022")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testInvalidUTF8DocumentIsNamedAndTheOthersAreStillWritten() throws {
        let directory = temporaryDirectory()
        try "ثلاثة أعضاء".write(toFile: directory + "/a.txt", atomically: true, encoding: .utf8)
        try Data([0xD8, 0xA7, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: directory + "/b.txt"))
        try "في ماي 2022".write(toFile: directory + "/c.txt", atomically: true, encoding: .utf8)
        let result = try run(["annotate", "--rules", writeRules(rules), directory])
        XCTAssertEqual(result.status, 1)
        let ids = result.out.split(separator: "\n").map { line in
            (try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["id"] as! String
        }
        XCTAssertEqual(ids, ["a", "c"])
        XCTAssertTrue(result.err.contains("b.txt:1:2: error: invalid UTF-8"), result.err)
    }

    func testBadJSONLineIsNamedByLine() throws {
        let input = Data("{\"id\":\"x\",\"text\":\"ثلاثة\"}\nnot json\n{\"id\":\"z\",\"text\":\"ماي 2020\"}\n".utf8)
        let result = try run(["annotate", "--rules", writeRules(rules), "-"], stdin: input)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.out.split(separator: "\n").count, 2)
        XCTAssertTrue(result.err.contains("<stdin>:2:1: error: invalid JSON"), result.err)
    }

    func testCheckPrintsEachErrorWithACaret() throws {
        let path = writeRules("rule a DATE\n  pattern {NOPE}\nrule b DATE\n  pattern (x\n")
        let result = try run(["check", "--rules", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.err.contains("\(path):2:11: error: unknown macro `NOPE`\n    pattern {NOPE}\n            ^"), result.err)
        XCTAssertTrue(result.err.contains("\(path):4:"), result.err)
        XCTAssertTrue(result.err.contains("2 errors"), result.err)
    }

    func testCompileJSONListsEveryRuleWithItsPattern() throws {
        let withOptions = rules + "\n  option ignore-case no-diacritics\nblock not_three NUMBER\n  pattern ثلاثة \\s+ أيام\n"
        let result = try run(["compile", "--json", "--rules", writeRules(withOptions)])
        XCTAssertEqual(result.status, 0, result.err)
        let list = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [[String: Any]]
        XCTAssertEqual(list.map { $0["rule"] as! String }, ["month_year", "three", "not_three"])
        XCTAssertEqual(list.map { $0["label"] as! String }, ["DATE", "NUMBER", "NUMBER"])
        XCTAssertEqual(list.map { $0["blocker"] as! Bool }, [false, false, true])
        XCTAssertEqual(list.map { $0["options"] as! [String] }, [[], ["no-diacritics", "ignore-case"], []])
        XCTAssertTrue((list[1]["pattern"] as! String).contains("ث"))
    }

    func testTestCommandReportsFailingExamplesWithTheirLine() throws {
        let failing = rules + "\n  example \"ثلاثة\" -> \"ثلاثة\" value=4\n"
        let result = try run(["test", "--rules", writeRules(failing)])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.out.contains(":8:3: error:"), result.out)
        XCTAssertTrue(result.out.hasSuffix("1 passed, 1 failed\n"), result.out)
    }
}

extension CommandLineTests {
    private func goldDirectory() -> String {
        let directory = temporaryDirectory()
        try! "اجتمع في ماي 2022 ثلاثة وزراء".write(toFile: directory + "/g.txt", atomically: true, encoding: .utf8)
        try! "T1\tDATE 9 17\tماي 2022\n#1\tAnnotatorNotes T1\tvalue=2022-05\nT2\tNUMBER 18 23\tثلاثة\n#2\tAnnotatorNotes T2\tkind=cardinal; value=3\n"
            .write(toFile: directory + "/g.ann", atomically: true, encoding: .utf8)
        return directory
    }

    func testEvalJSONUsesNervaluateKeys() throws {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("wasim")
        let rulesPath = (temporaryDirectory() as NSString).appendingPathComponent("r.wasim")
        try "lexicon MONTH = ماي\nrule my DATE\n  pattern @MONTH \\s+ \\d{4}\n".write(toFile: rulesPath, atomically: true, encoding: .utf8)
        process.arguments = ["eval", "--gold", goldDirectory(), "--rules", rulesPath, "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let strict = (json["strict"] as! [String: Any])["overall"] as! [String: Any]
        XCTAssertEqual(strict["correct"] as? Int, 1)
        XCTAssertEqual(strict["missed"] as? Int, 1)
        XCTAssertEqual(strict["possible"] as? Int, 2)
        XCTAssertEqual(strict["f1"] as! Double, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertNotNil(json["ent_type"])
        XCTAssertNotNil((json["documents"] as? [String: Any])?["g"])
    }

    func testEvalMinF1FailsBelowTheFloor() throws {
        let rulesPath = (temporaryDirectory() as NSString).appendingPathComponent("r.wasim")
        try "lexicon MONTH = ماي\nrule my DATE\n  pattern @MONTH \\s+ \\d{4}\n".write(toFile: rulesPath, atomically: true, encoding: .utf8)
        func status(_ floors: String) throws -> Int32 {
            let process = Process()
            process.executableURL = Bundle.main.bundleURL.appendingPathComponent("wasim")
            process.arguments = ["eval", "--gold", goldDirectory(), "--rules", rulesPath, "--min-f1", floors]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        XCTAssertEqual(try status("DATE=1.0"), 0)
        XCTAssertEqual(try status("DATE=0.9,NUMBER=0.5"), 1)
    }

    func testParallelAnnotationKeepsInputOrderAndOutput() throws {
        let seeds = repositoryRoot.appendingPathComponent("seeds").path
        let dev = repositoryRoot.appendingPathComponent("Gold/dev").path
        let one = try run(["annotate", "--jobs", "1", seeds, dev])
        let three = try run(["annotate", "--jobs", "3", seeds, dev])
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(three.status, 0, three.err)
        XCTAssertEqual(one.out.split(separator: "\n").count, 21)
        XCTAssertEqual(three.out, one.out)
    }

    func testEvalBaselineReportsWhatARuleEditChanged() throws {
        let gold = goldDirectory()
        let directory = temporaryDirectory()
        let before = directory + "/before.jsonl"
        let dateRule = "lexicon MONTH = ماي\nrule my DATE\n  pattern @MONTH \\s+ \\d{4}\n"
        let numberRule = "rule three NUMBER\n  pattern ثلاثة\n"
        XCTAssertEqual(try run(["annotate", "--rules", writeRules(dateRule), gold, "-o", before]).status, 0)
        let result = try run(["eval", "--gold", gold, "--rules", writeRules(dateRule + numberRule), "--baseline", before])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("Against the baseline (strict F1)"), result.out)
        XCTAssertTrue(result.out.contains("NUMBER            0.000    1.000   +1.000"), result.out)
        XCTAssertTrue(result.out.contains("+ g gained: NUMBER [18,23) ⁨ثلاثة⁩"), result.out)
    }
}
