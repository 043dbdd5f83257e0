import XCTest

@testable import Wasim

final class DateNormalizerTests: XCTestCase {
    private let months = Lexicon(name: "M", entries: [
        .init(text: "ماي", attributes: ["month": "5"]), .init(text: "أكتوبر", attributes: ["month": "10"]),
        .init(text: "فبراير", attributes: ["month": "2"]),
    ])
    private let hijri = Lexicon(name: "H", entries: [.init(text: "شوال", attributes: ["month": "10"])])
    private let relative = Lexicon(name: "R", entries: [
        .init(text: "الأربعاء", attributes: ["weekday": "4"]), .init(text: "الماضي", attributes: ["offset": "-1"]),
        .init(text: "الأسبوع", attributes: ["unit": "week"]), .init(text: "أمس", attributes: ["unit": "day", "offset": "-1"]),
        .init(text: "نهاية", attributes: ["mod": "END"]),
    ])

    private func normalize(_ groups: [String: String], attributes: [String: String] = [:], reference: CalendarDate? = nil) -> NormalizerOutcome {
        DateNormalizer().normalize(RuleMatch(text: "", groups: groups, attributes: attributes, referenceDate: reference,
                                             lexicons: [months, hijri, relative]))
    }

    func testDayMonthYear() {
        XCTAssertEqual(normalize(["day": "11", "month": "ماي", "year": "2022"]), .attributes(["value": "2022-05-11"]))
        XCTAssertEqual(normalize(["day": "١١", "month": "5", "year": "٢٠٢٢"]), .attributes(["value": "2022-05-11"]))
    }

    func testMonthYearAndYear() {
        XCTAssertEqual(normalize(["month": "ماي", "year": "2022"]), .attributes(["value": "2022-05"]))
        XCTAssertEqual(normalize(["year": "2015"]), .attributes(["value": "2015"]))
    }

    func testModifier() {
        XCTAssertEqual(normalize(["mod": "نهاية", "month": "ماي", "year": "2022"]), .attributes(["value": "2022-05", "mod": "END"]))
    }

    func testCoordinatedDaysAndYearRanges() {
        XCTAssertEqual(normalize(["day": "25", "day2": "26", "month": "أكتوبر", "year": "2022"]),
                       .attributes(["value": "2022-10-25/2022-10-26"]))
        XCTAssertEqual(normalize(["year": "2014", "year2": "2017"]), .attributes(["value": "2014/2017"]))
    }

    func testImpossibleDaysAreRejected() {
        guard case .reject = normalize(["day": "30", "month": "فبراير", "year": "2022"]) else { return XCTFail() }
        XCTAssertEqual(normalize(["day": "29", "month": "فبراير", "year": "2024"]), .attributes(["value": "2024-02-29"]))
    }

    func testHijriDateIsConvertedWithUmmAlQura() {
        // 10 Shawwal 1443 AH = 11 May 2022 (Umm al-Qura).
        XCTAssertEqual(normalize(["day": "10", "hmonth": "شوال", "year": "1443"]),
                       .attributes(["value": "2022-05-11", "calendar": "hijri"]))
    }

    func testRelativeDatesNeedAReferenceDate() {
        XCTAssertEqual(normalize(["rel": "أمس"]), .attributes([:]))
        let friday = CalendarDate(year: 2022, month: 5, day: 13)!
        XCTAssertEqual(normalize(["rel": "أمس"], reference: friday), .attributes(["value": "2022-05-12"]))
        XCTAssertEqual(normalize(["rel": "الأربعاء", "dir": "الماضي"], reference: friday), .attributes(["value": "2022-05-11"]))
        XCTAssertEqual(normalize(["rel": "الأسبوع", "dir": "الماضي"], reference: friday), .attributes(["value": "2022-W18"]))
    }

    func testCalendarArithmetic() {
        let date = CalendarDate(year: 2024, month: 2, day: 28)!
        XCTAssertEqual(date.adding(days: 2).description, "2024-03-01")
        XCTAssertEqual(CalendarDate(year: 2021, month: 5, day: 31)!.weekday, 2)  // a Monday
        XCTAssertNil(CalendarDate(iso: "2023-02-29"))
    }
}
