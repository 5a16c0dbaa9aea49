// The C shim over libxapian: one forwarding call per function, every exception caught.
// Xapian::Error does not derive from std::exception, so it is caught on its own, first.
#include "cxapian.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct cx_database { std::unique_ptr<Xapian::Database> db; };
struct cx_document { Xapian::Document doc; };
struct cx_stem { Xapian::Stem stem; };
struct cx_stopper { Xapian::SimpleStopper stopper; };
struct cx_termgen { Xapian::TermGenerator tg; };
struct cx_query { Xapian::Query q; };
struct cx_queryparser { Xapian::QueryParser qp; };
struct cx_matchspy { Xapian::ValueCountMatchSpy spy; explicit cx_matchspy(unsigned s) : spy(s) {} };
// Each document's value in one slot as the number of a distinct value (0: no value).
struct cx_valuecodes { std::vector<uint32_t> codes; std::vector<std::string> values; };
// Counts the matches per value code of a cx_valuecodes, which it does not own.
struct cx_codespy final : Xapian::MatchSpy {
    const cx_valuecodes *table;
    std::vector<uint64_t> counts;
    uint64_t total = 0, outside = 0;
    explicit cx_codespy(const cx_valuecodes *t) : table(t), counts(t->values.size()) {}
    void operator()(const Xapian::Document &doc, double) override {
        ++total;
        const Xapian::docid did = doc.get_docid();
        if (did < table->codes.size()) ++counts[table->codes[did]]; else ++outside;
    }
};
struct cx_enquire { Xapian::Enquire enq; explicit cx_enquire(const Xapian::Database &d) : enq(d) {} };
struct cx_mset { Xapian::MSet mset; };

namespace {

std::string str(const char *p, size_t n) { return p ? std::string(p, n) : std::string(); }

void copy_into(char *dst, size_t cap, const char *src, size_t n) {
    n = std::min(n, cap - 1);
    std::memcpy(dst, src, n);
    dst[n] = '\0';
}

void set_error(cx_error *err, int kind, const char *type, const char *msg, size_t msg_len) {
    if (!err) return;
    err->kind = kind;
    copy_into(err->type, sizeof err->type, type, std::strlen(type));
    copy_into(err->message, sizeof err->message, msg, msg_len);
}

// Xapian keeps the errno of a system failure private and exposes only its strerror() text;
// finding the number whose text it is gives callers the errno to switch on.
int errno_of(const Xapian::Error &e) {
    const char *text = e.get_error_string();
    if (!text) return 0;
    for (int n = 1; n < 256; ++n) {
        if (std::strcmp(std::strerror(n), text) == 0) return n;
    }
    return 0;
}

int kind_of(const Xapian::Error &e) {
    static const std::pair<const char *, int> table[] = {
        {"DatabaseNotFoundError", CX_ERR_NOT_FOUND},
        {"DatabaseLockError", CX_ERR_LOCK},
        {"DatabaseModifiedError", CX_ERR_MODIFIED},
        {"DatabaseCorruptError", CX_ERR_CORRUPT},
        {"DatabaseVersionError", CX_ERR_VERSION},
        {"DatabaseOpeningError", CX_ERR_OPENING},
        {"DatabaseError", CX_ERR_DATABASE},
        {"DatabaseClosedError", CX_ERR_DATABASE},
        {"DatabaseCreateError", CX_ERR_DATABASE},
        {"QueryParserError", CX_ERR_QUERY_PARSER},
        {"InvalidArgumentError", CX_ERR_INVALID_ARGUMENT},
        {"InvalidOperationError", CX_ERR_INVALID_OPERATION},
        {"NetworkTimeoutError", CX_ERR_NETWORK_TIMEOUT},
        {"NetworkError", CX_ERR_NETWORK},
        {"DocNotFoundError", CX_ERR_DOC_NOT_FOUND},
        {"RangeError", CX_ERR_RANGE},
        {"WildcardError", CX_ERR_WILDCARD},
        {"UnimplementedError", CX_ERR_UNIMPLEMENTED},
        {"FeatureUnavailableError", CX_ERR_FEATURE_UNAVAILABLE},
        {"SerialisationError", CX_ERR_SERIALISATION},
    };
    const char *type = e.get_type();
    for (const auto &entry : table)
        if (std::strcmp(type, entry.first) == 0) return entry.second;
    return CX_ERR_OTHER;
}

// Runs body, turning any exception into *err; returns 0 on success, -1 on error.
template <class Body> int guard(cx_error *err, Body &&body) noexcept {
    if (err) { err->kind = CX_OK; err->sys_errno = 0; err->type[0] = '\0'; err->message[0] = '\0'; }
    try {
        body();
        return 0;
    } catch (const Xapian::Error &e) {
        const std::string &msg = e.get_msg();
        set_error(err, kind_of(e), e.get_type(), msg.data(), msg.size());
        if (err) err->sys_errno = errno_of(e);
    } catch (const std::bad_alloc &e) {
        set_error(err, CX_ERR_MEMORY, "std::bad_alloc", e.what(), std::strlen(e.what()));
    } catch (const std::exception &e) {
        set_error(err, CX_ERR_OTHER, "std::exception", e.what(), std::strlen(e.what()));
    } catch (...) {
        static const char msg[] = "unknown exception";
        set_error(err, CX_ERR_OTHER, "unknown", msg, sizeof msg - 1);
    }
    return -1;
}

// Runs body, which returns a new handle; NULL on error.
template <class T, class Body> T *make(cx_error *err, Body &&body) noexcept {
    T *result = nullptr;
    guard(err, [&] { result = body(); });
    return result;
}

void put(cx_bytes *out, const std::string &s) {
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    out->data = p;
    out->size = s.size();
}

Xapian::WritableDatabase &writable(cx_database *db) {
    auto *w = dynamic_cast<Xapian::WritableDatabase *>(db->db.get());
    if (!w) throw Xapian::InvalidOperationError("Database is not writable");
    return *w;
}

// Feeds (term, frequency) pairs of a TermIterator range to cb until it asks to stop.
template <class Freq>
void each_term(Xapian::TermIterator it, Xapian::TermIterator end, cx_string_cb cb, void *ctx,
               Freq &&freq) {
    for (; it != end; ++it) {
        const std::string t = *it;
        if (cb(ctx, t.data(), t.size(), freq(it))) break;
    }
}

void each_plain(Xapian::TermIterator it, Xapian::TermIterator end, cx_string_cb cb, void *ctx) {
    each_term(it, end, cb, ctx, [](const Xapian::TermIterator &) { return uint64_t(0); });
}

} // namespace

