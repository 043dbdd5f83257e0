/// A position in a source file: 1-based line and column, the column counted in characters
/// (Unicode code points) so that it means the same in an editor and in a terminal.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in code points.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location `count` code points further on the same line.
    public func advanced(by count: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + count)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    /// The rule pack cannot be used as written.
    case error
    /// Suspicious but usable.
    case warning
    /// Extra information attached to another diagnostic.
    case note
}

/// A problem found in the rules, a document or a gold file, as a value: what is wrong and
/// where. Producing diagnostics and printing them are separate (see ``DiagnosticFormatter``).
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How serious it is.
    public var severity: Severity
    /// One sentence saying what is wrong.
    public var message: String
    /// Where, when a source position is known.
    public var location: SourceLocation?
    /// Further notes, e.g. "first defined here".
    public var notes: [Note]

    /// A secondary message with its own location.
    public struct Note: Hashable, Sendable {
        /// The note's text.
        public var message: String
        /// Where it points, if anywhere.
        public var location: SourceLocation?
        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error at a location.
    public static func error(_ message: String, at location: SourceLocation? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    /// A warning at a location.
    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:col: error: message`, the form editors and CI logs understand.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
