import ArgumentParser
import Foundation
import Wasim

/// `wasim annotate`: runs the rules over documents and writes the spans.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate documents and write one JSONL line per document (or CoNLL, brat, inline, HTML).",
        discussion: """
            INPUT is a .txt file (its name is the document id), a .jsonl file of {"id","text"} lines, \
            a directory (every .txt and .jsonl below it), or - to read JSONL from standard input and \
            write each result as soon as it is ready (a streaming filter for pipes, Spark or Hadoop).

            Output lines: {"id","text","spans":[{"start","end","label","text","rule","attrs"}]}, \
            offsets in Unicode code points, end exclusive. --format conll streams CoNLL IOB2 the same \
            way; --format brat, inline or html writes one file per document into -o DIR \
            (docs/data-formats.md describes each format).

            A document that cannot be read (invalid UTF-8, bad JSON) or a rule that hits ICU's time \
            limit is reported on standard error with the file, line or document; the other documents \
            are still written, and the exit status is 1 at the end.
            
            Examples:
              wasim annotate seeds/    (Annotate the bundled seeds)
              wasim annotate --labels DATE --reference-date 2022-05-13 news.jsonl    (Dates only, relative dates resolved)
              cat corpus.jsonl | wasim annotate - > annotated.jsonl    (As a filter)
              wasim annotate --format html seeds/ -o pages    (HTML pages and an index.html)
            """
    )

    @OptionGroup var rules: RulesOptions
    @OptionGroup var reference: ReferenceDateOption

    @Option(name: .long, help: "Output format: jsonl, conll, brat, inline or html (the last three need -o DIR).")
    var format: AnnotationFormat = .jsonl

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (a directory for brat, inline, html) instead of standard output.", valueName: "path"))
    var output: String?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Annotate on this many threads (default: every core); output keeps the input order.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "At the end, print documents, MB, seconds, MB/s and peak memory to standard error.")
    var stats = false

    @Argument(help: ArgumentHelp("Documents: .txt, .jsonl, directories, or - for standard input.", valueName: "input"))
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one input (a file, a directory, or - for standard input)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if format.writesDirectory, output == nil { throw ValidationError("--format \(format.rawValue) writes a directory: give -o DIR") }
    }

    func run() throws {
        let (pack, rulesFailed) = rules.loadPack()
        let annotators = try AnnotationPipeline.annotators(for: pack, referenceDate: reference.date, jobs: jobs)
        let sink = try DocumentOutput(format: format, path: output)
        var failures = rulesFailed ? 1 : 0
        var documents = 0
        var bytes = 0
        let started = Date()
        var formatter = DiagnosticFormatter()
        var writeError: Error?
        AnnotationPipeline(annotators: annotators, render: sink.render).run(DocumentSource(inputs: inputs)) { output in
            guard writeError == nil else { return }
            switch output {
            case .problem(let diagnostic):
                failures += 1
                Console.error(formatter.format(diagnostic))
            case .annotated(let annotated, let rendered):
                for error in annotated.errors {
                    failures += 1
                    Console.error("error: \(error)\n")
                }
                do {
                    for problem in try sink.write(annotated, rendered: rendered, flush: inputs.contains("-")) {
                        if problem.severity == .error { failures += 1 }
                        Console.error(formatter.format(problem))
                    }
                } catch {
                    writeError = error
                }
                documents += 1
                bytes += annotated.document.text.utf8.count
                if Console.errorIsTerminal, documents % 100 == 0 {
                    let seconds = max(Date().timeIntervalSince(started), 0.001)
                    Console.error(String(format: "\r%d documents, %.1f MB/s ", documents, Double(bytes) / 1e6 / seconds))
                }
            }
        }
        if let writeError { throw writeError }
        try sink.finish()
        if Console.errorIsTerminal, documents >= 100 { Console.error("\n") }
        if stats {
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            Console.error(String(format: "stats: %d documents, %.2f MB, %.2f s, %.2f MB/s, peak RSS %.1f MB\n", documents,
                                 Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / seconds, Self.peakResidentMegabytes() ?? .nan))
        }
        if failures > 0 {
            Console.error("\(documents) document\(documents == 1 ? "" : "s") written; \(failures) problem\(failures == 1 ? "" : "s") reported above\n")
            throw ExitCode(1)
        }
    }
}

extension Annotate {
    /// This process's peak resident memory (VmHWM of /proc/self/status), in MB.
    static func peakResidentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            return nil
        }
        return kilobytes / 1024
    }
}

/// Standard output or a file, written line by line.
final class OutputSink {
    private let handle: FileHandle
    private var buffer = Data()
    private let ownsHandle: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            self.handle = handle
            ownsHandle = true
        } else {
            handle = FileHandle.standardOutput
            ownsHandle = false
        }
    }

    func write(_ text: String, flush: Bool) {
        buffer.append(contentsOf: text.utf8)
        if flush || buffer.count > 1 << 20 { self.flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if ownsHandle { try? handle.close() }
    }
}