namespace {
/// Kraaij–Pohlmann that takes `ge` off past participles only. Xapian's `kraaij_pohlmann` drops
/// the prefix and the infix `ge` of every word, so `gegevens` stems as `geven`, `gedurende` as
/// `duur`, `begeleiding` as `beleid`, `geschil` as `schil`, `gelijk` as `lijk`. Here a `ge` with
/// at least three letters after it is hidden from the Snowball stemmer (written `#e`, put back
/// after), except in a word ending like a past participle (-d, -t, -de, -te; not the present
/// participle's -end/-ende nor -heid) that is not a form of one of the few verbs whose stem
/// begins with ge (`gebruikt` is gebruiken's, not a participle of "bruiken"): so `gemeld` still
/// stems as `melden`, `opgezegd` as `opzeggen`, `uitgevoerd` as `uitvoeren`.
class ParticipleGeStem : public Xapian::StemImplementation {
    Xapian::Stem kp{"kraaij_pohlmann"};

    static bool endsWith(const std::string &word, const char *suffix) {
        size_t n = std::strlen(suffix);
        return word.size() >= n && word.compare(word.size() - n, n, suffix) == 0;
    }

    /// Whether Kraaij–Pohlmann may take this word's `ge` off: it looks like a past participle.
    static bool looksLikeParticiple(const std::string &word) {
        static const char *const geVerbs[] = {"gebeur", "gebied", "gebod", "gebruik", "gedoog", "gedrag", "gehoorza",
                                              "gelijk", "geloof", "gelov", "geluk", "geniet", "genot", "genees",
                                              "genez", "geschied", "getuig"};
        for (const char *verb : geVerbs) if (word.find(verb) != std::string::npos) return false;
        if (endsWith(word, "end") || endsWith(word, "ende") || endsWith(word, "heid")) return false;
        return endsWith(word, "d") || endsWith(word, "t") || endsWith(word, "de") || endsWith(word, "te");
    }

  public:
    std::string operator()(const std::string &word) override {
        if (word.find("ge") == std::string::npos || word.find('#') != std::string::npos || looksLikeParticiple(word))
            return kp(word);
        std::string hidden = word;
        for (size_t i = 0; i + 5 <= hidden.size();) {
            if (hidden[i] == 'g' && hidden[i + 1] == 'e') { hidden[i] = '#'; i += 2; } else ++i;
        }
        std::string stem = kp(hidden);
        for (char &c : stem) if (c == '#') c = 'g';
        return stem;
    }

    std::string get_description() const override { return ParticipleGeStem::name; }

    static constexpr const char *name = "kraaij_pohlmann_ge";
};

/// The stemmer called `name`: Xapian's, or termsearch's own `kraaij_pohlmann_ge`.
Xapian::Stem makeStem(const std::string &name) {
    if (name == ParticipleGeStem::name) return Xapian::Stem(new ParticipleGeStem());
    return Xapian::Stem(name);
}
}  // namespace

