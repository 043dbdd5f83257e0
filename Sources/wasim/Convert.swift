import ArgumentParser
import Foundation
import Wasim

/// `wasim convert`: reads annotated documents in one format and writes them in another.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert annotated documents between JSONL, brat, inline markup, CoNLL and HTML.",
        discussion: """
            Formats (docs/data-formats.md describes each):
              jsonl   one JSON document a line (a .jsonl file, -, or a directory of them)
              brat    NAME.txt + NAME.ann in a directory, with annotation.conf
              inline  NAME.xml in a directory: في <DATE value="2022">ماي 2022</DATE>
              conll   TOKEN<TAB>IOB2-TAG lines; read back with tokens joined by spaces
              html    NAME.html pages and index.html in a directory (written only)

            Without --from, the format is guessed from INPUT: .jsonl or - is jsonl, .conll is conll, \
            .xml is inline, and a directory is brat if it holds .ann files, else inline if it holds \
            .xml files, else jsonl. Without --to, it is guessed from -o: .jsonl is jsonl, .conll is \
            conll; with neither --to nor -o, JSONL goes to standard output. brat, inline and html \
            need -o DIR.

            Offsets are Unicode code points throughout. Every reading problem is reported on \
            standard error with its file and line, the other documents are still converted, and the \
            exit status is then 1; so is it when a span cannot be written in the target format \
            (e.g. overlapping spans in a flat format).

            Examples:
              wasim convert --to jsonl Gold/seeds          (the seed gold as JSONL)
              wasim convert Gold/seeds -o seeds.conll      (CoNLL IOB2 for seqeval)
              wasim convert --to inline Gold/seeds -o lab  (one .xml file a document)
              wasim convert --to html out.jsonl -o pages   (then open pages/index.html)
              wasim convert --to brat lab -o brat          (inline files back to brat)
            """
    )

    @Option(name: .long, help: ArgumentHelp("The input format: jsonl, brat, inline or conll (default: guessed).", valueName: "format"))
    var from: AnnotationFormat?

    @Option(name: .long, help: ArgumentHelp("The output format: jsonl, brat, inline, conll or html (default: guessed).", valueName: "format"))
    var to: AnnotationFormat?

    @Option(name: [.short, .long], help: ArgumentHelp(
        "The output file (jsonl, conll) or directory (brat, inline, html); default: standard output.", valueName: "path"))
    var output: String?

    @Argument(help: ArgumentHelp("A file, a directory, or - for JSONL on standard input.", valueName: "input"))
    var input: String

    /// The input and output formats, given or guessed.
    func formats() throws -> (from: AnnotationFormat, to: AnnotationFormat) {
        guard let source = from ?? AnnotationFormat.guess(input: input) else {
            throw ValidationError("cannot tell the format of \(input); name it with --from jsonl|brat|inline|conll")
        }
        guard source.isReadable else { throw ValidationError("html is an output format only; --from takes jsonl, brat, inline or conll") }
        let target: AnnotationFormat
        if let to {
            target = to
        } else if let output {
            guard let guessed = AnnotationFormat.guess(output: output) else {
                throw ValidationError("cannot tell the format to write to \(output); name it with --to jsonl|brat|inline|conll|html")
            }
            target = guessed
        } else {
            target = .jsonl
        }
        if target.writesDirectory, output == nil {
            throw ValidationError("\(target.rawValue) is written as a directory: give -o DIR")
        }
        return (source, target)
    }

    func validate() throws {
        _ = try formats()
    }

    func run() throws {
        let (source, target) = try formats()
        let sink = try DocumentOutput(format: target, path: output)
        var formatter = DiagnosticFormatter()
        var converted = 0
        var problems = 0
        try AnnotatedDocumentReader.forEach(input, format: source) { item in
            switch item {
            case .failure(let diagnostic):
                problems += 1
                Console.error(formatter.format(diagnostic))
            case .success(let document):
                let lost = try sink.write(document, flush: input == "-")
                for diagnostic in lost {
                    if diagnostic.severity == .error { problems += 1 }
                    Console.error(formatter.format(diagnostic))
                }
                converted += 1
            }
        }
        try sink.finish()
        if problems > 0 {
            Console.error("\(converted) document\(converted == 1 ? "" : "s") converted; \(problems) problem\(problems == 1 ? "" : "s") reported above\n")
            throw ExitCode(1)
        }
    }
}
