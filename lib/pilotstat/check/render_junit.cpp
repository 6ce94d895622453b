// JUnit XML for CI systems (GitHub Actions test reporters, GitLab
// artifacts:reports:junit, Jenkins junit): the de-facto schema of Ant's
// JUnit task / Jenkins (testsuites > testsuite > testcase > failure).
#include <map>

#include "pilotstat/check/render.hpp"
#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/report/number_format.hpp"

namespace pilotstat::check {

namespace {

// "data/examples/kap_pilot.expect.csv" -> "kap_pilot.expect"
std::string suite_name(const std::string& file) {
    auto name = file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
    if (name.size() > 4 && name.substr(name.size() - 4) == ".csv") name.resize(name.size() - 4);
    return name;
}

void testcase(std::ostream& out, const RowResult& r, const std::string& suite) {
    const auto& e = r.expectation;
    const auto& o = r.outcome;
    out << "    <testcase name=\"" << markup_escape(e.id) << "\" classname=\"pilotstat.check." << markup_escape(suite)
        << "\" file=\"" << markup_escape(e.where.file) << "\" line=\"" << e.where.line << "\" time=\"0\"";
    if (o.pass) {
        out << "/>\n";
        return;
    }
    out << ">\n      <failure message=\"" << markup_escape(o.message) << "\" type=\"mismatch\">"
        << markup_escape(e.where.str() + ": " + e.select_text + "\nexpected: " + e.expected.text + " (" +
                      e.tolerance.text + ")\ncomputed: " + (o.computed ? report::shortest(*o.computed) : "NA") +
                      "\n" + o.message)
        << "</failure>\n    </testcase>\n";
}

}  // namespace

void render_junit(const CheckRun& run, std::ostream& out) {
    std::vector<std::string> files;  // in order of first appearance
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts;  // file -> tests, failures
    for (const auto& r : run.rows) {
        auto& c = counts[r.expectation.where.file];
        if (c.first++ == 0) files.push_back(r.expectation.where.file);
        if (!r.outcome.pass) ++c.second;
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pilotstat check\" tests=\""
        << run.rows.size() << "\" failures=\"" << run.failed() << "\" errors=\"0\">\n";
    for (const auto& f : files) {
        const auto suite = suite_name(f);
        out << "  <testsuite name=\"" << markup_escape(suite) << "\" tests=\"" << counts[f].first << "\" failures=\""
            << counts[f].second << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
        for (const auto& r : run.rows)
            if (r.expectation.where.file == f) testcase(out, r, suite);
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

}  // namespace pilotstat::check