extern "C" {

void cx_free(void *p) noexcept { std::free(p); }
const char *cx_version_string(void) noexcept { return Xapian::version_string(); }

// MARK: Database

cx_database *cx_db_open(const char *path, size_t path_len, cx_error *err) noexcept {
    return make<cx_database>(err, [&] {
        return new cx_database{std::make_unique<Xapian::Database>(str(path, path_len))};
    });
}

cx_database *cx_db_open_remote(const char *host, size_t host_len, unsigned port,
                               unsigned timeout_ms, unsigned connect_timeout_ms,
                               cx_error *err) noexcept {
    return make<cx_database>(err, [&] {
        Xapian::Database remote =
            Xapian::Remote::open(str(host, host_len), port, timeout_ms, connect_timeout_ms);
        return new cx_database{std::make_unique<Xapian::Database>(remote)};
    });
}

cx_database *cx_db_new_empty(cx_error *err) noexcept {
    return make<cx_database>(err, [&] { return new cx_database{std::make_unique<Xapian::Database>()}; });
}

cx_database *cx_db_open_writable(const char *path, size_t path_len, int action,
                                 cx_error *err) noexcept {
    return make<cx_database>(err, [&] {
        return new cx_database{
            std::make_unique<Xapian::WritableDatabase>(str(path, path_len), action)};
    });
}

void cx_db_free(cx_database *db) noexcept {
    // A WritableDatabase destructor commits and swallows any error; callers who care commit first.
    delete db;
}

int cx_db_add_database(cx_database *db, const cx_database *other, cx_error *err) noexcept {
    return guard(err, [&] { db->db->add_database(*other->db); });
}

int cx_db_doccount(const cx_database *db, uint64_t *out, cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->get_doccount(); });
}

int cx_db_lastdocid(const cx_database *db, uint32_t *out, cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->get_lastdocid(); });
}

int cx_db_avlength(const cx_database *db, double *out, cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->get_avlength(); });
}

int cx_db_reopen(cx_database *db, int *out, cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->reopen() ? 1 : 0; });
}

int cx_db_close(cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { db->db->close(); });
}

int cx_db_metadata(const cx_database *db, const char *key, size_t key_len, cx_bytes *out,
                   cx_error *err) noexcept {
    return guard(err, [&] { put(out, db->db->get_metadata(str(key, key_len))); });
}

int cx_db_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                        cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string p = str(prefix, prefix_len);
        each_plain(db->db->metadata_keys_begin(p), db->db->metadata_keys_end(p), cb, context);
    });
}

int cx_db_termfreq(const cx_database *db, const char *term, size_t term_len, uint64_t *out,
                   cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->get_termfreq(str(term, term_len)); });
}

int cx_db_collfreq(const cx_database *db, const char *term, size_t term_len, uint64_t *out,
                   cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->get_collection_freq(str(term, term_len)); });
}

int cx_db_term_exists(const cx_database *db, const char *term, size_t term_len, int *out,
                      cx_error *err) noexcept {
    return guard(err, [&] { *out = db->db->term_exists(str(term, term_len)) ? 1 : 0; });
}

cx_document *cx_db_document(const cx_database *db, uint32_t docid, cx_error *err) noexcept {
    return make<cx_document>(err, [&] { return new cx_document{db->db->get_document(docid)}; });
}

int cx_db_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                   cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string p = str(prefix, prefix_len);
        each_term(db->db->allterms_begin(p), db->db->allterms_end(p), cb, context,
                  [](const Xapian::TermIterator &it) { return uint64_t(it.get_termfreq()); });
    });
}

int cx_db_postings(const cx_database *db, const char *term, size_t term_len, cx_docid_cb cb,
                   void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string t = str(term, term_len);
        for (auto it = db->db->postlist_begin(t); it != db->db->postlist_end(t); ++it)
            if (cb(context, *it)) break;
    });
}

int cx_db_spelling_suggestion(const cx_database *db, const char *word, size_t word_len,
                              unsigned max_edit_distance, cx_bytes *out,
                              cx_error *err) noexcept {
    return guard(err, [&] {
        put(out, db->db->get_spelling_suggestion(str(word, word_len), max_edit_distance));
    });
}

int cx_db_synonyms(const cx_database *db, const char *term, size_t term_len, cx_string_cb cb,
                   void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string t = str(term, term_len);
        each_plain(db->db->synonyms_begin(t), db->db->synonyms_end(t), cb, context);
    });
}

int cx_db_compact(const cx_database *db, const char *path, size_t path_len, unsigned flags,
                  cx_error *err) noexcept {
    return guard(err, [&] { db->db->compact(str(path, path_len), flags); });
}

int cx_db_check(const char *path, size_t path_len, int opts, uint64_t *errors, cx_bytes *report,
                cx_error *err) noexcept {
    return guard(err, [&] {
        std::ostringstream text;
        *errors = Xapian::Database::check(str(path, path_len), opts, &text);
        put(report, text.str());
    });
}

// MARK: WritableDatabase

int cx_wdb_add_document(cx_database *db, const cx_document *doc, uint32_t *out,
                        cx_error *err) noexcept {
    return guard(err, [&] { *out = writable(db).add_document(doc->doc); });
}

int cx_wdb_replace_document_term(cx_database *db, const char *term, size_t term_len,
                                 const cx_document *doc, uint32_t *out, cx_error *err) noexcept {
    return guard(err, [&] { *out = writable(db).replace_document(str(term, term_len), doc->doc); });
}

int cx_wdb_replace_document(cx_database *db, uint32_t docid, const cx_document *doc,
                            cx_error *err) noexcept {
    return guard(err, [&] { writable(db).replace_document(docid, doc->doc); });
}

