extension RenderContext {
    func documentsPage(_ language: String) -> DocumentsPage {
        DocumentsPage(
            page: chrome(language: language, title: strings(language).documents, section: .documents, path: routes.documents),
            documents: site.documents.map { documentSummary($0, language: language) }
        )
    }

    func documentPage(_ document: Document, _ language: String) throws -> DocumentPage {
        let chosen = config.choose(document.texts, for: language)!
        let text = chosen.text
        let place = document.place.flatMap { $0.value(in: config.fallbackChain(for: language)) }
        let table = text.areasTable.map { header in
            DocumentPage.AreasTableView(numberHeading: header.number, titleHeading: header.title,
                                        rows: site.areas.map { areaSummary($0, language: language) },
                                        progressHref: routes.progress(language))
        }
        return DocumentPage(
            page: chrome(language: language, title: text.title, section: .documents, bodyClass: "print-document") {
                routes.document(document.slug, $0)
            },
            title: text.title,
            textLang: chosen.language,
            notice: notice(chosen, language: language),
            subtitle: text.subtitle,
            issuer: text.issuer,
            addressee: text.addressee,
            reference: document.reference,
            date: document.date.map { dateFormatting(language).day($0) },
            datetime: document.date?.description,
            place: place?.text,
            placeLang: place?.language ?? language,
            enclosure: text.enclosure,
            approval: text.approval.map { DocumentPage.ApprovalView(heading: $0.heading, signatories: $0.signatories) },
            bodyHTML: try html(text.body, source: text.source, language: language),
            areasTable: table,
            hasFacts: document.reference != nil || document.date != nil || place != nil
        )
    }
}
