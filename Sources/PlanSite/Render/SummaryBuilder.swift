/// Builds the list entries (events, areas, documents) shared by several pages.
extension RenderContext {
    func statusLabel(_ status: EventStatus, _ t: UIStrings) -> String {
        switch status {
        case .planned: return t.statusPlanned
        case .held: return t.statusHeld
        case .postponed: return t.statusPostponed
        case .cancelled: return t.statusCancelled
        }
    }

    func formatLabel(_ format: EventFormat, _ t: UIStrings) -> String {
        switch format {
        case .inPerson: return t.formatInPerson
        case .online: return t.formatOnline
        case .hybrid: return t.formatHybrid
        }
    }

    func areaLink(_ slug: String?, language: String) -> TextLink? {
        guard let slug, let area = area(slug), let chosen = config.choose(area.texts, for: language) else { return nil }
        return TextLink(
            href: routes.area(slug, language), text: chosen.text.short ?? chosen.text.title,
            lang: chosen.language)
    }

    func eventSummary(_ event: Event, language: String) -> EventSummary {
        let t = strings(language)
        let chosen = config.choose(event.texts, for: language)!
        return EventSummary(
            href: routes.event(event.slug, language),
            title: chosen.text.title,
            titleLang: chosen.language,
            dates: dateFormatting(language).eventDates(event),
            datetime: DateFormatting.machineReadable(event.start, in: event.timezone),
            status: statusLabel(event.status, t),
            statusClass: event.status.rawValue,
            isCancelled: event.status == .cancelled,
            area: areaLink(event.area, language: language),
            milestone: event.area == nil ? t.planMilestone : nil,
            cover: event.media.cover == nil
                ? nil
                : cover(
                    folder: event.folder, event.media, language: language, sizes: theme.pictureSizes.card, eager: false,
                    className: "event-cover")
        )
    }

    func areaSummary(_ area: Area, language: String) -> AreaSummary {
        let chosen = config.choose(area.texts, for: language)!
        return AreaSummary(
            number: area.number,
            numberLabel: strings(language).areaNumber.replacingOccurrences(of: "{number}", with: String(area.number)),
            href: routes.area(area.slug, language),
            title: chosen.text.title,
            titleLang: chosen.language
        )
    }

    func documentSummary(_ document: Document, language: String) -> DocumentSummary {
        let chosen = config.choose(document.texts, for: language)!
        return DocumentSummary(
            href: routes.document(document.slug, language),
            title: chosen.text.title,
            titleLang: chosen.language,
            reference: document.reference,
            date: document.date.map { dateFormatting(language).day($0) }
        )
    }

    /// Events grouped by the year they start in; `newestFirst` for past events.
    func byYear(_ events: [Event], language: String, newestFirst: Bool) -> [YearGroup] {
        let ordered = newestFirst ? events.reversed() : events
        // Each year's list grows in place (a new list per event copied the year's so far).
        var groups: [(year: Int, events: [EventSummary])] = []
        for event in ordered {
            let summary = eventSummary(event, language: language)
            if let last = groups.last, last.year == event.start.date.year {
                groups[groups.count - 1].events.append(summary)
            } else {
                groups.append((event.start.date.year, [summary]))
            }
        }
        return groups.map { YearGroup(year: $0.year, events: $0.events) }
    }

    func isUpcoming(_ event: Event) -> Bool { event.lastDay >= today }
}