int cx_wdb_delete_document(cx_database *db, uint32_t docid, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).delete_document(docid); });
}

int cx_wdb_delete_document_term(cx_database *db, const char *term, size_t term_len,
                                cx_error *err) noexcept {
    return guard(err, [&] { writable(db).delete_document(str(term, term_len)); });
}

int cx_wdb_commit(cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).commit(); });
}

int cx_wdb_begin_transaction(cx_database *db, int flushed, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).begin_transaction(flushed != 0); });
}

int cx_wdb_commit_transaction(cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).commit_transaction(); });
}

int cx_wdb_cancel_transaction(cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).cancel_transaction(); });
}

int cx_wdb_set_metadata(cx_database *db, const char *key, size_t key_len, const char *value,
                        size_t value_len, cx_error *err) noexcept {
    return guard(err, [&] { writable(db).set_metadata(str(key, key_len), str(value, value_len)); });
}

int cx_wdb_add_spelling(cx_database *db, const char *word, size_t word_len, unsigned freqinc,
                        cx_error *err) noexcept {
    return guard(err, [&] { writable(db).add_spelling(str(word, word_len), freqinc); });
}

int cx_wdb_add_synonym(cx_database *db, const char *term, size_t term_len, const char *synonym,
                       size_t synonym_len, cx_error *err) noexcept {
    return guard(err, [&] {
        writable(db).add_synonym(str(term, term_len), str(synonym, synonym_len));
    });
}

int cx_wdb_clear_synonyms(cx_database *db, const char *term, size_t term_len,
                          cx_error *err) noexcept {
    return guard(err, [&] { writable(db).clear_synonyms(str(term, term_len)); });
}

// MARK: Document

cx_document *cx_doc_new(cx_error *err) noexcept {
    return make<cx_document>(err, [] { return new cx_document{}; });
}

void cx_doc_free(cx_document *doc) noexcept { delete doc; }

uint32_t cx_doc_docid(const cx_document *doc) noexcept { return doc->doc.get_docid(); }

int cx_doc_data(const cx_document *doc, cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, doc->doc.get_data()); });
}

int cx_doc_set_data(cx_document *doc, const char *data, size_t size, cx_error *err) noexcept {
    return guard(err, [&] { doc->doc.set_data(str(data, size)); });
}

int cx_doc_add_term(cx_document *doc, const char *term, size_t term_len, unsigned wdfinc,
                    cx_error *err) noexcept {
    return guard(err, [&] { doc->doc.add_term(str(term, term_len), wdfinc); });
}

int cx_doc_add_posting(cx_document *doc, const char *term, size_t term_len, unsigned pos,
                       unsigned wdfinc, cx_error *err) noexcept {
    return guard(err, [&] { doc->doc.add_posting(str(term, term_len), pos, wdfinc); });
}

int cx_doc_add_postings(cx_document *doc, const char *term, size_t term_len, const uint32_t *positions,
                        size_t count, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string t = str(term, term_len);
        for (size_t i = 0; i < count; ++i) doc->doc.add_posting(t, positions[i]);
    });
}

int cx_doc_add_boolean_term(cx_document *doc, const char *term, size_t term_len,
                            cx_error *err) noexcept {
    return guard(err, [&] { doc->doc.add_boolean_term(str(term, term_len)); });
}

int cx_doc_set_value(cx_document *doc, unsigned slot, const char *value, size_t size,
                     cx_error *err) noexcept {
    return guard(err, [&] { doc->doc.add_value(slot, str(value, size)); });
}

int cx_doc_value(const cx_document *doc, unsigned slot, cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, doc->doc.get_value(slot)); });
}

int cx_doc_terms(const cx_document *doc, cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        each_term(doc->doc.termlist_begin(), doc->doc.termlist_end(), cb, context,
                  [](const Xapian::TermIterator &it) { return uint64_t(it.get_wdf()); });
    });
}

int cx_doc_term_positions(const cx_document *doc, cx_term_positions_cb cb, void *context,
                          cx_error *err) noexcept {
    return guard(err, [&] {
        std::vector<uint32_t> positions;
        for (auto it = doc->doc.termlist_begin(); it != doc->doc.termlist_end(); ++it) {
            const std::string term = *it;
            positions.assign(it.positionlist_begin(), it.positionlist_end());
            if (cb(context, term.data(), term.size(), it.get_wdf(), positions.data(), positions.size())) break;
        }
    });
}

// MARK: Stem and Stopper

cx_stem *cx_stem_new(const char *language, size_t language_len, cx_error *err) noexcept {
    return make<cx_stem>(err, [&] { return new cx_stem{makeStem(str(language, language_len))}; });
}

namespace {
/// Xapian::Stem with a memo: text repeats its words, and a lookup is much cheaper than stemming.
class MemoisedStem : public Xapian::StemImplementation {
    Xapian::Stem stem;
    std::string language;
    size_t capacity;
    std::unordered_map<std::string, std::string> memo;

  public:
    MemoisedStem(const std::string &language_, size_t capacity_)
        : stem(makeStem(language_)), language(language_), capacity(capacity_) {}

