import Foundation
import XCTest

@testable import Wasim

final class HtmlFormatTests: XCTestCase {
    private func sample() -> AnnotatedDocument {
        let document = Document(id: "d<1>", text: "😀 في 11 ماي 2022 <script>&\r\nبالمغرب")
        return AnnotatedDocument(document: document, spans: [
            Span(start: 5, end: 16, label: "DATE", text: document.slice(5, 16), rule: "date_dmy", attributes: ["value": "2022-05-11", "mod": "\"END\""]),
            Span(start: 29, end: 35, label: "LOCATION", text: document.slice(29, 35)),
        ])
    }

    /// The text a browser shows: tags removed, entities replaced.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The inside of `<div class="text">…</div>`.
    static func textBlocks(_ html: String) -> [String] {
        html.components(separatedBy: "<div class=\"text\">").dropFirst().map { $0.components(separatedBy: "</div>")[0] }
    }

    func testPageIsRightToLeftArabicWithAFontStackAndALegend() {
        let page = HtmlFormat.page(for: sample())
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(page.contains("font-family: \"Noto Naskh Arabic\", \"Amiri\", \"Scheherazade New\", \"Arial\", sans-serif"))
        XCTAssertTrue(page.contains("<ul class=\"legend\">\n<li><mark class=\"l0\">DATE</mark> 1</li>\n<li><mark class=\"l1\">LOCATION</mark> 1</li>"))
        XCTAssertTrue(page.contains("mark.l0 { background: #ffd166; }"))
        XCTAssertFalse(page.contains("http"), "a page loads nothing from elsewhere")
    }

    func testEverySpanIsAMarkAndTheTextIsUnchanged() {
        let annotated = sample()
        let page = HtmlFormat.page(for: annotated)
        let block = Self.textBlocks(page)[0]
        XCTAssertEqual(block.components(separatedBy: "<mark ").count - 1, annotated.spans.count)
        XCTAssertEqual(Self.visibleText(block), annotated.document.text)
        XCTAssertFalse(block.contains("<script>"))
    }

    func testHoverShowsLabelAttributesAndRuleEscaped() {
        let page = HtmlFormat.page(for: sample())
        let tip = "DATE\nmod=&quot;END&quot;\nvalue=2022-05-11\nrule: date_dmy"
        XCTAssertTrue(page.contains("title=\"\(tip)\" data-tip=\"\(tip)\">11 ماي 2022</mark>"), page)
        XCTAssertTrue(page.contains("<h1><bdi>d&lt;1&gt;</bdi></h1>"))
    }

    func testOverlappingSpansAreReported() {
        let document = Document(id: "d", text: "abcd")
        let annotated = AnnotatedDocument(document: document, spans: [
            Span(start: 0, end: 3, label: "A", text: "abc"), Span(start: 1, end: 4, label: "B", text: "bcd"),
        ])
        XCTAssertEqual(HtmlFormat.problems(writing: annotated).count, 1)
        XCTAssertEqual(Self.visibleText(Self.textBlocks(HtmlFormat.page(for: annotated))[0]), "abcd")
    }

    func testIndexLinksEveryPage() {
        let index = HtmlFormat.index([
            .init(id: "a b", file: "a b.html", counts: ["DATE": 2]),
            .init(id: "c", file: "c.html", counts: ["X": 1, "DATE": 1]),
        ])
        XCTAssertTrue(index.contains("<a href=\"a%20b.html\" dir=\"auto\">a b</a></td><td>2</td><td>2</td><td>0</td>"), index)
        XCTAssertTrue(index.contains("<bdi>2 documents</bdi> · <bdi>4 spans</bdi>"), index)
    }

