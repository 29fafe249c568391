#include "penata/error.hpp"

namespace penata {

std::string clip_value(const std::string& value) {
    constexpr std::size_t kMax = 200;
    if (value.size() <= kMax) return value;
    return value.substr(0, kMax) + "...";
}

std::string Issue::describe() const {
    std::string out;
    if (row >= 0) out += "row " + std::to_string(row) + ", ";
    if (!field.empty()) out += "field '" + field + "', ";
    out += "value '" + clip_value(value) + "': " + message;
    if (!rule.empty()) out += " [rule " + rule + "]";
    return out;
}

static std::string summary(const std::vector<Issue>& issues) {
    if (issues.empty()) return "validation failed";
    std::string s = issues.front().describe();
    if (issues.size() > 1) s += " (and " + std::to_string(issues.size() - 1) + " more issue(s))";
    return s;
}

ValidationError::ValidationError(Issue issue) : ValidationError(std::vector<Issue>{std::move(issue)}) {}

ValidationError::ValidationError(std::vector<Issue> issues)
    : Error(summary(issues)), issues_(std::move(issues)) {
    if (issues_.empty()) issues_.push_back(Issue{-1, "", "", "", "validation failed"});
}

}  // namespace penata
