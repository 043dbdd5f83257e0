/// The folding of single UTF-16 code units that lexicon keys and the start filter share:
/// letter variants become the first of their group (أ → ا), the Arabic-Indic and Eastern
/// Arabic-Indic digits become ASCII, and optional marks (harakat, superscript alef, tatweel)
/// are skipped. It agrees with ``ArabicScript/foldedKey(_:)`` on every single character.
enum TextFolding {
    private static let table: [UInt16] = {
        var table = (0...0xFFFF).map { UInt16($0) }
        for group in ArabicScript.variantGroups {
            let base = UInt16(group[0].value)
            for letter in group { table[Int(letter.value)] = base }
        }
        for digit in 0..<10 {
            table[0x0660 + digit] = UInt16(0x30 + digit)
            table[0x06F0 + digit] = UInt16(0x30 + digit)
        }
        return table
    }()

    /// The folded form of a code unit.
    @inline(__always)
    static func fold(_ unit: UInt16) -> UInt16 { table[Int(unit)] }

    /// The coarser key the start filter compares: ``fold(_:)``, with every decimal digit of
    /// the three families made `0` (a filter needs to know that a digit is there, not which;
    /// and digit patterns would otherwise multiply into thousands of beginnings).
    @inline(__always)
    static func filterKey(_ unit: UInt16) -> UInt16 { filterKeys[Int(unit)] }

    /// ``filterKey(_:)`` for every code unit.
    static let filterKeys: [UInt16] = table.map { (0x30...0x39).contains($0) ? 0x30 : $0 }

    /// True for the optional marks, which folding drops.
    @inline(__always)
    static func isSkipped(_ unit: UInt16) -> Bool {
        (0x064B...0x0652).contains(unit) || unit == 0x0670 || unit == 0x0640
    }
}
