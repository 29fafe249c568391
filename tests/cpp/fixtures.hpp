// Small hand-made workforce pieces shared by the C++ tests.
#pragma once

#include <vector>

#include "penata/date.hpp"
#include "penata/error.hpp"
#include "penata/workforce.hpp"

namespace penata::testing {

/// The issues of the ValidationError that calling f throws, or an empty list when it succeeds.
template <class F> std::vector<Issue> issues_of(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.issues();
    }
    return {};
}

inline Units small_units() {
    Units u;
    u.add("PROV", "Pemerintah Provinsi Bengkulu");
    u.add("BKD", "Badan Kepegawaian Daerah", "PROV");
    u.add("BKD-MUTASI", "Bidang Mutasi", "BKD");
    u.add("DIKBUD", "Dinas Pendidikan dan Kebudayaan", "PROV");
    return u;
}

/// A valid PNS: NIP 198609262015051001 (born 1986-09-26, TMT 2015-05, L, sequence 001).
inline Employee pns() {
    Employee e;
    e.nip = 198609262015051001ULL;
    e.name = "Ahmad Fauzi";
    e.employment_type = EmploymentType::PNS;
    e.gender = Gender::L;
    e.birth_date = days_from_civil(1986, 9, 26);
    e.tmt = month_index(2015, 5);
    e.golongan = 9;  // III/a
    e.position_class = PositionClass::fungsional;
    e.position_level = PositionLevel::ahli_pertama;
    e.position_name = "Analis SDM Aparatur Ahli Pertama";
    e.unit_code = "BKD-MUTASI";
    e.education = Education::S1;
    e.training_hours = 24;
    e.discipline = Discipline::none;
    return e;
}

/// A valid PPPK: NI PPPK 199009132025242014 (born 1990-09-13, appointed 2025, code 24, P, 014).
inline Employee pppk() {
    Employee e;
    e.nip = 199009132025242014ULL;
    e.name = "Siti Rahmawati, S.Pd.";
    e.employment_type = EmploymentType::PPPK;
    e.gender = Gender::P;
    e.birth_date = days_from_civil(1990, 9, 13);
    e.tmt = month_index(2025, 3);
    e.golongan = 9;  // IX
    e.position_class = PositionClass::fungsional;
    e.position_level = PositionLevel::ahli_pertama;
    e.position_name = "Guru Ahli Pertama";
    e.unit_code = "DIKBUD";
    e.education = Education::S1;
    e.training_hours = 12.5;
    e.discipline = Discipline::none;
    return e;
}

}  // namespace penata::testing