    std::string operator()(const std::string &word) override {
        auto found = memo.find(word);
        if (found != memo.end()) return found->second;
        if (memo.size() >= capacity) memo.clear();
        return memo.emplace(word, stem(word)).first->second;
    }

    std::string get_description() const override { return language; }
};
}  // namespace

cx_stem *cx_stem_new_memoised(const char *language, size_t language_len, size_t capacity,
                              cx_error *err) noexcept {
    return make<cx_stem>(err, [&] {
        std::string name = str(language, language_len);
        // "none" and unknown languages: the plain constructor's behaviour and errors.
        Xapian::Stem plain = makeStem(name);
        if (plain.is_none()) return new cx_stem{plain};
        return new cx_stem{Xapian::Stem(new MemoisedStem(name, capacity))};
    });
}

void cx_stem_free(cx_stem *stem) noexcept { delete stem; }

int cx_stem_word(const cx_stem *stem, const char *word, size_t word_len, cx_bytes *out,
                 cx_error *err) noexcept {
    return guard(err, [&] { put(out, stem->stem(str(word, word_len))); });
}

int cx_stem_languages(cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, Xapian::Stem::get_available_languages() + " " + ParticipleGeStem::name); });
}

cx_stopper *cx_stopper_new(cx_error *err) noexcept {
    return make<cx_stopper>(err, [] { return new cx_stopper{}; });
}

void cx_stopper_free(cx_stopper *stopper) noexcept { delete stopper; }

int cx_stopper_add(cx_stopper *stopper, const char *word, size_t word_len, cx_error *err) noexcept {
    return guard(err, [&] { stopper->stopper.add(str(word, word_len)); });
}

int cx_stopper_contains(const cx_stopper *stopper, const char *word, size_t word_len) noexcept {
    int result = 0;
    guard(nullptr, [&] { result = stopper->stopper(str(word, word_len)) ? 1 : 0; });
    return result;
}

// MARK: TermGenerator

cx_termgen *cx_termgen_new(cx_error *err) noexcept {
    return make<cx_termgen>(err, [] { return new cx_termgen{}; });
}

void cx_termgen_free(cx_termgen *tg) noexcept { delete tg; }

int cx_termgen_set_stemmer(cx_termgen *tg, const cx_stem *stem, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.set_stemmer(stem->stem); });
}

int cx_termgen_set_stopper(cx_termgen *tg, const cx_stopper *stopper, int strategy,
                           cx_error *err) noexcept {
    return guard(err, [&] {
        tg->tg.set_stopper(stopper ? &stopper->stopper : nullptr);
        tg->tg.set_stopper_strategy(static_cast<Xapian::TermGenerator::stop_strategy>(strategy));
    });
}

int cx_termgen_set_stemming_strategy(cx_termgen *tg, int strategy, cx_error *err) noexcept {
    return guard(err, [&] {
        tg->tg.set_stemming_strategy(static_cast<Xapian::TermGenerator::stem_strategy>(strategy));
    });
}

int cx_termgen_set_document(cx_termgen *tg, const cx_document *doc, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.set_document(doc->doc); });
}

int cx_termgen_set_database(cx_termgen *tg, const cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.set_database(writable(const_cast<cx_database *>(db))); });
}

int cx_termgen_set_flags(cx_termgen *tg, unsigned flags, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.set_flags(static_cast<Xapian::TermGenerator::flags>(flags)); });
}

unsigned cx_termgen_flags(cx_termgen *tg) noexcept {
    unsigned result = 0;
    // set_flags(0, ~0) keeps the flags as they are and returns them.
    guard(nullptr, [&] {
        result = tg->tg.set_flags(Xapian::TermGenerator::flags(0),
                                  static_cast<Xapian::TermGenerator::flags>(~0u));
    });
    return result;
}

int cx_termgen_index_text(cx_termgen *tg, const char *text, size_t text_len, unsigned wdfinc,
                          const char *prefix, size_t prefix_len, int positions,
                          cx_error *err) noexcept {
    return guard(err, [&] {
        if (positions)
            tg->tg.index_text(str(text, text_len), wdfinc, str(prefix, prefix_len));
        else
            tg->tg.index_text_without_positions(str(text, text_len), wdfinc, str(prefix, prefix_len));
    });
}

int cx_termgen_increase_termpos(cx_termgen *tg, unsigned delta, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.increase_termpos(delta); });
}

unsigned cx_termgen_termpos(const cx_termgen *tg) noexcept {
    unsigned result = 0;
    guard(nullptr, [&] { result = tg->tg.get_termpos(); });
    return result;
}

int cx_termgen_set_termpos(cx_termgen *tg, unsigned pos, cx_error *err) noexcept {
    return guard(err, [&] { tg->tg.set_termpos(pos); });
}

// MARK: Query

cx_query *cx_query_term(const char *term, size_t term_len, unsigned wqf, unsigned pos,
                        cx_error *err) noexcept {
    return make<cx_query>(err, [&] { return new cx_query{Xapian::Query(str(term, term_len), wqf, pos)}; });
}

