// Reads reference fixtures (tests/reference/*.csv) written by scripts/reference/*.
// Format: lines starting with '#' are comments (they cite the R/SciPy call);
// the first other line is a header; fields are separated by commas and never
// quoted; vectors inside a field are separated by spaces; "NA" = missing.
#pragma once

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fixture {

struct Row {
    std::map<std::string, std::string> cells;

    const std::string& str(const std::string& col) const {
        auto it = cells.find(col);
        if (it == cells.end()) throw std::runtime_error("fixture has no column " + col);
        return it->second;
    }
    double num(const std::string& col) const { return std::strtod(str(col).c_str(), nullptr); }
    bool is_na(const std::string& col) const { return str(col) == "NA" || str(col).empty(); }
    std::vector<double> vec(const std::string& col) const {
        std::vector<double> out;
        std::istringstream in(str(col));
        std::string tok;
        while (in >> tok) out.push_back(std::strtod(tok.c_str(), nullptr));
        return out;
    }
};

inline std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

// `name` is relative to tests/, e.g. "reference/signrank.csv".
inline std::vector<Row> read(const std::string& name) {
    std::ifstream in(std::string(PILOTSTAT_TEST_DIR) + "/" + name);
    if (!in) throw std::runtime_error("cannot open fixture " + name);
    std::vector<std::string> header;
    std::vector<Row> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto fields = split(line);
        if (header.empty()) {
            header = fields;
            continue;
        }
        if (fields.size() != header.size())
            throw std::runtime_error("fixture " + name + ": ragged line: " + line);
        Row r;
        for (std::size_t i = 0; i < header.size(); ++i) r.cells[header[i]] = fields[i];
        rows.push_back(std::move(r));
    }
    if (rows.empty()) throw std::runtime_error("fixture " + name + " has no rows");
    return rows;
}

}  // namespace fixture
