import Foundation

/// Self-contained HTML pages for reading annotations: one page per document (right to left,
/// an Arabic font stack, a colour per label with a legend, each span a `<mark>` whose label,
/// attributes and rule show on hover), an index of the documents, and a comparison page that
/// sets gold and prediction side by side with each error marked.
///
/// Pages load nothing from elsewhere (styles are inline), so a directory of them can be
/// mailed or opened from disk. All text is HTML-escaped. HTML is an output format only.
public enum HtmlFormat {
    /// The extension of the pages, without the dot.
    public static let fileExtension = "html"
    /// The font stack of the pages.
    public static let fontStack = "\"Noto Naskh Arabic\", \"Amiri\", \"Scheherazade New\", \"Arial\", sans-serif"

    // MARK: Document pages

    /// One line of the document index.
    public struct IndexEntry: Sendable, Equatable {
        /// The document id.
        public var id: String
        /// The page's file name, relative to the index.
        public var file: String
        /// Spans per label.
        public var counts: [String: Int]

        /// Creates an entry.
        public init(id: String, file: String, counts: [String: Int]) {
            self.id = id
            self.file = file
            self.counts = counts
        }
    }

    /// The page of one annotated document. Spans that overlap an earlier one are left out
    /// (see ``problems(writing:)``).
    public static func page(for annotated: AnnotatedDocument) -> String {
        let spans = FlatSpans(annotated.spans).kept
        let labels = LabelPalette.ordered(spans.map(\.label))
        let classes = labelClasses(labels)
        let counts = Dictionary(spans.map { ($0.label, 1) }, uniquingKeysWith: +)
        var body = "<header>\n<h1><bdi>\(escaped(annotated.document.id))</bdi></h1>\n"
        body += nav([allDocuments, count(spans.count, "span")]) + "</header>\n"
        body += legend(labels.map { ($0, classes[$0]!, counts[$0] ?? 0) })
        body += "<div class=\"text\">" + marked(annotated.document, spans: spans) { span in
            (classes[span.label]!, tip(for: span, extra: []))
        } + "</div>\n"
        return page(title: annotated.document.id, style: labelStyle(labels, classes), body: body)
    }

    /// What ``page(for:)`` cannot show: spans that overlap another.
    public static func problems(writing annotated: AnnotatedDocument) -> [Diagnostic] {
        FlatSpans(annotated.spans).problems(documentID: annotated.document.id, format: "HTML")
    }

