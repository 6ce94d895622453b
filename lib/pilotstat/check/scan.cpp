// libstdc++ 12's <regex> compiler trips GCC's -Wmaybe-uninitialized under -fsanitize=address
// (a false positive inside std::function, GCC bug 105562); the warning is silenced for this
// file only, and before the header so the instantiations it triggers are covered.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "pilotstat/check/scan.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "pilotstat/check/record.hpp"
#include "pilotstat/check/summary_rows.hpp"
#include "pilotstat/data/decimal.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::check {

namespace {

// Typographic forms pdftotext leaves in a text, mapped to ASCII; newlines are kept, so line
// numbers still hold.
std::string normalize(std::string_view in) {
    static const std::vector<std::pair<std::string, std::string>> map{
        {"\xE2\x88\x92", "-"},  {"\xCF\x87", "chi"},    {"\xCE\xA7", "chi"},  {"\xC2\xB2", "2"},
        {"\xC2\xB1", "+-"},     {"\xE2\x89\xA4", "<="}, {"\xE2\x89\xA5", ">="}, {"\xC2\xA0", " "},
        {"\xE2\x80\x89", " "},  {"\xE2\x80\x8A", " "}};
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        bool done = false;
        for (const auto& [from, to] : map)
            if (in.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                done = true;
                break;
            }
        if (done) continue;
        // an en dash directly before a digit or point is a minus sign
        if (in.substr(i, 3) == "\xE2\x80\x93" && i + 3 < in.size() &&
            (std::isdigit(static_cast<unsigned char>(in[i + 3])) || in[i + 3] == '.')) {
            out += '-';
            i += 3;
            continue;
        }
        out += in[i++];
    }
    return out;
}

// ".31" -> "0.31", "-.31" -> "-0.31"; written decimals are kept.
std::string number(std::string s) {
    if (!s.empty() && s[0] == '.') s.insert(0, "0");
    if (s.size() > 1 && s[0] == '-' && s[1] == '.') s.insert(1, "0");
    return s;
}

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

struct Candidate {
    std::size_t pos = 0;
    std::size_t line = 0;
    std::string kind, select, expected, tolerance, matched;
};

const std::string kNum = R"((-?(?:\d+(?:\.\d+)?|\.\d+)))";
const std::string kPos = R"(((?:\d+(?:\.\d+)?|\.\d+)))";
const std::string kDf = R"((\d+(?:\.\d+)?))";
const std::string kP = R"(\s*[,;]\s*(?:ns\s*,\s*)?p\s*(<=|>=|<|>|=)\s*(\d*\.\d+|[01]))";

class Scanner {
public:
    Scanner(std::string text, const ScanOptions& o) : text_(std::move(text)), o_(o) {
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') newlines_.push_back(i);
        static const std::regex blank(R"(\n[ \t\r]*\n)");
        for (std::sregex_iterator it(text_.begin(), text_.end(), blank), stop; it != stop; ++it)
            paragraphs_.push_back(static_cast<std::size_t>(it->position(0) + it->length(0)));
    }
    std::vector<Candidate> run();
    const std::vector<std::pair<std::size_t, std::string>>& skipped() const { return skipped_; }

private:
    std::size_t line_of(std::size_t pos) const {
        return static_cast<std::size_t>(std::upper_bound(newlines_.begin(), newlines_.end(), pos) -
                                        newlines_.begin()) + 1;
    }
    std::pair<std::size_t, std::size_t> line_span(std::size_t pos) const {
        const auto b = text_.rfind('\n', pos);
        const auto e = text_.find('\n', pos);
        return {b == std::string::npos ? 0 : b + 1, e == std::string::npos ? text_.size() : e};
    }
    std::optional<std::int64_t> n_near(std::size_t begin, std::size_t end) const;
    std::pair<std::size_t, std::size_t> clause(std::size_t begin, std::size_t end) const;
    std::string grid_keys() const {
        char range[64];
        std::string out = " step=" + *o_.step;
        std::snprintf(range, sizeof range, " max=%.10g", *o_.max);
        out += range;
        if (o_.min && *o_.min != 0) {
            std::snprintf(range, sizeof range, " min=%.10g", *o_.min);
            out += range;
        }
        return out;
    }
    void tests();
    void mann_whitney();
    std::optional<std::pair<std::int64_t, std::int64_t>> group_sizes(std::size_t begin) const;
    void means();
    void percents();
    void add(std::size_t pos, std::size_t len, std::string kind, std::string select, std::string expected,
             std::string tolerance);

