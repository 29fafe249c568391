// The synthetic Pemprov Bengkulu workforce (see include/penata/sample.hpp).
//
// SYNTHETIC DATA. Every person is invented; the distributions are plausible, not official.
// Determinism: each employee i is drawn from its own counter-based stream (splitmix64 of the seed,
// i and an attempt number) through integer range mappings written here, never std::
// distributions (whose output is implementation-defined). Only the NIP sequence numbers depend on
// other employees; they are assigned after sorting all 15-digit NIP prefixes, so the result does
// not depend on how the draws are scheduled.
#include "penata/sample.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "penata/date.hpp"
#include "penata/error.hpp"

namespace penata {

namespace {

// ---- random numbers --------------------------------------------------------------------------

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// splitmix64 stream keyed by (seed, employee index, attempt).
class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t index, std::uint32_t attempt)
        : state_(mix64(mix64(seed ^ 0x70656E617461ULL) + index * kGolden) ^
                 (static_cast<std::uint64_t>(attempt) * 0xD1B54A32D192ED03ULL)) {}
    std::uint64_t next() {
        state_ += kGolden;
        return mix64(state_);
    }
    /// Uniform in [0, k) for k >= 1 (multiply-shift on the top 32 bits).
    std::uint32_t below(std::uint32_t k) {
        return static_cast<std::uint32_t>(((next() >> 32) * k) >> 32);
    }
    /// Uniform in [lo, hi] (hi >= lo).
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1))); }
    /// True with probability permille/1000.
    bool chance(std::uint32_t permille) { return below(1000) < permille; }
    /// Index drawn with the given integer weights (at least one positive).
    template <std::size_t N> std::size_t pick(const std::array<std::uint16_t, N>& w) {
        std::uint32_t total = 0;
        for (auto x : w) total += x;
        std::uint32_t r = below(total);
        for (std::size_t i = 0; i < N; ++i) {
            if (r < w[i]) return i;
            r -= w[i];
        }
        return N - 1;
    }

private:
    std::uint64_t state_;
};

// ---- regulatory tables (ASN-RULES.md section 8) ----------------------------------------------

constexpr std::size_t kEdu = 10;  // SD SLTP SLTA D1 D2 D3 D4 S1 S2 S3
using EduMix = std::array<std::uint16_t, kEdu>;
constexpr std::size_t edu(Education e) { return static_cast<std::size_t>(e); }

/// PNS entry golongan and regular ceiling by education (PP 99/2000 jo 12/2002); 1 = I/a.
constexpr std::array<std::uint8_t, kEdu> kPnsEntry{1, 3, 5, 5, 6, 7, 9, 9, 10, 11};
constexpr std::array<std::uint8_t, kEdu> kPnsCeiling{5, 7, 10, 10, 10, 11, 12, 12, 13, 14};
/// PPPK golongan by education (Perpres 98/2020); 1 = I.
constexpr std::array<std::uint8_t, kEdu> kPppkEntry{1, 4, 5, 5, 6, 7, 9, 9, 10, 11};
/// Earliest age at which the education is usually finished (sample assumption).
constexpr std::array<int, kEdu> kEduAge{18, 18, 19, 19, 20, 21, 22, 22, 24, 28};

/// Jenjang of a PNS jabatan fungsional from the golongan (ASN-RULES.md 8.4).
PositionLevel keahlian_level(int gol) {
    if (gol <= 10) return PositionLevel::ahli_pertama;  // III/a-III/b
    if (gol <= 12) return PositionLevel::ahli_muda;     // III/c-III/d
    if (gol <= 15) return PositionLevel::ahli_madya;    // IV/a-IV/c
    return PositionLevel::ahli_utama;                   // IV/d-IV/e
}
PositionLevel keterampilan_level(int gol) {
    if (gol <= 5) return PositionLevel::pemula;    // II/a
    if (gol <= 8) return PositionLevel::terampil;  // II/b-II/d
    if (gol <= 10) return PositionLevel::mahir;    // III/a-III/b
    return PositionLevel::penyelia;                // III/c-III/d
}
constexpr std::array<std::string_view, 9> kLevelText{
    "", "Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama", "Pemula", "Terampil", "Mahir", "Penyelia"};

// ---- lookup tables for weighted draws ---------------------------------------------------------

template <class T, std::size_t N> constexpr std::size_t weight_sum(const std::array<T, N>& w) {
    std::size_t s = 0;
    for (auto x : w) s += x;
    return s;
}
/// A table in which value i appears w[i] times: a uniform index into it draws i with weight w[i].
template <std::size_t Total, class T, std::size_t N>
constexpr std::array<std::uint8_t, Total> lookup_table(const std::array<T, N>& w) {
    std::array<std::uint8_t, Total> lut{};
    std::size_t k = 0;
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < w[i]; ++j) lut[k++] = static_cast<std::uint8_t>(i);
    return lut;
}

// ---- education mixes (per mille, sample assumptions) -----------------------------------------

//                                SD  SLTP SLTA  D1  D2   D3   D4   S1   S2  S3
constexpr EduMix kEduTeacher{     0,   0,   0,   0,  0,   0,  20, 820, 152,  8};
constexpr EduMix kEduDoctor{      0,   0,   0,   0,  0,   0,   0, 880, 120,  0};
constexpr EduMix kEduSpecialist{  0,   0,   0,   0,  0,   0,   0,   0, 980, 20};
constexpr EduMix kEduNurse{       0,   0,   0,   0,  0, 560,  30, 380,  30,  0};
constexpr EduMix kEduMidwife{     0,   0,   0,   0,  0, 650, 250,  50,  50,  0};
constexpr EduMix kEduHealthTech{  0,   0,   0,   0,  0, 650, 150, 170,  30,  0};
constexpr EduMix kEduAssistant{   0,   0, 150,   0,  0, 850,   0,   0,   0,  0};
constexpr EduMix kEduExpert{      0,   0,   0,   0,  0,   0,  15, 745, 230, 10};
constexpr EduMix kEduTechnical{   0,   0, 250,  10, 10, 240,  20, 410,  60,  0};
constexpr EduMix kEduExecutive{   0,   0,   0,   0,  0,   0,   0, 200, 700, 100};
constexpr EduMix kEduAdministrator{0,  0,   0,   0,  0,   0,  10, 410, 550, 30};
constexpr EduMix kEduSupervisor{  0,   0,   0,   0,  0,  40,  30, 700, 230,  0};
constexpr EduMix kEduPelaksana{  15,  25, 420,  10,  5, 140,  20, 340,  25,  0};

/// An education mix as a 1000-entry lookup table (every mix sums to 1000).
struct EduDist {
    std::array<std::uint8_t, 1000> lut;
    constexpr explicit EduDist(const EduMix& w) : lut(lookup_table<1000>(w)) {}
};
constexpr bool per_mille(const EduMix& w) { return weight_sum(w) == 1000; }
static_assert(per_mille(kEduTeacher) && per_mille(kEduDoctor) && per_mille(kEduSpecialist) &&
              per_mille(kEduNurse) && per_mille(kEduMidwife) && per_mille(kEduHealthTech) &&
              per_mille(kEduAssistant) && per_mille(kEduExpert) && per_mille(kEduTechnical) &&
              per_mille(kEduExecutive) && per_mille(kEduAdministrator) && per_mille(kEduSupervisor) &&
              per_mille(kEduPelaksana), "education mixes are per mille");
constexpr EduDist kDistTeacher{kEduTeacher}, kDistDoctor{kEduDoctor}, kDistSpecialist{kEduSpecialist},
    kDistNurse{kEduNurse}, kDistMidwife{kEduMidwife}, kDistHealthTech{kEduHealthTech},
    kDistAssistant{kEduAssistant}, kDistExpert{kEduExpert}, kDistTechnical{kEduTechnical},
    kDistExecutive{kEduExecutive}, kDistAdministrator{kEduAdministrator}, kDistSupervisor{kEduSupervisor},
    kDistPelaksana{kEduPelaksana};

// ---- jabatan fungsional ----------------------------------------------------------------------

enum class Track : std::uint8_t { keahlian, keterampilan, both };
enum class Title : std::uint8_t {
    generic, guru, nurse, midwife, doctor, specialist, dentist, pharmacist, pharm_assistant, health, doctor_manager
};

struct JfSpec {
    std::string_view name;
    Track track;
    const EduDist* edu;
    std::uint16_t female_permille;
    Title title;
    std::uint8_t pns_entry;  ///< PNS entry golongan when it is not the education's (dokter: III/b), else 0
    std::uint8_t pppk_gol;   ///< PPPK golongan when it is not the education's, else 0
    bool senior;             ///< may reach ahli utama (IV/d-IV/e)
};

enum Jf : std::uint16_t {
    GURU, PENGAWAS_SEKOLAH, PUSTAKAWAN, PLP, PTP, PAMONG_BUDAYA,
    DOKTER, DOKTER_SPESIALIS, DOKTER_GIGI, PERAWAT, BIDAN, APOTEKER, ASISTEN_APOTEKER, PLK,
    RADIOGRAFER, NUTRISIONIS, PEREKAM_MEDIS, FISIOTERAPIS, SANITARIAN, ADMINKES, EPIDEMIOLOG, PROMKES,
    ANALIS_KEBIJAKAN, PERENCANA, ARSIPARIS, PRAKOM, ANALIS_SDMA, PRANATA_SDMA, ASESOR_SDMA, AKPD, PPBJ,
    PRANATA_HUMAS, PERANCANG, ANALIS_HUKUM, WIDYAISWARA, PENELITI, STATISTISI, SANDIMAN,
    PENGANTAR_KERJA, MEDIATOR_HI, PENGAWAS_NAKER, INSTRUKTUR, AUDITOR, P2UPD,
    TEKNIK_JALAN, TEKNIK_PENGAIRAN, TEKNIK_BANGUNAN, PENATA_RUANG, PEKSOS, PENYULUH_SOSIAL, PENGUJI_KB,
    POLHUT, PDL, PENYULUH_KEHUTANAN, PEH, PENYULUH_PERTANIAN, PMHP, POPT, PBT, MEDIK_VET, PARAMEDIK_VET,
    PENGAWAS_BIBIT, PENGAWAS_PERIKANAN, PENYULUH_PERIKANAN, PENATA_PERIZINAN, PENGAWAS_KOPERASI, PENERA,
    PENGAWAS_PERDAGANGAN, ADYATAMA, PENYULUH_KB, PSM, PENYELIDIK_BUMI, POLPP, ANALIS_BENCANA,
    kJfCount
};

