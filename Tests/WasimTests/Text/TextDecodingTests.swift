import Foundation
import XCTest

@testable import Wasim

final class TextDecodingTests: XCTestCase {
    func testValidUTF8Decodes() throws {
        let result = TextDecoding.decodeUTF8(Data("ماي".utf8), source: "a.txt")
        XCTAssertEqual(try result.get(), "ماي")
    }

    func testInvalidByteIsLocatedByLineAndColumn() {
        var bytes = Array("سطر\nماي ".utf8)
        bytes.append(0xFF)
        guard case .failure(let diagnostic) = TextDecoding.decodeUTF8(Data(bytes), source: "bad.txt") else {
            return XCTFail("invalid UTF-8 was accepted")
        }
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "bad.txt", line: 2, column: 5))
        XCTAssertTrue(diagnostic.message.contains("0xFF"), diagnostic.message)
    }

    func testTruncatedSequenceIsInvalid() {
        let bytes: [UInt8] = [0xD9]  // the first byte of a two-byte Arabic letter
        guard case .failure = TextDecoding.decodeUTF8(Data(bytes), source: "t.txt") else {
            return XCTFail("a truncated sequence was accepted")
        }
    }
}
