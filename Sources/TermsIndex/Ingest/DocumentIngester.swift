import Foundation

/// A document after ingestion, with what the pipeline did to it (for `termsearch inspect`).
public struct IngestedDocument: Sendable {
    /// The document, its metadata and clauses.
    public var document: TermsDocument
    /// The format the file was read as.
    public var format: DocumentFormat
    /// Every repair applied to the text.
    public var repairs: [Repair]
}

/// The ingestion pipeline: file → text → repair → clauses → language, topics, metadata.
public struct DocumentIngester: Sendable {
    private let reader: DocumentReader
    private let segmenter = ClauseSegmenter()
    private let tagger = TopicTagger()

    /// A pipeline reading files within `limits`.
    public init(limits: ReadLimits = .default) {
        reader = DocumentReader(limits: limits)
    }

    /// Ingests the file at `url`; `id` is its stable document id, `entry` its manifest entry if any,
    /// `shownAs` the path to record and show when `url` is only a way to open it.
    public func ingest(_ url: URL, shownAs path: String? = nil, id: String, entry: Manifest.Entry? = nil) throws -> IngestedDocument {
        let extracted = try reader.read(url)
        return ingest(extracted, path: path ?? url.path, id: id, entry: entry)
    }

    /// Ingests text that has already been read.
    public func ingest(_ extracted: ExtractedText, path: String, id: String, entry: Manifest.Entry? = nil) -> IngestedDocument {
        let segments = segmenter.segment(extracted.blocks)
        let fullText = extracted.blocks.map(\.text).joined(separator: "\n")
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        // Languages come from the clauses below, not from a second pass over the text.
        // The folder comes along: it names the supplier when the file name is generic.
        let folderAndFile = URL(fileURLWithPath: path).pathComponents.suffix(2).joined(separator: "/")
        let metadataText = ([String(fullText.prefix(20_000))] + extracted.asideLines).joined(separator: "\n")
        let found = MetadataExtractor.extract(text: metadataText, fileName: folderAndFile, title: extracted.title,
                                              runningLines: extracted.runningLines, detectLanguages: false)

        let documentLanguage = entry?.languages?.first ?? found.languages.first
            ?? LanguageDetector.detect(String(fullText.prefix(20_000))) ?? .dutch
        var clauses: [Clause] = []
        var sectionLanguage = documentLanguage
        var lastPart: String?
        for segment in segments {
            if segment.location.part != lastPart {
                lastPart = segment.location.part
                sectionLanguage = documentLanguage
            }
            // A clause too short to tell inherits the language of the clauses before it.
            let language = LanguageDetector.detect(segment.text) ?? sectionLanguage
            sectionLanguage = language
            let topics = tagger.topics(heading: segment.location.heading, articleHeading: segment.location.articleHeading,
                                       text: segment.text, language: language)
            clauses.append(Clause(key: segment.key, location: segment.location, text: segment.text,
                                  language: language, topics: topics.map { $0.rawValue }))
        }

        var languages = entry?.languages ?? []
        if languages.isEmpty {
            languages = Language.allCases.filter { l in clauses.contains { $0.language == l } }
                .sorted { a, b in clauses.filter { $0.language == a }.count > clauses.filter { $0.language == b }.count }
        }
        if languages.isEmpty { languages = [documentLanguage] }
        let metadata = DocumentMetadata(
            supplier: entry?.supplier ?? found.supplier ?? fileName,
            title: entry?.title ?? found.title ?? extracted.title.flatMap(MetadataExtractor.usableTitle) ?? fileName,
            languages: languages,
            versionDate: entry?.versionDate ?? found.versionDate,
            // The file's own date is no version: a PDF made from an old text the day it was
            // exported says nothing of the terms. It is kept as the label, for a reader to judge.
            version: entry?.version ?? found.version
                ?? (entry?.versionDate == nil && found.versionDate == nil ? extracted.fileDate.map { "file dated \($0)" } : nil),
            kind: entry?.kind ?? found.kind?.rawValue)
        let document = TermsDocument(id: id, path: path, metadata: metadata, clauses: clauses)
        return IngestedDocument(document: document, format: extracted.format, repairs: extracted.repairs)
    }
}
