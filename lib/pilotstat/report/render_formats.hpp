// The concrete table renderers (one .cpp each).
#pragma once

#include "pilotstat/report/renderer.hpp"

namespace pilotstat::report {

// Aligned columns for a terminal; text left, numbers right; missing = NA.
class TextRenderer : public Renderer {
public:
    explicit TextRenderer(RenderOptions options) : options_(options) {}
    void render(const ResultTable& table, std::ostream& out) const override;

private:
    RenderOptions options_;
};

// csv (RFC 4180 quoting) or tsv; shortest round-trip numbers; missing = empty.
class DelimitedRenderer : public Renderer {
public:
    explicit DelimitedRenderer(char delimiter) : delimiter_(delimiter) {}
    void render(const ResultTable& table, std::ostream& out) const override;

private:
    char delimiter_;
};

// An array of objects, one per row; numbers as numbers; missing = null.
class JsonRenderer : public Renderer {
public:
    void render(const ResultTable& table, std::ostream& out) const override;
};

// A GitHub-flavoured pipe table; numbers rounded as in text.
class MarkdownRenderer : public Renderer {
public:
    explicit MarkdownRenderer(RenderOptions options) : options_(options) {}
    void render(const ResultTable& table, std::ostream& out) const override;

private:
    RenderOptions options_;
};

}  // namespace pilotstat::report
