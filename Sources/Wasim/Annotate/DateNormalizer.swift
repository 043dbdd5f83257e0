/// `normalize date`: the ISO 8601 value (TIMEX3 style) of a date match, read from its named
/// groups:
///
/// - `day`, `day2` (a second, coordinated day), `year`, `year2` (the end of a year range):
///   digits of any script;
/// - `month`: a month name whose lexicon entry has `month=N`, or digits;
/// - `hmonth`: a Hijri month name (`month=N`); the date is converted to the Gregorian
///   calendar with ICU's Umm al-Qura calendar and gets `calendar=hijri` (so does a rule with
///   `attr calendar = hijri`);
/// - any other group contributes its lexicon entry's attributes: `day` (an ordinal day),
///   `mod` (START, MID, END),
///   `decade`, `century`, and for relative dates `unit` (day, week, month, year), `weekday`
///   (1 = Sunday) and `offset` (-1, 0, 1), resolved only when a reference date is given.
///
/// Values: `2022`, `2022-05`, `2022-05-11`, `2022-10-25/2022-10-26`, `2014/2017`, `199`
/// (a decade), `19` (a century), `2022-W19` (a week).
public struct DateNormalizer: Normalizer {
    /// `date`.
    public let name = "date"

    /// Creates the normaliser.
    public init() {}

    public func normalize(_ match: RuleMatch) -> NormalizerOutcome {
        var facts: [String: String] = [:]
        for (group, text) in match.groups where !Self.numericGroups.contains(group) {
            if group == "month", let number = Self.integer(text) {
                facts["month"] = String(number)
                continue
            }
            guard let attributes = match.lexiconAttributes(of: text) else { continue }
            for (key, value) in attributes where facts[key] == nil {
                facts[group == "hmonth" && key == "month" ? "hmonth" : key] = value
            }
        }
        var out: [String: String] = [:]
        if let mod = facts["mod"] { out["mod"] = mod }
        let hijri = facts["hmonth"] != nil || match.attributes["calendar"] == "hijri"
        if hijri { out["calendar"] = "hijri" }

        // A day written as an ordinal (الأول من آذار) comes from its lexicon entry's `day`.
        let day = match.groups["day"].flatMap(Self.integer) ?? facts["day"].flatMap { Int($0) }
        let day2 = match.groups["day2"].flatMap(Self.integer)
        let year = match.groups["year"].flatMap(Self.integer)
        let year2 = match.groups["year2"].flatMap(Self.integer)
        let month = (hijri ? facts["hmonth"] ?? facts["month"] : facts["month"]).flatMap { Int($0) }

        if let year, let year2 {
            guard year2 > year else { return .reject("a year range must go forward: \(year)–\(year2)") }
            out["value"] = "\(CalendarDate.format(year: year))/\(CalendarDate.format(year: year2))"
            return .attributes(out)
        }
        if let decade = facts["decade"] {
            out["value"] = decade
            return .attributes(out)
        }
        if let century = facts["century"] {
            out["value"] = century
            return .attributes(out)
        }
        if let year {
            if let month {
                guard (1...12).contains(month) else { return .reject("no month \(month)") }
                if hijri { return hijriValue(year: year, month: month, day: day, day2: day2, into: out) }
                if let day {
                    guard CalendarDate(year: year, month: month, day: day) != nil else {
                        return .reject("no such day: \(year)-\(month)-\(day)")
                    }
                    if let day2 {
                        guard day2 > day, CalendarDate(year: year, month: month, day: day2) != nil else {
                            return .reject("coordinated days must go forward in the month")
                        }
                        out["value"] = CalendarDate.format(year: year, month: month, day: day) + "/"
                            + CalendarDate.format(year: year, month: month, day: day2)
                    } else {
                        out["value"] = CalendarDate.format(year: year, month: month, day: day)
                    }
                } else {
                    out["value"] = CalendarDate.format(year: year, month: month)
                }
            } else if hijri {
                return hijriValue(year: year, month: 1, day: nil, day2: nil, into: out, yearOnly: true)
            } else {
                out["value"] = CalendarDate.format(year: year)
            }
            return .attributes(out)
        }
        if let day, let month, day > (hijri ? 30 : CalendarDate.daysIn(month: month, year: 2000)) {
            return .reject("no such day: \(day) of month \(month)")
        }
        if let reference = match.referenceDate, let value = relativeValue(facts, day: day, month: hijri ? nil : month, reference: reference) {
            out["value"] = value
        }
        return .attributes(out)
    }

