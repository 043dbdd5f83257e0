import Foundation

/// Reads annotated documents from the forms gold and predictions come in: a brat directory
/// (`.txt` + `.ann` pairs, searched recursively), a `.jsonl` file, a directory of `.jsonl`
/// files, inline markup (`.xml` files) or CoNLL.
public enum AnnotatedDocumentReader {
    /// The documents at a path, and every problem met (each naming its file and line).
    public static func read(_ path: String) -> (documents: [AnnotatedDocument], diagnostics: [Diagnostic]) {
        var documents: [AnnotatedDocument] = []
        var diagnostics: [Diagnostic] = []
        if let format = AnnotationFormat.guess(input: path), format == .inline || format == .conll {
            forEach(path, format: format) { item in
                switch item {
                case .success(let document): documents.append(document)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            return (documents, diagnostics)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [.error("no such file or directory: \(path)")])
        }
        if isDirectory.boolValue {
            for pair in BratFormat.pairs(under: path) {
                switch BratFormat.read(textPath: pair.text, annotationPath: pair.annotations) {
                case .read(let document): documents.append(document)
                case .problems(let problems): diagnostics += problems
                }
            }
        }
        let jsonlFiles = isDirectory.boolValue
            ? DocumentSource.documentFiles(under: path).filter { $0.hasSuffix(".jsonl") } : [path]
        if !jsonlFiles.isEmpty {
            DocumentSource(inputs: jsonlFiles).forEach { item in
                switch item {
                case .success(let document): documents.append(document)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        return (documents, diagnostics)
    }

    /// Calls `body` with every document at a path read in one format, and with every problem
    /// met (each naming its file and line); a document with a problem is left out and the
    /// others still come.
    ///
    /// - JSONL: a file, `-` for standard input, or every `.jsonl` file below a directory.
    /// - brat: every `.txt`/`.ann` pair below a directory, or one pair named by either file.
    /// - inline: every `.xml` file below a directory, or one file.
    /// - CoNLL: a file, or every `.conll` file below a directory.
    /// - HTML cannot be read: one problem says so.
    public static func forEach(_ path: String, format: AnnotationFormat, _ body: (DocumentSource.Item) throws -> Void) rethrows {
        var isDirectory: ObjCBool = false
        guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return try body(.failure(.error("no such file or directory: \(path)")))
        }
        func filesBelow(_ suffix: String) -> [String] {
            isDirectory.boolValue
                ? AnnotationFormat.files(under: path).filter { $0.hasSuffix(suffix) }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
        }
        switch format {
        case .jsonl:
            for file in filesBelow(".jsonl") { try JSONLFormat.forEachDocument(in: file, body) }
        case .brat:
            let pairs = isDirectory.boolValue ? BratFormat.pairs(under: path)
                : [((path as NSString).deletingPathExtension + ".txt", (path as NSString).deletingPathExtension + ".ann")]
            for pair in pairs {
                switch BratFormat.read(textPath: pair.text, annotationPath: pair.annotations) {
                case .read(let document): try body(.success(document))
                case .problems(let problems): for problem in problems { try body(.failure(problem)) }
                }
            }
        case .inline:
            for file in filesBelow("." + InlineFormat.fileExtension) {
                switch InlineFormat.read(path: file) {
                case .read(let document): try body(.success(document))
                case .problems(let problems): for problem in problems { try body(.failure(problem)) }
                }
            }
        case .conll:
            for file in filesBelow("." + ConllFormat.fileExtension) {
                let (documents, problems) = ConllFormat.read(path: file)
                for problem in problems { try body(.failure(problem)) }
                for document in documents { try body(.success(document)) }
            }
        case .html:
            try body(.failure(.error("HTML is an output format only; read \(path) as jsonl, brat, inline or conll")))
        }
    }
}
