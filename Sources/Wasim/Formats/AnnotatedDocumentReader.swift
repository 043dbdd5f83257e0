import Foundation

/// Reads annotated documents from the forms gold and predictions come in: a brat directory
/// (`.txt` + `.ann` pairs, searched recursively), a `.jsonl` file, or a directory of `.jsonl`
/// files.
public enum AnnotatedDocumentReader {
    /// The documents at a path, and every problem met (each naming its file and line).
    public static func read(_ path: String) -> (documents: [AnnotatedDocument], diagnostics: [Diagnostic]) {
        var documents: [AnnotatedDocument] = []
        var diagnostics: [Diagnostic] = []
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
}
