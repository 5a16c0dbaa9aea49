// The yardstick of issue #14: what Xapian itself takes for a search of a termsearch index.
// Opens the index, parses the query with Xapian's QueryParser (Dutch Kraaij-Pohlmann stemmer,
// STEM_SOME, AND as default operator, termsearch's parser flags), takes the top 10 with a
// snippet of each and prints the estimated count. No languages, no tiers, no facets.
//
//   g++ -O2 -o /tmp/xapian-search Benchmarks/xapian-search.cpp $(xapian-config --cxxflags --libs)
//   /tmp/xapian-search INDEX 'aansprakelijkheid beperkt tot'
#include <xapian.h>
#include <iostream>

int main(int argc, char **argv) {
    if (argc != 3) {
        std::cerr << "usage: xapian-search INDEX QUERY\n";
        return 64;
    }
    try {
        Xapian::Database db(argv[1]);
        Xapian::Stem stemmer("kraaij_pohlmann");
        Xapian::QueryParser parser;
        parser.set_database(db);
        parser.set_stemmer(stemmer);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_default_op(Xapian::Query::OP_AND);
        parser.add_prefix("title", "S");
        parser.add_boolean_prefix("lang", "L");
        unsigned flags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse_query(argv[2], flags));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        std::cout << "about " << mset.get_matches_estimated() << " matches\n";
        for (Xapian::MSetIterator i = mset.begin(); i != mset.end(); ++i) {
            std::cout << i.get_rank() + 1 << " " << i.get_weight() << " "
                      << mset.snippet(i.get_document().get_data(), 300, stemmer) << "\n";
        }
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian-search: " << e.get_description() << "\n";
        return 2;
    }
    return 0;
}