    private static let numericGroups: Set<String> = ["day", "day2", "year", "year2"]

    private func hijriValue(
        year: Int, month: Int, day: Int?, day2: Int?, into attributes: [String: String], yearOnly: Bool = false
    ) -> NormalizerOutcome {
        var out = attributes
        guard let first = ICUCalendar.gregorian(fromHijriYear: year, month: month, day: day ?? 1) else {
            return .reject("ICU cannot convert the Hijri date \(year)-\(month)")
        }
        if yearOnly {
            out["value"] = CalendarDate.format(year: first.year)
        } else if let day {
            guard (1...30).contains(day) else { return .reject("no Hijri day \(day)") }
            out["value"] = CalendarDate.format(year: first.year, month: first.month, day: first.day)
            if let day2, let second = ICUCalendar.gregorian(fromHijriYear: year, month: month, day: day2) {
                out["value"]! += "/" + CalendarDate.format(year: second.year, month: second.month, day: second.day)
            }
        } else {
            out["value"] = CalendarDate.format(year: first.year, month: first.month)
        }
        return .attributes(out)
    }

    private func relativeValue(_ facts: [String: String], day: Int?, month: Int?, reference: CalendarDate) -> String? {
        let offset = facts["offset"].flatMap { Int($0) } ?? 0
        if let month {
            // `مارس الماضي`: the last March before the reference month; `المقبل`: the next one.
            var year = reference.year
            if offset < 0, month >= reference.month { year -= 1 }
            if offset > 0, month <= reference.month { year += 1 }
            guard let day else { return CalendarDate.format(year: year, month: month) }
            return CalendarDate(year: year, month: month, day: day)?.description
        }
        if let weekday = facts["weekday"].flatMap({ Int($0) }) {
            var delta = weekday - reference.weekday
            switch offset {
            case ..<0: if delta >= 0 { delta -= 7 }
            case 1...: if delta <= 0 { delta += 7 }
            default: if delta > 3 { delta -= 7 } else if delta < -3 { delta += 7 }
            }
            return reference.adding(days: delta).description
        }
        switch facts["unit"] {
        case "day": return reference.adding(days: offset).description
        case "week": return Self.isoWeek(of: reference.adding(days: 7 * offset))
        case "month":
            let index = reference.year * 12 + (reference.month - 1) + offset
            return CalendarDate.format(year: index / 12, month: index % 12 + 1)
        case "year": return CalendarDate.format(year: reference.year + offset)
        default: return nil
        }
    }

    /// ISO 8601 week, e.g. `2022-W19`.
    static func isoWeek(of date: CalendarDate) -> String {
        let isoWeekday = (date.weekday + 5) % 7 + 1  // Monday = 1 … Sunday = 7
        let thursday = date.adding(days: 4 - isoWeekday)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.dayNumber - january1.dayNumber) / 7 + 1
        return CalendarDate.format(year: thursday.year) + "-W" + (week < 10 ? "0\(week)" : "\(week)")
    }

    /// The value of a run of digits of any script, ignoring anything else.
    static func integer(_ text: String) -> Int? {
        var value = 0
        var seen = false
        for scalar in text.unicodeScalars {
            guard let digit = ArabicScript.digitValue(scalar) else {
                if seen { break } else { continue }
            }
            value = value * 10 + digit
            seen = true
        }
        return seen ? value : nil
    }
}
