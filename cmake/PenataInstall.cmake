# Install rules: headers, penata::penata (static), penata::penata_c (shared), the CMake package
# (find_package(penata CONFIG)) and a pkg-config file for the C library (penata.pc).
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/penata DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/penata/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/penata)

set(PENATA_INSTALL_TARGETS penata)
if(TARGET penata_c)
  list(APPEND PENATA_INSTALL_TARGETS penata_c)
endif()
install(TARGETS ${PENATA_INSTALL_TARGETS} EXPORT penataTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(PENATA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/penata)
install(EXPORT penataTargets NAMESPACE penata:: DESTINATION ${PENATA_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/penataConfig.cmake.in
  ${PROJECT_BINARY_DIR}/penataConfig.cmake INSTALL_DESTINATION ${PENATA_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/penataConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/penataConfig.cmake ${PROJECT_BINARY_DIR}/penataConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FindLibCSV.cmake DESTINATION ${PENATA_CMAKE_DIR})

if(TARGET penata_c)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/penata.pc.in ${PROJECT_BINARY_DIR}/penata.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/penata.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()
