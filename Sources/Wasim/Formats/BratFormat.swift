import Foundation

/// brat standoff: `NAME.txt` beside `NAME.ann`; `T` lines carry label, code-point offsets
/// and text; attributes live in `#` AnnotatorNotes lines as `key=value; key=value`.
/// `A` and `N` lines (brat attributes and normalisations) are read leniently: an `A` line
/// becomes an attribute, an `N` line is ignored.
public enum BratFormat {
    /// Reads one `.txt`/`.ann` pair.
    /// - Returns: the document with its spans, or every problem found, each naming the file
    ///   and line.
    public static func read(textPath: String, annotationPath: String) -> BratReadResult {
        guard let textData = FileManager.default.contents(atPath: textPath) else {
            return .problems([.error("cannot read \(textPath)")])
        }
        let text: String
        switch TextDecoding.decodeUTF8(textData, source: textPath) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return .problems([diagnostic])
        }
        let annotations: String
        if let data = FileManager.default.contents(atPath: annotationPath) {
            switch TextDecoding.decodeUTF8(data, source: annotationPath) {
            case .success(let decoded): annotations = decoded
            case .failure(let diagnostic): return .problems([diagnostic])
            }
        } else {
            annotations = ""
        }
        let id = ((textPath as NSString).lastPathComponent as NSString).deletingPathExtension
        return parse(annotations, document: Document(id: id, text: text), path: annotationPath)
    }

    /// Parses `.ann` text against its document.
    public static func parse(_ annotations: String, document: Document, path: String) -> BratReadResult {
        var diagnostics: [Diagnostic] = []
        var spans: [String: Span] = [:]
        var order: [String] = []
        var notes: [(id: String, attributes: [String: String], line: Int)] = []
        // Split on the scalar: a Character "\r\n" is not "\n", and CRLF files must read too.
        let lines = annotations.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            let line = Substring(scalars.last == "\r" ? scalars.dropLast() : scalars)
            let number = index + 1
            let here = SourceLocation(file: path, line: number, column: 1)
            if line.trimmingSpace().isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch line.first {
            case "T":
                guard fields.count >= 2 else {
                    diagnostics.append(.error("a T line needs `ID<TAB>LABEL START END<TAB>TEXT`", at: here))
                    continue
                }
                let parts = fields[1].split(separator: " ")
                // Discontinuous spans (`0 5;8 10`) are not part of the guidelines.
                guard parts.count == 3, let start = Int(parts[1]), let end = Int(parts[2]) else {
                    diagnostics.append(.error("expected `LABEL START END` in `\(fields[1])`", at: here))
                    continue
                }
                guard start >= 0, end > start, end <= document.length else {
                    diagnostics.append(.error("offsets [\(start), \(end)) are outside the text (\(document.length) code points)", at: here))
                    continue
                }
                let covered = document.slice(start, end)
                if fields.count >= 3, fields[2] != covered, fields[2] != lineSafe(covered) {
                    diagnostics.append(.error(
                        "the span says \"\(fields[2])\" but the text at [\(start), \(end)) is \"\(covered)\"", at: here))
                    continue
                }
                spans[fields[0]] = Span(start: start, end: end, label: String(parts[0]), text: covered)
                order.append(fields[0])
            case "#":
                let target = fields.count >= 2 ? fields[1].split(separator: " ") : []
                guard fields.count >= 3, target.count == 2, target[0] == "AnnotatorNotes" else { continue }
                var attributes: [String: String] = [:]
                // Scalars, not Characters: a value may start with a combining mark, which would
                // merge with `=` into one Character.
                for pair in fields[2].unicodeScalars.split(separator: ";") {
                    let trimmed = String(String.UnicodeScalarView(pair)).trimmingSpace().unicodeScalars
                    guard let equals = trimmed.firstIndex(of: "=") else {
                        diagnostics.append(.error("expected `key=value` pairs separated by `; `, found `\(String(trimmed))`", at: here))
                        continue
                    }
                    attributes[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
                }
                notes.append((String(target[1]), attributes, number))
            case "A":
                let parts = fields.count >= 2 ? fields[1].split(separator: " ") : []
                if parts.count >= 2 {
                    notes.append((String(parts[1]), [String(parts[0]): parts.count >= 3 ? String(parts[2]) : "true"], number))
                }
            case "N", "R", "E", "*", "M":
                continue
            default:
                diagnostics.append(.error("unknown brat line `\(line.prefix(20))`", at: here))
            }
        }
        for note in notes {
            guard spans[note.id] != nil else {
                diagnostics.append(.error("notes for \(note.id), which is not a span", at: SourceLocation(file: path, line: note.line, column: 1)))
                continue
            }
            spans[note.id]!.attributes.merge(note.attributes) { _, new in new }
        }
        if !diagnostics.isEmpty { return .problems(diagnostics) }
        return .read(AnnotatedDocument(document: document, spans: order.compactMap { spans[$0] }))
    }

    /// What reading a brat pair gives.
    public enum BratReadResult: Sendable {
        /// The document and its spans.
        case read(AnnotatedDocument)
        /// Every problem found, each naming the file and line.
        case problems([Diagnostic])
    }

    /// The `.ann` text of an annotated document: `T` lines in document order, then each
    /// span's AnnotatorNotes with keys in alphabetical order. Line breaks and tabs in a span's
    /// text are written as spaces (one per code point), as the reader accepts them.
    public static func annotations(for annotated: AnnotatedDocument) -> String {
        var out = ""
        for (index, span) in annotated.spans.sorted().enumerated() {
            let id = index + 1
            out += "T\(id)\t\(span.label) \(span.start) \(span.end)\t\(lineSafe(span.text))\n"
            if !span.attributes.isEmpty {
                let notes = span.attributes.keys.sorted().map { "\($0)=\(span.attributes[$0]!)" }.joined(separator: "; ")
                out += "#\(id)\tAnnotatorNotes T\(id)\t\(notes)\n"
            }
        }
        return out
    }

    /// What ``annotations(for:)`` cannot write so that it reads back the same: labels that are
    /// empty or hold white space, attribute keys that are empty or hold white space, `=` or
    /// `;`, and values that hold `;`, a line break or a tab, or start or end with white space.
    public static func problems(writing annotated: AnnotatedDocument) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ span: Span, _ message: String) {
            problems.append(.error("document `\(annotated.document.id)`: \(span.diagnosticName): \(message) in brat standoff"))
        }
        for span in annotated.spans {
            if span.label.isEmpty || span.label.unicodeScalars.contains(where: \.properties.isWhitespace) {
                report(span, "a label that is empty or holds white space cannot be written")
            }
            for key in span.attributes.keys.sorted() {
                let value = span.attributes[key]!.unicodeScalars
                if key.isEmpty || key.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "=" || $0 == ";" }) {
                    report(span, "the attribute key `\(key)` cannot be written")
                } else if value.contains(where: { $0 == ";" || $0 == "\t" || lineBreaks.contains($0) })
                    || value.first?.properties.isWhitespace == true || value.last?.properties.isWhitespace == true {
                    report(span, "the value of `\(key)` cannot be written (it holds `;`, a tab or a line break, or starts or ends with a space)")
                }
            }
        }
        return problems
    }

    /// Line breaks, which end a `.ann` line, and the tab, which separates its fields.
    static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// A span's text as a `T` line holds it: `\n`, `\r` and `\t` become spaces.
    static func lineSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    /// The `.txt`/`.ann` pairs below a directory, by document id.
    public static func pairs(under directory: String) -> [(text: String, annotations: String)] {
        DocumentSource.documentFiles(under: directory).filter { $0.hasSuffix(".txt") }.compactMap { text in
            let annotations = (text as NSString).deletingPathExtension + ".ann"
            return FileManager.default.fileExists(atPath: annotations) ? (text, annotations) : nil
        }
    }
}
