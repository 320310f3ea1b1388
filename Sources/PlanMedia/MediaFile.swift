import Foundation

/// A media file's size and bytes, as the checks need them.
public enum MediaFile {
    /// The size of the file at `path`, read from the file system without opening it.
    public static func size(path: String) throws(MediaError) -> Int {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard let size = attributes[.size] as? NSNumber else { throw MediaError.unreadable(reason: "no size") }
            return size.intValue
        } catch let error as MediaError {
            throw error
        } catch {
            throw .unreadable(reason: Self.reason(error))
        }
    }

    /// The size of the attachment at `path`, refused over `limits.maxAttachmentBytes`.
    public static func attachmentSize(path: String, limits: MediaLimits = .standard) throws(MediaError) -> Int {
        let size = try size(path: path)
        guard size <= limits.maxAttachmentBytes else {
            throw .attachmentTooLarge(bytes: size, limit: limits.maxAttachmentBytes)
        }
        return size
    }

    static func contents(path: String) throws(MediaError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(reason: Self.reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
