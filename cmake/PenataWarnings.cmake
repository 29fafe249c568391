# penata_warnings(target): strict warnings for penata's own targets only (never leaked to
# consumers through INTERFACE properties).
function(penata_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
      -Wno-sign-conversion $<$<BOOL:${PENATA_WARNINGS_AS_ERRORS}>:-Werror>)
  endif()
endfunction()
