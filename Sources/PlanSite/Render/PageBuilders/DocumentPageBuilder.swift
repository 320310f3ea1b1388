extension RenderContext {
    func documentsPage(_ language: String) -> DocumentsPage {
        DocumentsPage(
            page: chrome(
                language: language, title: strings(language).documents, section: .documents, path: routes.documents),
            documents: site.documents.map { documentSummary($0, language: language) }
        )
    }

    func documentPage(_ document: Document, _ language: String) throws -> DocumentPage {
        let chosen = config.choose(document.texts, for: language)!
        let text = chosen.text
        let place = document.place.flatMap { $0.value(in: config.fallbackChain(for: language)) }
        let table = areasTable(of: document, chosen, language: language)
        return DocumentPage(
            page: preview(
                chrome(
                    language: language, title: text.title, section: .documents, bodyClass: "print-document",
                    description: text.body.firstParagraph
                ) { routes.document(document.slug, $0) }, type: "article", folder: document.folder,
                media: document.media),
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
            authentic: authenticTexts(of: document, language: language),
            cover: cover(
                folder: document.folder, document.media, language: language, sizes: theme.pictureSizes.content,
                eager: true, className: "cover"),
            bodyHTML: try html(
                text.body, source: text.source, language: language, imagesBefore: document.media.cover != nil),
            downloads: downloads(folder: document.folder, document.media, language: language),
            areasTable: table,
            hasFacts: document.reference != nil || document.date != nil || place != nil
        )
    }

    /// The slug of the plan, whose numbered table of areas is shown by default (CONTENT.md).
    static let planSlug = "plan"

    /// The table of areas after the body: on the plan, and on any document whose text names its
    /// headings (`areasTable`); without them, the headings are the theme's words.
    private func areasTable(
        of document: Document, _ chosen: Chosen<DocumentText>,
        language: String
    ) -> DocumentPage.AreasTableView? {
        let rows = { site.areas.map { areaSummary($0, language: language) } }
        if let header = chosen.text.areasTable {
            return .init(
                numberHeading: header.number, titleHeading: header.title, headingLang: chosen.language,
                rows: rows(), progressHref: routes.progress(language))
        }
        guard document.slug == Self.planSlug else { return nil }
        let t = strings(language)
        return .init(
            numberHeading: t.areasTableNumber, titleHeading: t.areasTableTitle, headingLang: language,
            rows: rows(), progressHref: routes.progress(language))
    }

    /// Which texts of the document are originals, for a reader whose language is not one of
    /// them (a fallback, or a translation): each a link to the document in that language.
    private func authenticTexts(of document: Document, language: String) -> DocumentPage.AuthenticTexts? {
        guard !document.authentic.isEmpty, !document.authentic.contains(language) else { return nil }
        let texts = document.authentic.enumerated().map { index, code in
            DocumentPage.AuthenticTexts.Text(
                href: routes.document(document.slug, code),
                name: config.language(code)?.name ?? code, lang: code,
                isLast: index == document.authentic.count - 1)
        }
        return .init(label: strings(language).authenticTexts, texts: texts)
    }
}
