// Internal plumbing between the Swift wrapper and the C shim: error checking, byte strings in
// and out, and callbacks. Strings go in as (UTF-8 pointer, byte count) so embedded NULs survive.
import CXapian

/// Runs a shim call and throws if it reported an error.
func shimCall<T>(_ body: (UnsafeMutablePointer<cx_error>) -> T) throws -> T {
    var err = cx_error()
    let result = body(&err)
    if err.kind != CX_OK { throw XapianError(err) }
    return result
}

/// Runs a shim call that returns a new handle; throws if it reported an error.
func makeHandle(_ body: (UnsafeMutablePointer<cx_error>) -> OpaquePointer?) throws -> OpaquePointer {
    var err = cx_error()
    let handle = body(&err)
    guard err.kind == CX_OK, let handle else { throw XapianError(err) }
    return handle
}

/// For calls that can only fail on memory exhaustion or a broken invariant: traps with the message.
@discardableResult
func mustSucceed<T>(_ body: (UnsafeMutablePointer<cx_error>) -> T) -> T {
    do { return try shimCall(body) } catch { preconditionFailure("Xapian: \(error)") }
}

/// Runs a throwing body that can only fail on memory exhaustion; traps with the message.
func must<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch { preconditionFailure("Xapian: \(error)") }
}

/// Runs a shim call that fills a malloc'd byte string, and returns a copy of its bytes.
func fetchBytes(_ body: (UnsafeMutablePointer<cx_bytes>, UnsafeMutablePointer<cx_error>) -> Int32) throws -> [UInt8] {
    var out = cx_bytes()
    defer { cx_free(out.data) }
    _ = try shimCall { body(&out, $0) }
    return Array(UnsafeRawBufferPointer(start: out.data, count: out.size))
}

/// Runs a shim call that fills a malloc'd byte string, and decodes it as UTF-8.
func fetchString(_ body: (UnsafeMutablePointer<cx_bytes>, UnsafeMutablePointer<cx_error>) -> Int32) throws -> String {
    var out = cx_bytes()
    defer { cx_free(out.data) }
    _ = try shimCall { body(&out, $0) }
    return String(decoding: UnsafeRawBufferPointer(start: out.data, count: out.size), as: UTF8.self)
}

/// Passes a byte array to C as (pointer, count).
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    try bytes.withUnsafeBytes { raw in
        try body(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
    }
}

/// Receives the strings of a shim callback; `visit` returns true to stop early.
private final class StringVisitor {
    let visit: (UnsafeRawBufferPointer, UInt64) -> Bool
    init(_ visit: @escaping (UnsafeRawBufferPointer, UInt64) -> Bool) { self.visit = visit }
}

private let stringTrampoline: cx_string_cb = { context, data, size, number in
    let visitor = Unmanaged<StringVisitor>.fromOpaque(context!).takeUnretainedValue()
    return visitor.visit(UnsafeRawBufferPointer(start: data, count: size), number) ? 1 : 0
}

/// Calls a shim function that reports strings through a callback; `visit` returns true to stop.
func visitStrings(
    _ call: (cx_string_cb, UnsafeMutableRawPointer, UnsafeMutablePointer<cx_error>) -> Int32,
    _ visit: (UnsafeRawBufferPointer, UInt64) -> Bool
) throws {
    try withoutActuallyEscaping(visit) { visit in
        let visitor = StringVisitor(visit)
        try withExtendedLifetime(visitor) {
            let context = Unmanaged.passUnretained(visitor).toOpaque()
            _ = try shimCall { call(stringTrampoline, context, $0) }
        }
    }
}

/// Collects the strings a callback-style shim function reports, decoded as UTF-8.
func collectStrings(
    _ call: (cx_string_cb, UnsafeMutableRawPointer, UnsafeMutablePointer<cx_error>) -> Int32
) throws -> [String] {
    var result: [String] = []
    try visitStrings(call) { bytes, _ in
        result.append(String(decoding: bytes, as: UTF8.self))
        return false
    }
    return result
}

private final class DocIDVisitor {
    var ids: [UInt32] = []
}

private let docidTrampoline: cx_docid_cb = { context, docid in
    Unmanaged<DocIDVisitor>.fromOpaque(context!).takeUnretainedValue().ids.append(docid)
    return 0
}

/// Collects the document ids a callback-style shim function reports.
func collectDocIDs(
    _ call: (cx_docid_cb, UnsafeMutableRawPointer, UnsafeMutablePointer<cx_error>) -> Int32
) throws -> [UInt32] {
    let visitor = DocIDVisitor()
    try withExtendedLifetime(visitor) {
        let context = Unmanaged.passUnretained(visitor).toOpaque()
        _ = try shimCall { call(docidTrampoline, context, $0) }
    }
    return visitor.ids
}

extension Int {
    /// Clamps to the UInt32 range Xapian uses for counts, slots and positions.
    var clampedUInt32: UInt32 { UInt32(clamping: self) }
}