    func testComparisonMarksEachKindOfError() {
        let document = Document(id: "d", text: "aaa bbb ccc ddd eee fff")
        func span(_ start: Int, _ end: Int, _ label: String, _ attributes: [String: String] = [:]) -> Span {
            Span(start: start, end: end, label: label, text: document.slice(start, end), rule: "r", attributes: attributes)
        }
        let gold = [span(0, 3, "A"), span(4, 7, "A"), span(8, 11, "A"), span(12, 15, "A"), span(16, 19, "A", ["value": "1"])]
        let predicted = [span(0, 3, "A"), span(4, 6, "A"), span(8, 11, "B"), span(16, 19, "A", ["value": "2"]), span(20, 23, "A")]
        let page = HtmlFormat.comparison(document: document, gold: gold, predicted: predicted, labels: ["A", "B"])
        let blocks = Self.textBlocks(page)
        XCTAssertEqual(blocks.count, 2)
        XCTAssertTrue(blocks[0].contains("<mark class=\"l0\" "))
        XCTAssertTrue(blocks[0].contains("class=\"l0 missed\""), blocks[0])
        XCTAssertTrue(blocks[0].contains("class=\"l0 boundary\""), blocks[0])
        XCTAssertTrue(blocks[0].contains("class=\"l0 label\""), blocks[0])
        XCTAssertTrue(blocks[1].contains("class=\"l0 spurious\""), blocks[1])
        XCTAssertTrue(blocks[1].contains("class=\"l1 label\""), blocks[1])
        XCTAssertTrue(blocks[1].contains("class=\"l0 attribute\""), blocks[1])
        XCTAssertTrue(blocks[1].contains("value: 1 → 2"), blocks[1])
        XCTAssertEqual(Self.visibleText(blocks[0]), document.text)
        XCTAssertEqual(Self.visibleText(blocks[1]), document.text)
    }

    func testWriteComparisonsWritesAPagePerDocumentAndAnIndex() throws {
        let directory = temporaryDirectory() + "/pages"
        let document = Document(id: "index", text: "abc")
        let problems = HtmlFormat.writeComparisons([(document, [Span(start: 0, end: 3, label: "A", text: "abc")], [])],
                                                   labels: ["A"], to: directory)
        // `index` is the index's name, so the document's page gets another.
        XCTAssertEqual(problems.map(\.severity), [.warning])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), ["index-2.html", "index.html"])
        let index = try String(contentsOfFile: directory + "/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("<a href=\"index-2.html\" dir=\"auto\">index</a></td><td>1</td><td>0</td><td>0</td><td>1</td>"), index)
    }

    func testFileNamesAreSafeAndUnique() {
        var names = DocumentFileNames()
        XCTAssertEqual(names.name(for: "a").name, "a")
        XCTAssertNil(names.name(for: "b").warning)
        XCTAssertEqual(names.name(for: "A").name, "A-2")
        XCTAssertEqual(names.name(for: "x/../y").name, "x_.._y")
        XCTAssertEqual(names.name(for: ".hidden").name, "_.hidden")
        XCTAssertEqual(names.name(for: "").name, "_")
    }

    /// Renders a seed page in headless Chromium (when it is installed) and checks that a
    /// screenshot comes out: the page is valid enough for a real browser to lay out.
    func testChromiumRendersASeedPage() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").flatMap { directory in
            ["chromium", "chromium-browser", "google-chrome"].map { "\(directory)/\($0)" }
        }
        guard let chromium = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("chromium is not on PATH")
        }
        let seed = repositoryRoot.appendingPathComponent("Gold/seeds/001_6a919b2300308c62")
        guard case .read(let annotated) = BratFormat.read(textPath: seed.path + ".txt", annotationPath: seed.path + ".ann") else {
            return XCTFail("cannot read the seed gold")
        }
        let directory = temporaryDirectory()
        let page = directory + "/page.html"
        let screenshot = directory + "/page.png"
        try HtmlFormat.page(for: annotated).write(toFile: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(directory)/profile", "--screenshot=\(screenshot)",
                             "--window-size=1200,1600", "file://\(page)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        let data = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        // A blank 1200×1600 page compresses to a few kilobytes; text and colours do not.
        XCTAssertGreaterThan(data.count, 50_000)
    }
}