cx_query *cx_query_combine(int op, const cx_query *const *subqueries, size_t count,
                           unsigned parameter, cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->q);
        return new cx_query{Xapian::Query(static_cast<Xapian::Query::op>(op), subs.begin(),
                                          subs.end(), parameter)};
    });
}

cx_query *cx_query_value(int op, unsigned slot, const char *begin, size_t begin_len,
                         const char *end, size_t end_len, cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        const auto o = static_cast<Xapian::Query::op>(op);
        if (o == Xapian::Query::OP_VALUE_RANGE)
            return new cx_query{Xapian::Query(o, slot, str(begin, begin_len), str(end, end_len))};
        if (o == Xapian::Query::OP_VALUE_GE)
            return new cx_query{Xapian::Query(o, slot, str(begin, begin_len))};
        return new cx_query{Xapian::Query(o, slot, str(end, end_len))};
    });
}

cx_query *cx_query_wildcard(const char *prefix, size_t prefix_len, cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        return new cx_query{Xapian::Query(Xapian::Query::OP_WILDCARD, str(prefix, prefix_len))};
    });
}

cx_query *cx_query_special(int which, cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        return new cx_query{which ? Xapian::Query::MatchAll : Xapian::Query::MatchNothing};
    });
}

cx_query *cx_query_scaled(const cx_query *q, double factor, cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        return new cx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)};
    });
}

void cx_query_free(cx_query *q) noexcept { delete q; }

int cx_query_empty(const cx_query *q) noexcept { return q->q.empty() ? 1 : 0; }

int cx_query_description(const cx_query *q, cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, q->q.get_description()); });
}

int cx_query_terms(const cx_query *q, cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        std::set<std::string> seen;
        for (auto it = q->q.get_terms_begin(); it != q->q.get_terms_end(); ++it) {
            const std::string t = *it;
            if (!seen.insert(t).second) continue;
            if (cb(context, t.data(), t.size(), 0)) break;
        }
    });
}

// MARK: QueryParser

cx_queryparser *cx_qp_new(cx_error *err) noexcept {
    return make<cx_queryparser>(err, [] { return new cx_queryparser{}; });
}

void cx_qp_free(cx_queryparser *qp) noexcept { delete qp; }

int cx_qp_set_stemmer(cx_queryparser *qp, const cx_stem *stem, cx_error *err) noexcept {
    return guard(err, [&] { qp->qp.set_stemmer(stem->stem); });
}

int cx_qp_set_stemming_strategy(cx_queryparser *qp, int strategy, cx_error *err) noexcept {
    return guard(err, [&] {
        qp->qp.set_stemming_strategy(static_cast<Xapian::QueryParser::stem_strategy>(strategy));
    });
}

int cx_qp_set_stopper(cx_queryparser *qp, const cx_stopper *stopper, cx_error *err) noexcept {
    return guard(err, [&] { qp->qp.set_stopper(stopper ? &stopper->stopper : nullptr); });
}

int cx_qp_set_database(cx_queryparser *qp, const cx_database *db, cx_error *err) noexcept {
    return guard(err, [&] { qp->qp.set_database(*db->db); });
}

int cx_qp_set_default_op(cx_queryparser *qp, int op, cx_error *err) noexcept {
    return guard(err, [&] { qp->qp.set_default_op(static_cast<Xapian::Query::op>(op)); });
}

int cx_qp_default_op(const cx_queryparser *qp) noexcept {
    int result = 0;
    guard(nullptr, [&] { result = qp->qp.get_default_op(); });
    return result;
}

int cx_qp_add_prefix(cx_queryparser *qp, const char *field, size_t field_len, const char *prefix,
                     size_t prefix_len, cx_error *err) noexcept {
    return guard(err, [&] { qp->qp.add_prefix(str(field, field_len), str(prefix, prefix_len)); });
}

int cx_qp_add_boolean_prefix(cx_queryparser *qp, const char *field, size_t field_len,
                             const char *prefix, size_t prefix_len, const char *grouping,
                             size_t grouping_len, cx_error *err) noexcept {
    return guard(err, [&] {
        if (grouping) {
            const std::string g(grouping, grouping_len);
            qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len), &g);
        } else {
            qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len));
        }
    });
}

namespace {
struct CallbackFieldProcessor : Xapian::FieldProcessor {
    cx_field_cb cb;
    void *context;
    void (*release_context)(void *);
    CallbackFieldProcessor(cx_field_cb c, void *ctx, void (*r)(void *)) : cb(c), context(ctx), release_context(r) {}
    ~CallbackFieldProcessor() override { release_context(context); }
    Xapian::Query operator()(const std::string &value) override {
        const cx_query *q = cb(context, value.data(), value.size());
        if (!q) throw Xapian::QueryParserError("field value could not be resolved");
        return q->q;
    }
};
}

int cx_qp_add_boolean_field(cx_queryparser *qp, const char *field, size_t field_len, cx_field_cb cb,
                            void *context, void (*release)(void *context), cx_error *err) noexcept {
    auto *processor = new (std::nothrow) CallbackFieldProcessor(cb, context, release);
    if (!processor) { release(context); return guard(err, [] { throw std::bad_alloc(); }); }
    int status = guard(err, [&] { qp->qp.add_boolean_prefix(str(field, field_len), processor->release()); });
    return status;
}

