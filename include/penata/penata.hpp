// penata — the whole C++ API in one include.
#pragma once

#include "penata/appraisal.hpp"
#include "penata/archive.hpp"
#include "penata/codes.hpp"
#include "penata/competency.hpp"
#include "penata/csv.hpp"
#include "penata/date.hpp"
#include "penata/error.hpp"
#include "penata/gaps.hpp"
#include "penata/kpi.hpp"
#include "penata/nip.hpp"
#include "penata/privacy.hpp"
#include "penata/progress.hpp"
#include "penata/rules.hpp"
#include "penata/sample.hpp"
#include "penata/units.hpp"
#include "penata/version.h"
#include "penata/workforce.hpp"

namespace penata {
/// The library version at run time ("MAJOR.MINOR.PATCH").
const char* version() noexcept;
}  // namespace penata
