import CICU

/// An error reported by ICU, with its symbolic name.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's status code.
    public let status: Int32
    /// ICU's name for the status, e.g. `U_REGEX_RULE_SYNTAX`.
    public var name: String { String(cString: cicu_error_name(status)) }
    /// True when matching gave up because the time limit was reached.
    public var isTimeOut: Bool { status == cicu_status_time_out() }
    /// True when matching gave up because the backtracking stack limit was reached.
    public var isStackOverflow: Bool { status == cicu_status_stack_overflow() }
    public var description: String { name }
}

/// A pattern ICU could not compile, with the position ICU blames.
public struct ICUPatternError: Error, Sendable, Equatable {
    /// ICU's status.
    public let error: ICUError
    /// Code-point offset in the pattern just after the construct ICU rejects (ICU reports a
    /// line and a column; the patterns compiled here have one line).
    public let offset: Int
}

/// Options for compiling an ICU pattern.
public struct ICURegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Case-insensitive matching (matters for Latin script only).
    public static let caseInsensitive = ICURegexOptions(rawValue: UInt32(CICU_REGEX_CASE_INSENSITIVE))
}

/// A compiled ICU regular expression and its match state. The one owner of ICU regex handles:
/// it closes its handle when released.
///
/// A matcher keeps state (the text and the last match), so one instance must not be shared by
/// threads at once; ``clone()`` gives another with the same compiled pattern.
public final class ICURegex: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The text being matched; ICU does not copy it, so it is kept alive here.
    private var text: [UInt16] = []
    /// The pattern as compiled.
    public let pattern: String
    /// The limits set, which a clone must set again (ICU's clone does not copy them).
    private var timeLimit: Int32 = 0
    private var stackLimit: Int32?

    /// Compiles a pattern.
    /// - Throws: ``ICUPatternError`` with ICU's error position.
    public init(_ pattern: String, options: ICURegexOptions = []) throws(ICUPatternError) {
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        var line: Int32 = 0
        var column: Int32 = 0
        let opened = units.withUnsafeBufferPointer { buffer in
            cicu_regex_open(buffer.baseAddress, Int32(buffer.count), options.rawValue, &status, &line, &column)
        }
        guard let opened, cicu_failed(status) == 0 else {
            throw ICUPatternError(error: ICUError(status: status), offset: Int(max(column, 0)))
        }
        self.handle = opened
        self.pattern = pattern
    }

    private init(handle: OpaquePointer, pattern: String) {
        self.handle = handle
        self.pattern = pattern
    }

    deinit { cicu_regex_close(handle) }

    /// A matcher with the same compiled pattern and limits, for use on another thread.
    public func clone() throws(ICUError) -> ICURegex {
        var status: Int32 = 0
        guard let copy = cicu_regex_clone(handle, &status), cicu_failed(status) == 0 else {
            throw ICUError(status: status)
        }
        let clone = ICURegex(handle: copy, pattern: pattern)
        try clone.setTimeLimit(timeLimit)
        if let stackLimit { try clone.setStackLimit(stackLimit) }
        return clone
    }

    /// Limits the work of one match (ICU's units, roughly milliseconds); 0 means none.
    public func setTimeLimit(_ limit: Int32) throws(ICUError) {
        var status: Int32 = 0
        cicu_regex_set_time_limit(handle, limit, &status)
        try check(status)
        timeLimit = limit
    }

    /// Limits the backtracking stack in bytes; 0 means none.
    public func setStackLimit(_ bytes: Int32) throws(ICUError) {
        var status: Int32 = 0
        cicu_regex_set_stack_limit(handle, bytes, &status)
        try check(status)
        stackLimit = bytes
    }

    /// The number of the group with this name, if the pattern has one.
    public func groupNumber(named name: String) -> Int? {
        var status: Int32 = 0
        let number = cicu_regex_group_number(handle, name, &status)
        return cicu_failed(status) == 0 && number >= 0 ? Int(number) : nil
    }

    /// The number of capture groups.
    public var groupCount: Int {
        var status: Int32 = 0
        return Int(cicu_regex_group_count(handle, &status))
    }

    /// Every non-overlapping match in a UTF-16 text, as UTF-16 ranges of the requested groups
    /// (index 0 of each result is group 0; an unmatched group is `nil`).
    ///
    /// - Parameters:
    ///   - utf16: the text.
    ///   - groups: group numbers to report for each match.
    ///   - body: called for each match; return `false` to stop.
    /// - Throws: ``ICUError`` when matching fails, e.g. on the time limit.
    public func forEachMatch(
        in utf16: [UInt16], groups: [Int] = [0],
        _ body: ([Range<Int>?]) -> Bool
    ) throws(ICUError) {
        try withText(utf16) { () throws(ICUError) in
            var status: Int32 = 0
            var ranges: [Range<Int>?] = Array(repeating: nil, count: groups.count)
            while cicu_regex_find_next(handle, &status) == 1 {
                try read(groups, into: &ranges)
                if !body(ranges) { return }
            }
            try check(status)
        }
    }

    /// The same matches as ``forEachMatch(in:groups:_:)`` when every match starts at one of
    /// `starts`: the pattern is tried only there, in order, skipping starts inside the
    /// previous match, as a full scan would.
    ///
    /// - Parameters:
    ///   - utf16: the text.
    ///   - starts: ascending UTF-16 offsets where a match may start.
    ///   - groups: group numbers to report for each match.
    ///   - body: called for each match; return `false` to stop.
    /// - Throws: ``ICUError`` when matching fails, e.g. on the time limit.
    public func forEachMatch(
        in utf16: [UInt16], startingOnlyAt starts: [Int], groups: [Int] = [0],
        _ body: ([Range<Int>?]) -> Bool
    ) throws(ICUError) {
        guard !starts.isEmpty else { return }
        try withText(utf16) { () throws(ICUError) in
            var status: Int32 = 0
            var ranges: [Range<Int>?] = Array(repeating: nil, count: groups.count)
            var resume = 0
            for start in starts where start >= resume {
                guard cicu_regex_looking_at(handle, Int32(start), &status) == 1 else {
                    try check(status)
                    continue
                }
                let end = Int(cicu_regex_end(handle, 0, &status))
                // A full scan resumes at the end of a match, or one further after an empty one.
                resume = end > start ? end : start + 1
                try read(groups, into: &ranges)
                if !body(ranges) { return }
            }
        }
    }

    /// Sets the text for the duration of `body` (ICU does not copy it, so it is kept alive).
    private func withText(_ utf16: [UInt16], _ body: () throws(ICUError) -> Void) throws(ICUError) {
        // ICU needs a non-null buffer; an empty text has nothing to find.
        guard !utf16.isEmpty else { return }
        text = utf16
        defer { text = [] }
        var status: Int32 = 0
        text.withUnsafeBufferPointer { buffer in
            cicu_regex_set_text(handle, buffer.baseAddress, Int32(buffer.count), &status)
        }
        try check(status)
        try body()
    }

    /// The ranges of the requested groups of the last match.
    private func read(_ groups: [Int], into ranges: inout [Range<Int>?]) throws(ICUError) {
        var status: Int32 = 0
        for (slot, group) in groups.enumerated() {
            let start = Int(cicu_regex_start(handle, Int32(group), &status))
            let end = Int(cicu_regex_end(handle, Int32(group), &status))
            ranges[slot] = start >= 0 && end >= start ? start..<end : nil
        }
        try check(status)
    }

    private func check(_ status: Int32) throws(ICUError) {
        if cicu_failed(status) != 0 { throw ICUError(status: status) }
    }
}

