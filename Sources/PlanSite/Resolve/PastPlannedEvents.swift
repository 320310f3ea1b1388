/// An event whose last day is before "today" and whose status is still `planned` would show
/// as planned forever: `check`, `build` and `status` warn about it, at its `status` key (or at
/// its meta.yaml, when it sets none). Not cached with the event's other warnings
/// (`LoadCache`): it changes with the day, not with the event's files.
enum PastPlannedEvents {
    static let question = "did it take place? set `status: held`, `postponed` or `cancelled`"

    /// - Parameter today: as builds read it (`BuildClock`), in the site's time zone: the day
    ///   from which an event is no longer upcoming.
    static func warn(_ site: Site, today: CalendarDate, content: ContentTree, log: inout DiagnosticLog) {
        for event in site.events where event.status == .planned && event.lastDay < today {
            let path = content.display(event.folder + "/meta.yaml")
            let at =
                event.statusKey.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
                ?? SourceLocation(path: path)
            log.warning(at, "'\(event.slug)' ended on \(event.lastDay) and is still planned: \(question)")
        }
    }
}
