import CXapian

/// An immutable Xapian query tree. Not thread-safe: confine each instance to one thread or actor.
public final class Query: CustomStringConvertible {
    /// Xapian::Query::op, with the library's numeric values.
    public enum Operator: Int32, Sendable {
        /// Match documents matching all subqueries.
        case and = 0
        /// Match documents matching any subquery.
        case or = 1
        /// Match the first subquery but none of the others.
        case andNot = 2
        /// Match an odd number of subqueries.
        case xor = 3
        /// Match the first subquery; the others only add weight.
        case andMaybe = 4
        /// Match the first subquery, filtered by the others (which add no weight).
        case filter = 5
        /// Subqueries within `parameter` positions of each other, in any order.
        case near = 6
        /// Subqueries in order within `parameter` positions (an exact phrase if 0 or the count).
        case phrase = 7
        /// A value slot within a range.
        case valueRange = 8
        /// Scale the weight of a subquery.
        case scaleWeight = 9
        /// OR of the `parameter` best subqueries.
        case eliteSet = 10
        /// A value slot at or above a limit.
        case valueGE = 11
        /// A value slot at or below a limit.
        case valueLE = 12
        /// OR, weighted as if all subqueries were one term.
        case synonym = 13
        /// Like OR, weighted by the best-matching subquery.
        case max = 14
        /// Terms starting with a prefix.
        case wildcard = 15
    }

    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    deinit { cx_query_free(handle) }

    /// A single-term query; `position` matters only inside phrase/near queries.
    public init(term: String, wqf: Int = 1, position: Int = 0) {
        handle = mustSucceed {
            cx_query_term(term, term.utf8.count, wqf.clampedUInt32, position.clampedUInt32, $0)
        }!
    }

    /// Combines `subqueries` with `op`; `parameter` is the window for near/phrase or the set size
    /// for eliteSet. Traps if `op` is not a combining operator (valueRange, scaleWeight, wildcard).
    public init(_ op: Operator, _ subqueries: [Query], parameter: Int = 0) {
        let handles: [OpaquePointer?] = subqueries.map { $0.handle }
        handle = withExtendedLifetime(subqueries) {
            handles.withUnsafeBufferPointer { buffer in
                mustSucceed {
                    cx_query_combine(op.rawValue, buffer.baseAddress, buffer.count,
                                     parameter.clampedUInt32, $0)
                }!
            }
        }
    }

    /// Matches documents whose value in `slot` lies in `from...to` (bytewise), UTF-8 bounds.
    public convenience init(valueRange slot: Int, from: String, to: String) {
        self.init(valueRange: slot, from: Array(from.utf8), to: Array(to.utf8))
    }

    /// Matches documents whose value in `slot` lies in `from...to` (bytewise), e.g. sortable numbers.
    public init(valueRange slot: Int, from: [UInt8], to: [UInt8]) {
        handle = withBytes(from) { fromPointer, fromCount in
            withBytes(to) { toPointer, toCount in
                mustSucceed {
                    cx_query_value(Operator.valueRange.rawValue, slot.clampedUInt32, fromPointer,
                                   fromCount, toPointer, toCount, $0)
                }!
            }
        }
    }

    /// Matches documents whose value in `slot` is at least `limit` (bytewise).
    public init(valueAtLeast slot: Int, _ limit: [UInt8]) {
        handle = withBytes(limit) { pointer, count in
            mustSucceed {
                cx_query_value(Operator.valueGE.rawValue, slot.clampedUInt32, pointer, count, nil, 0, $0)
            }!
        }
    }

    /// Matches documents whose value in `slot` is at most `limit` (bytewise).
    public init(valueAtMost slot: Int, _ limit: [UInt8]) {
        handle = withBytes(limit) { pointer, count in
            mustSucceed {
                cx_query_value(Operator.valueLE.rawValue, slot.clampedUInt32, nil, 0, pointer, count, $0)
            }!
        }
    }

    /// Matches any term starting with `prefix` (expanded at search time; may throw `.wildcard`).
    public init(wildcard prefix: String) {
        handle = mustSucceed { cx_query_wildcard(prefix, prefix.utf8.count, $0) }!
    }

    /// Matches every document.
    public static var matchAll: Query { Query(handle: mustSucceed { cx_query_special(1, $0) }!) }

    /// Matches no document (the empty query).
    public static var matchNothing: Query { Query(handle: mustSucceed { cx_query_special(0, $0) }!) }

    /// This query with its weight multiplied by `factor` (OP_SCALE_WEIGHT; factor must be >= 0).
    public func scaled(by factor: Double) -> Query {
        Query(handle: mustSucceed { cx_query_scaled(handle, factor, $0) }!)
    }

    /// Whether this is the empty query (matches nothing).
    public var isEmpty: Bool { cx_query_empty(handle) != 0 }

    /// Xapian's description, e.g. "Query((a@1 AND b@2))".
    public var description: String {
        must { try fetchString { cx_query_description(handle, $0, $1) } }
    }