    /// The index page: each document with a link to its page and its spans per label.
    public static func index(_ entries: [IndexEntry]) -> String {
        let labels = LabelPalette.ordered(entries.flatMap(\.counts.keys))
        let classes = labelClasses(labels)
        let totals = Dictionary(entries.flatMap { $0.counts.map { ($0.key, $0.value) } }, uniquingKeysWith: +)
        var body = "<header>\n<h1>Documents</h1>\n"
        body += nav([count(entries.count, "document"), count(totals.values.reduce(0, +), "span")]) + "</header>\n"
        body += legend(labels.map { ($0, classes[$0]!, totals[$0] ?? 0) })
        body += "<table>\n<thead><tr><th>Document</th><th>Spans</th>"
        body += labels.map { "<th><mark class=\"\(classes[$0]!)\">\(escaped($0))</mark></th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for entry in entries {
            body += "<tr><td><a href=\"\(escapedURL(entry.file))\" dir=\"auto\">\(escaped(entry.id))</a></td>"
            body += "<td>\(entry.counts.values.reduce(0, +))</td>"
            body += labels.map { "<td>\(entry.counts[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return page(title: "Documents", style: labelStyle(labels, classes), body: body)
    }

    // MARK: Comparison pages

    /// One line of the comparison index.
    public struct ComparisonEntry: Sendable, Equatable {
        /// The document id.
        public var id: String
        /// The page's file name, relative to the index.
        public var file: String
        /// Gold spans.
        public var gold: Int
        /// Predicted spans.
        public var predicted: Int
        /// Strictly correct predictions.
        public var correct: Int
        /// Errors by kind.
        public var errors: [ErrorAnalysis.Kind: Int]
    }

    /// The comparison page of one document: gold and prediction side by side, correct spans
    /// plain, and missed, spurious, wrong-boundary, wrong-label and wrong-attribute spans each
    /// in their own style (strict matching, as ``ErrorAnalysis`` classifies them).
    /// - Parameters:
    ///   - labels: the labels compared; spans with other labels are not shown.
    public static func comparison(document: Document, gold: [Span], predicted: [Span], labels: [String]) -> String {
        comparisonPage(document: document, gold: gold, predicted: predicted, labels: labels).html
    }

    /// Writes a comparison page per document and an `index.html` into a directory (created if
    /// needed): what `wasim eval --html DIR` produces.
    /// - Returns: the problems met (a file that cannot be written, an id that had to change).
    public static func writeComparisons(_ documents: [(document: Document, gold: [Span], predicted: [Span])],
                                        labels: [String], to directory: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return [.error("cannot create \(directory): \(error.localizedDescription)")]
        }
        var names = DocumentFileNames(reserved: ["index"])
        var entries: [ComparisonEntry] = []
        for item in documents {
            let (name, warning) = names.name(for: item.document.id)
            if let warning { diagnostics.append(warning) }
            let file = name + "." + fileExtension
            let page = comparisonPage(document: item.document, gold: item.gold, predicted: item.predicted, labels: labels)
            diagnostics += write(page.html, to: (directory as NSString).appendingPathComponent(file))
            var entry = page.entry
            entry.file = file
            entries.append(entry)
        }
        diagnostics += write(comparisonIndex(entries), to: (directory as NSString).appendingPathComponent("index.html"))
        return diagnostics
    }

    /// The index of comparison pages: each document with its error counts.
    public static func comparisonIndex(_ entries: [ComparisonEntry]) -> String {
        let kinds = ErrorAnalysis.Kind.allCases
        var body = "<header>\n<h1>Gold and prediction</h1>\n" + nav([count(entries.count, "document")]) + "</header>\n"
        body += errorLegend()
        body += "<table>\n<thead><tr><th>Document</th><th>Gold</th><th>Predicted</th><th>Correct</th>"
        body += kinds.map { "<th><mark class=\"\(errorClass[$0]!)\">\(escaped($0.rawValue))</mark></th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for entry in entries {
            body += "<tr><td><a href=\"\(escapedURL(entry.file))\" dir=\"auto\">\(escaped(entry.id))</a></td>"
            body += "<td>\(entry.gold)</td><td>\(entry.predicted)</td><td>\(entry.correct)</td>"
            body += kinds.map { "<td>\(entry.errors[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return page(title: "Gold and prediction", style: "", body: body)
    }

    static let errorClass: [ErrorAnalysis.Kind: String] = [
        .missed: "missed", .spurious: "spurious", .wrongBoundary: "boundary", .wrongLabel: "label",
        .wrongBoundaryAndLabel: "boundary label", .wrongAttribute: "attribute",
    ]

    private static func comparisonPage(document: Document, gold: [Span], predicted: [Span], labels: [String])
        -> (html: String, entry: ComparisonEntry) {
        let wanted = Set(labels)
        let gold = FlatSpans(gold.filter { wanted.contains($0.label) }).kept
        let predicted = FlatSpans(predicted.filter { wanted.contains($0.label) }).kept
        let analysis = ErrorAnalysis(documents: [(document, gold, predicted)], labels: wanted)
        var goldErrors: [Span: ErrorAnalysis.Error] = [:]
        var predictedErrors: [Span: ErrorAnalysis.Error] = [:]
        var counts: [ErrorAnalysis.Kind: Int] = [:]
        for error in analysis.errors {
            counts[error.kind, default: 0] += 1
            if let span = error.gold, goldErrors[span] == nil { goldErrors[span] = error }
            if let span = error.predicted, predictedErrors[span] == nil { predictedErrors[span] = error }
        }
        let shown = LabelPalette.ordered(gold.map(\.label) + predicted.map(\.label))
        let classes = labelClasses(shown)
        func render(_ spans: [Span], _ errors: [Span: ErrorAnalysis.Error]) -> String {
            marked(document, spans: spans) { span in
                guard let error = errors[span] else { return (classes[span.label]!, tip(for: span, extra: [])) }
                var extra = ["error: " + error.kind.rawValue]
                if let detail = error.detail { extra.append(detail) }
                if error.kind != .missed, error.kind != .spurious {
                    let other = error.gold == span ? error.predicted : error.gold
                    if let other { extra.append((error.gold == span ? "predicted: " : "gold: ") + other.diagnosticName) }
                }
                return (classes[span.label]! + " " + errorClass[error.kind]!, tip(for: span, extra: extra))
            }
        }
        let correct = analysis.rules.values.reduce(0) { $0 + $1.truePositives }
        var body = "<header>\n<h1><bdi>\(escaped(document.id))</bdi></h1>\n"
        var summary = [allDocuments, "gold \(gold.count)", "predicted \(predicted.count)", "correct \(correct)"]
        for kind in ErrorAnalysis.Kind.allCases where counts[kind, default: 0] > 0 {
            summary.append("\(escaped(kind.rawValue)) \(counts[kind]!)")
        }
        body += nav(summary) + "</header>\n"
        body += legend(shown.map { ($0, classes[$0]!, nil) })
        body += errorLegend()
        body += "<div class=\"compare\">\n"
        body += "<section><h2>Gold</h2>\n<div class=\"text\">" + render(gold, goldErrors) + "</div></section>\n"
        body += "<section><h2>Prediction</h2>\n<div class=\"text\">" + render(predicted, predictedErrors) + "</div></section>\n"
        body += "</div>\n"
        let entry = ComparisonEntry(id: document.id, file: "", gold: gold.count, predicted: predicted.count,
                                    correct: correct, errors: counts)
        return (page(title: document.id, style: labelStyle(shown, classes), body: body), entry)
    }

    private static func errorLegend() -> String {
        "<ul class=\"legend errors\">\n" + ErrorAnalysis.Kind.allCases.map { kind in
            "<li><mark class=\"\(errorClass[kind]!)\">\(escaped(kind.rawValue))</mark></li>\n"
        }.joined() + "</ul>\n"
    }

    // MARK: Building blocks

    /// The text of a document with each (flat) span in a `<mark>`.
    static func marked(_ document: Document, spans: [Span], decorate: (Span) -> (classes: String, tip: String)) -> String {
        let scalars = Array(document.text.unicodeScalars)
        var out = ""
        var position = 0
        for span in spans {
            out += escaped(scalars[position..<span.start])
            let (classes, tip) = decorate(span)
            out += "<mark class=\"\(classes)\" title=\"\(escaped(tip))\" data-tip=\"\(escaped(tip))\">"
            out += escaped(scalars[span.start..<span.end]) + "</mark>"
            position = span.end
        }
        return out + escaped(scalars[position...])
    }

    /// What hovering a span shows: its label, attributes in key order, rule, and any extra lines.
    static func tip(for span: Span, extra: [String]) -> String {
        var lines = [span.label]
        lines += span.attributes.keys.sorted().map { "\($0)=\(span.attributes[$0]!)" }
        if let rule = span.rule { lines.append("rule: \(rule)") }
        return (lines + extra).joined(separator: "\n")
    }

    private static let allDocuments = "<a href=\"index.html\">All documents</a>"

    /// `3 spans`, `1 span`.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A line of English phrases (HTML) on a right-to-left page: each is isolated, so that its
    /// numbers stay with its words.
    private static func nav(_ phrases: [String]) -> String {
        "<p class=\"nav\">" + phrases.map { "<bdi>\($0)</bdi>" }.joined(separator: " · ") + "</p>\n"
    }

    private static func labelClasses(_ labels: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, "l\($0.offset)") })
    }

