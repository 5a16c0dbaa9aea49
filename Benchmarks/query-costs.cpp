// What the searches of the load-test mix cost inside Xapian, by part (Benchmarks/README.md, "Run 4"):
// the tier queries as termsearch builds them (per-language parses under FILTER L<lang>), the
// same with one language, top 10/100 with checkAtLeast 1000, estimate only, exact counts, exact
// counts with the two facet ValueCountMatchSpys, 100 documents' data and 10 snippets. Thread CPU
// time, so other processes on the machine matter less. The terms are those of the 200 MB
// benchmark index (Dutch Kraaij-Pohlmann and English stems, as `termsearch search --explain` shows).
//
//   g++ -O2 -o /tmp/query-costs Benchmarks/query-costs.cpp $(xapian-config --cxxflags --libs)
//   /tmp/query-costs /tmp/idx-200
#include <xapian.h>
#include <chrono>
#include <iostream>
#include <functional>
using namespace std;
using Q = Xapian::Query;
static Q T(const char*t){return Q(t);}
static Q F(Q a, Q b){return Q(Q::OP_FILTER,a,b);}
static Q O(Q a, Q b){return Q(Q::OP_OR,a,b);}
static Q A(Q a, Q b){return Q(Q::OP_AND,a,b);}
static Q PH(std::vector<std::string> w){return Q(Q::OP_PHRASE,w.begin(),w.end(),w.size());}
static Q NR(std::vector<std::string> w,int n){return Q(Q::OP_NEAR,w.begin(),w.end(),n);}
#include <time.h>
static double cpu(){timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t); return t.tv_sec*1e3+t.tv_nsec/1e6;}
double timeit(std::function<void()> f,int n=15){ f(); double s=cpu(); for(int i=0;i<n;i++) f(); return (cpu()-s)/n; }
int main(int argc,char**argv){
  Xapian::Database db(argv[1]);
  Q Lnl=T("Lnl"), Len=T("Len");
  auto lang=[&](Q nl, Q en){return O(F(nl,Lnl),F(en,Len));};
  struct C{const char*name; Q q;};
  std::vector<C> cs={
   {"phrase", lang(PH({"aansprakelijkheid","beperkt","tot"}),PH({"aansprakelijkheid","beperkt","tot"}))},
   {"phrase-1lang", PH({"aansprakelijkheid","beperkt","tot"})},
   {"near", lang(NR({"aansprakelijkheid","schade"},7),NR({"aansprakelijkheid","schade"},7))},
   {"near-1lang", NR({"aansprakelijkheid","schade"},7)},
   {"field", lang(F(T("Zagreement"),Len),F(T("Zagreement"),Len))},
   {"field-1lang", F(T("Zagreement"),Len)},
   {"boolean", lang(Q(Q::OP_AND_NOT,O(T("Zschade"),T("Zkost")),T("Zindirect")), Q(Q::OP_AND_NOT,O(T("Zschade"),T("Zkosten")),T("Zindirect")))},
   {"rare", lang(T("Zbroncode"),T("Zbroncod"))},
   {"common", lang(T("Zovereenkomst"),T("Zovereenkomst"))},
   {"common-1lang", T("Zovereenkomst")},
   {"common-Fboth", F(T("Zovereenkomst"),O(Lnl,Len))},
   {"two", lang(A(T("Zbetaal"),T("Ztermijn")),A(T("Zbetal"),T("Ztermijn")))},
  };
  for(auto&c:cs){
    Xapian::Enquire e(db); e.set_query(c.q);
    Xapian::MSet m;
    double t10=timeit([&]{ m=e.get_mset(0,10,1000);});
    double t100=timeit([&]{ e.get_mset(0,100,1000);});
    double t0=timeit([&]{ e.get_mset(0u,0u,0u);});
    double tall=timeit([&]{ e.get_mset(0,10,db.get_doccount());},5);
    double tdata=timeit([&]{ auto mm=e.get_mset(0u,100u,0u); for(auto it=mm.begin();it!=mm.end();++it) it.get_document().get_data();},5);
    double tsnip=timeit([&]{ Xapian::Stem st("dutch"); for(auto it=m.begin();it!=m.end();++it) m.snippet(it.get_document().get_data(),300,st);},5);
    Xapian::Enquire e2(db); e2.set_query(c.q); Xapian::ValueCountMatchSpy s0(0), s1(1); e2.add_matchspy(&s0); e2.add_matchspy(&s1);
    double tspy=timeit([&]{ e2.get_mset(0,10,db.get_doccount());},3);
    printf("%-14s est %7u  top10/1000 %6.2f  top100/1000 %6.2f  est-only %5.2f  exact %6.2f  exact+spies %6.2f  data100 %5.2f  snip10 %5.2f ms\n", c.name, m.get_matches_estimated(), t10,t100,t0,tall,tspy,tdata,tsnip);
  }
}
