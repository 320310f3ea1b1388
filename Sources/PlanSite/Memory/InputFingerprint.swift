import Foundation

/// A digest of everything a build's output depends on: every file under the content and
/// theme folders (path, size, modification time), the options, "today" (which events are
/// upcoming), and the PlanSite executable itself. Equal fingerprints mean the same output.
///
/// It also splits that digest for the pages that show only some events (an event's page and
/// its `event.ics`, a month of the calendar, a year of an area): they depend on those events'
/// folders and on what every page shows (site.yaml, the theme, areas, documents, the set of
/// events), never on "today". `reuseKey(forEventFolders:)` is equal between two builds only
/// when none of that changed, and the file is then kept from the previous build instead of
/// rendered again.
struct InputFingerprint: Sendable, Equatable {
    /// The whole digest: equal means the build can be skipped.
    let whole: String
    /// The digest of everything but the event folders' files (and "today").
    let shared: UInt64
    /// Each event folder (relative to content/, such as `events/2025/forum`) and the digest of its files.
    let eventFolders: [String: UInt64]

    static func of(_ options: BuildOptions, today: String) -> InputFingerprint {
        taken(options, today: today).fingerprint
    }

    /// The fingerprint, and the content folder's entries as its listing read them (for the
    /// loader, so that it does not walk the folder again).
    static func taken(_ options: BuildOptions, today: String) -> (fingerprint: InputFingerprint, content: WalkedFolders)
    {
        // The options and the executable: both in the shared part (any of them changes every page).
        var settings = "options \(options.baseURL ?? "-") \(options.includeDrafts)\n"
        if let url = Bundle.main.executableURL, let stamp = FileStamp.of(url) {
            settings += "plansite \(stamp.size) \(stamp.modified).\(stamp.modifiedNanoseconds)\n"
        }
        let content = InputListing(of: options.content.standardizedFileURL.path)
        let theme = InputListing(of: options.theme.standardizedFileURL.path)

        // Files directly in an event's folder belong to that event; the folders' names are in
        // the shared part, so adding, removing or moving an event changes every event's key.
        var eventFolders: [String: UInt64] = [:]
        var sharedText = Array((settings + "theme\n").utf8)
        sharedText += theme.bytes
        sharedText += "content\n".utf8
        for folder in content.folders {
            if folder.path == "events" || folder.path.hasPrefix("events/") {
                eventFolders[folder.path] = content.withLines(of: folder) { WordHash.of($0) }
                sharedText += "event ".utf8
                sharedText += folder.path.utf8
                sharedText.append(UInt8(ascii: "\n"))
            } else {
                content.withLines(of: folder) { sharedText.append(contentsOf: $0) }
            }
        }
        let shared = sharedText.withUnsafeBytes { WordHash.of($0) }

        // The whole: the shared part, "today" and every line of the content (the event folders'
        // too), chained; with the length of what was hashed, as a second check.
        var whole = WordHash()
        whole.add(shared)
        whole.add(Array(today.utf8).withUnsafeBytes { WordHash.of($0) })
        whole.add(content.bytes.withUnsafeBytes { WordHash.of($0) })
        let length = sharedText.count + content.bytes.count + today.utf8.count
        return (
            InputFingerprint(
                whole: String(whole.value, radix: 16) + "-" + String(length),
                shared: shared, eventFolders: eventFolders), content.walked
        )
    }

    /// The same, with `salt` folded into the shared part (so into every reuse key): what every
    /// page depends on that is known only once the content is loaded (renamed items' old
    /// addresses, which links resolve through). A salt of 0 changes nothing.
    func salted(with salt: UInt64) -> InputFingerprint {
        guard salt != 0 else { return self }
        var chain = WordHash()
        chain.add(shared)
        chain.add(salt)
        return InputFingerprint(whole: whole, shared: chain.value, eventFolders: eventFolders)
    }

    /// The key of a file made from these event folders (and what every page shows); nil when
    /// one of them was not seen (made after the fingerprint was taken): such a file is always
    /// rendered. Called for every page of every event: it allocates nothing.
    func reuseKey(forEventFolders folders: [String]) -> UInt64? {
        var key = WordHash()
        key.add(shared)
        for folder in folders {
            guard let own = eventFolders[folder] else { return nil }
            key.add(own)
        }
        return key.value
    }

    /// The key of a file made from these paths and what every page shows (the sitemap, whose
    /// pages follow the events' dates and areas, not only their folders' names).
    func reuseKey(forPaths paths: [[String]]) -> UInt64 {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: shared.littleEndian) { bytes.append(contentsOf: $0) }
        for pagePaths in paths {
            for path in pagePaths {
                bytes.append(contentsOf: path.utf8)
                bytes.append(10)
            }
        }
        return bytes.withUnsafeBytes { WordHash.of($0) }
    }
}
