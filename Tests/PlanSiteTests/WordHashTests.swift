import Foundation
import XCTest
@testable import PlanSite

/// The hash of every written file, and the checksum of the manifest and the load cache.
final class WordHashTests: XCTestCase {
    func testTheWordHashDoesNotDependOnThePiecesItIsFedIn() {
        let bytes = (0..<41).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        // The definition: FNV-1a over little-endian 64-bit words, then over the last bytes.
        var expected: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in stride(from: 0, to: bytes.count - 7, by: 8) {
            expected ^= (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[word + $1]) << (8 * UInt64($1)) }
            expected = expected &* 0x0000_0100_0000_01B3
        }
        for byte in bytes[(bytes.count / 8 * 8)...] {
            expected ^= UInt64(byte)
            expected = expected &* 0x0000_0100_0000_01B3
        }
        XCTAssertEqual(bytes.withUnsafeBytes { WordHash.of($0) }, expected)
        XCTAssertEqual(WordHash.of(Data(bytes)), expected)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                var hash = WordHash()
                bytes[..<first].withUnsafeBytes { hash.add($0) }
                bytes[first..<second].withUnsafeBytes { hash.add($0) }
                bytes[second...].withUnsafeBytes { hash.add($0) }
                XCTAssertEqual(hash.value, expected, "\(first) \(second)")
            }
        }
    }
}
