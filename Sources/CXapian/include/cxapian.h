// Plain C interface over libxapian (1.4). No logic lives here: each function forwards to one
// Xapian call, catches every exception and reports it through a cx_error out-parameter.
//
// Conventions:
// - Strings in are (pointer, length) pairs of bytes; a NULL pointer with length 0 is "".
// - Strings out are malloc'd copies with a length (cx_bytes); free them with cx_free().
// - Functions returning a handle return NULL on error; functions returning int return 0 on
//   success and -1 on error. On success err->kind is CX_OK.
// - Lists come back through callbacks; a callback returns 0 to continue and non-zero to stop.
// - Handles are not thread-safe (neither is Xapian): confine each to one thread at a time.
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define CX_NOEXCEPT noexcept
extern "C" {
#else
#define CX_NOEXCEPT
#endif

/// Error kinds, mapped from Xapian::Error::get_type().
enum {
    CX_OK = 0,
    CX_ERR_OPENING = 1,
    CX_ERR_NOT_FOUND = 2,
    CX_ERR_LOCK = 3,
    CX_ERR_MODIFIED = 4,
    CX_ERR_CORRUPT = 5,
    CX_ERR_VERSION = 6,
    CX_ERR_DATABASE = 7,
    CX_ERR_QUERY_PARSER = 8,
    CX_ERR_INVALID_ARGUMENT = 9,
    CX_ERR_INVALID_OPERATION = 10,
    CX_ERR_NETWORK = 11,
    CX_ERR_NETWORK_TIMEOUT = 12,
    CX_ERR_DOC_NOT_FOUND = 13,
    CX_ERR_RANGE = 14,
    CX_ERR_WILDCARD = 15,
    CX_ERR_UNIMPLEMENTED = 16,
    CX_ERR_FEATURE_UNAVAILABLE = 17,
    CX_ERR_SERIALISATION = 18,
    CX_ERR_MEMORY = 19,
    CX_ERR_OTHER = 20
};

/// An error, with the type name and message copied into fixed buffers (truncated if longer).
typedef struct cx_error {
    int kind;
    /// The system error behind it (errno: ENOSPC, EACCES, ...), 0 when there is none.
    int sys_errno;
    char type[64];
    char message[1024];
} cx_error;

/// A malloc'd byte string; free data with cx_free().
typedef struct cx_bytes {
    char *data;
    size_t size;
} cx_bytes;

/// Called once per string in a list; `number` is a frequency or count where one applies.
typedef int (*cx_string_cb)(void *context, const char *data, size_t size, uint64_t number);
/// Called once per document id in a list.
typedef int (*cx_docid_cb)(void *context, uint32_t docid);
/// Called once per term of a document, with its wdf and its positions (ascending).
typedef int (*cx_term_positions_cb)(void *context, const char *term, size_t term_len, uint32_t wdf,
                                    const uint32_t *positions, size_t position_count);

typedef struct cx_database cx_database;
typedef struct cx_document cx_document;
typedef struct cx_stem cx_stem;
typedef struct cx_stopper cx_stopper;
typedef struct cx_termgen cx_termgen;
typedef struct cx_query cx_query;
typedef struct cx_queryparser cx_queryparser;
typedef struct cx_matchspy cx_matchspy;
typedef struct cx_valuecodes cx_valuecodes;
typedef struct cx_codespy cx_codespy;
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;

/// Frees memory the shim returned (cx_bytes.data); NULL is fine.
void cx_free(void *p) CX_NOEXCEPT;
/// The libxapian version string, e.g. "1.4.22".
const char *cx_version_string(void) CX_NOEXCEPT;

// MARK: Database

/// Opens a read-only database (a directory or a stub file).
cx_database *cx_db_open(const char *path, size_t path_len, cx_error *err) CX_NOEXCEPT;
/// Opens a remote database served by xapian-tcpsrv; timeouts in milliseconds.
cx_database *cx_db_open_remote(const char *host, size_t host_len, unsigned port,
                               unsigned timeout_ms, unsigned connect_timeout_ms,
                               cx_error *err) CX_NOEXCEPT;
/// A database with no shards; add some with cx_db_add_database.
cx_database *cx_db_new_empty(cx_error *err) CX_NOEXCEPT;
/// action: 0 create-or-open, 1 create-or-overwrite, 2 create, 3 open (Xapian::DB_*).
cx_database *cx_db_open_writable(const char *path, size_t path_len, int action,
                                 cx_error *err) CX_NOEXCEPT;
void cx_db_free(cx_database *db) CX_NOEXCEPT;
int cx_db_add_database(cx_database *db, const cx_database *other, cx_error *err) CX_NOEXCEPT;
int cx_db_doccount(const cx_database *db, uint64_t *out, cx_error *err) CX_NOEXCEPT;
int cx_db_lastdocid(const cx_database *db, uint32_t *out, cx_error *err) CX_NOEXCEPT;
int cx_db_avlength(const cx_database *db, double *out, cx_error *err) CX_NOEXCEPT;
/// *out is 1 if the database changed, 0 if not.
int cx_db_reopen(cx_database *db, int *out, cx_error *err) CX_NOEXCEPT;
int cx_db_close(cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_db_metadata(const cx_database *db, const char *key, size_t key_len, cx_bytes *out,
                   cx_error *err) CX_NOEXCEPT;
int cx_db_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                        cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;
int cx_db_termfreq(const cx_database *db, const char *term, size_t term_len, uint64_t *out,
                   cx_error *err) CX_NOEXCEPT;
int cx_db_collfreq(const cx_database *db, const char *term, size_t term_len, uint64_t *out,
                   cx_error *err) CX_NOEXCEPT;
int cx_db_term_exists(const cx_database *db, const char *term, size_t term_len, int *out,
                      cx_error *err) CX_NOEXCEPT;
cx_document *cx_db_document(const cx_database *db, uint32_t docid, cx_error *err) CX_NOEXCEPT;
/// Calls cb(term, termfreq) for each term starting with prefix.
int cx_db_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                   cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;
int cx_db_postings(const cx_database *db, const char *term, size_t term_len, cx_docid_cb cb,
                   void *context, cx_error *err) CX_NOEXCEPT;
int cx_db_spelling_suggestion(const cx_database *db, const char *word, size_t word_len,
                              unsigned max_edit_distance, cx_bytes *out,
                              cx_error *err) CX_NOEXCEPT;
int cx_db_synonyms(const cx_database *db, const char *term, size_t term_len, cx_string_cb cb,
                   void *context, cx_error *err) CX_NOEXCEPT;
/// flags: Xapian::DBCOMPACT_* (8 multipass, 16 single file).
int cx_db_compact(const cx_database *db, const char *path, size_t path_len, unsigned flags,
                  cx_error *err) CX_NOEXCEPT;
/// Runs Xapian::Database::check; the report text goes to *report, the error count to *errors.
int cx_db_check(const char *path, size_t path_len, int opts, uint64_t *errors,
                cx_bytes *report, cx_error *err) CX_NOEXCEPT;

// MARK: WritableDatabase (each fails with invalidOperation if db is not writable)

int cx_wdb_add_document(cx_database *db, const cx_document *doc, uint32_t *out,
                        cx_error *err) CX_NOEXCEPT;
int cx_wdb_replace_document_term(cx_database *db, const char *term, size_t term_len,
                                 const cx_document *doc, uint32_t *out,
                                 cx_error *err) CX_NOEXCEPT;
int cx_wdb_replace_document(cx_database *db, uint32_t docid, const cx_document *doc,
                            cx_error *err) CX_NOEXCEPT;
int cx_wdb_delete_document(cx_database *db, uint32_t docid, cx_error *err) CX_NOEXCEPT;
int cx_wdb_delete_document_term(cx_database *db, const char *term, size_t term_len,
                                cx_error *err) CX_NOEXCEPT;
int cx_wdb_commit(cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_wdb_begin_transaction(cx_database *db, int flushed, cx_error *err) CX_NOEXCEPT;
int cx_wdb_commit_transaction(cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_wdb_cancel_transaction(cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_wdb_set_metadata(cx_database *db, const char *key, size_t key_len, const char *value,
                        size_t value_len, cx_error *err) CX_NOEXCEPT;
int cx_wdb_add_spelling(cx_database *db, const char *word, size_t word_len, unsigned freqinc,
                        cx_error *err) CX_NOEXCEPT;
int cx_wdb_add_synonym(cx_database *db, const char *term, size_t term_len, const char *synonym,
                       size_t synonym_len, cx_error *err) CX_NOEXCEPT;
int cx_wdb_clear_synonyms(cx_database *db, const char *term, size_t term_len,
                          cx_error *err) CX_NOEXCEPT;

// MARK: Document

cx_document *cx_doc_new(cx_error *err) CX_NOEXCEPT;
void cx_doc_free(cx_document *doc) CX_NOEXCEPT;
uint32_t cx_doc_docid(const cx_document *doc) CX_NOEXCEPT;
int cx_doc_data(const cx_document *doc, cx_bytes *out, cx_error *err) CX_NOEXCEPT;
int cx_doc_set_data(cx_document *doc, const char *data, size_t size, cx_error *err) CX_NOEXCEPT;
int cx_doc_add_term(cx_document *doc, const char *term, size_t term_len, unsigned wdfinc,
                    cx_error *err) CX_NOEXCEPT;
int cx_doc_add_posting(cx_document *doc, const char *term, size_t term_len, unsigned pos,
                       unsigned wdfinc, cx_error *err) CX_NOEXCEPT;
/// Adds `term` at each of `count` positions, with wdf +1 per position.
int cx_doc_add_postings(cx_document *doc, const char *term, size_t term_len, const uint32_t *positions,
                        size_t count, cx_error *err) CX_NOEXCEPT;
int cx_doc_add_boolean_term(cx_document *doc, const char *term, size_t term_len,
                            cx_error *err) CX_NOEXCEPT;
int cx_doc_set_value(cx_document *doc, unsigned slot, const char *value, size_t size,
                     cx_error *err) CX_NOEXCEPT;
int cx_doc_value(const cx_document *doc, unsigned slot, cx_bytes *out, cx_error *err) CX_NOEXCEPT;
/// Calls cb(term, wdf) for each term of the document, in sorted order.
int cx_doc_terms(const cx_document *doc, cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;
int cx_doc_term_positions(const cx_document *doc, cx_term_positions_cb cb, void *context,
                          cx_error *err) CX_NOEXCEPT;

// MARK: Stem and Stopper

cx_stem *cx_stem_new(const char *language, size_t language_len, cx_error *err) CX_NOEXCEPT;
/// The stemmer for `language`, remembering the stems of up to `capacity` distinct words (then it
/// forgets them all and starts again). Not thread-safe: one per thread.
cx_stem *cx_stem_new_memoised(const char *language, size_t language_len, size_t capacity,
                              cx_error *err) CX_NOEXCEPT;
void cx_stem_free(cx_stem *stem) CX_NOEXCEPT;
int cx_stem_word(const cx_stem *stem, const char *word, size_t word_len, cx_bytes *out,
                 cx_error *err) CX_NOEXCEPT;
/// Space-separated list of the available stemmer languages.
int cx_stem_languages(cx_bytes *out, cx_error *err) CX_NOEXCEPT;
cx_stopper *cx_stopper_new(cx_error *err) CX_NOEXCEPT;
void cx_stopper_free(cx_stopper *stopper) CX_NOEXCEPT;
int cx_stopper_add(cx_stopper *stopper, const char *word, size_t word_len, cx_error *err) CX_NOEXCEPT;
int cx_stopper_contains(const cx_stopper *stopper, const char *word, size_t word_len) CX_NOEXCEPT;

// MARK: TermGenerator (does not own the stopper: the caller keeps it alive)

cx_termgen *cx_termgen_new(cx_error *err) CX_NOEXCEPT;
void cx_termgen_free(cx_termgen *tg) CX_NOEXCEPT;
int cx_termgen_set_stemmer(cx_termgen *tg, const cx_stem *stem, cx_error *err) CX_NOEXCEPT;
/// strategy: 0 none, 1 all, 2 stemmed (Xapian::TermGenerator::STOP_*); stopper may be NULL.
int cx_termgen_set_stopper(cx_termgen *tg, const cx_stopper *stopper, int strategy,
                           cx_error *err) CX_NOEXCEPT;
/// strategy: Xapian::TermGenerator::STEM_* (0 none, 1 some, 2 all, 3 all_z, 4 some_full_pos).
int cx_termgen_set_stemming_strategy(cx_termgen *tg, int strategy, cx_error *err) CX_NOEXCEPT;
int cx_termgen_set_document(cx_termgen *tg, const cx_document *doc, cx_error *err) CX_NOEXCEPT;
int cx_termgen_set_database(cx_termgen *tg, const cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_termgen_set_flags(cx_termgen *tg, unsigned flags, cx_error *err) CX_NOEXCEPT;
unsigned cx_termgen_flags(cx_termgen *tg) CX_NOEXCEPT;
int cx_termgen_index_text(cx_termgen *tg, const char *text, size_t text_len, unsigned wdfinc,
                          const char *prefix, size_t prefix_len, int positions,
                          cx_error *err) CX_NOEXCEPT;
int cx_termgen_increase_termpos(cx_termgen *tg, unsigned delta, cx_error *err) CX_NOEXCEPT;
unsigned cx_termgen_termpos(const cx_termgen *tg) CX_NOEXCEPT;
int cx_termgen_set_termpos(cx_termgen *tg, unsigned pos, cx_error *err) CX_NOEXCEPT;

// MARK: Query

cx_query *cx_query_term(const char *term, size_t term_len, unsigned wqf, unsigned pos,
                        cx_error *err) CX_NOEXCEPT;
cx_query *cx_query_combine(int op, const cx_query *const *subqueries, size_t count,
                           unsigned parameter, cx_error *err) CX_NOEXCEPT;
/// op: OP_VALUE_RANGE (begin..end), OP_VALUE_GE (begin), OP_VALUE_LE (end).
cx_query *cx_query_value(int op, unsigned slot, const char *begin, size_t begin_len,
                         const char *end, size_t end_len, cx_error *err) CX_NOEXCEPT;
cx_query *cx_query_wildcard(const char *prefix, size_t prefix_len, cx_error *err) CX_NOEXCEPT;
/// which: 0 MatchNothing, 1 MatchAll.
cx_query *cx_query_special(int which, cx_error *err) CX_NOEXCEPT;
cx_query *cx_query_scaled(const cx_query *q, double factor, cx_error *err) CX_NOEXCEPT;
void cx_query_free(cx_query *q) CX_NOEXCEPT;
int cx_query_empty(const cx_query *q) CX_NOEXCEPT;
int cx_query_description(const cx_query *q, cx_bytes *out, cx_error *err) CX_NOEXCEPT;
/// Each distinct term once, in query position order.
int cx_query_terms(const cx_query *q, cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;

// MARK: QueryParser (does not own the stopper: the caller keeps it alive)

cx_queryparser *cx_qp_new(cx_error *err) CX_NOEXCEPT;
void cx_qp_free(cx_queryparser *qp) CX_NOEXCEPT;
int cx_qp_set_stemmer(cx_queryparser *qp, const cx_stem *stem, cx_error *err) CX_NOEXCEPT;
int cx_qp_set_stemming_strategy(cx_queryparser *qp, int strategy, cx_error *err) CX_NOEXCEPT;
int cx_qp_set_stopper(cx_queryparser *qp, const cx_stopper *stopper, cx_error *err) CX_NOEXCEPT;
int cx_qp_set_database(cx_queryparser *qp, const cx_database *db, cx_error *err) CX_NOEXCEPT;
int cx_qp_set_default_op(cx_queryparser *qp, int op, cx_error *err) CX_NOEXCEPT;
int cx_qp_default_op(const cx_queryparser *qp) CX_NOEXCEPT;
int cx_qp_add_prefix(cx_queryparser *qp, const char *field, size_t field_len, const char *prefix,
                     size_t prefix_len, cx_error *err) CX_NOEXCEPT;
/// grouping may be NULL (each field its own group).
int cx_qp_add_boolean_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                             const char *prefix, size_t prefix_len, const char *grouping,
                             size_t grouping_len, cx_error *err) CX_NOEXCEPT;
/// Called by a field processor with the text after `field:` (a quoted value without its quotes);
/// returns a query the callee keeps alive until its next call or release, or NULL to fail the parse.
typedef const cx_query *(*cx_field_cb)(void *context, const char *value, size_t size);
/// Maps `field:value` to the boolean filter query `cb` returns (a Xapian::FieldProcessor); the
/// parser owns the processor and calls `release(context)` when it is destroyed.
int cx_qp_add_boolean_field(cx_queryparser *qp, const char *field, size_t field_len, cx_field_cb cb,
                            void *context, void (*release)(void *context), cx_error *err) CX_NOEXCEPT;
/// Adds a Xapian::NumberRangeProcessor; flags: Xapian::RP_* (1 suffix, 2 repeated).
int cx_qp_add_number_range(cx_queryparser *qp, unsigned slot, const char *marker,
                           size_t marker_len, unsigned flags, cx_error *err) CX_NOEXCEPT;
/// Adds a plain Xapian::RangeProcessor (string ranges).
int cx_qp_add_string_range(cx_queryparser *qp, unsigned slot, const char *marker,
                           size_t marker_len, unsigned flags, cx_error *err) CX_NOEXCEPT;
cx_query *cx_qp_parse(cx_queryparser *qp, const char *query, size_t query_len, unsigned flags,
                      const char *default_prefix, size_t default_prefix_len,
                      cx_error *err) CX_NOEXCEPT;
int cx_qp_corrected(const cx_queryparser *qp, cx_bytes *out, cx_error *err) CX_NOEXCEPT;
int cx_qp_stoplist(const cx_queryparser *qp, cx_string_cb cb, void *context,
                   cx_error *err) CX_NOEXCEPT;
int cx_qp_unstem(const cx_queryparser *qp, const char *term, size_t term_len, cx_string_cb cb,
                 void *context, cx_error *err) CX_NOEXCEPT;

// MARK: ValueCountMatchSpy

cx_matchspy *cx_spy_new(unsigned slot, cx_error *err) CX_NOEXCEPT;
void cx_spy_free(cx_matchspy *spy) CX_NOEXCEPT;
uint64_t cx_spy_total(const cx_matchspy *spy) CX_NOEXCEPT;
/// Calls cb(value, count) in descending count order.
int cx_spy_counts(const cx_matchspy *spy, cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;

// MARK: Value codes: every document's value in one slot as the number of a distinct value

/// Reads the slot's value stream once; code 0 is "no value". UnimplementedError for a database
/// of several shards (a match spy sees shard document ids).
cx_valuecodes *cx_valuecodes_new(const cx_database *db, unsigned slot, cx_error *err) CX_NOEXCEPT;
void cx_valuecodes_free(cx_valuecodes *t) CX_NOEXCEPT;
/// Calls cb(value, code) for every code in order, from 0.
int cx_valuecodes_values(const cx_valuecodes *t, cx_string_cb cb, void *context, cx_error *err) CX_NOEXCEPT;
/// A match spy counting matches per code of `t` (which must outlive it).
cx_codespy *cx_codespy_new(const cx_valuecodes *t, cx_error *err) CX_NOEXCEPT;
void cx_codespy_free(cx_codespy *spy) CX_NOEXCEPT;
/// Matches seen.
uint64_t cx_codespy_total(const cx_codespy *spy) CX_NOEXCEPT;
/// Matches whose document id is beyond the table (documents added after it was read).
uint64_t cx_codespy_outside(const cx_codespy *spy) CX_NOEXCEPT;
/// Copies up to `capacity` counts (by code) into `out`; returns the number of codes.
size_t cx_codespy_counts(const cx_codespy *spy, uint64_t *out, size_t capacity) CX_NOEXCEPT;

// MARK: Enquire (does not own match spies: the caller keeps them alive)

cx_enquire *cx_enquire_new(const cx_database *db, cx_error *err) CX_NOEXCEPT;
void cx_enquire_free(cx_enquire *enq) CX_NOEXCEPT;
int cx_enquire_set_query(cx_enquire *enq, const cx_query *q, unsigned qlen, cx_error *err) CX_NOEXCEPT;
/// slot < 0 disables collapsing.
int cx_enquire_set_collapse_key(cx_enquire *enq, long slot, unsigned max, cx_error *err) CX_NOEXCEPT;
/// mode: 0 relevance, 1 value, 2 value then relevance, 3 relevance then value.
int cx_enquire_set_sort(cx_enquire *enq, int mode, unsigned slot, int reverse,
                        cx_error *err) CX_NOEXCEPT;
/// order: 1 ascending, 0 descending, 2 don't care (Xapian::Enquire::docid_order).
int cx_enquire_set_docid_order(cx_enquire *enq, int order, cx_error *err) CX_NOEXCEPT;
int cx_enquire_set_bm25(cx_enquire *enq, double k1, double k2, double k3, double b,
                        double min_normlen, cx_error *err) CX_NOEXCEPT;
int cx_enquire_add_matchspy(cx_enquire *enq, cx_matchspy *spy, cx_error *err) CX_NOEXCEPT;
int cx_enquire_add_codespy(cx_enquire *enq, cx_codespy *spy, cx_error *err) CX_NOEXCEPT;
int cx_enquire_clear_matchspies(cx_enquire *enq, cx_error *err) CX_NOEXCEPT;
cx_mset *cx_enquire_mset(cx_enquire *enq, unsigned first, unsigned maxitems, unsigned check_at_least,
                         cx_error *err) CX_NOEXCEPT;

// MARK: MSet

/// One match; rank counts from 0 at the first match overall.
typedef struct cx_mset_item {
    uint32_t docid;
    uint32_t rank;
    double weight;
    int percent;
    uint32_t collapse_count;
} cx_mset_item;

void cx_mset_free(cx_mset *mset) CX_NOEXCEPT;
size_t cx_mset_size(const cx_mset *mset) CX_NOEXCEPT;
/// which: 0 estimated, 1 lower bound, 2 upper bound.
uint64_t cx_mset_matches(const cx_mset *mset, int which) CX_NOEXCEPT;
int cx_mset_item_at(const cx_mset *mset, size_t index, cx_mset_item *out, cx_error *err) CX_NOEXCEPT;
cx_document *cx_mset_document(const cx_mset *mset, size_t index, cx_error *err) CX_NOEXCEPT;
/// flags: Xapian::MSet::SNIPPET_*.
int cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_len, size_t length,
                    const cx_stem *stem, unsigned flags, const char *hi_start, size_t hi_start_len,
                    const char *hi_end, size_t hi_end_len, const char *omit, size_t omit_len,
                    cx_bytes *out, cx_error *err) CX_NOEXCEPT;

// MARK: Serialisation

int cx_sortable_serialise(double value, cx_bytes *out, cx_error *err) CX_NOEXCEPT;
double cx_sortable_unserialise(const char *data, size_t size) CX_NOEXCEPT;

#ifdef __cplusplus
}
#endif
#endif