    /// The distinct terms of the query, in query position order.
    public var terms: [String] {
        must { try collectStrings { cx_query_terms(handle, $0, $1, $2) } }
    }
}

/// Parses user query strings into `Query` trees. Not thread-safe: one per thread or actor.
///
/// Behaviour of libxapian 1.4.22 on malformed input (measured, see XapianTests):
/// - Thrown as `.queryParser` ("Syntax: <expression> AND <expression>" and kin), only when
///   `.boolean` is among the flags: a binary operator missing an operand — `a AND`, `AND a`,
///   `a OR`, `a AND OR b`, `a OR OR b`, `a XOR`, `a NOT`, `NOT a` (unless `.pureNot`),
///   `a AND NOT`, `a AND ()`, `a OR ""`, `a AND *`, `a NOT -b`. Also, whatever the flags, once
///   any range processor is added: an `x..y` that none of them accepts ("Unknown range
///   operation", e.g. `a..b` with only a `jaar:` number range). With no range processors `a..b`
///   is the phrase `a b`.
/// - A plain string range processor answers `x..y` with an empty query when x > y bytewise.
/// - Silently re-parsed with all flags stripped (so AND/OR/NOT/NEAR become plain words and
///   quotes stop making phrases): a stray closing bracket — `a OR b)` gives `a OR or OR b`.
/// - Silently tolerated: an unclosed quote (`"a b` is still a phrase, `"unbalanced` a term),
///   an unclosed bracket (`(a OR b` works), empty groups `()`/`""`, a trailing `-`/`+`, a bare
///   `*`, `a NEAR` (NEAR becomes a word), an unknown `field:` (kept as a phrase/words).
/// - With no flags at all (`[]`) nothing throws except the range case above: AND/OR/NOT are words.
public final class QueryParser {
    /// QueryParser::feature_flag, with the library's numeric values.
    public struct Flags: OptionSet, Sendable {
        /// The raw Xapian flag bits.
        public let rawValue: UInt32
        /// Wraps raw Xapian flag bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// AND, OR, NOT, XOR, NEAR, ADJ and brackets.
        public static let boolean = Flags(rawValue: 1)
        /// Quoted phrases.
        public static let phrase = Flags(rawValue: 2)
        /// `+word` (required) and `-word` (excluded).
        public static let loveHate = Flags(rawValue: 4)
        /// Boolean operators in any case (`and`, `or`).
        public static let booleanAnyCase = Flags(rawValue: 8)
        /// Trailing `*` wildcards.
        public static let wildcard = Flags(rawValue: 16)
        /// A query that is only `NOT x`.
        public static let pureNot = Flags(rawValue: 32)
        /// Treat the last word as a prefix (search-as-you-type).
        public static let partial = Flags(rawValue: 64)
        /// Compute `correctedQueryString` from the database's spelling data.
        public static let spellingCorrection = Flags(rawValue: 128)
        /// `~word` expands to its synonyms.
        public static let synonym = Flags(rawValue: 256)
        /// Every single word expands to its synonyms.
        public static let autoSynonyms = Flags(rawValue: 512)
        /// Word groups expand to their synonyms too.
        public static let autoMultiwordSynonyms = Flags(rawValue: 1024)
        /// N-grams for CJK text.
        public static let cjkNgram = Flags(rawValue: 2048)
        /// Xapian's FLAG_DEFAULT: phrase, boolean and love/hate.
        public static let `default`: Flags = [.phrase, .boolean, .loveHate]
    }

    let handle: OpaquePointer
    // Xapian keeps a raw pointer to the stopper: hold it as long as it is in use.
    private var stopper: Stopper?
    /// The resolvers of `addBooleanField`, to find the error that failed a parse.
    private var fields: [FieldResolver] = []

    deinit { cx_qp_free(handle) }

    /// Creates a parser with Xapian's defaults (default operator OR, no stemmer).
    public init() {
        handle = mustSucceed { cx_qp_new($0) }!
    }

    /// Sets the stemmer applied to query words.
    public func setStemmer(_ stem: Stem) {
        mustSucceed { cx_qp_set_stemmer(handle, stem.handle, $0) }
    }

    /// Sets the stemming strategy; match the TermGenerator's strategy used at index time.
    public func setStemmingStrategy(_ strategy: TermGenerator.StemStrategy) {
        mustSucceed { cx_qp_set_stemming_strategy(handle, strategy.rawValue, $0) }
    }

    /// Sets (or clears, with nil) the stopper; dropped words are listed in `stoplist`.
    public func setStopper(_ stopper: Stopper?) {
        mustSucceed { cx_qp_set_stopper(handle, stopper?.handle, $0) }
        self.stopper = stopper
    }

    /// Sets the database used for wildcards, spelling correction and synonyms.
    public func setDatabase(_ database: Database) {
        mustSucceed { cx_qp_set_database(handle, database.handle, $0) }
    }

