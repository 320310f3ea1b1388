import Foundation
import PlanMarkdown

/// A content or theme file read into memory, as text.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics (relative to the working folder where possible).
    public let displayPath: String
    /// The text, without a UTF-8 byte order mark and with Windows line endings made `\n`.
    public let text: String

    public init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }

    public func location(line: Int = 0, column: Int = 0) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }

    /// Decodes bytes strictly as UTF-8: a file saved in another encoding is reported at the
    /// line and column of its first invalid byte, never silently mangled.
    public static func decode(_ data: Data, displayPath: String) -> Result<SourceFile, Diagnostic> {
        decode(bytes: [UInt8](data), displayPath: displayPath)
    }

    static func decode(bytes: [UInt8], displayPath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(3) }
        // Line endings are made `\n` on the bytes, before decoding: a scan of bytes is far
        // cheaper than a search of the decoded String.
        if hasCarriageReturn(bytes) { bytes = unixLineEndings(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let badOffset = firstInvalidUTF8Offset(bytes) ?? 0
            let (line, column) = lineAndColumn(of: badOffset, in: bytes)
            return .failure(
                .error(
                    SourceLocation(path: displayPath, line: line, column: column),
                    "file is not valid UTF-8 (byte 0x\(String(bytes[badOffset], radix: 16, uppercase: true))); "
                        + "save it as UTF-8"
                ))
        }
        if let offset = ControlCharacters.firstOffset(in: bytes) {
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            return .failure(
                .error(
                    SourceLocation(path: displayPath, line: line, column: column),
                    "control character \(ControlCharacters.name(at: offset, in: bytes)) in the text: "
                        + "remove it (it is invisible, and invalid in a page)"))
        }
        return .success(SourceFile(displayPath: displayPath, text: text))
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether `decode` keeps these bytes as they are (no byte order mark, no carriage return):
    /// then a file already checked can be read again as its bytes.
    static func readsAsItsBytes(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: byteOrderMark) && !hasCarriageReturn(bytes)
    }

    /// Eight bytes at a time: every content file is looked through for one.
    private static func hasCarriageReturn(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { utf8 in
            WordScan.firstIndex(
                in: utf8, from: 0, words: { WordScan.matches($0, UInt8(ascii: "\r")) },
                where: { $0 == UInt8(ascii: "\r") }) < utf8.count
        }
    }

    /// `\r\n` and a lone `\r` become `\n`.
    private static func unixLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    private static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
