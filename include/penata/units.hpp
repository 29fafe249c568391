// penata — organisational units (perangkat daerah and their sub-units) as a tree.
//
// A unit has a code (the key employees refer to), a name and an optional parent. Parents are
// added before their children, so the tree never has a cycle. Units are identified inside the
// library by their index, which never changes once added.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace penata {

class CsvImporter;

class Units {
public:
    static constexpr std::uint32_t kNoParent = 0xFFFFFFFFu;

    struct Unit {
        std::string code;
        std::string name;
        std::uint32_t parent = kNoParent;  ///< index of the parent unit, or kNoParent
    };

    /// Adds a unit and returns its index. The code must be non-empty, at most 64 bytes, without
    /// spaces, commas or control characters, and new; the parent (if given) must exist.
    /// Throws ValidationError (field "code", "name" or "parent_code") otherwise.
    std::uint32_t add(std::string code, std::string name, std::string_view parent_code = {});

    std::size_t size() const noexcept { return units_.size(); }
    bool empty() const noexcept { return units_.empty(); }
    const Unit& operator[](std::uint32_t index) const { return units_.at(index); }
    /// Index of the unit with this code, or nullopt.
    std::optional<std::uint32_t> find(std::string_view code) const;
    std::optional<std::uint32_t> find(const std::string& code) const;  ///< same, without a copy
    std::optional<std::uint32_t> find(const char* code) const { return find(std::string(code)); }
    /// Index of the unit with this code; throws NotFoundError.
    std::uint32_t at(std::string_view code) const;

    /// The unit and all units below it, in index order (a unit's parent always comes first).
    std::vector<std::uint32_t> subtree(std::uint32_t index) const;
    /// Mask over unit indices: true for the unit and every unit below it.
    std::vector<std::uint8_t> subtree_mask(std::uint32_t index) const;
    /// Distance from the root: 0 for a top-level unit.
    int depth(std::uint32_t index) const;
    /// Code of the parent, or "" for a top-level unit.
    std::string_view parent_code(std::uint32_t index) const;

    const std::vector<Unit>& all() const noexcept { return units_; }

private:
    friend class CsvImporter;
    friend struct ArchiveAccess;
    void truncate(std::size_t n);  ///< drops the units added after the first n (import rollback)

    std::vector<Unit> units_;
    std::unordered_map<std::string, std::uint32_t> by_code_;
};

}  // namespace penata