    /// The operator joining words that have no explicit operator (default `.or`).
    public var defaultOperator: Query.Operator {
        get { Query.Operator(rawValue: Int32(cx_qp_default_op(handle))) ?? .or }
        set { mustSucceed { cx_qp_set_default_op(handle, newValue.rawValue, $0) } }
    }

    /// Maps `field:` in queries to the free-text term prefix `prefix`.
    public func addPrefix(_ field: String, _ prefix: String) {
        mustSucceed { cx_qp_add_prefix(handle, field, field.utf8.count, prefix, prefix.utf8.count, $0) }
    }

    /// Maps `field:value` to a boolean filter term `prefix+value`; fields in the same `grouping`
    /// are ORed together, different groups ANDed (nil: each field is its own group).
    public func addBooleanPrefix(_ field: String, _ prefix: String, grouping: String? = nil) {
        mustSucceed { err in
            if let grouping {
                return cx_qp_add_boolean_prefix(handle, field, field.utf8.count, prefix, prefix.utf8.count,
                                                grouping, grouping.utf8.count, err)
            }
            return cx_qp_add_boolean_prefix(handle, field, field.utf8.count, prefix, prefix.utf8.count,
                                            nil, 0, err)
        }
    }

    /// Maps `field:value` to the filter query `resolve(value)` returns (a Xapian FieldProcessor: the
    /// value as written, a quoted one without its quotes). An error thrown by `resolve` fails the
    /// parse and is what `parse` throws. Called on the parsing thread, during `parse`.
    public func addBooleanField(_ field: String, resolve: @escaping (String) throws -> Query) {
        let resolver = FieldResolver(resolve)
        fields.append(resolver)
        let context = Unmanaged.passRetained(resolver).toOpaque()
        mustSucceed { err in
            cx_qp_add_boolean_field(handle, field, field.utf8.count, { context, value, size in
                let resolver = Unmanaged<FieldResolver>.fromOpaque(context!).takeUnretainedValue()
                let text = String(decoding: UnsafeRawBufferPointer(start: value, count: size), as: UTF8.self)
                do {
                    resolver.error = nil
                    resolver.last = try resolver.resolve(text)
                    return resolver.last!.handle
                } catch {
                    resolver.error = error
                    return nil
                }
            }, context, { context in
                Unmanaged<FieldResolver>.fromOpaque(context!).release()
            }, err)
        }
    }

    /// Parses `a..b` (with `marker` as prefix, or suffix if `suffix`) as a numeric range over `slot`,
    /// whose values must be stored with `Serialisation.sortable(_:)`. `repeated` allows the
    /// marker on both ends (`5kg..10kg`).
    public func addNumberRangeProcessor(slot: Int, marker: String = "", suffix: Bool = false,
                                        repeated: Bool = false) {
        let flags: UInt32 = (suffix ? 1 : 0) | (repeated ? 2 : 0)
        mustSucceed { cx_qp_add_number_range(handle, slot.clampedUInt32, marker, marker.utf8.count, flags, $0) }
    }

    /// Parses `a..b` (with `marker` as prefix, or suffix if `suffix`) as a bytewise string range over `slot`.
    public func addRangeProcessor(slot: Int, marker: String = "", suffix: Bool = false,
                                  repeated: Bool = false) {
        let flags: UInt32 = (suffix ? 1 : 0) | (repeated ? 2 : 0)
        mustSucceed { cx_qp_add_string_range(handle, slot.clampedUInt32, marker, marker.utf8.count, flags, $0) }
    }

    /// Parses `query`; throws `.queryParser` for the malformed inputs listed on the type.
    public func parse(_ query: String, flags: Flags = .default, defaultPrefix: String = "") throws -> Query {
        for field in fields { field.error = nil }
        do {
            return Query(handle: try makeHandle {
                cx_qp_parse(handle, query, query.utf8.count, flags.rawValue, defaultPrefix,
                            defaultPrefix.utf8.count, $0)
            })
        } catch {
            if let cause = fields.lazy.compactMap(\.error).first { throw cause }
            throw error
        }
    }

    /// The spelling-corrected query from the last parse with `.spellingCorrection` ("" if none).
    public var correctedQueryString: String {
        must { try fetchString { cx_qp_corrected(handle, $0, $1) } }
    }

    /// The words the last parse dropped as stopwords.
    public var stoplist: [String] {
        must { try collectStrings { cx_qp_stoplist(handle, $0, $1, $2) } }
    }

    /// The query words that the last parse stemmed to `term`.
    public func unstem(_ term: String) -> [String] {
        must { try collectStrings { cx_qp_unstem(handle, term, term.utf8.count, $0, $1, $2) } }
    }
}

/// The Swift side of a field processor: the closure, its last result (alive until Xapian has
/// copied it) and the error that failed the last call.
private final class FieldResolver {
    let resolve: (String) throws -> Query
    var last: Query?
    var error: Error?

    init(_ resolve: @escaping (String) throws -> Query) { self.resolve = resolve }
}
