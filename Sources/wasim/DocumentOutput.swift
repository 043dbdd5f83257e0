import ArgumentParser
import Foundation
import Wasim

extension AnnotationFormat: ExpressibleByArgument {}

/// Where a command writes annotated documents: a stream (JSONL, CoNLL) to a file or standard
/// output, or a directory of files (brat, inline, HTML).
final class DocumentOutput {
    private let format: AnnotationFormat
    private let sink: OutputSink?
    private var directory: DocumentDirectoryWriter?

    /// Opens the output; directory formats need a path.
    init(format: AnnotationFormat, path: String?) throws {
        self.format = format
        if format.writesDirectory {
            guard let path else { throw ValidationError("\(format.rawValue) is written as a directory: give -o DIR") }
            do {
                directory = try DocumentDirectoryWriter(format: format, directory: path)
            } catch let diagnostic as Diagnostic {
                throw ValidationError(diagnostic.message)
            }
            sink = nil
        } else {
            sink = try OutputSink(path: path)
        }
    }

    /// The stream text of a document, for a worker thread to prepare; nil for directory formats.
    var render: @Sendable (AnnotatedDocument) -> String? {
        let format = format
        return { format.writesDirectory ? nil : format.streamText(for: $0) }
    }

    /// Writes one document (its stream text when already rendered); returns what the format
    /// could not hold (the rest is written).
    func write(_ annotated: AnnotatedDocument, rendered: String? = nil, flush: Bool = false) throws -> [Diagnostic] {
        if let sink {
            sink.write(rendered ?? format.streamText(for: annotated) ?? "", flush: flush)
            return format.problems(writing: annotated)
        }
        return try directory!.write(annotated)
    }

    /// Flushes the stream, or writes the directory's index or configuration.
    func finish() throws {
        sink?.close()
        try directory?.finish()
    }
}
