import CXapian

/// Xapian's sortable number encoding, for value slots used by number ranges and sorting.
public enum Serialisation {
    /// `Xapian::sortable_serialise`: bytes that sort (bytewise) in numeric order. Not UTF-8.
    public static func sortable(_ value: Double) -> [UInt8] {
        mustSucceed { err in
            var out = cx_bytes()
            defer { cx_free(out.data) }
            _ = cx_sortable_serialise(value, &out, err)
            return Array(UnsafeRawBufferPointer(start: out.data, count: out.size))
        }
    }

    /// `Xapian::sortable_unserialise`: the number encoded by `sortable(_:)`.
    public static func double(from bytes: [UInt8]) -> Double {
        withBytes(bytes) { cx_sortable_unserialise($0, $1) }
    }
}
