// Wording rules (issue 15, item 7; ASA statement on p-values 2016): no
// sentence pilotstat prints may equate "not significant" with "no effect",
// speak of trends, or claim proof; and no row may contradict itself. Checked
// on every string literal of the sentence templates and on whole reports.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/explain/row_interval.hpp"
#include "pilotstat/study_report/study_report_view.hpp"

using namespace pilotstat;

namespace {

const std::vector<std::string> kBanned{"do not differ", "does not differ", "did not differ", "no effect",
                                       "no difference", "trend", "prove", "underpowered", "observed power",
                                       "would need", "near-complete separation"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The first banned phrase in `text` that starts a word ("prove" in "proves",
// not in "improved"), or "".
std::string banned_in(const std::string& text) {
    const auto l = lower(text);
    for (const auto& b : kBanned)
        for (auto at = l.find(b); at != std::string::npos; at = l.find(b, at + 1))
            if (at == 0 || !std::isalpha(static_cast<unsigned char>(l[at - 1]))) return b;
    return "";
}

// The contents of the string literals of a C++ source (comments skipped).
std::vector<std::string> literals(const std::string& src) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < src.size(); ++i) {
        if (src.compare(i, 2, "//") == 0) {
            i = src.find('\n', i);
            if (i == std::string::npos) break;
        } else if (src[i] == '\'') {
            i = src.find('\'', i + (src[i + 1] == '\\' ? 3 : 2));
        } else if (src[i] == '"') {
            std::string lit;
            for (++i; i < src.size() && src[i] != '"'; ++i) {
                if (src[i] == '\\') ++i;
                lit += src[i];
            }
            out.push_back(lit);
        }
    }
    return out;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

data::Study from_csv(const std::string& csv) {
    io::CsvReader reader("t.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}

// Two arms of 6 on one measure, clearly apart: the primary test is significant.
data::Study significant_study() {
    std::string csv = "subject,group,time,measure,score\n";
    for (int i = 0; i < 6; ++i) {
        csv += "a" + std::to_string(i) + ",A,T0,bdi," + std::to_string(28 + i) + "\n";
        csv += "a" + std::to_string(i) + ",A,T1,bdi," + std::to_string(12 + i % 3) + "\n";
        csv += "b" + std::to_string(i) + ",B,T0,bdi," + std::to_string(27 + i) + "\n";
        csv += "b" + std::to_string(i) + ",B,T1,bdi," + std::to_string(26 + i) + "\n";
    }
    return from_csv(csv);
}

// Three arms of 4: pairwise rows, and the summary must say the pairs are not adjusted across.
data::Study three_arms() {
    std::string csv = "subject,group,time,measure,score\n";
    const int fall[] = {12, 6, 1};
    for (int g = 0; g < 3; ++g)
        for (int i = 0; i < 4; ++i) {
            const std::string id = std::string(1, static_cast<char>('a' + g)) + std::to_string(i);
            const std::string arm = std::string(1, static_cast<char>('A' + g));
            csv += id + "," + arm + ",T0,bdi," + std::to_string(26 + i) + "\n";
            csv += id + "," + arm + ",T1,bdi," + std::to_string(26 + i - fall[g] + (i % 2)) + "\n";
        }
    return from_csv(csv);
}

data::Study single_arm() {
    return from_csv("subject,time,measure,score\nS1,T0,bdi,20\nS1,T1,bdi,14\nS2,T0,bdi,25\nS2,T1,bdi,21\n"
                    "S3,T0,bdi,30\nS3,T1,bdi,22\nS4,T0,bdi,18\nS4,T1,bdi,19\n");
}

// A row may not contradict itself: its headline states its own verdict once;
// an interval that excludes 0 beside "not significant" is explained; reasons
// for non-significance never sit on a significant row.
void check_row(const explain::Explanation& e, const std::optional<explain::RowInterval>& ci) {
    CAPTURE(e.headline);
    const bool says_not = e.headline.find("not statistically significant at alpha") != std::string::npos;
    CHECK(says_not == !e.significant);
    CHECK(e.headline.find("statistically significant at alpha") != std::string::npos);
    if (!e.significant && ci && (ci->low > 0 || ci->high < 0)) CHECK(e.has("CI_EXCLUDES_ZERO"));
    if (e.significant)
        for (const char* code : {"P_FLOOR", "DESIGN_SENSITIVITY", "MULTIPLICITY", "CI_SPANS", "INCONCLUSIVE",
                                 "EXCLUDES_MCID", "CI_EXCLUDES_ZERO"})
            CHECK_FALSE(e.has(code));
    if (e.has("FRAGILE")) CHECK(e.significant);
}

void check_report(const data::Study& st, const analysis::OptionMap& opts) {
    const auto r = study_report::build_report(st, study_report::report_options(st, opts));
    for (std::size_t i = 0; i < r.changes.size(); ++i) check_row(r.change_expl.explanations[i], explain::row_interval(r.changes[i]));
    for (std::size_t i = 0; i < r.comparisons.size(); ++i)
        check_row(r.compare_expl.explanations[i], explain::row_interval(r.comparisons[i]));
    for (std::size_t i = 0; i < r.ancova.size(); ++i) check_row(r.ancova_expl.explanations[i], explain::row_interval(r.ancova[i]));
    for (const std::string format : {"text", "markdown", "json", "html"}) {
        std::ostringstream out;
        study_report::render_report(r, st, format, report::RenderOptions{}, out);
        CAPTURE(format);
        CHECK(banned_in(out.str()) == "");
    }
}

}  // namespace

TEST_CASE("wording: the sentence templates use no banned phrase") {
    const std::filesystem::path lib = std::filesystem::path(PILOTSTAT_TEST_DIR) / ".." / "lib" / "pilotstat";
    std::vector<std::filesystem::path> files{lib / "analysis" / "study_report_summary.cpp",
                                             lib / "analysis" / "study_report.cpp"};
    for (const auto& f : std::filesystem::directory_iterator(lib / "explain"))
        if (f.path().extension() == ".cpp") files.push_back(f.path());
    std::size_t scanned = 0;
    for (const auto& f : files) {
        const auto lits = literals(read(f));
        scanned += lits.size();
        for (const auto& lit : lits) {
            CAPTURE(f.string());
            CAPTURE(lit);
            CHECK(banned_in(lit) == "");
        }
    }
    CHECK(scanned > 100);  // the scan saw the templates
}

TEST_CASE("wording: the scanner itself finds what it must") {
    CHECK(banned_in("The arms DO NOT DIFFER") == "do not differ");
    CHECK(banned_in("a trend toward benefit") == "trend");
    CHECK(banned_in("not statistically significant at alpha = 0.05") == "");
    CHECK(banned_in("4 of 5 improved") == "");
    CHECK(banned_in("this proves it") == "prove");
    const auto l = literals("// \"no effect\" in a comment\nauto s = \"no difference\" + x + \"ok \\\"q\\\"\";");
    REQUIRE(l.size() == 2);
    CHECK(l[0] == "no difference");
    CHECK(l[1] == "ok \"q\"");
}

TEST_CASE("wording: example, significant and single-arm reports read correctly") {
    const auto ex = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    check_report(ex, {});
    check_report(ex, {{"primary", "change"}});
    check_report(ex, {{"family", "all"}, {"alternative", "less"}});
    check_report(ex, {{"on", "raw"}});
    check_report(ex, {{"on", "slope"}, {"time_values", "0,1,3,6"}, {"adjust", "maxT"}});
    check_report(ex, {{"on", "auc"}, {"primary", "ancova"}, {"rci_sd", "baseline"}});
    {  // one time point: the raw comparison of the screening scores
        std::string csv = "subject,group,time,measure,score\n";
        for (int i = 0; i < 8; ++i)
            csv += "c" + std::to_string(i) + "," + (i < 4 ? "a" : "b") + ",screening,bdi," + std::to_string(20 + 3 * i) + "\n";
        io::CsvReader reader("cross.csv", csv, io::CsvOptions{});
        check_report(data::build_study(reader, data::StudyOptions{}), {});
    }
    const auto sig = significant_study();
    check_report(sig, {});
    const auto r = study_report::build_report(sig, study_report::report_options(sig, {}));
    REQUIRE(r.ancova_expl.explanations.size() == 1);
    CHECK(r.ancova_expl.explanations[0].significant);  // the study really has a significant primary row
    CHECK(r.summary.find("1 is statistically significant") != std::string::npos);
    check_report(single_arm(), {});
    const auto three = three_arms();
    check_report(three, {});
    check_report(three, {{"on", "raw"}});
    const auto t = study_report::build_report(three, study_report::report_options(three, {}));
    CHECK(t.ancova_expl.explanations.size() == 3);  // A-B, A-C, B-C
    // the omnibus test (of the primary analysis: ANCOVA F) first, then the pairs with their adjustment named
    const auto omnibus = t.summary.find("the omnibus exact permutation test of the ANCOVA F");
    const auto pairs = t.summary.find("Then the pairwise exact permutation tests, Holm adjustment over the 3 comparisons");
    REQUIRE(omnibus != std::string::npos);
    REQUIRE(pairs != std::string::npos);
    CHECK(omnibus < pairs);
    CHECK(t.summary.find("any two arms") == std::string::npos);
    CHECK(study_report::omnibus_sentence(three, t, 0).find("across the measures and the pairs together") != std::string::npos);
    CHECK(study_report::omnibus_sentence(sig, r, 0).empty());  // two arms: none
    CHECK(t.adjust_label.find("1 measure x 3 pairs") != std::string::npos);  // one family over the pairs
}
