import Foundation

/// Inline markup for hand labelling (guidelines §4): the document text with each span written
/// as an element around the text it covers,
///
///     في <DATE value="2022-05-11">11 ماي 2022</DATE> بمدينة <LOCATION>مراكش</LOCATION>
///
/// The text is the markup with the tags removed and the entities replaced. One document a
/// file, `NAME.xml`, whose id is `NAME`; the file holds exactly the text (no root element,
/// no added final newline), so it is an XML fragment rather than an XML document.
///
/// - Attributes are written in key order; a span's `rule` is not written.
/// - `<`, `>`, `&` and `"` are written `&lt; &gt; &amp; &quot;` in text and attribute
///   values. The reader also accepts `&apos;`, numeric references (`&#1575;`, `&#x627;`) and
///   a bare `>` in text; anything else after `&` is an error.
/// - Spans are flat: a tag inside another is an error, and so are a closing tag that does not
///   match, a tag that is never closed, and an empty element.
public enum InlineFormat {
    /// The extension of inline files, without the dot.
    public static let fileExtension = "xml"

    /// What reading an inline file gives.
    public enum ReadResult: Sendable {
        /// The document and its spans.
        case read(AnnotatedDocument)
        /// Every problem found, each naming the file, line and column.
        case problems([Diagnostic])
    }

    // MARK: Writing

    /// The markup of an annotated document. Spans that cannot be written (see
    /// ``problems(writing:)``) are left out.
    ///
    /// ```swift
    /// InlineFormat.markup(for: annotated)  // "في <DATE value=\"2022-05-11\">11 ماي 2022</DATE>"
    /// ```
    public static func markup(for annotated: AnnotatedDocument) -> String {
        let scalars = Array(annotated.document.text.unicodeScalars)
        var out = ""
        var position = 0
        for span in writable(annotated).spans {
            out += escaped(scalars[position..<span.start])
            out += "<" + span.label
            for key in span.attributes.keys.sorted() {
                out += " " + key + "=\"" + escaped(span.attributes[key]!.unicodeScalars) + "\""
            }
            out += ">" + escaped(scalars[span.start..<span.end]) + "</" + span.label + ">"
            position = span.end
        }
        return out + escaped(scalars[position...])
    }

    /// What ``markup(for:)`` cannot write: spans that overlap another, and labels or attribute
    /// keys that are not names (empty, or holding white space or one of `< > / = " ' &`).
    public static func problems(writing annotated: AnnotatedDocument) -> [Diagnostic] {
        writable(annotated).problems
    }

    /// True for a string usable as a tag or attribute name.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy(isNameScalar)
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace && !"<>/=\"'&".unicodeScalars.contains(scalar)
            && scalar.properties.generalCategory != .control
    }

    private static func writable(_ annotated: AnnotatedDocument) -> (spans: [Span], problems: [Diagnostic]) {
        let id = annotated.document.id
        let flat = FlatSpans(annotated.spans)
        var problems = flat.problems(documentID: id, format: "inline markup")
        let spans = flat.kept.filter { span in
            if !isName(span.label) {
                problems.append(.error("document `\(id)`: the label of \(span.diagnosticName) is not a tag name"))
                return false
            }
            if let key = span.attributes.keys.sorted().first(where: { !isName($0) }) {
                problems.append(.error("document `\(id)`: the attribute key `\(key)` of \(span.diagnosticName) is not a name"))
                return false
            }
            return true
        }
        return (spans, problems)
    }

    /// Text with `&`, `<`, `>` and `"` replaced by their entities.
    static func escaped<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        MarkupEscaping.escaped(scalars, apostrophe: false)
    }

    // MARK: Reading

    /// Parses markup into a document.
    /// - Parameters:
    ///   - markup: the file's text (a leading byte-order mark is skipped).
    ///   - id: the document id.
    ///   - path: the file, for diagnostics.
    /// - Returns: the document, or every problem found, each at its line and column.
    public static func parse(_ markup: String, id: String, path: String) -> ReadResult {
        var parser = InlineMarkupParser(markup: markup, path: path)
        let parsed = parser.parse()
        var problems = parsed.diagnostics
        if parsed.text.unicodeScalars.first == "\u{FEFF}" {
            problems.append(.error("the text starts with U+FEFF, which would be read as a byte-order mark; remove it",
                                   at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if !problems.isEmpty { return .problems(problems) }
        let document = Document(id: id, text: parsed.text)
        return .read(AnnotatedDocument(document: document, spans: parsed.spans.map { element in
            Span(start: element.start, end: element.end, label: element.label,
                 text: document.slice(element.start, element.end), attributes: element.attributes)
        }))
    }

    /// Reads one inline file; its id is the file name without its extension.
    public static func read(path: String) -> ReadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .problems([.error("cannot read \(path)")])
        }
        switch TextDecoding.decodeUTF8(data, source: path) {
        case .success(let markup):
            let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return parse(markup, id: id, path: path)
        case .failure(let diagnostic):
            return .problems([diagnostic])
        }
    }

    /// The inline files (`.xml`) below a directory, sorted.
    public static func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix("." + fileExtension) {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }
}
