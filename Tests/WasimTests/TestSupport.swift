import Foundation
import XCTest

@testable import Wasim

/// Compiles rule text (and lexicon files written next to it) in a fresh temporary directory.
func makePack(_ rules: String, lexicons: [String: String] = [:], compiler: RuleCompiler = RuleCompiler(),
              file: StaticString = #filePath, line: UInt = #line) -> RulePack {
    let directory = temporaryDirectory()
    for (name, text) in lexicons {
        try! text.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let path = (directory as NSString).appendingPathComponent("test.wasim")
    try! rules.write(toFile: path, atomically: true, encoding: .utf8)
    return RulePackLoader(compiler: compiler).load(from: path)
}

/// A new empty directory under the system's temporary directory.
func temporaryDirectory() -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("wasim-tests-" + UUID().uuidString)
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The spans of a text as `LABEL:text` strings, in document order.
func spans(_ text: String, _ pack: RulePack, referenceDate: CalendarDate? = nil) -> [String] {
    Annotator(pack: pack, referenceDate: referenceDate).annotate(Document(id: "t", text: text)).spans.map { "\($0.label):\($0.text)" }
}

/// The repository's root directory (for seeds, Rules and Gold).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled rule pack, compiled once for the tests that read it.
let bundledPack = RulePackLoader().load(from: repositoryRoot.appendingPathComponent("Rules").path)

/// The texts of the seeds and the dev gold.
func seedAndDevTexts() throws -> [String] {
    var texts: [String] = []
    for directory in ["seeds", "Gold/dev"] {
        let path = repositoryRoot.appendingPathComponent(directory).path
        for file in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where file.hasSuffix(".txt") {
            texts.append(try String(contentsOfFile: path + "/" + file, encoding: .utf8))
        }
    }
    return texts
}
