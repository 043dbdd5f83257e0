/// Remembers where each name of one kind (rule, macro, lexicon) was first declared, so that a
/// second declaration becomes a diagnostic pointing at both places.
struct DeclarationRegistry {
    /// What is being named, for messages: "rule name", "macro", "lexicon".
    let kind: String
    private var first: [String: SourceLocation] = [:]

    init(kind: String) {
        self.kind = kind
    }

    /// Records a declaration; returns the duplicate error when the name is already taken.
    mutating func claim(_ name: String, at location: SourceLocation) -> Diagnostic? {
        if let earlier = first[name] {
            return .error("duplicate \(kind) `\(name)`", at: location, notes: [.init("first defined here", at: earlier)])
        }
        first[name] = location
        return nil
    }
}
