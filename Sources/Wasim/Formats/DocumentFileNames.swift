/// File names for documents written one a file (brat, inline, HTML): the document id when it
/// is a safe file name, otherwise the id with unsafe characters replaced by `_`, and a
/// `-2`, `-3`, … suffix when two documents would share a name.
///
/// Readers take a document's id from its file name, so an id that had to change will read
/// back changed; ``name(for:)`` says so with a warning.
///
/// ```swift
/// var names = DocumentFileNames(reserved: ["index"])
/// names.name(for: "a/b").name  // "a_b", with a warning
/// ```
public struct DocumentFileNames: Sendable {
    private var used: Set<String>

    /// Creates a namer; `reserved` names (compared without case) are never given out.
    public init(reserved: Set<String> = []) {
        used = Set(reserved.map { $0.lowercased() })
    }

    /// The file name (without extension) for a document id, and a warning when it is not the
    /// id itself.
    public mutating func name(for id: String) -> (name: String, warning: Diagnostic?) {
        var base = String(String.UnicodeScalarView(id.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || "/\\:*?\"<>|".unicodeScalars.contains(scalar) ? "_" : scalar
        }))
        if base.isEmpty || base.hasPrefix(".") { base = "_" + base }
        var name = base
        var suffix = 2
        // Case-insensitive file systems (macOS) would merge names that differ only in case.
        while used.contains(name.lowercased()) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(name.lowercased())
        let warning: Diagnostic? = name == id ? nil
            : .warning("document `\(id)` is written as `\(name)`; its id will read back as `\(name)`")
        return (name, warning)
    }
}
