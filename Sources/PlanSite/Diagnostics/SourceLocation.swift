/// Where a problem is: a file path as shown to the user, and a 1-based line and column
/// (0 when the problem concerns the whole file).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// `path:line:column`, or `path` alone when there is no line.
    public var description: String {
        line > 0 ? "\(path):\(line):\(max(column, 1))" : path
    }
}
