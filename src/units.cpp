#include "penata/units.hpp"

#include "penata/error.hpp"

namespace penata {

std::uint32_t Units::add(std::string code, std::string name, std::string_view parent_code) {
    auto bad = [&](const char* field, std::string value, const char* rule, std::string msg) {
        throw ValidationError(Issue{-1, field, std::move(value), rule, std::move(msg)});
    };
    if (code.empty()) bad("code", code, "unit.code_required", "a unit code must not be empty");
    if (code.size() > 64) bad("code", code, "unit.code_length", "a unit code has at most 64 bytes");
    for (unsigned char c : code)
        if (c <= ' ' || c == ',' || c == '"' || c == 0x7f)
            bad("code", code, "unit.code_chars", "a unit code must not contain spaces, commas, quotes or control characters");
    if (by_code_.count(code)) bad("code", code, "unit.code_unique", "unit code already exists");
    if (name.size() > 200) bad("name", name, "unit.name_length", "a unit name has at most 200 bytes");
    std::uint32_t parent = kNoParent;
    if (!parent_code.empty()) {
        auto it = by_code_.find(std::string(parent_code));
        if (it == by_code_.end())
            bad("parent_code", std::string(parent_code), "unit.parent_known",
                "parent unit does not exist (a parent must be added before its children)");
        parent = it->second;
    }
    const auto index = static_cast<std::uint32_t>(units_.size());
    by_code_.emplace(code, index);
    units_.push_back(Unit{std::move(code), std::move(name), parent});
    return index;
}

std::optional<std::uint32_t> Units::find(std::string_view code) const { return find(std::string(code)); }

std::optional<std::uint32_t> Units::find(const std::string& code) const {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return std::nullopt;
    return it->second;
}

std::uint32_t Units::at(std::string_view code) const {
    if (auto i = find(code)) return *i;
    throw NotFoundError("unit code '" + clip_value(std::string(code)) + "' does not exist");
}

std::vector<std::uint8_t> Units::subtree_mask(std::uint32_t index) const {
    if (index >= units_.size()) throw NotFoundError("unit index " + std::to_string(index) + " does not exist");
    // Parents always precede children, so one forward pass marks the whole subtree.
    std::vector<std::uint8_t> mask(units_.size(), 0);
    mask[index] = 1;
    for (std::size_t i = index + 1; i < units_.size(); ++i)
        if (units_[i].parent != kNoParent && mask[units_[i].parent]) mask[i] = 1;
    return mask;
}

std::vector<std::uint32_t> Units::subtree(std::uint32_t index) const {
    const auto mask = subtree_mask(index);
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < mask.size(); ++i)
        if (mask[i]) out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

int Units::depth(std::uint32_t index) const {
    int d = 0;
    for (std::uint32_t p = units_.at(index).parent; p != kNoParent; p = units_[p].parent) ++d;
    return d;
}

std::string_view Units::parent_code(std::uint32_t index) const {
    const auto p = units_.at(index).parent;
    return p == kNoParent ? std::string_view{} : std::string_view(units_[p].code);
}

}  // namespace penata

namespace penata {
void Units::truncate(std::size_t n) {
    while (units_.size() > n) {
        by_code_.erase(units_.back().code);
        units_.pop_back();
    }
}
}  // namespace penata
