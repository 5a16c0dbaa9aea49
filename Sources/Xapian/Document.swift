import CXapian

/// A Xapian document: opaque data, terms (with positions) and value slots.
///
/// Terms and text are UTF-8 `String`s. Data and values are byte strings: the `String` accessors
/// encode/decode UTF-8 (lossy for binary), the `[UInt8]` accessors keep every byte — use them for
/// `Serialisation.sortable(_:)` output. A document read from a database loads lazily; if that
/// fails (the database was closed or modified), the non-throwing getters return empty results.
///
/// Not thread-safe: confine each instance to one thread or actor.
public final class Document {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    deinit { cx_doc_free(handle) }

    /// Creates an empty document.
    public init() {
        handle = mustSucceed { cx_doc_new($0) }!
    }

    /// The document's id in the database it was read from or added to (0 for a new document).
    public var id: DocumentID { cx_doc_docid(handle) }

    /// The document data as UTF-8 text; throws when a document read from a database cannot be
    /// read (a writer moved the database on: `XapianError.Kind.modified`, or damage).
    public var data: String {
        get throws { String(decoding: try readData(), as: UTF8.self) }
    }

    /// The document data as raw bytes; throws as `data` does.
    public var dataBytes: [UInt8] {
        get throws { try readData() }
    }

    /// Sets the document data to `text`.
    public func setData(_ text: String) { setData(Array(text.utf8)) }

    /// Sets the document data to `bytes`.
    public func setData(_ bytes: [UInt8]) {
        mustSucceed { err in withBytes(bytes) { cx_doc_set_data(handle, $0, $1, err) } }
    }

    /// The document data as raw bytes, throwing if a lazily loaded document can't be read.
    public func readData() throws -> [UInt8] {
        try fetchBytes { cx_doc_data(handle, $0, $1) }
    }

    public func addTerm(_ term: String, wdfIncrement: Int = 1) {
        guard !term.isEmpty else { return }
        mustSucceed { cx_doc_add_term(handle, term, term.utf8.count, wdfIncrement.clampedUInt32, $0) }
    }

    /// Adds `term` at `position` (positions make phrase and NEAR queries work). Empty terms are ignored.
    public func addPosting(_ term: String, position: Int, wdfIncrement: Int = 1) {
        guard !term.isEmpty else { return }
        mustSucceed {
            cx_doc_add_posting(handle, term, term.utf8.count, position.clampedUInt32,
                               wdfIncrement.clampedUInt32, $0)
        }
    }

    /// Adds `term` at each of `positions` (wdf +1 each). Empty terms are ignored.
    public func addPostings(_ term: String, positions: [UInt32]) {
        guard !term.isEmpty, !positions.isEmpty else { return }
        mustSucceed { err in
            positions.withUnsafeBufferPointer { cx_doc_add_postings(handle, term, term.utf8.count, $0.baseAddress, $0.count, err) }
        }
    }

    /// Adds a filter term (wdf 0, no position). Empty terms are ignored.
    public func addBooleanTerm(_ term: String) {
        guard !term.isEmpty else { return }
        mustSucceed { cx_doc_add_boolean_term(handle, term, term.utf8.count, $0) }
    }

    /// Stores UTF-8 text in value `slot`; an empty value clears the slot.
    public func setValue(_ slot: Int, _ value: String) {
        setValue(slot, Array(value.utf8))
    }

    /// Stores raw bytes in value `slot` (e.g. `Serialisation.sortable(_:)`); empty clears the slot.
    public func setValue(_ slot: Int, _ bytes: [UInt8]) {
        mustSucceed { err in withBytes(bytes) { cx_doc_set_value(handle, slot.clampedUInt32, $0, $1, err) } }
    }

    /// The value in `slot` decoded as UTF-8 ("" if unset); throws as `data` does.
    public func value(_ slot: Int) throws -> String {
        String(decoding: try valueBytes(slot), as: UTF8.self)
    }

    /// The raw bytes in value `slot` (empty if unset); throws as `data` does.
    public func valueBytes(_ slot: Int) throws -> [UInt8] {
        try fetchBytes { cx_doc_value(handle, slot.clampedUInt32, $0, $1) }
    }

    /// The document's terms, in byte order; throws as `data` does.
    public var terms: [String] {
        get throws { try collectStrings { cx_doc_terms(handle, $0, $1, $2) } }
    }

    /// Visits the document's terms in byte order, each as UTF-8 bytes with its within-document
    /// frequency and its positions (ascending; empty for terms without); `visit` returns true to
    /// stop. The buffers are only valid during the call. Do not change the document meanwhile.
    /// Throws as `data` does.
    public func visitTermPositions(_ visit: (UnsafeRawBufferPointer, Int, UnsafeBufferPointer<UInt32>) -> Bool) throws {
        try withoutActuallyEscaping(visit) { visit in
            let visitor = TermPositionsVisitor(visit)
            try withExtendedLifetime(visitor) {
                let context = Unmanaged.passUnretained(visitor).toOpaque()
                _ = try shimCall { cx_doc_term_positions(handle, termPositionsTrampoline, context, $0) }
            }
        }
    }

    /// The document's terms with their within-document frequencies, in byte order.
    public var termsWithFrequency: [(term: String, wdf: Int)] {
        get throws {
            var result: [(term: String, wdf: Int)] = []
            try visitStrings({ cx_doc_terms(handle, $0, $1, $2) }) { bytes, wdf in
                result.append((String(decoding: bytes, as: UTF8.self), Int(wdf)))
                return false
            }
            return result
        }
    }
}

/// Receives the terms of `Document.visitTermPositions`.
private final class TermPositionsVisitor {
    let visit: (UnsafeRawBufferPointer, Int, UnsafeBufferPointer<UInt32>) -> Bool
    init(_ visit: @escaping (UnsafeRawBufferPointer, Int, UnsafeBufferPointer<UInt32>) -> Bool) { self.visit = visit }
}

private let termPositionsTrampoline: cx_term_positions_cb = { context, term, termLength, wdf, positions, count in
    let visitor = Unmanaged<TermPositionsVisitor>.fromOpaque(context!).takeUnretainedValue()
    return visitor.visit(UnsafeRawBufferPointer(start: term, count: termLength), Int(wdf),
                         UnsafeBufferPointer(start: positions, count: count)) ? 1 : 0
}
