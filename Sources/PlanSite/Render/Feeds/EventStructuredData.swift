/// schema.org `Event` JSON-LD for an event page, in the reader's language.
extension RenderContext {
    func structuredData(_ event: Event, language: String) -> RenderedHTML {
        let chosen = config.choose(event.texts, for: language)!
        let text = chosen.text
        let url = absolute(routes.event(event.slug, language))
        var members: [(String, JSONLD)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(text.title)),
            ("startDate", .string(Self.schemaDate(event.start, in: event)))
        ]
        if let end = event.end {
            members.append(("endDate", .string(Self.schemaDate(end, in: event))))
        } else if !event.start.isTimed {
            members.append(("endDate", .string(event.start.date.description)))
        }
        members.append(("eventStatus", .string(event.status.schemaOrgStatus)))
        if let format = event.format {
            members.append(("eventAttendanceMode", .string(format.schemaOrgAttendanceMode)))
        }
        if let location = location(of: event, text: text, url: url) { members.append(("location", location)) }
        let organizers = event.organizers.compactMap { key -> JSONLD? in
            guard let name = config.organizations[key]?.value(in: config.fallbackChain(for: language))?.text else {
                return nil
            }
            return .object([("@type", .string("Organization")), ("name", .string(name))])
        }
        if !organizers.isEmpty { members.append(("organizer", .array(organizers))) }
        if let summary = text.summary ?? text.body.firstParagraph {
            members.append(("description", .string(summary)))
        }
        members.append(("url", .string(url)))
        // The cover, cut to the preview's shape and whole at its largest width.
        if let (_, published, _) = coverImage(folder: event.folder, event.media, language: language) {
            let files = (published.cover.map { [$0.file] } ?? []) + [published.fallback.last!.file]
            members.append(("image", .array(files.map { .string(absolute(mediaHTML.url($0))) })))
        }
        members.append(("inLanguage", .string(chosen.language)))
        return RenderedHTML(utf8: JSONLD.object(members).serializedUTF8)
    }

    /// A Place for where it happens, a VirtualLocation (the event's page) when it is online.
    private func location(of event: Event, text: EventText, url: String) -> JSONLD? {
        let place = text.location.map {
            JSONLD.object([("@type", .string("Place")), ("name", .string($0)), ("address", .string($0))])
        }
        let virtual = JSONLD.object([("@type", .string("VirtualLocation")), ("url", .string(url))])
        switch event.format {
        case .online: return virtual
        case .hybrid: return place.map { .array([$0, virtual]) } ?? virtual
        case .inPerson, nil: return place
        }
    }

    /// `2024-06-25` for a day, `2024-06-25T10:00:00+05:00` for a time, with the offset in force then.
    static func schemaDate(_ time: EventTime, in event: Event) -> String {
        let readable = DateFormatting.machineReadable(time, in: event.timezone)
        guard time.isTimed else { return readable }
        // machineReadable gives HH:MM; schema.org readers expect seconds as well.
        let split = readable.index(readable.startIndex, offsetBy: 16)
        return readable[..<split] + ":00" + readable[split...]
    }
}
