// One renderer per output format behind one interface, made by a factory
// (after Miller's pkg/output). Renderers write to the stream they are given.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/report/result_table.hpp"

namespace pilotstat::report {

struct RenderOptions {
    int digits = 4;  // decimals in human formats (text, markdown)
};

class Renderer {
public:
    virtual ~Renderer() = default;
    virtual void render(const ResultTable& table, std::ostream& out) const = 0;
};

// "text", "csv", "tsv", "json", "markdown"; throws UsageError listing the
// valid names for anything else.
std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions& options);

const std::vector<std::string>& table_formats();

// Cell text for human formats ("NA" when missing) and machine formats ("" when missing).
std::string human_cell(const Cell& cell, ColumnKind kind, const RenderOptions& options);
std::string machine_cell(const Cell& cell);

}  // namespace pilotstat::report
