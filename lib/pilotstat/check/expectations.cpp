#include "pilotstat/check/expectations.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/check/summary_rows.hpp"
#include "pilotstat/io/csv_reader.hpp"

namespace pilotstat::check {

namespace {

const std::vector<std::string> kColumns{"id", "select", "expected", "tolerance", "note"};

// Blanks comment lines (keeping line numbers) so the CSV reader skips them.
std::string blank_comments(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        const bool comment = !line.empty() && line.front() == '#';
        if (!comment) out.append(line);
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

// Header name -> field index; throws for unknown, duplicate or missing names.
std::map<std::string, std::size_t> header_index(const io::CsvReader& reader) {
    std::map<std::string, std::size_t> index;
    const auto& h = reader.header();
    for (std::size_t i = 0; i < h.size(); ++i) {
        const SourceLocation at{reader.source_name(), reader.header_line(), i + 1};
        if (std::find(kColumns.begin(), kColumns.end(), h[i]) == kColumns.end())
            throw DataError(at, "unknown column \"" + h[i] + "\" (valid: id,select,expected,tolerance,note)");
        if (!index.emplace(h[i], i).second) throw DataError(at, "column \"" + h[i] + "\" given twice");
    }
    for (const auto* required : {"id", "select", "expected", "tolerance"})
        if (!index.count(required))
            throw DataError(SourceLocation{reader.source_name(), reader.header_line(), 0},
                            std::string("missing column \"") + required + "\" (need id,select,expected,tolerance[,note])");
    return index;
}

bool is_known_command(const std::string& c) {
    const auto all = check_commands();
    return std::find(all.begin(), all.end(), c) != all.end();
}

class RowParser {
public:
    RowParser(const io::CsvRecord& rec, const std::map<std::string, std::size_t>& index, const std::string& file)
        : rec_(rec), index_(index), file_(file) {}
    std::string field(const std::string& name) const {
        auto it = index_.find(name);
        if (it == index_.end()) return {};
        const auto& f = rec_.fields[it->second];
        const auto b = f.find_first_not_of(' ');
        return b == std::string::npos ? std::string() : f.substr(b, f.find_last_not_of(' ') - b + 1);
    }
    [[noreturn]] void fail(const std::string& name, const std::string& message) const {
        throw DataError(SourceLocation{file_, rec_.line, index_.at(name) + 1}, message);
    }
    Expectation parse() const;

private:
    const io::CsvRecord& rec_;
    const std::map<std::string, std::size_t>& index_;
    const std::string& file_;
};

Expectation RowParser::parse() const {
    Expectation e;
    e.where = SourceLocation{file_, rec_.line, 0};
    e.id = field("id");
    if (e.id.empty()) fail("id", "empty id");
    e.note = field("note");
    e.select_text = field("select");
    try {
        e.select = parse_selection(e.select_text);
    } catch (const std::invalid_argument& x) {
        fail("select", x.what());
    }
    if (!is_known_command(e.select.command)) {
        std::string valid;
        for (const auto& c : check_commands()) valid += (valid.empty() ? "" : ", ") + c;
        fail("select", "unknown command \"" + e.select.command + "\" (valid: " + valid + ")");
    }
    const auto tol = parse_tolerance(field("tolerance"));
    if (!tol) fail("tolerance", "unknown tolerance \"" + field("tolerance") + "\" (valid: abs:X, rel:X%, decimals:K, p:K, exact)");
    e.tolerance = *tol;
    const bool bounds = tol->kind == ToleranceKind::pvalue;
    const auto expected = parse_expected(field("expected"), bounds);
    if (!expected)
        fail("expected", "expected \"" + field("expected") + "\" is not a number" +
                             (bounds ? " or a bound like <0.05" : ""));
    e.expected = *expected;
    if (!is_summary_command(e.select.command)) {
        if (!e.select.find("column"))
            fail("select", "a " + e.select.command + " row needs column=NAME (the column to compare)");
        return e;
    }
    try {
        validate_summary_row(e.select, e.expected, e.tolerance);
    } catch (const std::invalid_argument& x) {
        fail(std::string(x.what()).find("tolerance") != std::string::npos ? "tolerance" : "select", x.what());
    }
    return e;
}

}  // namespace

std::vector<std::string> check_commands() {
    auto all = commands::table_commands();
    for (const auto* c : {"grim", "grimmer", "pct_change", "pvalue", "means", "same"}) all.emplace_back(c);
    return all;
}

std::vector<Expectation> parse_expectations(const std::string& source_name, std::string_view text) {
    const std::string cleaned = blank_comments(text);
    io::CsvReader reader(source_name, cleaned, io::CsvOptions{','});
    const auto index = header_index(reader);
    std::vector<Expectation> out;
    std::map<std::string, std::size_t> seen;
    io::CsvRecord rec;
    while (reader.next(rec)) {
        RowParser row(rec, index, source_name);
        auto e = row.parse();
        if (const auto [it, fresh] = seen.emplace(e.id, rec.line); !fresh)
            row.fail("id", "id \"" + e.id + "\" already used on line " + std::to_string(it->second));
        out.push_back(std::move(e));
    }
    if (out.empty()) throw DataError(SourceLocation{source_name, 0, 0}, "no expectations (only a header)");
    return out;
}

std::vector<Expectation> read_expectations(const std::string& path) {
    std::ostringstream buf;
    if (path == "-") {
        buf << std::cin.rdbuf();
        return parse_expectations("<stdin>", buf.str());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(SourceLocation{path, 0, 0}, "cannot open expectations file");
    buf << in.rdbuf();
    return parse_expectations(path, buf.str());
}

}  // namespace pilotstat::check