int cx_qp_add_number_range(cx_queryparser *qp, unsigned slot, const char *marker,
                           size_t marker_len, unsigned flags, cx_error *err) noexcept {
    return guard(err, [&] {
        // release(): the QueryParser owns the processor from here on.
        qp->qp.add_rangeprocessor(
            (new Xapian::NumberRangeProcessor(slot, str(marker, marker_len), flags))->release());
    });
}

int cx_qp_add_string_range(cx_queryparser *qp, unsigned slot, const char *marker,
                           size_t marker_len, unsigned flags, cx_error *err) noexcept {
    return guard(err, [&] {
        qp->qp.add_rangeprocessor(
            (new Xapian::RangeProcessor(slot, str(marker, marker_len), flags))->release());
    });
}

cx_query *cx_qp_parse(cx_queryparser *qp, const char *query, size_t query_len, unsigned flags,
                      const char *default_prefix, size_t default_prefix_len,
                      cx_error *err) noexcept {
    return make<cx_query>(err, [&] {
        return new cx_query{qp->qp.parse_query(str(query, query_len), flags,
                                               str(default_prefix, default_prefix_len))};
    });
}

int cx_qp_corrected(const cx_queryparser *qp, cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, qp->qp.get_corrected_query_string()); });
}

int cx_qp_stoplist(const cx_queryparser *qp, cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] { each_plain(qp->qp.stoplist_begin(), qp->qp.stoplist_end(), cb, context); });
}

int cx_qp_unstem(const cx_queryparser *qp, const char *term, size_t term_len, cx_string_cb cb,
                 void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        const std::string t = str(term, term_len);
        each_plain(qp->qp.unstem_begin(t), qp->qp.unstem_end(t), cb, context);
    });
}

// MARK: ValueCountMatchSpy

cx_matchspy *cx_spy_new(unsigned slot, cx_error *err) noexcept {
    return make<cx_matchspy>(err, [&] { return new cx_matchspy(slot); });
}

void cx_spy_free(cx_matchspy *spy) noexcept { delete spy; }

uint64_t cx_spy_total(const cx_matchspy *spy) noexcept {
    uint64_t result = 0;
    guard(nullptr, [&] { result = spy->spy.get_total(); });
    return result;
}

int cx_spy_counts(const cx_matchspy *spy, cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        std::vector<std::pair<std::string, uint64_t>> counts;
        for (auto it = spy->spy.values_begin(); it != spy->spy.values_end(); ++it)
            counts.emplace_back(*it, it.get_termfreq());
        // Most frequent first; ties in value order, so the result is deterministic.
        std::sort(counts.begin(), counts.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (const auto &c : counts)
            if (cb(context, c.first.data(), c.first.size(), c.second)) break;
    });
}

// MARK: Value codes and their match spy

cx_valuecodes *cx_valuecodes_new(const cx_database *db, unsigned slot, cx_error *err) noexcept {
    return make<cx_valuecodes>(err, [&] {
        // A match spy sees a shard's own document ids, which the combined ids of several do not match.
        if (db->db->size() != 1) throw Xapian::UnimplementedError("value codes need a database of one shard");
        std::unique_ptr<cx_valuecodes> t(new cx_valuecodes);
        t->codes.assign(size_t(db->db->get_lastdocid()) + 1, 0);
        t->values.emplace_back();
        std::unordered_map<std::string, uint32_t> index;
        index.emplace(std::string(), 0);
        // Neighbouring documents often share a value: compare with the last one before hashing.
        std::string last;
        uint32_t last_code = 0;
        for (auto it = db->db->valuestream_begin(slot); it != db->db->valuestream_end(slot); ++it) {
            const std::string value = *it;
            if (value != last) {
                auto found = index.emplace(value, uint32_t(t->values.size()));
                if (found.second) t->values.push_back(value);
                last = value;
                last_code = found.first->second;
            }
            if (it.get_docid() < t->codes.size()) t->codes[it.get_docid()] = last_code;
        }
        return t.release();
    });
}

void cx_valuecodes_free(cx_valuecodes *t) noexcept { delete t; }

int cx_valuecodes_values(const cx_valuecodes *t, cx_string_cb cb, void *context, cx_error *err) noexcept {
    return guard(err, [&] {
        for (size_t code = 0; code < t->values.size(); ++code)
            if (cb(context, t->values[code].data(), t->values[code].size(), code)) break;
    });
}

cx_codespy *cx_codespy_new(const cx_valuecodes *t, cx_error *err) noexcept {
    return make<cx_codespy>(err, [&] { return new cx_codespy(t); });
}

void cx_codespy_free(cx_codespy *spy) noexcept { delete spy; }

uint64_t cx_codespy_total(const cx_codespy *spy) noexcept { return spy->total; }

uint64_t cx_codespy_outside(const cx_codespy *spy) noexcept { return spy->outside; }

