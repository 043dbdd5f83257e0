/// An offset in Unicode code points (scalars): the unit of spans, brat standoff and Python
/// string indices.
public typealias CodePointOffset = Int

/// Converts offsets between UTF-16 code units and Unicode code points for one text.
///
/// Texts without astral characters (the usual case) need no table: both units agree.
/// Otherwise a table of the UTF-16 position of every code point is kept.
///
/// - Complexity: O(1) per conversion from code points, O(log n) from UTF-16.
public struct OffsetMap: Sendable {
    /// UTF-16 start of each code point, plus the total at the end; empty when the text has
    /// no surrogate pairs.
    private let utf16Starts: [Int]
    /// Number of UTF-16 code units.
    public let utf16Count: Int
    /// Number of code points.
    public let codePointCount: Int

    /// Builds the map for a UTF-16 buffer.
    public init<C: Collection>(utf16: C) where C.Element == UInt16 {
        var starts: [Int] = []
        var hasPairs = false
        for unit in utf16 where UTF16.isTrailSurrogate(unit) {
            hasPairs = true
            break
        }
        var count = 0
        if hasPairs {
            starts.reserveCapacity(utf16.count + 1)
            var index = 0
            var iterator = utf16.makeIterator()
            var pendingLead = false
            while let unit = iterator.next() {
                if UTF16.isTrailSurrogate(unit) && pendingLead {
                    pendingLead = false
                } else {
                    starts.append(index)
                    pendingLead = UTF16.isLeadSurrogate(unit)
                }
                index += 1
            }
            count = starts.count
            starts.append(index)
        } else {
            count = utf16.count
        }
        self.utf16Starts = starts
        self.utf16Count = utf16.count
        self.codePointCount = count
    }

    /// The UTF-16 offset of a code-point offset (0...codePointCount).
    public func utf16(atCodePoint offset: CodePointOffset) -> Int {
        utf16Starts.isEmpty ? offset : utf16Starts[offset]
    }

    /// The code-point offset of a UTF-16 offset. An offset inside a surrogate pair maps to
    /// the code point that contains it.
    public func codePoint(atUTF16 offset: Int) -> CodePointOffset {
        if utf16Starts.isEmpty { return offset }
        var low = 0
        var high = utf16Starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if utf16Starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
