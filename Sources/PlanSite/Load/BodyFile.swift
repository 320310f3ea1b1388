import Foundation
import PlanMarkdown

/// Reads an event's body again from its file, to render it.
enum BodyFile {
    /// A body's parsed text: the one held, or its file read again.
    static func document(of body: Body) throws -> MarkdownDocument {
        switch body.text {
        case .held(let document): return document
        case .file(let path, let displayPath, let stamp):
            return try read(path: path, displayPath: displayPath, stamp: stamp)
        }
    }

    /// The parsed body of the file at `path`. A file that changed since it was loaded is refused
    /// (`BodyChanged`): its page would not match what was checked.
    static func read(path: String, displayPath: String, stamp: FileStamp) throws -> MarkdownDocument {
        guard FileStamp.of(path: path) == stamp, let bytes = PlainFile.readBytes(path, size: Int(stamp.size)) else {
            throw BodyChanged(path: displayPath)
        }
        // The file is as it was when it was loaded and checked (valid UTF-8): its body's bytes
        // go to cmark as they are, unless the loader's reading would change them.
        if SourceFile.readsAsItsBytes(bytes), let body = bytes.withUnsafeBufferPointer(FrontMatter.body(in:)) {
            return MarkdownDocument(utf8: Array(bytes[body.start...]), lineOffset: body.lineOffset, isValidUTF8: true)
        }
        guard case .success(let file) = SourceFile.decode(bytes: bytes, displayPath: displayPath),
            case .success(let frontMatter) = FrontMatter.split(file)
        else { throw BodyChanged(path: displayPath) }
        return MarkdownDocument(source: frontMatter.body, lineOffset: frontMatter.bodyLineOffset)
    }
}