// Genders per mille female, education mixes and title styles are sample assumptions.
const std::array<JfSpec, kJfCount> kJfs{{
    {"Guru", Track::keahlian, &kDistTeacher, 650, Title::guru, 0, 0, true},
    {"Pengawas Sekolah", Track::keahlian, &kDistTeacher, 450, Title::guru, 0, 0, true},
    {"Pustakawan", Track::both, &kDistTechnical, 700, Title::generic, 0, 0, false},
    {"Pranata Laboratorium Pendidikan", Track::both, &kDistTechnical, 600, Title::generic, 0, 0, false},
    {"Pengembang Teknologi Pembelajaran", Track::keahlian, &kDistExpert, 500, Title::guru, 0, 0, false},
    {"Pamong Budaya", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, false},
    {"Dokter", Track::keahlian, &kDistDoctor, 580, Title::doctor, 10, 10, false},
    {"Dokter Spesialis", Track::keahlian, &kDistSpecialist, 450, Title::specialist, 10, 10, true},
    {"Dokter Gigi", Track::keahlian, &kDistDoctor, 700, Title::dentist, 10, 10, false},
    {"Perawat", Track::both, &kDistNurse, 760, Title::nurse, 0, 0, false},
    {"Bidan", Track::both, &kDistMidwife, 1000, Title::midwife, 0, 0, false},
    {"Apoteker", Track::keahlian, &kDistDoctor, 800, Title::pharmacist, 10, 10, false},
    {"Asisten Apoteker", Track::keterampilan, &kDistAssistant, 820, Title::pharm_assistant, 0, 0, false},
    {"Pranata Laboratorium Kesehatan", Track::both, &kDistHealthTech, 720, Title::health, 0, 0, false},
    {"Radiografer", Track::both, &kDistHealthTech, 450, Title::health, 0, 0, false},
    {"Nutrisionis", Track::both, &kDistHealthTech, 880, Title::health, 0, 0, false},
    {"Perekam Medis", Track::both, &kDistHealthTech, 650, Title::health, 0, 0, false},
    {"Fisioterapis", Track::both, &kDistHealthTech, 600, Title::health, 0, 0, false},
    {"Sanitarian", Track::both, &kDistHealthTech, 550, Title::health, 0, 0, false},
    {"Administrator Kesehatan", Track::keahlian, &kDistExpert, 600, Title::health, 0, 0, false},
    {"Epidemiolog Kesehatan", Track::keahlian, &kDistExpert, 600, Title::health, 0, 0, false},
    {"Penyuluh Kesehatan Masyarakat", Track::keahlian, &kDistExpert, 650, Title::health, 0, 0, false},
    {"Analis Kebijakan", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, true},
    {"Perencana", Track::keahlian, &kDistExpert, 480, Title::generic, 0, 0, true},
    {"Arsiparis", Track::both, &kDistTechnical, 620, Title::generic, 0, 0, false},
    {"Pranata Komputer", Track::both, &kDistTechnical, 380, Title::generic, 0, 0, false},
    {"Analis Sumber Daya Manusia Aparatur", Track::keahlian, &kDistExpert, 550, Title::generic, 0, 0, false},
    {"Pranata Sumber Daya Manusia Aparatur", Track::keterampilan, &kDistAssistant, 550, Title::generic, 0, 0, false},
    {"Asesor Sumber Daya Manusia Aparatur", Track::keahlian, &kDistExpert, 500, Title::generic, 0, 0, false},
    {"Analis Keuangan Pusat dan Daerah", Track::keahlian, &kDistExpert, 580, Title::generic, 0, 0, false},
    {"Pengelola Pengadaan Barang/Jasa", Track::keahlian, &kDistExpert, 420, Title::generic, 0, 0, false},
    {"Pranata Hubungan Masyarakat", Track::both, &kDistTechnical, 520, Title::generic, 0, 0, false},
    {"Perancang Peraturan Perundang-undangan", Track::keahlian, &kDistExpert, 500, Title::generic, 0, 0, false},
    {"Analis Hukum", Track::keahlian, &kDistExpert, 520, Title::generic, 0, 0, false},
    {"Widyaiswara", Track::keahlian, &kDistExpert, 400, Title::generic, 0, 0, true},
    {"Peneliti", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, true},
    {"Statistisi", Track::both, &kDistTechnical, 550, Title::generic, 0, 0, false},
    {"Sandiman", Track::both, &kDistTechnical, 300, Title::generic, 0, 0, false},
    {"Pengantar Kerja", Track::keahlian, &kDistExpert, 500, Title::generic, 0, 0, false},
    {"Mediator Hubungan Industrial", Track::keahlian, &kDistExpert, 400, Title::generic, 0, 0, false},
    {"Pengawas Ketenagakerjaan", Track::keahlian, &kDistExpert, 300, Title::generic, 0, 0, false},
    {"Instruktur", Track::both, &kDistTechnical, 350, Title::generic, 0, 0, false},
    {"Auditor", Track::both, &kDistExpert, 480, Title::generic, 0, 0, true},
    {"Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, false},
    {"Teknik Jalan dan Jembatan", Track::both, &kDistTechnical, 180, Title::generic, 0, 0, false},
    {"Teknik Pengairan", Track::both, &kDistTechnical, 180, Title::generic, 0, 0, false},
    {"Teknik Tata Bangunan dan Perumahan", Track::both, &kDistTechnical, 250, Title::generic, 0, 0, false},
    {"Penata Ruang", Track::keahlian, &kDistExpert, 400, Title::generic, 0, 0, false},
    {"Pekerja Sosial", Track::both, &kDistTechnical, 600, Title::generic, 0, 0, false},
    {"Penyuluh Sosial", Track::keahlian, &kDistExpert, 550, Title::generic, 0, 0, false},
    {"Penguji Kendaraan Bermotor", Track::both, &kDistTechnical, 120, Title::generic, 0, 0, false},
    {"Polisi Kehutanan", Track::both, &kDistTechnical, 100, Title::generic, 0, 0, false},
    {"Pengendali Dampak Lingkungan", Track::keahlian, &kDistExpert, 500, Title::generic, 0, 0, false},
    {"Penyuluh Kehutanan", Track::both, &kDistTechnical, 300, Title::generic, 0, 0, false},
    {"Pengendali Ekosistem Hutan", Track::both, &kDistTechnical, 300, Title::generic, 0, 0, false},
    {"Penyuluh Pertanian", Track::both, &kDistTechnical, 380, Title::generic, 0, 0, false},
    {"Pengawas Mutu Hasil Pertanian", Track::both, &kDistTechnical, 500, Title::generic, 0, 0, false},
    {"Pengendali Organisme Pengganggu Tumbuhan", Track::both, &kDistTechnical, 400, Title::generic, 0, 0, false},
    {"Pengawas Benih Tanaman", Track::both, &kDistTechnical, 400, Title::generic, 0, 0, false},
    {"Medik Veteriner", Track::keahlian, &kDistDoctor, 550, Title::generic, 0, 0, false},
    {"Paramedik Veteriner", Track::keterampilan, &kDistAssistant, 300, Title::generic, 0, 0, false},
    {"Pengawas Bibit Ternak", Track::both, &kDistTechnical, 350, Title::generic, 0, 0, false},
    {"Pengawas Perikanan", Track::both, &kDistTechnical, 300, Title::generic, 0, 0, false},
    {"Penyuluh Perikanan", Track::both, &kDistTechnical, 350, Title::generic, 0, 0, false},
    {"Penata Perizinan", Track::keahlian, &kDistExpert, 550, Title::generic, 0, 0, false},
    {"Pengawas Koperasi", Track::keahlian, &kDistExpert, 500, Title::generic, 0, 0, false},
    {"Penera", Track::both, &kDistTechnical, 300, Title::generic, 0, 0, false},
    {"Pengawas Perdagangan", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, false},
    {"Adyatama Kepariwisataan dan Ekonomi Kreatif", Track::keahlian, &kDistExpert, 550, Title::generic, 0, 0, false},
    {"Penyuluh Keluarga Berencana", Track::keahlian, &kDistExpert, 650, Title::generic, 0, 0, false},
    {"Penggerak Swadaya Masyarakat", Track::keahlian, &kDistExpert, 450, Title::generic, 0, 0, false},
    {"Penyelidik Bumi", Track::keahlian, &kDistExpert, 300, Title::generic, 0, 0, false},
    {"Polisi Pamong Praja", Track::both, &kDistTechnical, 160, Title::generic, 0, 0, false},
    {"Analis Bencana", Track::keahlian, &kDistExpert, 350, Title::generic, 0, 0, false},
}};

/// Jabatan fungsional found in most offices.
constexpr std::array<Jf, 8> kGenericJfs{ANALIS_KEBIJAKAN, PERENCANA,   ARSIPARIS, PRAKOM,
                                        ANALIS_SDMA,      AKPD,        PPBJ,      PRANATA_HUMAS};

// ---- units (ASN-RULES.md section 10) ---------------------------------------------------------

enum class Profile : std::uint8_t { none, office, school, hospital, health_office };
enum class Kind : std::uint8_t { setda, biro, setwan, dinas, badan, inspektorat, cabdin, hospital, satpol, uptd };
enum class Head : std::uint8_t { none, jpt_madya, jpt_pratama, administrator, pengawas };

struct UnitSpec {
    std::string_view code;
    std::string_view name;
    std::string_view parent;
    bool confirmed;           ///< [CONFIRMED] in ASN-RULES.md 10; otherwise illustrative
    std::uint16_t weight;     ///< relative head count (about employees per 10,300)
    Profile profile;
    Kind kind;
    std::uint16_t special;    ///< per mille of employees in the unit's own jabatan fungsional
    std::uint16_t pppk;       ///< per mille PPPK among the unit's ordinary employees
    Head head;
    std::string_view head_title;
    std::array<int, 4> jfs;   ///< the unit's own jabatan fungsional (-1 = none)
};

constexpr std::array<int, 4> J(int a = -1, int b = -1, int c = -1, int d = -1) { return {a, b, c, d}; }

// Perangkat daerah under Perda Provinsi Bengkulu 8/2016. `confirmed` marks the units ASN-RULES.md
// 10 lists as confirmed (Bapenda and BKAD are the split of BPKAD proposed in May 2024, Bapperida
// the renamed Bappeda); every other unit, every Biro name, the Cabang Dinas wilayah and their
// coverage, the UPTD and the hospitals' place in the tree are ILLUSTRATIVE (typical provincial
// units, not verified for Bengkulu). Weights are sample assumptions: teachers of SMA/SMK/SLB
// (provincial since UU 23/2014) and the hospitals dominate.
const std::vector<UnitSpec>& unit_specs() {
    using P = Profile;
    using K = Kind;
    using H = Head;
    static const std::vector<UnitSpec> specs{
        {"PROV", "Pemerintah Provinsi Bengkulu", "", true, 0, P::none, K::setda, 0, 0, H::none, "", J()},
        {"SETDA", "Sekretariat Daerah", "PROV", true, 45, P::office, K::setda, 200, 60, H::jpt_madya, "Sekretaris Daerah", J(ANALIS_KEBIJAKAN, PRANATA_HUMAS)},
        {"SETDA-BIRO-PEMOTDA", "Biro Pemerintahan dan Otonomi Daerah", "SETDA", false, 35, P::office, K::biro, 200, 60, H::jpt_pratama, "Kepala Biro Pemerintahan dan Otonomi Daerah", J(ANALIS_KEBIJAKAN)},
        {"SETDA-BIRO-HUKUM", "Biro Hukum", "SETDA", false, 35, P::office, K::biro, 300, 60, H::jpt_pratama, "Kepala Biro Hukum", J(PERANCANG, ANALIS_HUKUM)},
        {"SETDA-BIRO-KESRA", "Biro Kesejahteraan Rakyat", "SETDA", false, 30, P::office, K::biro, 200, 60, H::jpt_pratama, "Kepala Biro Kesejahteraan Rakyat", J(ANALIS_KEBIJAKAN)},
        {"SETDA-BIRO-EKON", "Biro Perekonomian", "SETDA", false, 30, P::office, K::biro, 200, 60, H::jpt_pratama, "Kepala Biro Perekonomian", J(ANALIS_KEBIJAKAN)},
        {"SETDA-BIRO-ADPEM", "Biro Administrasi Pembangunan", "SETDA", false, 30, P::office, K::biro, 200, 60, H::jpt_pratama, "Kepala Biro Administrasi Pembangunan", J(ANALIS_KEBIJAKAN, PERENCANA)},
        {"SETDA-BIRO-PBJ", "Biro Pengadaan Barang dan Jasa", "SETDA", false, 35, P::office, K::biro, 350, 60, H::jpt_pratama, "Kepala Biro Pengadaan Barang dan Jasa", J(PPBJ)},
        {"SETDA-BIRO-ORG", "Biro Organisasi", "SETDA", false, 30, P::office, K::biro, 250, 60, H::jpt_pratama, "Kepala Biro Organisasi", J(ANALIS_KEBIJAKAN, ANALIS_SDMA)},
        {"SETDA-BIRO-UMUM", "Biro Umum", "SETDA", false, 120, P::office, K::biro, 150, 80, H::jpt_pratama, "Kepala Biro Umum", J(ARSIPARIS, PRAKOM)},
        {"SETDA-BIRO-ADPIM", "Biro Administrasi Pimpinan", "SETDA", false, 50, P::office, K::biro, 200, 60, H::jpt_pratama, "Kepala Biro Administrasi Pimpinan", J(PRANATA_HUMAS)},
        {"SETWAN", "Sekretariat DPRD", "PROV", true, 140, P::office, K::setwan, 200, 80, H::jpt_pratama, "Sekretaris DPRD", J(ANALIS_KEBIJAKAN, PERANCANG, PRANATA_HUMAS)},
        {"INSPEKTORAT", "Inspektorat", "PROV", false, 90, P::office, K::inspektorat, 500, 40, H::jpt_pratama, "Inspektur", J(AUDITOR, P2UPD)},
        {"BAPPERIDA", "Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah", "PROV", true, 80, P::office, K::badan, 350, 60, H::jpt_pratama, "Kepala Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah", J(PERENCANA, PENELITI, STATISTISI)},
        {"BKD", "Badan Kepegawaian Daerah", "PROV", true, 90, P::office, K::badan, 300, 60, H::jpt_pratama, "Kepala Badan Kepegawaian Daerah", J(ANALIS_SDMA, PRANATA_SDMA, ASESOR_SDMA)},
        {"BPSDM", "Badan Pengembangan Sumber Daya Manusia", "PROV", true, 70, P::office, K::badan, 300, 60, H::jpt_pratama, "Kepala Badan Pengembangan Sumber Daya Manusia", J(WIDYAISWARA, ANALIS_SDMA)},
        {"BAPENDA", "Badan Pendapatan Daerah", "PROV", true, 110, P::office, K::badan, 150, 80, H::jpt_pratama, "Kepala Badan Pendapatan Daerah", J(AKPD, PRAKOM)},
        {"BAPENDA-UPTD-01", "UPTD Pengelolaan Pendapatan Daerah Kota Bengkulu", "BAPENDA", false, 60, P::office, K::uptd, 80, 100, H::administrator, "Kepala UPTD Pengelolaan Pendapatan Daerah Kota Bengkulu", J(AKPD)},
        {"BAPENDA-UPTD-02", "UPTD Pengelolaan Pendapatan Daerah Rejang Lebong", "BAPENDA", false, 40, P::office, K::uptd, 80, 100, H::administrator, "Kepala UPTD Pengelolaan Pendapatan Daerah Rejang Lebong", J(AKPD)},
        {"BAPENDA-UPTD-03", "UPTD Pengelolaan Pendapatan Daerah Bengkulu Utara", "BAPENDA", false, 40, P::office, K::uptd, 80, 100, H::administrator, "Kepala UPTD Pengelolaan Pendapatan Daerah Bengkulu Utara", J(AKPD)},
        {"BKAD", "Badan Keuangan dan Aset Daerah", "PROV", true, 110, P::office, K::badan, 250, 60, H::jpt_pratama, "Kepala Badan Keuangan dan Aset Daerah", J(AKPD, ARSIPARIS)},
        {"DIKBUD", "Dinas Pendidikan dan Kebudayaan", "PROV", true, 180, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Pendidikan dan Kebudayaan", J(PTP, PAMONG_BUDAYA, ANALIS_KEBIJAKAN, PENGAWAS_SEKOLAH)},
        {"DIKBUD-CABDIN-01", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah I (Kota Bengkulu)", "DIKBUD", false, 1100, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah I", J()},
        {"DIKBUD-CABDIN-02", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah II (Seluma)", "DIKBUD", false, 500, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah II", J()},
        {"DIKBUD-CABDIN-03", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah III (Bengkulu Selatan)", "DIKBUD", false, 450, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah III", J()},
        {"DIKBUD-CABDIN-04", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah IV (Kaur)", "DIKBUD", false, 400, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah IV", J()},
        {"DIKBUD-CABDIN-05", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah V (Bengkulu Utara)", "DIKBUD", false, 650, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah V", J()},
        {"DIKBUD-CABDIN-06", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah VI (Mukomuko)", "DIKBUD", false, 450, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah VI", J()},
        {"DIKBUD-CABDIN-07", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah VII (Rejang Lebong)", "DIKBUD", false, 700, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah VII", J()},
        {"DIKBUD-CABDIN-08", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah VIII (Lebong)", "DIKBUD", false, 350, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah VIII", J()},
        {"DIKBUD-CABDIN-09", "Cabang Dinas Pendidikan dan Kebudayaan Wilayah IX (Kepahiang dan Bengkulu Tengah)", "DIKBUD", false, 700, P::school, K::cabdin, 0, 230, H::administrator, "Kepala Cabang Dinas Pendidikan dan Kebudayaan Wilayah IX", J()},
        {"NAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi", "PROV", true, 90, P::office, K::dinas, 350, 60, H::jpt_pratama, "Kepala Dinas Tenaga Kerja dan Transmigrasi", J(PENGANTAR_KERJA, MEDIATOR_HI, PENGAWAS_NAKER, INSTRUKTUR)},
        {"DISKOMINFOTIK", "Dinas Komunikasi, Informatika dan Statistik", "PROV", true, 70, P::office, K::dinas, 350, 80, H::jpt_pratama, "Kepala Dinas Komunikasi, Informatika dan Statistik", J(PRAKOM, STATISTISI, PRANATA_HUMAS, SANDIMAN)},
        {"DINKES", "Dinas Kesehatan", "PROV", false, 140, P::health_office, K::dinas, 0, 150, H::jpt_pratama, "Kepala Dinas Kesehatan", J()},
        {"RSUD-MY", "RSUD dr. M. Yunus", "DINKES", false, 950, P::hospital, K::hospital, 0, 210, H::jpt_pratama, "Direktur RSUD dr. M. Yunus", J()},
        {"RSKJ-SOEPRAPTO", "Rumah Sakit Khusus Jiwa Soeprapto", "DINKES", false, 250, P::hospital, K::hospital, 0, 210, H::administrator, "Direktur Rumah Sakit Khusus Jiwa Soeprapto", J()},
        {"PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "PROV", false, 200, P::office, K::dinas, 300, 80, H::jpt_pratama, "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", J(TEKNIK_JALAN, TEKNIK_PENGAIRAN, PENATA_RUANG)},
        {"PERKIM", "Dinas Perumahan dan Kawasan Permukiman", "PROV", false, 60, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Perumahan dan Kawasan Permukiman", J(TEKNIK_BANGUNAN, PENATA_RUANG)},
        {"DINSOS", "Dinas Sosial", "PROV", false, 110, P::office, K::dinas, 300, 100, H::jpt_pratama, "Kepala Dinas Sosial", J(PEKSOS, PENYULUH_SOSIAL)},
        {"DISHUB", "Dinas Perhubungan", "PROV", false, 110, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Perhubungan", J(PENGUJI_KB)},
        {"DLHK", "Dinas Lingkungan Hidup dan Kehutanan", "PROV", false, 230, P::office, K::dinas, 450, 80, H::jpt_pratama, "Kepala Dinas Lingkungan Hidup dan Kehutanan", J(POLHUT, PDL, PENYULUH_KEHUTANAN, PEH)},
        {"DTPHP", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan", "PROV", false, 150, P::office, K::dinas, 400, 80, H::jpt_pratama, "Kepala Dinas Tanaman Pangan, Hortikultura dan Perkebunan", J(PENYULUH_PERTANIAN, PMHP, POPT, PBT)},
        {"DISNAKKESWAN", "Dinas Peternakan dan Kesehatan Hewan", "PROV", false, 90, P::office, K::dinas, 400, 80, H::jpt_pratama, "Kepala Dinas Peternakan dan Kesehatan Hewan", J(MEDIK_VET, PARAMEDIK_VET, PENGAWAS_BIBIT)},
        {"DKP", "Dinas Kelautan dan Perikanan", "PROV", false, 90, P::office, K::dinas, 350, 80, H::jpt_pratama, "Kepala Dinas Kelautan dan Perikanan", J(PENGAWAS_PERIKANAN, PENYULUH_PERIKANAN)},
        {"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "PROV", false, 60, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", J(PENATA_PERIZINAN)},
        {"DISKOPUKM", "Dinas Koperasi dan Usaha Kecil dan Menengah", "PROV", false, 60, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Koperasi dan Usaha Kecil dan Menengah", J(PENGAWAS_KOPERASI)},
        {"DISPERINDAG", "Dinas Perindustrian dan Perdagangan", "PROV", false, 80, P::office, K::dinas, 300, 80, H::jpt_pratama, "Kepala Dinas Perindustrian dan Perdagangan", J(PENERA, PENGAWAS_PERDAGANGAN)},
        {"DISPAR", "Dinas Pariwisata", "PROV", false, 50, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Pariwisata", J(ADYATAMA)},
        {"DISPORA", "Dinas Pemuda dan Olahraga", "PROV", false, 60, P::office, K::dinas, 150, 80, H::jpt_pratama, "Kepala Dinas Pemuda dan Olahraga", J(ANALIS_KEBIJAKAN)},
        {"DP3AP2KB", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "PROV", false, 60, P::office, K::dinas, 300, 80, H::jpt_pratama, "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", J(PENYULUH_KB, ANALIS_KEBIJAKAN)},
        {"DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "PROV", false, 50, P::office, K::dinas, 300, 80, H::jpt_pratama, "Kepala Dinas Pemberdayaan Masyarakat dan Desa", J(PSM)},
        {"DESDM", "Dinas Energi dan Sumber Daya Mineral", "PROV", false, 60, P::office, K::dinas, 250, 80, H::jpt_pratama, "Kepala Dinas Energi dan Sumber Daya Mineral", J(PENYELIDIK_BUMI, ANALIS_KEBIJAKAN)},
        {"SATPOLPP", "Satuan Polisi Pamong Praja", "PROV", false, 170, P::office, K::satpol, 650, 100, H::jpt_pratama, "Kepala Satuan Polisi Pamong Praja", J(POLPP)},
        {"BPBD", "Badan Penanggulangan Bencana Daerah", "PROV", false, 70, P::office, K::badan, 250, 80, H::jpt_pratama, "Kepala Pelaksana Badan Penanggulangan Bencana Daerah", J(ANALIS_BENCANA)},
        {"KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "PROV", false, 50, P::office, K::badan, 200, 60, H::jpt_pratama, "Kepala Badan Kesatuan Bangsa dan Politik", J(ANALIS_KEBIJAKAN)},
    };
    return specs;
}

/// Extra leaders of the Sekretariat Daerah (JPT pratama), after the Sekda.
constexpr std::array<std::string_view, 6> kSetdaLeaders{
    "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
    "Asisten Administrasi Umum", "Staf Ahli Gubernur Bidang Hukum dan Politik",
    "Staf Ahli Gubernur Bidang Ekonomi, Keuangan dan Pembangunan",
    "Staf Ahli Gubernur Bidang Kemasyarakatan dan Sumber Daya Manusia"};

// ---- position classes ------------------------------------------------------------------------

/// Golongan range (PP 13/2002 eselon table, ASN-RULES.md 8.3, approximately) and age range of a
/// structural post.
struct StructuralRule {
    PositionClass cls;
    std::uint8_t gol_lo, gol_hi;
    int age_lo, age_hi;  ///< age at the reference date; BUP 60 for JPT, 58 otherwise
    const EduDist* edu;
    std::uint16_t female_permille;
};
constexpr StructuralRule kJptMadya{PositionClass::jpt_madya, 16, 17, 50, 59, &kDistExecutive, 150};
constexpr StructuralRule kJptPratama{PositionClass::jpt_pratama, 14, 16, 45, 59, &kDistExecutive, 200};
constexpr StructuralRule kAdministrator{PositionClass::administrator, 12, 14, 38, 57, &kDistAdministrator, 320};
constexpr StructuralRule kPengawas{PositionClass::pengawas, 10, 12, 30, 57, &kDistSupervisor, 420};

/// Jobs of an ordinary (non-roster) employee.
enum class JobKind : std::uint8_t { administrator, pengawas, special, generic, jf, pelaksana };
struct JobSlot {
    JobKind kind;
    int jf;  ///< for JobKind::jf
    std::uint16_t permille;
};

const std::vector<JobSlot>& profile_jobs(Profile p) {
    using K = JobKind;
    static const std::vector<JobSlot> office{
        {K::administrator, -1, 25}, {K::pengawas, -1, 45}, {K::special, -1, 0}, {K::generic, -1, 150}, {K::pelaksana, -1, 0}};
    static const std::vector<JobSlot> school{
        {K::pengawas, -1, 3}, {K::jf, GURU, 850}, {K::jf, PENGAWAS_SEKOLAH, 8}, {K::jf, PUSTAKAWAN, 8},
        {K::jf, PLP, 8}, {K::pelaksana, -1, 123}};
    static const std::vector<JobSlot> hospital{
        {K::administrator, -1, 5}, {K::pengawas, -1, 12}, {K::jf, DOKTER, 60}, {K::jf, DOKTER_SPESIALIS, 45},
        {K::jf, DOKTER_GIGI, 8}, {K::jf, PERAWAT, 330}, {K::jf, BIDAN, 70}, {K::jf, APOTEKER, 15},
        {K::jf, ASISTEN_APOTEKER, 20}, {K::jf, PLK, 30}, {K::jf, RADIOGRAFER, 12}, {K::jf, NUTRISIONIS, 12},
        {K::jf, PEREKAM_MEDIS, 20}, {K::jf, FISIOTERAPIS, 8}, {K::jf, SANITARIAN, 8}, {K::jf, ADMINKES, 10},
        {K::pelaksana, -1, 335}};
    static const std::vector<JobSlot> health_office{
        {K::administrator, -1, 30}, {K::pengawas, -1, 40}, {K::jf, EPIDEMIOLOG, 40}, {K::jf, SANITARIAN, 40},
        {K::jf, ADMINKES, 60}, {K::jf, PROMKES, 40}, {K::jf, NUTRISIONIS, 20}, {K::jf, PERAWAT, 20},
        {K::jf, DOKTER, 15}, {K::jf, APOTEKER, 20}, {K::generic, -1, 120}, {K::pelaksana, -1, 555}};
    switch (p) {
        case Profile::school: return school;
        case Profile::hospital: return hospital;
        case Profile::health_office: return health_office;
        default: return office;
    }
}

/// Pelaksana position names (PermenPANRB 45/2022 names and some older ones still in records).
struct PelaksanaSpec {
    std::string_view name;
    Education min_edu, max_edu;
    bool male_only;
};
constexpr std::array<PelaksanaSpec, 15> kPelaksana{{
    {"Pengadministrasi Umum", Education::SD, Education::S1, false},
    {"Pengadministrasi Perkantoran", Education::SLTA, Education::D3, false},
    {"Operator Layanan Operasional", Education::SLTA, Education::D3, false},
    {"Pengelola Umum Operasional", Education::SLTA, Education::S1, false},
    {"Pengemudi", Education::SD, Education::SLTA, true},
    {"Pramu Bakti", Education::SD, Education::SLTA, false},
    {"Petugas Keamanan", Education::SD, Education::SLTA, true},
    {"Teknisi Sarana dan Prasarana", Education::SLTA, Education::D3, true},
    {"Pengelola Layanan Operasional", Education::D3, Education::S2, false},
    {"Pengolah Data dan Informasi", Education::D3, Education::S2, false},
    {"Pengelola Keuangan", Education::D3, Education::S2, false},
    {"Bendahara", Education::D3, Education::S2, false},
    {"Penata Layanan Operasional", Education::D4, Education::S2, false},
    {"Penelaah Teknis Kebijakan", Education::D4, Education::S2, false},
    {"Analis Kepegawaian", Education::D4, Education::S2, false},
}};

std::vector<std::string_view> administrator_titles(Kind k) {
    switch (k) {
        case Kind::dinas: return {"Sekretaris Dinas", "Kepala Bidang"};
        case Kind::badan: return {"Sekretaris Badan", "Kepala Bidang"};
        case Kind::inspektorat: return {"Sekretaris Inspektorat", "Inspektur Pembantu"};
        case Kind::hospital: return {"Wakil Direktur", "Kepala Bagian", "Kepala Bidang"};
        case Kind::satpol: return {"Sekretaris Satuan", "Kepala Bidang"};
        case Kind::uptd: return {"Kepala Subbagian Tata Usaha"};
        case Kind::cabdin: return {"Kepala Subbagian Tata Usaha"};
        default: return {"Kepala Bagian"};
    }
}
std::vector<std::string_view> pengawas_titles(Kind k) {
    switch (k) {
        case Kind::dinas:
        case Kind::badan:
        case Kind::satpol:
            return {"Kepala Subbagian Umum dan Kepegawaian", "Kepala Subbagian Keuangan", "Kepala Seksi"};
        case Kind::inspektorat: return {"Kepala Subbagian Umum dan Kepegawaian"};
        case Kind::cabdin: return {"Kepala Subbagian Tata Usaha"};
        case Kind::hospital: return {"Kepala Subbagian", "Kepala Seksi"};
        case Kind::uptd: return {"Kepala Subbagian Tata Usaha", "Kepala Seksi"};
        default: return {"Kepala Subbagian"};
    }
}

// ---- names (synthetic; Indonesian-sounding, no real person) -----------------------------------

constexpr std::array<std::string_view, 60> kMaleGiven{
    "Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko", "Rudi", "Agus", "Andi", "Arief",
    "Bambang", "Rahmat", "Hadi", "Yudi", "Taufik", "Syaiful", "Zulkifli", "Herman", "Iwan", "Wahyu",
    "Rizky", "Dimas", "Fikri", "Ilham", "Reza", "Sandi", "Suryadi", "Hasan", "Mulyadi", "Novri", "Ferdi",
    "Zulkarnain", "Syafrudin", "Helmi", "Jumadi", "Junaidi", "Mukhlis", "Darmawan", "Rusdi", "Edi",
    "Hendri", "Yusuf", "Anwar", "Firdaus", "Gusti", "Indra", "Kurnia", "Lukman", "Marzuki", "Nasrul",
    "Oktavianus", "Putra", "Ridwan", "Samsul", "Teguh", "Umar", "Yogi", "Zainal"};
constexpr std::array<std::string_view, 60> kFemaleGiven{
    "Siti", "Sri", "Dewi", "Ratna", "Rina", "Yuli", "Nurul", "Fitri", "Desi", "Eka", "Indah", "Lestari",
    "Maya", "Nur", "Putri", "Ayu", "Wulan", "Yanti", "Novi", "Lia", "Rini", "Tuti", "Rosmawati", "Elvi",
    "Herlina", "Mardiana", "Susanti", "Meli", "Winda", "Yesi", "Resti", "Vera", "Sartika", "Rosdiana",
    "Nurhayati", "Marlina", "Yusnita", "Elfi", "Sulastri", "Erni", "Yenni", "Desmawati", "Herawati",
    "Aprilia", "Dian", "Evi", "Fauziah", "Gita", "Hartini", "Intan", "Juliana", "Kartini", "Linda",
    "Mega", "Nova", "Oktaria", "Rahma", "Septi", "Tri", "Wahyuni"};
constexpr std::array<std::string_view, 40> kMaleFamily{
    "Saputra", "Pratama", "Kurniawan", "Hidayat", "Setiawan", "Nugroho", "Firmansyah", "Syahputra",
    "Wijaya", "Santoso", "Hermawan", "Gunawan", "Effendi", "Harahap", "Siregar", "Nasution", "Lubis",
    "Susanto", "Ramadhan", "Fauzi", "Hakim", "Irawan", "Jaya", "Kusuma", "Maulana", "Nurdin", "Pohan",
    "Rahman", "Saleh", "Tanjung", "Utama", "Wibowo", "Yusuf", "Zakaria", "Alamsyah", "Budiman",
    "Darmawan", "Hasibuan", "Iskandar", "Prasetyo"};
constexpr std::array<std::string_view, 40> kFemaleFamily{
    "Sari", "Wati", "Lestari", "Handayani", "Susanti", "Rahmawati", "Puspita", "Anggraini", "Wulandari",
    "Safitri", "Oktaviani", "Yulianti", "Novita", "Maharani", "Febriani", "Purnamasari", "Utami",
    "Permatasari", "Kartika", "Fitriani", "Agustina", "Damayanti", "Hartati", "Indriani", "Juwita",
    "Kurniasih", "Lubis", "Marlinda", "Nasution", "Pertiwi", "Rahayu", "Sulistyowati", "Septiani",
    "Harahap", "Yuliana", "Zahara", "Amelia", "Ningsih", "Siregar", "Suryani"};

constexpr std::array<std::string_view, 10> kS1Titles{
    "S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.IP.", "S.Si.", "S.P.", "S.Ak.", "S.AP."};
constexpr std::array<std::string_view, 7> kS2Titles{"M.Si.", "M.M.", "M.H.", "M.T.", "M.AP.", "M.E.", "M.Kom."};
constexpr std::array<std::string_view, 5> kGuruS1Titles{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si."};
constexpr std::array<std::string_view, 3> kHealthS1Titles{"S.K.M.", "S.Gz.", "S.Kes."};
constexpr std::array<std::string_view, 12> kSpecialties{
    "Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.An", "Sp.JP", "Sp.Rad", "Sp.M", "Sp.THT-KL", "Sp.N", "Sp.P", "Sp.KJ"};

// ---- age structure ---------------------------------------------------------------------------

/// Relative frequency of each age (at the reference date) from 18 to 65: PNS shaped by the
/// hiring waves of 2005-2014 and the moratoria after, PPPK younger (former honorer in their 30s).
constexpr int kMinAge = 18, kMaxAge = 65;
constexpr std::array<std::uint16_t, kMaxAge - kMinAge + 1> kPnsAges{
    1, 1, 1, 1, 4, 4, 4, 10, 10, 10, 10, 10, 18, 18, 18, 18, 18, 26, 26, 26, 26, 26, 30, 30, 30, 30,
    30, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 28, 28, 28, 20, 20, 0, 0, 0, 0, 0, 0};
constexpr std::array<std::uint16_t, kMaxAge - kMinAge + 1> kPppkAges{
    0, 0, 4, 4, 4, 4, 4, 18, 18, 18, 18, 18, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 24, 24, 24, 24,
    24, 16, 16, 16, 16, 16, 8, 8, 8, 8, 8, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0};

using AgeWeights = std::array<std::uint16_t, kMaxAge - kMinAge + 1>;
/// Running sums of age weights: cum[k] = sum of w[0..k).
using AgeCum = std::array<std::uint32_t, kMaxAge - kMinAge + 2>;
constexpr AgeCum cumulative(const AgeWeights& w) {
    AgeCum c{};
    for (std::size_t k = 0; k < w.size(); ++k) c[k + 1] = c[k] + w[k];
    return c;
}
struct AgeDist {
    AgeCum cum;
    std::array<std::uint8_t, 1024> lut;  ///< age - kMinAge, for the first weight_sum(w) entries
    std::uint32_t total;
};
constexpr AgeDist age_dist(const AgeWeights& w) {
    AgeDist d{cumulative(w), {}, static_cast<std::uint32_t>(weight_sum(w))};
    std::size_t k = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        for (std::size_t j = 0; j < w[i]; ++j) d.lut[k++] = static_cast<std::uint8_t>(i);
    return d;
}
static_assert(weight_sum(kPnsAges) <= 1024 && weight_sum(kPppkAges) <= 1024, "age tables fit the lookup table");
constexpr AgeDist kPnsAgeDist = age_dist(kPnsAges);
constexpr AgeDist kPppkAgeDist = age_dist(kPppkAges);

/// Age in [lo, hi] with the given relative frequencies (uniform when they are all zero there):
/// draws from the whole table until the age falls in range (exactly the conditional
/// distribution), after 8 misses from the running sums.
int pick_age(Rng& rng, const AgeDist& dist, int lo, int hi) {
    lo = std::max(lo, kMinAge);
    hi = std::min(hi, kMaxAge);
    if (hi <= lo) return lo;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int age = kMinAge + dist.lut[rng.below(dist.total)];
        if (age >= lo && age <= hi) return age;
    }
    const auto& cum = dist.cum;
    const std::uint32_t base = cum[static_cast<std::size_t>(lo - kMinAge)];
    const std::uint32_t total = cum[static_cast<std::size_t>(hi - kMinAge + 1)] - base;
    if (total == 0) return rng.range(lo, hi);
    const std::uint32_t r = base + rng.below(total);
    // The first age whose running sum passes r.
    const auto it = std::upper_bound(cum.begin() + (lo - kMinAge + 1), cum.begin() + (hi - kMinAge + 2), r);
    return kMinAge + static_cast<int>(it - cum.begin()) - 1;
}


// ---- the generator ---------------------------------------------------------------------------

/// One employee as drawn: every value but the NIP sequence number, strings as table indices.
struct Draw {
    std::uint32_t unit = 0;
    std::uint32_t position = 0;  ///< index into Plan::positions
    std::int32_t birth = 0;      ///< days since 1970-01-01
    std::uint32_t birth_ymd = 0; ///< the same as YYYYMMDD
    std::int32_t tmt = 0;        ///< months since 1970-01
    std::uint16_t nip_year = 0;  ///< NIP digits 9-12
    std::uint8_t nip_mid = 0;    ///< NIP digits 13-14: TMT month (PNS) or PPPK code
    EmploymentType type = EmploymentType::PNS;
    Gender gender = Gender::L;
    Education education = Education::SLTA;
    PositionClass cls = PositionClass::pelaksana;
    PositionLevel level = PositionLevel::none;
    Title title = Title::generic;
    Discipline discipline = Discipline::none;
    std::uint8_t golongan = 0;
    std::uint8_t training = 0;
    std::uint64_t name_bits = 0;  ///< random bits for the name and titles

    /// Digits 1-15 of the NIP.
    std::uint64_t prefix() const {
        const std::uint64_t ymd = birth_ymd;
        return (ymd * 1000000ULL + nip_year * 100ULL + nip_mid) * 10ULL + (gender == Gender::L ? 1 : 2);
    }
    /// A compact key (31 bits) with the same identity as prefix(), for sorting.
    std::uint64_t key() const {
        const auto days = static_cast<std::uint64_t>(birth + 25567);  // days since 1900-01-01
        const std::uint64_t mid = type == EmploymentType::PNS
                                      ? static_cast<std::uint64_t>((nip_year - 1900) * 12 + nip_mid - 1)
                                      : (1ULL << 12) | static_cast<std::uint64_t>((nip_year - 1900) * 2 + (nip_mid == 24 ? 1 : 0));
        return (days << 14) | (mid << 1) | (gender == Gender::L ? 0 : 1);
    }
};

struct RosterEntry {
    std::uint32_t unit;
    const StructuralRule* rule;
    std::uint32_t position;
    Title title;
};

/// Everything that does not depend on the employee: tables resolved to indices.
class Plan {
public:
    explicit Plan(const SampleOptions& o) : seed_(o.seed), year_(o.reference_year) {
        if (o.reference_year < 1960 || o.reference_year > 2099)
            throw ValidationError(Issue{-1, "reference_year", std::to_string(o.reference_year), "sample.reference_year",
                                        "the sample needs a reference year between 1960 and 2099"});
        if (o.n > 0xFFFFFFFFULL)
            throw ValidationError(Issue{-1, "n", std::to_string(o.n), "sample.n", "the sample has at most 4294967295 employees"});
        ref_month_ = month_index(year_, 6);
        // PPPK exist from the first appointments (2019 selection); NI PPPK code 24 (paruh waktu) from 2025.
        pppk_first_year_ = std::max(2019, year_ - 4);
        pppk_enabled_ = year_ >= 2019;

        const auto& specs = unit_specs();
        for (std::size_t u = 0; u < specs.size(); ++u) unit_lut_.insert(unit_lut_.end(), specs[u].weight, static_cast<std::uint8_t>(u));
        for (int a = kMinAge; a <= kMaxAge; ++a) {
            const std::int32_t first = days_from_civil(year_ - a - 1, 7, 1);
            birth_first_[static_cast<std::size_t>(a - kMinAge)] = first;
            birth_days_[static_cast<std::size_t>(a - kMinAge)] = static_cast<std::uint32_t>(days_from_civil(year_ - a, 6, 30) - first + 1);
        }
        // Job tables per unit and employment type, zero weights left out.
        jobs_.resize(specs.size());
        for (std::size_t u = 0; u < specs.size(); ++u) {
            const UnitSpec& us = specs[u];
            for (int t = 0; t < 2; ++t) {
                auto weight = [&](const JobSlot& j) -> std::uint32_t {
                    if (t == 1 && (j.kind == JobKind::administrator || j.kind == JobKind::pengawas)) return 0;  // PPPK
                    if (j.kind == JobKind::administrator && us.kind == Kind::uptd) return 0;  // the head is the only one
                    if (j.kind == JobKind::special) return us.jfs[0] >= 0 ? us.special : 0;
                    if (j.kind == JobKind::pelaksana && us.profile == Profile::office)
                        return 1000u - std::min<std::uint32_t>(1000u, 25u + 45u + 150u + us.special);
                    return j.permille;
                };
                JobTable& jt = jobs_[u][static_cast<std::size_t>(t)];
                for (const auto& j : profile_jobs(us.profile))
                    if (const std::uint32_t w = weight(j)) {
                        jt.lut.insert(jt.lut.end(), w, static_cast<std::uint8_t>(jt.slots.size()));
                        jt.slots.push_back(&j);
                    }
            }
        }
        // Fungsional position names: "<jabatan> <jenjang>".
        for (std::size_t j = 0; j < kJfs.size(); ++j)
            for (std::size_t l = 1; l < kLevelText.size(); ++l)
                positions_.push_back(std::string(kJfs[j].name) + " " + std::string(kLevelText[l]));
        for (std::size_t p = 0; p < kPelaksana.size(); ++p) positions_.emplace_back(kPelaksana[p].name);
        // Pelaksana choices by education and gender.
        for (std::size_t e = 0; e < kEdu; ++e)
            for (int g = 0; g < 2; ++g) {
                auto& list = pelaksana_[e][static_cast<std::size_t>(g)];
                for (std::size_t p = 0; p < kPelaksana.size(); ++p) {
                    const auto& s = kPelaksana[p];
                    if (e >= edu(s.min_edu) && e <= edu(s.max_edu) && !(g == 1 && s.male_only))
                        list.push_back(static_cast<std::uint32_t>(kJfs.size() * 8 + p));
                }
            }
        // Structural titles by unit kind.
        for (std::size_t k = 0; k <= static_cast<std::size_t>(Kind::uptd); ++k) {
            for (auto t : administrator_titles(static_cast<Kind>(k))) admin_[k].push_back(intern(t));
            for (auto t : pengawas_titles(static_cast<Kind>(k))) pengawas_[k].push_back(intern(t));
        }
        // The roster of unit leaders: the Sekda first, then the Asisten and Staf Ahli, then the
        // head of every unit in table order.
        for (std::size_t u = 0; u < specs.size(); ++u) {
            const auto& s = specs[u];
            if (s.head == Head::none) continue;
            const auto uu = static_cast<std::uint32_t>(u);
            const Title t = s.kind == Kind::hospital || s.profile == Profile::health_office ? Title::doctor_manager : Title::generic;
            roster_.push_back({uu, rule_of(s.head), intern(s.head_title), t});
            if (s.head == Head::jpt_madya)
                for (auto leader : kSetdaLeaders) roster_.push_back({uu, &kJptPratama, intern(leader), Title::generic});
        }
    }

    const std::string& position(std::uint32_t i) const { return positions_[i]; }

    /// Employee i. With key_only, stops once the NIP digits 1-15 are known (the draws up to there
    /// are the same).
    Draw draw(std::uint64_t i, std::uint32_t attempt, bool key_only = false) const {
        Rng rng(seed_, i, attempt);
        Draw d;
        const StructuralRule* structural = nullptr;
        int jf = -1;
        const auto& specs = unit_specs();
        if (i < roster_.size()) {
            const auto& r = roster_[i];
            d.unit = r.unit;
            structural = r.rule;
            d.position = r.position;
            d.title = r.title;
        } else {
            d.unit = unit_lut_[rng.below(static_cast<std::uint32_t>(unit_lut_.size()))];
            const UnitSpec& s = specs[d.unit];
            if (pppk_enabled_ && rng.chance(s.pppk)) d.type = EmploymentType::PPPK;
            // The job: a structural post, a jabatan fungsional or a pelaksana post.
            const JobTable& table = jobs_[d.unit][d.type == EmploymentType::PPPK ? 1 : 0];
            const JobSlot* job = table.slots[table.lut[rng.below(static_cast<std::uint32_t>(table.lut.size()))]];
            switch (job->kind) {
                case JobKind::administrator: structural = &kAdministrator; break;
                case JobKind::pengawas: structural = &kPengawas; break;
                case JobKind::special: {
                    std::uint32_t count = 0;
                    while (count < 4 && s.jfs[count] >= 0) ++count;
                    jf = s.jfs[rng.below(count)];
                    break;
                }
                case JobKind::generic: jf = kGenericJfs[rng.below(static_cast<std::uint32_t>(kGenericJfs.size()))]; break;
                case JobKind::jf: jf = job->jf; break;
                case JobKind::pelaksana: break;
            }
            if (structural) {
                const auto& list = structural == &kAdministrator ? admin_[static_cast<std::size_t>(s.kind)]
                                                                 : pengawas_[static_cast<std::size_t>(s.kind)];
                d.position = list[rng.below(static_cast<std::uint32_t>(list.size()))];
            }
        }
        const JfSpec* spec = jf >= 0 ? &kJfs[static_cast<std::size_t>(jf)] : nullptr;

        // Gender and education.
        const std::uint16_t female = structural ? structural->female_permille : spec ? spec->female_permille : 450;
        d.gender = rng.chance(female) ? Gender::P : Gender::L;
        const EduDist& mix = structural ? *structural->edu : spec ? *spec->edu : kDistPelaksana;
        d.education = static_cast<Education>(mix.lut[rng.below(1000)]);
        const std::size_t e = edu(d.education);
        const bool keahlian = spec && (spec->track == Track::keahlian ||
                                       (spec->track == Track::both && d.education >= Education::D4));
        if (spec) d.title = spec->title;
        int edu_age = kEduAge[e];
        if (spec && spec->pns_entry >= 10) edu_age = std::max(edu_age, 24);  // profesi dokter / apoteker
        if (jf == DOKTER_SPESIALIS) edu_age = 30;

        // Dates. Ages are whole years at 30 June of the reference year; BUP 58, 60 for JPT and guru.
        const int bup = structural ? structural->age_hi + 1 : (jf == GURU || jf == PENGAWAS_SEKOLAH) ? 60 : 58;
        int age;
        int tmt_year = 0;
        if (d.type == EmploymentType::PNS) {
            const int lo = std::max(edu_age + 1, structural ? structural->age_lo : kMinAge);
            age = pick_age(rng, kPnsAgeDist, lo, bup - 1);
        } else {
            // PPPK: year of first appointment, recent years more frequent.
            std::array<std::uint16_t, 5> yw{10, 15, 20, 30, 25};
            const int span = year_ - pppk_first_year_;  // 0..4
            for (int k = span + 1; k < 5; ++k) yw[static_cast<std::size_t>(k)] = 0;
            tmt_year = pppk_first_year_ + static_cast<int>(rng.pick(yw));
            age = pick_age(rng, kPppkAgeDist, edu_age + 1 + (year_ - tmt_year), bup - 1);
        }
        {
            // Born between 1 July of (year - age - 1) and 30 June of (year - age).
            const auto a = static_cast<std::size_t>(age - kMinAge);
            d.birth = birth_first_[a] + static_cast<std::int32_t>(rng.below(birth_days_[a]));
        }
        const CivilDate b = civil_from_days(d.birth);
        d.birth_ymd = static_cast<std::uint32_t>(b.year * 10000 + b.month * 100 + b.day);
        const std::int32_t bm = month_index(b.year, b.month);
        // First month at which the person has finished the education and is old enough: one month
        // past the birthday month, so any month-level age rule is met.
        const std::int32_t earliest = bm + 12 * edu_age + 1;
        if (d.type == EmploymentType::PNS) {
            // CPNS are appointed up to about 35; some former honorer were appointed up to 46.
            const int max_entry = rng.chance(80) ? 46 : 35;
            const std::int32_t latest = std::min(ref_month_, bm + 12 * (max_entry + 1));
            const auto window = static_cast<std::uint32_t>(std::max(0, latest - earliest));
            // Skewed towards early entry: the smaller of two uniform delays, one capped at 12 years.
            const std::uint32_t delay = std::min(rng.below(window + 1), rng.below(std::min(window, 144u) + 1));
            d.tmt = earliest + static_cast<std::int32_t>(delay);
            d.nip_year = static_cast<std::uint16_t>(year_of_month_index(d.tmt));
            d.nip_mid = static_cast<std::uint8_t>(month_of_month_index(d.tmt));
        } else {
            const int last_month = tmt_year == year_ ? 6 : 12;
            const std::int32_t first = std::max(month_index(tmt_year, 1), earliest);
            const std::int32_t last = month_index(tmt_year, last_month);
            d.tmt = first + static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(std::max(0, last - first) + 1)));
            d.nip_year = static_cast<std::uint16_t>(tmt_year);
            d.nip_mid = tmt_year >= 2025 && !spec && rng.chance(300) ? 24 : 21;  // paruh waktu: recent pelaksana
        }
        if (key_only) return d;

        // Golongan and level.
        const int service = ref_month_ - d.tmt;  // months
        if (d.type == EmploymentType::PNS) {
            const int entry = std::max<int>(kPnsEntry[e], spec ? spec->pns_entry : 0);
            const int period = 48 + rng.range(0, 24);  // one step per 4 to 6 years
            const int steps = service / period;
            int gol;
            if (structural) {
                gol = std::clamp(entry + steps + 1, static_cast<int>(structural->gol_lo), static_cast<int>(structural->gol_hi));
                gol = std::max(gol, entry);
            } else if (keahlian) {
                const int cap = spec->senior && service >= 26 * 12 && rng.chance(60) ? 17 : 15;
                gol = std::min(entry + steps, cap);
                d.level = keahlian_level(gol);
            } else if (spec) {
                gol = std::min(entry + steps, std::min(12, kPnsCeiling[e] + 1));
                d.level = keterampilan_level(gol);
            } else {
                gol = std::min(entry + steps, std::max<int>(entry, kPnsCeiling[e]));
            }
            d.golongan = static_cast<std::uint8_t>(gol);
        } else {
            int gol = std::max<int>(kPppkEntry[e], spec ? spec->pppk_gol : 0);
            if (keahlian) {
                if (gol >= 11) {
                    d.level = PositionLevel::ahli_muda;  // XI
                } else if (age >= 45 && d.education >= Education::S2 && rng.chance(40)) {
                    gol = 13;
                    d.level = PositionLevel::ahli_madya;  // XIII
                } else if (age >= 35 && rng.chance(50)) {
                    gol = 11;
                    d.level = PositionLevel::ahli_muda;  // XI
                } else {
                    d.level = PositionLevel::ahli_pertama;  // IX-X
                }
            } else if (spec) {
                if (gol <= 5) d.level = PositionLevel::pemula;  // V
                else { gol = std::max(gol, 6); d.level = PositionLevel::terampil; }  // VI-VII
            } else if (d.education == Education::SD) {
                gol += static_cast<int>(rng.below(3));  // I-III
            } else if (d.education == Education::D3 && rng.chance(100)) {
                gol = 8;  // VIII
            }
            d.golongan = static_cast<std::uint8_t>(gol);
        }
        if (structural) {
            d.cls = structural->cls;
        } else if (spec) {
            d.cls = PositionClass::fungsional;
            d.position = static_cast<std::uint32_t>(static_cast<std::size_t>(jf) * 8 + static_cast<std::size_t>(d.level) - 1);
        } else {
            d.cls = PositionClass::pelaksana;
            const auto& list = pelaksana_[e][d.gender == Gender::P ? 1 : 0];
            d.position = list[rng.below(static_cast<std::uint32_t>(list.size()))];
        }

        // Training this year (JP): many below the 20 JP rule, some none, a tail to 120.
        const std::uint32_t t = rng.below(1000);
        d.training = static_cast<std::uint8_t>(t < 150 ? 0 : t < 500 ? rng.range(1, 19) : t < 800 ? rng.range(20, 40)
                                               : t < 950 ? rng.range(41, 80) : rng.range(81, 120));
        const std::uint32_t h = rng.below(1000);
        d.discipline = h < 960 ? Discipline::none : h < 985 ? Discipline::ringan : h < 995 ? Discipline::sedang : Discipline::berat;
        d.name_bits = rng.next();
        return d;
    }

    /// The name with academic titles, into `out`.
    void name(const Draw& d, std::string& out) const {
        std::uint64_t bits = d.name_bits;
        auto take = [&bits](std::uint32_t k) {
            const auto v = static_cast<std::uint32_t>(bits % k);
            bits /= k;
            return v;
        };
        const bool f = d.gender == Gender::P;
        const auto& given = f ? kFemaleGiven : kMaleGiven;
        const auto& family = f ? kFemaleFamily : kMaleFamily;
        const std::uint32_t shape = take(100);
        const std::uint32_t g1 = take(static_cast<std::uint32_t>(given.size()));
        const std::uint32_t g2 = take(static_cast<std::uint32_t>(given.size()));
        const std::uint32_t fam = take(static_cast<std::uint32_t>(family.size()));
        const std::uint32_t t1 = take(1000), t2 = take(1000), t3 = take(1000);
        const Education e = d.education;
        out.clear();
        // Prefix titles.
        const bool doctor = d.title == Title::doctor || d.title == Title::specialist || d.title == Title::doctor_manager;
        if (e == Education::S3) out += "Dr. ";
        if (doctor) out += "dr. ";
        else if (d.title == Title::dentist) out += "drg. ";
        else if (d.title == Title::pharmacist) out += "apt. ";
        // Given names: one (15%), given + family (55%), two given + family (15%), two given (15%).
        out += given[g1];
        if (shape >= 70 && g2 != g1) { out += ' '; out += given[g2]; }
        if (shape >= 15 && shape < 85) { out += ' '; out += family[fam]; }
        // Suffix titles, each after ", ".
        auto suffix = [&out](std::string_view s) {
            out += ", ";
            out += s;
        };
        if (t1 < 40 && e >= Education::D3) return;  // some records carry no title
        switch (d.title) {
            case Title::doctor:
            case Title::doctor_manager:
            case Title::dentist:
                if (e >= Education::S2) suffix("M.Kes.");
                return;
            case Title::specialist: suffix(kSpecialties[t2 % kSpecialties.size()]); return;
            case Title::pharmacist:
                suffix("S.Farm.");
                if (e >= Education::S2) suffix("M.Farm.");
                return;
            case Title::pharm_assistant:
                if (e == Education::D3) suffix("A.Md.Farm.");
                return;
            case Title::nurse:
                if (e == Education::D3) suffix("A.Md.Kep.");
                else if (e == Education::D4) suffix("S.Tr.Kep.");
                else if (e >= Education::S1) { suffix("S.Kep."); suffix("Ners"); }
                if (e >= Education::S2) suffix("M.Kep.");
                return;
            case Title::midwife:
                if (e == Education::D3) suffix("A.Md.Keb.");
                else if (e == Education::D4) suffix("S.Tr.Keb.");
                else if (e == Education::S1) suffix("S.Keb.");
                else if (e >= Education::S2) suffix("M.Keb.");
                return;
            case Title::health:
                if (e == Education::D3) suffix("A.Md.Kes.");
                else if (e == Education::D4) suffix("S.Tr.Kes.");
                else if (e == Education::S1) suffix(kHealthS1Titles[t2 % kHealthS1Titles.size()]);
                else if (e >= Education::S2) { if (t3 < 600) suffix(kHealthS1Titles[t2 % kHealthS1Titles.size()]); suffix("M.Kes."); }
                return;
            case Title::guru:
                if (e == Education::D4) suffix("S.ST.");
                else if (e == Education::S1) suffix(kGuruS1Titles[t2 % kGuruS1Titles.size()]);
                else if (e >= Education::S2) { if (t3 < 600) suffix("S.Pd."); suffix("M.Pd."); }
                return;
            case Title::generic:
                if (e == Education::D3) suffix("A.Md.");
                else if (e == Education::D4) suffix("S.ST.");
                else if (e == Education::S1) suffix(kS1Titles[t2 % kS1Titles.size()]);
                else if (e >= Education::S2) {
                    if (t3 < 600) suffix(kS1Titles[t2 % kS1Titles.size()]);
                    suffix(kS2Titles[t3 % kS2Titles.size()]);
                }
                return;
        }
    }

private:
    static const StructuralRule* rule_of(Head h) {
        switch (h) {
            case Head::jpt_madya: return &kJptMadya;
            case Head::jpt_pratama: return &kJptPratama;
            case Head::administrator: return &kAdministrator;
            default: return &kPengawas;
        }
    }
    std::uint32_t intern(std::string_view s) {
        for (std::size_t i = kJfs.size() * 8; i < positions_.size(); ++i)
            if (positions_[i] == s) return static_cast<std::uint32_t>(i);
        positions_.emplace_back(s);
        return static_cast<std::uint32_t>(positions_.size() - 1);
    }

    std::uint64_t seed_;
    int year_;
    std::int32_t ref_month_ = 0;
    int pppk_first_year_ = 2019;
    bool pppk_enabled_ = true;
    std::vector<std::uint8_t> unit_lut_;  ///< unit index, each as often as its weight
    std::array<std::int32_t, kMaxAge - kMinAge + 1> birth_first_{};
    std::array<std::uint32_t, kMaxAge - kMinAge + 1> birth_days_{};
    std::vector<std::string> positions_;
    std::array<std::array<std::vector<std::uint32_t>, 2>, kEdu> pelaksana_;
    std::array<std::vector<std::uint32_t>, 10> admin_, pengawas_;
    std::vector<RosterEntry> roster_;
    struct JobTable {
        std::vector<const JobSlot*> slots;
        std::vector<std::uint8_t> lut;  ///< slot index, each as often as its weight
    };
    std::vector<std::array<JobTable, 2>> jobs_;  ///< per unit: PNS, PPPK
};

/// Stable LSD radix sort of the values by their bits 32..62 (the prefix key), three 11-bit digits.
void radix_sort_high(std::vector<std::uint64_t>& v) {
    std::vector<std::uint64_t> tmp(v.size());
    for (int shift = 32; shift < 64; shift += 11) {
        std::vector<std::size_t> count(2049, 0);
        for (const auto x : v) ++count[((x >> shift) & 2047) + 1];
        for (std::size_t b = 1; b < count.size(); ++b) count[b] += count[b - 1];
        for (const auto x : v) tmp[count[(x >> shift) & 2047]++] = x;
        v.swap(tmp);
    }
}

}  // namespace

Units bengkulu_units() {
    Units units;
    for (const auto& s : unit_specs()) units.add(std::string(s.code), std::string(s.name), s.parent);
    return units;
}

Workforce bengkulu_sample(const SampleOptions& options) {
    const Plan plan(options);
    const std::size_t n = options.n;
    Workforce wf(bengkulu_units());
    if (n == 0) return wf;

    // 1. NIP sequence numbers: 001.. in index order among employees sharing digits 1-15. An
    //    employee that would get a number above 999 is drawn again with the next attempt number.
    std::vector<std::uint8_t> attempt(n, 0);
    std::vector<std::uint16_t> sequence(n, 0);
    {
        // keys[i] = (31-bit prefix key << 32) | i; a stable radix sort on the prefix key keeps
        // index order among equal prefixes.
        std::vector<std::uint64_t> keys(n);
        for (std::size_t i = 0; i < n; ++i) keys[i] = (plan.draw(i, 0, true).key() << 32) | i;
        radix_sort_high(keys);
        for (int round = 0;; ++round) {
            std::vector<std::size_t> overflow;
            std::uint64_t run_key = ~0ULL;
            std::uint32_t seq = 0;
            for (const std::uint64_t k : keys) {
                const std::uint64_t prefix_key = k >> 32;
                const auto i = static_cast<std::size_t>(k & 0xFFFFFFFFULL);
                seq = prefix_key == run_key ? seq + 1 : 1;
                run_key = prefix_key;
                if (seq > 999) overflow.push_back(i);
                else sequence[i] = static_cast<std::uint16_t>(seq);
            }
            if (overflow.empty()) break;
            if (round == 200) throw Error("bengkulu_sample: cannot give unique NIPs to " + std::to_string(n) + " employees");
            // Draw the overflowing employees again (rare: needs far more than 999 people born on
            // one day with the same TMT month and gender).
            std::vector<std::uint8_t> redo(n, 0);
            for (auto i : overflow) redo[i] = 1;
            std::vector<std::uint64_t> rest;
            rest.reserve(keys.size());
            for (const std::uint64_t k : keys)
                if (!redo[k & 0xFFFFFFFFULL]) rest.push_back(k);
            for (auto i : overflow) {
                attempt[i] = static_cast<std::uint8_t>(attempt[i] + 1);
                rest.push_back((plan.draw(i, attempt[i], true).key() << 32) | i);
            }
            keys = std::move(rest);
            std::sort(keys.begin(), keys.end());
        }
    }

    // 2. The employees, in index order.
    wf.reserve(n);
    Employee e;
    for (std::size_t i = 0; i < n; ++i) {
        const Draw d = plan.draw(i, attempt[i]);
        e.nip = d.prefix() * 1000ULL + sequence[i];
        plan.name(d, e.name);
        e.employment_type = d.type;
        e.gender = d.gender;
        e.birth_date = d.birth;
        e.tmt = d.tmt;
        e.golongan = d.golongan;
        e.position_class = d.cls;
        e.position_level = d.level;
        e.position_name = plan.position(d.position);
        e.unit_code = unit_specs()[d.unit].code;
        e.education = d.education;
        e.training_hours = d.training;
        e.discipline = d.discipline;
        wf.add(e);
    }
    return wf;
}

SampleAppraisal sample_appraisal_inputs(const Workforce& wf, std::uint64_t seed) {
    const std::size_t n = wf.size();
    SampleAppraisal a;
    a.rating_hasil_kerja.resize(n);
    a.rating_perilaku.resize(n);
    a.has_leadership_training.resize(n);
    a.has_functional_training.resize(n);
    a.has_seminar.resize(n);
    a.potential.resize(n);
    const auto& edu = wf.education();
    const auto& cls = wf.position_class();
    const auto& gol = wf.golongan();
    const auto& hours = wf.training_hours();
    const auto& disc = wf.discipline();
    // Ratings codes (rules.hpp Rating): 0 di_bawah, 1 sesuai, 2 di_atas.
    auto rating = [](int merit, std::uint32_t r) -> std::uint8_t {
        // merit shifts per-mille chances: base 220 di_atas, 50 di_bawah
        const int up = std::clamp(220 + merit, 20, 600);
        const int down = std::clamp(50 - merit / 2, 5, 400);
        if (static_cast<int>(r) < up) return 2;
        if (static_cast<int>(r) >= 1000 - down) return 0;
        return 1;
    };
    for (std::size_t i = 0; i < n; ++i) {
        Rng rng(seed ^ 0x61707072616973ULL, i, 0);  // its own stream, apart from the workforce draws
        const int e = edu[i];                         // 0 SD .. 9 S3
        const int g = gol[i];                         // 1..17
        const double h = hours[i];
        const int d = disc[i];                        // 0 none .. 3 berat
        const int c = cls[i];                         // PositionClass code
        const bool structural = c <= static_cast<int>(PositionClass::pengawas);
        const bool fungsional = c == static_cast<int>(PositionClass::fungsional);
        // A latent merit in per-mille points: education, golongan, training, a personal part.
        const int train = h >= 40 ? 60 : h >= 20 ? 30 : h > 0 ? 0 : -40;
        const int personal = rng.range(-120, 120);
        const int merit = (e - 6) * 12 + (g - 9) * 4 + train + personal - d * 60;
        a.rating_hasil_kerja[i] = rating(merit, rng.below(1000));
        const int behaviour = merit * 3 / 4 + personal / 4 - d * 150;
        a.rating_perilaku[i] = rating(behaviour, rng.below(1000));
        a.has_leadership_training[i] = structural && rng.chance(static_cast<std::uint32_t>(std::clamp(550 + g * 15, 0, 950))) ? 1 : 0;
        a.has_functional_training[i] =
            fungsional && rng.chance(static_cast<std::uint32_t>(h >= 20 ? 700 : h > 0 ? 500 : 300)) ? 1 : 0;
        a.has_seminar[i] = rng.chance(static_cast<std::uint32_t>(h >= 40 ? 650 : h >= 20 ? 450 : h > 0 ? 300 : 150)) ? 1 : 0;
        int p = 60 + e * 3 + (h >= 20 ? 8 : 0) + (a.rating_hasil_kerja[i] - 1) * 12 + personal / 12 - d * 8 +
                rng.range(-18, 18);
        a.potential[i] = static_cast<double>(std::clamp(p, 0, 100));
    }
    return a;
}

Assessments sample_assessments(const Workforce& wf, std::uint64_t seed, int reference_year) {
    if (reference_year < 1960 || reference_year > 2099)
        throw ValidationError(Issue{-1, "reference_year", std::to_string(reference_year), "sample.reference_year",
                                    "the sample needs a reference year between 1960 and 2099"});
    CompetencyFramework framework = CompetencyFramework::builtin();
    const std::size_t k = framework.size();
    // Required levels by position kind under the built-in defaults.
    const PositionStandards standards(framework);
    std::array<std::array<std::uint8_t, 9>, kPositionKindCount> required{};
    for (std::size_t kind = 0; kind < kPositionKindCount; ++kind)
        for (std::size_t c = 0; c < k; ++c)
            required[kind][c] = standards.defaults()[static_cast<std::size_t>(framework[c].type)][kind];
    // Per competency, in tenths of a level (sample assumption): M.01 .. M.08, SK.01.
    constexpr std::array<int, 9> kEase{3, 1, 0, 0, 1, -1, -3, -4, 2};

    const std::int32_t first = days_from_civil(reference_year - 3, 1, 1), last = days_from_civil(reference_year, 6, 30);
    const std::size_t n = wf.size();
    const auto& edu = wf.education();
    const auto& cls = wf.position_class();
    const auto& lvl = wf.position_level();
    const auto& gol = wf.golongan();
    const auto& tmt = wf.tmt();
    const auto& hours = wf.training_hours();
    const auto& disc = wf.discipline();
    // Employees in NIP order, so that the records come out sorted as the history's index wants them.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_nip(n);
    for (std::size_t i = 0; i < n; ++i) by_nip[i] = {wf.nip()[i], static_cast<std::uint32_t>(i)};
    std::sort(by_nip.begin(), by_nip.end());
    std::vector<std::uint64_t> nip;
    std::vector<std::uint16_t> comp;
    std::vector<std::uint8_t> level, method;
    std::vector<std::int32_t> date;
    const std::size_t guess = n * k + n * k / 3;
    nip.reserve(guess), comp.reserve(guess), level.reserve(guess), method.reserve(guess), date.reserve(guess);
    std::array<std::uint8_t, 9> now{}, before{};
    for (const auto& entry : by_nip) {
        const std::uint64_t employee_nip = entry.first;  // a plain variable: lambdas below capture it (C++17)
        const auto row = entry.second;
        const std::size_t i = row;
        Rng rng(seed ^ 0x636F6D706574ULL, i, 0);  // its own stream, apart from the workforce and appraisal draws
        const auto pc = static_cast<PositionClass>(cls[i]);
        const auto kind = position_kind(pc, static_cast<PositionLevel>(lvl[i]));
        if (!kind) throw Error("workforce row with an invalid class/level pair");  // Workforce prevents this
        const auto& req = required[*kind];
        // A latent merit in tenths of a level: education, service, golongan, training, discipline, a personal part.
        const int service = std::clamp(reference_year - year_of_month_index(tmt[i]), 0, 35);
        const double h = hours[i];
        const int train = h >= 40 ? 6 : h >= 20 ? 3 : h > 0 ? 0 : -5;
        const int merit = (edu[i] - 6) * 3 + service / 4 + (gol[i] - 9) / 2 + train - disc[i] * 9 + rng.range(-12, 12) - 13;
        for (std::size_t c = 0; c < k; ++c) {
            now[c] = 0;
            if (!req[c]) continue;
            const int x = merit + kEase[c] + rng.range(-10, 10);
            const int want = req[c] + (x >= 14 ? 1 : x >= -8 ? 0 : x >= -19 ? -1 : -2);
            now[c] = static_cast<std::uint8_t>(std::clamp<int>(want, kMinCompetencyLevel, kMaxCompetencyLevel));  // on the scale
        }
        auto method_of = [&]() -> std::uint8_t {
            if (pc == PositionClass::fungsional) return static_cast<std::uint8_t>(AssessmentMethod::uji_kompetensi);
            if (pc == PositionClass::pelaksana)
                return static_cast<std::uint8_t>(rng.chance(650) ? AssessmentMethod::supervisor : AssessmentMethod::self);
            return static_cast<std::uint8_t>(AssessmentMethod::assessment_centre);
        };
        // Assessed on or after the TMT when it falls in the window (else: at selection).
        const std::int32_t tmt_day = days_from_civil(year_of_month_index(tmt[i]), month_of_month_index(tmt[i]), 1);
        const std::int32_t lo = tmt_day >= first && tmt_day <= last ? tmt_day : first;
        const bool history = rng.chance(270) && lo + 365 <= last;
        const std::int32_t current = history ? rng.range(lo + 365, last) : rng.range(lo, last);
        const std::int32_t earlier = history ? current - rng.range(365, std::min(1095, current - lo)) : 0;
        const std::uint8_t how_earlier = history ? method_of() : 0;
        const std::uint8_t how = method_of();
        for (std::size_t c = 0; c < k && history; ++c) {  // usually a level lower, sometimes the same, rarely higher
            const std::uint32_t r = rng.below(1000);
            before[c] = static_cast<std::uint8_t>(
                std::clamp<int>(now[c] + (r < 700 ? -1 : r < 960 ? 0 : 1), kMinCompetencyLevel, kMaxCompetencyLevel));
        }
        auto put = [&](std::size_t c, std::uint8_t l, std::int32_t day, std::uint8_t m) {
            nip.push_back(employee_nip);
            comp.push_back(static_cast<std::uint16_t>(c));
            level.push_back(l);
            date.push_back(day);
            method.push_back(m);
        };
        for (std::size_t c = 0; c < k; ++c) {
            if (!now[c]) continue;
            if (history) put(c, before[c], earlier, how_earlier);
            put(c, now[c], current, how);
        }
    }
    Assessments out(std::move(framework));
    out.add(AssessmentColumns{nip, comp, level, date, method}, last);
    return out;
}

}  // namespace penata