size_t cx_codespy_counts(const cx_codespy *spy, uint64_t *out, size_t capacity) noexcept {
    const size_t n = std::min(capacity, spy->counts.size());
    std::copy(spy->counts.begin(), spy->counts.begin() + n, out);
    return spy->counts.size();
}

// MARK: Enquire

cx_enquire *cx_enquire_new(const cx_database *db, cx_error *err) noexcept {
    return make<cx_enquire>(err, [&] { return new cx_enquire(*db->db); });
}

void cx_enquire_free(cx_enquire *enq) noexcept { delete enq; }

int cx_enquire_set_query(cx_enquire *enq, const cx_query *q, unsigned qlen, cx_error *err) noexcept {
    return guard(err, [&] { enq->enq.set_query(q->q, qlen); });
}

int cx_enquire_set_collapse_key(cx_enquire *enq, long slot, unsigned max, cx_error *err) noexcept {
    return guard(err, [&] {
        enq->enq.set_collapse_key(slot < 0 ? Xapian::BAD_VALUENO : Xapian::valueno(slot), max);
    });
}

int cx_enquire_set_sort(cx_enquire *enq, int mode, unsigned slot, int reverse,
                        cx_error *err) noexcept {
    return guard(err, [&] {
        switch (mode) {
        case 0: enq->enq.set_sort_by_relevance(); break;
        case 1: enq->enq.set_sort_by_value(slot, reverse != 0); break;
        case 2: enq->enq.set_sort_by_value_then_relevance(slot, reverse != 0); break;
        case 3: enq->enq.set_sort_by_relevance_then_value(slot, reverse != 0); break;
        default: throw Xapian::InvalidArgumentError("Unknown sort mode");
        }
    });
}

int cx_enquire_set_docid_order(cx_enquire *enq, int order, cx_error *err) noexcept {
    return guard(err, [&] {
        enq->enq.set_docid_order(static_cast<Xapian::Enquire::docid_order>(order));
    });
}

int cx_enquire_set_bm25(cx_enquire *enq, double k1, double k2, double k3, double b,
                        double min_normlen, cx_error *err) noexcept {
    return guard(err, [&] {
        enq->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
    });
}

int cx_enquire_add_matchspy(cx_enquire *enq, cx_matchspy *spy, cx_error *err) noexcept {
    return guard(err, [&] { enq->enq.add_matchspy(&spy->spy); });
}

int cx_enquire_add_codespy(cx_enquire *enq, cx_codespy *spy, cx_error *err) noexcept {
    return guard(err, [&] { enq->enq.add_matchspy(spy); });
}

int cx_enquire_clear_matchspies(cx_enquire *enq, cx_error *err) noexcept {
    return guard(err, [&] { enq->enq.clear_matchspies(); });
}

cx_mset *cx_enquire_mset(cx_enquire *enq, unsigned first, unsigned maxitems,
                         unsigned check_at_least, cx_error *err) noexcept {
    return make<cx_mset>(err, [&] {
        return new cx_mset{enq->enq.get_mset(first, maxitems, check_at_least)};
    });
}

// MARK: MSet

void cx_mset_free(cx_mset *mset) noexcept { delete mset; }

size_t cx_mset_size(const cx_mset *mset) noexcept { return mset->mset.size(); }

uint64_t cx_mset_matches(const cx_mset *mset, int which) noexcept {
    switch (which) {
    case 0: return mset->mset.get_matches_estimated();
    case 1: return mset->mset.get_matches_lower_bound();
    default: return mset->mset.get_matches_upper_bound();
    }
}

int cx_mset_item_at(const cx_mset *mset, size_t index, cx_mset_item *out, cx_error *err) noexcept {
    return guard(err, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("MSet index out of range");
        Xapian::MSetIterator it = mset->mset[Xapian::doccount(index)];
        out->docid = *it;
        out->rank = it.get_rank();
        out->weight = it.get_weight();
        out->percent = it.get_percent();
        out->collapse_count = it.get_collapse_count();
    });
}

cx_document *cx_mset_document(const cx_mset *mset, size_t index, cx_error *err) noexcept {
    return make<cx_document>(err, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("MSet index out of range");
        return new cx_document{mset->mset[Xapian::doccount(index)].get_document()};
    });
}

int cx_mset_snippet(const cx_mset *mset, const char *text, size_t text_len, size_t length,
                    const cx_stem *stem, unsigned flags, const char *hi_start, size_t hi_start_len,
                    const char *hi_end, size_t hi_end_len, const char *omit, size_t omit_len,
                    cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] {
        put(out, mset->mset.snippet(str(text, text_len), length, stem->stem, flags,
                                    str(hi_start, hi_start_len), str(hi_end, hi_end_len),
                                    str(omit, omit_len)));
    });
}

// MARK: Serialisation

int cx_sortable_serialise(double value, cx_bytes *out, cx_error *err) noexcept {
    return guard(err, [&] { put(out, Xapian::sortable_serialise(value)); });
}

double cx_sortable_unserialise(const char *data, size_t size) noexcept {
    double result = 0;
    guard(nullptr, [&] { result = Xapian::sortable_unserialise(str(data, size)); });
    return result;
}

} // extern "C"