    struct PctFigure {
        std::size_t pos, len, paragraph;
        std::optional<std::int64_t> n;
        std::string value, from, to;
    };
    std::size_t paragraph_of(std::size_t pos) const {
        return static_cast<std::size_t>(std::upper_bound(paragraphs_.begin(), paragraphs_.end(), pos) -
                                        paragraphs_.begin());
    }
    std::optional<std::pair<std::string, std::string>> times_after(std::size_t end) const;
    void sequences();
    // A quantity stated in several places: what it is, the value as written, where.
    struct Statement {
        std::string what, value;
        std::size_t pos, len;
    };
    std::vector<Statement> statements_;
    void restatements();

    std::vector<std::size_t> paragraphs_;  // where each blank line ends
    std::vector<PctFigure> pcts_;
    std::string text_;
    const ScanOptions& o_;
    std::vector<std::size_t> newlines_;
    std::vector<Candidate> out_;
    std::vector<std::pair<std::size_t, std::string>> skipped_;  // (line, what and why) not checked
    void skip(std::size_t pos, std::size_t len, const std::string& why) {
        skipped_.emplace_back(line_of(pos), one_line(text_.substr(pos, len)) + " not checked: " + why);
    }
};

void Scanner::add(std::size_t pos, std::size_t len, std::string kind, std::string select, std::string expected,
                  std::string tolerance) {
    // a figure the row kinds cannot take (a zero df, an SD with n = 1, ...) is left out
    try {
        const auto s = parse_selection(select);
        const auto e = parse_expected(expected, true);
        const auto t = parse_tolerance(tolerance);
        if (!e || !t) return;
        validate_summary_row(s, *e, *t);
    } catch (const std::invalid_argument& e) {
        skip(pos, len, e.what());
        return;
    }
    out_.push_back({pos, line_of(pos), std::move(kind), std::move(select), std::move(expected), std::move(tolerance),
                    one_line(text_.substr(pos, len))});
}

std::optional<std::int64_t> Scanner::n_near(std::size_t begin, std::size_t end) const {
    static const std::regex n_re(R"(\b[nN]\s*=\s*(\d+))");
    const auto [lb, le] = line_span(begin);
    std::optional<std::int64_t> before;
    for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(lb),
                                 text_.begin() + static_cast<std::ptrdiff_t>(le), n_re), stop;
         it != stop; ++it) {
        const auto at = lb + static_cast<std::size_t>(it->position(0));
        const auto n = std::stoll((*it)[1].str());
        if (at >= end) return n;  // the first n after the figure on its line
        before = n;
    }
    if (before) return before;
    // else the last n = N earlier in the paragraph
    const auto para = paragraph_of(begin);
    const std::size_t pb = para == 0 ? 0 : paragraphs_[para - 1];
    for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(pb),
                                 text_.begin() + static_cast<std::ptrdiff_t>(lb), n_re), stop;
         it != stop; ++it)
        before = std::stoll((*it)[1].str());
    return before ? before : o_.n;
}

// Where a result's "one-tailed" may be said: its sentence, cut at the previous and the next
// statistic (a sentence ends at a point followed by a space or line end, not a decimal point).
std::pair<std::size_t, std::size_t> Scanner::clause(std::size_t begin, std::size_t end) const {
    static const std::regex stat(R"(\b(?:t|F|r|chi2|[Cc]hi-?[Ss]quare|X2)\s*\(|\b[zZU]\s*=)");
    auto sentence_end = [&](std::size_t i) {
        return text_[i] == '.' && (i + 1 == text_.size() || std::isspace(static_cast<unsigned char>(text_[i + 1])));
    };
    std::size_t b = begin;
    while (b > 0 && !sentence_end(b - 1)) --b;
    std::size_t e = end;
    while (e < text_.size() && !sentence_end(e)) ++e;
    std::size_t lo = b, hi = e;
    for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(b),
                                 text_.begin() + static_cast<std::ptrdiff_t>(e), stat), stop;
         it != stop; ++it) {
        const auto at = b + static_cast<std::size_t>(it->position(0));
        if (at < begin) lo = std::max(lo, at + static_cast<std::size_t>(it->length(0)));
        if (at >= end) {
            hi = at;
            break;
        }
    }
    // text between the previous result's statistic and this one belongs to this one only
    // after the previous p-value: cut at the last "p <op> value" before `begin`
    static const std::regex pval(R"(\bp\s*(?:<=|>=|<|>|=)\s*(?:\d*\.\d+|[01]))");
    for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(lo),
                                 text_.begin() + static_cast<std::ptrdiff_t>(begin), pval), stop;
         it != stop; ++it)
        lo = lo + static_cast<std::size_t>(it->position(0) + it->length(0));
    // after the result, only its own trailing clause (", one-tailed", "(one-sided)"): up to an
    // "and" or a semicolon, which start the next statement
    static const std::regex next(R"(\band\b|;)");
    std::smatch m;
    if (std::regex_search(text_.begin() + static_cast<std::ptrdiff_t>(end),
                          text_.begin() + static_cast<std::ptrdiff_t>(hi), m, next))
        hi = end + static_cast<std::size_t>(m.position(0));
    return {lo, hi};
}

