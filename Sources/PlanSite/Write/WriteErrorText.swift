import Foundation

/// A write error as a sentence that names its file: Foundation's own message for a failed
/// move or write ("The operation could not be completed. A file with the same name already
/// exists.") names none, though the error carries the paths.
enum WriteErrorText {
    static func describe(_ error: Error) -> String {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain, let path = error.userInfo[NSFilePathErrorKey] as? String else {
            return error.localizedDescription
        }
        var reason = error.localizedDescription
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            let isPOSIX = underlying.domain == NSPOSIXErrorDomain
            reason = isPOSIX ? String(cString: strerror(Int32(underlying.code))) : underlying.localizedDescription
        }
        let vague = "The operation could not be completed. "
        if reason.hasPrefix(vague) { reason.removeFirst(vague.count) }
        let file = DisplayPath.of(URL(fileURLWithPath: path))
        if let destination = error.userInfo["NSDestinationFilePath"] as? String {
            return "cannot move \(file) to \(DisplayPath.of(URL(fileURLWithPath: destination))): \(reason)"
        }
        return "\(file): \(reason)"
    }
}
