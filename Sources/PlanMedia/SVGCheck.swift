import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One reason an SVG file is refused, at its 1-based line and column (in characters).
public struct SVGProblem: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
}

/// What the check found in an SVG file.
public struct SVGCheckResult: Sendable, Equatable {
    /// In document order; the file is published only when there are none.
    public let problems: [SVGProblem]
    /// The root's `width` and `height` (unitless or px), else its `viewBox`'s; nil when
    /// neither says (the page then gives the picture no intrinsic size).
    public let width: Double?
    public let height: Double?
}

/// The checks an SVG passes before it is published as it is (CONTENT.md, "Media"): it is
/// well-formed XML with an `svg` root, and holds nothing that runs or loads: no scripts, no
/// event handlers, no `foreignObject` or HTML, no reference to another file or host
/// (`href` other than `#id`, `url(…)` other than `url(#id)`, `@import`, a stylesheet
/// instruction, entities). A browser opening the file's address runs what an `<img>` would not.
public enum SVGCheck {
    public static func check(_ data: Data) -> SVGCheckResult {
        let bytes = [UInt8](data)
        let scan = SVGMarkupScan(bytes)
        let positions = SourcePositions(bytes)
        if let subset = scan.internalSubset {
            // Entities are declared there; the file is not parsed further, so none is expanded.
            let place = positions.at(subset)
            return SVGCheckResult(
                problems: [
                    SVGProblem(
                        line: place.line, column: place.column,
                        message: "a DOCTYPE with declarations ([…]) is not allowed")
                ],
                width: nil, height: nil)
        }
        var problems = scan.instructions.map { instruction in
            let place = positions.at(instruction.offset)
            return SVGProblem(
                line: place.line, column: place.column,
                message: "processing instruction '<?\(instruction.target)' is not allowed")
        }
        let reader = SVGReader(scan: scan, positions: positions)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // Foundation's parser on Linux returns true after an error, and says nothing of an
        // element left open at the end: the reader notes both.
        _ = parser.parse()
        reader.finish(at: positions.at(bytes.count))
        problems += reader.problems
        problems.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return SVGCheckResult(problems: problems, width: reader.width, height: reader.height)
    }
}

/// Byte offsets to 1-based lines and columns (columns in characters).
struct SourcePositions {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    func at(_ offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let column = String(decoding: bytes[start..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (low + 1, column)
    }
}
