/// A document's UTF-16 text without its optional marks (harakat U+064B–U+0652, superscript
/// alef U+0670, tatweel U+0640), with the way back to the original offsets.
///
/// Rules whose diacritics are optional (the default) match this text: their patterns then
/// need no marks after every letter, which keeps ICU patterns small and fast. A match maps
/// back so that it covers the marks written on its letters, as if they had been matched:
///
/// ```swift
/// let text = MarkFreeText(Array("وَالمَغْرِبُ".utf16))  // "والمغرب"
/// text.originalRange(1..<7)  // 2..<12: "المَغْرِبُ", with the final damma
/// ```
public struct MarkFreeText: Sendable {
    /// The text without optional marks.
    public let units: [UInt16]
    /// For each unit of ``units``, its offset in the original text.
    private let originalOffsets: [Int32]
    /// The original text.
    private let original: [UInt16]

    /// Removes the optional marks of a text.
    public init(_ original: [UInt16]) {
        var units: [UInt16] = []
        var offsets: [Int32] = []
        units.reserveCapacity(original.count)
        offsets.reserveCapacity(original.count)
        for (offset, unit) in original.enumerated() where !TextFolding.isSkipped(unit) {
            units.append(unit)
            offsets.append(Int32(offset))
        }
        self.units = units
        self.originalOffsets = offsets
        self.original = original
    }

    /// True when the text had no optional marks (the two texts are the same).
    public var isUnchanged: Bool { units.count == original.count }

    /// The original UTF-16 range of a range of ``units``: from its first unit to its last,
    /// plus the marks that follow a final Arabic letter.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let offset = range.lowerBound < units.count ? Int(originalOffsets[range.lowerBound]) : original.count
            return offset..<offset
        }
        let start = Int(originalOffsets[range.lowerBound])
        var end = Int(originalOffsets[range.upperBound - 1]) + 1
        if WordCharacters.isArabicLetter(original[end - 1]) {
            while end < original.count, TextFolding.isSkipped(original[end]) { end += 1 }
        }
        return start..<end
    }
}
