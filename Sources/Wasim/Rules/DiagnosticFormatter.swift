import Foundation

/// Prints diagnostics the way compilers do: `file:line:col: error: message`, then the source
/// line and a caret under the column, then the notes.
///
/// Source lines are read from disk on demand and cached per file.
public struct DiagnosticFormatter {
    private var cache: [String: [Substring]] = [:]
    private let sources: [String: String]

    /// Creates a formatter. `sources` provides file contents that are not on disk (e.g. a
    /// rule typed on the command line), by path.
    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    /// The diagnostic with its source excerpt and notes, ending with a newline.
    public mutating func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description + "\n"
        if let location = diagnostic.location { out += excerpt(at: location) }
        for note in diagnostic.notes {
            let prefix = note.location.map { "\($0): " } ?? ""
            out += "\(prefix)note: \(note.message)\n"
            if let location = note.location { out += excerpt(at: location) }
        }
        return out
    }

    /// Every diagnostic, formatted, followed by a count line when there is more than one.
    public mutating func format(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.map { format($0) }.joined()
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        return out
    }

    private mutating func excerpt(at location: SourceLocation) -> String {
        let lines = lines(of: location.file)
        guard location.line >= 1, location.line <= lines.count else { return "" }
        let line = String(lines[location.line - 1])
        let width = max(0, location.column - 1)
        // Keep tabs so that the caret lines up under tab-indented text.
        let padding = line.unicodeScalars.prefix(width).map { $0 == "\t" ? "\t" : " " }.joined()
        return "  \(line)\n  \(padding)^\n"
    }

    private mutating func lines(of file: String) -> [Substring] {
        if let cached = cache[file] { return cached }
        let text = sources[file] ?? (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        // Split on the scalar and drop a trailing "\r": in a CRLF file the Character "\r\n" is
        // not "\n", and the excerpt would miss every line but the first.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
        cache[file] = lines
        return lines
    }
}