/// Character classes as the system ICU's regular expressions see them (its Unicode version,
/// which may be older than Swift's own tables).
public enum ICUCharacters {
    /// ICU's `\w`: alphabetic, marks, decimal digits, connector punctuation, ZWNJ and ZWJ.
    public static func isWord(_ scalar: UInt32) -> Bool { cicu_is_word(Int32(bitPattern: scalar)) == 1 }

    /// ICU's `\s`: tab, line feed, form feed, carriage return and the separators.
    public static func isSpace(_ scalar: UInt32) -> Bool { cicu_is_space(Int32(bitPattern: scalar)) == 1 }
}

/// Calendar conversions backed by ICU.
public enum ICUCalendar {
    /// Converts an Umm al-Qura Hijri date to the Gregorian calendar.
    /// - Returns: `(year, month, day)`, or `nil` when ICU rejects the date.
    public static func gregorian(fromHijriYear year: Int, month: Int, day: Int) -> (year: Int, month: Int, day: Int)? {
        var y: Int32 = 0
        var m: Int32 = 0
        var d: Int32 = 0
        guard cicu_hijri_to_gregorian(Int32(year), Int32(month), Int32(day), &y, &m, &d) == 1 else { return nil }
        return (Int(y), Int(m), Int(d))
    }
}
