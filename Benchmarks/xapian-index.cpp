// The indexing yardstick of issue #14: what Xapian itself takes to index the same files.
// Walks the folders given, cuts each file's bytes at blank lines into paragraphs (about the size
// of clauses) and adds each as a document: TermGenerator with positions, Dutch Kraaij-Pohlmann
// stemmer (STEM_SOME), the paragraph as data, a unique id term; one thread, one commit at the end.
// No reading of formats, repair, segmentation, languages or bookkeeping: the same work as
// `termsearch bench baseline`, without Swift.
//
//   g++ -O2 -std=c++17 -o /tmp/xapian-index Benchmarks/xapian-index.cpp $(xapian-config --cxxflags --libs)
//   /tmp/xapian-index INDEX FOLDER...
#include <xapian.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

int main(int argc, char **argv) {
    if (argc < 3) {
        std::cerr << "usage: xapian-index INDEX FOLDER...\n";
        return 64;
    }
    try {
        std::vector<std::filesystem::path> files;
        for (int i = 2; i < argc; ++i) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(argv[i]))
                if (entry.is_regular_file()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("kraaij_pohlmann"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        size_t documents = 0, bytes = 0;
        for (const auto &file : files) {
            std::ifstream in(file, std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            const std::string text = buffer.str();
            bytes += text.size();
            size_t start = 0, paragraph = 0;
            while (start < text.size()) {
                size_t end = text.find("\n\n", start);
                if (end == std::string::npos) end = text.size();
                if (end > start) {
                    const std::string block = text.substr(start, end - start);
                    Xapian::Document doc;
                    doc.set_data(block);
                    generator.set_document(doc);
                    generator.index_text(block);
                    const std::string id = "Q" + file.string() + "#" + std::to_string(paragraph++);
                    doc.add_boolean_term(id);
                    db.replace_document(id, doc);
                    ++documents;
                }
                start = end + 2;
            }
        }
        db.commit();
        std::cout << "{\"files\":" << files.size() << ",\"bytes\":" << bytes << ",\"documents\":" << documents << "}\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "xapian-index: " << e.get_description() << "\n";
        return 2;
    } catch (const std::exception &e) {
        std::cerr << "xapian-index: " << e.what() << "\n";
        return 2;
    }
}