void Scanner::tests() {
    struct Pattern {
        std::string test;
        std::regex re;
        int stat_group;
    };
    static const std::vector<Pattern> patterns{
        {"t", std::regex(R"(\bt\s*\(\s*)" + kDf + R"(\s*\)\s*=\s*)" + kNum + kP), 2},
        {"F", std::regex(R"(\bF\s*\(\s*)" + kDf + R"(\s*,\s*)" + kDf + R"(\s*\)\s*=\s*)" + kPos + kP), 3},
        {"chisq", std::regex(R"(\b[Cc]hi-?(?:2|[Ss]quare)\s*\(\s*)" + kDf + R"((?:\s*,\s*N\s*=\s*\d+)?\s*\)\s*=\s*)" +
                                 kPos + kP),
         2},
        {"chisq", std::regex(R"(\bX2\s*\(\s*)" + kDf + R"((?:\s*,\s*N\s*=\s*\d+)?\s*\)\s*=\s*)" + kPos + kP), 2},
        {"r", std::regex(R"(\br\s*\(\s*)" + kDf + R"(\s*\)\s*=\s*)" + kNum + kP), 2},
        {"z", std::regex(R"(\b[zZ]\s*=\s*)" + kNum + kP), 1},
    };
    static const std::regex one_tailed(R"(one[- ]?(tailed|sided)|directional)", std::regex::icase);
    for (const auto& p : patterns)
        for (std::sregex_iterator it(text_.begin(), text_.end(), p.re), stop; it != stop; ++it) {
            const auto& m = *it;
            const auto pos = static_cast<std::size_t>(m.position(0));
            std::string select = "pvalue test=" + p.test;
            if (p.test == "F") select += " df1=" + m[1].str() + " df2=" + m[2].str();
            else if (p.test != "z") select += " df=" + m[1].str();
            select += " stat=" + number(m[p.stat_group].str());
            const auto [wb, we] = clause(pos, pos + static_cast<std::size_t>(m.length(0)));
            if ((p.test == "t" || p.test == "z" || p.test == "r") &&
                std::regex_search(text_.begin() + static_cast<std::ptrdiff_t>(wb),
                                  text_.begin() + static_cast<std::ptrdiff_t>(we), one_tailed))
                select += " tails=1";
            const std::string op = m[p.stat_group + 1].str();
            const std::string pv = number(m[p.stat_group + 2].str());
            add(pos, static_cast<std::size_t>(m.length(0)), p.test, select, (op == "=" ? "" : op) + pv,
                "p:" + std::to_string(data::written_decimals(pv)));
            if (op == "=") {  // the same result stated elsewhere should give the same p
                std::string what = p.test;
                if (p.test == "F") what += "(" + m[1].str() + "," + m[2].str() + ")";
                else if (p.test != "z") what += "(" + m[1].str() + ")";
                what += "=" + number(m[p.stat_group].str());
                statements_.push_back({"p of " + what, pv, pos, static_cast<std::size_t>(m.length(0))});
            }
        }
}

