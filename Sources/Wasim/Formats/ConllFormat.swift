import Foundation

/// CoNLL with IOB2 tags, the input of seqeval, conlleval-style scorers and most sequence
/// taggers: one `TOKEN<TAB>TAG` line per token (``ConllTokenizer`` says what a token is), a
/// blank line after each sentence, and a `-DOCSTART-<TAB>O` line followed by a blank line
/// before each document (the CoNLL-2003 convention).
///
///     -DOCSTART-	O
///
///     في	O
///     11	B-DATE
///     ماي	I-DATE
///     2022	I-DATE
///
/// The export keeps labels and boundaries (one `B-` tag per span, so entity counts equal span
/// counts) and drops what CoNLL has no room for: attributes, rules, document ids and the
/// exact white space.
///
/// The reader rebuilds each document from its tokens, joined by one space within a sentence
/// and by a line break between sentences; offsets refer to that text. Documents are named
/// after the file (`NAME`, or `NAME-1`, `NAME-2`, … when it holds several). An `I-` tag that
/// does not continue a span of its label starts one, as conlleval and seqeval read it.
public enum ConllFormat {
    /// The extension of CoNLL files, without the dot.
    public static let fileExtension = "conll"
    /// The first field of the line that starts a document.
    public static let documentStart = "-DOCSTART-"

    // MARK: Writing

    /// The CoNLL lines of one document, from its `-DOCSTART-` line to the blank line after its
    /// last sentence. Spans that cannot be written (see ``problems(writing:)``) are left out.
    public static func text(for annotated: AnnotatedDocument) -> String {
        var out = documentStart + "\tO\n\n"
        for sentence in ConllTokenizer.sentences(text: annotated.document.text, spans: writable(annotated).spans) {
            for token in sentence { out += token.text + "\t" + token.tag + "\n" }
            out += "\n"
        }
        return out
    }

    /// What ``text(for:)`` cannot write: spans that overlap another, spans with no character
    /// besides white space (they would have no token), and labels that are empty or hold
    /// white space.
    public static func problems(writing annotated: AnnotatedDocument) -> [Diagnostic] {
        writable(annotated).problems
    }

    private static func writable(_ annotated: AnnotatedDocument) -> (spans: [Span], problems: [Diagnostic]) {
        let id = annotated.document.id
        let flat = FlatSpans(annotated.spans)
        var problems = flat.problems(documentID: id, format: "CoNLL")
        let spans = flat.kept.filter { span in
            if span.label.isEmpty || span.label.unicodeScalars.contains(where: \.properties.isWhitespace) {
                problems.append(.error("document `\(id)`: the label of \(span.diagnosticName) is empty or holds white space"))
                return false
            }
            if span.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                problems.append(.error("document `\(id)`: \(span.diagnosticName) holds only white space and has no token"))
                return false
            }
            return true
        }
        return (spans, problems)
    }

    // MARK: Reading

    /// Reads a CoNLL file.
    /// - Returns: its documents, and every problem, each naming the file, line and column; a
    ///   document with a problem is left out.
    public static func read(path: String) -> (documents: [AnnotatedDocument], diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [.error("cannot read \(path)")])
        }
        switch TextDecoding.decodeUTF8(data, source: path) {
        case .success(let text):
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return parse(text, name: name, path: path)
        case .failure(let diagnostic):
            return ([], [diagnostic])
        }
    }

    /// Parses CoNLL text. Fields are separated by tabs (or, in a line without a tab, by
    /// spaces); the first is the token and the last the tag, so CoNLL-2003's four columns read
    /// too.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - name: the base of the document ids.
    ///   - path: the file, for diagnostics.
    public static func parse(_ text: String, name: String, path: String) -> (documents: [AnnotatedDocument], diagnostics: [Diagnostic]) {
        var builders: [DocumentBuilder] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" { line = Substring(line.unicodeScalars.dropFirst()) }
            if line.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) {
                builders.last?.endSentence()
                continue
            }
            let separator: Unicode.Scalar = line.unicodeScalars.contains("\t") ? "\t" : " "
            let fields = line.unicodeScalars.split(separator: separator).map { String(String.UnicodeScalarView($0)) }
            if fields.first == documentStart {
                builders.append(DocumentBuilder())
                continue
            }
            if builders.isEmpty { builders.append(DocumentBuilder()) }
            guard fields.count >= 2 else {
                diagnostics.append(.error("expected `TOKEN<TAB>TAG`", at: SourceLocation(file: path, line: lineNumber, column: 1)))
                builders[builders.count - 1].failed = true
                continue
            }
            let tag = fields[fields.count - 1]
            let tagColumn = line.unicodeScalars.count - tag.unicodeScalars.count + 1
            guard let parsed = Tag(tag) else {
                diagnostics.append(.error("`\(tag)` is not an IOB2 tag (O, B-LABEL or I-LABEL)",
                                          at: SourceLocation(file: path, line: lineNumber, column: tagColumn)))
                builders[builders.count - 1].failed = true
                continue
            }
            builders[builders.count - 1].add(token: fields[0], tag: parsed)
        }
        let documents = builders.enumerated().compactMap { index, builder -> AnnotatedDocument? in
            guard !builder.failed else { return nil }
            return builder.document(id: builders.count == 1 ? name : "\(name)-\(index + 1)")
        }
        return (documents, diagnostics)
    }

    private enum Tag {
        case outside
        case begin(String)
        case inside(String)

        init?(_ text: String) {
            if text == "O" {
                self = .outside
            } else if text.hasPrefix("B-"), text.count > 2 {
                self = .begin(String(text.dropFirst(2)))
            } else if text.hasPrefix("I-"), text.count > 2 {
                self = .inside(String(text.dropFirst(2)))
            } else {
                return nil
            }
        }
    }

    /// Collects one document's tokens into text and spans.
    private final class DocumentBuilder {
        var text = String.UnicodeScalarView()
        var length = 0
        var sentenceHasTokens = false
        var open: (label: String, start: Int)?
        var spans: [(start: Int, end: Int, label: String)] = []
        var failed = false
        private var lastTokenEnd = 0

        func add(token: String, tag: Tag) {
            if sentenceHasTokens {
                append(" ")
            } else if length > 0 {
                append("\n")
            }
            switch tag {
            case .outside:
                closeSpan()
            case .begin(let label):
                closeSpan()
                open = (label, length)
            case .inside(let label):
                if open?.label != label {
                    closeSpan()
                    open = (label, length)
                }
            }
            for scalar in token.unicodeScalars { append(scalar) }
            lastTokenEnd = length
            sentenceHasTokens = true
        }

        func endSentence() {
            closeSpan()
            sentenceHasTokens = false
        }

        func document(id: String) -> AnnotatedDocument {
            closeSpan()
            let document = Document(id: id, text: String(text))
            return AnnotatedDocument(document: document, spans: spans.map {
                Span(start: $0.start, end: $0.end, label: $0.label, text: document.slice($0.start, $0.end))
            })
        }

        private func closeSpan() {
            if let open { spans.append((open.start, lastTokenEnd, open.label)) }
            open = nil
        }

        private func append(_ scalar: Unicode.Scalar) {
            text.append(scalar)
            length += 1
        }
    }
}
