import Foundation

/// The file formats the reader understands.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html, pdf, docx, rtf, odt
    /// A React component (.tsx, .jsx): the JSX's text, not the code.
    case jsx
    /// A Vue single-file component (.vue): the `<template>`'s text.
    case vue
    /// A Laravel Blade template (.blade.php, .blade.html): the markup without directives and echoes.
    case blade
    /// A PHP page or fragment (.php): the markup outside `<?php ?>`.
    case php

    /// The formats as the error for an unsupported file lists them.
    static let supportedList = "pdf, docx, odt, rtf, html, markdown, text, and tsx/jsx, vue, blade and php templates"
}

/// One block of extracted text: a heading, a paragraph or a list item.
public struct TextBlock: Sendable, Equatable {
    /// What the block is, as far as the source format says.
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case listItem
    }

    public var kind: Kind
    public var text: String
    /// The page the block starts on (1-based), for formats with pages (PDF).
    public var page: Int?

    public init(kind: Kind, text: String, page: Int? = nil) {
        self.kind = kind
        self.text = text
        self.page = page
    }
}

/// The repaired text of one document, in blocks, with what was repaired on the way.
public struct ExtractedText: Sendable {
    public var format: DocumentFormat
    public var blocks: [TextBlock]
    public var repairs: [Repair]
    /// `<title>`, or the first heading when the format has headings.
    public var title: String?
    /// The date the file says it was made (a PDF's ModDate or CreationDate), ISO; the last resort
    /// for dating a document that states no version.
    public var fileDate: String?
    /// Lines the reader kept out of the text that may still say what the document is (Markdown
    /// front matter: `title:`, `date:`, `lastmod:`); metadata is read from them too.
    public var asideLines: [String]
    /// A PDF's running headers and footers (each once), dropped from the text; a date among them
    /// may date the edition.
    public var runningLines: [String]

    public init(format: DocumentFormat, blocks: [TextBlock], repairs: [Repair], title: String?, fileDate: String? = nil,
                asideLines: [String] = [], runningLines: [String] = []) {
        self.fileDate = fileDate
        self.asideLines = asideLines
        self.runningLines = runningLines
        self.format = format
        // Only a PDF has pages; other readers' line bookkeeping counts form feeds, not pages.
        self.blocks = format == .pdf ? blocks : blocks.map { var b = $0; b.page = nil; return b }
        self.repairs = repairs
        self.title = title
    }

    /// All blocks' text, separated by blank lines.
    public var text: String { blocks.map(\.text).joined(separator: "\n\n") }
}

/// Limits that keep one bad file from taking the machine down.
public struct ReadLimits: Sendable {
    /// Files larger than this are refused.
    public var maxFileBytes: Int
    /// An external tool (pdftotext, unzip) is stopped after this many seconds.
    public var toolTimeout: Double
    /// A tool's output beyond this many bytes is refused (zip bombs, runaway PDFs).
    public var maxExtractedBytes: Int
    /// A document with more text than this many bytes is refused. The largest published terms run
    /// to about 1 MB of text; the pipeline after reading costs time in proportion to the text, so
    /// this bounds the time one file can take. A text file larger than this is refused unread.
    public var maxTextBytes: Int

    public init(maxFileBytes: Int = 256 << 20, toolTimeout: Double = 60, maxExtractedBytes: Int = 64 << 20,
                maxTextBytes: Int = 16 << 20) {
        self.maxFileBytes = maxFileBytes
        self.toolTimeout = toolTimeout
        self.maxExtractedBytes = maxExtractedBytes
        self.maxTextBytes = maxTextBytes
    }

    /// 256 MB files, 60 s per tool run, 64 MB of tool output, 16 MB of text.
    public static let `default` = ReadLimits()
}

/// Why a file could not be read.
///
/// `description` says what went wrong without the path, because every caller names the file
/// first (`termsearch: PATH: reason`); `path` is the file the error is about.
public enum IngestError: Error, CustomStringConvertible, Sendable, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    /// Not text and not a supported format.
    case binary(path: String)
    /// An external tool is not installed; `tool` says how to get it.
    case toolMissing(tool: String)
    case toolFailed(tool: String, path: String, reason: String)
    case timedOut(tool: String, path: String, seconds: Double)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case malformed(path: String, reason: String)
    case encrypted(path: String)
    /// More text than `ReadLimits.maxTextBytes`, or a tool's output over `maxExtractedBytes`;
    /// `what` names it ("the text", "word/document.xml", "pdftotext's output").
    case tooMuchText(path: String, what: String, limit: Int)
    /// The file holds no text at all (empty, only whitespace, or a PDF of scanned images).
    case noText(path: String)

    /// The file the error is about (nil for a missing tool).
    public var path: String? {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .binary(let p), .toolFailed(_, let p, _), .timedOut(_, let p, _),
             .tooLarge(let p, _, _), .malformed(let p, _), .encrypted(let p), .tooMuchText(let p, _, _), .noText(let p):
            return p
        case .toolMissing:
            return nil
        }
    }

    /// One line: what went wrong (the caller names the file).
    public var description: String {
        switch self {
        case .notFound: return "no such file"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .binary: return "not text and not a supported format (\(DocumentFormat.supportedList))"
        case .toolMissing(let tool): return "required tool not installed: \(tool)"
        case .toolFailed(let tool, _, let reason): return "\(tool) failed: \(reason)"
        case .timedOut(let tool, _, let seconds): return "\(tool) did not finish within \(ReadLimits.seconds(seconds)); skipped"
        case .tooLarge(_, let bytes, let limit): return "\(ReadLimits.size(bytes)) is over the limit of \(ReadLimits.size(limit)) per file"
        case .malformed(_, let reason): return "malformed: \(reason)"
        case .encrypted: return "encrypted or password-protected"
        case .tooMuchText(_, let what, let limit): return "\(what) is over the limit of \(ReadLimits.size(limit)) of text (not a document of terms?)"
        case .noText: return "no text found (an empty file, or a scanned PDF without a text layer)"
        }
    }
}

extension ReadLimits {
    /// "16 MB", "300 KB", "12 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 20 { return String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }

    /// "60 s", "0.2 s".
    static func seconds(_ s: Double) -> String {
        s >= 1 && s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }
}