// The two group sizes of a U result: "n1 = A ... n2 = B" on its line or, nearest first,
// earlier in its paragraph; else "n = A per group" (or "each", "in each") there; else two
// "n = A" in its own sentence before it ("the arms (n = 5 and n = 4) differed, U = ...").
std::optional<std::pair<std::int64_t, std::int64_t>> Scanner::group_sizes(std::size_t begin) const {
    const auto [lb, le] = line_span(begin);
    const auto para = paragraph_of(begin);
    const std::size_t pb = para == 0 ? 0 : paragraphs_[para - 1];
    auto last = [&](const std::regex& re, std::size_t from, std::size_t to) {
        std::optional<std::int64_t> v;
        for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(from),
                                     text_.begin() + static_cast<std::ptrdiff_t>(to), re), stop;
             it != stop; ++it)
            v = std::stoll((*it)[1].str());
        return v;
    };
    static const std::regex n1(R"(\bn_?1\s*=\s*(\d+))"), n2(R"(\bn_?2\s*=\s*(\d+))");
    static const std::regex each(R"(\b[nN]\s*=\s*(\d+)\s*(?:per\s+(?:group|arm)|each|in\s+each)\b)");
    for (const auto& [from, to] : {std::pair{lb, le}, std::pair{pb, lb}}) {
        const auto a = last(n1, from, to), b = last(n2, from, to);
        if (a && b) return std::make_pair(*a, *b);
        if (const auto e = last(each, from, to)) return std::make_pair(*e, *e);
    }
    std::size_t sb = begin;
    while (sb > 0 && !(text_[sb - 1] == '.' && std::isspace(static_cast<unsigned char>(text_[sb])))) --sb;
    static const std::regex n_re(R"(\b[nN]\s*=\s*(\d+))");
    std::vector<std::int64_t> found;
    for (std::sregex_iterator it(text_.begin() + static_cast<std::ptrdiff_t>(sb),
                                 text_.begin() + static_cast<std::ptrdiff_t>(begin), n_re), stop;
         it != stop; ++it)
        found.push_back(std::stoll((*it)[1].str()));
    if (found.size() == 2) return std::make_pair(found[0], found[1]);
    return std::nullopt;
}

// Mann–Whitney U results: checked with the exact p when both group sizes are in the text;
// otherwise reported as not checked (the p of a U depends on them).
void Scanner::mann_whitney() {
    static const std::regex re(R"(\bU\s*=\s*(\d+(?:\.\d+)?))" + kP);
    static const std::regex one_tailed(R"(one[- ]?(tailed|sided)|directional)", std::regex::icase);
    for (std::sregex_iterator it(text_.begin(), text_.end(), re), stop; it != stop; ++it) {
        const auto& m = *it;
        const auto pos = static_cast<std::size_t>(m.position(0));
        const auto len = static_cast<std::size_t>(m.length(0));
        const auto sizes = group_sizes(pos);
        if (!sizes) {
            skip(pos, len, "the group sizes are not in the text (write n1 = A, n2 = B near it)");
            continue;
        }
        std::string select = "pvalue test=U n1=" + std::to_string(sizes->first) + " n2=" +
                             std::to_string(sizes->second) + " stat=" + m[1].str();
        const auto [wb, we] = clause(pos, pos + len);
        if (std::regex_search(text_.begin() + static_cast<std::ptrdiff_t>(wb),
                              text_.begin() + static_cast<std::ptrdiff_t>(we), one_tailed))
            select += " tails=1";
        const std::string op = m[2].str();
        const std::string pv = number(m[3].str());
        add(pos, len, "U", select, (op == "=" ? "" : op) + pv, "p:" + std::to_string(data::written_decimals(pv)));
    }
}

void Scanner::means() {
    if (!o_.step) return;
    static const std::vector<std::regex> patterns{
        std::regex(R"(\bM\s*=\s*)" + kNum + R"(\s*[,;]\s*SD\s*=\s*)" + kPos),
        std::regex(R"((-?\d+(?:\.\d+)?)\s*\+-\s*(\d+(?:\.\d+)?))"),
    };
    for (const auto& re : patterns)
        for (std::sregex_iterator it(text_.begin(), text_.end(), re), stop; it != stop; ++it) {
            const auto& m = *it;
            const auto pos = static_cast<std::size_t>(m.position(0));
            const auto len = static_cast<std::size_t>(m.length(0));
            const auto n = n_near(pos, pos + len);
            if (!n) continue;
            const auto mean = number(m[1].str()), sd = number(m[2].str());
            const std::string grid = " step=" + *o_.step;
            add(pos, len, "mean", "grim n=" + std::to_string(*n) + grid, mean,
                "decimals:" + std::to_string(data::written_decimals(mean)));
            add(pos, len, "sd", "grimmer n=" + std::to_string(*n) + grid + " mean=" + mean, sd,
                "decimals:" + std::to_string(data::written_decimals(sd)));
        }
}