    private static func labelStyle(_ labels: [String], _ classes: [String: String]) -> String {
        labels.map { "mark.\(classes[$0]!) { background: \(LabelPalette.color(for: $0)); }\n" }.joined()
    }

    private static func legend(_ items: [(label: String, cssClass: String, count: Int?)]) -> String {
        guard !items.isEmpty else { return "" }
        return "<ul class=\"legend\">\n" + items.map { item in
            "<li><mark class=\"\(item.cssClass)\">\(escaped(item.label))</mark>" + (item.count.map { " \($0)" } ?? "") + "</li>\n"
        }.joined() + "</ul>\n"
    }

    private static func page(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>
        \(baseStyle)\(style)</style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let baseStyle = """
        body { font-family: \(fontStack); font-size: 1.25rem; line-height: 2.2; color: #1b1b1b; background: #fdfdfb; max-width: 72rem; margin: 1.5rem auto; padding: 0 1.5rem; }
        header h1 { font-size: 1.4rem; margin: 0; }
        h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        .nav { margin: 0; color: #555; font-size: 1rem; }
        a { color: #0b5cad; }
        .legend { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-size: 1rem; }
        .text { white-space: pre-wrap; unicode-bidi: plaintext; overflow-wrap: break-word; }
        .compare { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
        .compare section { min-width: 0; }
        mark { position: relative; color: inherit; background: #e4e4e4; border-radius: .3em; padding: .1em 0; }
        mark[data-tip]:hover::after { content: attr(data-tip); position: absolute; top: 100%; right: 0; z-index: 10; width: max-content; max-width: min(30rem, 45vw); white-space: pre-wrap; overflow-wrap: anywhere; direction: ltr; text-align: left; unicode-bidi: isolate; font: .8rem/1.5 ui-monospace, "DejaVu Sans Mono", monospace; color: #fff; background: #222; padding: .3em .6em; border-radius: .3em; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
        mark.missed { outline: 2px dashed #c1121f; outline-offset: 1px; }
        mark.spurious { outline: 2px dotted #c1121f; outline-offset: 1px; background-image: repeating-linear-gradient(135deg, transparent 0 5px, rgba(193,18,31,.22) 5px 7px); }
        mark.boundary { text-decoration: underline wavy #e85d04; text-decoration-thickness: 2px; text-underline-offset: .35em; }
        mark.label { outline: 2px solid #7b2cbf; outline-offset: 1px; }
        mark.attribute { text-decoration: underline dotted #0077b6; text-decoration-thickness: 3px; text-underline-offset: .35em; }
        table { border-collapse: collapse; font-size: 1rem; line-height: 1.6; }
        th, td { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: start; }
        td:not(:first-child) { text-align: center; }

        """

    // MARK: Escaping

    /// Text safe in HTML content and in double- or single-quoted attribute values.
    public static func escaped<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        MarkupEscaping.escaped(scalars, apostrophe: true)
    }

    /// ``escaped(_:)`` for a string.
    public static func escaped(_ text: String) -> String { escaped(text.unicodeScalars) }

    /// A relative file name as an attribute value: percent-encoded where URLs need it.
    static func escapedURL(_ file: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return escaped(file.addingPercentEncoding(withAllowedCharacters: allowed) ?? file)
    }

    static func write(_ text: String, to path: String) -> [Diagnostic] {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) ? [] : [.error("cannot write \(path)")]
    }
}
