import Foundation

/// The documents named on a command line: `.txt` files, `.jsonl` files of `{"id","text"}`,
/// directories (every `.txt` and `.jsonl` below, sorted), or `-` for JSONL on standard input.
///
/// Documents are produced one at a time, so a large input streams through in constant memory.
/// A document that cannot be read (invalid UTF-8, bad JSON) becomes a diagnostic naming the
/// file and line, and the others still come.
public struct DocumentSource: Sendable {
    /// One item: a document (possibly with spans, from JSONL) or a problem.
    public typealias Item = Result<AnnotatedDocument, Diagnostic>

    /// The inputs as given.
    public let inputs: [String]

    /// Creates a source over paths (and `-`).
    public init(inputs: [String]) {
        self.inputs = inputs
    }

    /// Calls `body` for every document in input order.
    public func forEach(_ body: (Item) throws -> Void) rethrows {
        for input in inputs {
            if input == "-" {
                try readJSONL(handle: FileHandle.standardInput, name: "<stdin>", body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                try body(.failure(.error("no such file or directory: \(input)")))
                continue
            }
            let files = isDirectory.boolValue ? Self.documentFiles(under: input) : [input]
            for file in files { try readFile(file, body) }
        }
    }

    /// The `.txt` and `.jsonl` files below a directory, sorted.
    public static func documentFiles(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".txt") || relative.hasSuffix(".jsonl") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    private func readFile(_ path: String, _ body: (Item) throws -> Void) rethrows {
        if path.hasSuffix(".jsonl") {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                try body(.failure(.error("cannot read \(path)")))
                return
            }
            defer { try? handle.close() }
            try readJSONL(handle: handle, name: path, body)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            try body(.failure(.error("cannot read \(path)")))
            return
        }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        switch TextDecoding.decodeUTF8(data, source: path) {
        case .success(let text): try body(.success(AnnotatedDocument(document: Document(id: id, text: text), spans: [])))
        case .failure(let diagnostic): try body(.failure(diagnostic))
        }
    }

    private func readJSONL(handle: FileHandle, name: String, _ body: (Item) throws -> Void) rethrows {
        var lineNumber = 0
        for line in LineReader(handle: handle) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let location = SourceLocation(file: name, line: lineNumber, column: 1)
            try body(JSONLFormat.parse(line, at: location, fallbackID: "\(name):\(lineNumber)"))
        }
    }
}