// "... from session 1 to session 3" right after a percentage, in the same sentence: the two
// times as labels (spaces become _).
std::optional<std::pair<std::string, std::string>> Scanner::times_after(std::size_t end) const {
    static const std::regex re(R"(^[^.;%\n]{0,40}?\bfrom\s+([A-Za-z0-9][A-Za-z0-9 ]{0,30}?)\s+to\s+([A-Za-z0-9][A-Za-z0-9 ]{0,30}?)\s*(?=[,.;:)(]|\s+and\b|\s+in\b|\s+\(|$))");
    std::smatch m;
    const auto b = text_.begin() + static_cast<std::ptrdiff_t>(end);
    const auto e = text_.begin() + static_cast<std::ptrdiff_t>(std::min(text_.size(), end + 120));
    if (!std::regex_search(b, e, m, re)) return std::nullopt;
    auto label = [](std::string t) {
        for (auto& c : t)
            if (c == ' ') c = '_';
        return t;
    };
    return std::make_pair(label(m[1].str()), label(m[2].str()));
}

void Scanner::percents() {
    static const std::regex signed_re(R"((^|[\s(\[:;,])([+-]\d+(?:\.\d+)?)\s*%)");
    static const std::regex word_re(R"(\b(reduction|decrease|decline|drop|fall|increase|rise)\s+(?:of\s+)?(\d+(?:\.\d+)?)\s*%)",
                                    std::regex::icase);
    auto row = [&](std::size_t pos, std::size_t len, std::string pct) {
        const auto n = n_near(pos, pos + len);
        if (pct[0] == '+') pct.erase(0, 1);
        PctFigure f{pos, len, paragraph_of(pos), n, pct, "", ""};
        if (const auto t = times_after(pos + len)) std::tie(f.from, f.to) = *t;
        pcts_.push_back(f);
        if (!n || !o_.step || !o_.max) return;
        add(pos, len, "pct", "pct_change n=" + std::to_string(*n) + grid_keys(), pct,
            "decimals:" + std::to_string(data::written_decimals(pct)));
    };
    for (std::sregex_iterator it(text_.begin(), text_.end(), signed_re), stop; it != stop; ++it) {
        const auto pos = static_cast<std::size_t>(it->position(2));
        row(pos, static_cast<std::size_t>(it->length(0) - it->length(1)), (*it)[2].str());
    }
    for (std::sregex_iterator it(text_.begin(), text_.end(), word_re), stop; it != stop; ++it) {
        std::string word = (*it)[1].str();
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
        const bool down = word != "increase" && word != "rise";
        row(static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)),
            (down ? "-" : "") + (*it)[2].str());
    }
    sequences();
}

