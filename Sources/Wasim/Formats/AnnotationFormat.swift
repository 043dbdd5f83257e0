import Foundation

/// The file formats annotated documents are read from and written to
/// (`docs/data-formats.md` describes each).
public enum AnnotationFormat: String, CaseIterable, Sendable {
    /// One JSON document a line (guidelines §4); lossless.
    case jsonl
    /// brat standoff: `NAME.txt` + `NAME.ann` in a directory, with `annotation.conf`.
    case brat
    /// Inline markup, one `NAME.xml` a document, in a directory.
    case inline
    /// CoNLL IOB2, one token a line; labels and boundaries only.
    case conll
    /// HTML pages for reading, with an `index.html`; written only.
    case html

    /// True for the formats written as a directory of files (brat, inline, HTML); the others
    /// are one stream, a file or standard output.
    public var writesDirectory: Bool { self == .brat || self == .inline || self == .html }

    /// True for the formats that can be read.
    public var isReadable: Bool { self != .html }

    /// The format of an input path: `.jsonl` (or `-`, standard input) is JSONL, `.conll` is
    /// CoNLL, `.xml` is inline, a `.ann` or `.txt` file is brat; a directory is brat when it
    /// holds `.ann` files below it, else inline when it holds `.xml` files, else JSONL when
    /// it holds `.jsonl` files. Nil when nothing fits.
    public static func guess(input path: String) -> AnnotationFormat? {
        if path == "-" { return .jsonl }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let files = Self.files(under: path)
            if files.contains(where: { $0.hasSuffix(".ann") }) { return .brat }
            if files.contains(where: { $0.hasSuffix("." + InlineFormat.fileExtension) }) { return .inline }
            if files.contains(where: { $0.hasSuffix(".jsonl") }) { return .jsonl }
            return nil
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl": return .jsonl
        case ConllFormat.fileExtension: return .conll
        case InlineFormat.fileExtension: return .inline
        case "ann", "txt": return .brat
        default: return nil
        }
    }

    /// The format of an output path: `.jsonl` is JSONL, `.conll` is CoNLL, and an existing
    /// directory is guessed as an input would be. Nil when nothing fits: a new directory's
    /// format must then be named.
    public static func guess(output path: String) -> AnnotationFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl": return .jsonl
        case ConllFormat.fileExtension: return .conll
        default:
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return guess(input: path)
        }
    }

    /// The text of one document in a stream format (JSONL: one line; CoNLL: its block), or nil
    /// for the directory formats.
    public func streamText(for annotated: AnnotatedDocument) -> String? {
        switch self {
        case .jsonl: return JSONLFormat.line(for: annotated) + "\n"
        case .conll: return ConllFormat.text(for: annotated)
        case .brat, .inline, .html: return nil
        }
    }

    /// What this format cannot write of a document, each problem naming the document and
    /// span. The rest of the document is still written.
    public func problems(writing annotated: AnnotatedDocument) -> [Diagnostic] {
        switch self {
        case .jsonl: return []
        case .brat: return BratFormat.problems(writing: annotated)
        case .inline: return InlineFormat.problems(writing: annotated)
        case .conll: return ConllFormat.problems(writing: annotated)
        case .html: return HtmlFormat.problems(writing: annotated)
        }
    }

    static func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String { files.append(relative) }
        return files
    }
}
