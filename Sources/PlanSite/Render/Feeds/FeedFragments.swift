import Foundation

/// What each event adds to the files that list all of a language's events: its VEVENT in the
/// language's `calendar.ics` and in its area's, and its entry in `feed.xml`.
///
/// A language's fragments are made once per build, by the first of those files to be
/// rendered, and shared by the others (a VEVENT is the same in both calendars). When the build
/// memory has an earlier build's fragments, an event whose reuse key is unchanged has its
/// fragments copied instead of rendered: after one edit, a rebuild renders one event's
/// fragments per language. The fragments are then remembered for the next build, and let go
/// once every file that lists them is made, so a large site holds one or two languages' at a time.
final class FeedFragments: @unchecked Sendable {
    private let memory: BuildMemory
    private let folders: [String]
    /// Each event's reuse key, in the site's order; nil where the memory has none.
    private let keys: [UInt64?]
    private let indexByFolder: [String: Int]
    private let tables: [String: LanguageFragments]

    /// - Parameter uses: how many files list a language's fragments; after that many are made,
    ///   they are let go.
    init(events: [Event], languages: [String], uses: Int, memory: BuildMemory) {
        self.folders = events.map(\.folder)
        self.memory = memory
        self.keys = events.map { memory.reuseKey(forEventFolders: [$0.folder]) }
        var indexByFolder: [String: Int] = [:]
        for (index, folder) in folders.enumerated() { indexByFolder[folder] = index }
        self.indexByFolder = indexByFolder
        var tables: [String: LanguageFragments] = [:]
        for language in languages { tables[language] = LanguageFragments(uses: uses) }
        self.tables = tables
    }

    /// The events' position in the site's order, or nil for an event the site does not hold.
    func index(ofFolder folder: String) -> Int? { indexByFolder[folder] }

    /// The same, trying `position` first: a language's calendar lists the site's events in
    /// the site's order, where looking 10,000 folders up by name cost more than the copying.
    func index(ofFolder folder: String, likely position: Int) -> Int? {
        position < folders.count && folders[position] == folder ? position : indexByFolder[folder]
    }

    /// Runs `body` with the language's fragments, made first if no file has made them yet,
    /// then counts one use of them.
    func withFragments<Result>(
        _ language: String, render: (Int) throws -> (calendar: [UInt8], feed: [UInt8]),
        _ body: (Filled) throws -> Result
    ) throws -> Result {
        guard let table = tables[language] else { throw MissingLanguage() }
        let (filled, madeHere) = try table.take { try fill(language, render: render) }
        defer { table.release() }
        let result = try body(filled)
        // Stored by the thread that made them, once they are shared: the other threads that
        // wait for them do not wait for 16 MB to be written too.
        if madeHere { remember(filled, language: language) }
        return result
    }

    /// Counts a use of the language's fragments by a file kept from the previous build instead
    /// of made: the fragments are let go once every file that lists them is accounted for.
    func skipUse(_ language: String) {
        tables[language]?.release()
    }

    /// A language's fragments, each a range in one of two buffers: the previous build's store or
    /// this build's own bytes.
    struct Filled {
        let previous: [UInt8]
        let own: [UInt8]
        let calendar: [Piece]
        let feed: [Piece]

        struct Piece {
            let fromPrevious: Bool
            let range: Range<Int>
        }

        func bytes(_ piece: Piece) -> ArraySlice<UInt8> {
            piece.fromPrevious ? previous[piece.range] : own[piece.range]
        }

        /// How many bytes the pieces at these positions hold (nil: an event without one), for
        /// reserving room before copying them: a language's calendar or feed is megabytes.
        static func size(of pieces: [Piece], at positions: [Int?]) -> Int {
            positions.reduce(0) { $0 + ($1.map { pieces[$0].range.count } ?? 0) }
        }
    }

    private struct MissingLanguage: Error {}

    private func fill(_ language: String, render: (Int) throws -> (calendar: [UInt8], feed: [UInt8])) throws -> Filled {
        var previous = keys.contains { $0 != nil } ? memory.fragments(language) : nil
        var own: [UInt8] = []
        var calendar: [Filled.Piece] = [], feed: [Filled.Piece] = []
        calendar.reserveCapacity(folders.count)
        feed.reserveCapacity(folders.count)
        for index in folders.indices {
            if let key = keys[index], let kept = previous?.entry(at: index, folder: folders[index]), kept.key == key {
                calendar.append(.init(fromPrevious: true, range: kept.calendar))
                feed.append(.init(fromPrevious: true, range: kept.feed))
                continue
            }
            let made = try render(index)
            calendar.append(.init(fromPrevious: false, range: own.count..<(own.count + made.calendar.count)))
            own.append(contentsOf: made.calendar)
            feed.append(.init(fromPrevious: false, range: own.count..<(own.count + made.feed.count)))
            own.append(contentsOf: made.feed)
        }
        return Filled(previous: previous?.bytes ?? [], own: own, calendar: calendar, feed: feed)
    }

    private func remember(_ filled: Filled, language: String) {
        var entries: [FragmentEntry] = []
        for index in folders.indices {
            guard let key = keys[index] else { continue }
            entries.append(
                FragmentEntry(
                    folder: folders[index], key: key, calendar: filled.bytes(filled.calendar[index]),
                    feed: filled.bytes(filled.feed[index])))
        }
        guard !entries.isEmpty else { return }
        memory.rememberFragments(language, entries)
    }
}

/// One language's fragments: made once, by whichever thread needs them first (the others
/// wait), and let go after their last use. A use after that makes them again, so a miscount
/// costs time, never a wrong file.
private final class LanguageFragments: @unchecked Sendable {
    private let lock = NSLock()
    private let uses: Int
    private var used = 0
    private var filled: FeedFragments.Filled?

    init(uses: Int) { self.uses = uses }

    /// The fragments, and whether this call made them.
    func take(fill: () throws -> FeedFragments.Filled) throws -> (FeedFragments.Filled, made: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let filled { return (filled, false) }
        let made = try fill()
        filled = made
        return (made, true)
    }

    func release() {
        lock.lock()
        used += 1
        if used >= uses { filled = nil }
        lock.unlock()
    }
}