// Percent changes of one paragraph that name their times ("from X to Y") and share a time:
// one means row asking whether one sequence of means gives them all (grid mode when the
// grid, the range and one n for them all are known; arithmetic mode otherwise).
void Scanner::sequences() {
    std::stable_sort(pcts_.begin(), pcts_.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    for (std::size_t i = 0; i < pcts_.size();) {
        std::size_t j = i;
        std::vector<const PctFigure*> figs;
        for (; j < pcts_.size() && pcts_[j].paragraph == pcts_[i].paragraph; ++j)
            if (!pcts_[j].from.empty() && pcts_[j].from != pcts_[j].to) figs.push_back(&pcts_[j]);
        i = j;
        if (figs.size() < 2) continue;
        std::vector<std::string> times;
        bool shared = false;
        for (const auto* f : figs)
            for (const auto& t : {f->from, f->to}) {
                if (std::find(times.begin(), times.end(), t) == times.end()) times.push_back(t);
                else shared = true;
            }
        if (!shared) continue;
        std::string list, pct;
        for (const auto& t : times) list += (list.empty() ? "" : ",") + t;
        for (const auto* f : figs) pct += (pct.empty() ? "" : ",") + f->from + ":" + f->to + ":" + f->value;
        const auto n = figs.front()->n;
        const bool one_n = n && std::all_of(figs.begin(), figs.end(), [&](const auto* f) { return f->n == n; });
        std::string select = "means";
        if (one_n && o_.step && o_.max) select += " n=" + std::to_string(*n) + grid_keys();
        select += " times=" + list + " pct=" + pct;
        const auto first = figs.front()->pos, last = figs.back()->pos + figs.back()->len;
        add(first, last - first, "means", select, "1", "exact");
    }
}

// The same quantity stated twice or more (an abstract and the results): a percent change
// between the same two named times, or the p of the same test result (test, df and
// statistic as written). One `same` row per quantity, at its first statement, with every
// statement's line in its note.
void Scanner::restatements() {
    for (const auto& f : pcts_)
        if (!f.from.empty() && f.from != f.to)
            statements_.push_back({"pct " + f.from + " to " + f.to, f.value, f.pos, f.len});
    std::stable_sort(statements_.begin(), statements_.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    std::vector<bool> done(statements_.size(), false);
    for (std::size_t i = 0; i < statements_.size(); ++i) {
        if (done[i]) continue;
        std::vector<std::size_t> same{i};
        for (std::size_t j = i + 1; j < statements_.size(); ++j)
            if (!done[j] && statements_[j].what == statements_[i].what) same.push_back(j);
        if (same.size() < 2) continue;
        std::string values, lines, note;
        for (const auto j : same) {
            done[j] = true;
            const auto& st = statements_[j];
            values += (values.empty() ? "" : ",") + st.value;
            lines += (lines.empty() ? "" : ",") + std::to_string(line_of(st.pos));
            // the note starts "FILE:LINE: " for the first statement; the others name their lines
            note += (note.empty() ? "" : " | line " + std::to_string(line_of(st.pos)) + ": ") +
                    one_line(text_.substr(st.pos, st.len));
        }
        const auto& first = statements_[i];
        const auto before = out_.size();
        add(first.pos, first.len, "same", "same what='" + first.what + "' values=" + values + " lines=" + lines, "1",
            "exact");
        if (out_.size() > before) out_.back().matched = note;
    }
}

std::vector<Candidate> Scanner::run() {
    tests();
    mann_whitney();
    means();
    percents();
    restatements();
    std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    return out_;
}

}  // namespace

ScanResult scan_text(const std::string& source_name, std::string_view text, const ScanOptions& options) {
    Scanner scanner(normalize(text), options);
    const auto found = scanner.run();
    std::vector<std::string> notes;
    for (const auto& [line, what] : scanner.skipped())
        notes.push_back(source_name + ":" + std::to_string(line) + ": " + what);
    if (found.empty()) {
        std::string also;
        for (const auto& n : notes) also += "\n  " + n;
        throw DataError(SourceLocation{source_name, 0, 0},
                        "nothing to check found (APA test results like t(8) = 2.10, p = .04; means with SD and n "
                        "and percent changes need the grid: --instrument or --step)" + also);
    }
    ScanResult r;
    r.notes = std::move(notes);
    r.csv = "id,select,expected,tolerance,note\n";
    std::map<std::string, int> used;
    std::vector<std::size_t> lines;
    for (const auto& c : found) {
        std::string id = "L" + std::to_string(c.line) + "_" + c.kind;
        if (const int k = ++used[id]; k > 1) id += "_" + std::to_string(k);
        r.csv += id + "," + csv_field(c.select) + "," + c.expected + "," + c.tolerance + "," +
                 csv_field(source_name + ":" + std::to_string(c.line) + ": " + c.matched) + "\n";
        lines.push_back(c.line);
    }
    r.expectations = parse_expectations(source_name, r.csv);
    for (std::size_t i = 0; i < r.expectations.size(); ++i)
        r.expectations[i].where = SourceLocation{source_name, lines[i], 0};
    return r;
}

ScanResult scan_file(const std::string& path, const ScanOptions& options) {
    std::ostringstream buf;
    if (path == "-") {
        buf << std::cin.rdbuf();
        return scan_text("<stdin>", buf.str(), options);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourceLocation{path, 0, 0}, "cannot open text file");
    buf << in.rdbuf();
    return scan_text(path, buf.str(), options);
}

}  // namespace pilotstat::check
