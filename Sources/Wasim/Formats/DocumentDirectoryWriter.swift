import Foundation

/// Writes annotated documents one by one into a directory in a directory format:
///
/// - brat: `NAME.txt` (the text, UTF-8, no byte-order mark) and `NAME.ann`, and at the end
///   `annotation.conf` and `visual.conf`;
/// - inline: `NAME.xml`;
/// - HTML: `NAME.html`, and at the end `index.html`.
///
/// `NAME` is the document id when it is a safe file name (see ``DocumentFileNames``).
///
/// ```swift
/// var writer = try DocumentDirectoryWriter(format: .brat, directory: "out")
/// for document in documents { problems += try writer.write(document) }
/// try writer.finish()
/// ```
public struct DocumentDirectoryWriter {
    /// The format written.
    public let format: AnnotationFormat
    /// The directory written into.
    public let directory: String
    private var names: DocumentFileNames
    private var labels: Set<String> = []
    private var entries: [HtmlFormat.IndexEntry] = []

    /// Creates the directory if needed.
    /// - Throws: a ``Diagnostic`` when the format is not a directory format or the directory
    ///   cannot be created.
    public init(format: AnnotationFormat, directory: String) throws {
        guard format.writesDirectory else { throw Diagnostic.error("\(format.rawValue) is not written as a directory") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error("cannot create the directory \(directory): \(error.localizedDescription)")
        }
        self.format = format
        self.directory = directory
        names = DocumentFileNames(reserved: format == .html ? ["index"] : [])
    }

    /// Writes one document.
    /// - Returns: what could not be written (spans the format cannot hold, an id that had to
    ///   change); the rest is written.
    /// - Throws: a ``Diagnostic`` when a file cannot be written.
    public mutating func write(_ annotated: AnnotatedDocument) throws -> [Diagnostic] {
        var problems = format.problems(writing: annotated)
        let (name, warning) = names.name(for: annotated.document.id)
        if let warning { problems.append(warning) }
        labels.formUnion(annotated.spans.map(\.label))
        switch format {
        case .brat:
            try save(annotated.document.text, as: name + ".txt")
            try save(BratFormat.annotations(for: annotated), as: name + ".ann")
        case .inline:
            try save(InlineFormat.markup(for: annotated), as: name + "." + InlineFormat.fileExtension)
        case .html:
            let file = name + "." + HtmlFormat.fileExtension
            try save(HtmlFormat.page(for: annotated), as: file)
            let shown = FlatSpans(annotated.spans).kept
            entries.append(.init(id: annotated.document.id, file: file,
                                 counts: Dictionary(shown.map { ($0.label, 1) }, uniquingKeysWith: +)))
        case .jsonl, .conll:
            break
        }
        return problems
    }

    /// Writes what covers the whole directory: brat's configuration, or the HTML index.
    public func finish() throws {
        switch format {
        case .brat:
            let labels = BratConfiguration.labels(using: labels)
            try save(BratConfiguration.annotationConf(labels: labels), as: "annotation.conf")
            try save(BratConfiguration.visualConf(labels: labels), as: "visual.conf")
        case .html:
            try save(HtmlFormat.index(entries), as: "index.html")
        case .inline, .jsonl, .conll:
            break
        }
    }

    private func save(_ text: String, as file: String) throws {
        let path = (directory as NSString).appendingPathComponent(file)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw Diagnostic.error("cannot write \(path)")
        }
    }
}
