import Foundation
import XCTest

@testable import Wasim

final class AnnotationFormatTests: XCTestCase {
    private func directory(with files: [String]) -> String {
        let directory = temporaryDirectory()
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        }
        return directory
    }

    private func readAll(_ path: String, _ format: AnnotationFormat) -> (documents: [AnnotatedDocument], problems: [Diagnostic]) {
        var documents: [AnnotatedDocument] = []
        var problems: [Diagnostic] = []
        AnnotatedDocumentReader.forEach(path, format: format) { item in
            switch item {
            case .success(let document): documents.append(document)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (documents, problems)
    }

    // MARK: Guessing

    func testInputFormatsAreGuessedFromTheirPaths() {
        XCTAssertEqual(AnnotationFormat.guess(input: "-"), .jsonl)
        XCTAssertEqual(AnnotationFormat.guess(input: "a/b.jsonl"), .jsonl)
        XCTAssertEqual(AnnotationFormat.guess(input: "a/b.conll"), .conll)
        XCTAssertEqual(AnnotationFormat.guess(input: "a/b.xml"), .inline)
        XCTAssertEqual(AnnotationFormat.guess(input: "a/b.ann"), .brat)
        XCTAssertNil(AnnotationFormat.guess(input: "a/b.csv"))
    }

    func testDirectoriesAreGuessedFromWhatTheyHold() {
        XCTAssertEqual(AnnotationFormat.guess(input: directory(with: ["sub/a.txt", "sub/a.ann", "b.xml"])), .brat)
        XCTAssertEqual(AnnotationFormat.guess(input: directory(with: ["a.xml", "b.jsonl"])), .inline)
        XCTAssertEqual(AnnotationFormat.guess(input: directory(with: ["a.jsonl"])), .jsonl)
        XCTAssertNil(AnnotationFormat.guess(input: directory(with: [])))
        XCTAssertEqual(AnnotationFormat.guess(input: repositoryRoot.appendingPathComponent("Gold/seeds").path), .brat)
    }

    func testOutputFormatsAreGuessedFromExtensionsOrExistingDirectories() {
        XCTAssertEqual(AnnotationFormat.guess(output: "out.jsonl"), .jsonl)
        XCTAssertEqual(AnnotationFormat.guess(output: "out.conll"), .conll)
        XCTAssertNil(AnnotationFormat.guess(output: temporaryDirectory() + "/new"))
        XCTAssertEqual(AnnotationFormat.guess(output: directory(with: ["a.xml"])), .inline)
    }

    // MARK: Reading and writing directories

    func testBratDirectoryIsWrittenWithItsConfigurationAndReadsBack() throws {
        let out = temporaryDirectory() + "/brat"
        var writer = try DocumentDirectoryWriter(format: .brat, directory: out)
        let document = Document(id: "d", text: "في 2022\r\nب")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 3, end: 7, label: "DATE", text: "2022", attributes: ["value": "2022"]),
            Span(start: 9, end: 10, label: "OTHER", text: "ب"),
        ])
        XCTAssertEqual(try writer.write(annotated), [])
        try writer.finish()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                       ["annotation.conf", "d.ann", "d.txt", "visual.conf"])
        XCTAssertTrue(try String(contentsOfFile: out + "/annotation.conf", encoding: .utf8).contains("MONEY\nOTHER\n"))
        let (documents, problems) = readAll(out, .brat)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(documents, [annotated])
        XCTAssertEqual(documents.first?.spans, annotated.spans)
    }

    func testInlineAndHTMLDirectories() throws {
        let annotated = AnnotatedDocument(document: Document(id: "a/b", text: "x y"), spans: [Span(start: 2, end: 3, label: "L", text: "y")])
        for format in [AnnotationFormat.inline, .html] {
            let out = temporaryDirectory() + "/out"
            var writer = try DocumentDirectoryWriter(format: format, directory: out)
            XCTAssertEqual(try writer.write(annotated).map(\.severity), [.warning], "the id had to change")
            try writer.finish()
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            XCTAssertEqual(files, format == .inline ? ["a_b.xml"] : ["a_b.html", "index.html"])
        }
    }

    func testStreamFormatsAreNotDirectories() {
        XCTAssertThrowsError(try DocumentDirectoryWriter(format: .jsonl, directory: temporaryDirectory()))
        XCTAssertNil(AnnotationFormat.brat.streamText(for: AnnotatedDocument(document: Document(id: "d", text: ""), spans: [])))
    }

    func testJSONLProblemsNameTheLineAndTheOtherDocumentsStillCome() throws {
        let path = temporaryDirectory() + "/d.jsonl"
        try "{\"id\":\"a\",\"text\":\"x\"}\n{bad\n\n{\"id\":\"b\",\"text\":\"y\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"L\"}]}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (documents, problems) = readAll(path, .jsonl)
        XCTAssertEqual(documents.map(\.document.id), ["a", "b"])
        XCTAssertEqual(problems.map(\.location?.line), [2])
        XCTAssertEqual(problems.first?.location?.file, path)
    }

    func testInlineDirectoryReportsBadFilesAndReadsTheOthers() throws {
        let directory = temporaryDirectory()
        try "<DATE>2022</DATE>".write(toFile: directory + "/good.xml", atomically: true, encoding: .utf8)
        try "a\n<DATE>2022".write(toFile: directory + "/bad.xml", atomically: true, encoding: .utf8)
        let (documents, problems) = readAll(directory, .inline)
        XCTAssertEqual(documents.map(\.document.id), ["good"])
        XCTAssertEqual(problems.map(\.description), ["\(directory)/bad.xml:2:1: error: unclosed tag `<DATE>`: no `</DATE>` before the end of the file"])
    }

    func testHTMLCannotBeRead() {
        XCTAssertEqual(readAll(temporaryDirectory(), .html).problems.count, 1)
        XCTAssertEqual(readAll("/no/such/path", .jsonl).problems.first?.message, "no such file or directory: /no/such/path")
    }
}
