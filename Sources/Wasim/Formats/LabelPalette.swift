/// The colour of each label, shared by the HTML pages and brat's `visual.conf`, so that a
/// label looks the same wherever it is shown.
///
/// The labels of the guidelines have fixed colours; any other label gets one of a few spare
/// colours chosen from a stable hash of its name (the same in every run and on every machine).
///
/// ```swift
/// LabelPalette.color(for: "DATE")  // "#ffd166"
/// ```
public enum LabelPalette {
    /// The labels of the guidelines in the order the guidelines give them, with their colours.
    public static let guidelineColors: [(label: String, color: String)] = [
        ("DATE", "#ffd166"),
        ("NUMBER", "#9bf6ff"),
        ("LOCATION", "#b9fbc0"),
        ("AGENCY", "#ffadad"),
        ("ORGANIZATION", "#d0bfff"),
        ("PERSON", "#ffc6ff"),
        ("TIME", "#a0c4ff"),
        ("PERCENT", "#fdffb6"),
        ("MONEY", "#ffd6a5"),
    ]

    /// Colours for labels outside the guidelines.
    static let spareColors = ["#e4e4e4", "#c7f9cc", "#f1c0e8", "#90dbf4", "#fbf8cc", "#98f5e1", "#cfbaf0", "#f0b8b8"]

    private static let fixed = Dictionary(uniqueKeysWithValues: guidelineColors.map { ($0.label, $0.color) })

    /// The background colour of a label, as `#rrggbb`.
    public static func color(for label: String) -> String {
        if let color = fixed[label] { return color }
        // FNV-1a over the UTF-8 bytes: Swift's own hashing is seeded per process.
        var hash: UInt32 = 2_166_136_261
        for byte in label.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return spareColors[Int(hash % UInt32(spareColors.count))]
    }

    /// Labels in display order: the guidelines' labels in their order, then the others sorted.
    public static func ordered<S: Sequence>(_ labels: S) -> [String] where S.Element == String {
        let present = Set(labels)
        let known = guidelineColors.map(\.label).filter(present.contains)
        return known + present.subtracting(known).sorted()
    }
}
