import Foundation

/// The JSONL format of the guidelines: one document a line,
/// `{"id","text","spans":[{"start","end","label","text","rule","attrs"}]}`, offsets in code
/// points, end exclusive.
public enum JSONLFormat {
    /// One output line (without the newline) for an annotated document.
    /// - Parameter includeRules: write each span's `rule` (predictions) or not (gold).
    public static func line(for annotated: AnnotatedDocument, includeRules: Bool = true) -> String {
        var out = "{\"id\":" + JSONText.string(annotated.document.id)
        out += ",\"text\":" + JSONText.string(annotated.document.text)
        out += ",\"spans\":["
        out += annotated.spans.map { span in
            var fields = "{\"start\":\(span.start),\"end\":\(span.end),\"label\":" + JSONText.string(span.label)
            fields += ",\"text\":" + JSONText.string(span.text)
            if includeRules, let rule = span.rule { fields += ",\"rule\":" + JSONText.string(rule) }
            fields += ",\"attrs\":" + JSONText.object(span.attributes) + "}"
            return fields
        }.joined(separator: ",")
        out += "]"
        if !annotated.errors.isEmpty {
            out += ",\"errors\":[" + annotated.errors.map(JSONText.string).joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// Calls `body` with each document of a JSONL file (`-` for standard input), read line by
    /// line; a line that cannot be read becomes a diagnostic naming the file and line, and the
    /// others still come. Blank lines are skipped.
    public static func forEachDocument(in path: String, _ body: (DocumentSource.Item) throws -> Void) rethrows {
        let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
        guard let handle else { return try body(.failure(.error("cannot read \(path)"))) }
        defer { if path != "-" { try? handle.close() } }
        let name = path == "-" ? "<stdin>" : path
        var lineNumber = 0
        for line in LineReader(handle: handle) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            try body(parse(line, at: SourceLocation(file: name, line: lineNumber, column: 1), fallbackID: "\(name):\(lineNumber)"))
        }
    }

    /// The line without a leading byte-order mark (a file's first line may have one), with
    /// every other U+FEFF written `\ufeff`: Foundation's JSONSerialization drops a raw U+FEFF
    /// at the start of a string value, which would shift a span or change its text. A raw
    /// U+FEFF can only stand inside a string in valid JSON, so the escape changes nothing else.
    static func escapingByteOrderMarks(_ line: Data) -> Data {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        // Most lines have no U+FEFF at all: one memchr for its first byte says so.
        let hasMarkByte = line.withUnsafeBytes { bytes in
            bytes.baseAddress.map { memchr($0, 0xEF, bytes.count) != nil } ?? false
        }
        guard hasMarkByte else { return line }
        var bytes = [UInt8](line)
        if bytes.starts(with: mark) { bytes.removeFirst(3) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
                out += Array("\\ufeff".utf8)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return Data(out)
    }

    /// Parses one JSONL line: a document with optional spans.
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - location: file and line for diagnostics.
    ///   - fallbackID: the id to use when the line has none.
    /// - Returns: the document, or a diagnostic naming the file and line.
    public static func parse(_ line: Data, at location: SourceLocation, fallbackID: String) -> Result<AnnotatedDocument, Diagnostic> {
        if case .failure(let problem) = TextDecoding.decodeUTF8(line, source: location.file) {
            return .failure(.error(problem.message, at: SourceLocation(
                file: location.file, line: location.line, column: problem.location?.column ?? 1)))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: escapingByteOrderMarks(line), options: [.fragmentsAllowed])
                    as? [String: Any] else {
                return .failure(.error("expected a JSON object with \"id\" and \"text\"", at: location))
            }
            object = parsed
        } catch {
            return .failure(.error("invalid JSON: \((error as NSError).localizedDescription)", at: location))
        }
        guard let text = object["text"] as? String else {
            return .failure(.error("the document has no \"text\" string", at: location))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        let document = Document(id: id, text: text)
        var spans: [Span] = []
        for (index, item) in ((object["spans"] as? [Any]) ?? []).enumerated() {
            guard let raw = item as? [String: Any],
                  let start = (raw["start"] as? NSNumber)?.intValue, let end = (raw["end"] as? NSNumber)?.intValue,
                  let label = raw["label"] as? String else {
                return .failure(.error("span \(index + 1) of `\(id)` needs integer \"start\", \"end\" and a \"label\"", at: location))
            }
            guard start >= 0, end > start, end <= document.length else {
                return .failure(.error("span \(index + 1) of `\(id)` [\(start), \(end)) is outside the text (length \(document.length))", at: location))
            }
            let covered = document.slice(start, end)
            if let stated = raw["text"] as? String, stated != covered {
                return .failure(.error(
                    "span \(index + 1) of `\(id)` says \"\(stated)\" but the text at [\(start), \(end)) is \"\(covered)\"", at: location))
            }
            var attributes: [String: String] = [:]
            for (key, value) in (raw["attrs"] as? [String: Any]) ?? [:] {
                attributes[key] = (value as? String) ?? (value as? NSNumber)?.stringValue ?? "\(value)"
            }
            spans.append(Span(start: start, end: end, label: label, text: covered, rule: raw["rule"] as? String, attributes: attributes))
        }
        return .success(AnnotatedDocument(document: document, spans: spans))
    }
}
